// agent-console's command line for counter actions: reading --counter, SERVICE and NUMBER
// against the agency's configuration, French messages for mistakes (exit 2, nothing sent), and
// the whole of run_command_line (argv → stdout, stderr, exit code) against a real hub.
#include <doctest/doctest.h>

#include "agent-console/action_command.h"
#include "agent-console/command_line.h"
#include "support/console_cli.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"

using namespace pcn;
using agent_console::Action;
using Json = protocol::Json;

namespace {

const auto kRules = testing::test_rules();
const std::string kServices = "C (CAFAT), F (Factures EEC / Enercal / CDE), N (Identité numérique)";

}  // namespace

TEST_CASE("agent_console::counter_argument takes a configured counter and names the others") {
  CHECK(*agent_console::counter_argument("2", kRules.counters) == 2);
  CHECK(*agent_console::counter_argument(" 3 ", kRules.counters) == 3);
  auto missing = agent_console::counter_argument("", kRules.counters);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "bad_command_line");
  CHECK(missing.error().message ==
        "indiquez le guichet avec --counter N (guichets de l’agence : 1, 2, 3)");
  auto words = agent_console::counter_argument("deux", kRules.counters);
  REQUIRE_FALSE(words.ok());
  CHECK(words.error().message ==
        "« deux » n’est pas un numéro de guichet : indiquez un nombre "
        "avec --counter (guichets de l’agence : 1, 2, 3)");
  CHECK_FALSE(agent_console::counter_argument("0", kRules.counters).ok());
  CHECK_FALSE(agent_console::counter_argument("2b", kRules.counters).ok());
  auto unknown = agent_console::counter_argument("7", kRules.counters);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message ==
        "le guichet 7 n’existe pas dans la configuration de l’agence (guichets : 1, 2, 3)");
}

TEST_CASE("agent_console::service_argument takes a letter, a label or a code, in any case") {
  auto is = [](const char* typed, char prefix) {
    auto s = agent_console::service_argument(typed, kRules.services);
    INFO(typed);
    REQUIRE(s.ok());
    CHECK(*s == prefix);
  };
  is("F", 'F');
  is("f", 'F');
  is("CAFAT", 'C');
  is("cafat", 'C');
  is("Identité numérique", 'N');
  is("IDENTITÉ NUMÉRIQUE", 'N');
  is(" identité numérique ", 'N');
  is("identite", 'N');  // the service's code
  is("factures eec / enercal / cde", 'F');

  auto unaccented = agent_console::service_argument("identite numerique", kRules.services);
  REQUIRE_FALSE(unaccented.ok());
  CHECK(unaccented.error().code == "bad_command_line");
  CHECK(unaccented.error().message ==
        "service inconnu « identite numerique » : indiquez sa lettre ou son libellé parmi " +
            kServices);
  CHECK_FALSE(agent_console::service_argument("Z", kRules.services).ok());
  auto none = agent_console::service_argument("", kRules.services);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message == "indiquez le service de destination : " + kServices);
}

TEST_CASE("agent_console::ticket_argument reads C-042, c42 and C 42 as C-042") {
  for (const char* typed : {"C-042", "c42", "C 42", " c-42 ", "C042"}) {
    auto label = agent_console::ticket_argument(typed);
    INFO(typed);
    REQUIRE(label.ok());
    CHECK(*label == "C-042");
  }
  auto bad = agent_console::ticket_argument("quarante");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message ==
        "« quarante » n’est pas un numéro de ticket : tapez p. ex. C-042, c42 ou « C 42 »");
  CHECK_FALSE(agent_console::ticket_argument("42").ok());
  CHECK(agent_console::ticket_argument("").error().message ==
        "indiquez le numéro du ticket à appeler, p. ex. C-042");
}

TEST_CASE("agent_console::counter_action_from joins the words of a label or a number") {
  auto transfer = agent_console::counter_action_from(
      Action::transfer, "2", {"Identité", "numérique"}, kRules.counters, kRules.services);
  REQUIRE(transfer.ok());
  CHECK(transfer->action == Action::transfer);
  CHECK(transfer->counter == 2);
  CHECK(transfer->service == 'N');
  auto call = agent_console::counter_action_from(Action::call_number, "1", {"c", "7"},
                                                 kRules.counters, kRules.services);
  REQUIRE(call.ok());
  CHECK(call->number == "C-007");
  auto no_counter =
      agent_console::counter_action_from(Action::pause, "", {}, kRules.counters, kRules.services);
  CHECK_FALSE(no_counter.ok());
}

TEST_CASE("agent-console's command line runs an action against the hub of its config") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  {
    auto kiosk = hub.client("kiosk", false);
    REQUIRE(kiosk->request("take_ticket", {{"service", "N"}}).ok());
  }

  auto called = testing::run_console_cli({"--config", config, "--counter", "2", "call-next"});
  CHECK(called.code == 0);
  CHECK(called.out == "Guichet 2 : N-001 (Identité numérique) appelé\n");
  CHECK(called.err.empty());

  // Options may follow the action; the service may be its label, in several words.
  auto moved = testing::run_console_cli(
      {"--config", config, "transfer", "cafat", "--counter", "2", "--json"});
  CHECK(moved.code == 0);
  Json j = Json::parse(moved.out);
  CHECK(j["message"] == "Guichet 2 : N-001 envoyé vers CAFAT");
  CHECK(j["ticket"]["service"] == "C");

  auto by_number =
      testing::run_console_cli({"--config", config, "--counter", "1", "call", "N", "1"});
  CHECK(by_number.code == 0);
  CHECK(by_number.out == "Guichet 1 : N-001 (CAFAT) appelé\n");

  auto empty = testing::run_console_cli({"--config", config, "--counter", "3", "call-next"});
  CHECK(empty.code == 1);
  CHECK(empty.err == "agent-console : Personne n’attend pour les services du guichet 3.\n");

  auto status = testing::run_console_cli({"--config", config, "--counter", "1", "status"});
  CHECK(status.code == 0);
  CHECK(status.out.find("Guichet 1 : ouvert, sert N-001\n\nAgence : ") == 0);
}

TEST_CASE("agent-console's command line refuses mistakes in French, exits 2, sends nothing") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  auto seq = [&] {
    auto agent = hub.client("agent", false);
    auto hello = agent->request("hello");
    REQUIRE(hello.ok());
    return (*hello)["seq"].get<int>();
  };
  const int before = seq();

  auto refused = [&](std::vector<std::string> args, const std::string& message) {
    args.insert(args.begin(), {"--config", config});
    auto o = testing::run_console_cli(args);
    INFO(o.err);
    CHECK(o.code == 2);
    CHECK(o.out.empty());
    CHECK(o.err.find("agent-console : " + message) == 0);
  };
  refused({"call-next"}, "indiquez le guichet avec --counter N (guichets de l’agence : 1, 2, 3)");
  refused({"--counter", "9", "finish"},
          "le guichet 9 n’existe pas dans la configuration de l’agence (guichets : 1, 2, 3)");
  refused({"--counter", "un", "pause"}, "« un » n’est pas un numéro de guichet");
  refused({"--counter", "1", "transfer"}, "indiquez le service de destination : " + kServices);
  refused({"--counter", "1", "transfer", "Impôts"}, "service inconnu « Impôts »");
  refused({"--counter", "1", "call"}, "indiquez le numéro du ticket à appeler");
  refused({"--counter", "1", "call", "C-O42"}, "« C-O42 » n’est pas un numéro de ticket");
  refused({"--counter", "1", "appeler"},
          "commande ou argument inattendu : « appeler »\nAide : agent-console --help\n");
  refused({"--counter", "1", "finish", "now"}, "commande ou argument inattendu : « now »");
  refused({"finish", "--counter"}, "l’option --counter attend une valeur");
  refused({"--counter", "x", "status"}, "« x » n’est pas un numéro de guichet");

  auto json = testing::run_console_cli({"--config", config, "--json", "--counter", "9", "finish"});
  CHECK(json.code == 2);
  CHECK(json.err.empty());
  Json j = Json::parse(json.out);
  CHECK(j["ok"] == false);
  CHECK(j["action"] == "finish");
  CHECK(j["error"]["code"] == "bad_command_line");

  CHECK(seq() == before);
}

TEST_CASE("agent-console's command line: --counter N reprint NUMBER") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  {
    auto kiosk = hub.client("kiosk", false);
    REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  }
  auto done = testing::run_console_cli({"--config", config, "--counter", "2", "reprint", "C-001"});
  CHECK(done.code == 0);
  CHECK(done.out == "Réimpression du ticket C-001 demandée à la borne.\n");
  CHECK(done.err.empty());

  auto unknown =
      testing::run_console_cli({"--config", config, "--counter", "2", "reprint", "c", "42"});
  CHECK(unknown.code == 1);
  CHECK(unknown.out.empty());
  CHECK(unknown.err == "agent-console : Aucun ticket « C-042 » aujourd’hui.\n");

  for (const auto& [args, message] :
       {std::pair<std::vector<std::string>, std::string>{
            {"--counter", "2", "reprint"}, "indiquez le numéro du ticket à réimprimer"},
        {{"--counter", "2", "reprint", "C-O42"}, "« C-O42 » n’est pas un numéro de ticket"},
        {{"reprint", "C-001"}, "indiquez le guichet avec --counter N"}}) {
    std::vector<std::string> full = args;
    full.insert(full.begin(), {"--config", config});
    auto o = testing::run_console_cli(full);
    INFO(o.err);
    CHECK(o.code == 2);
    CHECK(o.out.empty());
    CHECK(o.err.find("agent-console : " + message) == 0);
  }
  auto agent = hub.client("agent", false);
  auto hello = agent->request("hello");
  REQUIRE(hello.ok());
  CHECK((*hello)["seq"] == 2);  // the ticket, then one reprint: the refusals sent nothing
}
