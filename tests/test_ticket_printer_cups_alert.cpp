// A stopped CUPS queue, end to end: the kiosk's ticket stays valid, is flagged as not printed,
// the alert reaches the other programs as an event, and the staff's reprint works once the queue
// is enabled again.
#include <doctest/doctest.h>

#include "printing/cups_printer.h"
#include "support/cups_harness.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "ticket-printer/kiosk_controller.h"

using namespace pcn;
using namespace std::chrono_literals;
using kiosk::Page;
using kiosk::Press;

TEST_CASE("ticket_printer::KioskController on a stopped CUPS queue: flagged, published, reprinted") {
  testing::CupsHarness cups;
  testing::TempDir out("pcn-cups-out");
  std::string queue = cups.add_pdf_queue(out.path());
  cups.disable(queue);

  testing::TestHub hub;
  hub.start();
  auto kiosk_client = hub.client("kiosk");
  auto agent_screen = hub.client("agent");
  REQUIRE(kiosk_client->wait_live(5s));
  REQUIRE(agent_screen->wait_live(5s));
  std::vector<queue::Ticket> alerts;
  agent_screen->on_change([&](const queue::Change& c) {
    for (const auto& t : c.tickets) {
      if (c.kind == queue::ChangeKind::ticket_printed && t.print == queue::PrintState::failed) {
        alerts.push_back(t);
      }
    }
  });

  printing::CupsPrinter printer(queue, 10s);
  ticket_printer::KioskSettings settings;
  ticket_printer::KioskController kiosk(*kiosk_client, printer, hub.clock(), settings);
  auto settle = [&] {
    for (int i = 0; i < 1000; ++i) {
      kiosk_client->pump(10ms);
      agent_screen->pump(0ms);
      kiosk.tick();
      if (kiosk.idle() && kiosk_client->pending_requests() == 0 && i > 20) return;
    }
    FAIL("the kiosk did not settle");
  };
  kiosk.tick();
  kiosk.press({Press::Kind::service, 'N'});
  settle();
  CHECK(kiosk.view().page == Page::print_failed);
  CHECK(kiosk.view().ticket_label == "N-001");
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].label() == "N-001");
  CHECK(alerts[0].state == queue::TicketState::waiting);
  CHECK(alerts[0].print_error.find(queue) != std::string::npos);

  cups.enable(queue);
  kiosk.press({Press::Kind::staff_reprint, 'A'});
  settle();
  auto pdf = testing::wait_for_pdf(out.path(), 20s);
  REQUIRE(pdf.has_value());
  std::string text = testing::pdf_text(*pdf);
  CHECK(text.find("N-001") != std::string::npos);
  CHECK(text.find("Duplicata") != std::string::npos);
  CHECK(agent_screen->state().tickets.begin()->second.print == queue::PrintState::printed);
}
