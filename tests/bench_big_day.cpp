// pcn-bench, a busy day: each published event carries the queue lengths and wait estimates, which
// the engine recomputes from all of the day's tickets. This part measures that cost in the engine
// alone (a small day against the busy one), then "call next" over the network with the busy day
// loaded by the hub from its SQLite file, against the same baseline as the latency part.
#include <time.h>

#include <cstdio>

#include "protocol/messages.h"
#include "support/bench_baseline.h"
#include "support/bench_day.h"
#include "support/bench_sections.h"

namespace pcn::bench {

namespace {

constexpr int kRounds = 8;

/// CPU time of the calling thread, in microseconds: the engine's work without the waits of a
/// busy machine.
double thread_cpu_us() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e6 + double(t.tv_nsec) / 1e3;
}

/// Median thread CPU microseconds of `reps` runs of `f`.
template <typename F>
double median_us(int reps, F f) {
  std::vector<double> us;
  for (int i = 0; i < reps; ++i) {
    double start = thread_cpu_us();
    f();
    us.push_back(thread_cpu_us() - start);
  }
  return percentile(us, 0.5);
}

struct EngineCosts {
  double loads_us;
  double decide_us;
  double event_us;
  double snapshot_ms;  ///< the day's tickets as a snapshot reply's text, as the hub builds it
};

std::string snapshot_text(const queue::Engine& engine, util::TimePoint now) {
  protocol::Json tickets = protocol::Json::array();
  for (const auto& [id, t] : engine.tickets()) tickets.push_back(protocol::encode(t));
  protocol::Json loads = protocol::Json::array();
  for (const auto& l : engine.loads(now)) loads.push_back(protocol::encode(l));
  return protocol::reply_ok(1, {{"tickets", std::move(tickets)}, {"loads", std::move(loads)}});
}

/// The engine's work for one call_next event on a day of `total` tickets (half of the last
/// `waiting` still waiting): deciding, the loads, and the event's encoding.
EngineCosts engine_costs(int total, int waiting) {
  util::SystemClock clock;
  auto now = clock.now();
  queue::AgencyRules r = rules();
  queue::Engine engine(r, r.zone.date_of(now));
  engine.restore(busy_day_state({total, waiting, "CF"}, r.zone, now));
  auto change = must(engine.call_next(1, now));
  EngineCosts c{};
  c.loads_us = median_us(101, [&] { (void)engine.loads(now); });
  c.decide_us = median_us(101, [&] { (void)engine.call_next(1, now); });
  c.event_us = median_us(
      101, [&] { (void)protocol::event_message("0123456789abcdef", 1, change, engine.loads(now)); });
  c.snapshot_ms = median_us(5, [&] { (void)snapshot_text(engine, now); }) / 1000;
  return c;
}

void print_costs(int total, const EngineCosts& c) {
  std::printf(
      "  engine (CPU), day of %6d tickets: loads() %7.1f us, call_next decision %7.1f us, "
      "event built (loads + JSON) %7.1f us, snapshot text %7.1f ms\n",
      total, c.loads_us, c.decide_us, c.event_us, c.snapshot_ms);
}

std::string p50_p99(const std::vector<double>& us) {
  return fixed(percentile(us, 0.5) / 1000, 2) + " / " + fixed(percentile(us, 0.99) / 1000, 2) +
         " ms";
}

}  // namespace

void run_big_day(const Options& o, Report& report) {
  std::printf("\n== a busy day: %d tickets (%d waiting), %d calls\n", o.day_tickets, o.calls,
              o.calls);
  int small = std::min(o.calls, o.day_tickets);
  EngineCosts few = engine_costs(small, small / 2);
  EngineCosts many = engine_costs(o.day_tickets, o.calls);
  print_costs(small, few);
  print_costs(o.day_tickets, many);

  DayShape shape{o.day_tickets, o.calls, "CF"};
  auto start = Steady::now();
  Bench bench([&](const std::filesystem::path& db) {
    write_busy_day(db, shape, rules().zone, util::SystemClock().now());
  });
  std::printf("  day written and hub started in %.1f s\n", seconds_since(start));
  EchoSetup setup{true, bench.keys(), bench.dir / "baseline-latency.sqlite"};
  EchoServer server(setup);
  EchoClient echo(server, setup);
  CallNext calls(bench, 0);
  std::vector<double> baseline_us;
  CallTimes hub;
  for (int r = 0; r < kRounds; ++r) {
    int n = o.calls / kRounds + (r < o.calls % kRounds ? 1 : 0);
    echo.time(n, baseline_us);
    calls.time(n, hub);
  }
  auto line = [](const char* what, const std::vector<double>& us) {
    std::printf("  %-52s p50 %7.2f ms   p99 %7.2f ms\n", what, percentile(us, 0.5) / 1000,
                percentile(us, 0.99) / 1000);
  };
  line("baseline: ZeroMQ round trip (CURVE) + 1 FULL commit", baseline_us);
  line("hub (busy day): call_next request -> reply", hub.reply_us);
  line("hub (busy day): call_next request -> event seen", hub.event_us);

  double ratio = percentile(hub.event_us, 0.99) / percentile(baseline_us, 0.99);
  report.add({"call next with " + std::to_string(o.day_tickets) +
                  " tickets in the day: request → event (p50 / p99)",
              p50_p99(hub.event_us), p50_p99(baseline_us), fixed(ratio, 2) + " (p99)", "≤ 1.5",
              verdict(ratio <= 1.5)});
  report.add({"engine per event, " + std::to_string(small) + " → " + std::to_string(o.day_tickets) +
                  " tickets: loads + event JSON",
              fixed(few.event_us, 0) + " → " + fixed(many.event_us, 0) + " µs", "", "", "", ""});
  report.add({"hub CPU to build a snapshot reply, " + std::to_string(small) + " → " +
                  std::to_string(o.day_tickets) + " tickets",
              fixed(few.snapshot_ms, 1) + " → " + fixed(many.snapshot_ms, 0) + " ms", "", "", "",
              ""});
}

}  // namespace pcn::bench
