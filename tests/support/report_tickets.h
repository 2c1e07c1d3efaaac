// Hand-made tickets for the report's pure tests (report/figures.h): a ticket of a day issued at a
// local time in Nouméa, with its later times in minutes, its state and its outcome.
#pragma once

#include <chrono>

#include "queue/engine.h"
#include "report/figures.h"
#include "support/engine_fixture.h"
#include "support/fake_clock.h"

namespace pcn::testing {

/// A ticket of day `day` issued at `h:m` local time, with its later times in minutes after that.
struct Made {
  queue::Ticket t;
  Made(util::LocalDate day, char service, int h, int m) {
    static queue::TicketId next_id = 1;
    t.id = next_id++;
    t.day = day;
    t.prefix = t.service = service;
    t.issued_at = t.queued_at = noumea_time(day.year, day.month, day.day, h, m);
  }
  Made& called(int minutes_after_issue, queue::CounterNumber counter) {
    t.called_at = t.issued_at + std::chrono::minutes(minutes_after_issue);
    t.counter = counter;
    t.state = queue::TicketState::called;
    return *this;
  }
  Made& ended(queue::TicketState state, int minutes_after_call) {
    t.state = state;
    t.finished_at = *t.called_at + std::chrono::minutes(minutes_after_call);
    return *this;
  }
  Made& state(queue::TicketState s) {
    t.state = s;
    return *this;
  }
  Made& transferred_from(char prefix) {
    t.prefix = prefix;
    t.transfers = 1;
    return *this;
  }
  /// Served (called at once at counter 1, 10 minutes at the counter) with `outcome`.
  Made& served_with(queue::Outcome outcome) {
    called(0, 1).ended(queue::TicketState::done, 10);
    t.outcome = std::move(outcome);
    return *this;
  }
  operator queue::Ticket() const { return t; }  // NOLINT(google-explicit-constructor)
};

/// The test agency (engine_fixture.h) and its report input over a range.
struct ReportAgency {
  queue::AgencyRules rules = test_rules();
  report::ReportInput input(util::LocalDate from, util::LocalDate to,
                            std::optional<util::TimePoint> now = std::nullopt) const {
    return {from,        to,  &rules.services, &rules.counters, &rules.hours,
            &rules.zone, now, &rules.outcomes};
  }
};

}  // namespace pcn::testing
