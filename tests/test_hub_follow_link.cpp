// The hub over tcp on 127.0.0.1 with CurveZMQ: take_ticket's reply carries the ticket's address
// on the centre's « suivre mon ticket » page (issue #13) when the hub has the link, for kiosks
// that have no follow key; never for a test ticket, and not without the link.
#include <doctest/doctest.h>

#include "protocol/follow_link.h"
#include "support/hub_fixture.h"

using namespace pcn;
using protocol::Json;

namespace {

const std::string kBase = "https://pcn-central.example.nc/suivre/";

protocol::FollowKey some_key() {
  std::array<unsigned char, 32> secret{};
  secret.fill(0x5a);
  return protocol::follow_key_of(secret);
}

Json take(testing::TestHub& hub, const Json& args) {
  auto r = hub.client("kiosk", false)->request("take_ticket", args);
  REQUIRE_MESSAGE(r.ok(), r.error().to_string());
  return *r;
}

}  // namespace

TEST_CASE("hub::Hub take_ticket replies the ticket's follow address when the hub has the link") {
  testing::TestHub hub;
  const protocol::FollowKey key = some_key();
  hub.set_follow({kBase, key});
  hub.start();
  const Json reply = take(hub, {{"service", "C"}});
  REQUIRE(reply.contains("suivi"));
  const std::string url = reply.at("suivi").get<std::string>();
  REQUIRE(url.rfind(kBase, 0) == 0);
  const std::string token = url.substr(kBase.size());
  CHECK(protocol::follow_token_valid(key, token));
  auto named = protocol::parse_follow_token(token);
  REQUIRE(named);
  CHECK(named->agency == "test");  // the hub's agency id
  CHECK(named->day == util::LocalDate{2026, 11, 23});
  CHECK(named->ticket == reply.at("ticket").at("id").get<std::int64_t>());
  // Each ticket its own address.
  const Json second = take(hub, {{"service", "C"}});
  CHECK(second.at("suivi") != reply.at("suivi"));
  CHECK(protocol::follow_token_valid(key,
                                     second.at("suivi").get<std::string>().substr(kBase.size())));
  // A test ticket is not a ticket: nothing to follow.
  CHECK_FALSE(take(hub, {{"test", true}}).contains("suivi"));
}

TEST_CASE("hub::Hub take_ticket's reply has no follow address without the link") {
  testing::TestHub hub;
  hub.start();
  CHECK_FALSE(take(hub, {{"service", "C"}}).contains("suivi"));
}
