// `agent-console report` against a real hub on a scripted day: the kiosk takes tickets and the
// agents call, finish (with the visits' outcomes), transfer, mark no-shows and record workshops
// at known times on the hub's fake clock; the report read back over the protocol must give
// exactly the figures computed by hand below, in text, JSON, CSV files and the workbook, and at
// 10:06 the busy share over the opening time elapsed by then.
//
// Run with -s (doctest's --success) or PCN_SHOW_REPORT=1 to print the scripted day's report.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "agent-console/command_line.h"
#include "agent-console/report_command.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "support/python_script.h"

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
    send(type, std::move(args), label);
  }

  /// Finishes the visit at `counter` with `outcome` (protocol: finish, args.outcome).
  void finish(int counter, const char* label, protocol::Json outcome) {
    send("finish", {{"counter", counter}, {"outcome", std::move(outcome)}}, label);
  }

  /// Records a workshop from `counter`.
  void workshop(int counter, const char* theme, int participants, int minutes) {
    auto r = agent_->request("record_workshop", {{"counter", counter},
                                                 {"theme", theme},
                                                 {"participants", participants},
                                                 {"minutes", minutes}});
    REQUIRE_MESSAGE(r.ok(), why(r));
  }

  void close() {
    auto r = supervisor_->request("close_day");
    REQUIRE_MESSAGE(r.ok(), why(r));
    CHECK(r->at("closed") == 2);
  }

 private:
  void send(const char* type, protocol::Json args, const char* label) {
    auto r = agent_->request(type, args);
    REQUIRE_MESSAGE(r.ok(), type << ": " << why(r));
    CHECK(r->at("ticket").at("label") == label);
  }

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
//  11:00 counter 3 records a workshop « Smartphone », 6 participants, 90 min; 13:00 counter 1
//  one « Messagerie », 4 participants, 60 min.
//  15:30 the supervisor closes the day: C-004 and F-003 were still waiting → not served.
// The outcomes recorded at each finish (codes of the default lists; a list not named: none):
//  C-002 partner cafat; theme social_sante; autonomy fait_a_la_place; result aboutie;
//        orientation aucune; first visit oui; age 70_plus; situation retraite; commune bourail;
//        equipment ordinateur_pcn.
//  C-001 cafat; social_sante + emploi; pas_a_pas; aboutie; aucune; non; 40_59; bourail;
//        smartphone_personne.
//  F-002 eec + enercal; energie_eau; un_peu_aide; piece_manquante; agence_partenaire; oui; 40_59;
//        bourail; smartphone_personne.
//  F-001 cde; energie_eau; fait_a_la_place; aboutie; aucune; non; 25_39; bourail; ordinateur_pcn.
//  N-001 finished with « Passer »: no outcome at all.
//  N-002 opt; identite_numerique + espace_en_ligne; autonome; a_poursuivre; autre_pcn;
//        non_demande; bourail; ordinateur_pcn.
protocol::Json outcome_of(const char* label) {
  using J = protocol::Json;
  const std::string l = label;
  if (l == "C-002") {
    return {{"partner", {"cafat"}},          {"theme", {"social_sante"}},
            {"autonomy", "fait_a_la_place"}, {"result", "aboutie"},
            {"orientation", "aucune"},       {"first_visit", "oui"},
            {"age_band", "70_plus"},         {"situation", "retraite"},
            {"commune", "bourail"},          {"equipment", "ordinateur_pcn"}};
  }
  if (l == "C-001") {
    return {{"partner", {"cafat"}},
            {"theme", {"social_sante", "emploi"}},
            {"autonomy", "pas_a_pas"},
            {"result", "aboutie"},
            {"orientation", "aucune"},
            {"first_visit", "non"},
            {"age_band", "40_59"},
            {"commune", "bourail"},
            {"equipment", "smartphone_personne"}};
  }
  if (l == "F-002") {
    return {{"partner", {"eec", "enercal"}},
            {"theme", {"energie_eau"}},
            {"autonomy", "un_peu_aide"},
            {"result", "piece_manquante"},
            {"orientation", "agence_partenaire"},
            {"first_visit", "oui"},
            {"age_band", "40_59"},
            {"commune", "bourail"},
            {"equipment", "smartphone_personne"}};
  }
  if (l == "F-001") {
    return {{"partner", {"cde"}},  {"theme", {"energie_eau"}}, {"autonomy", "fait_a_la_place"},
            {"result", "aboutie"}, {"orientation", "aucune"},  {"first_visit", "non"},
            {"age_band", "25_39"}, {"commune", "bourail"},     {"equipment", "ordinateur_pcn"}};
  }
  if (l == "N-002") {
    return {{"partner", {"opt"}},         {"theme", {"identite_numerique", "espace_en_ligne"}},
            {"autonomy", "autonome"},     {"result", "a_poursuivre"},
            {"orientation", "autre_pcn"}, {"first_visit", "non_demande"},
            {"commune", "bourail"},       {"equipment", "ordinateur_pcn"}};
  }
  return J(nullptr);
}

/// Plays the day up to and including the steps at `until` (hh, mm), local time.
void play_the_day(testing::TestHub& hub, std::pair<int, int> until = {24, 0}) {
  Day d(hub);
  struct Step {
    int h, m;
    std::function<void()> run;
  };
  auto fin = [&](int counter, const char* label) { d.finish(counter, label, outcome_of(label)); };
  // clang-format off
  const std::vector<Step> steps{
      {7, 40, [&] { d.take("C", "C-001"); }},
      {7, 45, [&] { d.take("F", "F-001"); }},
      {7, 50, [&] { d.take("C", "C-002", true); }},
      {7, 55, [&] { d.act("call_next", 1, "C-002"); }},
      {8, 0,  [&] { d.act("call_next", 3, "F-001"); }},
      {8, 5,  [&] { d.take("N", "N-001"); }},
      {8, 7,  [&] { d.act("call_next", 2, "C-001"); }},
      {8, 10, [&] { d.take("C", "C-003"); }},
      {8, 15, [&] { fin(1, "C-002"); }},
      {8, 16, [&] { d.act("call_next", 1, "C-003"); }},
      {8, 18, [&] { d.act("no_show", 1, "C-003"); }},
      {8, 19, [&] { d.act("call_next", 1, "C-003"); }},
      {8, 20, [&] { d.take("F", "F-002"); }},
      {8, 21, [&] { d.act("no_show", 1, "C-003"); }},
      {8, 25, [&] { d.act("transfer", 3, "F-001", "C"); }},
      {8, 26, [&] { d.act("call_next", 3, "F-002"); }},
      {8, 30, [&] { fin(2, "C-001"); }},
      {8, 31, [&] { d.act("call_next", 2, "F-001"); }},
      {8, 50, [&] { fin(3, "F-002"); }},
      {9, 0,  [&] { fin(2, "F-001"); }},
      {9, 1,  [&] { d.act("call_next", 2, "N-001"); }},
      {9, 10, [&] { d.take("N", "N-002"); }},
      {9, 30, [&] { d.act("finish", 2, "N-001"); }},  // « Passer »: no outcome
      {9, 35, [&] { d.act("call_next", 2, "N-002"); }},
      {10, 0, [&] { d.take("C", "C-004"); }},
      {10, 21, [&] { fin(2, "N-002"); }},
      {11, 0, [&] { d.workshop(3, "smartphone", 6, 90); }},
      {13, 0, [&] { d.workshop(1, "messagerie", 4, 60); }},
      {14, 0, [&] { d.take("F", "F-003"); }},
      {15, 30, [&] { d.close(); }},
  };
  // clang-format on
  for (const Step& step : steps) {
    if (std::pair{step.h, step.m} > until) break;
    d.at(step.h, step.m);
    step.run();
  }
}

/// The instant the whole day's report is made: after the close, the same evening.
util::TimePoint evening() { return testing::noumea_time(2026, 11, 23, 18, 0); }

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
//     counter 3 before its transfer are not a finished visit and count for nobody.) The report
//     is made at 18:00, after the close: the whole 480 min have elapsed.
//  People not received: C-003 absent, 08:10 → its missed call 08:19 = 9 min; C-004 not served,
//     10:00 → the close 15:30 = 330 min; F-003 not served, 14:00 → 15:30 = 90 min.
//     C: 2 (1 absent, 1 not served), mean 169.5 → "2 h 50", median (1st) 9, p90 (2nd) 330
//     "5 h 30"; F: 1, 90 min "1 h 30"; N: nobody, "—". Total: 3, mean 429/3 = 143 "2 h 23",
//     median (2nd) 90 "1 h 30", p90 (ceil 2.7 = 3rd) 330.
//  Outcomes, over the 6 served visits (shares of 6: 1 → 17 %, 2 → 33 %, 3 → 50 %, 5 → 83 %);
//     N-001 has none, so every table has "non renseigné" ≥ 1:
//     partner cafat 2 (C-002, C-001), eec 1, enercal 1 (both F-002), cde 1 (F-001), opt 1
//     (N-002), non renseigné 1; theme social_sante 2, emploi 1, energie_eau 2,
//     identite_numerique 1, espace_en_ligne 1, non renseigné 1 (multi-valued: rows sum to 8);
//     autonomy fait_a_la_place 2 (C-002, F-001), pas_a_pas 1, un_peu_aide 1, autonome 1, n.r. 1;
//     result aboutie 3, piece_manquante 1, a_poursuivre 1, n.r. 1; orientation aucune 3,
//     agence_partenaire 1, autre_pcn 1, n.r. 1; first visit oui 2, non 2, non_demande 1, n.r. 1;
//     equipment ordinateur_pcn 3, smartphone_personne 2, n.r. 1.
//  Profile tables, counts 1 to 4 masked ("< 5"): age band 25–39 1 (F-001), 40–59 2 (C-001,
//     F-002), 70+ 1 (C-002) → three masked cells, nothing more; non renseigné 2 (N-001, N-002)
//     shown, 33 %. Situation: retraité 1 (C-002) alone is masked, and the other five visits are
//     "non renseigné" (5): shown, it would give the 1 away from the 6 served → masked too.
//     Commune: Bourail 5 (all but N-001), shown (83 %); non renseigné 1 (not a profile code).
//  Day by day (CSV, JSON): 23/11 9 tickets, 6 served, waits mean 27.5 and median 25, 6
//     accompaniments, autonomy recorded for 5, of which 2 « fait à la place » → 40 %.
//  Workshops: Messagerie 1, 4 participants, 60 min; Smartphone 1, 6, 90 min; total 2, 10,
//     150 min "2 h 30" (the text lists the themes that had workshops; CSV and JSON all).
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

Attente des personnes non reçues
                                                                                  Attente
Service                       Personnes  Absents  Non servis  En attente  moyenne  médiane    90 %
──────────────────────────────────────────────────────────────────────────────────────────────────
CAFAT                                 2        1           1           0   2 h 50    9 min  5 h 30
Factures EEC / Enercal / CDE          1        0           1           0   1 h 30   1 h 30  1 h 30
Identité numérique                    0        0           0           0        —        —       —
──────────────────────────────────────────────────────────────────────────────────────────────────
Total                                 3        1           2           0   2 h 23   1 h 30  5 h 30
Attente des absents : jusqu’à l’appel manqué ; des non servis : jusqu’à la fermeture.
En attente : personnes qui attendent encore, comptées jusqu’à maintenant.

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
Occupation : temps passé avec un visiteur, rapporté au temps d’ouverture écoulé.

Partenaire (visites servies)
Partenaire             Visites  Part
────────────────────────────────────
CAFAT                        2  33 %
EEC                          1  17 %
Enercal                      1  17 %
Calédonienne des eaux        1  17 %
SIC                          0   0 %
Province Sud                 0   0 %
DFIP                         0   0 %
OPT                          1  17 %
Gouvernement                 0   0 %
Autre                        0   0 %
non renseigné                1  17 %
Sur 6 visites servies.
Une visite compte pour chacun de ses choix : les lignes peuvent dépasser les visites.

Thème (visites servies)
Groupe     Thème                            Visites  Part
─────────────────────────────────────────────────────────
Démarches  Papiers et identité                    0   0 %
Démarches  Social-santé                           2  33 %
Démarches  Emploi                                 1  17 %
Démarches  Logement                               0   0 %
Démarches  Argent et impôts                       0   0 %
Démarches  Énergie et eau                         2  33 %
Démarches  Transports                             0   0 %
Démarches  Justice                                0   0 %
Démarches  Autre démarche                         0   0 %
Numérique  Messagerie                             0   0 %
Numérique  Smartphone                             0   0 %
Numérique  Sécurité et arnaques                   0   0 %
Numérique  Identité numérique                     1  17 %
Numérique  Espace en ligne et mot de passe        1  17 %
Numérique  Autre (numérique)                      0   0 %
           non renseigné                          1  17 %
Sur 6 visites servies.
Une visite compte pour chacun de ses choix : les lignes peuvent dépasser les visites.

Autonomie (visites servies)
Autonomie                                                   Visites  Part
─────────────────────────────────────────────────────────────────────────
Fait à la place par l’agent (avec l’accord de la personne)        2  33 %
Accompagné pas à pas                                              1  17 %
Autonome avec un peu d’aide                                       1  17 %
Autonome                                                          1  17 %
non renseigné                                                     1  17 %
Sur 6 visites servies.

Résultat (visites servies)
Résultat                       Visites  Part
────────────────────────────────────────────
Démarche aboutie                     3  50 %
Pièce manquante                      1  17 %
Service en ligne indisponible        0   0 %
À poursuivre                         1  17 %
non renseigné                        1  17 %
Sur 6 visites servies.

Orientation (visites servies)
Orientation           Visites  Part
───────────────────────────────────
Aucune                      3  50 %
Agence du partenaire        1  17 %
Travailleur social          0   0 %
Autre PCN                   1  17 %
Autre                       0   0 %
non renseigné               1  17 %
Sur 6 visites servies.

Première visite dans un PCN (visites servies)
Première visite dans un PCN  Visites  Part
──────────────────────────────────────────
Oui                                2  33 %
Non                                2  33 %
Non demandé                        1  17 %
non renseigné                      1  17 %
Sur 6 visites servies.

Tranche d’âge (visites servies)
Tranche d’âge    Visites  Part
──────────────────────────────
Moins de 18 ans        0   0 %
18–24 ans              0   0 %
25–39 ans            < 5     —
40–59 ans            < 5     —
60–69 ans              0   0 %
70 ans et plus       < 5     —
non renseigné          2  33 %
Sur 6 visites servies.
« < 5 » : moins de 5 visites, masqué pour que personne ne soit reconnaissable.
Une seule case masquée se déduirait du total : la plus petite autre l’est alors aussi.

Situation (visites servies)
Situation           Visites  Part
─────────────────────────────────
En emploi                 0   0 %
Demandeur d’emploi        0   0 %
Retraité                < 5     —
Étudiant                  0   0 %
Autre                     0   0 %
non renseigné           < 5     —
Sur 6 visites servies.
« < 5 » : moins de 5 visites, masqué pour que personne ne soit reconnaissable.
Une seule case masquée se déduirait du total : la plus petite autre l’est alors aussi.

Commune (visites servies)
Commune        Visites  Part
────────────────────────────
Païta                0   0 %
Bourail              5  83 %
Koné                 0   0 %
Koumac               0   0 %
Yaté                 0   0 %
Maré                 0   0 %
Nouméa               0   0 %
Dumbéa               0   0 %
Mont-Dore            0   0 %
Autre commune        0   0 %
non renseigné        1  17 %
Sur 6 visites servies.
« < 5 » : moins de 5 visites, masqué pour que personne ne soit reconnaissable.
Une seule case masquée se déduirait du total : la plus petite autre l’est alors aussi.

Équipement utilisé (visites servies)
Équipement utilisé         Visites  Part
────────────────────────────────────────
Ordinateur du PCN                3  50 %
Smartphone de la personne        2  33 %
Tablette                         0   0 %
Aucun                            0   0 %
non renseigné                    1  17 %
Sur 6 visites servies.

Ateliers collectifs
Thème       Ateliers  Participants   Durée
──────────────────────────────────────────
Messagerie         1             4  1 h 00
Smartphone         1             6  1 h 30
──────────────────────────────────────────
Total              2            10  2 h 30
)";

// The CSV files (folder tableaux/): BOM, ';', decimal comma, CRLF; figures as computed above.
const char* const kExpectedServicesCsv =
    "\xEF\xBB\xBF"
    "Préfixe;Service;Tickets;Servis;Absents;Non servis;En cours;Prioritaires;Transférés;"
    "Attente moyenne (min);Attente médiane (min);Attente 90 % (min);Temps au guichet moyen (min);"
    "Temps au guichet médian (min);Temps au guichet 90 % (min)\r\n"
    "C;CAFAT;5;3;1;1;0;1;1;26,00;27,00;46,00;24,00;23,00;29,00\r\n"
    "F;Factures EEC / Enercal / CDE;2;1;0;1;0;0;0;6,00;6,00;6,00;24,00;24,00;24,00\r\n"
    "N;Identité numérique;2;2;0;0;0;0;0;40,50;25,00;56,00;37,50;29,00;46,00\r\n"
    "*;Total;9;6;1;2;0;1;1;27,50;25,00;56,00;28,50;24,00;46,00\r\n";

const char* const kExpectedCountersCsv =
    "\xEF\xBB\xBF"
    "Numéro;Guichet;Servis;Absents;Temps occupé (min);Occupation (%)\r\n"
    "1;Guichet 1;1;1;22,00;4,6\r\n"
    "2;Guichet 2;4;0;127,00;26,5\r\n"
    "3;Guichet 3;1;0;24,00;5,0\r\n";

const char* const kExpectedNotReceivedCsv =
    "\xEF\xBB\xBF"
    "Préfixe;Service;Personnes;Absents;Non servis;En attente;Attente moyenne (min);"
    "Attente médiane (min);Attente 90 % (min)\r\n"
    "C;CAFAT;2;1;1;0;169,50;9,00;330,00\r\n"
    "F;Factures EEC / Enercal / CDE;1;0;1;0;90,00;90,00;90,00\r\n"
    "N;Identité numérique;0;0;0;0;;;\r\n"
    "*;Total;3;1;2;0;143,00;90,00;330,00\r\n";

const char* const kExpectedSituationCsv =
    "\xEF\xBB\xBF"
    "Code;Libellé;Visites;Part (%)\r\n"
    "en_emploi;En emploi;0;0,0\r\n"
    "demandeur_emploi;Demandeur d’emploi;0;0,0\r\n"
    "retraite;Retraité;< 5;\r\n"
    "etudiant;Étudiant;0;0,0\r\n"
    "autre;Autre;0;0,0\r\n"
    ";non renseigné;< 5;\r\n";

const char* const kExpectedDaysCsv =
    "\xEF\xBB\xBF"
    "Jour;Tickets;Servis;Attente moyenne (min);Attente médiane (min);Accompagnements;"
    "Autonomie renseignée;Fait à la place;Fait à la place (%)\r\n"
    "2026-11-23;9;6;27,50;25,00;6;5;2;40,0\r\n";

// The workbook as the test's openpyxl script prints it (whole numbers are read back as int, other
// numbers printed with two decimals; the cells hold the exact shares).
const char* const kExpectedWorkbookCells =
    "17 Rapport Ateliers collectifs\n"
    "Code;Libellé;Visites;Part (%)\n"
    "moins_18;Moins de 18 ans;0;0\n"
    "18_24;18–24 ans;0;0\n"
    "25_39;25–39 ans;< 5;\n"
    "40_59;40–59 ans;< 5;\n"
    "60_69;60–69 ans;0;0\n"
    "70_plus;70 ans et plus;< 5;\n"
    ";non renseigné;2;33.33\n"
    "Code;Libellé;Visites;Part (%)\n"
    "en_emploi;En emploi;0;0\n"
    "demandeur_emploi;Demandeur d’emploi;0;0\n"
    "retraite;Retraité;< 5;\n"
    "etudiant;Étudiant;0;0\n"
    "autre;Autre;0;0\n"
    ";non renseigné;< 5;\n"
    "26.46 40\n";

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

  const std::string folder = (hub.dir() / "tableaux").string() + "/";
  const std::string xlsx = (hub.dir() / "rapport.xlsx").string();
  agent_console::ReportRequest request{"2026-11-23", "", folder, evening(), false, xlsx};
  std::ostringstream out, err;
  int code =
      agent_console::run_report(test_config(), hub.client_options("supervisor"), request, out, err);
  if (show_report()) {
    std::cout << "$ agent-console report --from 2026-11-23 --csv tableaux/ --xlsx rapport.xlsx\n"
              << out.str();
  }
  CHECK(err.str().empty());
  REQUIRE(code == 0);
  CHECK(out.str() == std::string(kExpectedText) + "\n" +
                         "17 tableaux CSV enregistrés (« rapport.csv », …) dans « " +
                         folder.substr(0, folder.size() - 1) + " ».\n" +
                         "Classeur enregistré dans « " + xlsx + " ».\n");
  CHECK(read_file(folder + "tickets-par-service.csv") == kExpectedServicesCsv);
  CHECK(read_file(folder + "guichets.csv") == kExpectedCountersCsv);
  CHECK(read_file(folder + "attente-des-personnes-non-recues.csv") == kExpectedNotReceivedCsv);
  CHECK(read_file(folder + "situation.csv") == kExpectedSituationCsv);
  CHECK(read_file(folder + "jour-par-jour.csv") == kExpectedDaysCsv);
  CHECK(read_file(folder + "ateliers-collectifs.csv").find("\r\n*;Total;;2;10;150\r\n") !=
        std::string::npos);

  // The workbook, read back with openpyxl: one sheet per table, the same cells.
  const char* script = R"(import sys, openpyxl
def text(v):
    return "" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v)
book = openpyxl.load_workbook(sys.argv[1])
print(len(book.sheetnames), book.sheetnames[0], book.sheetnames[-1])
for name in ["Tranche d’âge", "Situation"]:
    for row in book[name].iter_rows(values_only=True):
        print(";".join(text(v) for v in row))
print(text(book["Guichets"]["F3"].value), text(book["Jour par jour"]["I2"].value))
)";
  CHECK(testing::run_python(hub.dir().path(), "read.py", script, xlsx) == kExpectedWorkbookCells);
}

TEST_CASE("agent_console::run_report --json prints one object with every table") {
  testing::TestHub hub;
  hub.clock().set(testing::noumea_time(2026, 11, 23, 7, 30));
  hub.start();
  play_the_day(hub);
  agent_console::ReportRequest request{"2026-11-23", "", "", evening(), true};
  std::ostringstream out, err;
  REQUIRE(agent_console::run_report(test_config(), hub.client_options("supervisor"), request, out,
                                    err) == 0);
  CHECK(err.str().empty());
  auto j = protocol::Json::parse(out.str());
  CHECK(j.at("agency") == kAgency);
  CHECK(j.at("opening_elapsed_min") == 480.0);
  CHECK(j.at("now") == "18:00");
  CHECK(j.at("files") == protocol::Json::array());
  const auto& t = j.at("tables");
  CHECK(t.size() == 16);
  const auto& total = t.at("services").at("rows").at(3);
  CHECK(total.at("prefix") == "*");
  CHECK(total.at("tickets") == 9);
  CHECK(total.at("wait_mean_min") == 27.5);
  CHECK(t.at("not_received").at("rows").at(3).at("wait_mean_min") == 143.0);
  CHECK(t.at("counters").at("rows").at(1).at("busy_share_pct") == 26.5);
  const auto& day = t.at("days").at("rows").at(0);
  CHECK(day.at("accompaniments") == 6);
  CHECK(day.at("autonomy_given") == 5);
  CHECK(day.at("done_for_them") == 2);
  CHECK(day.at("done_for_them_pct") == 40.0);
  const auto& age = t.at("age_band").at("rows");
  CHECK(age.at(2).at("visits") == "< 5");  // 25–39: 1
  CHECK(age.at(3).at("visits") == "< 5");  // 40–59: 2
  CHECK(age.at(5).at("visits") == "< 5");  // 70+: 1
  CHECK(age.at(6).at("visits") == 2);      // non renseigné
  const auto& situation = t.at("situation").at("rows");
  CHECK(situation.at(2).at("visits") == "< 5");  // retraité: 1
  CHECK(situation.at(5).at("visits") == "< 5");  // non renseigné (5), masked beside it
  CHECK(t.at("commune").at("rows").at(1).at("visits") == 5);  // Bourail: 5, shown
  CHECK(t.at("partner").at("rows").at(0).at("visits") == 2);
  CHECK(t.at("workshops").at("rows").back().at("participants") == 10);
}

TEST_CASE("agent_console::run_report at 10:06 gives the busy share of the elapsed opening time") {
  testing::TestHub hub;
  hub.clock().set(testing::noumea_time(2026, 11, 23, 7, 30));
  hub.start();
  play_the_day(hub, {10, 0});
  // At 10:06: 07:30 → 10:06 = 156 min of opening elapsed. Counter 2 served C-001 (23 min), F-001
  // (29) and N-001 (29) and has had N-002 since 09:35 (31): 112 min, 112 / 156 = 71.8 % → 72 %
  // (the try-out's report said 23 %, over the whole day's 480 min). Counter 1: 22 min → 14 %;
  // counter 3: 24 min → 15 %.
  // Not received: C-003 absent waited 08:10 → 08:19 = 9 min; C-004 waits since 10:00: 6 min →
  // CAFAT 2 people, mean 7.5 (8 min), median 6, p90 9; F, N: nobody.
  agent_console::ReportRequest request{"2026-11-23", "", "",
                                       testing::noumea_time(2026, 11, 23, 10, 6)};
  std::ostringstream out, err;
  REQUIRE(agent_console::run_report(test_config(), hub.client_options("supervisor"), request, out,
                                    err) == 0);
  std::string text = out.str();
  INFO(text);
  CHECK(text.find("\nTemps d’ouverture : 8 h 00, dont 2 h 36 écoulées à 10:06\n") !=
        std::string::npos);
  CHECK(text.find("\nGuichet 1       1        1        22 min        14 %\n") != std::string::npos);
  CHECK(text.find("\nGuichet 2       3        0        1 h 52        72 %\n") != std::string::npos);
  CHECK(text.find("\nGuichet 3       1        0        24 min        15 %\n") != std::string::npos);
  CHECK(text.find("\nCAFAT                                 2        1           0           1  "
                  "  8 min    6 min  9 min\n") != std::string::npos);
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

  agent_console::ReportRequest request{"2026-11-23", "", "", evening()};
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
  auto csv = (hub.dir() / "jour.csv").string();  // a prefix: jour-<table>.csv

  auto ok = run_command({"agent-console", "--config", config, "report", "--from", "2026-11-23",
                         "--to", "2026-11-23", "--csv", csv});
  CHECK(ok.err.empty());
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find(kExpectedText) == 0);
  CHECK(read_file(hub.dir() / "jour-tickets-par-service.csv") == kExpectedServicesCsv);
  CHECK(read_file(hub.dir() / "jour-situation.csv") == kExpectedSituationCsv);

  // --json after the subcommand (it was silently ignored before), with a workbook.
  auto xlsx = (hub.dir() / "jour.xlsx").string();
  auto json = run_command({"agent-console", "--config", config, "report", "--from", "2026-11-23",
                           "--json", "--xlsx", xlsx});
  CHECK(json.err.empty());
  CHECK(json.exit_code == 0);
  auto j = protocol::Json::parse(json.out);
  CHECK(j.at("tables").at("services").at("rows").at(3).at("served") == 6);
  CHECK(j.at("files") == protocol::Json::array({xlsx}));
  CHECK(std::filesystem::file_size(xlsx) > 1000);

  auto refused = run_command({"agent-console", "--config", config, "report", "--key", "agent"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.empty());
  CHECK(refused.err.find("réservés au superviseur") != std::string::npos);

  auto bad = run_command({"agent-console", "--config", config, "report", "--from", "demain"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "agent-console : --from : date invalide « demain » (attendu AAAA-MM-JJ)\n");
}
