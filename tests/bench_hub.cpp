// pcn-bench: the hub's figures on loopback, each against a baseline measured in the same run, so
// that the ratio holds on a noisy machine. Printed, never asserted: a missed target is reported as
// MISS and the exit status stays 0 (1 only when the benchmark itself cannot run).
//
//   pcn-bench [--calls N] [--tickets N] [--kiosks K] [--day-tickets N]
//             [--skip-latency] [--skip-throughput] [--skip-big-day] [--skip-memory]
//             [--settle-seconds S] [--idle-seconds S] [--keep-cpu-awake]
//             [--ticket-printer-exe P] [--display-exe P] [--console-exe P]
//
// With CurveZMQ on and SQLite WAL synchronous=FULL in the temp folder (TMPDIR, else /tmp):
//  - call next (bench_latency.cpp): request → event seen by a display, against a bare ZeroMQ
//    round trip plus one FULL commit; target p99 ≤ 1.5 × the baseline's p99;
//  - tickets per second (bench_throughput.cpp) from K concurrent kiosks, against bare FULL commits
//    per second; target ≥ 0.7 × the baseline;
//  - a busy day (bench_big_day.cpp): the engine's cost per event, and call next with N tickets;
//  - memory and start-up (bench_memory.cpp): the real programs as processes; the display's row
//    needs an X server: run the whole under `xvfb-run -a -s "-screen 0 1920x1080x24"`.
// --keep-cpu-awake runs one lowest-priority spinning thread per CPU for the whole run, so that no
// CPU ever idles: on some virtual machines an fsync that ends while every CPU is idle is only
// noticed at the next timer tick (4 ms), which makes bare commits look slow (docs/performance.md).
#include <pthread.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <thread>

#include "support/bench_sections.h"

using namespace pcn::bench;

namespace pcn::bench {

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string verdict(bool ok) { return ok ? "PASS" : "MISS"; }

void Report::print() const {
  std::printf("\n| measure | value | baseline | ratio | target | |\n|---|---|---|---|---|---|\n");
  for (const Row& r : rows_) {
    std::printf("| %s | %s | %s | %s | %s | %s |\n", r.measure.c_str(), r.value.c_str(),
                r.baseline.c_str(), r.ratio.c_str(), r.target.c_str(), r.verdict.c_str());
  }
}

}  // namespace pcn::bench

namespace {

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "?";
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

void print_machine() {
  utsname u{};
  ::uname(&u);
  std::printf("pcn-bench: %s, %ld CPU(s), Linux %s; temp folder %s; load average %s\n",
              cpu_model().c_str(), ::sysconf(_SC_NPROCESSORS_ONLN), u.release,
              std::filesystem::temp_directory_path().c_str(), load_average().c_str());
}

/// One spinning thread per CPU at the lowest priority (nice 19), while it lives: every CPU always
/// has something to run, yet the measured threads go first.
class CpuAwake {
 public:
  CpuAwake() {
    for (long i = 0; i < ::sysconf(_SC_NPROCESSORS_ONLN); ++i) {
      threads_.emplace_back([this] {
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);
        while (!stop_.load(std::memory_order_relaxed)) {
        }
      });
    }
    unmeasured_cpu_ms() = [this] { return cpu_ms(); };
  }
  ~CpuAwake() {
    unmeasured_cpu_ms() = [] { return 0.0; };
    stop_ = true;
    for (auto& t : threads_) t.join();
  }
  /// CPU time its threads used so far, in milliseconds.
  double cpu_ms() {
    double total = 0;
    for (auto& t : threads_) {
      clockid_t clock{};
      timespec used{};
      if (::pthread_getcpuclockid(t.native_handle(), &clock) == 0 &&
          ::clock_gettime(clock, &used) == 0) {
        total += double(used.tv_sec) * 1000 + double(used.tv_nsec) / 1e6;
      }
    }
    return total;
  }
  CpuAwake(const CpuAwake&) = delete;
  CpuAwake& operator=(const CpuAwake&) = delete;

 private:
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

/// Parses the command line into `o`; ends with status 2 on an unknown option.
void parse(int argc, char** argv, Options& o, bool& keep_cpu_awake) {
  const std::map<std::string, int*> numbers{{"--calls", &o.calls},
                                            {"--tickets", &o.tickets},
                                            {"--kiosks", &o.kiosks},
                                            {"--day-tickets", &o.day_tickets},
                                            {"--settle-seconds", &o.settle_seconds},
                                            {"--idle-seconds", &o.idle_seconds}};
  const std::map<std::string, std::string*> paths{{"--ticket-printer-exe", &o.ticket_printer},
                                                  {"--display-exe", &o.display},
                                                  {"--console-exe", &o.agent_console}};
  const std::map<std::string, bool*> skips{{"--skip-latency", &o.latency},
                                           {"--skip-throughput", &o.throughput},
                                           {"--skip-big-day", &o.big_day},
                                           {"--skip-memory", &o.memory}};
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--keep-cpu-awake") {
      keep_cpu_awake = true;
    } else if (skips.count(a)) {
      *skips.at(a) = false;
    } else if (numbers.count(a) && has_value && std::atoi(argv[i + 1]) > 0) {
      *numbers.at(a) = std::atoi(argv[++i]);
    } else if (paths.count(a) && has_value) {
      *paths.at(a) = argv[++i];
    } else {
      std::fprintf(stderr, "pcn-bench: unknown option or bad value: %s (see tests/bench_hub.cpp)\n",
                   a.c_str());
      std::exit(2);
    }
  }
  o.kiosks = std::min(o.kiosks, o.tickets);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  o.ticket_printer = PCN_TICKET_PRINTER_EXE;
  o.display = PCN_DISPLAY_EXE;
  o.agent_console = PCN_AGENT_CONSOLE_EXE;
  bool keep_cpu_awake = false;
  parse(argc, argv, o, keep_cpu_awake);
  print_machine();
  std::optional<CpuAwake> awake;
  if (keep_cpu_awake) {
    awake.emplace();
    std::printf("--keep-cpu-awake: one nice-19 spinning thread per CPU during the run\n");
  }
  Report report;
  if (o.latency) run_latency(o, report);
  if (o.throughput) run_throughput(o, report);
  if (o.big_day) run_big_day(o, report);
  if (o.memory) run_memory(o, report);
  report.print();
  std::printf("\nload average at the end: %s\n", load_average().c_str());
  return 0;
}
