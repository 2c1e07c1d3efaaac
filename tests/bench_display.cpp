// pcn-bench-display: from an agent's "call next" reply to the new frame on the wall display,
// printed, never asserted. Needs an X display: xvfb-run -a build/tests/pcn-bench-display [--calls N]
#include <atomic>
#include <mutex>
#include <thread>

#include "display/board_app.h"
#include "support/bench_hub.h"

using namespace pcn;
using namespace pcn::bench;

int main(int argc, char** argv) {
  int calls = 100;
  if (argc == 3 && std::string(argv[1]) == "--calls") calls = std::atoi(argv[2]);
  Bench b;
  auto kiosk = b.client("kiosk", false);
  for (int i = 0; i < calls; ++i) must(kiosk->request("take_ticket", {{"service", "C"}}));
  auto screen = b.client("display", true);
  std::mutex m;
  std::vector<Steady::time_point> frames;
  std::atomic<bool> stop{false};
  display::BoardOptions o{"1920x1080", false, false, [&] {
                            std::lock_guard<std::mutex> lock(m);
                            frames.push_back(Steady::now());
                          }};
  std::thread ui([&] { must(util::Result<bool>(display::run_board(*screen, {}, o, stop).ok())); });
  std::this_thread::sleep_for(std::chrono::seconds(2));
  auto agent = b.client("agent", false);
  std::vector<double> latency_us;
  for (int i = 0; i < calls; ++i) {
    must(agent->request("call_next", {{"counter", 1 + i % 2}}));
    auto replied = Steady::now();
    std::optional<Steady::time_point> frame;
    for (int wait = 0; wait < 400 && !frame; ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      std::lock_guard<std::mutex> lock(m);
      for (auto t : frames) {
        if (t >= replied) {
          frame = t;
          break;
        }
      }
    }
    if (frame) latency_us.push_back(micros(*frame - replied));
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
  stop = true;
  ui.join();
  if (latency_us.empty()) die("no frame followed a call");
  std::printf("call next reply -> new frame on the display (1920x1080, Xvfb), %zu calls:\n",
              latency_us.size());
  std::printf("  p50 %8.0f us   p99 %8.0f us\n", percentile(latency_us, 0.5),
              percentile(latency_us, 0.99));
  return 0;
}
