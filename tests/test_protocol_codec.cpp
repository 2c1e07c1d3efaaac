// The JSON forms of the domain values (docs/protocol.md, "Values").
#include <doctest/doctest.h>

#include <string>

#include "protocol/codec.h"
#include "test_protocol_samples.h"

using pcn::protocol::Json;
namespace protocol = pcn::protocol;
namespace queue = pcn::queue;
namespace testing = pcn::testing;

namespace {

void check_same(const queue::Ticket& a, const queue::Ticket& b) {
  CHECK(a.id == b.id);
  CHECK(a.day == b.day);
  CHECK(a.prefix == b.prefix);
  CHECK(a.number == b.number);
  CHECK(a.service == b.service);
  CHECK(a.priority == b.priority);
  CHECK(a.state == b.state);
  CHECK(a.issued_at == b.issued_at);
  CHECK(a.queued_at == b.queued_at);
  CHECK(a.called_at == b.called_at);
  CHECK(a.finished_at == b.finished_at);
  CHECK(a.counter == b.counter);
  CHECK(a.calls == b.calls);
  CHECK(a.no_shows == b.no_shows);
  CHECK(a.transfers == b.transfers);
  CHECK(a.print == b.print);
  CHECK(a.print_error == b.print_error);
}

void check_same(const queue::Counter& a, const queue::Counter& b) {
  CHECK(a.number == b.number);
  CHECK(a.label == b.label);
  CHECK(a.services == b.services);
  CHECK(a.paused == b.paused);
  CHECK(a.current == b.current);
  CHECK(a.agent == b.agent);
}

/// Encodes, prints, parses back and decodes: what a peer at the other end of the wire gets.
queue::Ticket over_the_wire(const queue::Ticket& t) {
  auto decoded = protocol::decode_ticket(Json::parse(protocol::encode(t).dump()));
  REQUIRE_MESSAGE(decoded.ok(), decoded.error().to_string());
  return decoded.value();
}

/// Decoding `j` fails with bad_request and a message naming `field`.
template <typename Decode>
void check_refused(Decode decode, const Json& j, const std::string& field) {
  auto r = decode(j);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "bad_request");
  CHECK_MESSAGE(r.error().message.find("« " + field + " »") != std::string::npos,
                r.error().message);
}

}  // namespace

TEST_CASE("protocol::encode writes a ticket in the documented wire form") {
  Json expected = Json::parse(R"({
    "id": 1042, "label": "C-042", "day": "2026-11-23", "prefix": "C", "number": 42,
    "service": "F", "priority": true, "state": "called",
    "issued_at": 1795381500000, "queued_at": 1795382400000, "called_at": 1795386615000,
    "finished_at": null, "counter": 2, "calls": 2, "no_shows": 1, "transfers": 1,
    "print": "failed", "print_error": "Plus de papier dans l’imprimante « Kiosque entrée »",
    "outcome": null
  })");
  CHECK(protocol::encode(testing::called_ticket()) == expected);
}

TEST_CASE("protocol::decode_ticket gives back every field of an encoded ticket") {
  SUBCASE("called, with every optional field set") {
    check_same(over_the_wire(testing::called_ticket()), testing::called_ticket());
  }
  SUBCASE("waiting, with no optional field set") {
    auto t = over_the_wire(testing::waiting_ticket());
    check_same(t, testing::waiting_ticket());
    CHECK_FALSE(t.called_at.has_value());
    CHECK_FALSE(t.counter.has_value());
  }
  SUBCASE("done") {
    auto done = testing::called_ticket();
    done.state = queue::TicketState::done;
    done.finished_at = done.called_at.value() + std::chrono::minutes(7);
    done.print = queue::PrintState::printed;
    done.print_error.clear();
    check_same(over_the_wire(done), done);
  }
}

TEST_CASE("protocol::decode_ticket names each missing required field") {
  const Json good = protocol::encode(testing::called_ticket());
  for (const auto& [key, value] : good.items()) {
    if (key == "called_at" || key == "finished_at" || key == "counter") continue;
    if (key == "outcome") continue;  // nullable (a v1 peer may leave it out): see below
    CAPTURE(key);
    Json j = good;
    j.erase(key);
    check_refused(protocol::decode_ticket, j, "ticket." + key);
  }
}

TEST_CASE("protocol::decode_ticket reads a missing or null nullable field as absent") {
  Json j = protocol::encode(testing::called_ticket());
  j.erase("called_at");
  j["counter"] = nullptr;
  auto t = protocol::decode_ticket(j);
  REQUIRE(t.ok());
  CHECK_FALSE(t->called_at.has_value());
  CHECK_FALSE(t->counter.has_value());
}

TEST_CASE("protocol::decode_ticket names a mistyped field") {
  const Json good = protocol::encode(testing::called_ticket());
  auto with = [&](const char* key, Json value) {
    Json j = good;
    j[key] = std::move(value);
    return j;
  };
  check_refused(protocol::decode_ticket, with("id", "1042"), "ticket.id");
  check_refused(protocol::decode_ticket, with("id", 0), "ticket.id");
  check_refused(protocol::decode_ticket, with("number", 42.5), "ticket.number");
  check_refused(protocol::decode_ticket, with("number", 2.0), "ticket.number");
  check_refused(protocol::decode_ticket, with("number", 4294967338LL), "ticket.number");
  check_refused(protocol::decode_ticket, with("calls", -1), "ticket.calls");
  check_refused(protocol::decode_ticket, with("issued_at", 18446744073709551615ULL),
                "ticket.issued_at");
  check_refused(protocol::decode_ticket, with("priority", 1), "ticket.priority");
  check_refused(protocol::decode_ticket, with("prefix", "CC"), "ticket.prefix");
  check_refused(protocol::decode_ticket, with("service", "f"), "ticket.service");
  check_refused(protocol::decode_ticket, with("state", "lost"), "ticket.state");
  check_refused(protocol::decode_ticket, with("print", true), "ticket.print");
  check_refused(protocol::decode_ticket, with("day", "2026-02-30"), "ticket.day");
  check_refused(protocol::decode_ticket, with("day", "26-11-2023"), "ticket.day");
  check_refused(protocol::decode_ticket, with("day", "+026-11-23"), "ticket.day");
  check_refused(protocol::decode_ticket, with("called_at", "09:30"), "ticket.called_at");
  check_refused(protocol::decode_ticket, with("label", "C-043"), "ticket.label");
  check_refused(protocol::decode_ticket, with("print_error", nullptr), "ticket.print_error");
}

TEST_CASE("protocol::decode_ticket refuses a value that is not an object") {
  auto r = protocol::decode_ticket(Json::array({1, 2}));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "bad_request");
  CHECK(r.error().message == "Champ « ticket » invalide : il faut un objet JSON.");
}

TEST_CASE("protocol::decode_ticket explains the problem in French") {
  Json j = protocol::encode(testing::called_ticket());
  j.erase("queued_at");
  auto missing = protocol::decode_ticket(j);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "Champ « ticket.queued_at » manquant.");
  j = protocol::encode(testing::called_ticket());
  j["transfers"] = -3;
  auto negative = protocol::decode_ticket(j);
  REQUIRE_FALSE(negative.ok());
  CHECK(negative.error().message ==
        "Champ « ticket.transfers » invalide : il faut un entier supérieur ou égal à 0.");
}

TEST_CASE("protocol::encode and decode_counter round-trip a counter") {
  auto busy = testing::busy_counter();
  Json j = Json::parse(protocol::encode(busy).dump());
  CHECK(j == Json::parse(R"({"number":2,"label":"Guichet 2 — étage","services":"CFN",
                             "paused":false,"current":1042,"agent":"Zoé Wénéhoua"})"));
  auto back = protocol::decode_counter(j);
  REQUIRE(back.ok());
  check_same(*back, busy);

  queue::Counter idle{.number = 5, .label = "Guichet 5", .services = "", .paused = true,
                      .current = std::nullopt, .agent = ""};
  auto idle_back = protocol::decode_counter(protocol::encode(idle));
  REQUIRE(idle_back.ok());
  check_same(*idle_back, idle);

  j["services"] = "CfN";
  check_refused(protocol::decode_counter, j, "counter.services");
  j = protocol::encode(busy);
  j.erase("paused");
  check_refused(protocol::decode_counter, j, "counter.paused");
}

TEST_CASE("protocol::encode and decode_service round-trip a service") {
  auto s = testing::identity_service();
  Json j = protocol::encode(s);
  CHECK(j == Json::parse(R"({"prefix":"N","code":"identite","label":"Identité numérique",
                             "colour":"#1a7F3c","typical_minutes":15})"));
  auto back = protocol::decode_service(Json::parse(j.dump()));
  REQUIRE(back.ok());
  CHECK(back->prefix == 'N');
  CHECK(back->code == "identite");
  CHECK(back->label == "Identité numérique");
  CHECK(back->colour == "#1a7F3c");
  CHECK(back->typical_duration == std::chrono::minutes(15));

  j["colour"] = "#12345G";
  check_refused(protocol::decode_service, j, "service.colour");
  j["colour"] = "vert";
  check_refused(protocol::decode_service, j, "service.colour");
}

TEST_CASE("protocol::encode and decode_service_load round-trip a load, with or without estimate") {
  auto busy = testing::busy_load();
  Json j = protocol::encode(busy);
  CHECK(j == Json::parse(R"({"service":"C","waiting":5,"priority_waiting":1,"open_counters":2,
                             "mean_service_seconds":431,"estimated_wait_minutes":12,
                             "wait_kind":"range","wait_low_minutes":9,"wait_high_minutes":15,
                             "resumes_at_minute":null})"));
  auto back = protocol::decode_service_load(j);
  REQUIRE(back.ok());
  CHECK(back->service == 'C');
  CHECK(back->waiting == 5);
  CHECK(back->priority_waiting == 1);
  CHECK(back->open_counters == 2);
  CHECK(back->mean_service == std::chrono::seconds(431));
  CHECK(back->estimated_wait == std::chrono::minutes(12));
  CHECK(back->wait == busy.wait);

  queue::ServiceLoad closed = busy;
  closed.open_counters = 0;
  closed.estimated_wait.reset();
  closed.wait = {};
  Json none = protocol::encode(closed);
  CHECK(none["estimated_wait_minutes"].is_null());
  CHECK(none["wait_kind"] == "none");
  auto none_back = protocol::decode_service_load(none);
  REQUIRE(none_back.ok());
  CHECK_FALSE(none_back->estimated_wait.has_value());
  CHECK(none_back->wait.kind == queue::WaitRange::Kind::no_counter);

  // a planned break, and what an older hub sends (one estimate, no range)
  queue::ServiceLoad resumes = busy;
  resumes.wait.resumes_at = 12 * 60 + 45;
  CHECK(protocol::decode_service_load(protocol::encode(resumes))->wait.resumes_at == 12 * 60 + 45);
  Json old_hub = j;
  for (const char* key : {"wait_kind", "wait_low_minutes", "wait_high_minutes", "resumes_at_minute"}) {
    old_hub.erase(key);
  }
  auto from_old = protocol::decode_service_load(old_hub);
  REQUIRE(from_old.ok());
  CHECK(from_old->wait.kind == queue::WaitRange::Kind::range);
  CHECK(from_old->wait.low == std::chrono::minutes(12));
  CHECK(from_old->wait.high == std::chrono::minutes(12));
  Json upside_down = j;
  upside_down["wait_high_minutes"] = 3;
  check_refused(protocol::decode_service_load, upside_down, "load.wait_high_minutes");

  j["waiting"] = "5";
  check_refused(protocol::decode_service_load, j, "load.waiting");
}

TEST_CASE("protocol::encode and decode_change round-trip a change with its rows") {
  auto change = testing::call_change();
  Json j = protocol::encode(change);
  CHECK(j["kind"] == "ticket_called");
  CHECK(j["at"] == 1795386615000);
  CHECK(j["day"] == "2026-11-23");
  CHECK(j["counter"] == 2);
  CHECK(j["ticket"] == 1042);
  CHECK(j["priority_streak"] == 1);

  auto back = protocol::decode_change(Json::parse(j.dump()));
  REQUIRE_MESSAGE(back.ok(), back.error().to_string());
  CHECK(back->kind == queue::ChangeKind::ticket_called);
  CHECK(back->at == change.at);
  CHECK(back->day == change.day);
  CHECK(back->counter == std::optional<int>(2));
  CHECK(back->ticket == std::optional<std::int64_t>(1042));
  CHECK(back->priority_streak == 1);
  REQUIRE(back->tickets.size() == 2);
  check_same(back->tickets[0], change.tickets[0]);
  check_same(back->tickets[1], change.tickets[1]);
  REQUIRE(back->counters.size() == 1);
  check_same(back->counters[0], change.counters[0]);
}

TEST_CASE("protocol::decode_change accepts every change kind and a change without rows") {
  for (auto kind : {queue::ChangeKind::ticket_issued, queue::ChangeKind::ticket_recalled,
                    queue::ChangeKind::ticket_no_show, queue::ChangeKind::ticket_finished,
                    queue::ChangeKind::ticket_transferred, queue::ChangeKind::ticket_printed,
                    queue::ChangeKind::counter_paused, queue::ChangeKind::counter_resumed,
                    queue::ChangeKind::counter_updated, queue::ChangeKind::day_closed,
                    queue::ChangeKind::day_rolled, queue::ChangeKind::reprint_requested,
                    queue::ChangeKind::ticket_reprinted, queue::ChangeKind::test_ticket}) {
    queue::Change c;
    c.kind = kind;
    c.at = testing::noumea_time(2026, 11, 24, 0, 0);
    c.day = testing::sample_day().next();
    auto back = protocol::decode_change(protocol::encode(c));
    REQUIRE(back.ok());
    CHECK(back->kind == kind);
    CHECK(back->day.to_string() == "2026-11-24");
    CHECK(back->tickets.empty());
    CHECK(back->counters.empty());
    CHECK_FALSE(back->counter.has_value());
    CHECK_FALSE(back->ticket.has_value());
  }
}

TEST_CASE("protocol::decode_change names the faulty field inside its rows") {
  Json j = protocol::encode(testing::call_change());
  j["tickets"][1]["day"] = "23/11/2026";
  check_refused(protocol::decode_change, j, "change.tickets[1].day");

  j = protocol::encode(testing::call_change());
  j["counters"][0].erase("agent");
  check_refused(protocol::decode_change, j, "change.counters[0].agent");

  j = protocol::encode(testing::call_change());
  j["tickets"] = Json::object();
  check_refused(protocol::decode_change, j, "change.tickets");

  j = protocol::encode(testing::call_change());
  j["kind"] = "ticket_lost";
  check_refused(protocol::decode_change, j, "change.kind");
}

TEST_CASE("protocol::encode_test_ticket writes a Ticket-shaped ESSAI that is no ticket") {
  const auto at = testing::noumea_time(2026, 11, 23, 21, 5);
  const Json j = protocol::encode_test_ticket('F', true, testing::sample_day(), at);
  CHECK(j["id"] == 0);
  CHECK(j["number"] == 0);
  CHECK(j["label"] == "ESSAI");
  CHECK(j["prefix"] == "F");
  CHECK(j["service"] == "F");
  CHECK(j["priority"] == true);
  CHECK(j["state"] == "done");
  CHECK(j["print"] == "pending");
  CHECK(j["day"] == "2026-11-23");
  // Every member of a Ticket is there (a client reading tickets finds what it expects)...
  const Json ticket = protocol::encode(testing::called_ticket());
  for (const auto& [key, value] : ticket.items()) CHECK_MESSAGE(j.contains(key), key);
  // ... but it is not a ticket of the queue: the ticket decoder refuses it.
  CHECK_FALSE(protocol::decode_ticket(j).ok());
  auto back = protocol::decode_test_ticket_at(j, "result.ticket");
  REQUIRE_MESSAGE(back.ok(), back.error().to_string());
  CHECK(back->service == 'F');
  CHECK(back->issued_at == at);
  CHECK(back->priority);

  Json real_label = j;
  real_label["label"] = "F-000";
  auto refused = protocol::decode_test_ticket_at(real_label, "result.ticket");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "bad_request");
  CHECK(refused.error().message.find("« result.ticket.label »") != std::string::npos);
  CHECK_FALSE(protocol::decode_test_ticket_at(ticket, "result.ticket").ok());  // a real ticket
}

TEST_CASE("protocol codec keeps UTF-8 text intact through dump and parse") {
  auto t = testing::called_ticket();
  t.print_error = "Échec : bourrage papier — réessayez ; ça arrive à Nouméa 🙂";
  std::string wire = protocol::encode(t).dump();
  CHECK(wire.find("Échec : bourrage papier") != std::string::npos);  // not \u-escaped
  CHECK(over_the_wire(t).print_error == t.print_error);
}

TEST_CASE("protocol::encode and decode an outcome and a workshop, refusing malformed codes") {
  queue::Outcome o;
  o.partner = {"cafat", "opt"};
  o.theme = {"messagerie"};
  o.autonomy = "autonome";
  o.commune = "mare";
  Json j = protocol::encode(o);
  CHECK(j.at("partner") == Json::array({"cafat", "opt"}));
  CHECK(j.at("result").is_null());
  auto back = protocol::decode_outcome_at(Json::parse(j.dump()), "outcome");
  REQUIRE(back.ok());
  CHECK(*back == o);
  queue::Ticket t = testing::called_ticket();
  t.outcome = o;
  CHECK(over_the_wire(t).outcome == std::optional<queue::Outcome>(o));

  CHECK(protocol::decode_outcome_at(Json::object(), "o")->empty());
  check_refused([](const Json& v) { return protocol::decode_outcome_at(v, "outcome"); },
                Json{{"autonomy", "Très autonome"}}, "outcome.autonomy");
  check_refused([](const Json& v) { return protocol::decode_outcome_at(v, "outcome"); },
                Json{{"partner", "cafat"}}, "outcome.partner");
  check_refused([](const Json& v) { return protocol::decode_outcome_at(v, "outcome"); },
                Json{{"theme", Json::array({"x", 3})}}, "outcome.theme[1]");
  check_refused([](const Json& v) { return protocol::decode_outcome_at(v, "outcome"); },
                Json{{"result", std::string(33, 'a')}}, "outcome.result");

  queue::Workshop w{12, pcn::util::LocalDate{2026, 11, 23}, pcn::util::from_unix_ms(1795390000000),
                    "smartphone", 8, 90, std::nullopt};
  auto wb = protocol::decode_workshop_at(Json::parse(protocol::encode(w).dump()), "workshop");
  REQUIRE(wb.ok());
  CHECK(*wb == w);
  queue::Change c;
  c.kind = queue::ChangeKind::workshop_recorded;
  c.day = w.day;
  c.workshop = w;
  auto cb = protocol::decode_change(Json::parse(protocol::encode(c).dump()));
  REQUIRE(cb.ok());
  CHECK(cb->workshop == std::optional<queue::Workshop>(w));
}
