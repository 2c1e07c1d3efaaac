// The hub over tcp on 127.0.0.1 with CurveZMQ: reprints asked by an agent (the kiosk sees them
// as events), duplicates' print outcomes, and test tickets that stay out of the queue.
#include <doctest/doctest.h>

#include <vector>

#include "protocol/messages.h"
#include "store/sqlite_store.h"
#include "support/hub_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;
using protocol::Json;
using testing::noumea_time;

namespace {

/// The changes a following client applies, in order.
struct Seen {
  std::vector<queue::Change> changes;

  explicit Seen(client::Client& c) {
    c.on_change([this](const queue::Change& change) { changes.push_back(change); });
  }
  /// Pumps `c` until a change of `kind` arrived (at most 5 s); nullptr if none did.
  const queue::Change* wait_for(client::Client& c, queue::ChangeKind kind) {
    for (int i = 0; i < 250; ++i) {
      for (const auto& change : changes) {
        if (change.kind == kind) return &change;
      }
      c.pump(20ms);
    }
    return nullptr;
  }
};

std::int64_t id_of(const Json& result) { return result.at("ticket").at("id").get<std::int64_t>(); }
std::string label_of(const Json& result) { return result.at("ticket").at("label").get<std::string>(); }

Json take(client::Client& kiosk, const Json& args) {
  auto r = kiosk.request("take_ticket", args);
  REQUIRE_MESSAGE(r.ok(), r.error().to_string());
  return *r;
}

/// The kinds of the events the hub committed, read from its SQLite file (the hub stopped).
std::vector<std::string> stored_kinds(testing::TestHub& hub) {
  hub.stop();
  auto store = store::SqliteStore::open(hub.database());
  REQUIRE_MESSAGE(store.ok(), store.error().to_string());
  auto events = (*store)->events_after(0, 1000);
  REQUIRE(events.ok());
  std::vector<std::string> kinds;
  for (const auto& e : *events) kinds.emplace_back(queue::to_string(e.change.kind));
  return kinds;
}

}  // namespace

TEST_CASE("hub::Hub reprint: an agent asks, a kiosk sees reprint_requested with the ticket") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk");
  REQUIRE(kiosk->wait_live(5s));
  Seen seen(*kiosk);
  const Json issued = take(*kiosk, {{"service", "C"}});
  const std::int64_t id = id_of(issued);
  REQUIRE(kiosk->request("report_print", {{"ticket", id}, {"printed", false},
                                          {"error", "Plus de papier"}}).ok());

  auto agent = hub.client("agent", false);
  auto reply = agent->request("reprint", {{"ticket", id}, {"counter", 2}});
  REQUIRE_MESSAGE(reply.ok(), reply.error().to_string());
  CHECK(label_of(*reply) == "C-001");
  CHECK(reply->at("seq") == 3);

  const queue::Change* asked = seen.wait_for(*kiosk, queue::ChangeKind::reprint_requested);
  REQUIRE(asked != nullptr);
  CHECK(asked->ticket == id);
  CHECK(asked->counter == 2);
  REQUIRE(asked->tickets.size() == 1);
  CHECK(asked->tickets[0].print == queue::PrintState::failed);  // the row is unchanged
  CHECK(asked->tickets[0].print_error == "Plus de papier");
  CHECK(kiosk->state().seq == 3);
  CHECK(kiosk->state().ticket(id)->state == queue::TicketState::waiting);

  // Refused: a ticket that is not today's, a counter that does not exist. Nothing is recorded.
  auto unknown = agent->request("reprint", {{"ticket", 999}, {"counter", 2}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "unknown_ticket");
  auto bad_counter = agent->request("reprint", {{"ticket", id}, {"counter", 9}});
  REQUIRE_FALSE(bad_counter.ok());
  CHECK(bad_counter.error().code == "unknown_counter");
  auto no_ticket = agent->request("reprint", {{"counter", 2}});
  REQUIRE_FALSE(no_ticket.ok());
  CHECK(no_ticket.error().message == "Champ « args.ticket » manquant.");

  CHECK(stored_kinds(hub) ==
        std::vector<std::string>{"ticket_issued", "ticket_printed", "reprint_requested"});
}

TEST_CASE("hub::Hub reprint is forbidden to a kiosk key and to a display key") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  const std::int64_t id = id_of(take(*kiosk, {{"service", "C"}}));
  auto refused = kiosk->request("reprint", {{"ticket", id}});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "forbidden");
  CHECK(refused.error().message ==
        "L’opération « reprint » n’est pas permise au rôle « kiosk »."); // as docs/protocol.md
  auto display = hub.client("display", false);
  CHECK(display->request("reprint", {{"ticket", id}}).error().code == "forbidden");
  auto supervisor = hub.client("supervisor", false);
  auto allowed = supervisor->request("reprint", {{"ticket", id}});  // no counter: a manager
  REQUIRE_MESSAGE(allowed.ok(), allowed.error().to_string());
  CHECK(allowed->at("seq") == 2);
}

TEST_CASE("hub::Hub report_print with duplicate records ticket_reprinted") {
  testing::TestHub hub;
  hub.start();
  auto display = hub.client("display");
  REQUIRE(display->wait_live(5s));
  Seen seen(*display);
  auto kiosk = hub.client("kiosk", false);
  const std::int64_t id = id_of(take(*kiosk, {{"service", "N"}}));
  REQUIRE(kiosk->request("report_print", {{"ticket", id}, {"printed", false},
                                          {"error", "Bourrage"}}).ok());
  auto again = kiosk->request("report_print",
                              {{"ticket", id}, {"printed", true}, {"duplicate", true}});
  REQUIRE_MESSAGE(again.ok(), again.error().to_string());
  CHECK(again->at("ticket").at("print") == "printed");
  CHECK(again->at("ticket").at("print_error") == "");

  const queue::Change* reprinted = seen.wait_for(*display, queue::ChangeKind::ticket_reprinted);
  REQUIRE(reprinted != nullptr);
  CHECK(reprinted->ticket == id);
  CHECK(display->state().ticket(id)->print == queue::PrintState::printed);
  auto mistyped = kiosk->request("report_print",
                                 {{"ticket", id}, {"printed", true}, {"duplicate", "oui"}});
  REQUIRE_FALSE(mistyped.ok());
  CHECK(mistyped.error().code == "bad_request");
  CHECK(stored_kinds(hub) ==
        std::vector<std::string>{"ticket_issued", "ticket_printed", "ticket_reprinted"});
}

TEST_CASE("hub::Hub a test ticket is issued at any hour and leaves the queue and its numbers") {
  testing::TestHub hub;
  hub.start();
  auto display = hub.client("display");
  REQUIRE(display->wait_live(5s));
  Seen seen(*display);
  auto kiosk = hub.client("kiosk", false);

  // During opening hours: a test ticket of C, then the first real C ticket is still C-001.
  const Json test = take(*kiosk, {{"service", "C"}, {"test", true}});
  CHECK(test.at("test") == true);
  CHECK(label_of(test) == "ESSAI");
  CHECK(id_of(test) == 0);
  CHECK(test.at("ticket").at("service") == "C");
  CHECK(test.at("ticket").at("state") == "done");
  CHECK(test.at("ticket").at("print") == "pending");
  CHECK(test.at("ahead") == 0);
  CHECK(test.at("estimated_wait_minutes").is_null());
  CHECK(label_of(take(*kiosk, {{"service", "C"}})) == "C-001");

  const queue::Change* change = seen.wait_for(*display, queue::ChangeKind::test_ticket);
  REQUIRE(change != nullptr);
  CHECK(change->tickets.empty());
  CHECK_FALSE(change->ticket.has_value());

  // After closing time: a real ticket is refused, a test ticket is issued (default service: the
  // first configured, C), and no figure of the snapshot moves.
  hub.clock().set(noumea_time(2026, 11, 23, 20, 0));
  auto before = kiosk->request("snapshot");
  REQUIRE(before.ok());
  CHECK(kiosk->request("take_ticket", {{"service", "N"}}).error().code == "agency_closed");
  const Json night = take(*kiosk, {{"service", "N"}, {"test", true}, {"priority", true}});
  CHECK(night.at("ticket").at("service") == "N");
  CHECK(night.at("ticket").at("priority") == true);
  auto supervisor = hub.client("supervisor", false);
  auto by_default = supervisor->request("take_ticket", {{"test", true}});
  REQUIRE_MESSAGE(by_default.ok(), by_default.error().to_string());
  CHECK(by_default->at("ticket").at("service") == "C");
  auto unknown = kiosk->request("take_ticket", {{"service", "Z"}, {"test", true}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "unknown_service");
  auto after = kiosk->request("snapshot");
  REQUIRE(after.ok());
  CHECK(after->at("tickets") == before->at("tickets"));
  CHECK(after->at("loads") == before->at("loads"));
  CHECK(after->at("seq").get<int>() == before->at("seq").get<int>() + 2);
  CHECK(display->request("take_ticket", {{"test", true}}).error().code == "forbidden");
  auto agent = hub.client("agent", false);
  CHECK(agent->request("take_ticket", {{"test", true}}).error().code == "forbidden");

  // The next morning, N is still numbered from 1.
  hub.clock().set(noumea_time(2026, 11, 24, 8, 0));
  CHECK(label_of(take(*kiosk, {{"service", "N"}})) == "N-001");
  CHECK(stored_kinds(hub) == std::vector<std::string>{"test_ticket", "ticket_issued",
                                                      "test_ticket", "test_ticket",
                                                      "day_rolled", "ticket_issued"});
}
