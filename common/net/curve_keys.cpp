#include "net/curve_keys.h"

#include <zmq.h>

#include <algorithm>
#include <cerrno>

#include "net/os_error.h"
#include "net/roles.h"
#include "text/catalog.h"

namespace pcn::net {

namespace {

constexpr std::size_t kZ85KeyLength = 40;

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

bool is_valid_name(std::string_view name) {
  return !name.empty() && name.size() <= 32 && std::all_of(name.begin(), name.end(), is_name_char);
}

std::optional<RawKey> decode_z85_key(std::string_view z85) {
  if (z85.size() != kZ85KeyLength) return std::nullopt;
  const std::string text(z85);  // zmq_z85_decode needs a terminated string
  RawKey raw{};
  if (zmq_z85_decode(raw.data(), text.c_str()) == nullptr) return std::nullopt;
  if (encode_z85_key(raw) != text) return std::nullopt;  // reject non-canonical spellings
  return raw;
}

std::string encode_z85_key(const RawKey& raw) {
  std::array<char, kZ85KeyLength + 1> text{};
  zmq_z85_encode(text.data(), raw.data(), raw.size());
  return std::string(text.data(), kZ85KeyLength);
}

std::optional<std::string> public_key_of(std::string_view secret_z85) {
  if (!decode_z85_key(secret_z85)) return std::nullopt;
  const std::string secret(secret_z85);
  std::array<char, kZ85KeyLength + 1> pub{};
  if (zmq_curve_public(pub.data(), secret.c_str()) != 0) return std::nullopt;
  return std::string(pub.data(), kZ85KeyLength);
}

util::Result<KeyPair> generate_key_pair(const std::string& name, const std::string& role) {
  if (!is_valid_name(name)) return util::make_error("invalid_name", text::invalid_key_name(name));
  if (!is_key_role(role)) return util::make_error("unknown_role", text::invalid_key_role(role));
  std::array<char, kZ85KeyLength + 1> pub{};
  std::array<char, kZ85KeyLength + 1> secret{};
  if (zmq_curve_keypair(pub.data(), secret.data()) != 0) {
    return util::make_error("key_generation_failed",
                            text::key_generation_failed(os_error_text(errno)));
  }
  return KeyPair{name, role, std::string(pub.data(), kZ85KeyLength),
                 std::string(secret.data(), kZ85KeyLength)};
}

}  // namespace pcn::net
