#include "protocol/follow_token.h"

#include <sodium.h>

#include <cctype>
#include <charconv>
#include <cstdio>

namespace pcn::protocol {

namespace {

constexpr std::size_t kMacBytes = 16;
constexpr std::size_t kMacChars = 22;  // 16 bytes in base64 without padding
constexpr std::string_view kFollowContext = "pcn-queue suivi v1";

std::string compact_day(util::LocalDate day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d%02u%02u", day.year % 10000, day.month % 100, day.day % 100);
  return text;
}

// libsodium asks for sodium_init() before any other call (idempotent, thread-safe).
void ensure_sodium() {
  static const int ready = sodium_init();
  (void)ready;
}

std::string mac_of(const FollowKey& key, const std::string& named) {
  ensure_sodium();
  std::array<unsigned char, kMacBytes> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(named.data()),
                     named.size(), key.data(), key.size());
  char text[kMacChars + 8];
  sodium_bin2base64(text, sizeof text, mac.data(), mac.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

std::string named_of(const std::string& agency, util::LocalDate day, std::int64_t ticket) {
  return agency + "." + compact_day(day) + "." + std::to_string(ticket);
}

bool is_agency_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

FollowKey follow_key_of(const std::array<unsigned char, 32>& secret) {
  ensure_sodium();
  FollowKey key{};
  crypto_generichash(key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>(kFollowContext.data()),
                     kFollowContext.size(), secret.data(), secret.size());
  return key;
}

std::string follow_key_hex(const FollowKey& key) {
  char hex[2 * 32 + 1];
  sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
  return hex;
}

std::optional<FollowKey> follow_key_from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  FollowKey key{};
  std::size_t length = 0;
  if (sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
      length != key.size()) {
    return std::nullopt;
  }
  return key;
}

std::string follow_token(const FollowKey& key, const std::string& agency, util::LocalDate day,
                         std::int64_t ticket) {
  const std::string named = named_of(agency, day, ticket);
  return named + "." + mac_of(key, named);
}

std::optional<FollowTicket> parse_follow_token(std::string_view token) {
  if (token.empty() || token.size() > kMaxFollowTokenBytes) return std::nullopt;
  const std::size_t a = token.find('.');
  if (a == std::string_view::npos || a == 0 || a > 32) return std::nullopt;
  const std::size_t d = token.find('.', a + 1);
  if (d != a + 9) return std::nullopt;
  const std::size_t t = token.find('.', d + 1);
  if (t == std::string_view::npos || t == d + 1 || t - d - 1 > 18) return std::nullopt;
  const std::string_view agency = token.substr(0, a), day = token.substr(a + 1, 8),
                         ticket = token.substr(d + 1, t - d - 1), mac = token.substr(t + 1);
  for (char c : agency) if (!is_agency_char(c)) return std::nullopt;
  for (char c : day) if (c < '0' || c > '9') return std::nullopt;
  for (char c : ticket) if (c < '0' || c > '9') return std::nullopt;
  if (mac.size() != kMacChars) return std::nullopt;
  for (char c : mac) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return std::nullopt;
  }
  FollowTicket named;
  named.agency = std::string(agency);
  auto parsed = util::LocalDate::parse(std::string(day.substr(0, 4)) + "-" +
                                       std::string(day.substr(4, 2)) + "-" +
                                       std::string(day.substr(6, 2)));
  if (!parsed.ok()) return std::nullopt;
  named.day = *parsed;
  if (std::from_chars(ticket.data(), ticket.data() + ticket.size(), named.ticket).ec != std::errc{} ||
      named.ticket <= 0) {
    return std::nullopt;
  }
  return named;
}

bool follow_token_valid(const FollowKey& key, std::string_view token) {
  auto named = parse_follow_token(token);
  if (!named) return false;
  const std::string expected = follow_token(key, named->agency, named->day, named->ticket);
  return expected.size() == token.size() &&
         sodium_memcmp(expected.data(), token.data(), token.size()) == 0;
}

}  // namespace pcn::protocol
