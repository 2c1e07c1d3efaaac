// Realistic domain values for the protocol tests: a morning at a Nouméa agency.
#pragma once

#include <chrono>
#include <vector>

#include "queue/change.h"
#include "queue/counter.h"
#include "queue/service.h"
#include "queue/ticket.h"
#include "queue/wait_estimate.h"
#include "support/fake_clock.h"

namespace pcn::testing {

inline util::LocalDate sample_day() { return util::LocalDate{2026, 11, 23}; }

/// C-042, called at counter 2, slip printed.
inline queue::Ticket called_ticket() {
  queue::Ticket t;
  t.id = 1042;
  t.day = sample_day();
  t.prefix = 'C';
  t.number = 42;
  t.service = 'F';  // transferred from C to F
  t.priority = true;
  t.state = queue::TicketState::called;
  t.issued_at = noumea_time(2026, 11, 23, 8, 5);
  t.queued_at = noumea_time(2026, 11, 23, 8, 20);
  t.called_at = noumea_time(2026, 11, 23, 9, 30, 15);
  t.counter = 2;
  t.calls = 2;
  t.no_shows = 1;
  t.transfers = 1;
  t.print = queue::PrintState::failed;
  t.print_error = "Plus de papier dans l’imprimante « Kiosque entrée »";
  return t;
}

/// N-007, waiting, nothing optional set.
inline queue::Ticket waiting_ticket() {
  queue::Ticket t;
  t.id = 1043;
  t.day = sample_day();
  t.prefix = 'N';
  t.number = 7;
  t.service = 'N';
  t.issued_at = noumea_time(2026, 11, 23, 9, 31);
  t.queued_at = t.issued_at;
  return t;
}

inline queue::Counter busy_counter() {
  queue::Counter c;
  c.number = 2;
  c.label = "Guichet 2 — étage";
  c.services = "CFN";
  c.current = 1042;
  c.agent = "Zoé Wénéhoua";
  return c;
}

inline queue::Service identity_service() {
  queue::Service s;
  s.prefix = 'N';
  s.code = "identite";
  s.label = "Identité numérique";
  s.colour = "#1a7F3c";
  s.typical_duration = std::chrono::minutes(15);
  return s;
}

inline queue::ServiceLoad busy_load() {
  queue::ServiceLoad l;
  l.service = 'C';
  l.waiting = 5;
  l.priority_waiting = 1;
  l.open_counters = 2;
  l.mean_service = std::chrono::seconds(431);
  l.wait.kind = queue::WaitRange::Kind::range;
  l.wait.low = std::chrono::minutes(9);
  l.wait.high = std::chrono::minutes(15);
  l.estimated_wait = std::chrono::minutes(12);
  return l;
}

inline queue::Change call_change() {
  queue::Change c;
  c.kind = queue::ChangeKind::ticket_called;
  c.at = noumea_time(2026, 11, 23, 9, 30, 15);
  c.day = sample_day();
  c.tickets = {called_ticket(), waiting_ticket()};
  c.counters = {busy_counter()};
  c.counter = 2;
  c.ticket = 1042;
  c.priority_streak = 1;
  return c;
}

}  // namespace pcn::testing
