// The hub over tcp on 127.0.0.1 with CurveZMQ, driven by real clients.
#include <doctest/doctest.h>

#include <cmath>
#include <thread>

#include "net/key_files.h"
#include "protocol/codec.h"
#include "protocol/fields.h"
#include "net/socket_security.h"
#include "protocol/messages.h"
#include "support/hub_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;
using protocol::Json;

namespace {

std::string label_of(const Json& result) { return result.at("ticket").at("label").get<std::string>(); }

/// A bare CURVE DEALER with the key of `role`, to send hand-made frames.
struct RawClient {
  zmq::context_t context;
  zmq::socket_t socket{context, zmq::socket_type::dealer};

  RawClient(const testing::TestHub& hub, const net::KeyPair& key) {
    auto o = hub.client_options("kiosk");
    socket.set(zmq::sockopt::linger, 0);
    socket.set(zmq::sockopt::rcvtimeo, 2000);
    REQUIRE(net::make_curve_client(socket, key, o.hub_public).ok());
    socket.connect(o.request_endpoint);
  }
  void send(const std::vector<std::string>& frames) {
    for (std::size_t i = 0; i < frames.size(); ++i) {
      socket.send(zmq::buffer(frames[i]),
                  i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none);
    }
  }
  /// The reply's body, or "" after 2 s of silence.
  std::string receive() {
    zmq::message_t m;
    if (!socket.recv(m)) return "";
    while (m.more()) {
      zmq::message_t next;
      if (!socket.recv(next)) return "";
      m = std::move(next);
    }
    return m.to_string();
  }
};

net::KeyPair key_of(const testing::TestHub& hub, const std::string& role) {
  auto k = net::read_key_file(hub.dir() / "keys" / (role + ".key"));
  REQUIRE(k.ok());
  return *k;
}

}  // namespace

TEST_CASE("hub::Hub a late-joining client gets the same state as one that followed events") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto display = hub.client("display");
  REQUIRE(display->wait_live(5s));
  auto agent = hub.client("agent", false);
  for (char s : std::string("CCFN")) {
    auto r = kiosk->request("take_ticket", {{"service", std::string(1, s)}});
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
  }
  CHECK(label_of(*kiosk->request("take_ticket", {{"service", "C"}})) == "C-003");
  auto called = agent->request("call_next", {{"counter", 1}});
  REQUIRE(called.ok());
  CHECK(label_of(*called) == "C-001");
  auto late = hub.client("display");
  REQUIRE(late->wait_live(5s));
  // The follower sees every event; wait until it has them all.
  for (int i = 0; i < 100 && display->state().seq < late->state().seq; ++i) display->pump(20ms);
  CHECK(display->state().seq == 6);
  CHECK(late->state().seq == 6);
  CHECK(display->state().tickets.size() == 5);
  CHECK(late->state().tickets.size() == 5);
  for (const auto& [id, t] : late->state().tickets) {
    const queue::Ticket* mirror = display->state().ticket(id);
    REQUIRE(mirror);
    CHECK(mirror->label() == t.label());
    CHECK(mirror->state == t.state);
  }
  CHECK(late->state().counters.at(1).current == display->state().counters.at(1).current);
  CHECK(late->state().agency.name == "OPT Test — Point Conseil Numérique");
  CHECK(late->state().load('C')->waiting == 2);
}

TEST_CASE("hub::Hub restarted on the same file: clients resync by themselves, numbering goes on") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto display = hub.client("display");
  REQUIRE(display->wait_live(5s));
  REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  std::string first_epoch = display->state().epoch;
  hub.stop();
  // The display notices the silence and says so, keeping what it had.
  for (int i = 0; i < 100 && display->connection() == client::Connection::live; ++i) display->pump(50ms);
  CHECK(display->connection() == client::Connection::lost);
  CHECK(display->state().tickets.size() == 1);
  hub.start();
  REQUIRE(display->wait_live(10s));
  auto second = kiosk->request("take_ticket", {{"service", "C"}});
  REQUIRE_MESSAGE(second.ok(), second.error().to_string());
  CHECK(label_of(*second) == "C-002");
  for (int i = 0; i < 100 && display->state().tickets.size() < 2; ++i) display->pump(20ms);
  CHECK(display->state().epoch != first_epoch);
  CHECK(display->state().tickets.size() == 2);
}

TEST_CASE("hub::Hub a retried request gets the stored reply and is not executed twice") {
  testing::TestHub hub;
  hub.start();
  RawClient raw(hub, key_of(hub, "kiosk"));
  std::string request = protocol::request_message("take_ticket", "kiosk-test/1", 7,
                                                  {{"service", "F"}});
  raw.send({request});
  std::string first = raw.receive();
  raw.send({request});
  std::string again = raw.receive();
  CHECK(first == again);
  CHECK(first.find("F-001") != std::string::npos);
  raw.send({protocol::request_message("take_ticket", "kiosk-test/1", 8, {{"service", "F"}})});
  CHECK(raw.receive().find("F-002") != std::string::npos);
  CHECK(hub.hub().stats().replayed == 1);
  SUBCASE("even across a hub restart") {
    hub.stop();
    hub.start();
    RawClient after(hub, key_of(hub, "kiosk"));
    after.send({request});
    CHECK(after.receive() == first);
  }
}

TEST_CASE("hub::Hub answers garbage with an error and keeps serving") {
  testing::TestHub hub;
  hub.start();
  RawClient raw(hub, key_of(hub, "supervisor"));
  raw.send({"\xff\xfe garbage"});
  auto reply = protocol::parse_reply(raw.receive());
  REQUIRE(reply.ok());
  CHECK_FALSE(reply->ok);
  CHECK(reply->error.code == "bad_request");
  raw.send({"a", "b", "c", "d"});
  reply = protocol::parse_reply(raw.receive());
  REQUIRE(reply.ok());
  CHECK(reply->error.code == "bad_request");
  raw.send({R"({"v":2,"type":"hello","client":"x","req":1})"});
  CHECK(protocol::parse_reply(raw.receive())->error.code == "bad_version");
  raw.send({R"({"v":1,"type":"make_coffee","client":"x","req":2})"});
  CHECK(protocol::parse_reply(raw.receive())->error.code == "unknown_type");
  raw.send({R"({"v":1,"type":"call_next","client":"x","req":3,"args":{"counter":"two"}})"});
  auto field = protocol::parse_reply(raw.receive());
  CHECK(field->error.code == "bad_request");
  CHECK(field->error.message.find("args.counter") != std::string::npos);

  SUBCASE("a request of exactly 65,536 bytes is answered, under CURVE too; one more is too_large") {
    RawClient edge(hub, key_of(hub, "kiosk"));
    const std::string body = R"({"v":1,"type":"hello","client":"kiosk-edge/1","req":9})";
    const std::string at_limit = body + std::string(protocol::kMaxRequestBytes - body.size(), ' ');
    REQUIRE(at_limit.size() == 65536);
    edge.send({at_limit});
    auto answered = protocol::parse_reply(edge.receive());
    REQUIRE(answered.ok());
    CHECK(answered->ok);
    edge.send({at_limit + " "});
    auto refused = protocol::parse_reply(edge.receive());
    REQUIRE(refused.ok());
    CHECK(refused->error.code == "too_large");
  }
  SUBCASE("an oversized message disconnects its sender only") {
    RawClient big(hub, key_of(hub, "kiosk"));
    big.send({std::string(protocol::kMaxRequestBytes + 1000, 'x')});
    CHECK(big.receive().empty());
  }
  auto kiosk = hub.client("kiosk", false);
  auto ok = kiosk->request("take_ticket", {{"service", "N"}});
  REQUIRE_MESSAGE(ok.ok(), ok.error().to_string());
  CHECK(label_of(*ok) == "N-001");
}

TEST_CASE("hub::Hub refuses a client whose key is not on the allow-list") {
  testing::TestHub hub;
  hub.start();
  auto stranger = net::generate_key_pair("stranger", "supervisor");
  REQUIRE(stranger.ok());
  RawClient raw(hub, *stranger);
  raw.send({protocol::request_message("hello", "stranger/1", 1)});
  CHECK(raw.receive().empty());
  auto kiosk = hub.client("kiosk", false);
  CHECK(kiosk->request("hello").ok());
}

TEST_CASE("hub::Hub a display key cannot call a ticket; the refusal says why in French") {
  testing::TestHub hub;
  hub.start();
  REQUIRE(hub.client("kiosk", false)->request("take_ticket", {{"service", "C"}}).ok());
  auto display = hub.client("display", false);
  auto refused = display->request("call_next", {{"counter", 1}});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "forbidden");
  auto hello = display->request("hello");
  REQUIRE(hello.ok());
  CHECK(hello->at("role") == "display");
  auto agent = hub.client("agent", false);
  auto paused = agent->request("pause", {{"counter", 2}});
  REQUIRE(paused.ok());
  auto refusal = agent->request("call_next", {{"counter", 2}});
  REQUIRE_FALSE(refusal.ok());
  CHECK(refusal.error().code == "counter_paused");
  CHECK(refusal.error().message.find("Le guichet 2 est en pause") != std::string::npos);
}

TEST_CASE("hub::Hub two agents calling at the same instant never get the same ticket") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  for (int i = 0; i < 20; ++i) REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  auto a = hub.client("agent", false);
  auto b = hub.client("agent", false);
  std::vector<std::string> got;
  for (int round = 0; round < 10; ++round) {
    std::optional<util::Result<Json>> ra, rb;
    a->send("call_next", {{"counter", 1}}, [&](const util::Result<Json>& r) { ra = r; });
    b->send("call_next", {{"counter", 2}}, [&](const util::Result<Json>& r) { rb = r; });
    while (!ra || !rb) {
      a->pump(5ms);
      b->pump(5ms);
    }
    REQUIRE(ra->ok());
    REQUIRE(rb->ok());
    got.push_back(label_of(**ra));
    got.push_back(label_of(**rb));
  }
  std::sort(got.begin(), got.end());
  CHECK(std::adjacent_find(got.begin(), got.end()) == got.end());
  CHECK(got.size() == 20);
}

TEST_CASE("hub::Hub an unreachable hub gives a clear error and nothing changes") {
  testing::TestHub hub;
  hub.start();
  auto options = hub.client_options("agent");
  hub.stop();
  options.follow = false;
  options.request_timeout = 200ms;
  options.retries = 1;
  auto agent = client::Client::connect(options);
  REQUIRE(agent.ok());
  auto r = (*agent)->request("call_next", {{"counter", 1}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "unreachable");
  CHECK(r.error().message.find("ne répond pas") != std::string::npos);
  hub.start();
  auto state = hub.client("supervisor", false)->request("snapshot");
  REQUIRE(state.ok());
  CHECK(state->at("seq") == 0);
}

TEST_CASE("hub::Hub the slip promises what the screens show for the service, a priority slip its own") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto display = hub.client("display");
  REQUIRE(display->wait_live(5s));
  for (int i = 0; i < 4; ++i) REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  for (int i = 0; i < 100 && display->state().seq < 4; ++i) display->pump(20ms);
  REQUIRE(display->state().seq == 4);
  const queue::WaitRange shown = display->state().load('C')->wait;
  REQUIRE(shown.kind == queue::WaitRange::Kind::range);  // two counters serve C: two visits first
  auto slip = kiosk->request("take_ticket", {{"service", "C"}});
  REQUIRE(slip.ok());
  protocol::Fields fields(*slip, "");
  queue::WaitRange promised;
  protocol::read_wait(*slip, fields, promised);
  REQUIRE(fields.ok());
  CHECK(promised == shown);
  CHECK(slip->at("estimated_wait_minutes") == std::lround(*shown.middle()));
  // a priority slip goes before the five normal tickets: its own, shorter forecast
  auto priority = kiosk->request("take_ticket", {{"service", "C"}, {"priority", true}});
  REQUIRE(priority.ok());
  protocol::Fields priority_fields(*priority, "");
  queue::WaitRange first;
  protocol::read_wait(*priority, priority_fields, first);
  CHECK(first.kind == queue::WaitRange::Kind::next);  // counters 1 and 2 are free: called first
}

TEST_CASE("hub::Hub refuses texts longer than the protocol allows, naming the field, and keeps serving") {
  testing::TestHub hub;
  hub.start();
  auto agent = hub.client("agent", false);
  auto kiosk = hub.client("kiosk", false);
  const auto refused = [](const util::Result<Json>& r, const std::string& field) {
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "bad_request");
    CHECK(r.error().message.find(field) != std::string::npos);
    CHECK(r.error().message.find("octets") != std::string::npos);
  };
  // an agent's name of 65,000 bytes would be copied into every later event and stored reply
  refused(agent->request("update_counter", {{"counter", 1}, {"services", "C"}, {"agent", std::string(65000, 'x')}}),
          "args.agent");
  refused(agent->request("update_counter", {{"counter", 1}, {"services", "C"}, {"agent", std::string(65, 'x')}}),
          "args.agent");
  CHECK(agent->request("update_counter", {{"counter", 1}, {"services", "C"}, {"agent", std::string(64, 'x')}}).ok());
  auto taken = kiosk->request("take_ticket", {{"service", "C"}});
  REQUIRE(taken.ok());
  const auto id = taken->at("ticket").at("id").get<std::int64_t>();
  refused(kiosk->request("report_print", {{"ticket", id}, {"printed", false}, {"error", std::string(301, 'e')}}),
          "args.error");
  CHECK(kiosk->request("report_print", {{"ticket", id}, {"printed", false}, {"error", std::string(300, 'e')}}).ok());
  refused(agent->request("call_ticket", {{"counter", 1}, {"label", std::string(17, 'C')}}), "args.label");
  CHECK(agent->request("call_ticket", {{"counter", 1}, {"label", "C-001"}}).ok());
  auto missing = agent->request("call_ticket", {{"counter", 2}});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "bad_request");
}

TEST_CASE("hub::Hub a key owns its client ids: another key sending the same id and req is not "
          "given, and does not pre-fill, the first one's stored reply") {
  testing::TestHub hub;
  hub.start();
  const std::string take =
      R"({"v":1,"type":"take_ticket","client":"borne-1/77","req":5,"args":{"service":"C"}})";
  RawClient kiosk(hub, key_of(hub, "kiosk"));
  kiosk.send({take});
  auto first = protocol::parse_reply(kiosk.receive());
  REQUIRE(first.ok());
  REQUIRE(first->ok);
  CHECK(label_of(first->result) == "C-001");
  // the same frame from the supervisor's key: its own request, a ticket of its own
  RawClient other(hub, key_of(hub, "supervisor"));
  other.send({take});
  auto second = protocol::parse_reply(other.receive());
  REQUIRE(second.ok());
  REQUIRE(second->ok);
  CHECK(label_of(second->result) == "C-002");
  // and the kiosk's retry still gets its own stored reply, not a third ticket
  kiosk.send({take});
  auto retried = protocol::parse_reply(kiosk.receive());
  REQUIRE(retried.ok());
  CHECK(label_of(retried->result) == "C-001");
}
