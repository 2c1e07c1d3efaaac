// protocol/follow_token.h: a slip's « suivre mon ticket » token is good for its ticket and its
// agency's key only; any change to it, or another key, is refused; garbage is not a token.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "protocol/follow_token.h"

using namespace pcn;

namespace {

/// A follow key derived from a shipping secret of bytes `seed`, `seed + 1`, …
protocol::FollowKey key_from(unsigned char seed) {
  std::array<unsigned char, 32> secret{};
  for (std::size_t i = 0; i < secret.size(); ++i) secret[i] = static_cast<unsigned char>(seed + i);
  return protocol::follow_key_of(secret);
}

const util::LocalDate kDay{2026, 12, 3};

}  // namespace

TEST_CASE("protocol::follow_token is accepted with its key and refused with another") {
  const protocol::FollowKey bourail = key_from(1);
  const std::string token = protocol::follow_token(bourail, "bourail", kDay, 1042);
  CHECK(token.rfind("bourail.20261203.1042.", 0) == 0);
  CHECK(token.size() == std::string("bourail.20261203.1042.").size() + 22);
  CHECK(token.size() <= protocol::kMaxFollowTokenBytes);
  CHECK(protocol::follow_token_valid(bourail, token));
  CHECK(protocol::follow_token(bourail, "bourail", kDay, 1042) == token);  // the same each time

  CHECK_FALSE(protocol::follow_token_valid(key_from(2), token));
  CHECK(key_from(1) == bourail);  // derived, not random
  CHECK(key_from(2) != bourail);

  auto named = protocol::parse_follow_token(token);
  REQUIRE(named);
  CHECK(named->agency == "bourail");
  CHECK(named->day == kDay);
  CHECK(named->ticket == 1042);
}

TEST_CASE("protocol::follow_token_valid refuses a token with any part changed") {
  const protocol::FollowKey key = key_from(9);
  const std::string token = protocol::follow_token(key, "bourail", kDay, 1042);
  const std::string mac = token.substr(token.rfind('.') + 1);
  // Another agency, day or ticket with the same mac: well-formed, but not made with the key.
  for (const std::string& changed :
       {"kone." + std::string("20261203.1042.") + mac, "bourail.20261204.1042." + mac,
        "bourail.20261203.1043." + mac, "bourail.20261203.10420." + mac}) {
    CAPTURE(changed);
    CHECK(protocol::parse_follow_token(changed));
    CHECK_FALSE(protocol::follow_token_valid(key, changed));
  }
  // Each character of the mac changed in turn.
  for (std::size_t i = token.size() - mac.size(); i < token.size(); ++i) {
    std::string spoilt = token;
    spoilt[i] = spoilt[i] == 'A' ? 'B' : 'A';
    CAPTURE(spoilt);
    CHECK_FALSE(protocol::follow_token_valid(key, spoilt));
  }
}

TEST_CASE("protocol::parse_follow_token refuses what is not a token") {
  const protocol::FollowKey key = key_from(3);
  const std::string token = protocol::follow_token(key, "bourail", kDay, 7);
  const std::string mac = token.substr(token.rfind('.') + 1);
  const std::vector<std::string> garbage{
      "",
      "bourail",
      "bourail.20261203.7",
      std::string(protocol::kMaxFollowTokenBytes + 1, 'a'),
      std::string(40, 'a') + ".20261203.7." + mac,  // an agency id too long
      "Bourail.20261203.7." + mac,                  // capitals
      "bour ail.20261203.7." + mac,
      ".20261203.7." + mac,        // no agency
      "bourail.2026123.7." + mac,  // seven-digit day
      "bourail.2026-12-3.7." + mac,
      "bourail.20261303.7." + mac,   // month 13
      "bourail.20260230.7." + mac,   // 30 February
      "bourail.20261203.7a." + mac,  // ticket not all digits
      "bourail.20261203.-7." + mac,
      "bourail.20261203.." + mac,                   // no ticket
      "bourail.20261203.0." + mac,                  // ticket 0
      "bourail.20261203.7." + mac.substr(1),        // mac one short
      "bourail.20261203.7." + mac + "A",            // one long
      "bourail.20261203.7." + mac.substr(1) + "=",  // not base64url
      "bourail.20261203.7." + mac.substr(1) + "/",
  };
  for (const std::string& g : garbage) {
    CAPTURE(g);
    CHECK_FALSE(protocol::parse_follow_token(g));
    CHECK_FALSE(protocol::follow_token_valid(key, g));
  }
  CHECK(protocol::parse_follow_token(token));
}

TEST_CASE("protocol::follow_key_hex and follow_key_from_hex: a round trip, or nothing") {
  const protocol::FollowKey key = key_from(42);
  const std::string hex = protocol::follow_key_hex(key);
  CHECK(hex.size() == 64);
  CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
  auto back = protocol::follow_key_from_hex(hex);
  REQUIRE(back);
  CHECK(*back == key);
  CHECK_FALSE(protocol::follow_key_from_hex(""));
  CHECK_FALSE(protocol::follow_key_from_hex(hex.substr(1)));
  CHECK_FALSE(protocol::follow_key_from_hex(hex + "0"));
  CHECK_FALSE(protocol::follow_key_from_hex(hex.substr(1) + "x"));
  CHECK_FALSE(protocol::follow_key_from_hex(std::string(64, ' ')));
}
