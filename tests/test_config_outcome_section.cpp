// The agency file's [outcome] table (config/outcome_section.h): lists that replace the pilot's
// defaults, and every mistake stopping the load with one message naming file, line and key.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "config/agency_config.h"

using pcn::config::parse_agency_config;
using pcn::queue::OutcomeList;

namespace {

const std::string kBase = R"([agency]
id = "essai"
name = "Agence d’essai"
timezone = "Pacific/Noumea"

[[services]]
prefix = "C"
code = "cafat"
label = "CAFAT"
colour = "#0072BC"

[[services]]
prefix = "F"
code = "factures"
label = "Factures"
colour = "#F39200"

[[counters]]
number = 1
label = "Guichet 1"
services = ["C", "F"]
)";

/// The 1-based number of the first line of `text` that contains `needle`.
int line_of(const std::string& text, std::string_view needle) {
  auto at = text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, std::string(needle));
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

/// Checks that loading `text` fails with "agence.toml, ligne <line> : <key> : <problem>".
void check_error(const std::string& text, int line, const std::string& key,
                 const std::string& problem) {
  auto config = parse_agency_config(text, "agence.toml", "/srv/pcn");
  REQUIRE_MESSAGE(!config.ok(), "the configuration loaded:\n" << text);
  CHECK(config.error().code == "bad_config");
  CHECK(config.error().message ==
        "agence.toml, ligne " + std::to_string(line) + " : " + key + " : " + problem);
}

}  // namespace

TEST_CASE("config::parse_agency_config: a list of [outcome] replaces that list's defaults only") {
  const std::string text = kBase + R"(
[outcome]
partner = [
  { code = "cafat", label = "CAFAT" },
  { code = "mairie_bourail", label = "Mairie de Bourail" },
]
theme = [
  { code = "papiers", label = "Papiers et identité", group = "Démarches" },
  { code = "smartphone", label = "Smartphone", group = "Numérique" },
]
)";
  auto config = parse_agency_config(text, "agence.toml", "/srv/pcn");
  REQUIRE_MESSAGE(config.ok(), config.error().to_string());
  const auto& partners = config->outcomes.choices(OutcomeList::partner);
  REQUIRE(partners.size() == 2);
  CHECK(partners[1].code == "mairie_bourail");
  CHECK(partners[1].label == "Mairie de Bourail");
  const auto& themes = config->outcomes.choices(OutcomeList::theme);
  REQUIRE(themes.size() == 2);
  CHECK(themes[0].group == "Démarches");
  CHECK(themes[1].group == "Numérique");
  const auto defaults = pcn::queue::OutcomeLists::defaults();
  CHECK(config->outcomes.choices(OutcomeList::autonomy).size() ==
        defaults.choices(OutcomeList::autonomy).size());
  CHECK(config->outcomes.label(OutcomeList::commune, "bourail") == "Bourail");
  // Services propose the partner of their own code when the list has it.
  REQUIRE(config->services.size() == 2);
  CHECK(config->services[0].partners == std::vector<std::string>{"cafat"});
  CHECK(config->services[1].partners.empty());
}

TEST_CASE("config::parse_agency_config: no [outcome] table gives the pilot's lists") {
  auto config = parse_agency_config(kBase, "agence.toml", "/srv/pcn");
  REQUIRE_MESSAGE(config.ok(), config.error().to_string());
  const auto defaults = pcn::queue::OutcomeLists::defaults();
  for (OutcomeList list : pcn::queue::kOutcomeLists) {
    INFO(pcn::queue::to_string(list));
    CHECK(config->outcomes.choices(list).size() == defaults.choices(list).size());
    CHECK_FALSE(config->outcomes.choices(list).empty());
  }
  CHECK(config->outcomes.label(OutcomeList::partner, "cde") == "Calédonienne des eaux");
}

TEST_CASE("config::parse_agency_config rejects an unknown key in [outcome] or in an entry") {
  const std::string typo =
      kBase + "\n[outcome]\npartners = [{ code = \"cafat\", label = \"C\" }]\n";
  check_error(typo, line_of(typo, "partners ="), "outcome.partners",
              "clé inconnue « partners » (faute de frappe ?) ; clés reconnues : partner, theme, "
              "autonomy, result, orientation, first_visit, age_band, situation, commune, "
              "equipment");
  const std::string entry =
      kBase + "\n[outcome]\nresult = [\n  { code = \"ok\", label = \"OK\", groupe = \"x\" },\n]\n";
  check_error(entry, line_of(entry, "{ code = \"ok\""), "outcome.result[1].groupe",
              "clé inconnue « groupe » (faute de frappe ?) ; clés reconnues : code, label");
  // Only themes have a group.
  const std::string group =
      kBase + "\n[outcome]\nresult = [\n  { code = \"ok\", label = \"OK\", group = \"x\" },\n]\n";
  check_error(group, line_of(group, "{ code = \"ok\""), "outcome.result[1].group",
              "clé inconnue « group » (faute de frappe ?) ; clés reconnues : code, label");
}

TEST_CASE("config::parse_agency_config rejects a duplicate code in an outcome list") {
  const std::string text = kBase + R"toml(
[outcome]
commune = [
  { code = "bourail", label = "Bourail" },
  { code = "farino", label = "Farino" },
  { code = "bourail", label = "Bourail (village)" },
]
)toml";
  check_error(text, line_of(text, "Bourail (village)"), "outcome.commune[3].code",
              "le code « bourail » est déjà utilisé par « Bourail »");
}

TEST_CASE("config::parse_agency_config rejects an empty or missing label in an outcome list") {
  const std::string empty =
      kBase + "\n[outcome]\nequipment = [\n  { code = \"pc\", label = \"\" },\n]\n";
  check_error(empty, line_of(empty, "{ code = \"pc\""), "outcome.equipment[1].label",
              "la valeur ne doit pas être vide");
  const std::string missing = kBase + "\n[outcome]\nequipment = [\n  { code = \"pc\" },\n]\n";
  check_error(missing, line_of(missing, "{ code = \"pc\""), "outcome.equipment[1].label",
              "clé obligatoire manquante");
}

TEST_CASE("config::parse_agency_config rejects an outcome code of the wrong shape") {
  const std::string problem =
      " doit faire de 1 à 32 caractères parmi a à z, 0 à 9 et « _ » (sans accent ni espace)";
  for (const std::string& code :
       std::vector<std::string>{"Cafat", "non-demande", "été", "deux mots", std::string(33, 'a')}) {
    INFO(code);
    const std::string text = kBase + "\n[outcome]\nautonomy = [\n  { code = \"" + code +
                             "\", label = \"Libellé\" },\n]\n";
    check_error(text, line_of(text, "{ code = "), "outcome.autonomy[1].code",
                "le code « " + code + " »" + problem);
  }
  const std::string ok = kBase + "\n[outcome]\nautonomy = [\n  { code = \"" + std::string(32, 'a') +
                         "\", label = \"Libellé\" },\n]\n";
  CHECK(parse_agency_config(ok, "agence.toml", "").ok());
  const std::string empty =
      kBase + "\n[outcome]\nautonomy = [\n  { code = \"\", label = \"Libellé\" },\n]\n";
  check_error(empty, line_of(empty, "{ code = "), "outcome.autonomy[1].code",
              "la valeur ne doit pas être vide");
}

TEST_CASE("config::parse_agency_config rejects an empty outcome list") {
  const std::string text = kBase + "\n[outcome]\nsituation = []\n";
  check_error(text, line_of(text, "situation ="), "outcome.situation",
              "une liste de choix doit avoir de 1 à 60 entrées { code = \"…\", label = \"…\" }");
}

TEST_CASE("config::parse_agency_config rejects services[N].partners not in the partner list") {
  const std::string text = [] {
    std::string t = kBase;
    auto at = t.find("colour = \"#F39200\"");
    return t.insert(at, "partners = [\"eec\", \"enercall\"]\n");
  }();
  check_error(text, line_of(text, "partners = "), "services[2].partners",
              "le partenaire « enercall » n’est pas dans la liste outcome.partner (codes : cafat, "
              "eec, enercal, cde, sic, province_sud, dfip, opt, gouvernement, autre)");
  // Against a configured list: a default partner no longer in it is refused too.
  const std::string custom =
      text + "\n[outcome]\npartner = [{ code = \"eec\", label = \"EEC\" }]\n";
  check_error(custom, line_of(custom, "partners = "), "services[2].partners",
              "le partenaire « enercall » n’est pas dans la liste outcome.partner (codes : eec)");
  std::string fine = custom;
  fine.replace(fine.find("\"eec\", \"enercall\""), 17, "\"eec\"");
  auto config = parse_agency_config(fine, "agence.toml", "");
  REQUIRE_MESSAGE(config.ok(), config.error().to_string());
  CHECK(config->services[1].partners == std::vector<std::string>{"eec"});
  CHECK(config->services[0].partners.empty());  // "cafat" is no longer a partner code
}

TEST_CASE("config::parse_agency_config rejects a partner given twice in services[N].partners") {
  std::string text = kBase;
  text.insert(text.find("colour = \"#F39200\""), "partners = [\"eec\", \"enercal\", \"eec\"]\n");
  check_error(text, line_of(text, "partners = "), "services[2].partners",
              "Partenaire : le code « eec » est donné deux fois");
}

TEST_CASE("config::parse_agency_config reads [[outcome.LIST]] tables and refuses other shapes") {
  const std::string tables = kBase + R"toml(
[[outcome.orientation]]
code = "mairie"
label = "Mairie"

[[outcome.orientation]]
code = "caf"
label = ""
)toml";
  check_error(tables, line_of(tables, "label = \"\""), "outcome.orientation[2].label",
              "la valeur ne doit pas être vide");
  std::string fine = tables;
  fine.replace(fine.find("label = \"\""), 10, "label = \"CAF\"");
  auto config = parse_agency_config(fine, "agence.toml", "");
  REQUIRE_MESSAGE(config.ok(), config.error().to_string());
  CHECK(config->outcomes.choices(OutcomeList::orientation).size() == 2);
  CHECK(config->outcomes.label(OutcomeList::orientation, "caf") == "CAF");

  const std::string strings = kBase + "\n[outcome]\nresult = [\"aboutie\"]\n";
  auto refused = parse_agency_config(strings, "agence.toml", "");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.starts_with("agence.toml, ligne " +
                                            std::to_string(line_of(strings, "result =")) +
                                            " : outcome.result : type de valeur incorrect"));
}
