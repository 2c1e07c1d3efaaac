// Drill: hostile traffic against the real hub process while a kiosk and an agent work. A client
// whose key is not on the allow-list is refused and the hub's log names its key; raw bytes that
// are not (or only look like) ZeroMQ on both the request and the event port are cut off at once,
// without the hub keeping any of them; the others are served all along, and the hub is still
// running at the end.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <vector>

#include "app/startup.h"
#include "net/curve_keys.h"
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
