// The kiosk's behaviour against a real hub, with a printer that fails on demand.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/page_text.h"
#include "protocol/follow_link.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "ticket-printer/kiosk_controller.h"
#include "ticket-printer/kiosk_settings.h"
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
    std::lock_guard<std::mutex> lock(mutex);
    qr_codes.push_back(job.content.qr_payload);
    return {};
  }
  /// What the QR code of each printed slip held, in order.
  std::vector<std::string> printed_qr() {
    std::lock_guard<std::mutex> lock(mutex);
    return qr_codes;
  }
  util::Status check() override {
    ++checks;
    if (!working) return util::make_error("printer_stopped", "L’imprimante « test » est arrêtée.");
    return {};
  }
  std::string describe() const override { return "test"; }
  std::atomic<int> checks{0};
  std::mutex mutex;
  std::vector<std::string> qr_codes;
};

struct Kiosk {
  testing::TestHub hub;
  ScriptedPrinter printer;
  std::unique_ptr<client::Client> client;
  std::unique_ptr<ticket_printer::KioskController> controller;

  std::vector<std::string> log;

  explicit Kiosk(ticket_printer::KioskSettings s = {},
                 std::optional<protocol::FollowLink> follow = std::nullopt) {
    if (follow) hub.set_follow(*follow);
    hub.start();
    client = hub.client("kiosk");
    REQUIRE(client->wait_live(5s));
    s.hours = testing::test_rules().hours;
    s.log = [this](const std::string& line) { log.push_back(line); };
    controller = std::make_unique<ticket_printer::KioskController>(*client, printer, hub.clock(), s);
    client->on_change([this](const queue::Change& c) { controller->on_change(c); });
    controller->tick();
    settle();  // the first check of the printer
  }
  /// Pumps `client` too (another program following the hub) until nothing is in flight.
  void settle_with(client::Client& other) {
    for (int i = 0; i < 100; ++i) {
      other.pump(5ms);
      client->pump(5ms);
      controller->tick();
    }
    settle();
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
  /// Ticks for a while: the printer's check runs on a worker thread.
  void tick_for(std::chrono::milliseconds total) {
    for (auto waited = 0ms; waited < total; waited += 10ms) {
      client->pump(10ms);
      controller->tick();
    }
  }
  /// Everything the visitor can read on the kiosk's page now.
  std::string words() {
    kiosk::PageText page = kiosk::page_text(controller->view());
    std::string all;
    for (const auto& l : page.before) all += l.text + "\n";
    all += page.number + "\n";
    for (const auto& l : page.after) all += l.text + "\n";
    return all + page.footer;
  }
  void type_pin(const std::string& digits) {
    for (char d : digits) controller->press({Press::Kind::pin_digit, d, 0});
    controller->press({Press::Kind::pin_enter, 'A', 0});
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
  // The visitor reads the number, what to do and that an agent knows; never the technical cause.
  std::string words = k.words();
  CHECK(words.find("Notez votre numéro") != std::string::npos);
  CHECK(words.find("F-001") != std::string::npos);
  CHECK(words.find("Un agent a été prévenu") != std::string::npos);
  CHECK(words.find("arrêtée") == std::string::npos);
  CHECK(words.find("imprimante") == std::string::npos);
  REQUIRE(k.log.size() >= 1);  // the cause goes to the log (and, below, to the agents)
  CHECK(k.log.back().find("F-001") != std::string::npos);
  CHECK(k.log.back().find("arrêtée") != std::string::npos);
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

TEST_CASE("ticket_printer::KioskController the failed page stays until touched, 60 s at least") {
  Kiosk k;
  k.printer.working = false;
  k.controller->press({Press::Kind::service, 'C'});
  k.settle();
  REQUIRE(k.controller->view().page == Page::print_failed);
  k.hub.clock().advance(2s);
  k.controller->press({Press::Kind::dismiss, 'A'});  // a second tap right away: ignored
  CHECK(k.controller->view().page == Page::print_failed);
  SUBCASE("left alone") {
    k.hub.clock().advance(60s);
    k.controller->tick();
    CHECK(k.controller->view().page == Page::print_failed);
    k.hub.clock().advance(60s);
    k.controller->tick();
    CHECK(k.controller->view().page == Page::home);
  }
  SUBCASE("touched, or the next visitor touches") {
    k.hub.clock().advance(5s);
    k.controller->press({Press::Kind::dismiss, 'A'});
    CHECK(k.controller->view().page == Page::home);
  }
  // Home now warns the next visitor before they press, without a technical word.
  auto v = k.controller->view();
  CHECK(v.printer_down);
  CHECK(v.detail.empty());
}

TEST_CASE("ticket_printer::KioskController checks the printer before visitors press") {
  ticket_printer::KioskSettings s;
  s.check_interval = 20s;
  Kiosk k(s);
  CHECK(k.printer.checks == 1);  // at start
  CHECK_FALSE(k.controller->view().printer_down);
  k.printer.working = false;  // the queue is stopped by someone: noticed at the next check
  k.hub.clock().advance(21s);
  k.tick_for(300ms);
  CHECK(k.printer.checks == 2);
  CHECK(k.controller->view().printer_down);
  REQUIRE_FALSE(k.log.empty());
  CHECK(k.log.back().find("arrêtée") != std::string::npos);
  k.controller->press({Press::Kind::service, 'C'});  // still issued: the number is on screen
  k.settle();
  CHECK(k.controller->view().page == Page::print_failed);
  CHECK(k.tickets()[0].at("print") == "failed");
  k.hub.clock().advance(121s);
  k.controller->tick();
  k.printer.working = true;
  k.hub.clock().advance(21s);
  k.tick_for(300ms);
  CHECK_FALSE(k.controller->view().printer_down);
}

TEST_CASE("ticket_printer::KioskController staff reprint any unprinted ticket with the code") {
  ticket_printer::KioskSettings s;
  s.staff_pin = "2468";
  Kiosk k(s);
  k.printer.working = false;
  for (char service : {'C', 'F', 'N'}) {  // three failures in a row
    k.controller->press({Press::Kind::service, service});
    k.settle();
    k.hub.clock().advance(5s);
    k.controller->press({Press::Kind::dismiss, 'A'});
  }
  REQUIRE(k.controller->view().page == Page::home);
  k.controller->press({Press::Kind::staff_open, 'A', 0});
  CHECK(k.controller->view().page == Page::staff_pin);
  k.type_pin("1111");
  CHECK(k.controller->view().page == Page::staff_pin);
  CHECK(k.controller->view().staff_message == "Code incorrect.");
  k.type_pin("2468");
  auto v = k.controller->view();
  REQUIRE(v.page == Page::staff);
  REQUIRE(v.staff_tickets.size() == 3);
  CHECK(v.staff_tickets[0].label == "C-001");
  CHECK(v.staff_tickets[1].label == "F-001");
  CHECK(v.staff_tickets[2].label == "N-001");
  CHECK(v.staff_tickets[0].reason.find("arrêtée") != std::string::npos);  // staff may read it

  k.printer.working = true;
  for (const auto& t : v.staff_tickets) {
    k.controller->press({Press::Kind::staff_reprint, 'A', t.id});
  }
  k.settle();
  CHECK(k.printer.duplicates == 3);
  CHECK(k.controller->view().staff_message == "Duplicata du ticket N-001 imprimé.");
  for (const auto& t : k.tickets()) CHECK(t.at("print") == "printed");
  CHECK(k.controller->view().staff_tickets.size() == 1);  // the last one, printed now
  k.controller->press({Press::Kind::staff_close, 'A', 0});
  CHECK(k.controller->view().page == Page::home);
}

TEST_CASE("ticket_printer::KioskController no code, no staff page; five wrong codes lock it") {
  SUBCASE("no code in the config") {
    Kiosk k;
    k.controller->press({Press::Kind::staff_open, 'A', 0});
    CHECK(k.controller->view().page == Page::home);
  }
  SUBCASE("five wrong codes") {
    ticket_printer::KioskSettings s;
    s.staff_pin = "2468";
    Kiosk k(s);
    k.controller->press({Press::Kind::staff_open, 'A', 0});
    for (int i = 0; i < 5; ++i) k.type_pin("0000");
    k.type_pin("2468");  // even the right code waits now
    CHECK(k.controller->view().page == Page::staff_pin);
    CHECK(k.controller->view().staff_message.find("Trop d’essais") != std::string::npos);
    k.hub.clock().advance(6min);
    k.type_pin("2468");
    CHECK(k.controller->view().page == Page::staff);
    k.hub.clock().advance(61s);  // left alone: back to the visitors
    k.controller->tick();
    CHECK(k.controller->view().page == Page::home);
  }
}

TEST_CASE("ticket_printer::KioskController prints the reprints agents ask for at the console") {
  ticket_printer::KioskSettings s;
  s.reprints_from_hub = true;
  Kiosk k(s);
  k.printer.working = false;
  k.controller->press({Press::Kind::service, 'C'});
  k.settle();
  protocol::Json c001 = k.tickets()[0];
  REQUIRE(c001.at("print") == "failed");
  k.printer.working = true;

  auto agent = k.hub.client("agent");
  REQUIRE(agent->wait_live(5s));
  auto asked = agent->request("reprint", {{"ticket", c001.at("id")}, {"counter", 2}});
  REQUIRE_MESSAGE(asked.ok(), asked.error().to_string());
  k.settle_with(*agent);
  CHECK(k.printer.duplicates == 1);
  CHECK(k.tickets()[0].at("print") == "printed");
  CHECK(k.controller->view().page == Page::home);  // the visitor has their slip now

  SUBCASE("a second kiosk (client of the hub) leaves it to the hub's own kiosk") {
    ScriptedPrinter other_printer;
    auto other_client = k.hub.client("kiosk");
    REQUIRE(other_client->wait_live(5s));
    ticket_printer::KioskSettings plain;
    ticket_printer::KioskController other(*other_client, other_printer, k.hub.clock(), plain);
    other_client->on_change([&](const queue::Change& c) { other.on_change(c); });
    REQUIRE(agent->request("reprint", {{"ticket", c001.at("id")}}).ok());
    for (int i = 0; i < 100; ++i) {
      other_client->pump(5ms);
      other.tick();
    }
    k.settle_with(*agent);
    CHECK(other_printer.duplicates == 0);
    CHECK(k.printer.duplicates == 2);
  }
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

namespace {

const std::string kFollowBase = "https://pcn-central.example.nc/suivre/";

protocol::FollowLink follow_link() {
  std::array<unsigned char, 32> secret{};
  secret.fill(0x21);
  return {kFollowBase, protocol::follow_key_of(secret)};
}

}  // namespace

TEST_CASE("ticket_printer::KioskController the QR code links to the centre's page the hub gave") {
  const protocol::FollowLink link = follow_link();
  Kiosk k({}, link);  // a kiosk without the key, its hub with it
  k.controller->press({Press::Kind::service, 'C'});
  k.settle();
  const std::int64_t id = k.tickets()[0].at("id").get<std::int64_t>();
  auto printed = k.printer.printed_qr();
  REQUIRE(printed.size() == 1);
  CHECK(printed[0] == link.url("test", {2026, 11, 23}, id));
  CHECK(protocol::follow_token_valid(link.key, printed[0].substr(kFollowBase.size())));
  // Its reprint (F12) carries the same address.
  k.controller->press({Press::Kind::staff_reprint, 'A'});
  k.settle();
  printed = k.printer.printed_qr();
  REQUIRE(printed.size() == 2);
  CHECK(k.printer.duplicates == 1);
  CHECK(printed[1] == printed[0]);

  SUBCASE("a ticket this kiosk did not issue keeps the staff's payload") {
    ticket_printer::KioskSettings s;
    s.reprints_from_hub = true;
    ScriptedPrinter other_printer;
    auto other_client = k.hub.client("kiosk");
    REQUIRE(other_client->wait_live(std::chrono::seconds(5)));
    s.hours = testing::test_rules().hours;
    ticket_printer::KioskController other(*other_client, other_printer, k.hub.clock(), s);
    other_client->on_change([&](const queue::Change& c) { other.on_change(c); });
    auto agent = k.hub.client("agent", false);
    REQUIRE(agent->request("reprint", {{"ticket", id}}).ok());
    for (int i = 0; i < 300 && other_printer.printed == 0; ++i) {
      other_client->pump(10ms);
      other.tick();
    }
    REQUIRE(other_printer.printed_qr().size() == 1);
    CHECK(other_printer.printed_qr()[0] == "pcn-queue:test:2026-11-23:C-001:" + std::to_string(id));
    for (int i = 0; i < 50; ++i) {  // its report_print goes out before the kiosk is destroyed
      other_client->pump(10ms);
      other.tick();
    }
  }
}

TEST_CASE("ticket_printer::KioskController without a link the QR code names the ticket for staff") {
  Kiosk k;
  k.controller->press({Press::Kind::service, 'C'});
  k.settle();
  const std::int64_t id = k.tickets()[0].at("id").get<std::int64_t>();
  auto printed = k.printer.printed_qr();
  REQUIRE(printed.size() == 1);
  CHECK(printed[0] == "pcn-queue:test:2026-11-23:C-001:" + std::to_string(id));
}

TEST_CASE("ticket_printer::KioskController the hub's own kiosk links every ticket it prints") {
  // The kiosk hosting the hub has the key (KioskSettings::follow); its hub sends no address.
  const protocol::FollowLink link = follow_link();
  ticket_printer::KioskSettings s;
  s.reprints_from_hub = true;
  s.follow = ticket_printer::follow_of(link, "test");
  Kiosk k(s);
  // A ticket taken elsewhere (a button box), reprinted here at an agent's request.
  auto box = k.hub.client("kiosk", false);
  auto taken = box->request("take_ticket", {{"service", "N"}});
  REQUIRE(taken.ok());
  CHECK_FALSE(taken->contains("suivi"));
  const std::int64_t id = taken->at("ticket").at("id").get<std::int64_t>();
  auto agent = k.hub.client("agent");
  REQUIRE(agent->wait_live(std::chrono::seconds(5)));
  REQUIRE(agent->request("reprint", {{"ticket", id}, {"counter", 2}}).ok());
  k.settle_with(*agent);
  auto printed = k.printer.printed_qr();
  REQUIRE(printed.size() == 1);
  CHECK(printed[0] == link.url("test", {2026, 11, 23}, id));
  // And its own tickets.
  k.controller->press({Press::Kind::service, 'C'});
  k.settle();
  printed = k.printer.printed_qr();
  REQUIRE(printed.size() == 2);
  CHECK(protocol::follow_token_valid(link.key, printed[1].substr(kFollowBase.size())));
}
