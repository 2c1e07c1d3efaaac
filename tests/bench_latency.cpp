// pcn-bench, "call next": from the agent's request to the event received by a display, against
// a bare ZeroMQ DEALER→ROUTER round trip with the hub's CURVE security and one SQLite FULL commit
// in the same folder as the hub's database. Baseline and hub are measured in alternating rounds,
// so that a noisy moment of the machine weighs on both.
#include <cstdio>

#include "support/bench_baseline.h"
#include "support/bench_sections.h"

namespace pcn::bench {

namespace {

constexpr int kRounds = 8;

struct Spread {
  double p50_ms;
  double p99_ms;
};

Spread spread(const std::vector<double>& us) {
  return {percentile(us, 0.50) / 1000.0, percentile(us, 0.99) / 1000.0};
}

std::string p50_p99(const Spread& s) {
  return fixed(s.p50_ms, 2) + " / " + fixed(s.p99_ms, 2) + " ms";
}

void print_line(const char* what, const std::vector<double>& us) {
  Spread s = spread(us);
  std::printf("  %-52s p50 %7.2f ms   p99 %7.2f ms   (n=%zu)\n", what, s.p50_ms, s.p99_ms,
              us.size());
}

/// Round trips of a bare echo server set up as `setup`, in one go (for information).
std::vector<double> echo_only(const EchoSetup& setup, int n) {
  EchoServer server(setup);
  EchoClient client(server, setup);
  std::vector<double> us;
  client.time(n, us);
  return us;
}

}  // namespace

CallNext::CallNext(Bench& bench, int issue) {
  if (issue > 0) {
    auto kiosk = bench.client("kiosk", false);
    for (int i = 0; i < issue; ++i) {
      must(kiosk->request("take_ticket", {{"service", i % 2 ? "C" : "F"}}));
    }
  }
  agent_ = bench.client("agent", false);
  display_ = bench.client("display", true);
  if (!display_->wait_live(std::chrono::seconds(30))) die("display client not live");
  display_->on_change([this](const queue::Change&) { seen_seq_ = display_->state().seq; });
}

void CallNext::time(int n, CallTimes& out) {
  for (int i = 0; i < n; ++i) {
    auto start = Steady::now();
    std::optional<Steady::time_point> replied, seen;
    std::int64_t want = 0;
    agent_->send("call_next", {{"counter", 1 + turn_++ % 2}},
                 [&](const util::Result<protocol::Json>& r) {
                   if (!r.ok()) die(r.error().to_string());
                   replied = Steady::now();
                   want = r->at("seq").get<std::int64_t>();
                 });
    while (!replied || !seen) {
      agent_->pump(std::chrono::milliseconds(replied ? 0 : 1));
      display_->pump(std::chrono::milliseconds(0));
      if (replied && !seen && seen_seq_ >= want) seen = Steady::now();
    }
    out.reply_us.push_back(micros(*replied - start));
    out.event_us.push_back(micros(*seen - start));
  }
}

void run_latency(const Options& o, Report& report) {
  std::printf("\n== call next: %d calls, baseline %d round trips (%d alternating rounds)\n",
              o.calls, o.calls, kRounds);
  Bench bench;
  EchoSetup setup{true, bench.keys(), bench.dir / "baseline-latency.sqlite"};
  EchoServer server(setup);
  EchoClient echo(server, setup);
  CallNext calls(bench, o.calls);
  std::vector<double> baseline_us;
  CallTimes hub;
  double baseline_cpu = 0, hub_cpu = 0;  // CPU of the whole process (both ends), ms
  for (int r = 0; r < kRounds; ++r) {
    int n = o.calls / kRounds + (r < o.calls % kRounds ? 1 : 0);
    double cpu = process_cpu_ms();
    echo.time(n, baseline_us);
    double middle = process_cpu_ms();
    calls.time(n, hub);
    baseline_cpu += middle - cpu;
    hub_cpu += process_cpu_ms() - middle;
  }
  std::printf("  SQLite files in %s\n", bench.dir.c_str());
  std::printf("  CPU per round trip, all threads: baseline %.0f us, hub path %.0f us\n",
              baseline_cpu * 1000 / o.calls, hub_cpu * 1000 / o.calls);
  print_line("baseline: ZeroMQ round trip (CURVE) + 1 FULL commit", baseline_us);
  print_line("hub: call_next request -> reply", hub.reply_us);
  print_line("hub: call_next request -> event seen by display", hub.event_us);
  auto plain = echo_only({false, bench.keys(), bench.dir / "baseline-plain.sqlite"}, o.calls);
  print_line("info: ZeroMQ round trip (no CURVE) + 1 FULL commit", plain);
  auto bare = echo_only({true, bench.keys(), std::nullopt}, o.calls);
  print_line("info: ZeroMQ round trip (CURVE), no commit", bare);
  auto bare_plain = echo_only({false, bench.keys(), std::nullopt}, o.calls);
  print_line("info: ZeroMQ round trip (no CURVE), no commit", bare_plain);

  Spread b = spread(baseline_us), e = spread(hub.event_us);
  double ratio = e.p99_ms / b.p99_ms;
  report.add({"call next: request → event seen by a display (p50 / p99)", p50_p99(e), p50_p99(b),
              fixed(ratio, 2) + " (p99)", "≤ 1.5", verdict(ratio <= 1.5)});
  report.add(
      {"call next: request → reply (p50 / p99)", p50_p99(spread(hub.reply_us)), "", "", "", ""});
  report.add({"call next: CPU per call, all threads (hub, agent, display)",
              fixed(hub_cpu * 1000 / o.calls, 0) + " µs",
              fixed(baseline_cpu * 1000 / o.calls, 0) + " µs", "", "", ""});
  report.add(
      {"info: round trip without CURVE + 1 FULL commit", p50_p99(spread(plain)), "", "", "", ""});
  report.add({"info: round trip with CURVE, no commit", p50_p99(spread(bare)), "", "", "", ""});
  report.add(
      {"info: round trip without CURVE, no commit", p50_p99(spread(bare_plain)), "", "", "", ""});
}

}  // namespace pcn::bench
