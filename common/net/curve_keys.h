// CurveZMQ key pairs: what a key is, how to check one, how to make one.
// Keys travel as Z85 text (40 characters encoding 32 bytes), as zmq_curve_keypair produces them.
// Reading and writing key files is key_files.h.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace pcn::net {

/// A named, role-carrying CurveZMQ key pair.
struct KeyPair {
  std::string name;        ///< [a-z0-9-]{1,32}; also the stem of its files (NAME.key, NAME.pub)
  std::string role;        ///< a client role or "hub" (see roles.h)
  std::string public_key;  ///< Z85, 40 characters
  std::string secret_key;  ///< Z85, 40 characters; empty when read from a .pub file

  bool has_secret() const { return !secret_key.empty(); }
};

/// A key as the 32 bytes CurveZMQ uses on the wire (e.g. in ZAP credentials).
using RawKey = std::array<std::uint8_t, 32>;

/// True when `name` matches [a-z0-9-]{1,32}.
bool is_valid_name(std::string_view name);

/// The 32 bytes of a Z85 key; nullopt unless `z85` is exactly 40 Z85 characters in canonical form.
std::optional<RawKey> decode_z85_key(std::string_view z85);

/// The 40-character Z85 text of a raw key.
std::string encode_z85_key(const RawKey& raw);

/// The Z85 public key that belongs to a Z85 secret key; nullopt when `secret_z85` is not a key.
std::optional<std::string> public_key_of(std::string_view secret_z85);

/// A fresh key pair (zmq_curve_keypair).
/// Fails with "invalid_name" or "unknown_role" when the name or role is not acceptable, and with
/// "key_generation_failed" when libzmq cannot make keys (built without CURVE).
util::Result<KeyPair> generate_key_pair(const std::string& name, const std::string& role);

}  // namespace pcn::net
