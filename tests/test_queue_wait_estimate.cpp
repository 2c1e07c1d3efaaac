// The wait estimator on hand-made days: which finished tickets it averages, what it counts.
#include <doctest/doctest.h>

#include "queue/wait_estimate.h"
#include "support/engine_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;
using queue::Ticket;
using queue::TicketState;

namespace {

const util::TimePoint kNine = util::from_unix_ms(1795384800000);  // 2026-11-23 09:00 Nouméa

Ticket waiting(queue::TicketId id, char service, bool priority = false) {
  Ticket t;
  t.id = id;
  t.prefix = t.service = service;
  t.number = int(id);
  t.priority = priority;
  t.issued_at = t.queued_at = kNine;
  return t;
}

/// Served from `called` to `finished` minutes after nine.
Ticket done(queue::TicketId id, char service, int called, int finished) {
  Ticket t = waiting(id, service);
  t.state = TicketState::done;
  t.called_at = kNine + std::chrono::minutes(called);
  t.finished_at = kNine + std::chrono::minutes(finished);
  return t;
}

std::map<queue::CounterNumber, queue::Counter> counters(const queue::AgencyRules& rules) {
  std::map<queue::CounterNumber, queue::Counter> out;
  for (const auto& c : rules.counters) out[c.number] = c;
  return out;
}

}  // namespace

TEST_CASE("queue::WaitEstimator averages the latest finished visits of the service only") {
  queue::AgencyRules rules = testing::test_rules();
  rules.policy.wait_samples = 2;
  queue::WaitEstimator estimator(rules.services, rules.policy);
  std::map<queue::TicketId, Ticket> day;
  // CAFAT visits, by finish time: 30 min (9:00–9:30), then 20 min (9:20–9:40), then 10 min
  // (9:40–9:50). Ids do not follow finish order: the latest two are ids 1 and 3.
  for (Ticket t : {done(1, 'C', 40, 50), done(2, 'C', 0, 30), done(3, 'C', 20, 40),
                   done(4, 'F', 0, 55)}) {  // a longer Factures visit, finished last
    day[t.id] = t;
  }
  Ticket absent = done(5, 'C', 50, 54);  // not a service time
  absent.state = TicketState::absent;
  day[absent.id] = absent;
  for (Ticket t : {waiting(6, 'C'), waiting(7, 'C', true), waiting(8, 'C'), waiting(9, 'N')}) {
    day[t.id] = t;
  }

  auto loads = estimator.loads(day, counters(rules));
  REQUIRE(loads.size() == 3);
  CHECK(loads[0].service == 'C');
  CHECK(loads[0].mean_service == 15min);  // (10 + 20) / 2; the 30-minute visit is older
  CHECK(loads[0].waiting == 3);
  CHECK(loads[0].priority_waiting == 1);
  // Counter 1 (C F) gives C its whole time (nobody waits for F), counter 2 (C N) half of it (N
  // has someone waiting): capacity 1.5; both free: 15 min × 3 / 1.5.
  CHECK(loads[0].estimated_wait == 30min);
  CHECK(loads[1].mean_service == 55min);  // Factures: its own visit only
  CHECK(loads[1].waiting == 0);
  CHECK(loads[2].mean_service == 20min);  // Identité numérique: none finished, typical time
  CHECK(loads[2].waiting == 1);
  // Someone with one person ahead in C: 15 min × 1 / 1.5.
  CHECK(estimator.wait_for('C', 1, day, counters(rules)) == 10min);
}
