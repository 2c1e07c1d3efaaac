// The hub over tcp on 127.0.0.1 with CurveZMQ: the outcome of a visit travels with `finish`,
// is corrected with `record_outcome`, workshops with `record_workshop`; wrong codes change
// nothing; every outcome is in the events, the snapshot, the store and the `tickets` reply.
#include <doctest/doctest.h>

#include <vector>

#include "protocol/codec.h"
#include "protocol/messages.h"
#include "store/sqlite_store.h"
#include "support/hub_fixture.h"
#include "text/catalog.h"

using namespace pcn;
using namespace std::chrono_literals;
using protocol::Json;

namespace {

Json ok(util::Result<Json> r) {
  REQUIRE_MESSAGE(r.ok(), r.error().to_string());
  return *r;
}

std::int64_t id_of(const Json& result) { return result.at("ticket").at("id").get<std::int64_t>(); }

const Json kOutcome = Json::parse(R"({"partner": ["cafat", "opt"], "theme": ["social_sante"],
    "autonomy": "pas_a_pas", "result": "aboutie", "orientation": "aucune", "first_visit": "oui",
    "age_band": "60_69", "situation": "retraite", "commune": "bourail",
    "equipment": "ordinateur_pcn"})");

/// A ticket taken at the kiosk and called at counter 1.
std::int64_t called_ticket(client::Client& kiosk, client::Client& agent) {
  std::int64_t id = id_of(ok(kiosk.request("take_ticket", {{"service", "C"}})));
  ok(agent.request("call_next", {{"counter", 1}}));
  return id;
}

}  // namespace

TEST_CASE("hub::Hub finish with an outcome records it; a wrong code is refused, nothing done") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto agent = hub.client("agent");
  REQUIRE(agent->wait_live(5s));
  const std::int64_t id = called_ticket(*kiosk, *agent);

  Json wrong = kOutcome;
  wrong["autonomy"] = "tout_seul";
  auto refused = agent->request("finish", {{"counter", 1}, {"outcome", wrong}});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "unknown_code");
  CHECK(refused.error().message.find("« tout_seul »") != std::string::npos);
  CHECK(refused.error().message.find("fait_a_la_place, pas_a_pas, un_peu_aide, autonome") !=
        std::string::npos);
  Json two = kOutcome;
  two["result"] = Json::array({"aboutie"});
  auto mistyped = agent->request("finish", {{"counter", 1}, {"outcome", two}});
  REQUIRE_FALSE(mistyped.ok());
  CHECK(mistyped.error().code == "bad_request");
  CHECK(mistyped.error().message.find("args.outcome.result") != std::string::npos);
  Json spaced = kOutcome;
  spaced["partner"] = Json::array({"Jean Dupont"});  // no free text: a code has no space
  auto free_text = agent->request("finish", {{"counter", 1}, {"outcome", spaced}});
  REQUIRE_FALSE(free_text.ok());
  CHECK(free_text.error().code == "bad_request");
  agent->pump(100ms);
  CHECK(agent->state().ticket(id)->state == queue::TicketState::called);  // still at the counter

  Json done = ok(agent->request("finish", {{"counter", 1}, {"outcome", kOutcome}}));
  CHECK(done.at("ticket").at("outcome") == kOutcome);
  for (int i = 0; i < 100 && agent->state().ticket(id)->state != queue::TicketState::done; ++i) {
    agent->pump(20ms);
  }
  const queue::Ticket* seen = agent->state().ticket(id);
  REQUIRE(seen->outcome.has_value());
  CHECK(seen->outcome->partner == std::vector<std::string>{"cafat", "opt"});
  CHECK(seen->outcome->autonomy == "pas_a_pas");
  CHECK(seen->outcome->commune == "bourail");

  // A visitor still at the counter when the next is called: "non renseigné".
  const std::int64_t second = called_ticket(*kiosk, *agent);
  ok(kiosk->request("take_ticket", {{"service", "C"}}));
  ok(agent->request("call_next", {{"counter", 1}}));
  auto snapshot = ok(agent->request("snapshot"));
  for (const Json& t : snapshot.at("tickets")) {
    if (t.at("id") == second) CHECK(t.at("outcome").is_null());
    if (t.at("id") == id) CHECK(t.at("outcome") == kOutcome);
  }
}

TEST_CASE("hub::Hub record_outcome corrects a served ticket of today, and only that") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto agent = hub.client("agent", false);
  const std::int64_t id = called_ticket(*kiosk, *agent);

  auto not_served = agent->request("record_outcome", {{"ticket", id}, {"outcome", kOutcome}});
  REQUIRE_FALSE(not_served.ok());
  CHECK(not_served.error().code == "ticket_not_served");
  CHECK(not_served.error().message.find("C-001") != std::string::npos);
  ok(agent->request("finish", {{"counter", 1}}));  // "Passer": no outcome

  Json corrected = kOutcome;
  corrected["autonomy"] = "fait_a_la_place";
  corrected["age_band"] = nullptr;
  Json reply = ok(agent->request("record_outcome",
                                 {{"ticket", id}, {"counter", 1}, {"outcome", corrected}}));
  CHECK(reply.at("ticket").at("outcome").at("autonomy") == "fait_a_la_place");
  CHECK(reply.at("ticket").at("outcome").at("age_band").is_null());
  CHECK(reply.at("ticket").at("state") == "done");
  auto unknown = agent->request("record_outcome", {{"ticket", 999}, {"outcome", kOutcome}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "unknown_ticket");
  auto by_kiosk = kiosk->request("record_outcome", {{"ticket", id}, {"outcome", kOutcome}});
  REQUIRE_FALSE(by_kiosk.ok());
  CHECK(by_kiosk.error().code == "forbidden");

  hub.stop();
  auto store = store::SqliteStore::open(hub.database());
  REQUIRE_MESSAGE(store.ok(), store.error().to_string());
  auto day = (*store)->load();
  REQUIRE(day.ok());
  auto tickets = (*store)->tickets_between((**day).day, (**day).day);
  REQUIRE(tickets.ok());
  REQUIRE(tickets->size() == 1);
  REQUIRE(tickets->front().outcome.has_value());
  CHECK(tickets->front().outcome->autonomy == "fait_a_la_place");
  CHECK(tickets->front().outcome->age_band.empty());
  auto events = (*store)->events_after(0, 100);
  REQUIRE(events.ok());
  REQUIRE(events->size() == 4);  // issued, called, finished, outcome_recorded: append-only
  CHECK(events->back().change.kind == queue::ChangeKind::outcome_recorded);
  CHECK(!events->at(2).change.tickets.front().outcome.has_value());  // the finish as it was
}

TEST_CASE("hub::Hub record_workshop keeps a workshop without a ticket, for the report") {
  testing::TestHub hub;
  hub.start();
  auto agent = hub.client("agent", false);
  Json reply = ok(agent->request(
      "record_workshop", {{"theme", "smartphone"}, {"participants", 8}, {"minutes", 90},
                          {"counter", 2}}));
  CHECK(reply.at("workshop").at("seq") == reply.at("seq"));
  CHECK(reply.at("workshop").at("participants") == 8);
  for (auto [args, code] : {std::pair{Json{{"theme", "cuisine"}, {"participants", 8},
                                           {"minutes", 90}}, "unknown_code"},
                            std::pair{Json{{"theme", "smartphone"}, {"participants", 0},
                                           {"minutes", 90}}, "bad_request"},
                            std::pair{Json{{"theme", "smartphone"}, {"participants", 8},
                                           {"minutes", 2000}}, "bad_request"},
                            std::pair{Json{{"participants", 8}, {"minutes", 60}}, "bad_request"}}) {
    CAPTURE(args.dump());
    auto refused = agent->request("record_workshop", args);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == code);
  }
  auto supervisor = hub.client("supervisor", false);
  Json snapshot = ok(supervisor->request("snapshot"));
  const std::string day = snapshot.at("day");
  Json rows = ok(supervisor->request("tickets", {{"from", day}, {"to", day}}));
  REQUIRE(rows.at("workshops").size() == 1);
  auto w = protocol::decode_workshop_at(rows.at("workshops")[0], "w");
  REQUIRE(w.ok());
  CHECK(w->theme == "smartphone");
  CHECK(w->minutes == 90);
  CHECK(w->counter == 2);
  CHECK(w->day.to_string() == day);
}

TEST_CASE("hub::Hub finish naming its ticket refuses when the counter holds another one") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto agent = hub.client("agent", false);
  const std::int64_t first = called_ticket(*kiosk, *agent);
  ok(kiosk->request("take_ticket", {{"service", "C"}}));
  // Another console calls the next one at counter 1 (the first is finished with it); the
  // outcome recorded for the first must not land on the second.
  const Json called = ok(agent->request("call_next", {{"counter", 1}}));
  const std::int64_t second = called.at("ticket").at("id");
  auto stale = agent->request("finish", {{"counter", 1}, {"ticket", first}, {"outcome", kOutcome}});
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.error().code == "ticket_not_at_counter");
  CHECK(stale.error().message == text::ticket_not_at_counter("C-001", 1));
  auto snapshot = ok(agent->request("snapshot"));
  for (const Json& t : snapshot.at("tickets")) {
    if (t.at("id") == second) {
      CHECK(t.at("state") == "called");
      CHECK(t.at("outcome").is_null());
    }
  }
  // Naming the right one finishes it with its outcome.
  Json done =
      ok(agent->request("finish", {{"counter", 1}, {"ticket", second}, {"outcome", kOutcome}}));
  CHECK(done.at("ticket").at("id") == second);
  CHECK(done.at("ticket").at("outcome") == kOutcome);
  auto bad = agent->request("finish", {{"counter", 1}, {"ticket", "C-002"}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "bad_request");
}
