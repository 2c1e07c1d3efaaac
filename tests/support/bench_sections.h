// pcn-bench's parts (tests/bench_*.cpp) and the summary they fill. Each part prints its details
// as it goes and adds its headline figures to the Report, printed at the end as a Markdown table
// (the form docs/performance.md keeps). Figures are printed, never asserted: a missed target is
// reported as MISS and pcn-bench still exits 0.
#pragma once

#include <string>
#include <vector>

#include "support/bench_hub.h"

namespace pcn::bench {

struct Options {
  int calls = 2000;         ///< "call next" round trips, and baseline round trips
  int tickets = 2000;       ///< tickets issued in the throughput part, and baseline commits
  int kiosks = 4;           ///< concurrent kiosk clients
  int day_tickets = 20000;  ///< tickets in the busy day (memory, start-up, call next at scale)
  int settle_seconds = 5;   ///< time given to a window program before its memory is read
  int idle_seconds = 10;    ///< span over which the display's idle CPU is measured
  bool latency = true;
  bool throughput = true;
  bool big_day = true;
  bool memory = true;
  std::string ticket_printer;  ///< paths of the programs (defaults: the ones built with pcn-bench)
  std::string display;
  std::string agent_console;
};

/// One line of the summary. `ratio`, `target` and `verdict` are empty for figures without one.
struct Row {
  std::string measure;
  std::string value;
  std::string baseline;
  std::string ratio;
  std::string target;
  std::string verdict;  ///< "PASS", "MISS" or ""
};

class Report {
 public:
  void add(Row row) { rows_.push_back(std::move(row)); }
  /// The rows as a Markdown table on standard output.
  void print() const;

 private:
  std::vector<Row> rows_;
};

/// "1234" (rounded), "1.23" style helpers for the rows.
std::string fixed(double value, int decimals);
/// "PASS" when `ok`, else "MISS".
std::string verdict(bool ok);

/// Times from an agent's call_next request to its reply, and to the event seen by a display.
struct CallTimes {
  std::vector<double> reply_us;
  std::vector<double> event_us;
};

/// An agent client calling on counters 1 and 2 in turn, one call at a time, and a display client
/// following the feed (live once constructed).
class CallNext {
 public:
  /// With `issue` > 0, a kiosk first takes that many tickets; the day must hold, all in all, as
  /// many waiting tickets as calls will be made.
  CallNext(Bench& bench, int issue);
  /// `n` calls; appends their times to `out`.
  void time(int n, CallTimes& out);

 private:
  std::unique_ptr<client::Client> agent_;
  std::unique_ptr<client::Client> display_;
  std::int64_t seen_seq_ = 0;
  int turn_ = 0;
};

/// Baseline 1 (bare ZeroMQ round trip + one FULL commit) against "call next".
void run_latency(const Options& options, Report& report);
/// Baseline 2 (bare FULL commits per second) against tickets per second from K kiosks.
void run_throughput(const Options& options, Report& report);
/// "call next" with a busy day loaded, and the engine's cost per event at that size.
void run_big_day(const Options& options, Report& report);
/// Resident memory of the hub (busy day), the display and a console; hub start-up time.
void run_memory(const Options& options, Report& report);

}  // namespace pcn::bench
