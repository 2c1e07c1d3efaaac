// `agent-console report` against a real hub on a scripted day: the kiosk takes tickets and the
// agents call, finish, transfer and mark no-shows at known times on the hub's fake clock; the
// report read back over the protocol must give exactly the figures computed by hand below.
//
// Run with -s (doctest's --success) or PCN_SHOW_REPORT=1 to print the scripted day's report.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "agent-console/command_line.h"
#include "agent-console/report_command.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;

namespace {

constexpr const char* kAgency = "OPT Test — Point Conseil Numérique";

/// The refusal, for a failed check's message ("" when it succeeded: -s prints every message).
std::string why(const util::Result<protocol::Json>& r) {
  return r.ok() ? "" : r.error().to_string();
}

/// The config the hub fixture runs with (tests/support/engine_fixture.h): services C, F, N;
/// counters 1 (C F), 2 (C N), 3 (F); open 07:30–15:30 every day, in Nouméa.
config::AgencyConfig test_config() {
  auto rules = testing::test_rules();
  config::AgencyConfig c;
  c.id = "test";
  c.name = kAgency;
  c.services = rules.services;
  c.counters = rules.counters;
  c.hours = rules.hours;
  c.zone = rules.zone;
  return c;
}

/// Drives the hub through the day: every step at its local time on 23/11/2026.
class Day {
 public:
  explicit Day(testing::TestHub& hub)
      : hub_(hub),
        kiosk_(hub.client("kiosk", false)),
        agent_(hub.client("agent", false)),
        supervisor_(hub.client("supervisor", false)) {}

  void at(int h, int m) { hub_.clock().set(testing::noumea_time(2026, 11, 23, h, m)); }

  /// Takes a ticket; CHECKs that it got `label`.
  void take(const char* service, const char* label, bool priority = false) {
    auto r = kiosk_->request("take_ticket", {{"service", service}, {"priority", priority}});
    REQUIRE_MESSAGE(r.ok(), why(r));
    CHECK(r->at("ticket").at("label") == label);
  }

  /// Sends an agent's request for `counter`; CHECKs the ticket concerned is `label`.
  void act(const char* type, int counter, const char* label, const char* service = nullptr) {
    protocol::Json args{{"counter", counter}};
    if (service) args["service"] = service;
    auto r = agent_->request(type, args);
    REQUIRE_MESSAGE(r.ok(), type << ": " << why(r));
    CHECK(r->at("ticket").at("label") == label);
  }

  void close() {
    auto r = supervisor_->request("close_day");
    REQUIRE_MESSAGE(r.ok(), why(r));
    CHECK(r->at("closed") == 2);
  }

 private:
  testing::TestHub& hub_;
  std::unique_ptr<client::Client> kiosk_, agent_, supervisor_;
};

// The scripted day, Monday 23/11/2026, local time in Nouméa (UTC+11):
//
//  07:40 C-001  07:45 F-001  07:50 C-002 (priority)  08:05 N-001  08:10 C-003  08:20 F-002
//  09:10 N-002  10:00 C-004  14:00 F-003
//  counter 1: 07:55 calls C-002 (priority first), 08:15 finishes it; 08:16 calls C-003,
//             08:18 no-show (back in line), 08:19 calls C-003 again, 08:21 no-show → absent.
//  counter 3: 08:00 calls F-001, 08:25 transfers it to C (placed by its issue time, 07:45);
//             08:26 calls F-002, 08:50 finishes it.
//  counter 2: 08:07 calls C-001, 08:30 finishes; 08:31 calls F-001 (now C), 09:00 finishes;
//             09:01 calls N-001, 09:30 finishes; 09:35 calls N-002, 10:21 finishes.
//  15:30 the supervisor closes the day: C-004 and F-003 were still waiting → not served.
void play_the_day(testing::TestHub& hub) {
  Day d(hub);
  // clang-format off
  d.at(7, 40); d.take("C", "C-001");
  d.at(7, 45); d.take("F", "F-001");
  d.at(7, 50); d.take("C", "C-002", true);
  d.at(7, 55); d.act("call_next", 1, "C-002");
  d.at(8, 0);  d.act("call_next", 3, "F-001");
  d.at(8, 5);  d.take("N", "N-001");
  d.at(8, 7);  d.act("call_next", 2, "C-001");
  d.at(8, 10); d.take("C", "C-003");
  d.at(8, 15); d.act("finish", 1, "C-002");
  d.at(8, 16); d.act("call_next", 1, "C-003");
  d.at(8, 18); d.act("no_show", 1, "C-003");
  d.at(8, 19); d.act("call_next", 1, "C-003");
  d.at(8, 20); d.take("F", "F-002");
  d.at(8, 21); d.act("no_show", 1, "C-003");
  d.at(8, 25); d.act("transfer", 3, "F-001", "C");
  d.at(8, 26); d.act("call_next", 3, "F-002");
  d.at(8, 30); d.act("finish", 2, "C-001");
  d.at(8, 31); d.act("call_next", 2, "F-001");
  d.at(8, 50); d.act("finish", 3, "F-002");
  d.at(9, 0);  d.act("finish", 2, "F-001");
  d.at(9, 1);  d.act("call_next", 2, "N-001");
  d.at(9, 10); d.take("N", "N-002");
  d.at(9, 30); d.act("finish", 2, "N-001");
  d.at(9, 35); d.act("call_next", 2, "N-002");
  d.at(10, 0); d.take("C", "C-004");
  d.at(10, 21); d.act("finish", 2, "N-002");
  d.at(14, 0); d.take("F", "F-003");
  d.at(15, 30); d.close();
  // clang-format on
}

// Hand computation (tickets count for the service they ended in; times of served tickets):
//  C: C-001, C-002 (priority), C-003 (absent), C-004 (not served), F-001 (transferred in)
//     → 5 tickets, 3 served, 1 absent, 1 not served.
//     waits: C-002 5 min, C-001 27 min, F-001 07:45→08:31 46 min → mean 26, median (2nd) 27,
//     p90 (ceil 2.7 = 3rd) 46. At the counter: 20, 23, 29 min → mean 24, median 23, p90 29.
//  F: F-002 served, F-003 not served → 2 tickets. wait 6 min; at the counter 24 min.
//  N: N-001, N-002 served. waits 56 and 25 min → mean 40.5 (shown 41 min, CSV 40.50),
//     median (1st) 25, p90 (2nd) 56. At the counter 29 and 46 min → mean 37.5 (38 min, 37.50),
//     median 29, p90 46.
//  Total: 9 tickets, 6 served, 1 absent, 2 not served, 1 priority, 1 transferred.
//     waits 5, 6, 25, 27, 46, 56 → mean 165/6 = 27.5 (28 min, 27.50), median (3rd) 25,
//     p90 (ceil 5.4 = 6th) 56. At the counter 20, 23, 24, 29, 29, 46 → mean 171/6 = 28.5
//     (29 min, 28.50), median (3rd) 24, p90 (6th) 46.
//  Arrivals (local hours): 07 h 3, 08 h 3, 09 h 1, 10 h 1, 14 h 1; shown 07 h to 15 h (open).
//  Counters, over 8 h (480 min) open: 1 served C-002 (20 min) + absent C-003 (08:19→08:21, 2 min)
//     = 22 min, 4.58 % → "5 %"; 2 served C-001, F-001, N-001, N-002 = 23 + 29 + 29 + 46 = 127 min
//     ("2 h 07"), 26.46 % → "26 %"; 3 served F-002 = 24 min, 5 %. (F-001's 25 minutes at
//     counter 3 before its transfer are not a finished visit and count for nobody.)
const char* const kExpectedText = R"(Rapport de fréquentation — OPT Test — Point Conseil Numérique
Journée du 23/11/2026
Temps d’ouverture : 8 h 00

Tickets par service
Service                       Tickets  Servis  Absents  Non servis
──────────────────────────────────────────────────────────────────
CAFAT                               5       3        1           1
Factures EEC / Enercal / CDE        2       1        0           1
Identité numérique                  2       2        0           0
──────────────────────────────────────────────────────────────────
Total                               9       6        1           2
Absents : appelés sans se présenter. Non servis : encore en attente à la fermeture.
Sur 9 tickets : 1 prioritaire, 1 transféré (comptés dans le service où ils ont fini).

Temps par service (tickets servis)
                                      Attente                  Au guichet
Service                       moyenne  médiane    90 %  moyenne  médiane    90 %
────────────────────────────────────────────────────────────────────────────────
CAFAT                          26 min   27 min  46 min   24 min   23 min  29 min
Factures EEC / Enercal / CDE    6 min    6 min   6 min   24 min   24 min  24 min
Identité numérique             41 min   25 min  56 min   38 min   29 min  46 min
────────────────────────────────────────────────────────────────────────────────
Total                          28 min   25 min  56 min   29 min   24 min  46 min
Attente : de la prise du ticket à l’appel. Au guichet : de l’appel à la fin du service.
90 % : neuf visiteurs sur dix ont attendu (ou sont restés au guichet) au plus ce temps.

Arrivées par heure
Heure        Arrivées
─────────────────────────────────────────────────────
07 h – 08 h         3  ██████████████████████████████
08 h – 09 h         3  ██████████████████████████████
09 h – 10 h         1  ██████████
10 h – 11 h         1  ██████████
11 h – 12 h         0
12 h – 13 h         0
13 h – 14 h         0
14 h – 15 h         1  ██████████
15 h – 16 h         0

Guichets
Guichet    Servis  Absents  Temps occupé  Occupation
────────────────────────────────────────────────────
Guichet 1       1        1        22 min         5 %
Guichet 2       4        0        2 h 07        26 %
Guichet 3       1        0        24 min         5 %
Occupation : temps passé avec un visiteur (servi ou absent), rapporté au temps d’ouverture.
)";

const char* const kExpectedCsv =
    "Rapport\r\n"
    "Agence,OPT Test — Point Conseil Numérique\r\n"
    "Du,2026-11-23\r\n"
    "Au,2026-11-23\r\n"
    "Temps d’ouverture (min),480.00\r\n"
    "\r\n"
    "Tickets par service\r\n"
    "Préfixe,Service,Tickets,Servis,Absents,Non servis,En cours,Prioritaires,Transférés,"
    "Attente moyenne (min),Attente médiane (min),Attente 90 % (min),Temps au guichet moyen (min),"
    "Temps au guichet médian (min),Temps au guichet 90 % (min)\r\n"
    "C,CAFAT,5,3,1,1,0,1,1,26.00,27.00,46.00,24.00,23.00,29.00\r\n"
    "F,Factures EEC / Enercal / CDE,2,1,0,1,0,0,0,6.00,6.00,6.00,24.00,24.00,24.00\r\n"
    "N,Identité numérique,2,2,0,0,0,0,0,40.50,25.00,56.00,37.50,29.00,46.00\r\n"
    "*,Total,9,6,1,2,0,1,1,27.50,25.00,56.00,28.50,24.00,46.00\r\n"
    "\r\n"
    "Guichets\r\n"
    "Numéro,Guichet,Servis,Absents,Temps occupé (min),Occupation (%)\r\n"
    "1,Guichet 1,1,1,22.00,4.6\r\n"
    "2,Guichet 2,4,0,127.00,26.5\r\n"
    "3,Guichet 3,1,0,24.00,5.0\r\n"
    "\r\n"
    "Arrivées par heure\r\n"
    "Heure (début),Arrivées\r\n"
    "0,0\r\n1,0\r\n2,0\r\n3,0\r\n4,0\r\n5,0\r\n6,0\r\n7,3\r\n8,3\r\n9,1\r\n10,1\r\n11,0\r\n"
    "12,0\r\n13,0\r\n14,1\r\n15,0\r\n16,0\r\n17,0\r\n18,0\r\n19,0\r\n20,0\r\n21,0\r\n22,0\r\n"
    "23,0\r\n";

bool show_report() {
  return std::getenv("PCN_SHOW_REPORT") != nullptr || doctest::getContextOptions()->success;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Runs agent-console's command line with its output captured.
struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CommandRun run_command(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  int code = agent_console::run_command_line(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return {code, out.str(), err.str()};
}

std::string port_of(const std::string& endpoint) {
  return endpoint.substr(endpoint.rfind(':') + 1);
}

/// An agency file for the hub under test: its services, counters, hours, ports and keys.
std::filesystem::path write_config(const testing::TestHub& hub) {
  auto path = hub.dir() / "agence.toml";
  std::ofstream f(path);
  f << "[agency]\nid = \"test\"\nname = \"" << kAgency << "\"\ntimezone = \"Pacific/Noumea\"\n"
    << "[hours]\n";
  for (const char* day :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
    f << day << " = \"07:30-15:30\"\n";
  }
  f << "[[services]]\nprefix = \"C\"\ncode = \"cafat\"\nlabel = \"CAFAT\"\ncolour = \"#0072BC\"\n"
    << "[[services]]\nprefix = \"F\"\ncode = \"factures\"\n"
    << "label = \"Factures EEC / Enercal / CDE\"\ncolour = \"#F39200\"\n"
    << "[[services]]\nprefix = \"N\"\ncode = \"identite\"\nlabel = \"Identité numérique\"\n"
    << "colour = \"#009A44\"\n"
    << "[[counters]]\nnumber = 1\nlabel = \"Guichet 1\"\nservices = [\"C\", \"F\"]\n"
    << "[[counters]]\nnumber = 2\nlabel = \"Guichet 2\"\nservices = [\"C\", \"N\"]\n"
    << "[[counters]]\nnumber = 3\nlabel = \"Guichet 3\"\nservices = [\"F\"]\n"
    << "[network]\nhub = \"127.0.0.1\"\nrequest_port = " << port_of(hub.hub().request_endpoint())
    << "\nevent_port = " << port_of(hub.hub().event_endpoint()) << "\n"
    << "[keys]\nfolder = \"" << (hub.dir() / "keys").string() << "\"\n"
    << "[data]\nfolder = \"" << (hub.dir() / "data").string() << "\"\n";
  return path;
}

}  // namespace

TEST_CASE("agent_console::run_report on a scripted day prints the hand-computed figures") {
  testing::TestHub hub;
  hub.clock().set(testing::noumea_time(2026, 11, 23, 7, 30));
  hub.start();
  play_the_day(hub);

  auto csv_path = hub.dir() / "rapport.csv";
  agent_console::ReportRequest request{"2026-11-23", "", csv_path.string(), std::nullopt};
  std::ostringstream out, err;
  int code =
      agent_console::run_report(test_config(), hub.client_options("supervisor"), request, out, err);
  if (show_report()) {
    std::cout << "$ agent-console report --from 2026-11-23 --csv rapport.csv\n" << out.str();
  }
  CHECK(err.str().empty());
  REQUIRE(code == 0);
  CHECK(out.str() == std::string(kExpectedText) + "\n" +
                         "Chiffres enregistrés au format CSV dans « " + csv_path.string() +
                         " ».\n");
  CHECK(read_file(csv_path) == kExpectedCsv);
}

TEST_CASE("agent_console::run_report: test tickets change no figure, no number, no count") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto test_ticket = [&](int h, int m, const char* service) {
    hub.clock().set(testing::noumea_time(2026, 11, 23, h, m));
    auto r = kiosk->request("take_ticket", {{"service", service}, {"test", true}});
    REQUIRE_MESSAGE(r.ok(), why(r));
    CHECK(r->at("ticket").at("label") == "ESSAI");
  };
  test_ticket(6, 50, "C");  // the installer, before opening
  test_ticket(7, 35, "N");  // and once more, open: the day's N-001 is still N-001 (play_the_day)
  play_the_day(hub);
  auto before = kiosk->request("snapshot");
  REQUIRE_MESSAGE(before.ok(), why(before));
  test_ticket(20, 0, "F");
  test_ticket(20, 1, "C");
  auto after = kiosk->request("snapshot");
  REQUIRE_MESSAGE(after.ok(), why(after));
  CHECK(after->at("tickets") == before->at("tickets"));
  CHECK(after->at("loads") == before->at("loads"));
  CHECK(after->at("seq").get<int>() == before->at("seq").get<int>() + 2);

  agent_console::ReportRequest request{"2026-11-23", "", "", std::nullopt};
  std::ostringstream out, err;
  REQUIRE(agent_console::run_report(test_config(), hub.client_options("supervisor"), request, out,
                                    err) == 0);
  CHECK(err.str().empty());
  CHECK(out.str() == std::string(kExpectedText));  // the very figures of the day without them
}

TEST_CASE(
    "agent_console::run_report with an agent's key is refused: the supervisor's key is needed") {
  testing::TestHub hub;
  hub.start();
  agent_console::ReportRequest request{"2026-11-23", "2026-11-23", "", std::nullopt};
  std::ostringstream out, err;
  CHECK(agent_console::run_report(test_config(), hub.client_options("agent"), request, out, err) ==
        1);
  CHECK(out.str().empty());
  CHECK(err.str() ==
        "agent-console : Les chiffres sont réservés au superviseur : la clé utilisée n’y a pas "
        "droit. Relancez avec la clé du superviseur (--key supervisor).\n");
}

TEST_CASE("agent_console::run_report says the hub is unreachable and exits 1 when it is stopped") {
  testing::TestHub hub;
  hub.start();
  auto options = hub.client_options("supervisor");
  hub.stop();
  agent_console::ReportRequest request{"2026-11-23", "", "", std::nullopt};
  std::ostringstream out, err;
  CHECK(agent_console::run_report(test_config(), options, request, out, err) == 1);
  CHECK(out.str().empty());
  CHECK(err.str() == "agent-console : Le serveur de la file (" + options.request_endpoint +
                         ") ne répond pas : aucun chiffre n’a pu être lu. Vérifiez que le "
                         "serveur est démarré, le réseau et les clés du poste.\n");
}

TEST_CASE("agent_console::run_report refuses a bad date or a reversed range before connecting") {
  client::ClientOptions nowhere;
  nowhere.request_endpoint = "tcp://127.0.0.1:1";  // would be unreachable, and slow to say so
  auto run = [&](agent_console::ReportRequest r) {
    std::ostringstream out, err;
    int code = agent_console::run_report(test_config(), nowhere, r, out, err);
    CHECK(out.str().empty());
    return std::pair{code, err.str()};
  };
  CHECK(run({"23/11/2026", "", "", std::nullopt}) ==
        std::pair{2, std::string("agent-console : --from : date invalide « 23/11/2026 » "
                                 "(attendu AAAA-MM-JJ)\n")});
  CHECK(run({"2026-11-23", "2026-02-30", "", std::nullopt}) ==
        std::pair{2, std::string("agent-console : --to : date inexistante « 2026-02-30 »\n")});
  CHECK(run({"2026-11-25", "2026-11-23", "", std::nullopt}) ==
        std::pair{2, std::string("agent-console : Période à l’envers : le premier jour (--from "
                                 "2026-11-25) est après le dernier (--to 2026-11-23).\n")});
}

TEST_CASE("agent_console::report_dates defaults to today in Nouméa, not in UTC") {
  auto zone = util::TimeZone::noumea();
  auto evening_utc = testing::noumea_time(2026, 11, 24, 7, 30);  // 23/11 20:30 UTC
  auto today = agent_console::report_dates({}, zone, evening_utc);
  REQUIRE(today.ok());
  CHECK(today->from == util::LocalDate{2026, 11, 24});
  CHECK(today->to == util::LocalDate{2026, 11, 24});
  auto range = agent_console::report_dates({"2026-11-01", "2026-11-30", "", {}}, zone, evening_utc);
  REQUIRE(range.ok());
  CHECK(range->from == util::LocalDate{2026, 11, 1});
  CHECK(range->to == util::LocalDate{2026, 11, 30});
}

TEST_CASE("agent_console::fetch_tickets reads a long range in pieces the hub accepts") {
  testing::TestHub hub;
  hub.clock().set(testing::noumea_time(2026, 11, 23, 8, 0));
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  hub.clock().set(testing::noumea_time(2027, 1, 4, 8, 0));  // 42 days later
  REQUIRE(kiosk->request("take_ticket", {{"service", "F"}}).ok());
  auto supervisor = hub.client("supervisor", false);
  auto tickets = agent_console::fetch_tickets(*supervisor, {{2026, 11, 23}, {2027, 1, 4}});
  REQUIRE(tickets.ok());
  REQUIRE(tickets->size() == 2);
  CHECK((*tickets)[0].service == 'C');
  CHECK((*tickets)[1].service == 'F');
  CHECK((*tickets)[1].day == util::LocalDate{2027, 1, 4});
}

TEST_CASE("agent-console report uses the supervisor's key unless --key names another") {
  testing::TestHub hub;
  hub.clock().set(testing::noumea_time(2026, 11, 23, 7, 30));
  hub.start();
  play_the_day(hub);
  auto config = write_config(hub).string();
  auto csv = (hub.dir() / "jour.csv").string();

  auto ok = run_command({"agent-console", "--config", config, "report", "--from", "2026-11-23",
                         "--to", "2026-11-23", "--csv", csv});
  CHECK(ok.err.empty());
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find(kExpectedText) == 0);
  CHECK(read_file(csv) == kExpectedCsv);

  auto refused = run_command({"agent-console", "--config", config, "report", "--key", "agent"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.empty());
  CHECK(refused.err.find("réservés au superviseur") != std::string::npos);

  auto bad = run_command({"agent-console", "--config", config, "report", "--from", "demain"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "agent-console : --from : date invalide « demain » (attendu AAAA-MM-JJ)\n");
}
