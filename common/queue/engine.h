// The queue engine: an agency's queue rules, as pure logic. No I/O, no clock of its own: every
// operation receives `now`, and the caller (the hub) persists what the engine decides.
//
// Use: a decision method returns the Change it would make, or an Error whose code says why the
// transition is refused (and nothing changes). The caller commits the Change to the store, then
// calls apply(). Decisions are const; only apply() and restore() mutate.
//
// Rules:
//  - issue: numbered per prefix per business day from 1; the business day is the agency's local
//    date. Refused outside opening hours and for unknown services.
//  - call_next: among waiting tickets of the services the counter serves, the oldest (by queued_at,
//    then id) priority ticket goes first, unless QueuePolicy::priority_max_in_row priority calls
//    have been made in a row while a normal ticket was waiting; then the oldest normal ticket.
//    A ticket the counter still holds is finished in the same change.
//  - no_show: back to the end of the line QueuePolicy::no_show_requeues times, then absent.
//  - transfer: to another service, keeps its label, placed by QueuePolicy::transfer_placement.
//  - A paused counter calls nothing; a counter must be free (finish, transfer or no-show) to pause.
//  - Close of day: waiting → unserved, called → done; counters are freed.
//  - reprint: any ticket of the current day (any state) may have its slip printed again by the
//    kiosk; the request changes no row, it is recorded (reprint_requested) for the kiosk to act.
//  - outcome: finish_with records the visit's outcome with the finish; record_outcome replaces
//    the outcome of a served ticket (state done) of the current day, e.g. a correction made later
//    from the Statistiques page. Codes are checked against AgencyRules::outcomes.
//  - workshop: a collective workshop (theme, participants, minutes) recorded without a ticket.
//  - test_ticket: a test slip for the installer, issued at any hour; it takes no number and adds
//    no row, so no queue, count or figure ever sees it (only the event log records it).
// Every decision about a day other than the engine's current day is refused with "stale_day":
// call roll_over() first when the local date has changed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "queue/change.h"
#include "queue/counter.h"
#include "queue/opening_hours.h"
#include "queue/policy.h"
#include "queue/service.h"
#include "queue/wait_estimate.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::queue {

/// What the store gives back to restore an engine.
struct EngineState {
  util::LocalDate day;
  std::vector<Ticket> tickets;    ///< the tickets of `day`
  std::vector<Counter> counters;  ///< stored counter rows (may be fewer than configured)
  int priority_streak = 0;
  TicketId last_ticket_id = 0;    ///< highest id ever issued, all days
};

struct AgencyRules {
  ServiceList services;
  std::vector<Counter> counters;  ///< as configured: number, label, default services
  QueuePolicy policy;
  OpeningHours hours = OpeningHours::always();
  util::TimeZone zone = util::TimeZone::noumea();
  OutcomeLists outcomes = OutcomeLists::defaults();
};

class Engine {
 public:
  using Decision = util::Result<Change>;

  /// A fresh engine on `day` with the configured counters and no tickets.
  Engine(AgencyRules rules, util::LocalDate day);

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Replaces the state with what the store loaded. Configured counters missing from
  /// `state.counters` keep their configured defaults; stored counters no longer configured are
  /// dropped.
  void restore(const EngineState& state);

  Decision issue(char service, bool priority, util::TimePoint now) const;
  Decision call_next(CounterNumber counter, util::TimePoint now) const;
  Decision call_ticket(CounterNumber counter, const std::string& label, util::TimePoint now) const;
  Decision recall(CounterNumber counter, util::TimePoint now) const;
  Decision no_show(CounterNumber counter, util::TimePoint now) const;
  Decision finish(CounterNumber counter, util::TimePoint now) const;
  /// finish, recording `outcome` (nullopt: "non renseigné") on the ticket. Refused as finish, and
  /// unknown_code / bad_request for an outcome that check_outcome refuses. With `expected`, the
  /// ticket the agent recorded the outcome for: refused with ticket_not_at_counter when the
  /// counter now holds another one (another console called or finished meanwhile).
  Decision finish_with(CounterNumber counter, const std::optional<Outcome>& outcome,
                       util::TimePoint now, std::optional<TicketId> expected = std::nullopt) const;
  /// Replaces the outcome of `ticket`, a ticket of the current day that was served (state done);
  /// `counter`, when given, must exist. An outcome_recorded change carrying the updated row.
  /// Refused: unknown_ticket, ticket_not_served, unknown_counter, unknown_code, bad_request.
  Decision record_outcome(TicketId ticket, const std::optional<Outcome>& outcome,
                          std::optional<CounterNumber> counter, util::TimePoint now) const;
  /// Records a workshop of the current day (its day and at are set from `now`): a
  /// workshop_recorded change with no row. Refused: unknown_code, bad_request, unknown_counter.
  Decision record_workshop(Workshop workshop, util::TimePoint now) const;
  Decision transfer(CounterNumber counter, char service, util::TimePoint now) const;
  Decision pause(CounterNumber counter, util::TimePoint now) const;
  Decision resume(CounterNumber counter, util::TimePoint now) const;
  /// Sets the prefixes the counter calls from (non-empty, all known) and the agent's name.
  Decision update_counter(CounterNumber counter, const std::string& services,
                          const std::string& agent, util::TimePoint now) const;
  /// Records the print outcome of a ticket's slip.
  Decision report_print(TicketId ticket, PrintState state, const std::string& error,
                        util::TimePoint now) const;
  /// Records the print outcome of a duplicate of a ticket's slip (a reprint): the same row update
  /// as report_print, as a ticket_reprinted change.
  Decision report_reprint(TicketId ticket, PrintState state, const std::string& error,
                          util::TimePoint now) const;
  /// Asks for the slip of `ticket` (a ticket of the current day, in any state) to be printed
  /// again; `counter`, the counter asking if any, must exist and is recorded. The change
  /// (reprint_requested) carries the ticket's row unchanged. Refused: unknown_ticket,
  /// unknown_counter.
  Decision reprint(TicketId ticket, std::optional<CounterNumber> counter,
                   util::TimePoint now) const;
  /// A test ticket of `service`, at any hour (opening hours do not apply): a test_ticket change
  /// with no ticket and no row, so that no number is used and nothing is counted. Refused:
  /// unknown_service, stale_day.
  Decision test_ticket(char service, util::TimePoint now) const;
  /// Closes the current day's open tickets (the day goes on; e.g. the manager closes early).
  Decision close_day(util::TimePoint now) const;
  /// When the local date of `now` is after the engine's day: the change that closes the day and
  /// starts the new one. nullopt when the day is current.
  std::optional<Change> roll_over(util::TimePoint now) const;

  /// REQUIRES: `change` was decided by this engine on its current state (or replayed in order).
  void apply(const Change& change);

  const AgencyRules& rules() const { return rules_; }
  const util::LocalDate& day() const { return day_; }
  const std::map<TicketId, Ticket>& tickets() const { return tickets_; }
  const std::map<CounterNumber, Counter>& counters() const { return counters_; }
  int priority_streak() const { return priority_streak_; }
  TicketId last_ticket_id() const { return last_id_; }
  const Ticket* find_ticket(TicketId id) const;
  const Ticket* find_ticket(char prefix, int number) const;

  /// Learns visit times from previous days' tickets (wait_estimate.h).
  void learn_times(const std::vector<Ticket>& previous_days) { estimator_.learn(previous_days); }
  const WaitEstimator& estimator() const { return estimator_; }

  /// Per service, in the config's order: who waits, and the forecast for a ticket taken at `now`.
  std::vector<ServiceLoad> loads(util::TimePoint now) const;
  /// Tickets before this one in its service's line (priority first, then queued_at).
  /// REQUIRES: the ticket is waiting.
  int ahead_of(const Ticket& ticket) const;
  /// The forecast for a waiting ticket at `now`.
  WaitRange forecast(const Ticket& ticket, util::TimePoint now) const;
  /// The forecast for a ticket of `service` issued at `now` (before it is applied).
  WaitRange forecast_new(char service, bool priority, util::TimePoint now) const;
  /// The middle of forecast(), rounded to the minute; nullopt when no counter serves it.
  std::optional<std::chrono::minutes> estimated_wait(const Ticket& ticket, util::TimePoint now) const;

 private:
  util::Result<const Counter*> usable_counter(CounterNumber n, util::TimePoint now) const;
  util::Result<const Ticket*> held_ticket(const Counter& c) const;
  const Ticket* next_for(const Counter& c, bool* is_priority_call, bool* normal_waiting) const;
  Change begin(ChangeKind kind, util::TimePoint now) const;
  Decision print_outcome(ChangeKind kind, TicketId id, PrintState state, const std::string& error,
                         util::TimePoint now) const;
  Decision call(const Counter& c, const Ticket& t, bool priority_call, bool normal_waiting,
                util::TimePoint now) const;
  std::vector<Ticket> closed_open_tickets(util::TimePoint now) const;
  std::vector<Counter> freed_counters() const;

  AgencyRules rules_;
  util::LocalDate day_;
  std::map<TicketId, Ticket> tickets_;      // the current day's tickets
  std::map<CounterNumber, Counter> counters_;
  std::map<char, int> last_number_;         // per prefix, current day
  int priority_streak_ = 0;
  TicketId last_id_ = 0;
  WaitEstimator estimator_;
};

}  // namespace pcn::queue
