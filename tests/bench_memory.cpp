// pcn-bench, memory and start-up: the real programs as separate processes on an agency made as an
// installer would (config file, `ticket-printer keygen --agency`), with a busy day committed to
// the hub's SQLite file through the store before the hub starts:
//  - the hub (`ticket-printer --headless`): time from spawn to serving, and to a client's
//    snapshot; snapshot size; resident memory (VmRSS, and the peak VmHWM);
//  - the wall display (`display --window 1920x1080`, needs an X server, e.g. xvfb-run): resident
//    memory once it shows the busy day, and its CPU while nothing happens;
//  - the agent console (`agent-console --counter 1 --agent Banc --window 1920x1080`): resident
//    memory, on its counter page; when the program has no window, `agent-console status`.
// The windows are measured on the empty day too, to tell the program from the day it holds.
#include <cstdio>
#include <fstream>
#include <thread>

#include "support/bench_day.h"
#include "support/bench_process.h"
#include "support/bench_sections.h"

namespace pcn::bench {

namespace {

using namespace std::chrono_literals;

constexpr const char* kHubStarted = "Serveur de file démarré";

constexpr const char* kConfig = R"toml(# pcn-bench (tests/bench_memory.cpp): open at all hours
[agency]
id = "banc"
name = "Banc d’essai"
timezone = "Pacific/Noumea"

[[services]]
prefix = "C"
code = "cafat"
label = "CAFAT"
colour = "#0072BC"
typical_minutes = 15

[[services]]
prefix = "F"
code = "factures"
label = "Factures"
colour = "#F39200"
typical_minutes = 10

[[services]]
prefix = "N"
code = "identite"
label = "Identité numérique"
colour = "#6F2C91"
typical_minutes = 20

[[counters]]
number = 1
label = "Guichet 1"
services = ["C", "F", "N"]

[[counters]]
number = 2
label = "Guichet 2"
services = ["C", "F", "N"]

[network]
hub = "127.0.0.1"
bind = "127.0.0.1"
request_port = @REQUEST@
event_port = @EVENT@

[data]
folder = "data"

[keys]
folder = "keys"

[printer]
backend = "file"
folder = "tickets"

[display]
message = "Bienvenue au banc d’essai."
voice = false
)toml";

/// The agency's folder: config, keys, data; removed at the end.
struct Agency {
  std::filesystem::path dir;
  int request_port = 0;
  int event_port = 0;

  explicit Agency(const std::string& ticket_printer) {
    dir =
        std::filesystem::temp_directory_path() / ("pcn-bench-agency-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "logs");
    request_port = free_tcp_port();
    do event_port = free_tcp_port();
    while (event_port == request_port);
    std::string text = kConfig;
    text.replace(text.find("@REQUEST@"), 9, std::to_string(request_port));
    text.replace(text.find("@EVENT@"), 7, std::to_string(event_port));
    std::ofstream(config()) << text;
    auto keygen = run_to_end({ticket_printer, "keygen", "--agency", "--config", config()},
                             dir / "logs" / "keygen");
    if (keygen.exit_code != 0) die("keygen --agency failed, see " + (dir / "logs").string());
  }
  ~Agency() { std::filesystem::remove_all(dir); }
  Agency(const Agency&) = delete;
  Agency& operator=(const Agency&) = delete;

  std::string config() const { return (dir / "agence.toml").string(); }
  std::filesystem::path database() const { return dir / "data" / "queue.sqlite"; }
  std::filesystem::path log(const std::string& name) const { return dir / "logs" / name; }

  std::unique_ptr<client::Client> client(const std::string& key) const {
    client::ClientOptions o;
    o.name = "bench-" + key;
    o.request_endpoint = "tcp://127.0.0.1:" + std::to_string(request_port);
    o.event_endpoint = "tcp://127.0.0.1:" + std::to_string(event_port);
    o.key = must(net::read_key_file(dir / "keys" / (key + ".key")));
    o.hub_public = must(net::read_key_file(dir / "keys" / "hub.pub")).public_key;
    o.follow = false;
    o.request_timeout = 10s;  // a busy day's snapshot takes a while to build
    return must(client::Client::connect(o));
  }
};

struct HubStart {
  std::unique_ptr<Child> hub;
  double serving_s = 0;   ///< spawn → "started" log line
  double snapshot_s = 0;  ///< spawn → a client (connected at that line) has its snapshot
  std::size_t snapshot_bytes = 0;
  double snapshot_again_ms = 0;  ///< one more snapshot request, round trip
  double snapshot_cpu_ms = 0;    ///< the hub's CPU time for it (user + system)
  double client_cpu_ms = 0;      ///< this process's CPU time for it (the client's side)
  long serving_rss_kib = 0;      ///< the hub's VmRSS once serving, before any snapshot
};

HubStart start_hub(const Agency& agency, const std::string& ticket_printer,
                   const std::string& tag) {
  HubStart s;
  auto start = Steady::now();
  s.hub = std::make_unique<Child>(
      std::vector<std::string>{ticket_printer, "--headless", "--config", agency.config()},
      agency.log(tag));
  if (!s.hub->wait_for_err(kHubStarted, 120s)) die("the hub did not start: " + s.hub->err());
  s.serving_s = seconds_since(start);
  s.serving_rss_kib = s.hub->rss_kib();
  auto display = agency.client("display");
  auto snapshot = must(display->request("snapshot"));
  s.snapshot_s = seconds_since(start);
  s.snapshot_bytes = snapshot.dump().size();
  double cpu = s.hub->cpu_seconds(), own = process_cpu_ms();
  auto again = Steady::now();
  must(display->request("snapshot"));
  s.snapshot_again_ms = seconds_since(again) * 1000;
  s.snapshot_cpu_ms = (s.hub->cpu_seconds() - cpu) * 1000;
  s.client_cpu_ms = process_cpu_ms() - own;
  return s;
}

std::string mib(long kib) { return fixed(double(kib) / 1024.0, 1) + " MiB"; }

bool file_exists(const std::string& path) { return !path.empty() && std::filesystem::exists(path); }

/// A window program's resident memory once settled (and its CPU over the idle span when asked).
struct WindowFigures {
  bool ran = false;  ///< still running after the settle time
  long rss_kib = 0;
  double idle_cpu_percent = -1;
};

WindowFigures measure_window(const Options& o, const Agency& agency, std::vector<std::string> argv,
                             const std::string& log, bool idle_cpu) {
  WindowFigures f;
  Child program(std::move(argv), agency.log(log), {"ALSOFT_DRIVERS=null"});
  std::this_thread::sleep_for(std::chrono::seconds(o.settle_seconds));
  f.rss_kib = program.rss_kib();
  f.ran = f.rss_kib > 0;
  if (f.ran && idle_cpu) {
    double cpu0 = program.cpu_seconds();
    std::this_thread::sleep_for(std::chrono::seconds(o.idle_seconds));
    f.idle_cpu_percent = (program.cpu_seconds() - cpu0) / o.idle_seconds * 100;
  }
  program.stop();
  if (!f.ran) std::printf("  %s ended early; see %s.err\n", log.c_str(), agency.log(log).c_str());
  return f;
}

bool has_x_server() { return std::getenv("DISPLAY") != nullptr; }

/// Whether `agent-console --help` offers a window (--window).
bool console_has_window(const Options& o, const Agency& agency) {
  auto help = run_to_end({o.agent_console, "--help"}, agency.log("console-help"));
  std::ifstream in(agency.log("console-help").string() + ".out");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return help.exit_code == 0 && text.find("--window") != std::string::npos;
}

/// The windows of the display and of a console (counter 1) on the hub's day, `day` naming it.
struct Windows {
  WindowFigures display;
  WindowFigures console;
};

Windows measure_windows(const Options& o, const Agency& agency, const std::string& day,
                        bool idle_cpu) {
  Windows w;
  if (!has_x_server()) return w;
  if (file_exists(o.display)) {
    w.display =
        measure_window(o, agency, {o.display, "--config", agency.config(), "--window", "1920x1080"},
                       "display-" + day, idle_cpu);
  }
  if (file_exists(o.agent_console) && console_has_window(o, agency)) {
    w.console = measure_window(o, agency,
                               {o.agent_console, "--config", agency.config(), "--counter", "1",
                                "--agent", "Banc", "--window", "1920x1080"},
                               "console-" + day, false);
  }
  return w;
}

std::string rss_or_why(const WindowFigures& f, const std::string& program) {
  if (f.ran) return mib(f.rss_kib);
  if (!has_x_server()) return "not measured (no X server: run under xvfb-run)";
  return "not measured (no " + program + " window)";
}

void report_windows(const Options& o, const Agency& agency, const Windows& empty,
                    const Windows& busy, Report& report) {
  std::printf(
      "  display --window 1920x1080: VmRSS %s (empty day), %s (busy day); idle CPU %.2f %% "
      "of a core over %d s\n",
      rss_or_why(empty.display, "display").c_str(), rss_or_why(busy.display, "display").c_str(),
      busy.display.idle_cpu_percent, o.idle_seconds);
  std::printf(
      "  agent-console --counter 1 --window 1920x1080: VmRSS %s (empty day), %s (busy day)\n",
      rss_or_why(empty.console, "console").c_str(), rss_or_why(busy.console, "console").c_str());
  std::string day = std::to_string(o.day_tickets) + " tickets";
  report.add({"display RSS (window 1920x1080), " + day, rss_or_why(busy.display, "display"),
              rss_or_why(empty.display, "display") + " (empty day)", "", "", ""});
  if (busy.display.idle_cpu_percent >= 0) {
    report.add({"display idle CPU over " + std::to_string(o.idle_seconds) + " s, " + day,
                fixed(busy.display.idle_cpu_percent, 2) + " % of a core", "", "", "", ""});
  }
  if (busy.console.ran || !file_exists(o.agent_console) || !has_x_server()) {
    report.add({"console RSS (window 1920x1080, counter page), " + day,
                rss_or_why(busy.console, "console"),
                rss_or_why(empty.console, "console") + " (empty day)", "", "", ""});
    return;
  }
  // No window yet: the status command's peak, so that the row says something measured.
  auto status = run_to_end({o.agent_console, "status", "--config", agency.config()},
                           agency.log("console-status"));
  report.add({"console RSS", "pending (no window yet)", "", "", "", ""});
  report.add(
      {"info: `agent-console status` peak RSS, " + day, mib(status.peak_rss_kib), "", "", "", ""});
}

}  // namespace

void run_memory(const Options& o, Report& report) {
  std::printf("\n== memory and start-up: the real programs, %d tickets in the day\n",
              o.day_tickets);
  if (!file_exists(o.ticket_printer)) die("no ticket-printer at '" + o.ticket_printer + "'");
  Agency agency(o.ticket_printer);

  HubStart empty = start_hub(agency, o.ticket_printer, "hub-empty");
  long empty_rss = empty.hub->rss_kib();
  Windows empty_windows = measure_windows(o, agency, "empty", false);
  empty.hub->stop();
  std::printf(
      "  hub, empty day: serving after %.0f ms, snapshot after %.0f ms (%zu bytes), "
      "VmRSS %s\n",
      empty.serving_s * 1000, empty.snapshot_s * 1000, empty.snapshot_bytes,
      mib(empty_rss).c_str());

  DayShape shape{o.day_tickets, std::min(o.calls, o.day_tickets), "CFN"};
  write_busy_day(agency.database(), shape, util::TimeZone::noumea(), util::SystemClock().now());
  HubStart full = start_hub(agency, o.ticket_printer, "hub-full");
  long rss = full.hub->rss_kib(), peak = full.hub->peak_rss_kib();
  std::printf(
      "  hub, %d tickets: serving after %.0f ms (VmRSS %s), snapshot after %.0f ms "
      "(%zu bytes);\n    another snapshot %.0f ms (CPU: hub %.0f ms, client %.0f ms); "
      "VmRSS %s (peak %s)\n",
      o.day_tickets, full.serving_s * 1000, mib(full.serving_rss_kib).c_str(),
      full.snapshot_s * 1000, full.snapshot_bytes, full.snapshot_again_ms, full.snapshot_cpu_ms,
      full.client_cpu_ms, mib(rss).c_str(), mib(peak).c_str());
  std::string day = std::to_string(o.day_tickets) + " tickets";
  report.add({"hub RSS, " + day + " in the day: serving / after snapshots",
              mib(full.serving_rss_kib) + " / " + mib(rss), mib(empty_rss) + " (empty day)", "", "",
              ""});
  report.add({"hub start-up, " + day + ": spawn → serving / → first snapshot",
              fixed(full.serving_s * 1000, 0) + " / " + fixed(full.snapshot_s * 1000, 0) + " ms",
              fixed(empty.serving_s * 1000, 0) + " / " + fixed(empty.snapshot_s * 1000, 0) +
                  " ms (empty day)",
              "", "", ""});
  report.add({"snapshot, " + day + ": size / round trip / CPU hub, client",
              fixed(double(full.snapshot_bytes) / 1e6, 2) + " MB / " +
                  fixed(full.snapshot_again_ms, 0) + " ms / " + fixed(full.snapshot_cpu_ms, 0) +
                  ", " + fixed(full.client_cpu_ms, 0) + " ms",
              fixed(double(empty.snapshot_bytes) / 1e3, 1) + " kB (empty day)", "", "", ""});
  Windows busy_windows = measure_windows(o, agency, "busy", true);
  std::printf("  hub with the windows following: VmRSS %s\n", mib(full.hub->rss_kib()).c_str());
  report_windows(o, agency, empty_windows, busy_windows, report);
  full.hub->stop();
}

}  // namespace pcn::bench
