// The pcn-queue wire protocol, version 1. This header implements docs/protocol.md: the message
// envelopes (requests, replies, events, heartbeats), the request types and who may send them,
// the error codes, and the protocol's constants. The JSON forms of the domain values are in
// protocol/codec.h.
//
// Every function here is pure (no sockets): the hub and the clients move the frames.
// Parsers never throw; whatever the bytes, they return a value or an Error whose code is one of
// error_code below and whose message (French) names the faulty field.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "queue/change.h"
#include "queue/wait_estimate.h"
#include "util/clock.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::protocol {

using Json = nlohmann::json;

// --- Constants (docs/protocol.md, "Sockets" and "Keeping in step") ---
inline constexpr int kProtocolVersion = 1;
/// Larger request frames are refused: the hub sets ZMQ_MAXMSGSIZE to this on its ROUTER.
inline constexpr std::size_t kMaxRequestBytes = 65536;
/// What CURVE adds to a message on the wire (its MESSAGE command name, flags, nonce and MAC: 33
/// bytes), rounded up: ZMQ_MAXMSGSIZE counts the encrypted frame, so the sockets allow
/// kMaxRequestBytes + kCurveOverheadBytes for a body of kMaxRequestBytes to get through.
inline constexpr std::size_t kCurveOverheadBytes = 64;
inline constexpr int kDefaultRequestPort = 5555;  ///< hub's ROUTER
inline constexpr int kDefaultEventPort = 5556;    ///< hub's PUB
inline constexpr std::string_view kZapDomain = "pcn";
inline constexpr std::string_view kEventTopic = "event";
inline constexpr std::string_view kHeartbeatTopic = "heartbeat";
/// The subscriptions the hub applies: "" (everything), "event", "heartbeat" (docs/protocol.md
/// § 2.2); any other is ignored.
inline bool is_subscription(std::string_view topic) {
  return topic.empty() || topic == kEventTopic || topic == kHeartbeatTopic;
}
inline constexpr std::chrono::milliseconds kHeartbeatInterval{1000};
/// A client that hears nothing on the event socket for this long takes a new snapshot.
inline constexpr std::chrono::milliseconds kResyncSilence{3000};
/// A client resends a request that got no reply after this long, kMaxRetries times at most.
inline constexpr std::chrono::milliseconds kRetryAfter{1500};
inline constexpr int kMaxRetries = 3;
/// How long the hub keeps the reply of a state-changing request for retries.
inline constexpr std::chrono::hours kReplyKeptFor{48};
inline constexpr std::size_t kMaxClientIdBytes = 64;
/// Deeper nesting of lists and objects in a message is refused (bad_request).
inline constexpr int kMaxNesting = 32;

/// A frame as a JSON object: bad_request when it is not JSON, nests deeper than kMaxNesting or
/// is not an object. (Requests and replies go through parse_request and check_reply.)
util::Result<nlohmann::json> parse_frame_object(std::string_view frame);

// --- Request types ---
namespace request_type {
inline constexpr std::string_view hello = "hello";
inline constexpr std::string_view snapshot = "snapshot";
inline constexpr std::string_view take_ticket = "take_ticket";
inline constexpr std::string_view call_next = "call_next";
inline constexpr std::string_view call_ticket = "call_ticket";
inline constexpr std::string_view recall = "recall";
inline constexpr std::string_view no_show = "no_show";
inline constexpr std::string_view finish = "finish";
inline constexpr std::string_view pause = "pause";
inline constexpr std::string_view resume = "resume";
inline constexpr std::string_view transfer = "transfer";
inline constexpr std::string_view update_counter = "update_counter";
inline constexpr std::string_view report_print = "report_print";
inline constexpr std::string_view close_day = "close_day";
inline constexpr std::string_view tickets = "tickets";
inline constexpr std::string_view reprint = "reprint";
inline constexpr std::string_view record_outcome = "record_outcome";
inline constexpr std::string_view record_workshop = "record_workshop";
}  // namespace request_type

/// Every request type of version 1, in the order of docs/protocol.md.
std::vector<std::string_view> request_types();
bool is_request_type(std::string_view type);
/// Whether a request of this type changes the queue; its reply is then stored with the change,
/// and a retry with the same (client, req) gets that reply instead of running twice.
bool changes_state(std::string_view type);

// --- Error codes (Error::code of replies) ---
namespace error_code {
inline constexpr std::string_view bad_request = "bad_request";
inline constexpr std::string_view bad_version = "bad_version";
inline constexpr std::string_view unknown_type = "unknown_type";
inline constexpr std::string_view too_large = "too_large";
inline constexpr std::string_view forbidden = "forbidden";
inline constexpr std::string_view storage_error = "storage_error";
inline constexpr std::string_view internal = "internal";
// The queue's refusals, decided by queue::Engine.
inline constexpr std::string_view unknown_counter = "unknown_counter";
inline constexpr std::string_view unknown_service = "unknown_service";
inline constexpr std::string_view unknown_ticket = "unknown_ticket";
inline constexpr std::string_view counter_paused = "counter_paused";
inline constexpr std::string_view counter_not_paused = "counter_not_paused";
inline constexpr std::string_view counter_busy = "counter_busy";
inline constexpr std::string_view no_ticket_at_counter = "no_ticket_at_counter";
inline constexpr std::string_view ticket_not_at_counter = "ticket_not_at_counter";
inline constexpr std::string_view queue_empty = "queue_empty";
inline constexpr std::string_view ticket_not_callable = "ticket_not_callable";
inline constexpr std::string_view same_service = "same_service";
inline constexpr std::string_view agency_closed = "agency_closed";
inline constexpr std::string_view stale_day = "stale_day";
inline constexpr std::string_view unknown_code = "unknown_code";
inline constexpr std::string_view ticket_not_served = "ticket_not_served";
}  // namespace error_code

// --- Roles ---
/// What a client's key allows, from the hub's allow-list. In plaintext mode every client is
/// a supervisor.
enum class Role { kiosk, agent, display, supervisor };

std::string_view to_string(Role r);
std::optional<Role> role_from_string(std::string_view s);
/// Whether `role` may send a request of `type`: hello and snapshot are open to all; kiosks take
/// tickets (test tickets too) and report prints; agents run counters and ask for reprints (they
/// may NOT take tickets); displays only read; supervisors may do everything. False for unknown
/// types.
bool role_may(Role role, std::string_view request_type);
/// The "forbidden" error for a refused request.
util::Error forbidden(Role role, std::string_view request_type);

// --- Requests ---
struct Request {
  std::string type;     ///< one of request_types()
  std::string client;   ///< 1–64 bytes, unique per client process
  std::int64_t req = 0;  ///< ≥ 1, increases per new request of the client
  Json args = Json::object();  ///< always an object ({} when the request had none)
};

/// What parse_request made of a frame. When the frame is refused, `req` still holds the
/// request's number if the frame was read far enough to find a valid one, so that the error
/// reply can be addressed: reply_error(parsed.req, parsed.request.error()).
struct ParsedRequest {
  util::Result<Request> request;
  std::optional<std::int64_t> req;

  bool ok() const { return request.ok(); }
};

/// Validates one request frame (the JSON body, delimiter already removed). Errors:
/// too_large (over kMaxRequestBytes), bad_request (not JSON, not an object, a missing or
/// mistyped field: v, req, type, client, args), bad_version (v is an integer other than 1),
/// unknown_type. Role checks are the caller's (role_may).
ParsedRequest parse_request(std::string_view frame);

/// The request frame a client sends; `args` must be an object.
std::string request_message(std::string_view type, const std::string& client, std::int64_t req,
                            const Json& args = Json::object());

// --- Replies ---
/// A success reply; `result` must be an object. Taken by value and moved into the envelope, so a
/// temporary is never copied (a snapshot of a busy day holds 20,000 tickets).
std::string reply_ok(std::int64_t req, Json result);
/// An error reply; req is null when the request's number is unknown.
std::string reply_error(std::optional<std::int64_t> req, const util::Error& error);

struct Reply {
  std::optional<std::int64_t> req;  ///< nullopt: the hub could not read the request's number
  bool ok = false;
  Json result = Json::object();  ///< when ok
  util::Error error;             ///< when !ok
};

/// Validates a reply frame: bad_request when it is not a well-formed reply, bad_version.
util::Result<Reply> parse_reply(std::string_view frame);

// --- Published messages (PUB socket: frame 1 is the topic, frame 2 the body) ---
/// Body of an "event" message.
std::string event_message(const std::string& epoch, std::int64_t seq, const queue::Change& change,
                          const std::vector<queue::ServiceLoad>& loads);
/// The link to the centre, as the hub's shipper last saw it (a heartbeat's "central" member when
/// the agency ships its log: docs/protocol.md § 9). Times are the hub's clock.
struct CentralLink {
  bool connected = false;                       ///< the last exchange with the centre succeeded
  std::int64_t acknowledged = 0;                ///< the centre holds every event up to this one
  std::int64_t last_seq = 0;                    ///< the hub's newest event
  std::optional<util::TimePoint> last_ack{};    ///< when the centre last answered; never: none
  std::string error{};                          ///< why the last try failed (French); "" if none
  friend bool operator==(const CentralLink&, const CentralLink&) = default;
};

/// The link as the heartbeat's and the snapshot's "central" member; read back by
/// decode_central_link_at (bad_request naming the member when malformed).
Json encode(const CentralLink& link);
util::Result<CentralLink> decode_central_link_at(const Json& j, const std::string& path);

/// Body of a "heartbeat" message; with `central`, its "central" member.
std::string heartbeat_message(const std::string& epoch, std::int64_t seq, util::TimePoint at,
                              const std::optional<CentralLink>& central = std::nullopt);

struct Published {
  std::string type;   ///< "event" or "heartbeat"
  std::string epoch;  ///< the hub's boot id
  std::int64_t seq = 0;  ///< event: its sequence number; heartbeat: the last one published
  std::optional<util::TimePoint> at;         ///< heartbeat only: when it was sent
  std::optional<queue::Change> change;       ///< event only
  std::vector<queue::ServiceLoad> loads;     ///< event only: loads after the change
  std::optional<CentralLink> central;        ///< heartbeat only, when the hub ships its log
};

/// Validates a published message: the topic must match the body's type (bad_request), the type
/// be event or heartbeat (unknown_type), v be 1 (bad_version), every field well formed.
util::Result<Published> parse_published(std::string_view topic, std::string_view body);

/// Whether `epoch` is a hub boot id: 16 lower-case hexadecimal digits.
bool is_epoch(std::string_view epoch);

// --- Arguments of requests (named "args.<name>" in errors; missing/mistyped → bad_request) ---
/// An integer ≥ min (counter numbers: ≥ 1).
util::Result<int> arg_int(const Json& args, const char* name, int min = 1);
/// A ticket id (integer ≥ 1).
util::Result<std::int64_t> arg_id(const Json& args, const char* name);
util::Result<std::string> arg_string(const Json& args, const char* name);
util::Result<std::string> arg_string_or(const Json& args, const char* name, std::string fallback);
/// A text of at most `max_bytes` bytes ("" when absent); longer is bad_request naming the field:
/// a string a client sends is copied into later events and stored replies, so none is unbounded.
util::Result<std::string> arg_text_or(const Json& args, const char* name, std::size_t max_bytes);
/// Longest texts in requests (docs/protocol.md § 5): an agent's name, a print error, a label.
inline constexpr std::size_t kMaxAgentBytes = 64;
inline constexpr std::size_t kMaxPrintErrorBytes = 300;
inline constexpr std::size_t kMaxLabelBytes = 16;
util::Result<bool> arg_bool(const Json& args, const char* name);
util::Result<bool> arg_bool_or(const Json& args, const char* name, bool fallback);
/// A service prefix: one upper-case letter, as "C".
util::Result<char> arg_service(const Json& args, const char* name);
/// Service prefixes: upper-case letters, as "CFN".
util::Result<std::string> arg_services(const Json& args, const char* name);
/// A day "YYYY-MM-DD".
util::Result<util::LocalDate> arg_date(const Json& args, const char* name);

/// The compact text form of a message: UTF-8 kept as is (not \u-escaped); invalid UTF-8 in a
/// string is replaced by U+FFFD instead of failing.
std::string to_wire(const Json& message);

}  // namespace pcn::protocol
