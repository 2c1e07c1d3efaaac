// A Change is one state transition of an agency's queue, decided by the Engine. It is the unit
// that the store commits in one transaction, that the engine applies, and that the hub publishes
// as an event (with a sequence number). It carries the full rows it touches, so applying it is an
// upsert and needs no other state.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "queue/counter.h"
#include "queue/outcome.h"
#include "queue/ticket.h"
#include "util/time_zone.h"

namespace pcn::queue {

enum class ChangeKind {
  ticket_issued,
  ticket_called,      ///< by call-next or by number; a ticket the counter held is finished with it
  ticket_recalled,
  ticket_no_show,     ///< requeued or closed as absent, see the ticket's state
  ticket_finished,
  ticket_transferred,
  ticket_printed,     ///< the slip's print outcome (printed or failed)
  counter_paused,
  counter_resumed,
  counter_updated,    ///< services or agent changed
  day_closed,         ///< open tickets closed (waiting → unserved, called → done)
  day_rolled,         ///< day_closed for the old day, and a new business day begins
  reprint_requested,  ///< an agent asks the kiosk to print a ticket's slip again (row unchanged)
  ticket_reprinted,   ///< a duplicate slip's print outcome (printed or failed)
  test_ticket,        ///< a test slip was issued: no ticket row, no number, no figure
  outcome_recorded,   ///< a served ticket's outcome was corrected (the row carries the new one)
  workshop_recorded,  ///< a collective workshop was recorded (no ticket row; see `workshop`)
};

std::string_view to_string(ChangeKind k);
std::optional<ChangeKind> change_kind_from(std::string_view s);

struct Change {
  ChangeKind kind = ChangeKind::ticket_issued;
  util::TimePoint at{};
  util::LocalDate day;                   ///< the business day after the change
  std::vector<Ticket> tickets;           ///< rows after the change
  std::vector<Counter> counters;         ///< rows after the change
  std::optional<CounterNumber> counter;  ///< the counter that acted, if any
  std::optional<TicketId> ticket;        ///< the ticket it is about, if any
  int priority_streak = 0;               ///< engine scalar after the change
  std::optional<Workshop> workshop;      ///< workshop_recorded only (its seq is the event's)
};

/// A committed Change with its place in the agency's history. Sequence numbers start at 1,
/// increase by one per committed change, and are never reused, across restarts too.
struct Event {
  std::int64_t seq = 0;
  Change change;
};

}  // namespace pcn::queue
