// pcn-bench: figures for the hub on loopback, printed, never asserted (speed is not a test).
//   pcn-bench [--calls N] [--tickets N] [--kiosks K]
// Measures, with CurveZMQ on and the SQLite file in a temp folder (synchronous=FULL):
//  - "call next": agent request → reply, and request → event seen by a subscribed display;
//  - tickets issued per second by K kiosks at once.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/bench_hub.h"

using namespace pcn;
using namespace pcn::bench;

namespace {

void issue(client::Client& kiosk, int n) {
  for (int i = 0; i < n; ++i) must(kiosk.request("take_ticket", {{"service", i % 2 ? "C" : "F"}}));
}

void bench_call_next(Bench& b, int calls) {
  auto kiosk = b.client("kiosk", false);
  issue(*kiosk, calls);
  auto agent = b.client("agent", false);
  auto display = b.client("display", true);
  if (!display->wait_live(std::chrono::seconds(5))) die("display not live");
  std::int64_t seen_seq = 0;
  display->on_change([&](const queue::Change&) { seen_seq = display->state().seq; });
  std::vector<double> reply_us, event_us;
  for (int i = 0; i < calls; ++i) {
    auto start = Steady::now();
    std::optional<Steady::time_point> replied, seen;
    std::int64_t want = 0;
    agent->send("call_next", {{"counter", 1 + i % 2}}, [&](const util::Result<protocol::Json>& r) {
      if (!r.ok()) die(r.error().to_string());
      replied = Steady::now();
      want = r->at("seq").get<std::int64_t>();
    });
    while (!replied || !seen) {
      agent->pump(std::chrono::milliseconds(replied ? 0 : 1));
      display->pump(std::chrono::milliseconds(0));
      if (replied && !seen && seen_seq >= want) seen = Steady::now();
    }
    reply_us.push_back(micros(*replied - start));
    event_us.push_back(micros(*seen - start));
  }
  std::printf("call next, %d calls (CURVE, SQLite synchronous=FULL):\n", calls);
  std::printf("  request -> reply        p50 %8.0f us   p99 %8.0f us\n", percentile(reply_us, 0.5),
              percentile(reply_us, 0.99));
  std::printf("  request -> event seen   p50 %8.0f us   p99 %8.0f us\n", percentile(event_us, 0.5),
              percentile(event_us, 0.99));
}

void bench_tickets(Bench& b, int tickets, int kiosks) {
  std::vector<std::unique_ptr<client::Client>> clients;
  for (int k = 0; k < kiosks; ++k) clients.push_back(b.client("kiosk", false));
  auto start = Steady::now();
  std::vector<std::thread> threads;
  for (int k = 0; k < kiosks; ++k) {
    threads.emplace_back([&, k] { issue(*clients[k], tickets / kiosks); });
  }
  for (auto& t : threads) t.join();
  double seconds = std::chrono::duration<double>(Steady::now() - start).count();
  std::printf("take ticket, %d tickets from %d kiosk(s): %.0f tickets/s\n", tickets / kiosks * kiosks,
              kiosks, (tickets / kiosks * kiosks) / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  int calls = 2000, tickets = 2000, kiosks = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    int v = std::atoi(argv[i + 1]);
    if (a == "--calls") calls = v;
    else if (a == "--tickets") tickets = v;
    else if (a == "--kiosks") kiosks = v;
    else die("unknown option " + a);
  }
  {
    Bench b;
    bench_call_next(b, calls);
  }
  {
    Bench b;
    bench_tickets(b, tickets, 1);
  }
  {
    Bench b;
    bench_tickets(b, tickets, kiosks);
  }
  return 0;
}
