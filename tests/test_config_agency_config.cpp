// The agency configuration as an installer uses it: the example file, files on disk, folders,
// defaults and French labels.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "config/agency_config.h"
#include "text/catalog.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using pcn::config::AgencyConfig;
using pcn::config::default_config_text;
using pcn::config::load_agency_config;
using pcn::config::parse_agency_config;

namespace {

const fs::path kBase = "/srv/pcn/bourail";

/// The example file in the source tree (this file is tests/test_config_agency_config.cpp).
fs::path example_path() {
  return fs::path(__FILE__).parent_path().parent_path() / "examples" / "agence-bourail.toml";
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_all(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

AgencyConfig parsed(std::string_view text, const fs::path& base = kBase) {
  auto config = parse_agency_config(text, "agence.toml", base);
  if (!config.ok()) FAIL(config.error().message);
  return config.value();
}

constexpr std::string_view kMinimal = R"(
[agency]
id = "essai"
name = "Agence d’essai"

[[services]]
prefix = "C"
code = "cafat"
label = "CAFAT"
colour = "#0072BC"

[[counters]]
number = 1
label = "Guichet 1"
services = ["C"]
)";

}  // namespace

TEST_CASE("config::default_config_text is the text of examples/agence-bourail.toml") {
  REQUIRE(fs::exists(example_path()));
  CHECK(default_config_text() == read_all(example_path()));
}

TEST_CASE("config::parse_agency_config reads the Bourail example's agency and services") {
  AgencyConfig c = parsed(default_config_text());
  CHECK(c.id == "bourail");
  CHECK(c.name == "OPT Bourail — Point Conseil Numérique");
  CHECK(c.zone.name() == "Pacific/Noumea");
  CHECK(c.source.empty());

  REQUIRE(c.services.size() == 6);
  std::string prefixes;
  for (const auto& s : c.services) prefixes += s.prefix;
  CHECK(prefixes == "CFNILA");
  CHECK(c.services[0].code == "cafat");
  CHECK(c.services[0].label == "CAFAT");
  CHECK(c.services[0].colour == "#0072BC");
  CHECK(c.services[0].typical_duration == std::chrono::minutes(15));
  CHECK(c.services[1].label == "Factures EEC / Enercal / CDE");
  CHECK(c.services[2].label == "Identité numérique");
  CHECK(c.services[3].label == "Impôts DFIP");
  CHECK(c.services[4].label == "Logement SIC");
  CHECK(c.services[5].label == "Autre démarche");
}

TEST_CASE("config::parse_agency_config reads the Bourail example's counters, hours and policy") {
  AgencyConfig c = parsed(default_config_text());
  REQUIRE(c.counters.size() == 3);
  CHECK(c.counters[0].number == 1);
  CHECK(c.counters[0].label == "Guichet 1");
  CHECK(c.counters[0].services == "CFN");
  CHECK(c.counters[1].services == "ILF");
  CHECK(c.counters[2].services == "NAC");
  for (const auto& counter : c.counters) {
    CHECK_FALSE(counter.paused);
    CHECK_FALSE(counter.current.has_value());
  }

  // Monday 07:30-11:30, 12:15-15:30; the lunch break and the weekend are closed.
  CHECK_FALSE(c.hours.is_open(0, 7 * 60 + 29));
  CHECK(c.hours.is_open(0, 7 * 60 + 30));
  CHECK_FALSE(c.hours.is_open(0, 12 * 60));
  CHECK(c.hours.is_open(0, 15 * 60 + 29));
  CHECK_FALSE(c.hours.is_open(0, 15 * 60 + 30));
  CHECK(c.hours.is_open(4, 14 * 60));
  CHECK_FALSE(c.hours.is_open(4, 15 * 60));
  CHECK(c.hours.day(5).empty());
  CHECK(c.hours.day(6).empty());

  CHECK(c.policy.priority_max_in_row == 2);
  CHECK(c.policy.no_show_requeues == 1);
  CHECK(c.policy.transfer_placement == pcn::queue::Placement::arrival);
  CHECK(c.policy.wait_samples == 10);
}

TEST_CASE("config::parse_agency_config reads the Bourail example's network, printer and display") {
  AgencyConfig c = parsed(default_config_text());
  CHECK(c.network.request_endpoint() == "tcp://127.0.0.1:5555");
  CHECK(c.network.event_endpoint() == "tcp://127.0.0.1:5556");
  CHECK(c.network.request_bind() == "tcp://127.0.0.1:5555");
  CHECK(c.network.event_bind() == "tcp://127.0.0.1:5556");
  CHECK(c.data_folder == kBase / "data");
  CHECK(c.database() == kBase / "data" / "queue.sqlite");
  CHECK(c.keys.folder == kBase / "keys");
  CHECK(c.printer.backend == "file");
  CHECK(c.printer.paper_mm == 80);
  CHECK(c.printer.folder == kBase / "tickets");
  CHECK(c.printer.message == "Un conseiller vous accompagne");
  CHECK(c.printer.qr);
  CHECK(c.printer.timeout_seconds == 20);
  CHECK(c.display.message ==
        "Bienvenue au Point Conseil Numérique de Bourail : prenez un ticket à la borne.");
  CHECK(c.display.voice);
}

TEST_CASE("config::AgencyConfig::rules gives the engine the configured services and counters") {
  AgencyConfig c = parsed(default_config_text());
  pcn::queue::AgencyRules rules = c.rules();
  REQUIRE(rules.services.size() == 6);
  CHECK(rules.services[2].label == "Identité numérique");
  REQUIRE(rules.counters.size() == 3);
  CHECK(rules.counters[1].services == "ILF");
  CHECK(rules.zone.name() == "Pacific/Noumea");
  CHECK(rules.policy.wait_samples == 10);
  CHECK_FALSE(rules.hours.is_open(6, 9 * 60));
}

TEST_CASE("config::parse_agency_config gives optional sections their defaults") {
  AgencyConfig c = parsed(kMinimal);
  CHECK(c.zone.name() == "Pacific/Noumea");
  for (int day = 0; day < 7; ++day) {
    CHECK(c.hours.is_open(day, 0));
    CHECK(c.hours.is_open(day, 23 * 60 + 59));
  }
  CHECK(c.services[0].typical_duration == std::chrono::minutes(10));
  CHECK(c.policy.priority_max_in_row == 2);
  CHECK(c.policy.no_show_requeues == 1);
  CHECK(c.policy.transfer_placement == pcn::queue::Placement::arrival);
  CHECK(c.network.hub_host == "127.0.0.1");
  CHECK(c.network.bind == "127.0.0.1");
  CHECK(c.network.request_port == 5555);
  CHECK(c.network.event_port == 5556);
  CHECK(c.data_folder == kBase / "data");
  CHECK(c.keys.folder == kBase / "keys");
  CHECK(c.printer.backend == "file");
  CHECK(c.printer.folder == kBase / "tickets");
  CHECK(c.printer.message == "Un conseiller vous accompagne");
  CHECK(c.display.message.empty());
  CHECK(c.display.voice);
}

TEST_CASE("config::parse_agency_config: a day left out of [hours] is closed") {
  std::string text(kMinimal);
  text += "[hours]\nmonday = \"08:00-12:00\"\n";
  AgencyConfig c = parsed(text);
  CHECK(c.hours.is_open(0, 9 * 60));
  CHECK_FALSE(c.hours.is_open(0, 13 * 60));
  for (int day = 1; day < 7; ++day) CHECK(c.hours.day(day).empty());
}

TEST_CASE("config::parse_agency_config resolves relative folders against the base folder") {
  std::string text(kMinimal);
  text += R"(
[data]
folder = "donnees"
[keys]
folder = "../cles"
[printer]
folder = "/var/spool/pcn-tickets"
)";
  AgencyConfig c = parsed(text, "/srv/pcn/bourail");
  CHECK(c.data_folder == fs::path("/srv/pcn/bourail/donnees"));
  CHECK(c.database() == fs::path("/srv/pcn/bourail/donnees/queue.sqlite"));
  CHECK(c.keys.folder == fs::path("/srv/pcn/cles"));
  CHECK(c.printer.folder == fs::path("/var/spool/pcn-tickets"));
}

TEST_CASE("config::NetworkConfig endpoints: clients connect to hub, the hub binds to bind") {
  std::string text(kMinimal);
  text += "[network]\nhub = \"192.168.1.20\"\nbind = \"*\"\nrequest_port = 6000\n"
          "event_port = 6001\n";
  AgencyConfig c = parsed(text);
  CHECK(c.network.request_endpoint() == "tcp://192.168.1.20:6000");
  CHECK(c.network.event_endpoint() == "tcp://192.168.1.20:6001");
  CHECK(c.network.request_bind() == "tcp://*:6000");
  CHECK(c.network.event_bind() == "tcp://*:6001");
}

TEST_CASE("config::load_agency_config loads a file on disk, folders next to it") {
  pcn::testing::TempDir dir("pcn-config");
  fs::path file = dir / "agence.toml";
  write_all(file, std::string(default_config_text()));

  auto config = load_agency_config(file);
  REQUIRE_MESSAGE(config.ok(), (config.ok() ? "" : config.error().message));
  CHECK(config->source == file);
  CHECK(config->id == "bourail");
  CHECK(config->services.size() == 6);
  CHECK(config->data_folder == dir.path() / "data");
  CHECK(config->database() == dir.path() / "data" / "queue.sqlite");
  CHECK(config->keys.folder == dir.path() / "keys");
  CHECK(config->printer.folder == dir.path() / "tickets");
}

TEST_CASE("config::load_agency_config names the file in content errors") {
  pcn::testing::TempDir dir("pcn-config");
  fs::path file = dir / "agence.toml";
  write_all(file, "[agency]\nid = \"x\"\nname = \"X\"\ncolor = \"#000000\"\n");
  auto config = load_agency_config(file);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().code == "bad_config");
  CHECK(config.error().message.find(file.string() + ", ligne 4 : agency.color : clé inconnue") !=
        std::string::npos);
}

TEST_CASE("config::load_agency_config says when the file is missing, naming the path") {
  pcn::testing::TempDir dir("pcn-config");
  fs::path file = dir / "absente.toml";
  auto config = load_agency_config(file);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().code == "bad_config");
  CHECK(config.error().message ==
        "Fichier de configuration introuvable : « " + file.string() + " ».");
}

TEST_CASE("config::load_agency_config says when the file cannot be read, naming the path") {
  pcn::testing::TempDir dir("pcn-config");
  fs::path folder = dir / "agence.toml";
  fs::create_directory(folder);
  auto config = load_agency_config(folder);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().code == "bad_config");
  CHECK(config.error().message ==
        "Impossible de lire le fichier de configuration « " + folder.string() + " ».");
}

TEST_CASE("config::load_agency_config keeps UTF-8 labels intact") {
  pcn::testing::TempDir dir("pcn-config");
  fs::path file = dir / "agence.toml";
  std::string text(kMinimal);
  text += R"(
[[services]]
prefix = "N"
code = "identite"
label = "Identité numérique — aide à l’inscription"
colour = "#6F2C91"
)";
  write_all(file, text);
  auto config = load_agency_config(file);
  REQUIRE_MESSAGE(config.ok(), (config.ok() ? "" : config.error().message));
  REQUIRE(config->services.size() == 2);
  CHECK(config->name == "Agence d’essai");
  CHECK(config->services[1].label == "Identité numérique — aide à l’inscription");
  // The bytes themselves: "é" is C3 A9 in UTF-8.
  CHECK(config->services[1].label.substr(0, 9) == "Identit\xC3\xA9");
}

TEST_CASE("config::parse_agency_config reads [central]: endpoint, the centre's key, the agency's") {
  CHECK_FALSE(parsed(kMinimal).central.has_value());  // no section: the agency ships nothing
  const std::string key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
  const std::string file_text = std::string(kMinimal) +
                           "\n[central]\nendpoint = \"tcp://centre.pcn.nc:7470\"\n"
                           "public_key = \"" + key + "\"\n";
  const AgencyConfig c = parsed(file_text);
  REQUIRE(c.central.has_value());
  CHECK(c.central->endpoint == "tcp://centre.pcn.nc:7470");
  CHECK(c.central->public_key == key);
  CHECK(c.central->key == "essai");  // the agency's id
  auto bad_endpoint = parse_agency_config(
      std::string(kMinimal) + "\n[central]\nendpoint = \"centre.pcn.nc\"\npublic_key = \"" +
          key + "\"\n",
      "agence.toml", kBase);
  REQUIRE_FALSE(bad_endpoint.ok());
  CHECK(bad_endpoint.error().message.find("endpoint") != std::string::npos);
  CHECK(bad_endpoint.error().message.find(
            pcn::text::config_bad_central_endpoint("centre.pcn.nc")) != std::string::npos);
  auto bad_key = parse_agency_config(std::string(kMinimal) +
                                         "\n[central]\nendpoint = \"tcp://c:7470\"\n"
                                         "public_key = \"court\"\n",
                                     "agence.toml", kBase);
  REQUIRE_FALSE(bad_key.ok());
  CHECK(bad_key.error().message.find(pcn::text::config_bad_central_key()) != std::string::npos);
  auto missing = parse_agency_config(std::string(kMinimal) + "\n[central]\nkey = \"x\"\n",
                                     "agence.toml", kBase);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("endpoint") != std::string::npos);
}

TEST_CASE("config::parse_agency_config reads [central] suivi, the slips' link, or refuses it") {
  const std::string key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
  auto with = [&](const std::string& suivi_line) {
    return parse_agency_config(std::string(kMinimal) +
                                   "\n[central]\nendpoint = \"tcp://centre.pcn.nc:7470\"\n"
                                   "public_key = \"" +
                                   key + "\"\n" + suivi_line,
                               "agence.toml", kBase);
  };
  auto none = with("");
  REQUIRE(none.ok());
  CHECK(none->central->follow_base.empty());  // no link: the QR code stays for staff
  auto set = with("suivi = \"https://pcn-central.example.nc/suivre/\"\n");
  REQUIRE_MESSAGE(set.ok(), (set.ok() ? "" : set.error().message));
  CHECK(set->central->follow_base == "https://pcn-central.example.nc/suivre/");
  CHECK(with("suivi = \"http://10.0.0.5:8080/s/\"\n").ok());

  const std::string too_long = "https://pcn.nc/" + std::string(190, 'a');
  for (const std::string& bad :
       {std::string("ftp://pcn.nc/suivre/"), std::string("pcn.nc/suivre/"), std::string("https://"),
        std::string("https://pcn.nc/mon ticket/"), too_long}) {
    CAPTURE(bad);
    auto refused = with("suivi = \"" + bad + "\"\n");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "bad_config");
    const std::string& message = refused.error().message;
    CHECK(message.find("agence.toml, ligne ") == 0);  // the file and the line
    CHECK(message.find("central.suivi") != std::string::npos);
    CHECK(message.find(pcn::text::config_bad_follow_base(bad, pcn::config::kMaxFollowBaseBytes)) !=
          std::string::npos);
  }
  CHECK_FALSE(with("suivi = 42\n").ok());
}
