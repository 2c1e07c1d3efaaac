// Issue #10 end to end, with every piece real: a hub, the machine's cupsd with a cups-pdf queue,
// and the kiosk's and the agent console's windows side by side on one Xvfb screen, clicked with
// xdotool. The queue is stopped when a visitor takes a ticket: the kiosk shows the number to note,
// the hub flags the slip, the console lists it. A reprint asked while the printer is still
// stopped fails and keeps the row; once the queue is enabled again, « Réimprimer » gives the
// visitor a duplicate that CUPS completes, the kiosk goes back home and the row disappears.
#include <cups/cups.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/kiosk_layout.h"
#include "kiosk/page_text.h"
#include "printing/cups_printer.h"
#include "support/console_window.h"
#include "support/hub_fixture.h"
#include "text/catalog.h"
#include "ticket-printer/kiosk_app.h"
// test_window does not link pcn_cups_harness (tests/CMakeLists.txt); its one source is compiled
// here instead, the only window test that needs it.
#include "support/cups_harness.cpp"  // NOLINT(bugprone-suspicious-include)

using namespace pcn;
using namespace std::chrono_literals;
using console::Control;
using testing::hub_ticket;

namespace {

/// Where the console's window is moved, so that it sits beside the kiosk's 1024x768 one (they
/// overlap on a 1920x1080 screen; the window clicked is raised first).
constexpr int kConsoleX = 640;
constexpr int kConsoleY = 280;
// The start of text::console_window_title(1): SFML cuts the title at "—" in WM_NAME, which
// xdotool search reads.
const char* const kConsoleTitle = "^pcn-queue";
const char* const kKioskTitle = "Borne chaine";  // the kiosk's window title: its agency name

/// The kiosk's window on its thread: what it last drew and what it wrote to its log.
class KioskWindowThread {
 public:
  KioskWindowThread(client::Client& client, printing::Printer& printer,
                    ticket_printer::KioskSettings settings) {
    settings.log = [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(mutex_);
      log_.push_back(line);
    };
    ticket_printer::KioskWindow window{"1024x768", [this](const kiosk::KioskView& v) {
                                         std::lock_guard<std::mutex> lock(mutex_);
                                         view_ = v;
                                       }};
    thread_ = std::thread([this, &client, &printer, settings, window] {
      ran_ = ticket_printer::run_kiosk(client, printer, settings, window, stop_);
    });
  }
  ~KioskWindowThread() { static_cast<void>(join()); }
  KioskWindowThread(const KioskWindowThread&) = delete;
  KioskWindowThread& operator=(const KioskWindowThread&) = delete;

  std::optional<kiosk::KioskView> view() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return view_;
  }
  std::vector<std::string> log() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }
  /// Waits (at most 10 s) until the view drawn satisfies `done`.
  template <typename Pred>
  bool until(Pred done) const {
    for (int i = 0; i < 200; ++i) {
      auto v = view();
      if (v && done(*v)) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  /// Waits (at most 10 s) until the log has `count` lines that hold `part`.
  bool logged(const std::string& part, std::size_t count) const {
    for (int i = 0; i < 200; ++i) {
      auto lines = log();
      auto n = std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
        return l.find(part) != std::string::npos;
      });
      if (std::size_t(n) >= count) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  /// Closes the window; returns what run_kiosk returned.
  util::Status join() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    return ran_;
  }

 private:
  mutable std::mutex mutex_;  // protects view_ and log_
  std::optional<kiosk::KioskView> view_;
  std::vector<std::string> log_;
  std::atomic<bool> stop_{false};
  util::Status ran_;
  std::thread thread_;
};

/// xdotool on the window whose title holds `title` (waiting at most 10 s for it to exist).
void on_window(const std::string& title, const std::string& action) {
  auto r =
      testing::run_command("timeout 10 xdotool search --sync --name '" + title + "' " + action);
  REQUIRE_MESSAGE(r.status == 0, "xdotool search --name '" << title << "' " << action);
}

/// Everything the visitor can read on the kiosk's page (not home).
std::string words(const kiosk::KioskView& v) {
  kiosk::PageText page = kiosk::page_text(v);
  std::string all;
  for (const auto& l : page.before) all += l.text + "\n";
  all += page.number + "\n";
  for (const auto& l : page.after) all += l.text + "\n";
  return all + page.footer;
}

/// The jobs CUPS finished on `queue` (completed, cancelled or aborted), each as "its name
/// completed" or "its name not completed". Asked on the scheduler's local socket, where the
/// tests' root user sees the names (over TCP, CUPS hides them from unauthenticated clients).
std::vector<std::string> finished_jobs(const std::string& queue) {
  cups_job_t* jobs = nullptr;
  int n = cupsGetJobs2(CUPS_HTTP_DEFAULT, &jobs, queue.c_str(), 0, CUPS_WHICHJOBS_COMPLETED);
  REQUIRE_MESSAGE(n >= 0, "cupsGetJobs2: " << cupsLastErrorString());
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) {
    bool completed = jobs[i].state == IPP_JSTATE_COMPLETED;
    names.push_back(std::string(jobs[i].title) + (completed ? " completed" : " not completed"));
  }
  cupsFreeJobs(n, jobs);
  return names;
}

}  // namespace

TEST_CASE("a slip that failed on a stopped CUPS queue is reprinted from the console's window") {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
  testing::CupsHarness cups;
  testing::TempDir out("pcn-cups-out");
  const std::string queue = cups.add_pdf_queue(out.path());
  cups.disable(queue);
  testing::TestHub hub;
  hub.start();
  auto kiosk_client = hub.client("kiosk");
  auto agent_client = hub.client("agent");
  REQUIRE(kiosk_client->wait_live(5s));
  REQUIRE(agent_client->wait_live(5s));

  // The agent of counter 1 is at the console, moved beside the kiosk.
  agent_console::ConsoleSettings console_settings;
  console_settings.counter = 1;
  console_settings.agent = "Marie";
  testing::ConsoleScreen console;
  agent_console::ConsoleWindow console_window{
      std::to_string(testing::kConsoleWidth) + "x" + std::to_string(testing::kConsoleHeight),
      [&console](const console::ConsoleView& v) { console.shown(v); }};
  testing::ConsoleWindowThread console_ui(*agent_client, console_settings, console_window);
  REQUIRE(console.until([](const auto& v) { return v.live && !v.busy && v.unprinted.empty(); }));
  on_window(kConsoleTitle,
            "windowmove " + std::to_string(kConsoleX) + " " + std::to_string(kConsoleY));
  auto click_console = [&](Control c, std::size_t index = 0) {
    on_window(kConsoleTitle, "windowraise");
    sf::Vector2f at = console.centre(c, index);
    testing::click({at.x + kConsoleX, at.y + kConsoleY});
  };

  // The kiosk prints on the stopped queue: its home page already warns that slips cannot print.
  printing::CupsPrinter printer(queue, 10s);
  ticket_printer::KioskSettings kiosk_settings;
  kiosk_settings.agency_name = kKioskTitle;
  kiosk_settings.touch_guard = 500ms;
  kiosk_settings.reprints_from_hub = true;
  KioskWindowThread kiosk(*kiosk_client, printer, kiosk_settings);
  REQUIRE(kiosk.until([](const auto& v) {
    return v.page == kiosk::Page::home && v.services.size() == 3 && v.printer_down && !v.busy;
  }));

  // A visitor touches CAFAT: the ticket is issued, the slip fails, the number is on screen.
  on_window(kKioskTitle, "windowraise");
  kiosk::KioskLayout layout({1024, 768});
  sf::FloatRect cafat = layout.service_buttons(3, true)[0];
  testing::click({cafat.left + cafat.width / 2, cafat.top + cafat.height / 2});
  REQUIRE(kiosk.until([](const auto& v) { return v.page == kiosk::Page::print_failed; }));
  const std::string seen = words(*kiosk.view());
  CHECK(kiosk.view()->ticket_label == "C-001");
  CHECK(seen.find("C-001") != std::string::npos);
  CHECK(seen.find(text::kiosk_note_number()) != std::string::npos);
  CHECK(seen.find(text::kiosk_agent_warned()) != std::string::npos);
  CHECK(seen.find(queue) == std::string::npos);  // the reason is for the staff, not the visitor
  CHECK(kiosk.logged(text::kiosk_print_failed_log("C-001", ""), 1));
  protocol::Json flagged = hub_ticket(hub, "C-001");
  CHECK(flagged.at("print") == "failed");
  CHECK(flagged.at("state") == "waiting");
  CHECK(flagged.at("print_error").get<std::string>().find(queue) != std::string::npos);

  // The console lists it, with the kiosk's reason.
  REQUIRE(console.until([](const auto& v) { return v.unprinted.size() == 1; }));
  CHECK(console.view()->unprinted[0].label == "C-001");
  CHECK(console.view()->unprinted[0].reason.find(queue) != std::string::npos);

  // « Réimprimer » while the queue is still stopped: the duplicate fails too, and nothing is
  // lost: the visitor still reads the number, the hub still flags it, the console still lists it.
  click_console(Control::reprint);
  REQUIRE(console.until(
      [](const auto& v) { return !v.busy && v.status.text == text::reprint_requested("C-001"); }));
  REQUIRE(kiosk.logged(text::kiosk_reprint_asked_log("C-001", 1), 1));
  REQUIRE(kiosk.logged(text::kiosk_print_failed_log("C-001", ""), 2));
  std::this_thread::sleep_for(300ms);  // the kiosk's report reaches the hub and the console
  CHECK(kiosk.view()->page == kiosk::Page::print_failed);
  CHECK(hub_ticket(hub, "C-001").at("print") == "failed");
  REQUIRE(console.view()->unprinted.size() == 1);
  CHECK(console.view()->unprinted[0].label == "C-001");
  CHECK(cups.unfinished_jobs(queue) == 0);
  CHECK(finished_jobs(queue).empty());

  // The printer is back; « Réimprimer » again: CUPS completes the duplicate, the kiosk leaves
  // « Notez votre numéro », the hub records the slip printed and the row disappears.
  cups.enable(queue);
  click_console(Control::reprint);
  REQUIRE(kiosk.logged(text::kiosk_reprint_asked_log("C-001", 1), 2));
  auto pdf = testing::wait_for_pdf(out.path(), 20s);
  REQUIRE(pdf.has_value());
  CHECK(pdf->filename().string().find("pcn-C-001-duplicata") != std::string::npos);
  const std::string slip = testing::pdf_text(*pdf);
  CHECK(slip.find("C-001") != std::string::npos);
  CHECK(slip.find("Duplicata") != std::string::npos);
  CHECK(slip.find("OPT Test") != std::string::npos);  // the hub's agency (hub_fixture)
  CHECK(cups.wait_until_idle(queue, 10s));
  CHECK(finished_jobs(queue) == std::vector<std::string>{"pcn-C-001-duplicata completed"});
  CHECK(kiosk.until([](const auto& v) { return v.page == kiosk::Page::home && !v.printer_down; }));
  CHECK(console.until([](const auto& v) { return v.unprinted.empty(); }));
  CHECK(hub_ticket(hub, "C-001").at("print") == "printed");
  CHECK(hub_ticket(hub, "C-001").at("state") == "waiting");

  util::Status kiosk_ran = kiosk.join();
  CHECK_MESSAGE(kiosk_ran.ok(), (kiosk_ran.ok() ? "" : kiosk_ran.error().to_string()));
  util::Status console_ran = console_ui.join();
  CHECK_MESSAGE(console_ran.ok(), (console_ran.ok() ? "" : console_ran.error().to_string()));
}
