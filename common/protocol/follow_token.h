// "Suivre mon ticket": the token a slip's QR code carries, with which the centre's public page
// shows that one ticket (issue #13). It names the ticket in clear and proves it with a keyed
// hash, so that the centre needs no table of tokens and nobody can make one for another ticket:
//
//   <agency>.<YYYYMMDD>.<ticket id>.<mac>     e.g. "bourail.20261203.1042.q3X…" (22-char mac)
//
// mac = the first 16 bytes of BLAKE2b (libsodium's crypto_generichash) keyed with the agency's
// follow key, over "<agency>.<YYYYMMDD>.<ticket id>", in URL-safe base64 without padding.
// The follow key (32 bytes) is derived from the agency's shipping secret key (follow_key_of), so
// it needs no file of its own; the hub sends it to the centre with its hello, encrypted by
// CurveZMQ (protocol/ship.h: ShipBatch::follow_key). A token is good for one ticket of one day:
// the centre refuses it on another day. Nothing in it is about a person.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/time_zone.h"

namespace pcn::protocol {

using FollowKey = std::array<unsigned char, 32>;

inline constexpr std::size_t kMaxFollowTokenBytes = 96;

/// The follow key of the agency whose shipping secret key (32 bytes, raw) is `secret`.
FollowKey follow_key_of(const std::array<unsigned char, 32>& secret);

/// The follow key as 64 lowercase hex digits, and back (nullopt when it is not that).
std::string follow_key_hex(const FollowKey& key);
std::optional<FollowKey> follow_key_from_hex(std::string_view hex);

/// The token of ticket `ticket` of `agency` on `day`.
std::string follow_token(const FollowKey& key, const std::string& agency, util::LocalDate day,
                         std::int64_t ticket);

/// What a token names, before its mac is checked.
struct FollowTicket {
  std::string agency;
  util::LocalDate day;
  std::int64_t ticket = 0;
};

/// Reads a token's shape (agency id, date, ticket id, a 22-character mac); nullopt when it is
/// not one, or longer than kMaxFollowTokenBytes. Does not check the mac.
std::optional<FollowTicket> parse_follow_token(std::string_view token);

/// Whether `token` is the token follow_token(key, …) makes for the ticket it names (compared in
/// constant time).
bool follow_token_valid(const FollowKey& key, std::string_view token);

}  // namespace pcn::protocol
