// The kiosk's real window under Xvfb, clicked with xdotool as a visitor's finger would.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "kiosk/kiosk_layout.h"
#include "printing/file_printer.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "ticket-printer/kiosk_app.h"

using namespace pcn;
using namespace std::chrono_literals;

namespace {

void click(sf::Vector2f at, int times) {
  std::string cmd = "xdotool mousemove " + std::to_string(int(at.x)) + " " +
                    std::to_string(int(at.y)) + " click --repeat " + std::to_string(times) +
                    " --delay 90 1";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

/// The tickets of the day, as the supervisor sees them.
protocol::Json tickets(testing::TestHub& hub) {
  auto snap = hub.client("supervisor", false)->request("snapshot");
  REQUIRE(snap.ok());
  return snap->at("tickets");
}

bool wait_for_tickets(testing::TestHub& hub, std::size_t n) {
  for (int i = 0; i < 100; ++i) {
    if (tickets(hub).size() >= n) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

}  // namespace

TEST_CASE("ticket_printer::run_kiosk a click on a button takes that service's ticket, a double click one") {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
  testing::TestHub hub;
  hub.start();
  auto kiosk_client = hub.client("kiosk");
  REQUIRE(kiosk_client->wait_live(5s));
  testing::TempDir slips("pcn-slips");
  printing::FilePrinter printer(slips.path(), util::TimeZone::noumea());
  ticket_printer::KioskSettings settings;
  settings.agency_name = "OPT Test";
  settings.confirmation_time = 1500ms;
  settings.touch_guard = 500ms;
  std::atomic<bool> stop{false};
  util::Status shown;
  std::thread ui([&] {
    shown = ticket_printer::run_kiosk(*kiosk_client, printer, settings, {"1024x768", {}}, stop);
  });
  kiosk::KioskLayout layout({1024, 768});
  auto buttons = layout.service_buttons(3);  // C, F, N in the test agency
  auto centre = [](const sf::FloatRect& r) {
    return sf::Vector2f(r.left + r.width / 2, r.top + r.height / 2);
  };
  std::this_thread::sleep_for(1500ms);  // the window appears and the home page is drawn

  click(centre(buttons[1]), 1);
  CHECK(wait_for_tickets(hub, 1));
  std::this_thread::sleep_for(2500ms);  // the confirmation goes back home by itself
  click(centre(buttons[0]), 2);          // a double tap on CAFAT
  CHECK(wait_for_tickets(hub, 2));
  std::this_thread::sleep_for(2000ms);  // a second ticket would have arrived by now
  stop = true;
  ui.join();
  CHECK_MESSAGE(shown.ok(), (shown.ok() ? "" : shown.error().to_string()));

  auto all = tickets(hub);
  REQUIRE(all.size() == 2);
  CHECK(all[0].at("label") == "F-001");
  CHECK(all[1].at("label") == "C-001");
  CHECK(all[0].at("print") == "printed");
  int pdfs = 0;
  for (const auto& f : std::filesystem::directory_iterator(slips.path())) {
    pdfs += f.path().extension() == ".pdf";
  }
  CHECK(pdfs == 2);
}
