// Real CurveZMQ sockets on 127.0.0.1 with the ZAP authenticator in front of them. Everything runs
// in the test's thread: a small poll loop plays the hub (ZAP + server socket) and the clients,
// always with a deadline.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "net/allow_list.h"
#include "net/key_files.h"
#include "net/keygen.h"
#include "net/socket_security.h"
#include "net/zap_authenticator.h"
#include "support/temp_dir.h"

using namespace pcn;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

/// Polls a set of sockets, calling each one's handler when it is readable, until a condition
/// holds or a deadline passes.
class PollLoop {
 public:
  void add(zmq::socket_t& socket, std::function<void()> on_readable) {
    items_.push_back({socket.handle(), 0, ZMQ_POLLIN, 0});
    handlers_.push_back(std::move(on_readable));
  }
  /// Called between polls (every 20 ms at most), e.g. to publish.
  void every_turn(std::function<void()> tick) { tick_ = std::move(tick); }

  /// True when `done()` became true before `limit`.
  bool run_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
      if (std::chrono::steady_clock::now() >= deadline) return false;
      if (tick_) tick_();
      zmq::poll(items_.data(), items_.size(), 20ms);
      for (std::size_t i = 0; i < items_.size(); ++i) {
        if ((items_[i].revents & ZMQ_POLLIN) != 0) handlers_[i]();
      }
    }
    return true;
  }
  void run_for(std::chrono::milliseconds span) {
    run_until([] { return false; }, span);
  }

 private:
  std::vector<zmq::pollitem_t> items_;
  std::vector<std::function<void()>> handlers_;
  std::function<void()> tick_;
};

/// Keys of an agency made by keygen_agency, plus an intruder's pair that is on no list.
struct Keys {
  testing::TempDir dir{"pcn-net"};
  net::KeyPair hub, kiosk, display, intruder;
  net::AllowList allowed;

  Keys() {
    REQUIRE(net::keygen_agency(dir.path()).ok());
    hub = read("hub.key");
    kiosk = read("kiosk.key");
    display = read("display.key");
    auto stranger = net::generate_key_pair("intrus", "kiosk");
    REQUIRE(stranger.ok());
    intruder = *stranger;
    auto list = net::AllowList::load(net::allowed_folder(dir.path()));
    REQUIRE(list.ok());
    allowed = *list;
  }
  net::KeyPair read(const std::string& file) {
    auto pair = net::read_key_file(dir / file);
    REQUIRE(pair.ok());
    return *pair;
  }
};

zmq::socket_t open_socket(zmq::context_t& context, zmq::socket_type type) {
  zmq::socket_t socket(context, type);
  socket.set(zmq::sockopt::linger, 0);
  return socket;
}

/// Binds a CURVE server socket on an ephemeral port and returns its endpoint.
std::string bind_server(zmq::socket_t& socket, const net::KeyPair& hub) {
  REQUIRE(net::make_curve_server(socket, hub).ok());
  socket.bind("tcp://127.0.0.1:*");
  return socket.get(zmq::sockopt::last_endpoint);
}

zmq::socket_t client(zmq::context_t& context, zmq::socket_type type, const net::KeyPair& mine,
                     const net::KeyPair& hub, const std::string& endpoint) {
  auto socket = open_socket(context, type);
  REQUIRE(net::make_curve_client(socket, mine, hub.public_key).ok());
  socket.connect(endpoint);
  return socket;
}

std::vector<zmq::message_t> receive(zmq::socket_t& socket) {
  std::vector<zmq::message_t> frames;
  (void)zmq::recv_multipart(socket, std::back_inserter(frames), zmq::recv_flags::dontwait);
  return frames;
}

/// A ROUTER that echoes what it receives and remembers who sent it.
struct EchoRouter {
  zmq::socket_t socket;
  std::string endpoint;
  std::vector<std::optional<net::ClientIdentity>> senders;

  EchoRouter(zmq::context_t& context, const net::KeyPair& hub)
      : socket(open_socket(context, zmq::socket_type::router)) {
    endpoint = bind_server(socket, hub);
  }
  void on_readable() {
    auto frames = receive(socket);
    if (frames.empty()) return;
    senders.push_back(net::identity_of(frames.back()));
    (void)zmq::send_multipart(socket, frames, zmq::send_flags::dontwait);
  }
};

/// A DEALER client that records the replies it gets.
struct Dealer {
  zmq::socket_t socket;
  std::vector<std::string> replies;

  Dealer(zmq::context_t& context, const net::KeyPair& mine, const net::KeyPair& hub,
         const std::string& endpoint)
      : socket(client(context, zmq::socket_type::dealer, mine, hub, endpoint)) {}
  void say(const std::string& text) {
    (void)socket.send(zmq::buffer(text), zmq::send_flags::dontwait);
  }
  void on_readable() {
    auto frames = receive(socket);
    if (!frames.empty()) replies.push_back(frames.back().to_string());
  }
};

}  // namespace

TEST_CASE("net::ZapAuthenticator lets an allowed DEALER through and identity_of names it") {
  Keys keys;
  zmq::context_t context;
  std::vector<std::string> log;
  net::ZapAuthenticator zap(context, keys.allowed,
                            [&](const std::string& line) { log.push_back(line); });
  EchoRouter router(context, keys.hub);
  Dealer kiosk(context, keys.kiosk, keys.hub, router.endpoint);

  PollLoop loop;
  loop.add(zap.socket(), [&] { zap.handle_one(); });
  loop.add(router.socket, [&] { router.on_readable(); });
  loop.add(kiosk.socket, [&] { kiosk.on_readable(); });
  kiosk.say("bonjour");
  REQUIRE(loop.run_until([&] { return !kiosk.replies.empty(); }, 5s));

  CHECK(kiosk.replies.front() == "bonjour");
  REQUIRE(router.senders.size() == 1);
  REQUIRE(router.senders.front().has_value());
  CHECK(*router.senders.front() == net::ClientIdentity{"kiosk", "kiosk"});
  CHECK(zap.accepted() == 1);
  CHECK(zap.refused() == 0);
  REQUIRE(log.size() == 1);
  CHECK(log.front().rfind("Connexion acceptée : « kiosk » (kiosk) depuis 127.0.0.1", 0) == 0);
}

TEST_CASE("net::ZapAuthenticator refuses an unknown key while an allowed client still works") {
  Keys keys;
  zmq::context_t context;
  std::vector<std::string> log;
  net::ZapAuthenticator zap(context, keys.allowed,
                            [&](const std::string& line) { log.push_back(line); });
  EchoRouter router(context, keys.hub);
  Dealer intruder(context, keys.intruder, keys.hub, router.endpoint);
  Dealer kiosk(context, keys.kiosk, keys.hub, router.endpoint);

  PollLoop loop;
  loop.add(zap.socket(), [&] { zap.handle_one(); });
  loop.add(router.socket, [&] { router.on_readable(); });
  loop.add(intruder.socket, [&] { intruder.on_readable(); });
  loop.add(kiosk.socket, [&] { kiosk.on_readable(); });
  intruder.say("laissez-moi entrer");
  kiosk.say("ticket");
  const auto settled = [&] {
    return !kiosk.replies.empty() && (zap.refused() > 0 || !intruder.replies.empty());
  };
  REQUIRE(loop.run_until(settled, 5s));
  loop.run_for(300ms);  // give a wrongly admitted intruder time to show up

  CHECK(kiosk.replies == std::vector<std::string>{"ticket"});
  CHECK(intruder.replies.empty());
  REQUIRE(router.senders.size() == 1);
  CHECK(router.senders.front() == net::ClientIdentity{"kiosk", "kiosk"});
  CHECK(zap.accepted() == 1);
  CHECK(zap.refused() >= 1);
  const auto refusal = std::find_if(log.begin(), log.end(), [&](const std::string& line) {
    return line.find("Connexion refusée") != std::string::npos &&
           line.find(keys.intruder.public_key) != std::string::npos;
  });
  CHECK(refusal != log.end());
}

TEST_CASE("net::ZapAuthenticator: an allowed SUB receives, an unknown SUB receives nothing") {
  Keys keys;
  zmq::context_t context;
  net::ZapAuthenticator zap(context, keys.allowed);
  auto publisher = open_socket(context, zmq::socket_type::pub);
  const std::string endpoint = bind_server(publisher, keys.hub);
  auto display = client(context, zmq::socket_type::sub, keys.display, keys.hub, endpoint);
  auto intruder = client(context, zmq::socket_type::sub, keys.intruder, keys.hub, endpoint);
  display.set(zmq::sockopt::subscribe, "");
  intruder.set(zmq::sockopt::subscribe, "");

  std::vector<std::string> seen_by_display;
  std::vector<std::string> seen_by_intruder;
  PollLoop loop;
  loop.add(zap.socket(), [&] { zap.handle_one(); });
  loop.add(display, [&] {
    for (auto& frame : receive(display)) seen_by_display.push_back(frame.to_string());
  });
  loop.add(intruder, [&] {
    for (auto& frame : receive(intruder)) seen_by_intruder.push_back(frame.to_string());
  });
  loop.every_turn([&] {
    (void)publisher.send(zmq::str_buffer("appel A012 guichet 2"), zmq::send_flags::dontwait);
  });
  const auto settled = [&] {
    return !seen_by_display.empty() && (zap.refused() > 0 || !seen_by_intruder.empty());
  };
  REQUIRE(loop.run_until(settled, 5s));
  loop.run_for(300ms);

  CHECK(seen_by_display.front() == "appel A012 guichet 2");
  CHECK(seen_by_intruder.empty());
  CHECK(zap.refused() >= 1);
  CHECK(zap.accepted() == 1);
}

TEST_CASE("net::ZapAuthenticator answers a malformed ZAP request with 400 instead of throwing") {
  Keys keys;
  zmq::context_t context;
  net::ZapAuthenticator zap(context, keys.allowed);
  auto requester = open_socket(context, zmq::socket_type::req);
  requester.set(zmq::sockopt::rcvtimeo, 2000);
  requester.connect("inproc://zeromq.zap.01");

  const std::vector<std::string> bad_requests[] = {
      {"n'importe quoi"},
      {"1.0", "7", "pcn", "127.0.0.1", "", "PLAIN", "user", "password"},
      {"1.0", "8", "autre", "127.0.0.1", "", "CURVE", std::string(32, 'k')},
      {"1.0", "9", "pcn", "127.0.0.1", "", "CURVE", "trop court"},
  };
  for (const auto& request : bad_requests) {
    CAPTURE(request.front());
    std::vector<zmq::const_buffer> frames;
    for (const auto& f : request) frames.push_back(zmq::buffer(f));
    REQUIRE(zmq::send_multipart(requester, frames));
    PollLoop loop;
    loop.add(zap.socket(), [&] { zap.handle_one(); });
    std::vector<zmq::message_t> reply;
    loop.add(requester, [&] { reply = receive(requester); });
    REQUIRE(loop.run_until([&] { return !reply.empty(); }, 2s));
    REQUIRE(reply.size() == 6);
    CHECK(reply[0].to_string() == "1.0");
    CHECK(reply[2].to_string() == "400");
    CHECK(reply[4].to_string().empty());
  }
  CHECK(zap.refused() == 4);
  CHECK(zap.accepted() == 0);
  zap.handle_one();  // nothing pending: returns at once
}

TEST_CASE("net::ZapAuthenticator: a second one in the same context cannot start") {
  zmq::context_t context;
  net::ZapAuthenticator first(context, net::AllowList());
  CHECK_THROWS_AS(net::ZapAuthenticator(context, net::AllowList()), zmq::error_t);
}

TEST_CASE("net::identity_of gives nothing for a message without CURVE metadata") {
  zmq::context_t context;
  auto a = open_socket(context, zmq::socket_type::pair);
  auto b = open_socket(context, zmq::socket_type::pair);
  a.bind("inproc://sans-curve");
  b.connect("inproc://sans-curve");
  b.set(zmq::sockopt::rcvtimeo, 2000);
  REQUIRE(a.send(zmq::str_buffer("x")));
  zmq::message_t message;
  REQUIRE(b.recv(message));
  CHECK_FALSE(net::identity_of(message).has_value());
}

TEST_CASE("net::make_curve_server and make_curve_client refuse a pair without its secret") {
  Keys keys;
  zmq::context_t context;
  auto socket = open_socket(context, zmq::socket_type::router);
  net::KeyPair public_only = keys.hub;
  public_only.secret_key.clear();
  const auto server = net::make_curve_server(socket, public_only);
  REQUIRE_FALSE(server.ok());
  CHECK(server.error().code == "missing_secret");
  CHECK(server.error().message.find("fichier .key") != std::string::npos);

  auto dealer = open_socket(context, zmq::socket_type::dealer);
  const auto bad_server_key = net::make_curve_client(dealer, keys.kiosk, "pas-une-cle");
  REQUIRE_FALSE(bad_server_key.ok());
  CHECK(bad_server_key.error().code == "bad_key");
}
