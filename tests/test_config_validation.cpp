// Every check of the agency configuration: the load stops with one "bad_config" Error whose French
// message names the file, the line (when known) and the key, as the installer reads it.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "config/agency_config.h"

using pcn::config::parse_agency_config;

namespace {

const std::string kAgency = R"([agency]
id = "essai"
name = "Agence d’essai"
timezone = "Pacific/Noumea"
)";

const std::string kServices = R"(
[[services]]
prefix = "C"
code = "cafat"
label = "CAFAT"
colour = "#0072BC"
typical_minutes = 15

[[services]]
prefix = "F"
code = "factures"
label = "Factures"
colour = "#F39200"
)";

const std::string kCounters = R"(
[[counters]]
number = 1
label = "Guichet 1"
services = ["C", "F"]

[[counters]]
number = 2
label = "Guichet 2"
services = ["F"]
)";

const std::string kValid = kAgency + kServices + kCounters;

/// `text` with the first `from` replaced by `to`.
std::string with(std::string text, std::string_view from, std::string_view to) {
  auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, std::string(from));
  return text.replace(at, from.size(), to);
}

/// The 1-based number of the first line of `text` that contains `needle`.
int line_of(const std::string& text, std::string_view needle) {
  auto at = text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, std::string(needle));
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

/// The message of the error that loading `text` as agence.toml gives.
std::string error_of(const std::string& text) {
  auto config = parse_agency_config(text, "agence.toml", "/srv/pcn");
  REQUIRE_MESSAGE(!config.ok(), "the configuration loaded:\n" << text);
  CHECK(config.error().code == "bad_config");
  return config.error().message;
}

/// Checks the message is "agence.toml, ligne <line> : <key> : <problem>" (no line when 0).
void check_error(const std::string& text, int line, const std::string& key,
                 const std::string& problem) {
  std::string where = "agence.toml";
  if (line > 0) where += ", ligne " + std::to_string(line);
  CHECK(error_of(text) == where + " : " + key + " : " + problem);
}

/// Checks the message starts with "agence.toml, ligne <line> : <key> : " and contains `fragment`.
void check_error_part(const std::string& text, int line, const std::string& key,
                      const std::string& fragment) {
  std::string message = error_of(text);
  std::string where = "agence.toml, ligne " + std::to_string(line) + " : " + key + " : ";
  CHECK_MESSAGE(message.starts_with(where), message);
  CHECK_MESSAGE(message.find(fragment) != std::string::npos, message);
}

const std::string kWrongType = "type de valeur incorrect : il faut ";

}  // namespace

TEST_CASE("config::parse_agency_config accepts the validation fixture") {
  auto config = parse_agency_config(kValid, "agence.toml", "/srv/pcn");
  REQUIRE_MESSAGE(config.ok(), (config.ok() ? "" : config.error().message));
  CHECK(config->services.size() == 2);
  CHECK(config->counters.size() == 2);
}

TEST_CASE("config::parse_agency_config reports TOML syntax errors with file, line and column") {
  SUBCASE("unterminated string") {
    std::string text = with(kValid, "label = \"Factures\"", "label = \"Factures");
    std::string message = error_of(text);
    std::string where = "agence.toml, ligne " + std::to_string(line_of(text, "\"Factures")) +
                        " : syntaxe TOML invalide (colonne ";
    CHECK_MESSAGE(message.starts_with(where), message);
  }
  SUBCASE("a key given twice") {
    std::string text = with(kValid, "name = ", "id = \"autre\"\nname = ");
    std::string message = error_of(text);
    std::string where = "agence.toml, ligne " + std::to_string(line_of(text, "\"autre\"")) +
                        " : syntaxe TOML invalide";
    CHECK_MESSAGE(message.starts_with(where), message);
  }
}

TEST_CASE("config::parse_agency_config names a missing required key at its table's line") {
  SUBCASE("agency.id") {
    std::string text = with(kValid, "id = \"essai\"\n", "");
    check_error(text, line_of(text, "[agency]"), "agency.id", "clé obligatoire manquante");
  }
  SUBCASE("agency.name") {
    std::string text = with(kValid, "name = \"Agence d’essai\"\n", "");
    check_error(text, line_of(text, "[agency]"), "agency.name", "clé obligatoire manquante");
  }
  SUBCASE("agency.id empty") {
    std::string text = with(kValid, "id = \"essai\"", "id = \"\"");
    check_error(text, line_of(text, "id = "), "agency.id", "la valeur ne doit pas être vide");
  }
  SUBCASE("the [agency] table") {
    check_error(kServices + kCounters, 0, "agency",
                "table obligatoire manquante : ajoutez une section [agency]");
  }
  SUBCASE("a service's label") {
    std::string text = with(kValid, "label = \"Factures\"\n", "");
    check_error(text, line_of(text, "[[services]]\nprefix = \"F\""), "services[2].label",
                "clé obligatoire manquante");
  }
  SUBCASE("a counter's number") {
    std::string text = with(kValid, "number = 2\n", "");
    check_error(text, line_of(text, "[[counters]]\nlabel = \"Guichet 2\""), "counters[2].number",
                "clé obligatoire manquante");
  }
  SUBCASE("a counter's services") {
    std::string text = with(kValid, "services = [\"F\"]\n", "");
    check_error(text, line_of(text, "[[counters]]\nnumber = 2"), "counters[2].services",
                "clé obligatoire manquante");
  }
}

TEST_CASE("config::parse_agency_config requires at least one service and one counter") {
  SUBCASE("no [[services]]") {
    check_error(kAgency + kCounters, 0, "services",
                "aucun service : décrivez au moins un service dans une table [[services]]");
  }
  SUBCASE("an empty services list") {
    std::string text = "services = []\n" + kAgency + kCounters;
    check_error(text, line_of(text, "services = []"), "services",
                "aucun service : décrivez au moins un service dans une table [[services]]");
  }
  SUBCASE("no [[counters]]") {
    check_error(kAgency + kServices, 0, "counters",
                "aucun guichet : décrivez au moins un guichet dans une table [[counters]]");
  }
}

TEST_CASE("config::parse_agency_config reports a value of the wrong type with what is expected") {
  SUBCASE("text expected") {
    std::string text = with(kValid, "id = \"essai\"", "id = 12");
    check_error(text, line_of(text, "id = 12"), "agency.id",
                kWrongType + "du texte entre guillemets");
  }
  SUBCASE("integer expected") {
    std::string text = with(kValid, "typical_minutes = 15", "typical_minutes = \"15\"");
    check_error(text, line_of(text, "typical_minutes"), "services[1].typical_minutes",
                kWrongType + "un nombre entier");
  }
  SUBCASE("boolean expected") {
    std::string text = kValid + "\n[display]\nvoice = \"oui\"\n";
    check_error(text, line_of(text, "voice"), "display.voice", kWrongType + "true ou false");
  }
  SUBCASE("list of prefixes expected") {
    std::string text = with(kValid, "services = [\"F\"]", "services = \"F\"");
    check_error(text, line_of(text, "services = \"F\""), "counters[2].services",
                kWrongType + "une liste de textes, par exemple [\"C\", \"F\"]");
  }
  SUBCASE("list holding a number") {
    std::string text = with(kValid, "services = [\"F\"]", "services = [\"F\", 2]");
    check_error(text, line_of(text, "[\"F\", 2]"), "counters[2].services",
                kWrongType + "une liste de textes, par exemple [\"C\", \"F\"]");
  }
  SUBCASE("[services] written as a single table") {
    std::string text = kAgency + "[services]\nprefix = \"C\"\ncode = \"c\"\nlabel = \"C\"\n" +
                       "colour = \"#000000\"\n" + kCounters;
    check_error(text, line_of(text, "[services]"), "services",
                kWrongType + "une ou plusieurs tables [[services]]");
  }
  SUBCASE("[[agency]] written as an array") {
    std::string text = with(kValid, "[agency]", "[[agency]]");
    check_error(text, line_of(text, "[[agency]]"), "agency", kWrongType + "une table [agency]");
  }
}

TEST_CASE("config::parse_agency_config rejects a prefix that is not one letter A-Z") {
  for (std::string bad : {"CC", "c", "1", "É", "-"}) {
    CAPTURE(bad);
    std::string text = with(kValid, "prefix = \"F\"", "prefix = \"" + bad + "\"");
    check_error(text, line_of(text, "prefix = \"" + bad), "services[2].prefix",
                "le préfixe « " + bad + " » doit être une seule lettre majuscule, de A à Z");
  }
  std::string text = with(kValid, "prefix = \"F\"", "prefix = \"\"");
  check_error(text, line_of(text, "prefix = \"\""), "services[2].prefix",
              "la valeur ne doit pas être vide");
}

TEST_CASE("config::parse_agency_config rejects a duplicate prefix, naming the service using it") {
  std::string text = with(kValid, "prefix = \"F\"", "prefix = \"C\"  # doublon");
  check_error(text, line_of(text, "# doublon"), "services[2].prefix",
              "le préfixe « C » est déjà utilisé par « CAFAT »");
}

TEST_CASE("config::parse_agency_config rejects a duplicate code, naming the service using it") {
  std::string text = with(kValid, "code = \"factures\"", "code = \"cafat\"  # doublon");
  check_error(text, line_of(text, "# doublon"), "services[2].code",
              "le code « cafat » est déjà utilisé par « CAFAT »");
}

TEST_CASE("config::parse_agency_config rejects a colour that is not #RRGGBB") {
  for (std::string bad : {"blue", "#12345", "#GG0000", "#0072BC0", "0072BC"}) {
    CAPTURE(bad);
    std::string text = with(kValid, "colour = \"#F39200\"", "colour = \"" + bad + "\"");
    check_error(text, line_of(text, "colour = \"" + bad), "services[2].colour",
                "couleur « " + bad + " » invalide (attendu #RRGGBB, par exemple #0072BC)");
  }
  std::string lower = with(kValid, "colour = \"#F39200\"", "colour = \"#f39a0b\"");
  CHECK(parse_agency_config(lower, "agence.toml", "").ok());
}

TEST_CASE("config::parse_agency_config rejects typical_minutes outside 1..240") {
  for (int bad : {0, -5, 241}) {
    CAPTURE(bad);
    std::string text =
        with(kValid, "typical_minutes = 15", "typical_minutes = " + std::to_string(bad));
    check_error(text, line_of(text, "typical_minutes"), "services[1].typical_minutes",
                "valeur " + std::to_string(bad) + " hors limites (de 1 à 240)");
  }
}

TEST_CASE("config::parse_agency_config rejects a counter serving no service or an unknown one") {
  SUBCASE("unknown letter") {
    std::string text = with(kValid, "services = [\"F\"]", "services = [\"F\", \"Z\"]");
    check_error(text, line_of(text, "\"Z\""), "counters[2].services",
                "le service « Z » n’est décrit dans aucune table [[services]]");
  }
  SUBCASE("lower-case letter") {
    std::string text = with(kValid, "services = [\"F\"]", "services = [\"f\"]");
    check_error(text, line_of(text, "\"f\""), "counters[2].services",
                "le service « f » n’est décrit dans aucune table [[services]]");
  }
  SUBCASE("no service") {
    std::string text = with(kValid, "services = [\"F\"]", "services = []");
    check_error(text, line_of(text, "services = []"), "counters[2].services",
                "le guichet 2 doit servir au moins un service");
  }
}

TEST_CASE("config::parse_agency_config rejects a duplicate counter number or one outside 1..99") {
  SUBCASE("duplicate") {
    std::string text = with(kValid, "number = 2", "number = 1  # doublon");
    check_error(text, line_of(text, "# doublon"), "counters[2].number",
                "le numéro de guichet 1 est déjà utilisé par « Guichet 1 »");
  }
  for (int bad : {0, 100}) {
    CAPTURE(bad);
    std::string text = with(kValid, "number = 2", "number = " + std::to_string(bad));
    check_error(text, line_of(text, "number = " + std::to_string(bad)), "counters[2].number",
                "valeur " + std::to_string(bad) + " hors limites (de 1 à 99)");
  }
}

TEST_CASE("config::parse_agency_config rejects an unknown time zone") {
  std::string text = with(kValid, "\"Pacific/Noumea\"", "\"Pacific/Nouméa\"");
  check_error(text, line_of(text, "timezone"), "agency.timezone",
              "fuseau horaire inconnu « Pacific/Nouméa » (par exemple Pacific/Noumea)");
}

TEST_CASE("config::parse_agency_config rejects bad opening hours, naming the day") {
  SUBCASE("not HH:MM-HH:MM") {
    std::string text = kValid + "\n[hours]\nmonday = \"08:00-12:00\"\ntuesday = \"7h30-11h30\"\n";
    check_error_part(text, line_of(text, "tuesday"), "hours.tuesday",
                     "plage horaire invalide « 7h30-11h30 »");
  }
  SUBCASE("closing before opening") {
    std::string text = kValid + "\n[hours]\nfriday = \"12:00-08:00\"\n";
    check_error_part(text, line_of(text, "friday"), "hours.friday", "à l’envers « 12:00-08:00 »");
  }
  SUBCASE("a French day name") {
    std::string text = kValid + "\n[hours]\nlundi = \"08:00-12:00\"\n";
    check_error_part(text, line_of(text, "lundi"), "hours.lundi",
                     "clé inconnue « lundi » (faute de frappe ?) ; clés reconnues : monday, "
                     "tuesday, wednesday, thursday, friday, saturday, sunday");
  }
  SUBCASE("not text") {
    std::string text = kValid + "\n[hours]\nmonday = 8\n";
    check_error(text, line_of(text, "monday"), "hours.monday",
                kWrongType + "du texte entre guillemets");
  }
}

TEST_CASE("config::parse_agency_config checks the [queue] settings") {
  SUBCASE("priority_max_in_row < 0") {
    std::string text = kValid + "\n[queue]\npriority_max_in_row = -1\n";
    check_error(text, line_of(text, "priority_max_in_row"), "queue.priority_max_in_row",
                "valeur -1 trop petite (au moins 0)");
  }
  SUBCASE("no_show_requeues < 0") {
    std::string text = kValid + "\n[queue]\nno_show_requeues = -2\n";
    check_error(text, line_of(text, "no_show_requeues"), "queue.no_show_requeues",
                "valeur -2 trop petite (au moins 0)");
  }
  SUBCASE("unknown transfer_placement") {
    std::string text = kValid + "\n[queue]\ntransfer_placement = \"middle\"\n";
    check_error(text, line_of(text, "transfer_placement"), "queue.transfer_placement",
                "valeur « middle » inconnue ; valeurs possibles : arrival, end, front");
  }
  SUBCASE("wait_samples 0") {
    std::string text = kValid + "\n[queue]\nwait_samples = 0\n";
    check_error(text, line_of(text, "wait_samples"), "queue.wait_samples",
                "valeur 0 hors limites (de 1 à 100)");
  }
  SUBCASE("accepted values") {
    std::string text = kValid + "\n[queue]\npriority_max_in_row = 0\nno_show_requeues = 0\n"
                                "transfer_placement = \"front\"\n";
    auto config = parse_agency_config(text, "agence.toml", "");
    REQUIRE(config.ok());
    CHECK(config->policy.priority_max_in_row == 0);
    CHECK(config->policy.no_show_requeues == 0);
    CHECK(config->policy.transfer_placement == pcn::queue::Placement::front);
  }
}

TEST_CASE("config::parse_agency_config rejects ports outside 1..65535 or equal") {
  SUBCASE("request_port 0") {
    std::string text = kValid + "\n[network]\nrequest_port = 0\n";
    check_error(text, line_of(text, "request_port"), "network.request_port",
                "valeur 0 hors limites (de 1 à 65535)");
  }
  SUBCASE("event_port 70000") {
    std::string text = kValid + "\n[network]\nevent_port = 70000\n";
    check_error(text, line_of(text, "event_port"), "network.event_port",
                "valeur 70000 hors limites (de 1 à 65535)");
  }
  SUBCASE("equal ports") {
    std::string text = kValid + "\n[network]\nrequest_port = 5600\nevent_port = 5600\n";
    check_error(text, line_of(text, "event_port"), "network.event_port",
                "request_port et event_port doivent être différents (tous deux 5600)");
  }
  SUBCASE("empty hub address") {
    std::string text = kValid + "\n[network]\nhub = \"\"\n";
    check_error(text, line_of(text, "hub = "), "network.hub", "la valeur ne doit pas être vide");
  }
}

TEST_CASE("config::parse_agency_config checks the [printer] settings") {
  SUBCASE("unknown backend") {
    std::string text = kValid + "\n[printer]\nbackend = \"laser\"\n";
    check_error(text, line_of(text, "backend"), "printer.backend",
                "valeur « laser » inconnue ; valeurs possibles : cups, escpos, file");
  }
  SUBCASE("paper width") {
    std::string text = kValid + "\n[printer]\npaper_mm = 72\n";
    check_error(text, line_of(text, "paper_mm"), "printer.paper_mm",
                "valeur « 72 » inconnue ; valeurs possibles : 58, 80");
  }
  SUBCASE("cups needs a queue") {
    std::string text = kValid + "\n[printer]\nbackend = \"cups\"\n";
    check_error(text, line_of(text, "[printer]"), "printer.queue",
                "l’imprimante « cups » a besoin du nom de sa file CUPS (clé queue)");
  }
  SUBCASE("a number too large for any setting") {
    std::string text = kValid + "\n[printer]\npaper_mm = 99999999999\n";
    check_error(text, line_of(text, "paper_mm"), "printer.paper_mm",
                "valeur 99999999999 hors limites (de 58 à 80)");
  }
  SUBCASE("timeout") {
    std::string text = kValid + "\n[printer]\ntimeout_seconds = 0\n";
    check_error(text, line_of(text, "timeout_seconds"), "printer.timeout_seconds",
                "valeur 0 hors limites (de 1 à 300)");
  }
  SUBCASE("escpos with its queue and 58 mm paper") {
    std::string text = kValid + "\n[printer]\nbackend = \"escpos\"\nqueue = \"TM-T20\"\n"
                                "paper_mm = 58\nqr = false\n";
    auto config = parse_agency_config(text, "agence.toml", "");
    REQUIRE(config.ok());
    CHECK(config->printer.backend == "escpos");
    CHECK(config->printer.queue == "TM-T20");
    CHECK(config->printer.paper_mm == 58);
    CHECK_FALSE(config->printer.qr);
  }
}

TEST_CASE("config::parse_agency_config reports unknown keys (typos) instead of ignoring them") {
  SUBCASE("prefx in a service") {
    std::string text = with(kValid, "prefix = \"F\"", "prefx = \"F\"");
    check_error(text, line_of(text, "prefx"), "services[2].prefx",
                "clé inconnue « prefx » (faute de frappe ?) ; clés reconnues : prefix, code, "
                "label, colour, typical_minutes, partners");
  }
  SUBCASE("a misspelt table") {
    std::string text = kValid + "\n[servces]\nprefix = \"A\"\n";
    check_error_part(text, line_of(text, "[servces]"), "servces", "clé inconnue « servces »");
  }
  SUBCASE("a key at the top of the file") {
    std::string text = "agency_id = \"essai\"\n" + kValid;
    check_error_part(text, 1, "agency_id", "clé inconnue « agency_id »");
  }
  SUBCASE("a misspelt printer key") {
    std::string text = kValid + "\n[printer]\npapier_mm = 58\n";
    check_error_part(text, line_of(text, "papier_mm"), "printer.papier_mm",
                     "clé inconnue « papier_mm »");
  }
  SUBCASE("a misspelt counter key") {
    std::string text = with(kValid, "label = \"Guichet 2\"", "libelle = \"Guichet 2\"");
    check_error_part(text, line_of(text, "libelle"), "counters[2].libelle",
                     "clé inconnue « libelle »");
  }
  SUBCASE("colour spelt color") {
    std::string text = with(kValid, "colour = \"#F39200\"", "color = \"#F39200\"");
    check_error_part(text, line_of(text, "color ="), "services[2].color", "clé inconnue « color »");
  }
}

TEST_CASE("config::parse_agency_config rejects an empty folder name") {
  std::string text = kValid + "\n[data]\nfolder = \"\"\n";
  check_error(text, line_of(text, "folder"), "data.folder", "la valeur ne doit pas être vide");
}
