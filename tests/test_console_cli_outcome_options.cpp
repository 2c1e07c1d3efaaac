// Reading the outcome and workshop options of agent-console's command line against the agency's
// pick-lists (agent-console/outcome_options.h), and the text and JSON of `outcome --list`: pure.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "agent-console/action_command.h"
#include "agent-console/outcome_options.h"
#include "support/engine_fixture.h"
#include "text/catalog.h"

using namespace pcn;
using agent_console::OutcomeOptions;
using queue::OutcomeList;

namespace {

const auto kLists = queue::OutcomeLists::defaults();

std::string valid_codes(OutcomeList list) {
  std::string all;
  for (const auto& c : kLists.choices(list)) all += (all.empty() ? "" : ", ") + c.code;
  return all;
}

std::string title(OutcomeList list) {
  return text::outcome_list_title(std::string(queue::to_string(list)));
}

/// One valid code per list (the last of each, so that the order matters).
OutcomeOptions one_of_each() {
  OutcomeOptions o;
  for (OutcomeList list : queue::kOutcomeLists) {
    o.typed(list).push_back(kLists.choices(list).back().code);
  }
  return o;
}

std::string error_of(const OutcomeOptions& o) {
  auto outcome = agent_console::outcome_from(o, kLists);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.error().code == "bad_command_line");
  return outcome.error().message;
}

}  // namespace

TEST_CASE("agent_console::outcome_from gives the codes of every list") {
  auto outcome = agent_console::outcome_from(one_of_each(), kLists);
  REQUIRE_MESSAGE(outcome.ok(), outcome.error().to_string());
  REQUIRE(outcome->has_value());
  for (OutcomeList list : queue::kOutcomeLists) {
    INFO(queue::to_string(list));
    CHECK((*outcome)->codes(list) == std::vector<std::string>{kLists.choices(list).back().code});
  }
  CHECK(queue::check_outcome(**outcome, kLists).ok());

  OutcomeOptions several;
  several.typed(OutcomeList::partner) = {"cafat", "cde", "opt"};
  several.typed(OutcomeList::theme) = {"emploi", "messagerie"};
  several.typed(OutcomeList::first_visit) = {"Non-Demande"};  // read as non_demande
  several.typed(OutcomeList::age_band) = {" 70_plus "};
  auto chosen = agent_console::outcome_from(several, kLists);
  REQUIRE_MESSAGE(chosen.ok(), chosen.error().to_string());
  REQUIRE(chosen->has_value());
  CHECK((*chosen)->partner == std::vector<std::string>{"cafat", "cde", "opt"});
  CHECK((*chosen)->theme == std::vector<std::string>{"emploi", "messagerie"});
  CHECK((*chosen)->first_visit == "non_demande");
  CHECK((*chosen)->age_band == "70_plus");
  CHECK((*chosen)->autonomy.empty());
}

TEST_CASE("agent_console::outcome_from without any option is \"non renseigné\" (nullopt)") {
  auto outcome = agent_console::outcome_from(OutcomeOptions{}, kLists);
  REQUIRE(outcome.ok());
  CHECK_FALSE(outcome->has_value());
  CHECK(OutcomeOptions{}.empty());
  CHECK_FALSE(one_of_each().empty());
}

TEST_CASE("agent_console::outcome_from refuses an unknown code, listing the list's codes") {
  for (OutcomeList list : queue::kOutcomeLists) {
    INFO(queue::to_string(list));
    OutcomeOptions o = one_of_each();
    o.typed(list).push_back("inconnu");
    if (!queue::is_multiple(list)) o.typed(list) = {"inconnu"};
    CHECK(error_of(o) ==
          queue::option_name(list) + " (" + title(list) +
              ") : le code « inconnu » n’existe pas ; codes possibles : " + valid_codes(list));
  }
  OutcomeOptions o;
  o.typed(OutcomeList::partner) = {"cafat", "CDE", "Enercal ", "impots"};
  CHECK(error_of(o) ==
        "--partner (Partenaire) : le code « impots » n’existe pas ; codes possibles : cafat, eec, "
        "enercal, cde, sic, province_sud, dfip, opt, gouvernement, autre");
  OutcomeOptions accented;
  accented.typed(OutcomeList::commune) = {"Païta"};
  CHECK(
      error_of(accented).starts_with("--commune (Commune) : le code « Païta » n’existe pas ; "
                                     "codes possibles : paita, bourail,"));
}

TEST_CASE("agent_console::outcome_from refuses a single list's option given twice") {
  for (OutcomeList list : queue::kOutcomeLists) {
    if (queue::is_multiple(list)) continue;
    INFO(queue::to_string(list));
    OutcomeOptions o;
    const auto& choices = kLists.choices(list);
    o.typed(list) = {choices[0].code, choices[1].code};
    CHECK(error_of(o) == queue::option_name(list) + " (" + title(list) +
                             ") : un seul code possible, plusieurs donnés (" + choices[0].code +
                             ", " + choices[1].code + ")");
    o.typed(list) = {choices[0].code, choices[0].code};
    CHECK(error_of(o).find("un seul code possible") != std::string::npos);
  }
  OutcomeOptions twice;
  twice.typed(OutcomeList::theme) = {"emploi", "Emploi"};
  CHECK(error_of(twice) == "--theme (Thème) : le code « emploi » est donné deux fois");
}

TEST_CASE("agent_console::workshop_from reads theme, participants and minutes") {
  agent_console::WorkshopOptions typed{{"Messagerie"}, {"8"}, {" 90"}};
  auto w = agent_console::workshop_from(typed, kLists);
  REQUIRE_MESSAGE(w.ok(), w.error().to_string());
  CHECK(w->theme == "messagerie");
  CHECK(w->participants == 8);
  CHECK(w->minutes == 90);
  CHECK(queue::check_workshop(*w, kLists).ok());

  auto error = [](agent_console::WorkshopOptions o) {
    auto refused = agent_console::workshop_from(o, kLists);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "bad_command_line");
    return refused.error().message;
  };
  CHECK(error({{}, {"8"}, {"90"}}) ==
        "indiquez le thème de l’atelier avec --theme CODE (codes possibles : " +
            valid_codes(OutcomeList::theme) + ")");
  CHECK(error({{"cuisine"}, {"8"}, {"90"}}) ==
        "--theme (Thème) : le code « cuisine » n’existe pas ; codes possibles : " +
            valid_codes(OutcomeList::theme));
  CHECK(error({{"messagerie", "emploi"}, {"8"}, {"90"}}) ==
        "l’option --theme ne se donne qu’une fois (données : messagerie, emploi)");
  CHECK(error({{"messagerie"}, {}, {"90"}}) ==
        "indiquez le nombre de participants de l’atelier avec --participants N");
  CHECK(error({{"messagerie"}, {"huit"}, {"90"}}) ==
        "--participants : « huit » n’est pas un nombre entier");
  CHECK(error({{"messagerie"}, {"100"}, {"90"}}) ==
        "atelier : 100 participants, le nombre doit aller de 1 à 99");
  CHECK(error({{"messagerie"}, {"0"}, {"90"}}).starts_with("atelier : 0 participants"));
  CHECK(error({{"messagerie"}, {"8"}, {}}) ==
        "indiquez la durée de l’atelier en minutes avec --minutes N");
  CHECK(error({{"messagerie"}, {"8"}, {"1h30"}}) ==
        "--minutes : « 1h30 » n’est pas un nombre entier");
  CHECK(error({{"messagerie"}, {"8"}, {"481"}}) ==
        "atelier : une durée de 481 minutes, elle doit aller de 5 à 480 minutes");
  CHECK(error({{"messagerie"}, {"8", "9"}, {"90"}}) ==
        "l’option --participants ne se donne qu’une fois (données : 8, 9)");
}

TEST_CASE("agent_console::outcome_lists_text shows each list's title and « code — label » lines") {
  const std::string text = agent_console::outcome_lists_text(kLists);
  CHECK(
      text.starts_with("Partenaire (--partner, un ou plusieurs codes)\n"
                       "  cafat — CAFAT\n"
                       "  eec — EEC\n"
                       "  enercal — Enercal\n"
                       "  cde — Calédonienne des eaux\n"));
  CHECK(text.find("\n\nThème (--theme, un ou plusieurs codes)\n"
                  "  Démarches\n"
                  "    papiers — Papiers et identité\n") != std::string::npos);
  CHECK(text.find("    autre_demarche — Autre démarche\n"
                  "  Numérique\n"
                  "    messagerie — Messagerie\n") != std::string::npos);
  CHECK(text.find("\n\nAutonomie (--autonomy, un code)\n"
                  "  fait_a_la_place — Fait à la place par l’agent (avec l’accord de la "
                  "personne)\n") != std::string::npos);
  CHECK(text.find("\n\nPremière visite dans un PCN (--first-visit, un code)\n"
                  "  oui — Oui\n  non — Non\n  non_demande — Non demandé\n") != std::string::npos);
  CHECK(
      text.ends_with("\n\nÉquipement utilisé (--equipment, un code)\n"
                     "  ordinateur_pcn — Ordinateur du PCN\n"
                     "  smartphone_personne — Smartphone de la personne\n"
                     "  tablette — Tablette\n"
                     "  aucun — Aucun\n"));
  // Every list, in order, and every choice.
  std::size_t at = 0;
  for (OutcomeList list : queue::kOutcomeLists) {
    INFO(queue::to_string(list));
    auto heading = text.find(title(list) + " (" + queue::option_name(list), at);
    REQUIRE(heading != std::string::npos);
    at = heading;
    for (const auto& c : kLists.choices(list)) {
      CHECK(text.find(c.code + " — " + c.label + "\n", at) != std::string::npos);
    }
  }
}

TEST_CASE("agent_console::outcome_lists_text groups themes given out of order") {
  queue::OutcomeLists lists = kLists;
  lists.choices(OutcomeList::theme) = {
      {"a", "A", "Numérique"}, {"b", "B", "Démarches"}, {"c", "C", "Numérique"}};
  const std::string text = agent_console::outcome_lists_text(lists);
  CHECK(text.find("Thème (--theme, un ou plusieurs codes)\n  Numérique\n    a — A\n    c — C\n"
                  "  Démarches\n    b — B\n\n") != std::string::npos);
}

TEST_CASE("agent_console::outcome_lists_json has the ten lists in order, themes with groups") {
  const auto j = agent_console::outcome_lists_json(kLists);
  REQUIRE(j.is_object());
  REQUIRE(j.size() == 10);
  auto member = j.begin();
  for (OutcomeList list : queue::kOutcomeLists) {
    INFO(queue::to_string(list));
    CHECK(member.key() == queue::to_string(list));
    const auto& choices = kLists.choices(list);
    REQUIRE(member->size() == choices.size());
    for (std::size_t i = 0; i < choices.size(); ++i) {
      CHECK((*member)[i]["code"] == choices[i].code);
      CHECK((*member)[i]["label"] == choices[i].label);
      CHECK((*member)[i].contains("group") == (list == OutcomeList::theme));
    }
    ++member;
  }
  CHECK(j["partner"][3].dump() == R"({"code":"cde","label":"Calédonienne des eaux"})");
  CHECK(j["theme"][0].dump() ==
        R"({"code":"papiers","label":"Papiers et identité","group":"Démarches"})");
}
