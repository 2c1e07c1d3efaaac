// pcn-bench, tickets per second: K kiosk clients taking tickets at once (each its own Client and
// thread, take_ticket in a loop), against bare SQLite FULL commits per second (one small row per
// transaction, WAL, its log warmed up as a running hub's is) in the same folder. The baseline is
// measured before and after the kiosks and averaged, so that a drift of the machine weighs on both
// sides.
#include <cstdio>
#include <thread>

#include "support/bench_baseline.h"
#include "support/bench_sections.h"

namespace pcn::bench {

namespace {

/// `n` commits, timed, into a log that has been warmed up.
double commits_per_second(CommitLog& log, int n) {
  log.warm_up();
  auto start = Steady::now();
  for (int i = 0; i < n; ++i) log.commit_one();
  return n / seconds_since(start);
}

/// The first `n` commits into a new file, while its write-ahead log grows (for information).
double cold_commits_per_second(const std::filesystem::path& file, int n) {
  CommitLog log(file);
  auto start = Steady::now();
  for (int i = 0; i < n; ++i) log.commit_one();
  return n / seconds_since(start);
}

/// Tickets per second from `kiosks` clients taking `tickets` in all.
double tickets_per_second(Bench& bench, int tickets, int kiosks) {
  std::vector<std::unique_ptr<client::Client>> clients;
  for (int k = 0; k < kiosks; ++k) clients.push_back(bench.client("kiosk", false));
  const int each = tickets / kiosks;
  auto start = Steady::now();
  std::vector<std::thread> threads;
  for (int k = 0; k < kiosks; ++k) {
    threads.emplace_back([&clients, each, k] {
      for (int i = 0; i < each; ++i) {
        must(clients[std::size_t(k)]->request("take_ticket", {{"service", i % 2 ? "C" : "F"}}));
      }
    });
  }
  for (auto& t : threads) t.join();
  return each * kiosks / seconds_since(start);
}

}  // namespace

void run_throughput(const Options& o, Report& report) {
  std::printf("\n== tickets per second: %d tickets, baseline %d commits before and after\n",
              o.tickets, o.tickets);
  Bench bench;
  double cold = cold_commits_per_second(bench.dir / "baseline-cold.sqlite", 500);
  CommitLog log(bench.dir / "baseline-commits.sqlite");
  double before = commits_per_second(log, o.tickets);
  double one = tickets_per_second(bench, o.tickets, 1);
  double cpu = process_cpu_ms();
  double many = tickets_per_second(bench, o.tickets, o.kiosks);
  double cpu_per_ticket_us = (process_cpu_ms() - cpu) * 1000 / o.tickets;
  double after = commits_per_second(log, o.tickets);
  double baseline = (before + after) / 2;
  std::printf("  baseline: bare SQLite FULL commits      %7.0f /s (before %.0f, after %.0f)\n",
              baseline, before, after);
  std::printf("  info: the first 500 commits of a new file (its log growing): %.0f /s\n", cold);
  std::printf("  hub: tickets from 1 kiosk               %7.0f /s\n", one);
  std::printf(
      "  hub: tickets from %d concurrent kiosks   %7.0f /s (CPU, all threads: %.0f us a ticket)\n",
      o.kiosks, many, cpu_per_ticket_us);
  double ratio = many / baseline;
  report.add({"tickets issued per second, " + std::to_string(o.kiosks) + " concurrent kiosks",
              fixed(many, 0) + " /s", fixed(baseline, 0) + " commits/s", fixed(ratio, 2), "≥ 0.7",
              verdict(ratio >= 0.7)});
  report.add({"info: tickets issued per second, 1 kiosk", fixed(one, 0) + " /s", "", "", "", ""});
  report.add({"info: bare FULL commits per second into a new file (log growing)",
              fixed(cold, 0) + " /s", "", "", "", ""});
}

}  // namespace pcn::bench
