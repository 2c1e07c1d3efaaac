// A ticket is one visitor's place in the agency's queue for one business day.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "queue/outcome.h"
#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::queue {

using TicketId = std::int64_t;  ///< unique in an agency's database, never reused
using CounterNumber = int;

/// waiting → called → done; called → waiting (no-show requeued, transfer) or absent;
/// waiting → unserved at close of day.
enum class TicketState { waiting, called, done, absent, unserved };

std::string_view to_string(TicketState s);
std::optional<TicketState> ticket_state_from(std::string_view s);

/// What happened when the kiosk printed the slip. Recorded on the ticket so that no number is a
/// ghost: every issued ticket is either printed or flagged as not printed.
enum class PrintState { pending, printed, failed };

std::string_view to_string(PrintState s);
std::optional<PrintState> print_state_from(std::string_view s);

struct Ticket {
  TicketId id = 0;
  util::LocalDate day;          ///< business day (agency time zone) it was issued on
  char prefix = 'A';            ///< prefix it was numbered under; kept across transfers
  int number = 0;               ///< per prefix per day, from 1
  char service = 'A';           ///< the service it now waits for (changes on transfer)
  bool priority = false;        ///< seniors, disabled, pregnant
  TicketState state = TicketState::waiting;
  util::TimePoint issued_at{};
  util::TimePoint queued_at{};  ///< orders the waiting line; moved by no-show and transfer
  std::optional<util::TimePoint> called_at;    ///< latest call
  std::optional<util::TimePoint> finished_at;  ///< when it left the queue for good
  std::optional<CounterNumber> counter;        ///< counter that called it last
  int calls = 0;       ///< number of calls and recalls
  int no_shows = 0;
  int transfers = 0;
  PrintState print = PrintState::pending;
  std::string print_error;  ///< why the slip was not printed, when print == failed
  /// What the visit achieved, recorded at the counter when it was finished (or corrected later
  /// the same day); nullopt: "non renseigné" (skipped, or finished by calling the next visitor).
  std::optional<Outcome> outcome;

  /// "C-042": the prefix and the number, zero-padded to three digits.
  std::string label() const;
  bool is_open() const { return state == TicketState::waiting || state == TicketState::called; }
};

/// Whether `a` stands before `b` in a waiting line: the earlier queued_at, then the lower id.
bool before_in_line(const Ticket& a, const Ticket& b);

/// How many waiting tickets of `ticket`'s service will be called before it: with `use_priority`
/// (the policy gives priority turns) every waiting priority ticket is before a normal one and no
/// normal one before a priority one; otherwise, and within each kind, the line's order.
int tickets_ahead(const std::map<TicketId, Ticket>& tickets, const Ticket& ticket,
                  bool use_priority);

/// "C-042" for ('C', 42).
std::string ticket_label(char prefix, int number);

/// Parses "C-042", "c42" or "C 42" into (prefix, number); nullopt when it is not a ticket label.
struct TicketLabel {
  char prefix;
  int number;
};
std::optional<TicketLabel> parse_ticket_label(std::string_view text);

}  // namespace pcn::queue
