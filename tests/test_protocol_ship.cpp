// protocol/ship.h: what a hub ships to the centre and what the centre answers, read back; every
// malformed frame refused with its French reason before anything is decoded further.
#include <doctest/doctest.h>

#include <cctype>
#include <functional>
#include <string>

#include "protocol/codec.h"
#include "protocol/follow_token.h"
#include "protocol/ship.h"
#include "queue/engine.h"
#include "support/engine_fixture.h"
#include "support/fake_clock.h"
#include "text/catalog.h"

using namespace pcn;
using protocol::Json;

namespace {

protocol::ShipBatch two_events() {
  testing::FakeClock clock{testing::noumea_time(2026, 11, 23, 8, 0)};
  queue::Engine engine{testing::test_rules(), {2026, 11, 23}};
  protocol::ShipBatch b{"bourail", "OPT Bourail", "Pacific/Noumea",
                        "0123456789abcdef0123456789abcdef", {}};
  b.events.push_back({41, testing::accept(engine, engine.issue('C', false, clock.now()))});
  b.events.push_back({42, testing::accept(engine, engine.call_next(1, clock.now()))});
  return b;
}

}  // namespace

TEST_CASE("protocol::encode_ship and decode_ship: a batch read back as it was sent") {
  const protocol::ShipBatch sent = two_events();
  const std::string frame = protocol::encode_ship(sent);
  auto read = protocol::decode_ship(frame);
  REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
  CHECK(read->agency == "bourail");
  CHECK(read->name == "OPT Bourail");
  CHECK(read->time_zone == "Pacific/Noumea");
  CHECK(read->store == sent.store);
  REQUIRE(read->events.size() == 2);
  CHECK(read->events[1].seq == 42);
  CHECK(protocol::encode(read->events[1].change) == protocol::encode(sent.events[1].change));
  // An empty ship asks for the acknowledgement.
  protocol::ShipBatch hello = sent;
  hello.events.clear();
  REQUIRE(protocol::decode_ship(protocol::encode_ship(hello)).ok());
}

TEST_CASE("protocol::decode_ship refuses what is not a well-formed batch") {
  const Json good = Json::parse(protocol::encode_ship(two_events()));
  auto refused = [](const Json& j) { return protocol::decode_ship(j.dump()).error(); };
  CHECK(protocol::decode_ship("garbage").error().code == "bad_request");
  CHECK(protocol::decode_ship(std::string(protocol::kMaxShipBytes + 1, ' ')).error().code ==
        "too_large");
  Json v2 = good;
  v2["v"] = 2;
  CHECK(refused(v2).code == "bad_version");
  Json other = good;
  other["type"] = "hello";
  CHECK(refused(other).code == "bad_request");
  Json gap = good;
  gap["events"][1]["seq"] = 44;
  CHECK(refused(gap).code == "bad_batch");
  CHECK(refused(gap).message == text::central_bad_batch_order(44));
  Json nameless = good;
  nameless["agency"] = "";
  CHECK(refused(nameless).message == text::central_bad_batch_field("agency"));
  Json long_id = good;
  long_id["agency"] = std::string(40, 'a');
  CHECK(refused(long_id).code == "bad_batch");
  Json many = good;
  many["events"] = Json::array();
  for (std::size_t i = 0; i <= protocol::kMaxShipEvents; ++i) many["events"].push_back(1);
  CHECK(refused(many).message ==
        text::central_bad_batch_too_many(protocol::kMaxShipEvents + 1, protocol::kMaxShipEvents));
  Json broken = good;
  broken["events"][0]["change"]["kind"] = "ticket_eaten";
  CHECK(refused(broken).code == "bad_request");
  CHECK(refused(broken).message.find("events[0].change") != std::string::npos);
}

TEST_CASE("protocol::encode_ack and decode_ack: the acknowledgement, or the centre's refusal") {
  auto ack = protocol::decode_ack(protocol::encode_ack({"abc", 47}));
  REQUIRE(ack.ok());
  CHECK(ack->store == "abc");
  CHECK(ack->acknowledged == 47);
  auto refusal = protocol::decode_ack(
      protocol::encode_ship_refusal(util::make_error("forbidden", "Clé d’une autre agence.")));
  REQUIRE_FALSE(refusal.ok());
  CHECK(refusal.error().code == "forbidden");
  CHECK(refusal.error().message == "Clé d’une autre agence.");
  CHECK(protocol::decode_ack("{\"v\":1,\"type\":\"ack\",\"store\":\"abc\"}").error().code ==
        "bad_request");
}

TEST_CASE("protocol::AgencyProfile travels with a ship and is read back, or left out by name") {
  queue::AgencyRules rules = testing::test_rules();
  rules.hours.set_day(6, {});  // closed on Sunday
  rules.outcomes.choices(queue::OutcomeList::theme).push_back({"pirogue", "Pirogue", "Numérique"});
  protocol::ShipBatch sent = two_events();
  sent.events.clear();
  sent.profile = protocol::AgencyProfile{rules.services, rules.counters, rules.hours, rules.outcomes};
  auto read = protocol::decode_ship(protocol::encode_ship(sent));
  REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
  REQUIRE(read->profile);
  const protocol::AgencyProfile& p = *read->profile;
  REQUIRE(p.services.size() == 3);
  CHECK(p.services[2].label == "Identité numérique");
  CHECK(p.services[0].typical_duration == std::chrono::minutes(15));
  REQUIRE(p.counters.size() == 3);
  CHECK(p.counters[1].label == "Guichet 2");
  CHECK(p.counters[1].services == "CN");
  CHECK(p.hours.day(0).size() == 1);
  CHECK(p.hours.day(0)[0].open == 7 * 60 + 30);
  CHECK(p.hours.day(6).empty());
  CHECK(p.outcomes.label(queue::OutcomeList::theme, "pirogue") == "Pirogue");
  CHECK(p.outcomes.codes_text(queue::OutcomeList::partner) ==
        rules.outcomes.codes_text(queue::OutcomeList::partner));
  // Without a profile (a batch of events), none is read.
  CHECK_FALSE(protocol::decode_ship(protocol::encode_ship(two_events()))->profile);

  // A profile the centre cannot read is left out, saying why; the batch itself is good (its
  // events must not wait on a description).
  Json frame = Json::parse(protocol::encode_ship(sent));
  auto refused = [&](const std::function<void(Json&)>& spoil) {
    Json bad = frame;
    spoil(bad);
    auto r = protocol::decode_ship(bad.dump());
    REQUIRE(r.ok());
    CHECK_FALSE(r->profile);
    return r->profile_error;
  };
  CHECK(refused([](Json& j) { j["profile"]["hours"].erase(6); }) ==
        text::field_invalid("profile.hours", text::expect_seven_days()));
  CHECK(refused([](Json& j) { j["profile"]["hours"][1][0]["close"] = 2000; }) ==
        text::field_invalid("profile.hours[1][0].close", text::expect_integer_from(451)));
  CHECK(refused([](Json& j) { j["profile"]["outcomes"]["partner"][0]["code"] = "CAF AT"; }) ==
        text::field_invalid("profile.outcomes.partner[0].code",
                            text::expect_code(queue::OutcomeLists::kMaxCodeBytes)));
  CHECK(refused([](Json& j) { j["profile"]["counters"] = Json::array({Json::object()}); })
            .find("profile.counters[0].number") != std::string::npos);
}

TEST_CASE("protocol::encode_ship_raw sends stored bodies as they are: the same batch arrives") {
  const protocol::ShipBatch sent = two_events();
  std::vector<protocol::RawEvent> raw;
  for (const queue::Event& e : sent.events) raw.push_back({e.seq, protocol::encode(e.change).dump()});
  protocol::ShipBatch head = sent;
  head.events.clear();
  auto read = protocol::decode_ship(protocol::encode_ship_raw(head, raw));
  REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
  CHECK(protocol::encode_ship(*read) == protocol::encode_ship(sent));
  // No events: still a well-formed (empty) ship.
  CHECK(protocol::decode_ship(protocol::encode_ship_raw(head, {}))->events.empty());
  // A body that is not an object is refused at the centre, naming the event.
  auto bad = protocol::decode_ship(protocol::encode_ship_raw(head, {{41, "[1]"}}));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("events[0].change") != std::string::npos);
}

TEST_CASE("protocol::ShipBatch::follow_key travels with the hello, or is left out saying why") {
  protocol::FollowKey key{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(7 * i + 1);
  protocol::ShipBatch hello = two_events();
  hello.events.clear();
  hello.follow_key = protocol::follow_key_hex(key);
  const std::string frame = protocol::encode_ship(hello);
  CHECK(Json::parse(frame).at("follow_key") == hello.follow_key);
  auto read = protocol::decode_ship(frame);
  REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
  CHECK(read->follow_key == hello.follow_key);
  CHECK(read->follow_key_error.empty());
  // The raw form the shipper sends carries it too; without one, none is written or read.
  CHECK(protocol::decode_ship(protocol::encode_ship_raw(hello, {}))->follow_key ==
        hello.follow_key);
  const std::string plain = protocol::encode_ship(two_events());
  CHECK_FALSE(Json::parse(plain).contains("follow_key"));
  CHECK(protocol::decode_ship(plain)->follow_key.empty());
  CHECK(protocol::decode_ship(plain)->follow_key_error.empty());
  // Capitals are read in lowercase.
  Json upper = Json::parse(frame);
  std::string shouted = hello.follow_key;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  upper["follow_key"] = shouted;
  CHECK(protocol::decode_ship(upper.dump())->follow_key == hello.follow_key);

  // A bad key is left out, with its reason; the batch and its events are accepted all the same.
  Json with_events = Json::parse(protocol::encode_ship(two_events()));
  for (const Json& bad : {Json("abc"), Json(std::string(63, 'a')), Json(std::string(66, 'a')),
                          Json(std::string(63, 'a') + "g"), Json(42), Json::array()}) {
    CAPTURE(bad.dump());
    Json spoilt = with_events;
    spoilt["follow_key"] = bad;
    auto r = protocol::decode_ship(spoilt.dump());
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    CHECK(r->follow_key.empty());
    CHECK(r->follow_key_error == text::ship_bad_follow_key());
    CHECK(r->events.size() == 2);
  }
}
