// What a hub ships to the centre and what the centre answers (docs/protocol.md, § 13), one JSON
// frame each way over CurveZMQ (the hub's DEALER connects out to the centre's ROUTER: the agency
// opens no port).
//
//   hub → centre  {"v": 1, "type": "ship", "agency": "bourail", "name": "OPT Bourail",
//                  "time_zone": "Pacific/Noumea", "store": "<32 hex>",
//                  "events": [{"seq": 41, "change": <Change, § 5>}, …],
//                  "profile": <AgencyProfile, protocol/profile.h> (optional),
//                  "follow_key": "<64 hex>" (optional)}
//   centre → hub  {"v": 1, "type": "ack", "store": "<32 hex>", "acknowledged": 47}
//              or {"v": 1, "type": "refused", "error": {"code": "…", "message": "…"}}
//
// A ship with no events asks for the acknowledgement (what the centre holds already): a hub
// sends it first after every (re)connection, then the events after it. Events are consecutive
// and ascending, at most kMaxShipEvents of them, the frame at most kMaxShipBytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/profile.h"
#include "queue/change.h"
#include "util/result.h"

namespace pcn::protocol {

inline constexpr std::size_t kMaxShipEvents = 500;
inline constexpr std::size_t kMaxShipBytes = 4u << 20;
inline constexpr std::size_t kMaxAgencyIdBytes = 32;  ///< as a key name: [a-z0-9-]{1,32}
inline constexpr std::size_t kMaxShipTextBytes = 64;  ///< name, time zone, store id

struct ShipBatch {
  std::string agency;     ///< the agency's id: the name of its shipping key
  std::string name;       ///< "OPT Bourail"
  std::string time_zone;  ///< "Pacific/Noumea": its business days
  std::string store;      ///< the hub database's id (store::Store::store_id)
  std::vector<queue::Event> events;
  /// The agency's services, counters, hours and pick-lists (protocol/profile.h): sent with the
  /// first ship of a connection, so that the centre's report uses the agency's definitions.
  std::optional<AgencyProfile> profile = std::nullopt;
  /// When the frame's profile could not be read: why (French). The batch is still good (its
  /// events are stored; the centre keeps the profile it had and logs this).
  std::string profile_error{};
  /// The agency's follow key (protocol/follow_token.h) as 64 lowercase hex digits, with which
  /// the centre checks the tokens of its slips' QR codes: sent with the first ship of a
  /// connection, like the profile. "" = none (not sent).
  std::string follow_key{};
  /// When the frame's follow_key is not 64 hex digits: why (French); follow_key is then "". As
  /// for the profile, the batch is still good.
  std::string follow_key_error{};
};

/// An event as the hub's database holds it: its sequence and its change's JSON text, sent on
/// without decoding it (encode_ship_raw).
struct RawEvent {
  std::int64_t seq = 0;
  std::string change;  ///< a JSON object, docs/protocol.md § 5.5
};

struct ShipAck {
  std::string store;
  std::int64_t acknowledged = 0;  ///< the highest sequence the centre holds for that store
};

/// Checks the shape of a batch: ids present and short enough, at most kMaxShipEvents events,
/// consecutive ascending sequences from 1 up. Fails with "bad_batch" (French message).
util::Status check_ship(const ShipBatch& batch);

std::string encode_ship(const ShipBatch& batch);
/// The same frame with `events` spliced in as they were stored (batch.events is ignored): what
/// the shipper sends, without decoding and encoding every change again. REQUIRES: each change is
/// the JSON text of an object (the centre refuses the batch otherwise, storing nothing).
std::string encode_ship_raw(const ShipBatch& head, const std::vector<RawEvent>& events);
/// Reads a ship frame: bad_request / too_large / bad_version as for requests, then "bad_batch"
/// when check_ship refuses it. A profile that cannot be read does not refuse the frame: it is
/// left out, and profile_error says why; so is a follow_key that is not 64 hex digits
/// (follow_key_error). A follow_key in capitals is read in lowercase.
util::Result<ShipBatch> decode_ship(std::string_view frame);

std::string encode_ack(const ShipAck& ack);
std::string encode_ship_refusal(const util::Error& error);
/// Reads the centre's answer: the ack, or its refusal as the error (code and French message).
util::Result<ShipAck> decode_ack(std::string_view frame);

}  // namespace pcn::protocol
