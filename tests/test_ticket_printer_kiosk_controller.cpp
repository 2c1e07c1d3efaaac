// The kiosk's behaviour against a real hub, with a printer that fails on demand.
#include <doctest/doctest.h>

#include <atomic>

#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "ticket-printer/kiosk_controller.h"
#include "ticket-printer/take_command.h"

using namespace pcn;
using namespace std::chrono_literals;
using kiosk::Page;
using kiosk::Press;

namespace {

/// Succeeds, or fails with "printer_stopped", as the test says; counts what it printed.
class ScriptedPrinter final : public printing::Printer {
 public:
  std::atomic<bool> working{true};
  std::atomic<int> printed{0};
  std::atomic<int> duplicates{0};

  util::Status print(const printing::PrintJob& job) override {
    if (!working) return util::make_error("printer_stopped", "L’imprimante « test » est arrêtée.");
    ++printed;
    if (job.content.duplicate) ++duplicates;
    return {};
  }
  std::string describe() const override { return "test"; }
};

struct Kiosk {
  testing::TestHub hub;
  ScriptedPrinter printer;
  std::unique_ptr<client::Client> client;
  std::unique_ptr<ticket_printer::KioskController> controller;

  Kiosk() {
    hub.start();
    client = hub.client("kiosk");
    REQUIRE(client->wait_live(5s));
    ticket_printer::KioskSettings s;
    s.hours = testing::test_rules().hours;
    controller = std::make_unique<ticket_printer::KioskController>(*client, printer, hub.clock(), s);
    controller->tick();
  }
  /// Pumps until nothing is in flight.
  void settle() {
    for (int i = 0; i < 500; ++i) {
      client->pump(10ms);
      controller->tick();
      if (controller->idle() && client->pending_requests() == 0) return;
    }
    FAIL("the kiosk did not settle");
  }
  protocol::Json tickets() {
    auto snap = hub.client("supervisor", false)->request("snapshot");
    REQUIRE(snap.ok());
    return snap->at("tickets");
  }
};

}  // namespace

TEST_CASE("ticket_printer::KioskController one press gives one printed ticket, a double tap too") {
  Kiosk k;
  CHECK(k.controller->view().page == Page::home);
  CHECK(k.controller->view().services.size() == 3);
  k.controller->press({Press::Kind::service, 'C'});
  k.controller->press({Press::Kind::service, 'C'});  // the second tap of a double tap
  CHECK(k.controller->view().busy);
  k.settle();
  k.controller->press({Press::Kind::dismiss, 'A'});  // within the guard: ignored
  auto v = k.controller->view();
  CHECK(v.page == Page::confirmation);
  CHECK(v.ticket_label == "C-001");
  CHECK(v.ticket_service == "CAFAT");
  CHECK(k.printer.printed == 1);
  auto tickets = k.tickets();
  REQUIRE(tickets.size() == 1);
  CHECK(tickets[0].at("print") == "printed");
  k.hub.clock().advance(2s);
  k.controller->press({Press::Kind::dismiss, 'A'});
  CHECK(k.controller->view().page == Page::home);
}

TEST_CASE("ticket_printer::KioskController a failed print keeps the ticket, flags it, reprints") {
  Kiosk k;
  k.printer.working = false;
  k.controller->press({Press::Kind::priority_toggle, 'A'});
  CHECK(k.controller->view().priority_selected);
  k.controller->press({Press::Kind::service, 'F'});
  k.settle();
  auto v = k.controller->view();
  CHECK(v.page == Page::print_failed);
  CHECK(v.ticket_label == "F-001");
  CHECK(v.ticket_priority);
  CHECK(v.detail.find("arrêtée") != std::string::npos);
  auto tickets = k.tickets();
  REQUIRE(tickets.size() == 1);
  CHECK(tickets[0].at("state") == "waiting");  // still in the queue
  CHECK(tickets[0].at("print") == "failed");
  CHECK(tickets[0].at("print_error").get<std::string>().find("arrêtée") != std::string::npos);

  k.printer.working = true;
  k.controller->press({Press::Kind::staff_reprint, 'A'});
  k.settle();
  CHECK(k.printer.duplicates == 1);
  CHECK(k.controller->view().page == Page::home);
  CHECK(k.tickets()[0].at("print") == "printed");
}

TEST_CASE("ticket_printer::KioskController issues nothing when closed or when the hub is gone") {
  Kiosk k;
  SUBCASE("closed") {
    k.hub.clock().set(testing::noumea_time(2026, 11, 23, 17, 0));
    k.controller->tick();
    CHECK(k.controller->view().page == Page::closed);
    k.controller->press({Press::Kind::service, 'C'});
    k.settle();
    CHECK(k.tickets().empty());
  }
  SUBCASE("hub unreachable") {
    k.hub.stop();
    for (int i = 0; i < 200 && k.client->connection() == client::Connection::live; ++i) {
      k.client->pump(20ms);
    }
    k.controller->tick();
    CHECK(k.controller->view().page == Page::unreachable);
    k.controller->press({Press::Kind::service, 'C'});
    CHECK_FALSE(k.controller->view().busy);
    k.hub.start();
    REQUIRE(k.client->wait_live(10s));
    k.controller->tick();
    CHECK(k.controller->view().page == Page::home);
    CHECK(k.tickets().empty());
  }
}

TEST_CASE("ticket_printer::take_ticket prints one ticket and says which") {
  Kiosk k;
  std::ostringstream out, err;
  ticket_printer::KioskSettings s;
  int code = ticket_printer::take_ticket('N', false, *k.client, k.printer, s, out, err);
  CHECK(code == 0);
  CHECK(out.str().find("N-001") != std::string::npos);
  k.printer.working = false;
  code = ticket_printer::take_ticket('N', false, *k.client, k.printer, s, out, err);
  CHECK(code == 3);
  CHECK(err.str().find("N-002 valide mais NON imprimé") != std::string::npos);
  code = ticket_printer::take_ticket('Z', false, *k.client, k.printer, s, out, err);
  CHECK(code == 1);
  CHECK_MESSAGE(err.str().find("Service inconnu") != std::string::npos, err.str());
}
