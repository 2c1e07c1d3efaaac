// The agent console's real window under Xvfb against a real hub: the slips that did not print,
// reprinted with xdotool clicks and keys as an agent would: the counter page's « Réimprimer »,
// « Réimprimer un numéro… » (I, then the number), and a row of the list (« Voir la liste »). A
// kiosk-role client following the hub's feed sees each reprint_requested, for that ticket and
// counter 1; the window says so on its status line and marks the row.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <thread>

#include "support/console_window.h"
#include "support/hub_fixture.h"
#include "text/catalog.h"

using namespace pcn;
using namespace std::chrono_literals;
using console::Control;

namespace {

using testing::click;
using testing::xdotool;
using Screen = testing::ConsoleScreen;
using WindowThread = testing::ConsoleWindowThread;
constexpr unsigned kWidth = testing::kConsoleWidth;
constexpr unsigned kHeight = testing::kConsoleHeight;

/// A kiosk-role client following the feed: the reprints it saw (ticket, counter). Pumped on
/// the test's thread.
struct KioskWatch {
  std::unique_ptr<client::Client> client;
  std::vector<std::pair<queue::TicketId, std::optional<int>>> reprints;

  explicit KioskWatch(testing::TestHub& hub) : client(hub.client("kiosk")) {
    REQUIRE(client->wait_live(5s));
    client->on_change([this](const queue::Change& c) {
      if (c.kind == queue::ChangeKind::reprint_requested)
        reprints.emplace_back(*c.ticket, c.counter);
    });
  }
  bool saw(std::size_t count) {
    for (int i = 0; i < 400 && reprints.size() < count; ++i) client->pump(20ms);
    return reprints.size() >= count;
  }
  queue::TicketId take(const char* service, bool printed) {
    auto r = client->request("take_ticket", {{"service", service}});
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    const auto id = r->at("ticket").at("id").get<queue::TicketId>();
    REQUIRE(client
                ->request("report_print",
                          {{"ticket", id}, {"printed", printed}, {"error", "plus de papier"}})
                .ok());
    return id;
  }
};

}  // namespace

TEST_CASE("agent_console::run_console: « Réimprimer » clicked in the window reaches the kiosk") {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
  testing::TestHub hub;
  hub.start();
  KioskWatch kiosk(hub);
  const queue::TicketId c1 = kiosk.take("C", true);
  const queue::TicketId f1 = kiosk.take("F", false);
  auto agent = hub.client("agent");
  REQUIRE(agent->wait_live(5s));
  agent_console::ConsoleSettings settings;
  settings.agency_name = "OPT Test";
  settings.counter = 1;
  settings.agent = "Marie";
  Screen screen;
  agent_console::ConsoleWindow window{
      std::to_string(kWidth) + "x" + std::to_string(kHeight),
      [&screen](const console::ConsoleView& v) { screen.shown(v); }};
  WindowThread ui(*agent, settings, window);
  REQUIRE(screen.until([](const auto& v) {
    return v.live && !v.busy && v.unprinted.size() == 1 && v.status.tone == console::Tone::success;
  }));
  CHECK(screen.view()->unprinted[0].label == "F-001");

  // The counter page's « Réimprimer »: the kiosk sees the request for F-001 from counter 1.
  click(screen.centre(Control::reprint, 0));
  REQUIRE(kiosk.saw(1));
  CHECK(kiosk.reprints[0].first == f1);
  CHECK(kiosk.reprints[0].second == 1);
  REQUIRE(screen.until(
      [](const auto& v) { return !v.busy && v.status.text == text::reprint_requested("F-001"); }));
  // Marked with the time it was asked (the window runs on the system's clock).
  CHECK(screen.view()->unprinted[0].asked.rfind(text::console_reprint_asked(""), 0) == 0);
  CHECK(screen.view()->unprinted[0].asked.size() == text::console_reprint_asked("09:00").size());

  // « Réimprimer un numéro… » by its key I, then the number of a printed ticket (a visitor who
  // lost the slip) and Entrée.
  xdotool("key i");
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::reprint_number; }));
  xdotool("type --delay 60 c1");
  REQUIRE(screen.until([](const auto& v) { return v.number_input == "C1"; }));
  xdotool("key Return");
  REQUIRE(kiosk.saw(2));
  CHECK(kiosk.reprints[1].first == c1);
  REQUIRE(screen.until([](const auto& v) {
    return v.page == console::Page::counter && !v.busy &&
           v.status.text == text::reprint_requested("C-001");
  }));

  // Two more fail: the row says how many and opens the list; the third row's « Réimprimer ».
  const queue::TicketId n1 = kiosk.take("N", false);
  kiosk.take("C", false);
  REQUIRE(screen.until([](const auto& v) { return v.unprinted.size() == 3; }));
  click(screen.centre(Control::show_unprinted));
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::unprinted; }));
  click(screen.centre(Control::reprint, 1));
  REQUIRE(kiosk.saw(3));
  CHECK(kiosk.reprints[2].first == n1);
  CHECK(kiosk.reprints[2].second == 1);
  REQUIRE(screen.until(
      [](const auto& v) { return !v.busy && v.status.text == text::reprint_requested("N-001"); }));
  // The kiosk prints F-001's duplicate: it leaves the list, the others stay.
  REQUIRE(kiosk.client
              ->request("report_print", {{"ticket", f1}, {"printed", true}, {"duplicate", true}})
              .ok());
  REQUIRE(screen.until([](const auto& v) { return v.unprinted.size() == 2; }));
  CHECK(screen.view()->unprinted[0].label == "N-001");
  xdotool("key Escape");
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::counter; }));

  util::Status ran = ui.join();
  CHECK_MESSAGE(ran.ok(), (ran.ok() ? "" : ran.error().to_string()));
}
