// The agent console's real window under Xvfb, against a real hub, clicked and typed into with
// xdotool as an agent's hand would: call, recall, no-show, transfer through its dialog, call a
// typed number, finish, pause and resume; the hub's state is checked after each, and a refused
// call shows the hub's reason on the screen.
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
using testing::hub_ticket;
using testing::hub_until;
using testing::key;
using testing::xdotool;
using Screen = testing::ConsoleScreen;
using WindowThread = testing::ConsoleWindowThread;
constexpr unsigned kWidth = testing::kConsoleWidth;
constexpr unsigned kHeight = testing::kConsoleHeight;

protocol::Json counter_1(testing::TestHub& hub) {
  const protocol::Json snap = testing::hub_snapshot(hub);
  for (const auto& c : snap.at("counters")) {
    if (c.at("number") == 1) return c;
  }
  return protocol::Json::object();
}

bool serving(const console::ConsoleView& v, const std::string& label) {
  return v.serving && v.serving->label == label && !v.busy;
}

}  // namespace

TEST_CASE("agent_console::run_console: the window's buttons and keys drive a real hub") {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
  testing::TestHub hub;
  hub.start();
  {
    auto kiosk = hub.client("kiosk", false);
    for (const char* service : {"C", "C", "F"}) {
      REQUIRE(kiosk->request("take_ticket", {{"service", service}}).ok());
    }
  }
  auto agent = hub.client("agent");
  REQUIRE(agent->wait_live(5s));
  agent_console::ConsoleSettings settings;
  settings.agency_name = "OPT Test";
  settings.counter = 1;
  settings.agent = "Marie";
  Screen screen;
  agent_console::ConsoleWindow window{std::to_string(kWidth) + "x" + std::to_string(kHeight),
                                      [&screen](const console::ConsoleView& v) { screen.shown(v); }};
  WindowThread ui(*agent, settings, window);

  // The window opens on the counter page and tells the hub who is there.
  REQUIRE(screen.until([](const auto& v) { return v.live && v.status.tone == console::Tone::success; }));
  CHECK(screen.view()->status.text == text::console_opened("Guichet 1", "Marie"));
  CHECK(counter_1(hub).at("agent") == "Marie");

  // Appeler le suivant, by a click.
  click(screen.centre(Control::call_next));
  REQUIRE(screen.until([](const auto& v) { return serving(v, "C-001"); }));
  CHECK(hub_ticket(hub, "C-001").at("state") == "called");
  CHECK(hub_ticket(hub, "C-001").at("counter") == 1);
  CHECK(screen.view()->status.text == text::counter_action_called("Guichet 1", "C-001", "CAFAT"));

  // Rappeler, by its key R.
  key("r");
  REQUIRE(hub_until([&] { return hub_ticket(hub, "C-001").at("calls") == 2; }));
  REQUIRE(screen.until([](const auto& v) { return v.serving && !v.serving->calls.empty(); }));

  // Absent, by a click: back to the end of the line once (behind C-002, taken earlier).
  hub.clock().advance(2min);
  click(screen.centre(Control::no_show));
  REQUIRE(hub_until([&] { return hub_ticket(hub, "C-001").at("no_shows") == 1; }));
  CHECK(hub_ticket(hub, "C-001").at("state") == "waiting");
  REQUIRE(screen.until([](const auto& v) { return !v.serving && !v.busy; }));

  // Space calls the next: C-002 (C-001 went to the end of the line).
  key("space");
  REQUIRE(screen.until([](const auto& v) { return serving(v, "C-002"); }));
  CHECK(hub_ticket(hub, "C-002").at("state") == "called");

  // Transférer vers…: the dialog, then Identité numérique.
  click(screen.centre(Control::transfer));
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::transfer; }));
  std::size_t identite = 0;
  auto services = screen.view()->services;
  for (std::size_t i = 0; i < services.size(); ++i) {
    if (services[i].prefix == 'N') identite = i;
  }
  click(screen.centre(Control::pick_service, identite));
  REQUIRE(hub_until([&] { return hub_ticket(hub, "C-002").at("service") == "N"; }));
  CHECK(hub_ticket(hub, "C-002").at("state") == "waiting");
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::counter && !v.serving; }));

  // Appeler un numéro…: N opens the field (the N is not typed into it), then c1 and Entrée.
  key("n");
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::call_number; }));
  xdotool("type --delay 60 c1");
  REQUIRE(screen.until([](const auto& v) { return v.number_input == "C1"; }));
  key("Return");
  REQUIRE(screen.until([](const auto& v) { return serving(v, "C-001"); }));
  CHECK(hub_ticket(hub, "C-001").at("calls") == 3);

  // Terminé, by a click: the outcome page, then Passer.
  click(screen.centre(Control::finish));
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::outcome; }));
  click(screen.centre(Control::skip));
  REQUIRE(hub_until([&] { return hub_ticket(hub, "C-001").at("state") == "done"; }));
  REQUIRE(screen.until([](const auto& v) { return !v.serving && !v.busy; }));

  // Pause by P, Reprendre by a click on the same place.
  key("p");
  REQUIRE(hub_until([&] { return counter_1(hub).at("paused") == true; }));
  REQUIRE(screen.until([](const auto& v) { return v.paused && !v.busy; }));
  click(screen.centre(Control::resume));
  REQUIRE(hub_until([&] { return counter_1(hub).at("paused") == false; }));
  REQUIRE(screen.until([](const auto& v) { return !v.paused && !v.busy; }));

  // F-001 is the last one counter 1 may call; then the hub refuses, and says why on screen.
  key("Return");
  REQUIRE(screen.until([](const auto& v) { return serving(v, "F-001"); }));
  key("t");
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::outcome; }));
  key("Return");  // Valider
  REQUIRE(hub_until([&] { return hub_ticket(hub, "F-001").at("state") == "done"; }));
  REQUIRE(screen.until([](const auto& v) { return !v.serving && !v.busy; }));
  std::this_thread::sleep_for(700ms);  // a call just after Valider is taken for a double press
  click(screen.centre(Control::call_next));
  REQUIRE(screen.until([](const auto& v) { return v.status.tone == console::Tone::failure; }));
  CHECK(screen.view()->status.text == text::queue_empty(1));
  CHECK(hub_ticket(hub, "C-002").at("state") == "waiting");  // Identité numérique: not counter 1's

  util::Status ran = ui.join();
  CHECK_MESSAGE(ran.ok(), (ran.ok() ? "" : ran.error().to_string()));
}
