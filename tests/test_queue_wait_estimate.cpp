// The wait forecast (queue/wait_estimate.h) on hand-made states at a fixed instant (the clock is
// a value: nothing here reads the machine's time): the first tickets of the day, shared
// counters, pauses and planned breaks, priority, a visit under way, previous days, and the words
// every screen uses.
#include <doctest/doctest.h>

#include <cmath>

#include "queue/lognormal_draw.h"
#include "queue/wait_estimate.h"
#include "queue/wait_text.h"
#include "support/engine_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;
using queue::Ticket;
using queue::TicketState;
using queue::WaitRange;

namespace {

const util::TimePoint kNine = util::from_unix_ms(1795384800000);  // 2026-11-23 09:00 Nouméa

Ticket waiting(queue::TicketId id, char service, util::TimePoint at, bool priority = false) {
  Ticket t;
  t.id = id;
  t.prefix = t.service = service;
  t.number = int(id);
  t.priority = priority;
  t.issued_at = t.queued_at = at;
  return t;
}

/// Served from `called` to `finished` minutes after nine.
Ticket done(queue::TicketId id, char service, int called, int finished) {
  Ticket t = waiting(id, service, kNine + std::chrono::minutes(called) - 5min);
  t.state = TicketState::done;
  t.called_at = kNine + std::chrono::minutes(called);
  t.finished_at = kNine + std::chrono::minutes(finished);
  t.calls = 1;
  return t;
}

struct Day {
  queue::AgencyRules rules = testing::test_rules();
  std::map<queue::TicketId, Ticket> tickets;
  std::map<queue::CounterNumber, queue::Counter> counters;
  int streak = 0;

  Day() {
    for (const auto& c : rules.counters) counters[c.number] = c;
  }
  void add(const Ticket& t) { tickets[t.id] = t; }
  queue::WaitEstimator estimator() const {
    return queue::WaitEstimator(rules.services, rules.policy, rules.zone);
  }
  queue::QueueNow at(util::TimePoint now) const { return {tickets, counters, streak, now}; }
  WaitRange of(queue::TicketId id, util::TimePoint now = kNine) const {
    return estimator().for_ticket(tickets.at(id), at(now));
  }
  WaitRange of_new(char service, bool priority = false, util::TimePoint now = kNine) const {
    return estimator().for_new(service, priority, at(now));
  }
};

double middle(const WaitRange& w) {
  REQUIRE(w.middle().has_value());
  return *w.middle();
}

}  // namespace

TEST_CASE("queue::WaitEstimator — the first tickets of the day use the typical durations") {
  Day day;  // CAFAT typically 15 min; counters 1 (C F) and 2 (C N) serve it, all free
  for (int i = 1; i <= 4; ++i) day.add(waiting(i, 'C', kNine - std::chrono::minutes(10 - i)));
  // C-001 and C-002 are called at once by counters 1 and 2
  CHECK(day.of(1).kind == WaitRange::Kind::next);
  CHECK(day.of(2).kind == WaitRange::Kind::next);
  // C-003 waits for the first of two visits to end, C-004 for the second
  const WaitRange third = day.of(3);
  REQUIRE(third.kind == WaitRange::Kind::range);
  CHECK(third.low.count() < 12);
  CHECK(third.high.count() >= 12);
  CHECK(third.high.count() <= 30);
  CHECK(middle(day.of(4)) > middle(third));
  // a newcomer waits for two visits at one of the counters
  const WaitRange next = day.of_new('C');
  CHECK(middle(next) > middle(day.of(4)));
  CHECK(next.high.count() <= 60);
  CHECK(next.resumes_at == std::nullopt);
  // the same state gives the same forecast (no hidden randomness)
  CHECK(day.of_new('C') == next);
}

TEST_CASE("queue::WaitEstimator — a shared counter calls the oldest ticket of all its services") {
  Day day;
  day.counters[2].paused = true;  // only counter 1 (C F) and counter 3 (F) are open
  day.counters[3].paused = true;  // only counter 1 (C F)
  day.add(waiting(1, 'C', kNine));
  // three Factures tickets older than C-001 are called first by counter 1, 10 min each
  for (int i = 2; i <= 4; ++i) day.add(waiting(i, 'F', kNine - std::chrono::minutes(i)));
  const double behind = middle(day.of(1));
  CHECK(behind >= 20);
  CHECK(behind <= 40);
  // the same Factures tickets newer than C-001: counter 1 calls C-001 first
  for (int i = 2; i <= 4; ++i) day.add(waiting(i, 'F', kNine + std::chrono::minutes(i)));
  CHECK(day.of(1).kind == WaitRange::Kind::next);
  // and they wait for the CAFAT visit before them
  CHECK(middle(day.of(2)) >= 10);
}

TEST_CASE("queue::WaitEstimator — paused counters, planned breaks and no counter at all") {
  Day day;
  for (int i = 1; i <= 3; ++i) day.add(waiting(i, 'N', kNine - std::chrono::minutes(i)));
  // Identité numérique: counter 2 only. Paused with no planned end: nobody knows when
  day.counters[2].paused = true;
  CHECK(day.of(1).kind == WaitRange::Kind::no_counter);
  CHECK(day.of_new('N').kind == WaitRange::Kind::no_counter);
  CHECK(queue::queue_wait_text(day.of_new('N')) ==
        "aucun guichet ouvert");
  // paused in its planned break 08:45–09:30: back at 09:30, and the wait counts the break
  day.counters[2].breaks = {{8 * 60 + 45, 9 * 60 + 30}};
  const WaitRange resumes = day.of_new('N');
  REQUIRE(resumes.kind == WaitRange::Kind::range);
  REQUIRE(resumes.resumes_at == 9 * 60 + 30);
  CHECK(resumes.low.count() >= 30);
  CHECK(queue::queue_wait_text(resumes).rfind("reprise à 9\u00A0h\u00A030, entre ", 0) == 0);
  CHECK(queue::ticket_wait_text(resumes).rfind("Reprise à 9\u00A0h\u00A030 ; attente estimée : ", 0) == 0);
  // an open counter with a break ahead (09:10–10:00): whoever it has not called by then waits
  // for the break's end
  day.counters[2].paused = false;
  day.counters[2].breaks = {{9 * 60 + 10, 10 * 60}};
  CHECK(day.of(3).kind == WaitRange::Kind::next);  // the oldest, called now
  const WaitRange after_break = day.of_new('N');
  CHECK(after_break.low.count() >= 60);             // 20-min visits: the break comes first
  CHECK(after_break.resumes_at == std::nullopt);    // a counter is open now
  // the same without the break
  day.counters[2].breaks.clear();
  CHECK(middle(day.of_new('N')) < middle(after_break));
}

TEST_CASE("queue::WaitEstimator — priority tickets go first, within priority_max_in_row") {
  Day day;
  day.counters[2].paused = true;
  day.counters[3].paused = true;  // counter 1 alone serves C
  for (int i = 1; i <= 5; ++i) day.add(waiting(i, 'C', kNine - std::chrono::minutes(20 - i)));
  const WaitRange normal = day.of_new('C', false);
  const WaitRange priority = day.of_new('C', true);
  CHECK(middle(priority) < middle(normal));
  CHECK(priority.kind == WaitRange::Kind::next);  // nobody priority ahead, counter 1 is free
  // four priority tickets waiting and one normal: after two priority calls in a row, the normal
  // ticket's turn (priority_max_in_row = 2)
  Day turns;
  turns.counters[2].paused = true;
  turns.counters[3].paused = true;
  turns.add(waiting(1, 'C', kNine - 30min));
  for (int i = 2; i <= 5; ++i) turns.add(waiting(i, 'C', kNine - 10min, true));
  const double normal_one = middle(turns.of(1));
  const double third_priority = middle(turns.of(4));
  CHECK(normal_one < third_priority);
  CHECK(middle(turns.of(3)) < normal_one);  // the second priority ticket before it
  // with the streak already at two, the normal ticket goes now
  turns.streak = 2;
  CHECK(turns.of(1).kind == WaitRange::Kind::next);
}

TEST_CASE("queue::WaitEstimator — a visit under way: how long it has lasted counts") {
  Day day;
  day.counters[2].paused = true;
  day.counters[3].paused = true;
  Ticket at_counter = waiting(1, 'C', kNine - 30min);
  at_counter.state = TicketState::called;
  at_counter.counter = 1;
  day.add(at_counter);
  day.counters[1].current = 1;
  day.add(waiting(2, 'C', kNine - 20min));
  day.tickets[1].called_at = kNine;  // just called
  const double fresh = middle(day.of(2));
  day.tickets[1].called_at = kNine - 14min;  // 14 min of a typical 15
  const double nearly_over = middle(day.of(2));
  CHECK(nearly_over < fresh);
  CHECK(nearly_over < 10);
  day.tickets[1].called_at = kNine - 90min;  // far longer than usual: still ends at some point
  REQUIRE(day.of(2).kind == WaitRange::Kind::range);
  CHECK(day.of(2).high.count() <= 15);
}

TEST_CASE("queue::WaitEstimator — previous days teach the visit times, outliers do not") {
  Day day;
  day.counters[2].paused = true;
  day.counters[3].paused = true;
  for (int i = 1; i <= 4; ++i) day.add(waiting(i, 'C', kNine - std::chrono::minutes(i)));
  const double typical = middle(day.of_new('C'));  // 15-min visits from the config
  std::vector<Ticket> previous;
  for (int i = 0; i < 40; ++i) previous.push_back(done(100 + i, 'C', -2000 + 40 * i, -2000 + 40 * i + 30));
  queue::WaitEstimator learnt = day.estimator();
  learnt.learn(previous);
  const double thirty = *learnt.for_new('C', false, day.at(kNine)).middle();
  CHECK(thirty > typical * 1.6);  // 30-min visits: about twice as long
  CHECK(learnt.times().history_count('C') == 40);
  // today one visit of three hours (left open at lunch): the forecast barely moves
  day.add(done(50, 'C', -200, -20));
  const double with_outlier = *learnt.for_new('C', false, day.at(kNine)).middle();
  CHECK(std::abs(with_outlier - thirty) <= 0.15 * thirty);
}

TEST_CASE("queue::WaitEstimator — a newcomer's forecast is the one its ticket gets once taken") {
  Day day;
  for (int i = 1; i <= 12; ++i) day.add(waiting(i, i % 3 == 0 ? 'F' : 'C', kNine - std::chrono::minutes(30 - i)));
  const WaitRange before = day.of_new('C');
  day.add(waiting(13, 'C', kNine));
  CHECK(day.of(13) == before);
  const WaitRange priority_before = day.of_new('F', true);
  day.add(waiting(14, 'F', kNine, true));
  CHECK(day.of(14) == priority_before);
}

TEST_CASE("queue::WaitEstimator — the loads of every service, in the config's order") {
  Day day;
  day.add(waiting(1, 'C', kNine - 5min));
  day.add(waiting(2, 'C', kNine - 4min, true));
  day.counters[2].paused = true;
  const auto loads = day.estimator().loads(day.at(kNine));
  REQUIRE(loads.size() == 3);
  CHECK(loads[0].service == 'C');
  CHECK(loads[0].waiting == 2);
  CHECK(loads[0].priority_waiting == 1);
  CHECK(loads[0].open_counters == 1);
  CHECK(loads[0].wait.kind == WaitRange::Kind::range);
  CHECK(loads[0].estimated_wait == std::chrono::minutes(std::lround(*loads[0].wait.middle())));
  CHECK(loads[1].wait.kind == WaitRange::Kind::next);  // Factures: nobody, counter 3 free
  CHECK(loads[2].wait.kind == WaitRange::Kind::no_counter);  // N: counter 2 paused
  CHECK_FALSE(loads[2].estimated_wait.has_value());
}

TEST_CASE("queue wait words: ranges, hours, the next one, no counter") {
  WaitRange w;
  w.kind = WaitRange::Kind::range;
  w.low = 20min;
  w.high = 35min;
  CHECK(queue::queue_wait_text(w) == "entre 20 et 35 min");
  CHECK(queue::ticket_wait_text(w) == "Attente estimée : entre 20 et 35 min");
  CHECK(*w.middle() == doctest::Approx(27.5));
  w.low = 50min;
  w.high = 70min;
  CHECK(queue::queue_wait_text(w) == "entre 50 min et 1 h 10");
  w.low = 60min;
  w.high = 100min;
  CHECK(queue::queue_wait_text(w) == "entre 1 h et 1 h 40");
  w.low = 0min;
  w.high = 5min;
  CHECK(queue::queue_wait_text(w) == "moins de 5 min");
  w.high = 1min;
  CHECK(queue::queue_wait_text(w) == "moins d’une minute");
  w.low = w.high = 20min;
  CHECK(queue::queue_wait_text(w) == "environ 20 min");
  w.kind = WaitRange::Kind::next;
  CHECK(queue::ticket_wait_text(w) == "Vous êtes le prochain");
  CHECK(queue::queue_wait_text(w) == "pas d’attente");
  w.kind = WaitRange::Kind::no_counter;
  CHECK(queue::ticket_wait_text(w) == "Aucun guichet ouvert pour ce service pour l’instant");
  CHECK_FALSE(w.middle().has_value());
}

TEST_CASE("queue lognormal draws: the normal quantile, and a visit already under way") {
  CHECK(queue::normal_quantile(0.975) == doctest::Approx(1.959964).epsilon(1e-6));
  CHECK(queue::normal_quantile(0.5) == doctest::Approx(0.0));
  CHECK(queue::normal_quantile(0.001) == doctest::Approx(-3.090232).epsilon(1e-6));
  CHECK(queue::normal_cdf(queue::normal_quantile(0.3)) == doctest::Approx(0.3));
  const queue::DurationModel ten{std::log(600.0), 0.6};
  CHECK(queue::draw_duration(ten, 0.5) == doctest::Approx(600.0));
  // half of the visits that lasted 10 min end within the next few minutes; none end in the past
  CHECK(queue::draw_remaining(ten, 600, 0.0001) >= 0);
  CHECK(queue::draw_remaining(ten, 600, 0.5) < 600);
  double sum = 0;
  for (int i = 0; i < 1000; ++i) sum += queue::draw_duration(ten, queue::uniform_of(1, i, 7));
  CHECK(sum / 1000 == doctest::Approx(ten.mean_seconds()).epsilon(0.08));
}

TEST_CASE("queue::WaitEstimator — a newcomer behind priority tickets keeps the streak of the call rule") {
  Day day;
  day.counters[2].paused = true;
  day.counters[3].paused = true;  // counter 1 alone serves C
  for (int i = 1; i <= 3; ++i) day.add(waiting(i, 'C', kNine - std::chrono::minutes(10 - i), true));
  // nobody normal waits: the newcomer is the normal ticket after two priority calls in a row
  const WaitRange before = day.of_new('C');
  day.add(waiting(4, 'C', kNine));
  CHECK(day.of(4) == before);
  CHECK(middle(day.of(4)) < middle(day.of(3)));  // before the third priority ticket
}

TEST_CASE("queue::WaitEstimator — priority tickets coming faster than they are served: still an answer") {
  Day day;
  day.counters[2].paused = true;
  day.counters[3].paused = true;
  // 30 priority tickets issued over the last two hours, 15-min visits at one counter: the
  // stream of priority tickets to come outruns the counter, and the replays must still end
  for (int i = 1; i <= 30; ++i) {
    Ticket t = done(i, 'C', -120 + 4 * i, -118 + 4 * i);
    t.priority = true;
    t.issued_at = t.queued_at = kNine - std::chrono::minutes(120 - 4 * i);
    day.add(t);
  }
  day.add(waiting(40, 'C', kNine - 1min));
  CHECK(day.of(40).kind == WaitRange::Kind::next);  // counter 1 is free: called now
  const WaitRange newcomer = day.of_new('C');        // after C-040 and up to two priority visits
  REQUIRE(newcomer.kind == WaitRange::Kind::range);
  CHECK(newcomer.high.count() <= 90);
  // with priority disabled by the policy the same state ends too
  day.rules.policy.priority_max_in_row = 0;
  CHECK(day.of_new('C').kind == WaitRange::Kind::range);
}
