// agent-console's `status` against a real hub (CURVE, the agent's key), and without one.
#include <doctest/doctest.h>

#include <sstream>

#include "agent-console/status_command.h"
#include "protocol/messages.h"
#include "support/hub_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;

namespace {

void take(client::Client& kiosk, const std::string& service) {
  auto r = kiosk.request("take_ticket", {{"service", service}});
  REQUIRE_MESSAGE(r.ok(), r.error().to_string());
}

void act(client::Client& agent, const std::string& type, protocol::Json args) {
  auto r = agent.request(type, std::move(args));
  REQUIRE_MESSAGE(r.ok(), r.error().to_string());
}

}  // namespace

TEST_CASE("agent_console::run_status prints every service's waiting count and every counter") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto agent = hub.client("agent", false);
  for (const char* s : {"C", "C", "C", "F"}) take(*kiosk, s);
  act(*agent, "update_counter", {{"counter", 1}, {"services", "CF"}, {"agent", "Marie"}});
  act(*agent, "call_next", {{"counter", 1}});
  act(*agent, "pause", {{"counter", 3}});

  std::ostringstream out, err;
  CHECK(agent_console::run_status(hub.client_options("agent"), out, err) == 0);
  std::string s = out.str();
  INFO(s);
  CHECK(err.str().empty());
  CHECK(s.find("Agence : OPT Test — Point Conseil Numérique\n") == 0);
  CHECK(s.find("\n  CAFAT : 2 en attente, entre ") != std::string::npos);
  CHECK(s.find("\n  Factures EEC / Enercal / CDE : 1 en attente, entre ") != std::string::npos);
  // N is served by counter 2, which calls the older C tickets first: a newcomer waits
  CHECK(s.find("\n  Identité numérique : 0 en attente, entre ") != std::string::npos);
  CHECK(s.find("\n  Guichet 1 (Marie) : ouvert, sert C-001\n") != std::string::npos);
  CHECK(s.find("\n  Guichet 2 : ouvert, aucun ticket en cours\n") != std::string::npos);
  CHECK(s.find("\n  Guichet 3 : en pause, aucun ticket en cours\n") != std::string::npos);
  CHECK(s.find("Services :\n") < s.find("Guichets :\n"));
}

TEST_CASE("agent_console::run_status says no counter is open for a service all paused") {
  testing::TestHub hub;
  hub.start();
  auto agent = hub.client("agent", false);
  act(*agent, "pause", {{"counter", 2}});  // the only counter for N

  std::ostringstream out, err;
  CHECK(agent_console::run_status(hub.client_options("agent"), out, err) == 0);
  CHECK(out.str().find(
            "  Identité numérique : 0 en attente, aucun guichet ouvert\n") !=
        std::string::npos);
}

TEST_CASE("agent_console::run_status exits 1 with a French message when the hub is unreachable") {
  testing::TestHub hub;
  hub.start();
  auto options = hub.client_options("agent");
  hub.stop();

  std::ostringstream out, err;
  CHECK(agent_console::run_status(options, out, err, 1s) == 1);
  CHECK(out.str().empty());
  CHECK(err.str() == "agent-console : Le serveur de la file (" + options.request_endpoint +
                         ") ne répond pas après 1 s : vérifiez que la borne est allumée, le "
                         "réseau et les clés du poste.\n");
}
