// `agent-console --counter N reprint NUMBER` (agent_console::run_action) and reprint_action, the
// function the console's window calls: against a real hub, the kiosk sees the reprint asked for.
#include <doctest/doctest.h>

#include <sstream>
#include <thread>

#include "agent-console/action_command.h"
#include "agent-console/counter_action.h"
#include "protocol/messages.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;
using agent_console::Action;
using agent_console::CounterAction;
using Json = protocol::Json;

namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run run(const client::ClientOptions& options, const CounterAction& a, bool json = false) {
  std::ostringstream out, err;
  Run r;
  r.code = agent_console::run_action(options, a, json, out, err, testing::test_rules().services);
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// The command line's reprint: the label as read by counter_action_from, the id left to resolve.
CounterAction reprint(int counter, const std::string& typed) {
  auto a = agent_console::counter_action_from(Action::reprint, std::to_string(counter), {typed},
                                              testing::test_rules().counters,
                                              testing::test_rules().services);
  REQUIRE_MESSAGE(a.ok(), a.error().to_string());
  return *a;
}

int hub_seq(testing::TestHub& hub) {
  auto agent = hub.client("agent", false);
  auto hello = agent->request("hello");
  REQUIRE(hello.ok());
  return (*hello)["seq"].get<int>();
}

/// A following kiosk client and the reprints it has seen (ticket id, counter).
struct KioskWatch {
  std::unique_ptr<client::Client> client;
  std::vector<std::pair<queue::TicketId, std::optional<int>>> reprints;

  explicit KioskWatch(testing::TestHub& hub) : client(hub.client("kiosk")) {
    REQUIRE(client->wait_live(5s));
    client->on_change([this](const queue::Change& c) {
      if (c.kind == queue::ChangeKind::reprint_requested) reprints.emplace_back(*c.ticket, c.counter);
    });
  }
  void pump_until(std::size_t count) {
    for (int i = 0; i < 250 && reprints.size() < count; ++i) client->pump(20ms);
  }
  queue::TicketId take(const char* service) {
    auto r = client->request("take_ticket", {{"service", service}});
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    return r->at("ticket").at("id").get<queue::TicketId>();
  }
};

}  // namespace

TEST_CASE("agent_console::run_action reprint C-001 asks the kiosk for today's C-001, exits 0") {
  testing::TestHub hub;
  hub.start();
  KioskWatch kiosk(hub);
  kiosk.take("N");
  const queue::TicketId c1 = kiosk.take("C");

  Run r = run(hub.client_options("agent"), reprint(2, "c1"));
  CHECK(r.code == 0);
  CHECK(r.out == "Réimpression du ticket C-001 demandée à la borne.\n");
  CHECK(r.err.empty());
  kiosk.pump_until(1);
  REQUIRE(kiosk.reprints.size() == 1);
  CHECK(kiosk.reprints[0].first == c1);
  CHECK(kiosk.reprints[0].second == 2);

  Run json = run(hub.client_options("agent"), reprint(3, "C-001"), true);
  CHECK(json.code == 0);
  Json j = Json::parse(json.out);
  CHECK(j["ok"] == true);
  CHECK(j["action"] == "reprint");
  CHECK(j["counter"] == 3);
  CHECK(j["message"] == "Réimpression du ticket C-001 demandée à la borne.");
  CHECK(j["ticket"]["id"] == c1);
  CHECK(j["seq"] == 4);
  kiosk.pump_until(2);
  REQUIRE(kiosk.reprints.size() == 2);
  CHECK(kiosk.reprints[1].second == 3);
}

TEST_CASE("agent_console::run_action reprint of a number not issued today exits 1, sends nothing") {
  testing::TestHub hub;
  hub.start();
  KioskWatch kiosk(hub);
  kiosk.take("C");
  const int before = hub_seq(hub);
  Run r = run(hub.client_options("agent"), reprint(1, "C-099"));
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "agent-console : Aucun ticket « C-099 » aujourd’hui.\n");
  Run json = run(hub.client_options("agent"), reprint(1, "F 1"), true);
  CHECK(json.code == 1);
  Json j = Json::parse(json.out);
  CHECK(j["error"]["code"] == "unknown_ticket");
  CHECK(j["error"]["message"] == "Aucun ticket « F-001 » aujourd’hui.");
  CHECK(hub_seq(hub) == before);

  // Yesterday's C-001 is not today's: after midnight the same label is refused.
  hub.clock().set(testing::noumea_time(2026, 11, 24, 8, 0));
  kiosk.take("N");  // the hub starts the new day
  Run old = run(hub.client_options("agent"), reprint(1, "C-001"));
  CHECK(old.code == 1);
  CHECK(old.err == "agent-console : Aucun ticket « C-001 » aujourd’hui.\n");
  kiosk.client->pump(200ms);
  CHECK(kiosk.reprints.empty());
}

TEST_CASE("agent_console::run_action reprint exits 4 when the hub does not answer") {
  testing::TestHub hub;
  hub.start();
  const auto options = hub.client_options("agent");
  hub.stop();
  Run r = run(options, reprint(2, "C-001"));
  CHECK(r.code == 4);
  CHECK(r.out.empty());
  CHECK(r.err == "agent-console : Le serveur de la file (" + options.request_endpoint +
                     ") n’a pas répondu : « faire réimprimer C-001 » n’a pas été fait au guichet "
                     "2 et rien n’a été modifié. Vérifiez le réseau, puis réessayez.\n");
}

TEST_CASE("agent_console::reprint_action finds today's ticket in a client's state") {
  testing::TestHub hub;
  hub.start();
  KioskWatch kiosk(hub);
  const queue::TicketId c1 = kiosk.take("C");
  kiosk.client->pump(100ms);

  auto a = agent_console::reprint_action(2, "c 1", kiosk.client->state());
  REQUIRE_MESSAGE(a.ok(), a.error().to_string());
  CHECK(a->action == Action::reprint);
  CHECK(a->counter == 2);
  CHECK(a->number == "C-001");
  CHECK(a->ticket == c1);
  auto spec = agent_console::request_for(*a);
  CHECK(spec.type == "reprint");
  CHECK(spec.args == Json{{"counter", 2}, {"ticket", c1}});

  auto missing = agent_console::reprint_action(2, "C-002", kiosk.client->state());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "unknown_ticket");
  CHECK(missing.error().message == "Aucun ticket « C-002 » aujourd’hui.");
  auto garbage = agent_console::reprint_action(2, "quarante-deux", kiosk.client->state());
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.error().code == "unknown_ticket");

  // The window sends the resolved action like the others, and says the same sentence.
  auto agent = hub.client("agent", false);
  auto reply = agent->request(spec.type, spec.args);
  REQUIRE_MESSAGE(reply.ok(), reply.error().to_string());
  CHECK(agent_console::describe_success(*a, *reply, kiosk.client->state()) ==
        "Réimpression du ticket C-001 demandée à la borne.");
  CHECK(agent_console::action_from_word("reprint") == Action::reprint);
  CHECK(agent_console::command_word(Action::reprint) == "reprint");
}
