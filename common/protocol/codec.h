// JSON forms of the queue's domain values, as specified in docs/protocol.md ("Values").
// Used on the wire (hub ↔ clients) and for the event bodies the store keeps.
// Decoding validates: a missing or mistyped field fails with code "bad_request" naming the field.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "queue/change.h"
#include "queue/counter.h"
#include "queue/service.h"
#include "queue/ticket.h"
#include "queue/wait_estimate.h"
#include "util/result.h"

namespace pcn::protocol {

using Json = nlohmann::json;
class Fields;

Json encode(const queue::Ticket& t);
Json encode(const queue::Counter& c);
Json encode(const queue::Service& s);
Json encode(const queue::ServiceLoad& l);
/// Writes a forecast into `into` as "wait_kind", "wait_low_minutes", "wait_high_minutes",
/// "resumes_at_minute" and, for older clients, "estimated_wait_minutes" (its middle).
void encode_wait(const queue::WaitRange& w, Json& into);
/// Reads them back; a message of an older hub (only "estimated_wait_minutes") gives a range of
/// that one value, or no_counter when it is null.
/// `f` reads `j`.
void read_wait(const Json& j, Fields& f, queue::WaitRange& out);
/// The change's rows and metadata (kind, at, day, counter, ticket, tickets, counters).
Json encode(const queue::Change& c);
/// {"partner": [codes], "theme": [codes], "autonomy": code|null, …}: every list of
/// queue::kOutcomeLists by its to_string name; a single list is null when not given.
Json encode(const queue::Outcome& o);
/// {"seq", "day", "at", "theme", "participants", "minutes", "counter"}.
Json encode(const queue::Workshop& w);

util::Result<queue::Ticket> decode_ticket(const Json& j);
util::Result<queue::Counter> decode_counter(const Json& j);
util::Result<queue::Service> decode_service(const Json& j);
util::Result<queue::ServiceLoad> decode_service_load(const Json& j);
util::Result<queue::Change> decode_change(const Json& j);

// --- Test tickets (docs/protocol.md, take_ticket with "test": true) ---
/// The label of every test ticket.
inline constexpr std::string_view kTestTicketLabel = "ESSAI";
/// The Ticket-shaped object of a test ticket's reply: id 0, number 0, label "ESSAI", prefix and
/// service `service`, state "done", print "pending", issued, queued and finished at `at`. It is
/// no ticket of the queue: no row, no id, no number.
Json encode_test_ticket(char service, bool priority, const util::LocalDate& day,
                        util::TimePoint at);
/// Reads a test ticket object as encode_test_ticket writes it (every member of a Ticket, with id
/// 0, number 0 and label "ESSAI"); bad_request naming the field under `path` otherwise. The
/// returned Ticket has id 0 and number 0 (its label() is not "ESSAI": use kTestTicketLabel).
util::Result<queue::Ticket> decode_test_ticket_at(const Json& j, const std::string& path);

/// The same decoders for values nested in a message: fields are named under `path` in errors,
/// e.g. "snapshot.tickets[3].day" (the ones above use "ticket", "counter", "service", "load",
/// "change").
util::Result<queue::Ticket> decode_ticket_at(const Json& j, const std::string& path);
util::Result<queue::Counter> decode_counter_at(const Json& j, const std::string& path);
util::Result<queue::Service> decode_service_at(const Json& j, const std::string& path);
util::Result<queue::ServiceLoad> decode_service_load_at(const Json& j, const std::string& path);
util::Result<queue::Change> decode_change_at(const Json& j, const std::string& path);
/// An outcome: members absent or null are "non renseigné"; codes are checked for shape
/// ([a-z0-9_], 1–32 bytes; lists of at most OutcomeLists::kMaxChoices) — whether they are in the
/// agency's lists is the engine's check (check_outcome).
util::Result<queue::Outcome> decode_outcome_at(const Json& j, const std::string& path);
util::Result<queue::Workshop> decode_workshop_at(const Json& j, const std::string& path);
/// A pick-list code: a string of [a-z0-9_], 1–32 bytes (bad_request naming `path` otherwise).
util::Result<std::string> decode_code_at(const Json& j, const std::string& path);

}  // namespace pcn::protocol
