// agent-console's command line for a visit's outcome against a real hub (CURVE, SQLite): finish
// with the outcome's options, call-next leaving it "non renseigné", `outcome NUMBER` correcting
// one of today's tickets, `outcome --list` (text and JSON, no hub), `workshop`; wrong codes are
// refused before anything is sent (exit 2, the hub's events unchanged).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "protocol/messages.h"
#include "queue/outcome.h"
#include "support/console_cli.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "text/catalog.h"

using namespace pcn;
using Json = protocol::Json;
using queue::OutcomeList;
using testing::run_console_cli;

namespace {

const std::string kToday = "2026-11-23";  // the TestHub's day

int hub_seq(testing::TestHub& hub) {
  auto agent = hub.client("agent", false);
  auto hello = agent->request("hello");
  REQUIRE_MESSAGE(hello.ok(), hello.error().to_string());
  return (*hello)["seq"].get<int>();
}

void take(testing::TestHub& hub, std::initializer_list<const char*> services) {
  auto kiosk = hub.client("kiosk", false);
  for (const char* s : services) {
    auto r = kiosk->request("take_ticket", {{"service", s}});
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    hub.clock().advance(std::chrono::minutes(1));
  }
}

/// Today's ticket `prefix`-`number` in the hub's snapshot (what screens see).
Json snapshot_ticket(testing::TestHub& hub, const std::string& prefix, int number) {
  auto agent = hub.client("agent", false);
  auto snapshot = agent->request("snapshot");
  REQUIRE_MESSAGE(snapshot.ok(), snapshot.error().to_string());
  for (const Json& t : (*snapshot)["tickets"]) {
    if (t["prefix"] == prefix && t["number"] == number) return t;
  }
  FAIL("no ticket " << prefix << number << " in the snapshot");
  return {};
}

/// The day's tickets and workshops as the hub's store has them (the `tickets` request).
Json stored_day(testing::TestHub& hub) {
  auto supervisor = hub.client("supervisor", false);
  auto day = supervisor->request("tickets", {{"from", kToday}, {"to", kToday}});
  REQUIRE_MESSAGE(day.ok(), day.error().to_string());
  return *day;
}

Json stored_ticket(testing::TestHub& hub, const std::string& prefix, int number) {
  const Json day = stored_day(hub);
  for (const Json& t : day["tickets"]) {
    if (t["prefix"] == prefix && t["number"] == number) return t;
  }
  FAIL("no ticket " << prefix << number << " in the store: " << day.dump());
  return {};
}

/// The command line's arguments choosing one valid code in every list (the last of each).
std::vector<std::string> every_list_option(const queue::OutcomeLists& lists) {
  std::vector<std::string> args;
  for (OutcomeList list : queue::kOutcomeLists) {
    args.push_back(queue::option_name(list));
    args.push_back(lists.choices(list).back().code);
  }
  return args;
}

std::string valid_codes(const queue::OutcomeLists& lists, OutcomeList list) {
  std::string all;
  for (const auto& c : lists.choices(list)) all += (all.empty() ? "" : ", ") + c.code;
  return all;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

TEST_CASE("agent-console --counter N finish with every list's option records the outcome") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  const auto lists = queue::OutcomeLists::defaults();
  take(hub, {"C", "N"});
  REQUIRE(run_console_cli({"--config", config, "--counter", "1", "call-next"}).code == 0);

  testing::CliRun done = run_console_cli(
      concat({"--config", config, "--counter", "1", "finish"}, every_list_option(lists)));
  CHECK(done.code == 0);
  CHECK(done.out == "Guichet 1 : C-001 terminé\n");
  CHECK(done.err.empty());

  for (const Json& ticket : {snapshot_ticket(hub, "C", 1), stored_ticket(hub, "C", 1)}) {
    CHECK(ticket["state"] == "done");
    const Json& outcome = ticket["outcome"];
    REQUIRE(outcome.is_object());
    for (OutcomeList list : queue::kOutcomeLists) {
      INFO(queue::to_string(list));
      const std::string code = lists.choices(list).back().code;
      if (queue::is_multiple(list)) {
        CHECK(outcome[std::string(queue::to_string(list))] == Json::array({code}));
      } else {
        CHECK(outcome[std::string(queue::to_string(list))] == code);
      }
    }
  }

  // Several partners and themes; the program's options (--counter, --json) anywhere.
  REQUIRE(run_console_cli({"--config", config, "--counter", "2", "call-next"}).code == 0);
  testing::CliRun json =
      run_console_cli({"--config", config, "finish", "--partner", "cafat", "--counter", "2",
                       "--partner", "CDE", "--theme", "identite_numerique", "--json", "--theme",
                       "messagerie", "--first-visit", "oui", "--autonomy", "pas_a_pas"});
  INFO(json.err);
  CHECK(json.code == 0);
  CHECK(json.err.empty());
  Json j = Json::parse(json.out);
  CHECK(j["ok"] == true);
  CHECK(j["action"] == "finish");
  CHECK(j["counter"] == 2);
  CHECK(j["message"] == "Guichet 2 : N-001 terminé");
  CHECK(j["ticket"]["outcome"]["partner"] == Json::array({"cafat", "cde"}));
  CHECK(j["ticket"]["outcome"]["theme"] == Json::array({"identite_numerique", "messagerie"}));
  CHECK(j["ticket"]["outcome"]["first_visit"] == "oui");
  CHECK(j["ticket"]["outcome"]["autonomy"] == "pas_a_pas");
  CHECK(j["ticket"]["outcome"]["result"].is_null());
  CHECK(stored_ticket(hub, "N", 1)["outcome"] == j["ticket"]["outcome"]);
}

TEST_CASE("agent-console finish without options and call-next leave the outcome non renseigné") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  take(hub, {"C", "C", "C"});
  REQUIRE(run_console_cli({"--config", config, "--counter", "1", "call-next"}).code == 0);
  testing::CliRun plain = run_console_cli({"--config", config, "--counter", "1", "finish"});
  CHECK(plain.code == 0);
  CHECK(plain.out == "Guichet 1 : C-001 terminé\n");
  CHECK(stored_ticket(hub, "C", 1)["state"] == "done");
  CHECK(stored_ticket(hub, "C", 1)["outcome"].is_null());

  // C-002 is still at the counter when the agent calls the next one: it is done, no outcome.
  REQUIRE(run_console_cli({"--config", config, "--counter", "1", "call-next"}).code == 0);
  testing::CliRun next = run_console_cli({"--config", config, "--counter", "1", "call-next"});
  CHECK(next.code == 0);
  CHECK(next.out == "Guichet 1 : C-003 (CAFAT) appelé\n");
  for (const Json& t : {snapshot_ticket(hub, "C", 2), stored_ticket(hub, "C", 2)}) {
    CHECK(t["state"] == "done");
    CHECK(t["outcome"].is_null());
  }
  CHECK(snapshot_ticket(hub, "C", 3)["state"] == "called");
}

TEST_CASE("agent-console refuses a wrong code in any list, exits 2 and sends nothing") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  const auto lists = queue::OutcomeLists::defaults();
  take(hub, {"C", "F"});
  REQUIRE(run_console_cli({"--config", config, "--counter", "1", "call-next"}).code == 0);
  REQUIRE(run_console_cli({"--config", config, "--counter", "3", "call-next"}).code == 0);
  REQUIRE(run_console_cli({"--config", config, "--counter", "3", "finish"}).code == 0);
  const int before = hub_seq(hub);
  const std::size_t tickets = stored_day(hub)["tickets"].size();

  for (OutcomeList list : queue::kOutcomeLists) {
    INFO(queue::to_string(list));
    const std::string expected =
        "agent-console : " + queue::option_name(list) + " (" +
        text::outcome_list_title(std::string(queue::to_string(list))) +
        ") : le code « faux_code » n’existe pas ; codes possibles : " + valid_codes(lists, list) +
        "\n";
    // finish, and the correction of F-001 (served), with and without a counter.
    for (std::vector<std::string> action :
         {std::vector<std::string>{"--counter", "1", "finish"},
          std::vector<std::string>{"outcome", "F-001"},
          std::vector<std::string>{"--counter", "3", "outcome", "F-001"}}) {
      testing::CliRun r = run_console_cli(
          concat(concat({"--config", config}, action), {queue::option_name(list), "faux_code"}));
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err == expected);
    }
    testing::CliRun json = run_console_cli({"--config", config, "--json", "--counter", "1",
                                            "finish", queue::option_name(list), "faux_code"});
    CHECK(json.code == 2);
    CHECK(json.err.empty());
    Json j = Json::parse(json.out);
    CHECK(j["ok"] == false);
    CHECK(j["action"] == "finish");
    CHECK(j["error"]["code"] == "bad_command_line");
    CHECK(j["error"]["message"] == expected.substr(16, expected.size() - 17));
  }
  // A single list's option twice; a code missing after its option; the workshop's theme.
  testing::CliRun twice = run_console_cli({"--config", config, "--counter", "1", "finish",
                                           "--result", "aboutie", "--result", "a_poursuivre"});
  CHECK(twice.code == 2);
  CHECK(twice.err ==
        "agent-console : --result (Résultat) : un seul code possible, plusieurs "
        "donnés (aboutie, a_poursuivre)\n");
  testing::CliRun missing =
      run_console_cli({"--config", config, "--counter", "1", "finish", "--partner"});
  CHECK(missing.code == 2);
  CHECK(missing.err.starts_with("agent-console : l’option --partner attend une valeur\n"));
  testing::CliRun theme =
      run_console_cli({"--config", config, "--counter", "1", "workshop", "--theme", "cuisine",
                       "--participants", "5", "--minutes", "60"});
  CHECK(theme.code == 2);
  CHECK(theme.err ==
        "agent-console : --theme (Thème) : le code « cuisine » n’existe pas ; codes "
        "possibles : " +
            valid_codes(lists, OutcomeList::theme) + "\n");

  CHECK(hub_seq(hub) == before);
  CHECK(stored_day(hub)["tickets"].size() == tickets);
  CHECK(stored_day(hub)["workshops"].empty());
  CHECK(snapshot_ticket(hub, "C", 1)["state"] == "called");  // still at counter 1
  CHECK(snapshot_ticket(hub, "F", 1)["outcome"].is_null());
}

TEST_CASE("agent-console outcome NUMBER corrects a served ticket of today") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  take(hub, {"C", "N"});
  REQUIRE(run_console_cli({"--config", config, "--counter", "1", "call-next"}).code == 0);
  REQUIRE(run_console_cli({"--config", config, "--counter", "1", "finish", "--partner", "cafat",
                           "--result", "piece_manquante"})
              .code == 0);

  // Without --counter: the request has no counter (the hub would refuse counter 0).
  testing::CliRun fixed = run_console_cli({"--config", config, "outcome", "c1", "--partner",
                                           "cafat", "--partner", "dfip", "--result", "aboutie"});
  CHECK(fixed.code == 0);
  CHECK(fixed.out == "Bilan du ticket C-001 corrigé.\n");
  CHECK(fixed.err.empty());
  for (const Json& t : {snapshot_ticket(hub, "C", 1), stored_ticket(hub, "C", 1)}) {
    CHECK(t["outcome"]["partner"] == Json::array({"cafat", "dfip"}));
    CHECK(t["outcome"]["result"] == "aboutie");
    CHECK(t["state"] == "done");
  }

  // With --counter and --json; the new outcome replaces the old one entirely.
  testing::CliRun json = run_console_cli({"--config", config, "--counter", "2", "--json", "outcome",
                                          "C", "1", "--autonomy", "autonome"});
  CHECK(json.code == 0);
  Json j = Json::parse(json.out);
  CHECK(j["ok"] == true);
  CHECK(j["action"] == "outcome");
  CHECK(j["counter"] == 2);
  CHECK(j["message"] == "Bilan du ticket C-001 corrigé.");
  CHECK(j["ticket"]["outcome"]["autonomy"] == "autonome");
  CHECK(j["ticket"]["outcome"]["partner"] == Json::array());
  CHECK(stored_ticket(hub, "C", 1)["outcome"] == j["ticket"]["outcome"]);
  testing::CliRun no_counter =
      run_console_cli({"--config", config, "--json", "outcome", "C-001", "--equipment", "aucun"});
  CHECK(no_counter.code == 0);
  CHECK(Json::parse(no_counter.out)["counter"].is_null());
}

TEST_CASE("agent-console outcome refuses a ticket not served, unknown or without a new outcome") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  take(hub, {"N"});
  const int before = hub_seq(hub);

  testing::CliRun waiting =
      run_console_cli({"--config", config, "outcome", "N-001", "--partner", "opt"});
  CHECK(waiting.code == 1);
  CHECK(waiting.out.empty());
  CHECK(waiting.err ==
        "agent-console : Le ticket N-001 n’a pas été reçu au guichet (en "
        "attente) : son bilan ne peut pas être noté.\n");
  testing::CliRun json = run_console_cli(
      {"--config", config, "--json", "--counter", "2", "outcome", "N-001", "--partner", "opt"});
  CHECK(json.code == 1);
  Json j = Json::parse(json.out);
  CHECK(j["ok"] == false);
  CHECK(j["action"] == "outcome");
  CHECK(j["counter"] == 2);
  CHECK(j["error"]["code"] == "ticket_not_served");

  testing::CliRun unknown =
      run_console_cli({"--config", config, "outcome", "N-042", "--partner", "opt"});
  CHECK(unknown.code == 1);
  CHECK(unknown.err == "agent-console : Aucun ticket « N-042 » aujourd’hui.\n");

  for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"outcome", "--partner", "opt"},
            "indiquez le numéro du ticket à corriger, p. ex. C-042 (ou --list pour voir les "
            "codes)"},
           {{"outcome", "N-001"},
            "indiquez le nouveau bilan (p. ex. --partner cafat --autonomy autonome) : il remplace "
            "l’ancien ; les codes : agent-console outcome --list"},
           {{"outcome", "N-O01", "--partner", "opt"}, "« N-O01 » n’est pas un numéro de ticket"},
           {{"--counter", "7", "outcome", "N-001", "--partner", "opt"},
            "le guichet 7 n’existe pas dans la configuration de l’agence"},
           {{"outcome", "--list", "N-001"},
            "--list affiche les codes : ne donnez avec lui ni numéro de ticket ni choix"}}) {
    testing::CliRun r = run_console_cli(concat({"--config", config}, args));
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("agent-console : " + message));
  }
  CHECK(hub_seq(hub) == before);  // the refusals sent nothing
  CHECK(snapshot_ticket(hub, "N", 1)["state"] == "waiting");
}

TEST_CASE("agent-console outcome --list prints the agency's codes without a hub") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  hub.stop();  // no hub: the lists come from the config

  testing::CliRun text = run_console_cli({"--config", config, "outcome", "--list"});
  CHECK(text.code == 0);
  CHECK(text.err.empty());
  CHECK(text.out.starts_with("Partenaire (--partner, un ou plusieurs codes)\n  cafat — CAFAT\n"));
  CHECK(text.out.find("  cde — Calédonienne des eaux\n") != std::string::npos);
  CHECK(text.out.find("Thème (--theme, un ou plusieurs codes)\n  Démarches\n    papiers — "
                      "Papiers et identité\n") != std::string::npos);
  CHECK(text.out.find("  Numérique\n    messagerie — Messagerie\n") != std::string::npos);
  CHECK(text.out.find("Tranche d’âge (--age-band, un code)\n  moins_18 — Moins de 18 ans\n") !=
        std::string::npos);
  CHECK(text.out.find("Commune (--commune, un code)\n  paita — Païta\n") != std::string::npos);

  testing::CliRun json = run_console_cli({"--config", config, "outcome", "--list", "--json"});
  CHECK(json.code == 0);
  CHECK(json.err.empty());
  CHECK(json.out.ends_with("}\n"));
  CHECK(json.out.find('\n') == json.out.size() - 1);  // one line, one object
  Json j = Json::parse(json.out);
  REQUIRE(j.is_object());
  CHECK(j.size() == 10);
  const auto lists = queue::OutcomeLists::defaults();
  for (OutcomeList list : queue::kOutcomeLists) {
    INFO(queue::to_string(list));
    const Json& choices = j[std::string(queue::to_string(list))];
    REQUIRE(choices.is_array());
    CHECK(choices.size() == lists.choices(list).size());
  }
  CHECK(json.out.starts_with(R"({"partner":[{"code":"cafat","label":"CAFAT"},)"));
  CHECK(json.out.find(R"("autonomy":)") > json.out.find(R"("theme":)"));
  CHECK(json.out.find(R"("equipment":)") > json.out.find(R"("commune":)"));
  CHECK(j["partner"][3] == Json{{"code", "cde"}, {"label", "Calédonienne des eaux"}});
  CHECK(j["theme"][0] ==
        Json{{"code", "papiers"}, {"label", "Papiers et identité"}, {"group", "Démarches"}});
  CHECK(j["autonomy"][0]["label"] == "Fait à la place par l’agent (avec l’accord de la personne)");
  CHECK(j["situation"][2]["label"] == "Retraité");
  CHECK(j["commune"][4] == Json{{"code", "yate"}, {"label", "Yaté"}});
  CHECK(j["equipment"][0]["label"] == "Ordinateur du PCN");
}

TEST_CASE("agent-console uses the config's own [outcome] partner list to list and to check") {
  testing::TestHub hub;
  queue::AgencyRules rules = testing::test_rules();
  rules.outcomes.choices(OutcomeList::partner) = {{"cafat", "CAFAT", ""},
                                                  {"mairie", "Mairie de Bourail", ""},
                                                  {"ccas", "Centre communal d’action sociale", ""}};
  hub.set_rules(rules);
  hub.start();
  const std::string config = testing::write_console_config(hub, R"(
[outcome]
partner = [
  { code = "cafat", label = "CAFAT" },
  { code = "mairie", label = "Mairie de Bourail" },
  { code = "ccas", label = "Centre communal d’action sociale" },
]
)");
  testing::CliRun list = run_console_cli({"--config", config, "outcome", "--list"});
  CHECK(list.code == 0);
  CHECK(
      list.out.starts_with("Partenaire (--partner, un ou plusieurs codes)\n"
                           "  cafat — CAFAT\n"
                           "  mairie — Mairie de Bourail\n"
                           "  ccas — Centre communal d’action sociale\n\n"
                           "Thème (--theme, un ou plusieurs codes)\n"));
  Json j = Json::parse(run_console_cli({"--config", config, "outcome", "--list", "--json"}).out);
  CHECK(j["partner"] ==
        Json::array({{{"code", "cafat"}, {"label", "CAFAT"}},
                     {{"code", "mairie"}, {"label", "Mairie de Bourail"}},
                     {{"code", "ccas"}, {"label", "Centre communal d’action sociale"}}}));
  CHECK(j["theme"].size() == queue::OutcomeLists::defaults().choices(OutcomeList::theme).size());

  take(hub, {"C"});
  REQUIRE(run_console_cli({"--config", config, "--counter", "1", "call-next"}).code == 0);
  const int before = hub_seq(hub);
  testing::CliRun gone =
      run_console_cli({"--config", config, "--counter", "1", "finish", "--partner", "dfip"});
  CHECK(gone.code == 2);
  CHECK(gone.err ==
        "agent-console : --partner (Partenaire) : le code « dfip » n’existe pas ; "
        "codes possibles : cafat, mairie, ccas\n");
  CHECK(hub_seq(hub) == before);
  testing::CliRun done = run_console_cli(
      {"--config", config, "--counter", "1", "finish", "--partner", "mairie", "--partner", "ccas"});
  CHECK(done.code == 0);
  CHECK(stored_ticket(hub, "C", 1)["outcome"]["partner"] == Json::array({"mairie", "ccas"}));
}

TEST_CASE("agent-console --counter N workshop records an atelier that the hub's day holds") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  testing::CliRun done =
      run_console_cli({"--config", config, "--counter", "2", "workshop", "--theme", "securite",
                       "--participants", "8", "--minutes", "90"});
  CHECK(done.code == 0);
  CHECK(done.out == "Atelier noté : 8 participants, 90 min.\n");
  CHECK(done.err.empty());

  hub.clock().advance(std::chrono::minutes(5));
  testing::CliRun json =
      run_console_cli({"--config", config, "--json", "workshop", "--counter", "3", "--theme",
                       "smartphone", "--participants", "1", "--minutes", "45"});
  CHECK(json.code == 0);
  Json j = Json::parse(json.out);
  CHECK(j["ok"] == true);
  CHECK(j["action"] == "workshop");
  CHECK(j["counter"] == 3);
  CHECK(j["message"] == "Atelier noté : 1 participant, 45 min.");
  CHECK(j["ticket"].is_null());
  CHECK(j["workshop"]["theme"] == "smartphone");
  CHECK(j["workshop"]["seq"] == j["seq"]);

  const Json workshops = stored_day(hub)["workshops"];
  REQUIRE(workshops.size() == 2);
  CHECK(workshops[0]["theme"] == "securite");
  CHECK(workshops[0]["participants"] == 8);
  CHECK(workshops[0]["minutes"] == 90);
  CHECK(workshops[0]["counter"] == 2);
  CHECK(workshops[0]["day"] == kToday);
  CHECK(workshops[1]["theme"] == "smartphone");
  CHECK(workshops[1]["counter"] == 3);
  CHECK(stored_day(hub)["tickets"].empty());  // no ticket for a workshop

  const int before = hub_seq(hub);
  for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"workshop", "--theme", "securite", "--participants", "8", "--minutes", "90"},
            "indiquez le guichet avec --counter N"},
           {{"--counter", "2", "workshop", "--participants", "8", "--minutes", "90"},
            "indiquez le thème de l’atelier avec --theme CODE (codes possibles : papiers,"},
           {{"--counter", "2", "workshop", "--theme", "securite", "--participants", "cent",
             "--minutes", "90"},
            "--participants : « cent » n’est pas un nombre entier"},
           {{"--counter", "2", "workshop", "--theme", "securite", "--participants", "8",
             "--minutes", "600"},
            "atelier : une durée de 600 minutes, elle doit aller de 5 à 480 minutes"},
           {{"--counter", "2", "workshop", "--theme", "securite", "--participants", "8"},
            "indiquez la durée de l’atelier en minutes avec --minutes N"}}) {
    testing::CliRun r = run_console_cli(concat({"--config", config}, args));
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("agent-console : " + message));
  }
  CHECK(hub_seq(hub) == before);
}

TEST_CASE("agent-console outcome without --counter says plainly when the hub does not answer") {
  testing::TestHub hub;
  hub.start();
  const std::string config = testing::write_console_config(hub);
  const std::string endpoint = hub.client_options("agent").request_endpoint;
  hub.stop();
  testing::CliRun r =
      run_console_cli({"--config", config, "outcome", "C-001", "--partner", "cafat"});
  CHECK(r.code == 4);
  CHECK(r.out.empty());
  CHECK(r.err == "agent-console : Le serveur de la file (" + endpoint +
                     ") n’a pas répondu : « corriger le bilan de C-001 » n’a pas été fait et "
                     "rien n’a été modifié. Vérifiez le réseau, puis réessayez.\n");
}
