// `agent-console --counter N ACTION` as main runs it (agent_console::run_action), against a real
// hub (CURVE, the agent's key, SQLite): what the agent reads, the exit codes, the JSON of --json,
// refusals that change nothing, and a hub that does not answer.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>
#include <vector>

#include <zmq.hpp>

#include "agent-console/action_command.h"
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
  Json json() const { return Json::parse(out); }
};

/// Runs `a` as the command line does, with the agency's services (test_rules) for the labels.
Run run(const client::ClientOptions& options, const CounterAction& a, bool json = false,
        const queue::ServiceList& services = testing::test_rules().services) {
  std::ostringstream out, err;
  Run r;
  r.code = agent_console::run_action(options, a, json, out, err, services);
  r.out = out.str();
  r.err = err.str();
  return r;
}

Run run(testing::TestHub& hub, const CounterAction& a, bool json = false) {
  return run(hub.client_options("agent"), a, json);
}

Run status(testing::TestHub& hub, std::optional<int> counter, bool json = false) {
  std::ostringstream out, err;
  Run r;
  r.code = agent_console::run_status_command(hub.client_options("agent"), counter, json, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

CounterAction act(Action a, int counter, char service = 'A', std::string number = "") {
  return CounterAction{a, counter, service, std::move(number)};
}

/// Takes one ticket per service, a minute apart (so the waiting order is plain).
void take(testing::TestHub& hub, std::initializer_list<const char*> services) {
  auto kiosk = hub.client("kiosk", false);
  for (const char* s : services) {
    auto r = kiosk->request("take_ticket", {{"service", s}});
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    hub.clock().advance(std::chrono::minutes(1));
  }
}

/// What the hub holds: its last event, tickets and counters (not its clock nor its boot id).
Json hub_state(testing::TestHub& hub) {
  auto agent = hub.client("agent", false);
  auto snapshot = agent->request("snapshot");
  REQUIRE_MESSAGE(snapshot.ok(), snapshot.error().to_string());
  return {{"seq", (*snapshot)["seq"]},
          {"tickets", (*snapshot)["tickets"]},
          {"counters", (*snapshot)["counters"]}};
}

std::string unreachable_text(const std::string& endpoint, int counter, const std::string& what) {
  return "Le serveur de la file (" + endpoint + ") n’a pas répondu : « " + what +
         " » n’a pas été fait au guichet " + std::to_string(counter) +
         " et rien n’a été modifié. Vérifiez le réseau, puis réessayez.";
}

}  // namespace

TEST_CASE("agent_console::run_action prints one French sentence per action and exits 0") {
  testing::TestHub hub;
  hub.start();
  take(hub, {"C", "C", "N"});

  auto check = [&](const CounterAction& a, const std::string& sentence) {
    Run r = run(hub, a);
    INFO(agent_console::command_word(a.action), " → ", r.err);
    CHECK(r.code == 0);
    CHECK(r.out == sentence + "\n");
    CHECK(r.err.empty());
  };
  check(act(Action::call_next, 1), "Guichet 1 : C-001 (CAFAT) appelé");
  check(act(Action::recall, 1), "Guichet 1 : C-001 rappelé (appel n° 2)");
  check(act(Action::no_show, 1), "Guichet 1 : C-001 absent, remis en fin de file");
  check(act(Action::call_number, 1, 'A', "c1"), "Guichet 1 : C-001 (CAFAT) appelé");
  check(act(Action::transfer, 1, 'F'), "Guichet 1 : C-001 envoyé vers Factures EEC / Enercal / CDE");
  check(act(Action::call_next, 2), "Guichet 2 : C-002 (CAFAT) appelé");
  check(act(Action::finish, 2), "Guichet 2 : C-002 terminé");
  check(act(Action::call_next, 3), "Guichet 3 : C-001 (Factures EEC / Enercal / CDE) appelé");
  check(act(Action::no_show, 3), "Guichet 3 : C-001 absent, ticket clôturé");
  check(act(Action::pause, 3), "Guichet 3 en pause");
  check(act(Action::resume, 3), "Guichet 3 : fin de la pause, les appels reprennent");
  check(act(Action::call_next, 2), "Guichet 2 : N-001 (Identité numérique) appelé");

  Json state = hub_state(hub);
  CHECK(state["seq"] == 15);  // 3 tickets taken, 12 actions: each one ran exactly once
}

TEST_CASE("agent_console::run_action --json writes one object with the ticket and the counter") {
  testing::TestHub hub;
  hub.start();
  take(hub, {"C", "N"});

  Run r = run(hub, act(Action::call_next, 2), true);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.back() == '\n');
  CHECK(r.out.find('\n') == r.out.size() - 1);  // one line
  Json j = r.json();
  CHECK(j["ok"] == true);
  CHECK(j["action"] == "call-next");
  CHECK(j["counter"] == 2);
  CHECK(j["message"] == "Guichet 2 : C-001 (CAFAT) appelé");
  CHECK(j["ticket"]["label"] == "C-001");
  CHECK(j["ticket"]["state"] == "called");
  CHECK(j["ticket"]["counter"] == 2);
  CHECK(j["ticket"]["calls"] == 1);
  CHECK(j["counter_state"]["number"] == 2);
  CHECK(j["counter_state"]["current"] == j["ticket"]["id"]);
  CHECK(j["seq"] == 3);

  j = run(hub, act(Action::transfer, 2, 'N'), true).json();
  CHECK(j["action"] == "transfer");
  CHECK(j["ticket"]["service"] == "N");
  CHECK(j["ticket"]["state"] == "waiting");
  CHECK(j["counter_state"]["current"].is_null());
  CHECK(j["message"] == "Guichet 2 : C-001 envoyé vers Identité numérique");

  j = run(hub, act(Action::call_number, 2, 'A', "N-001"), true).json();
  CHECK(j["action"] == "call");
  CHECK(j["ticket"]["label"] == "N-001");

  j = run(hub, act(Action::pause, 1), true).json();
  CHECK(j["ok"] == true);
  CHECK(j["action"] == "pause");
  CHECK(j["ticket"].is_null());
  CHECK(j["counter_state"]["paused"] == true);
  CHECK(j["message"] == "Guichet 1 en pause");
}

TEST_CASE("agent_console::run_action shows the hub's refusals, exits 1 and changes nothing") {
  testing::TestHub hub;
  hub.start();
  take(hub, {"C"});
  REQUIRE(run(hub, act(Action::call_next, 1)).code == 0);  // counter 1 serves C-001
  const Json before = hub_state(hub);

  struct Refusal {
    CounterAction action;
    std::string code;
    std::string message;
  };
  const std::vector<Refusal> refusals = {
      {act(Action::call_next, 2), "queue_empty",
       "Personne n’attend pour les services du guichet 2."},
      {act(Action::finish, 3), "no_ticket_at_counter", "Aucun ticket en cours au guichet 3."},
      {act(Action::call_next, 7), "unknown_counter", "Guichet inconnu : 7."},
      {act(Action::transfer, 1, 'Z'), "unknown_service", "Service inconnu : « Z »."},
      {act(Action::call_number, 2, 'A', "C-099"), "unknown_ticket",
       "Aucun ticket « C-099 » aujourd’hui."},
      {act(Action::pause, 1), "counter_busy",
       "Terminez d’abord le ticket C-001 en cours au guichet 1."},
      {act(Action::resume, 2), "counter_not_paused", "Le guichet 2 n’est pas en pause."},
  };
  for (const auto& refusal : refusals) {
    INFO(agent_console::command_word(refusal.action.action), " at ", refusal.action.counter);
    Run text = run(hub, refusal.action);
    CHECK(text.code == 1);
    CHECK(text.out.empty());
    CHECK(text.err == "agent-console : " + refusal.message + "\n");

    Run json = run(hub, refusal.action, true);
    CHECK(json.code == 1);
    CHECK(json.err.empty());
    Json j = json.json();
    CHECK(j["ok"] == false);
    CHECK(j["action"] == agent_console::command_word(refusal.action.action));
    CHECK(j["counter"] == refusal.action.counter);
    CHECK(j["error"]["code"] == refusal.code);
    CHECK(j["error"]["message"] == refusal.message);
  }
  CHECK(hub_state(hub) == before);
}

TEST_CASE("agent_console::run_action exits 4 when the hub does not answer, and nothing runs later") {
  testing::TestHub hub;
  hub.start();
  take(hub, {"C", "F"});
  const Json before = hub_state(hub);
  const auto options = hub.client_options("agent");
  hub.stop();

  Run text = run(options, act(Action::call_next, 1));
  CHECK(text.code == 4);
  CHECK(text.out.empty());
  CHECK(text.err == "agent-console : " +
                        unreachable_text(options.request_endpoint, 1, "appeler le suivant") +
                        "\n");

  Run json = run(options, act(Action::transfer, 1, 'F'), true);
  CHECK(json.code == 4);
  CHECK(json.err.empty());
  Json j = json.json();
  CHECK(j["ok"] == false);
  CHECK(j["error"]["code"] == "unreachable");
  CHECK(j["error"]["message"] ==
        unreachable_text(options.request_endpoint, 1,
                         "transférer vers Factures EEC / Enercal / CDE"));
  // Without the config's services, the service is named by its letter.
  Run bare = run(options, act(Action::transfer, 1, 'F'), false, {});
  CHECK(bare.code == 4);
  CHECK(bare.err.find("« transférer vers F » n’a pas été fait") != std::string::npos);

  hub.start();  // same file, same ports
  std::this_thread::sleep_for(1500ms);  // time for anything still in flight to arrive
  CHECK(hub_state(hub) == before);
}

TEST_CASE("agent_console::run_action sends an unanswered action with one number, never after") {
  // A hub that answers hello but swallows the action: the console must try it with the
  // same request number each time (so a hub would run it once), and nothing may arrive after
  // it gave up.
  zmq::context_t context;
  zmq::socket_t router(context, zmq::socket_type::router);
  router.set(zmq::sockopt::linger, 0);
  router.bind("tcp://127.0.0.1:*");
  client::ClientOptions options;
  options.name = "console-1";
  options.plaintext = true;
  options.request_endpoint = router.get(zmq::sockopt::last_endpoint);
  options.request_timeout = 300ms;
  options.retries = 3;

  std::vector<std::pair<std::string, std::int64_t>> actions;  // (type, req) of each frame
  std::atomic<bool> done{false};
  std::size_t frames_after_done = 0;
  std::thread fake_hub([&] {
    auto quiet_since = std::chrono::steady_clock::now();
    while (!done || std::chrono::steady_clock::now() - quiet_since < 1500ms) {
      if (!done) quiet_since = std::chrono::steady_clock::now();
      zmq::pollitem_t item{router.handle(), 0, ZMQ_POLLIN, 0};
      if (zmq::poll(&item, 1, 50ms) <= 0) continue;
      zmq::message_t id, body;
      if (!router.recv(id) || !router.recv(body)) continue;
      if (done) ++frames_after_done;
      auto request = protocol::parse_request(body.to_string_view());
      if (!request.ok()) continue;
      if (request.request->type == "hello") {
        std::string reply = protocol::reply_ok(request.request->req, Json::object());
        router.send(id, zmq::send_flags::sndmore);
        router.send(zmq::buffer(reply));
      } else {
        actions.emplace_back(request.request->type, request.request->req);
      }
    }
  });

  Run r = run(options, act(Action::finish, 1));
  done = true;
  fake_hub.join();
  CHECK(r.code == 4);
  CHECK(r.err.find("« terminer » n’a pas été fait au guichet 1") != std::string::npos);
  REQUIRE(actions.size() == 4);  // the first try and 3 retries
  for (const auto& [type, req] : actions) {
    CHECK(type == "finish");
    CHECK(req == actions.front().second);
  }
  CHECK(frames_after_done == 0);
}

TEST_CASE("agent_console::run_status_command prints the status, that counter's line first") {
  testing::TestHub hub;
  hub.start();
  take(hub, {"C", "C"});
  REQUIRE(run(hub, act(Action::call_next, 2)).code == 0);

  Run plain = status(hub, std::nullopt);
  CHECK(plain.code == 0);
  CHECK(plain.out.find("Agence : OPT Test — Point Conseil Numérique\n") == 0);
  CHECK(plain.out.find("\n  Guichet 2 : ouvert, sert C-001\n") != std::string::npos);

  Run first = status(hub, 2);
  CHECK(first.code == 0);
  CHECK(first.out == "Guichet 2 : ouvert, sert C-001\n\n" + plain.out);

  Run json = status(hub, 2, true);
  CHECK(json.code == 0);
  Json j = json.json();
  CHECK(j["ok"] == true);
  CHECK(j["action"] == "status");
  CHECK(j["counter"] == 2);
  CHECK(j["message"] == first.out);
  CHECK(j["snapshot"]["counters"].size() == 3);
  CHECK(j["snapshot"]["tickets"].size() == 2);

  Run unknown = status(hub, 9);
  CHECK(unknown.code == 1);
  CHECK(unknown.err == "agent-console : Guichet inconnu : 9.\n");
}

TEST_CASE("agent_console::run_status_command exits 4 with a French message without a hub") {
  testing::TestHub hub;
  hub.start();
  hub.stop();
  Run r = status(hub, std::nullopt);
  CHECK(r.code == 4);
  CHECK(r.out.empty());
  CHECK(r.err == "agent-console : Le serveur de la file (" +
                     hub.client_options("agent").request_endpoint +
                     ") ne répond pas après 2 s : vérifiez que la borne est allumée, le réseau et "
                     "les clés du poste.\n");
}
