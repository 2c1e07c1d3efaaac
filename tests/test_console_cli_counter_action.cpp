// agent_console's counter actions: the command words, the requests they become (docs/protocol.md)
// and the French sentences an agent reads, from replies shaped like the hub's.
#include <doctest/doctest.h>

#include "agent-console/counter_action.h"
#include "protocol/codec.h"
#include "support/engine_fixture.h"

using namespace pcn;
using agent_console::Action;
using agent_console::CounterAction;

namespace {

client::QueueState test_state() {
  client::QueueState state;
  auto rules = testing::test_rules();
  state.services = rules.services;
  for (const auto& c : rules.counters) state.counters[c.number] = c;
  return state;
}

queue::Ticket ticket(char prefix, int number, char service, queue::TicketState st, int calls) {
  queue::Ticket t;
  t.id = 1000 + number;
  t.day = util::LocalDate{2026, 11, 23};
  t.prefix = prefix;
  t.number = number;
  t.service = service;
  t.state = st;
  t.calls = calls;
  t.counter = st == queue::TicketState::called ? std::optional<int>(2) : std::nullopt;
  return t;
}

protocol::Json result_with(const queue::Ticket& t, int counter = 2) {
  queue::Counter c{counter, "Guichet " + std::to_string(counter), "CN", false, t.id, ""};
  return {{"ticket", protocol::encode(t)}, {"counter", protocol::encode(c)}, {"seq", 7}};
}

}  // namespace

TEST_CASE("agent_console::command_word and action_from_word name every action both ways") {
  for (Action a : {Action::call_next, Action::recall, Action::no_show, Action::finish,
                   Action::transfer, Action::call_number, Action::pause, Action::resume}) {
    auto back = agent_console::action_from_word(agent_console::command_word(a));
    REQUIRE(back.has_value());
    CHECK(*back == a);
  }
  CHECK(agent_console::command_word(Action::call_next) == "call-next");
  CHECK(agent_console::command_word(Action::no_show) == "no-show");
  CHECK(agent_console::command_word(Action::call_number) == "call");
  CHECK_FALSE(agent_console::action_from_word("status").has_value());
  CHECK_FALSE(agent_console::action_from_word("Call-Next").has_value());
}

TEST_CASE("agent_console::request_for gives the protocol's request type and arguments") {
  using J = protocol::Json;
  auto spec = agent_console::request_for({Action::call_next, 2, 'A', ""});
  CHECK(spec.type == "call_next");
  CHECK(spec.args == J{{"counter", 2}});
  spec = agent_console::request_for({Action::no_show, 3, 'A', ""});
  CHECK(spec.type == "no_show");
  CHECK(spec.args == J{{"counter", 3}});
  spec = agent_console::request_for({Action::transfer, 2, 'F', ""});
  CHECK(spec.type == "transfer");
  CHECK(spec.args == J{{"counter", 2}, {"service", "F"}});
  spec = agent_console::request_for({Action::call_number, 1, 'A', "C-042"});
  CHECK(spec.type == "call_ticket");
  CHECK(spec.args == J{{"counter", 1}, {"label", "C-042"}});
  for (auto [a, type] : {std::pair{Action::recall, "recall"}, {Action::finish, "finish"},
                         {Action::pause, "pause"}, {Action::resume, "resume"}}) {
    CHECK(agent_console::request_for({a, 1, 'A', ""}).type == type);
  }
}

TEST_CASE("agent_console::describe_success says what happened in French") {
  auto state = test_state();
  using queue::TicketState;
  auto called = ticket('C', 42, 'C', TicketState::called, 1);
  CHECK(agent_console::describe_success({Action::call_next, 2, 'A', ""}, result_with(called),
                                        state) == "Guichet 2 : C-042 (CAFAT) appelé");
  CHECK(agent_console::describe_success({Action::call_number, 2, 'A', "C-042"},
                                        result_with(called),
                                        state) == "Guichet 2 : C-042 (CAFAT) appelé");
  auto recalled = ticket('C', 42, 'C', TicketState::called, 2);
  CHECK(agent_console::describe_success({Action::recall, 2, 'A', ""}, result_with(recalled),
                                        state) == "Guichet 2 : C-042 rappelé (appel n° 2)");
  auto requeued = ticket('C', 42, 'C', TicketState::waiting, 1);
  CHECK(agent_console::describe_success({Action::no_show, 2, 'A', ""}, result_with(requeued),
                                        state) == "Guichet 2 : C-042 absent, remis en fin de file");
  auto absent = ticket('C', 42, 'C', TicketState::absent, 3);
  CHECK(agent_console::describe_success({Action::no_show, 2, 'A', ""}, result_with(absent),
                                        state) == "Guichet 2 : C-042 absent, ticket clôturé");
  auto done = ticket('C', 42, 'C', TicketState::done, 1);
  CHECK(agent_console::describe_success({Action::finish, 2, 'A', ""}, result_with(done), state) ==
        "Guichet 2 : C-042 terminé");
  auto moved = ticket('C', 42, 'N', TicketState::waiting, 1);
  CHECK(agent_console::describe_success({Action::transfer, 2, 'N', ""}, result_with(moved),
                                        state) == "Guichet 2 : C-042 envoyé vers Identité numérique");
  protocol::Json paused = {{"ticket", nullptr}, {"seq", 8}};
  CHECK(agent_console::describe_success({Action::pause, 3, 'A', ""}, paused, state) ==
        "Guichet 3 en pause");
  CHECK(agent_console::describe_success({Action::resume, 3, 'A', ""}, paused, state) ==
        "Guichet 3 : fin de la pause, les appels reprennent");
}

TEST_CASE("agent_console::describe_success uses prefixes and numbers when labels are unknown") {
  client::QueueState empty;
  auto moved = ticket('C', 7, 'F', queue::TicketState::waiting, 1);
  protocol::Json result = {{"ticket", protocol::encode(moved)}, {"seq", 3}};
  CHECK(agent_console::describe_success({Action::transfer, 4, 'F', ""}, result, empty) ==
        "Guichet 4 : C-007 envoyé vers F");
  CHECK(agent_console::describe_success({Action::finish, 4, 'A', ""}, protocol::Json::object(),
                                        empty) == "Guichet 4 : « terminer » fait");
}

TEST_CASE("agent_console::describe_failure passes the hub's reason and explains an unreachable hub") {
  CounterAction a{Action::call_next, 2, 'A', ""};
  util::Error refused{"queue_empty", "Personne n’attend pour les services du guichet 2."};
  CHECK(agent_console::describe_failure(a, refused) == refused.message);
  util::Error lost{"unreachable", "Le serveur de la file ne répond pas."};
  CHECK(agent_console::describe_failure(a, lost, "tcp://10.0.0.5:5555") ==
        "Le serveur de la file (tcp://10.0.0.5:5555) n’a pas répondu : « appeler le suivant » "
        "n’a pas été fait au guichet 2 et rien n’a été modifié. Vérifiez le réseau, puis "
        "réessayez.");
  CounterAction t{Action::transfer, 1, 'F', ""};
  CHECK(agent_console::describe_failure(t, lost, "", test_state()) ==
        "Le serveur de la file n’a pas répondu : « transférer vers Factures EEC / Enercal / CDE » "
        "n’a pas été fait au guichet 1 et rien n’a été modifié. Vérifiez le réseau, puis "
        "réessayez.");
}
