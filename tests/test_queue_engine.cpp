#include <doctest/doctest.h>

#include "queue/engine.h"
#include "support/engine_fixture.h"
#include "support/fake_clock.h"

using namespace pcn;
using namespace std::chrono_literals;
using pcn::testing::accept;
using pcn::testing::noumea_time;
using queue::Engine;
using queue::TicketState;

namespace {

const util::LocalDate kDay{2026, 11, 23};  // a Monday

struct Agency {
  testing::FakeClock clock{noumea_time(2026, 11, 23, 8, 0)};
  Engine engine{testing::test_rules(), kDay};

  std::string take(char service, bool priority = false) {
    clock.advance(1s);
    return engine.find_ticket(*accept(engine, engine.issue(service, priority, clock.now())).ticket)
        ->label();
  }
  std::string call_next(int counter) {
    clock.advance(1s);
    auto change = accept(engine, engine.call_next(counter, clock.now()));
    return engine.find_ticket(*change.ticket)->label();
  }
  const queue::Ticket& ticket(const std::string& label) {
    auto l = queue::parse_ticket_label(label);
    REQUIRE(l);
    const queue::Ticket* t = engine.find_ticket(l->prefix, l->number);
    REQUIRE(t);
    return *t;
  }
};

}  // namespace

TEST_CASE("queue::Engine::issue numbers per service per day from 1") {
  Agency a;
  CHECK(a.take('C') == "C-001");
  CHECK(a.take('C') == "C-002");
  CHECK(a.take('F') == "F-001");
  CHECK(a.take('C', true) == "C-003");
  CHECK(a.ticket("C-003").priority);
  CHECK(a.ticket("F-001").state == TicketState::waiting);
  CHECK(a.engine.last_ticket_id() == 4);
}

TEST_CASE("queue::Engine::issue refuses unknown services and closed hours, changing nothing") {
  Agency a;
  auto unknown = a.engine.issue('Z', false, a.clock.now());
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "unknown_service");
  CHECK(unknown.error().message.find("« Z »") != std::string::npos);

  auto night = a.engine.issue('C', false, noumea_time(2026, 11, 23, 19, 0));
  REQUIRE_FALSE(night.ok());
  CHECK(night.error().code == "agency_closed");
  CHECK(a.engine.tickets().empty());
  CHECK(a.take('C') == "C-001");
}

TEST_CASE("queue::Engine::call_next calls the oldest waiting ticket the counter serves") {
  Agency a;
  a.take('N');
  a.take('F');
  a.take('C');
  CHECK(a.call_next(1) == "F-001");  // counter 1 serves C and F; F-001 came first
  CHECK(a.call_next(2) == "N-001");
  CHECK(a.ticket("F-001").state == TicketState::called);
  CHECK(a.ticket("F-001").counter == 1);
  CHECK(a.engine.counters().at(1).current == a.ticket("F-001").id);
  auto empty = a.engine.call_next(3, a.clock.now());
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().code == "queue_empty");
}

TEST_CASE("queue::Engine::call_next finishes the ticket the counter still holds") {
  Agency a;
  a.take('C');
  a.take('C');
  a.call_next(1);
  a.call_next(1);
  CHECK(a.ticket("C-001").state == TicketState::done);
  CHECK(a.ticket("C-001").finished_at.has_value());
  CHECK(a.ticket("C-002").state == TicketState::called);
}

TEST_CASE("queue::Engine priority tickets go first but never starve normal ones") {
  Agency a;
  a.take('C');        // C-001 normal, oldest
  for (int i = 0; i < 4; ++i) a.take('C', true);  // C-002..C-005 priority
  SUBCASE("at most two priority calls in a row while a normal ticket waits") {
    CHECK(a.call_next(1) == "C-002");
    CHECK(a.call_next(2) == "C-003");
    CHECK(a.call_next(1) == "C-001");
    CHECK(a.call_next(2) == "C-004");
    CHECK(a.call_next(1) == "C-005");
  }
  SUBCASE("a ratio of 0 disables priority: arrival order only") {
    auto rules = testing::test_rules();
    rules.policy.priority_max_in_row = 0;
    Engine plain(rules, kDay);
    for (const auto& [id, t] : a.engine.tickets()) {
      plain.apply(accept(plain, plain.issue(t.service, t.priority, t.issued_at)));
    }
    auto first = accept(plain, plain.call_next(1, a.clock.now()));
    CHECK(plain.find_ticket(*first.ticket)->label() == "C-001");
  }
}

TEST_CASE("queue::Engine the priority streak resets when no normal ticket waits") {
  Agency a;
  a.take('C', true);
  a.take('C', true);
  a.take('C', true);
  CHECK(a.call_next(1) == "C-001");
  CHECK(a.call_next(1) == "C-002");
  a.take('C');  // C-004 normal arrives; no priority call was made while a normal waited
  CHECK(a.call_next(1) == "C-003");
  CHECK(a.call_next(1) == "C-004");
}

TEST_CASE("queue::Engine::no_show requeues once at the end, then closes as absent") {
  Agency a;
  a.take('C');
  a.take('C');
  a.call_next(1);  // C-001
  a.clock.advance(1s);
  accept(a.engine, a.engine.no_show(1, a.clock.now()));
  CHECK(a.ticket("C-001").state == TicketState::waiting);
  CHECK(a.ticket("C-001").no_shows == 1);
  CHECK_FALSE(a.engine.counters().at(1).current.has_value());
  CHECK(a.call_next(1) == "C-002");  // C-001 went to the end of the line
  CHECK(a.call_next(1) == "C-001");
  a.clock.advance(1s);
  accept(a.engine, a.engine.no_show(1, a.clock.now()));
  CHECK(a.ticket("C-001").state == TicketState::absent);
  CHECK(a.ticket("C-002").state == TicketState::done);
}

TEST_CASE("queue::Engine::recall counts calls and keeps the ticket at the counter") {
  Agency a;
  a.take('F');
  a.call_next(3);
  auto change = accept(a.engine, a.engine.recall(3, a.clock.now()));
  CHECK(change.kind == queue::ChangeKind::ticket_recalled);
  CHECK(a.ticket("F-001").calls == 2);
  CHECK(a.ticket("F-001").state == TicketState::called);
  auto idle = a.engine.recall(1, a.clock.now());
  REQUIRE_FALSE(idle.ok());
  CHECK(idle.error().code == "no_ticket_at_counter");
}

TEST_CASE("queue::Engine::transfer keeps the label and places by policy") {
  Agency a;
  a.take('C');  // C-001 at 08:00:01
  a.take('F');  // F-001
  a.take('F');  // F-002
  a.call_next(1);  // C? counter 1 serves C and F: C-001 is oldest
  REQUIRE(a.ticket("C-001").state == TicketState::called);
  a.clock.advance(5min);
  auto moved = accept(a.engine, a.engine.transfer(1, 'F', a.clock.now()));
  CHECK(moved.kind == queue::ChangeKind::ticket_transferred);
  const auto& t = a.ticket("C-001");
  CHECK(t.service == 'F');
  CHECK(t.state == TicketState::waiting);
  CHECK(t.transfers == 1);
  CHECK(a.call_next(3) == "C-001");  // placed by arrival: older than F-001
  SUBCASE("refusals") {
    auto same = a.engine.transfer(3, 'F', a.clock.now());
    REQUIRE_FALSE(same.ok());
    CHECK(same.error().code == "same_service");
    auto unknown = a.engine.transfer(3, 'Q', a.clock.now());
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "unknown_service");
  }
}

TEST_CASE("queue::Engine::transfer with placement end goes behind everybody") {
  auto rules = testing::test_rules();
  rules.policy.transfer_placement = queue::Placement::end;
  testing::FakeClock clock{noumea_time(2026, 11, 23, 8, 0)};
  Engine e(rules, kDay);
  accept(e, e.issue('C', false, clock.now()));
  clock.advance(1s);
  accept(e, e.issue('F', false, clock.now()));
  clock.advance(1s);
  accept(e, e.call_next(2, clock.now()));  // C-001
  accept(e, e.transfer(2, 'F', clock.now()));
  auto next = accept(e, e.call_next(3, clock.now()));
  CHECK(e.find_ticket(*next.ticket)->label() == "F-001");
}

TEST_CASE("queue::Engine pause and resume a counter") {
  Agency a;
  a.take('C');
  accept(a.engine, a.engine.pause(1, a.clock.now()));
  auto paused_call = a.engine.call_next(1, a.clock.now());
  REQUIRE_FALSE(paused_call.ok());
  CHECK(paused_call.error().code == "counter_paused");
  CHECK(paused_call.error().message.find("guichet 1") != std::string::npos);
  CHECK(a.ticket("C-001").state == TicketState::waiting);
  auto twice = a.engine.pause(1, a.clock.now());
  CHECK(twice.error().code == "counter_paused");
  accept(a.engine, a.engine.resume(1, a.clock.now()));
  CHECK(a.engine.resume(1, a.clock.now()).error().code == "counter_not_paused");
  CHECK(a.call_next(1) == "C-001");
  auto busy = a.engine.pause(1, a.clock.now());
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.error().code == "counter_busy");
  CHECK(busy.error().message.find("C-001") != std::string::npos);
}

TEST_CASE("queue::Engine::call_ticket calls by number, and refuses what cannot be called") {
  Agency a;
  a.take('C');
  a.take('C');
  a.clock.advance(1s);
  auto called = accept(a.engine, a.engine.call_ticket(2, "c2", a.clock.now()));
  CHECK(a.engine.find_ticket(*called.ticket)->label() == "C-002");
  CHECK(a.engine.call_ticket(1, "C-002", a.clock.now()).error().code == "ticket_not_callable");
  CHECK(a.engine.call_ticket(1, "C-099", a.clock.now()).error().code == "unknown_ticket");
  CHECK(a.engine.call_ticket(1, "n'importe", a.clock.now()).error().code == "unknown_ticket");
  accept(a.engine, a.engine.finish(2, a.clock.now()));
  CHECK(a.engine.call_ticket(1, "C-002", a.clock.now()).error().code == "ticket_not_callable");
}

TEST_CASE("queue::Engine refusals name the problem and change nothing") {
  Agency a;
  a.take('C');
  auto before = a.engine.tickets();
  CHECK(a.engine.finish(1, a.clock.now()).error().code == "no_ticket_at_counter");
  CHECK(a.engine.call_next(9, a.clock.now()).error().code == "unknown_counter");
  CHECK(a.engine.update_counter(1, "CZ", "Marie", a.clock.now()).error().code == "unknown_service");
  CHECK(a.engine.update_counter(1, "", "Marie", a.clock.now()).error().code == "bad_request");
  CHECK(a.engine.tickets().size() == before.size());
  CHECK(a.engine.tickets().begin()->second.state == TicketState::waiting);
}

TEST_CASE("queue::Engine::update_counter changes what the counter calls") {
  Agency a;
  a.take('N');
  CHECK(a.engine.call_next(1, a.clock.now()).error().code == "queue_empty");
  accept(a.engine, a.engine.update_counter(1, "NN", "Marie", a.clock.now()));
  CHECK(a.engine.counters().at(1).services == "N");
  CHECK(a.engine.counters().at(1).agent == "Marie");
  CHECK(a.call_next(1) == "N-001");
}

TEST_CASE("queue::Engine rolls over at local midnight in Nouméa, not UTC") {
  Agency a;
  a.take('C');
  a.take('C');
  a.call_next(1);
  // 23:59:59 local on the 23rd is 12:59:59 UTC the same day: still the same business day.
  CHECK_FALSE(a.engine.roll_over(noumea_time(2026, 11, 23, 23, 59, 59)).has_value());
  // Midnight UTC of the 24th is 11:00 local on the 24th; local midnight is 13:00 UTC on the 23rd.
  auto local_midnight = noumea_time(2026, 11, 24, 0, 0);
  CHECK(util::to_unix_ms(local_midnight) % (24 * 3600 * 1000) == 13 * 3600 * 1000);
  auto roll = a.engine.roll_over(local_midnight);
  REQUIRE(roll.has_value());
  CHECK(roll->kind == queue::ChangeKind::day_rolled);
  CHECK(roll->day == util::LocalDate{2026, 11, 24});
  REQUIRE(roll->tickets.size() == 2);
  CHECK(roll->tickets[0].state == TicketState::done);      // C-001 was at counter 1
  CHECK(roll->tickets[1].state == TicketState::unserved);  // C-002 was waiting
  CHECK(*roll->tickets[1].finished_at < local_midnight);   // closed on its own day
  CHECK(a.engine.issue('C', false, noumea_time(2026, 11, 24, 8, 0)).error().code == "stale_day");
  a.engine.apply(*roll);
  CHECK(a.engine.tickets().empty());
  CHECK_FALSE(a.engine.counters().at(1).current.has_value());
  a.clock.set(noumea_time(2026, 11, 24, 8, 0));
  CHECK(a.take('C') == "C-001");
  CHECK(a.engine.last_ticket_id() == 3);  // ids are never reused across days
}

TEST_CASE("queue::Engine::close_day closes waiting tickets as not served") {
  Agency a;
  a.take('C');
  a.take('F');
  a.take('F');
  a.call_next(3);
  auto close = accept(a.engine, a.engine.close_day(a.clock.now()));
  CHECK(close.kind == queue::ChangeKind::day_closed);
  int unserved = 0;
  for (const auto& [id, t] : a.engine.tickets()) unserved += t.state == TicketState::unserved;
  CHECK(unserved == 2);
  CHECK(a.ticket("F-001").state == TicketState::done);
  CHECK(a.engine.day() == kDay);
}

TEST_CASE("queue::Engine::restore continues numbering and keeps counter state") {
  Agency a;
  a.take('C');
  a.take('C');
  a.call_next(2);
  accept(a.engine, a.engine.update_counter(1, "F", "Léa", a.clock.now()));
  queue::EngineState state;
  state.day = a.engine.day();
  for (const auto& [id, t] : a.engine.tickets()) state.tickets.push_back(t);
  for (const auto& [n, c] : a.engine.counters()) state.counters.push_back(c);
  state.last_ticket_id = 7;
  Engine reopened(testing::test_rules(), kDay);
  reopened.restore(state);
  CHECK(reopened.counters().at(1).services == "F");
  CHECK(reopened.counters().at(1).agent == "Léa");
  CHECK(reopened.counters().at(2).current.has_value());
  auto next = accept(reopened, reopened.issue('C', false, a.clock.now()));
  CHECK(next.tickets[0].label() == "C-003");
  CHECK(next.tickets[0].id == 8);
}

TEST_CASE("queue::Engine forecasts follow today's visits, the counters and the priority streak") {
  Agency a;
  for (int i = 0; i < 4; ++i) a.take('C');
  auto loads = a.engine.loads(a.clock.now());
  REQUIRE(loads.size() == 3);
  CHECK(loads[0].service == 'C');
  CHECK(loads[0].waiting == 4);
  CHECK(loads[0].open_counters == 2);
  CHECK(a.engine.forecast(a.ticket("C-001"), a.clock.now()).kind == queue::WaitRange::Kind::next);
  CHECK(a.engine.estimated_wait(a.ticket("C-001"), a.clock.now()) == std::chrono::minutes(0));
  CHECK(a.engine.ahead_of(a.ticket("C-004")) == 3);
  // the slip's forecast, made before the ticket is applied, is the one it gets once applied
  const queue::WaitRange promised = a.engine.forecast_new('C', false, a.clock.now());
  a.take('C');
  CHECK(a.engine.forecast(a.ticket("C-005"), a.clock.now()) == promised);
  CHECK(loads[0].estimated_wait < a.engine.loads(a.clock.now())[0].estimated_wait);

  // measured today: short CAFAT visits shorten the forecast
  const auto before = a.engine.loads(a.clock.now())[0].mean_service;
  for (int i = 0; i < 4; ++i) {
    a.call_next(1);
    a.clock.advance(3min);
    accept(a.engine, a.engine.finish(1, a.clock.now()));
  }
  CHECK(a.engine.loads(a.clock.now())[0].mean_service < before);

  // pause both counters that serve C: no estimate
  accept(a.engine, a.engine.pause(1, a.clock.now()));
  accept(a.engine, a.engine.pause(2, a.clock.now()));
  CHECK_FALSE(a.engine.loads(a.clock.now())[0].estimated_wait.has_value());
  CHECK(a.engine.loads(a.clock.now())[0].open_counters == 0);
  CHECK(a.engine.loads(a.clock.now())[0].wait.kind == queue::WaitRange::Kind::no_counter);
}

TEST_CASE("queue::Engine priority tickets are ahead of normal ones in the estimate") {
  Agency a;
  a.take('C');
  a.take('C');
  a.take('C', true);
  CHECK(a.engine.ahead_of(a.ticket("C-003")) == 0);
  CHECK(a.engine.ahead_of(a.ticket("C-001")) == 1);
}

TEST_CASE("queue::parse_ticket_label reads what agents type") {
  CHECK(queue::parse_ticket_label("C-042")->number == 42);
  CHECK(queue::parse_ticket_label("c42")->prefix == 'C');
  CHECK(queue::parse_ticket_label(" F 7 ")->number == 7);
  CHECK_FALSE(queue::parse_ticket_label("42"));
  CHECK_FALSE(queue::parse_ticket_label("C-"));
  CHECK_FALSE(queue::parse_ticket_label("C-0"));
  CHECK(queue::ticket_label('C', 1234) == "C-1234");
}

TEST_CASE("queue::Engine::reprint records the counter's request and leaves the ticket as it was") {
  Agency a;
  a.take('C');
  a.call_next(1);
  const queue::Ticket before = a.ticket("C-001");
  const int streak = a.engine.priority_streak();
  auto change = accept(a.engine, a.engine.reprint(before.id, 2, a.clock.now()));
  CHECK(change.kind == queue::ChangeKind::reprint_requested);
  CHECK(change.ticket == before.id);
  CHECK(change.counter == 2);
  REQUIRE(change.tickets.size() == 1);
  CHECK(change.tickets[0].state == TicketState::called);  // any state may be reprinted
  CHECK(change.tickets[0].calls == before.calls);
  CHECK(change.counters.empty());
  CHECK(change.priority_streak == streak);
  CHECK(a.ticket("C-001").state == TicketState::called);
  CHECK(a.ticket("C-001").counter == 1);
  // Without a counter (a supervisor), the counter is simply not recorded.
  auto anonymous = a.engine.reprint(before.id, std::nullopt, a.clock.now());
  REQUIRE(anonymous.ok());
  CHECK_FALSE(anonymous->counter.has_value());
}

TEST_CASE("queue::Engine::reprint refuses an unknown ticket, yesterday's, or an unknown counter") {
  Agency a;
  a.take('C');
  const queue::TicketId yesterday = a.ticket("C-001").id;
  auto unknown = a.engine.reprint(99, 1, a.clock.now());
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "unknown_ticket");
  CHECK(unknown.error().message == "Aucun ticket « 99 » aujourd’hui.");
  auto no_counter = a.engine.reprint(yesterday, 9, a.clock.now());
  REQUIRE_FALSE(no_counter.ok());
  CHECK(no_counter.error().code == "unknown_counter");

  a.clock.set(noumea_time(2026, 11, 24, 8, 0));
  auto roll = a.engine.roll_over(a.clock.now());
  REQUIRE(roll.has_value());
  a.engine.apply(*roll);
  CHECK(a.take('C') == "C-001");
  auto old = a.engine.reprint(yesterday, 1, a.clock.now());
  REQUIRE_FALSE(old.ok());
  CHECK(old.error().code == "unknown_ticket");
  CHECK(a.engine.tickets().size() == 1);  // nothing changed
  CHECK(a.ticket("C-001").id != yesterday);
}

TEST_CASE("queue::Engine::report_reprint records a duplicate's outcome as ticket_reprinted") {
  Agency a;
  a.take('C');
  const queue::TicketId id = a.ticket("C-001").id;
  accept(a.engine, a.engine.report_print(id, queue::PrintState::failed, "Plus de papier",
                                         a.clock.now()));
  auto again = accept(a.engine, a.engine.report_reprint(id, queue::PrintState::printed, "ignored",
                                                        a.clock.now()));
  CHECK(again.kind == queue::ChangeKind::ticket_reprinted);
  CHECK(again.ticket == id);
  CHECK(a.ticket("C-001").print == queue::PrintState::printed);
  CHECK(a.ticket("C-001").print_error.empty());
  auto failed = accept(a.engine, a.engine.report_reprint(id, queue::PrintState::failed,
                                                         "Bourrage", a.clock.now()));
  CHECK(failed.kind == queue::ChangeKind::ticket_reprinted);
  CHECK(a.ticket("C-001").print_error == "Bourrage");
  CHECK(a.engine.report_reprint(77, queue::PrintState::printed, "", a.clock.now()).error().code ==
        "unknown_ticket");
}

TEST_CASE("queue::Engine::test_ticket is issued at any hour and takes no number and no row") {
  Agency a;
  a.take('C');
  const auto loads_before = a.engine.loads(a.clock.now());
  const auto night = noumea_time(2026, 11, 23, 21, 0);
  REQUIRE(a.engine.issue('F', false, night).error().code == "agency_closed");
  auto change = accept(a.engine, a.engine.test_ticket('F', night));
  CHECK(change.kind == queue::ChangeKind::test_ticket);
  CHECK(change.day == kDay);
  CHECK(change.tickets.empty());
  CHECK(change.counters.empty());
  CHECK_FALSE(change.ticket.has_value());
  CHECK_FALSE(change.counter.has_value());
  CHECK(a.engine.tickets().size() == 1);
  CHECK(a.engine.last_ticket_id() == 1);
  const auto loads_after = a.engine.loads(a.clock.now());
  REQUIRE(loads_after.size() == loads_before.size());
  for (std::size_t i = 0; i < loads_after.size(); ++i) {
    CHECK(loads_after[i].waiting == loads_before[i].waiting);
  }
  CHECK(a.take('F') == "F-001");  // the test ticket used no number of F
  CHECK(a.take('C') == "C-002");

  auto unknown = a.engine.test_ticket('Z', night);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "unknown_service");
  auto tomorrow = a.engine.test_ticket('C', noumea_time(2026, 11, 24, 9, 0));
  REQUIRE_FALSE(tomorrow.ok());
  CHECK(tomorrow.error().code == "stale_day");
}
