// JSON forms of the queue's domain values, as specified in docs/protocol.md ("Values").
// Used on the wire (hub ↔ clients) and for the event bodies the store keeps.
// Decoding validates: a missing or mistyped field fails with code "bad_request" naming the field.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "queue/change.h"
#include "queue/counter.h"
#include "queue/service.h"
#include "queue/ticket.h"
#include "queue/wait_estimate.h"
#include "util/result.h"

namespace pcn::protocol {

using Json = nlohmann::json;

Json encode(const queue::Ticket& t);
Json encode(const queue::Counter& c);
Json encode(const queue::Service& s);
Json encode(const queue::ServiceLoad& l);
/// The change's rows and metadata (kind, at, day, counter, ticket, tickets, counters).
Json encode(const queue::Change& c);

util::Result<queue::Ticket> decode_ticket(const Json& j);
util::Result<queue::Counter> decode_counter(const Json& j);
util::Result<queue::Service> decode_service(const Json& j);
util::Result<queue::ServiceLoad> decode_service_load(const Json& j);
util::Result<queue::Change> decode_change(const Json& j);

/// The same decoders for values nested in a message: fields are named under `path` in errors,
/// e.g. "snapshot.tickets[3].day" (the ones above use "ticket", "counter", "service", "load",
/// "change").
util::Result<queue::Ticket> decode_ticket_at(const Json& j, const std::string& path);
util::Result<queue::Counter> decode_counter_at(const Json& j, const std::string& path);
util::Result<queue::Service> decode_service_at(const Json& j, const std::string& path);
util::Result<queue::ServiceLoad> decode_service_load_at(const Json& j, const std::string& path);
util::Result<queue::Change> decode_change_at(const Json& j, const std::string& path);

}  // namespace pcn::protocol
