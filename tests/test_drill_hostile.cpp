// Drill: hostile traffic against the real hub process while a kiosk and an agent work. A client
// whose key is not on the allow-list is refused and the hub's log names its key; raw bytes that
// are not (or only look like) ZeroMQ on both the request and the event port are cut off at once,
// without the hub keeping any of them; the others are served all along, and the hub is still
// running at the end.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include "app/startup.h"
#include "hub/hub.h"
#include "net/curve_keys.h"
#include "net/socket_security.h"
#include "support/drill_agency.h"
#include "support/drill_clients.h"
#include "support/drill_database.h"
#include "support/drill_raw_tcp.h"
#include "support/drill_wait.h"
#include "text/catalog.h"

using namespace pcn;
using namespace pcn::testing;
using namespace std::chrono_literals;

namespace {

/// Both working clients got at least `more` replies since `base`.
bool served_since(const ClientLoop& kiosk, const ClientLoop& agent, int kiosk_base, int agent_base,
                  int more) {
  return kiosk.successes() >= kiosk_base + more && agent.successes() >= agent_base + more;
}

/// What hostile peers send on a port, each on a connection of its own.
std::vector<std::pair<std::string, std::string>> garbage() {
  return {
      {"64 KiB of random bytes", random_bytes(64 * 1024, 7)},
      {"random bytes after a ZeroMQ signature", "\xFF" + random_bytes(4096, 11)},
      {"a ZMTP greeting without encryption (NULL)", zmtp_greeting("NULL") + random_bytes(256, 13)},
      {"an HTTP request", "GET / HTTP/1.1\r\nHost: hub\r\n\r\n"},
      {"a CURVE greeting, then a 1 TiB frame", zmtp_greeting("CURVE") +
                                                  zmtp_long_command_header(std::uint64_t(1) << 40)},
      {"a CURVE greeting, then a 1 GiB frame and 32 MiB of it",
       zmtp_greeting("CURVE") + zmtp_long_command_header(std::uint64_t(1) << 30) +
           std::string(32 << 20, 'x')},
  };
}

/// The hub's resident memory in KiB (/proc/PID/status VmRSS), 0 when unknown.
long resident_kib(pid_t pid) {
  std::string status = read_text("/proc/" + std::to_string(pid) + "/status");
  auto at = status.find("VmRSS:");
  return at == std::string::npos ? 0 : std::stol(status.substr(at + 6));
}

}  // namespace

TEST_CASE("drill: a key off the allow-list is refused and logged, garbage on both ports is cut "
          "off at once, and a kiosk and an agent are served throughout") {
  DrillAgency agency(drill_programs(), "pcn-drill-hostile");
  auto hub = agency.start_hub();
  ClientLoop kiosk(agency.client_options("kiosk"), ClientLoop::Kind::taker);
  ClientLoop agent(agency.client_options("agent"), ClientLoop::Kind::caller, 1);
  REQUIRE(wait_until([&] { return served_since(kiosk, agent, 0, 0, 10); }, 30s));
  const long memory_before = resident_kib(hub->pid());

  // A station whose key was never put in keys/allowed/: its requests never reach the queue.
  auto intruder_key = net::generate_key_pair("intrus", "agent");
  REQUIRE(intruder_key.ok());
  client::ClientOptions intruder_options = agency.client_options("agent");
  intruder_options.name = "intrus";
  intruder_options.key = *intruder_key;
  intruder_options.request_timeout = 700ms;
  intruder_options.retries = 1;
  auto intruder = client::Client::connect(intruder_options);
  REQUIRE(intruder.ok());
  auto refused = (*intruder)->request("call_next", {{"counter", 2}});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "unreachable");
  CHECK((*intruder)->connection() != client::Connection::live);
  CHECK(hub->wait_for_err(text::zap_refused_unknown_key(intruder_key->public_key, "127.0.0.1"),
                          5s));

  // Garbage on both ports, while the others keep working.
  int kiosk_base = kiosk.successes(), agent_base = agent.successes();
  for (int port : {agency.request_port(), agency.event_port()}) {
    for (const auto& [what, bytes] : garbage()) {
      CAPTURE(port);
      CAPTURE(what);
      RawOutcome outcome = send_raw(port, bytes, 5s);
      CHECK(outcome.connected);
      CHECK(outcome.closed_by_peer);  // the hub hung up: it did not wait for more
    }
  }
  CHECK(wait_until([&] { return served_since(kiosk, agent, kiosk_base, agent_base, 10); }, 20s));
  (*intruder)->pump(100ms);
  CHECK((*intruder)->connection() != client::Connection::live);
  CHECK(hub->running());
  const long memory_after = resident_kib(hub->pid());
  MESSAGE("hub memory: " << memory_before << " KiB before, " << memory_after << " KiB after");
  CHECK(memory_after < memory_before + 16 * 1024);  // no part of a huge frame was kept

  // The log names the refused key, for both ports (the event feed's handshake too). Garbage is
  // cut off without a line: libzmq 4.3 reports it only as a connection accepted, then closed.
  const std::string log = hub->err();
  INFO(log);
  CHECK(count_of(log, "clé publique inconnue " + intruder_key->public_key) >= 2);

  // The hub is healthy: a fresh station is served, the refused one changed nothing.
  auto probe = app::connect_live(agency.client_options("supervisor"), 10s);
  REQUIRE(probe.ok());
  auto taken = (*probe)->request("take_ticket", {{"service", "F"}});
  CHECK(taken.ok());
  kiosk.finish("", 0, 0ms);  // stop and join; their end state is the other drill's concern
  agent.finish("", 0, 0ms);
  for (const auto& [code, n] : kiosk.failures()) CHECK_MESSAGE(false, "kiosk got " << code);
  for (const auto& [code, n] : agent.failures()) CHECK(code == "queue_empty");
  CHECK(hub->stop() == 0);
  for (const StoredTicket& t : read_tickets(agency.database())) CHECK(t.counter != 2);
}

namespace {

/// A TCP connection to 127.0.0.1:`port` that will never say anything; -1 when refused.
int silent_connection(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

/// Whether the peer has closed `fd` (end of file or reset), without waiting: what it sent first
/// (ZeroMQ's greeting) is read and dropped.
bool closed_by_peer(int fd) {
  char buffer[512];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) continue;
    return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
  }
}

}  // namespace

TEST_CASE("drill: thousands of silent connections to a hub started with 1,024 open files — "
          "stations are still served, the silent ones are dropped after the handshake time") {
  DrillAgency agency(drill_programs(), "pcn-drill-silent");
  rlimit mine{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &mine) == 0);
  // the hub starts with the soft limit shells and systemd give by default, as in the issue
  rlimit usual = mine;
  usual.rlim_cur = std::min<rlim_t>(1024, mine.rlim_max);
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &usual) == 0);
  std::unique_ptr<Process> hub;
  try {
    hub = agency.start_hub();
  } catch (...) {
    ::setrlimit(RLIMIT_NOFILE, &mine);
    throw;
  }
  rlimit all = mine;
  all.rlim_cur = mine.rlim_max;
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &all) == 0);  // this side needs as many
  const char* wanted = std::getenv("PCN_DRILL_SILENT");
  const std::size_t silent = std::min<std::size_t>(wanted ? std::stoul(wanted) : 1500,
                                                   static_cast<std::size_t>(mine.rlim_max) - 512);
  REQUIRE(silent > 1100);  // more than the 1,024 files the hub had
  CHECK(hub->wait_for_err("Fichiers ouverts permis (connexions comprises) : ", 5s));

  std::vector<int> fds;
  const auto opening = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < silent; ++i) {
    const int fd = silent_connection(i % 2 ? agency.event_port() : agency.request_port());
    if (fd >= 0) fds.push_back(fd);
  }
  const auto opened_in = std::chrono::steady_clock::now() - opening;
  CHECK(fds.size() == silent);

  // a station that connects now is served
  const auto asked = std::chrono::steady_clock::now();
  auto probe = app::connect_live(agency.client_options("supervisor"), 10s);
  REQUIRE_MESSAGE(probe.ok(), probe.error().to_string());
  auto taken = (*probe)->request("take_ticket", {{"service", "F"}});
  const auto served_in = std::chrono::steady_clock::now() - asked;
  CHECK(taken.ok());

  // and the silent ones are cut once the handshake time is over
  std::this_thread::sleep_for(hub::Hub::kHandshake + 3s);
  std::size_t dropped = 0;
  for (int fd : fds) dropped += closed_by_peer(fd) ? 1 : 0;
  for (int fd : fds) ::close(fd);
  MESSAGE(fds.size() << " silent connections opened in "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(opened_in).count()
                     << " ms; a new station connected and served in "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(served_in).count()
                     << " ms; " << dropped << " dropped by the hub after "
                     << (hub::Hub::kHandshake + 3s).count() << " ms");
  INFO(hub->err().substr(0, 3000));
  CHECK(dropped == fds.size());
  CHECK(hub->running());
  ::setrlimit(RLIMIT_NOFILE, &mine);
  CHECK(hub->stop() == 0);
}

TEST_CASE("drill: a display key subscribing to 2,000 invented 60 kB topics — the hub keeps none "
          "of them and stays small, the stations are served meanwhile") {
  DrillAgency agency(drill_programs(), "pcn-drill-subscriptions");
  auto hub = agency.start_hub();
  ClientLoop kiosk(agency.client_options("kiosk"), ClientLoop::Kind::taker);
  REQUIRE(wait_until([&] { return kiosk.successes() >= 5; }, 30s));
  const long before = resident_kib(hub->pid());

  const client::ClientOptions display = agency.client_options("display");
  zmq::context_t context;
  zmq::socket_t flood(context, zmq::socket_type::sub);
  flood.set(zmq::sockopt::linger, 0);
  REQUIRE(net::make_curve_client(flood, display.key, display.hub_public).ok());
  flood.connect(display.event_endpoint);
  for (int i = 0; i < 2000; ++i) {
    std::string topic = std::to_string(i) + ":" + std::string(60 * 1000, static_cast<char>('a' + i % 26));
    flood.set(zmq::sockopt::subscribe, topic);
  }
  const int base = kiosk.successes();
  // the kiosk keeps being served while the hub reads them
  CHECK(wait_until([&] { return kiosk.successes() >= base + 20; }, 30s));
  std::this_thread::sleep_for(2s);
  const long after = resident_kib(hub->pid());
  MESSAGE("hub memory: " << before << " KiB before 2,000 subscriptions of 60 kB, " << after
                         << " KiB after");
  CHECK(after < 64 * 1024);
  CHECK(after < before + 16 * 1024);
  // invented topics at the limit (their sender may be cut: CURVE adds 33 bytes to the frame)
  zmq::socket_t small(context, zmq::socket_type::sub);
  small.set(zmq::sockopt::linger, 0);
  REQUIRE(net::make_curve_client(small, display.key, display.hub_public).ok());
  small.connect(display.event_endpoint);
  for (int i = 0; i < 2000; ++i) {
    small.set(zmq::sockopt::subscribe, std::to_string(i) + ":" + std::string(480, static_cast<char>('a' + i % 26)));
  }
  const int small_base = kiosk.successes();
  CHECK(wait_until([&] { return kiosk.successes() >= small_base + 20; }, 30s));
  std::this_thread::sleep_for(2s);
  const long after_small = resident_kib(hub->pid());
  MESSAGE("hub memory after 2,000 more subscriptions of 480 bytes: " << after_small << " KiB");
  CHECK(after_small < 64 * 1024);
  // the real subscribers still get the feed: a display follows the kiosk's tickets
  auto follower = app::connect_live(agency.client_options("display"), 10s);
  CHECK(follower.ok());
  kiosk.finish("", 0, 0ms);
  CHECK(hub->stop() == 0);
}

TEST_CASE("drill: 2,000 snapshot requests whose replies are never read — the hub's memory stays "
          "small and the stations are served") {
  DrillAgency agency(drill_programs(), "pcn-drill-unread");
  auto hub = agency.start_hub();
  ClientLoop kiosk(agency.client_options("kiosk"), ClientLoop::Kind::taker);
  REQUIRE(wait_until([&] { return kiosk.successes() >= 200; }, 60s));  // a day with some tickets
  const long before = resident_kib(hub->pid());
  const client::ClientOptions display = agency.client_options("display");
  zmq::context_t context;
  zmq::socket_t greedy(context, zmq::socket_type::dealer);
  greedy.set(zmq::sockopt::linger, 0);
  greedy.set(zmq::sockopt::rcvhwm, 1);  // it reads nothing: replies stay on the hub's side
  greedy.set(zmq::sockopt::sndhwm, 0);
  REQUIRE(net::make_curve_client(greedy, display.key, display.hub_public).ok());
  greedy.connect(display.request_endpoint);
  for (int i = 1; i <= 2000; ++i) {
    const std::string request = R"({"v":1,"type":"snapshot","client":"avide/1","req":)" + std::to_string(i) + "}";
    greedy.send(zmq::buffer(request), zmq::send_flags::none);
  }
  const int base = kiosk.successes();
  CHECK(wait_until([&] { return kiosk.successes() >= base + 20; }, 30s));
  std::this_thread::sleep_for(2s);
  const long after = resident_kib(hub->pid());
  MESSAGE("hub memory: " << before << " KiB before 2,000 unread snapshots, " << after << " KiB after");
  CHECK(after < 64 * 1024);
  CHECK(after < before + 16 * 1024);
  kiosk.finish("", 0, 0ms);
  CHECK(hub->stop() == 0);
}
