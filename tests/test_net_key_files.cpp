#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "net/curve_keys.h"
#include "net/key_files.h"
#include "support/temp_dir.h"

using namespace pcn;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_text(const fs::path& file, const std::string& content) {
  std::ofstream(file) << content;
}

net::KeyPair make_pair(const std::string& name, const std::string& role) {
  auto pair = net::generate_key_pair(name, role);
  REQUIRE(pair.ok());
  return *pair;
}

/// A .key file's text with one line replaced by `line` (or removed when empty).
std::string key_text_with(const net::KeyPair& pair, const std::string& entry,
                          const std::string& line) {
  std::string text = "# essai\n";
  const std::pair<std::string, std::string> entries[] = {{"name", pair.name},
                                                         {"role", pair.role},
                                                         {"public", pair.public_key},
                                                         {"secret", pair.secret_key}};
  for (const auto& [key, value] : entries) {
    text += key == entry ? (line.empty() ? "" : line + "\n") : key + " = \"" + value + "\"\n";
  }
  return text;
}

}  // namespace

TEST_CASE("net::generate_key_pair makes 40-character Z85 keys that belong together") {
  const auto pair = make_pair("kiosk-1", "kiosk");
  CHECK(pair.public_key.size() == 40);
  CHECK(pair.secret_key.size() == 40);
  CHECK(net::decode_z85_key(pair.public_key).has_value());
  CHECK(net::public_key_of(pair.secret_key) == pair.public_key);
  CHECK(make_pair("kiosk-1", "kiosk").public_key != pair.public_key);
}

TEST_CASE("net::generate_key_pair refuses names outside [a-z0-9-]{1,32} and unknown roles") {
  const std::vector<std::string> names = {"",        "Kiosk",     "../kiosk",
                                          "kiosk_1", "accueil é", std::string(33, 'a')};
  for (const auto& name : names) {
    CAPTURE(name);
    const auto pair = net::generate_key_pair(name, "kiosk");
    REQUIRE_FALSE(pair.ok());
    CHECK(pair.error().code == "invalid_name");
  }
  CHECK(net::generate_key_pair(std::string(32, 'a'), "kiosk").ok());
  const auto bad_role = net::generate_key_pair("borne", "printer");
  REQUIRE_FALSE(bad_role.ok());
  CHECK(bad_role.error().code == "unknown_role");
  CHECK(bad_role.error().message.find("« printer »") != std::string::npos);
  CHECK(net::generate_key_pair("hub", "hub").ok());
}

TEST_CASE("net::decode_z85_key accepts only 40 canonical Z85 characters") {
  const auto pair = make_pair("agent", "agent");
  CHECK(net::decode_z85_key(pair.public_key).has_value());
  CHECK_FALSE(net::decode_z85_key(pair.public_key.substr(0, 39)).has_value());
  CHECK_FALSE(net::decode_z85_key(pair.public_key + "0").has_value());
  CHECK_FALSE(net::decode_z85_key(std::string(40, '"')).has_value());
  CHECK_FALSE(net::decode_z85_key(std::string(40, '~')).has_value());
  const auto raw = net::decode_z85_key(pair.public_key);
  REQUIRE(raw.has_value());
  CHECK(net::encode_z85_key(*raw) == pair.public_key);
}

TEST_CASE("net::write_key_pair and read_key_file round-trip the pair and its public half") {
  testing::TempDir dir("pcn-net");
  const auto pair = make_pair("display-salle", "display");
  REQUIRE(net::write_key_pair(pair, dir.path()).ok());

  const auto secret = net::read_key_file(dir / "display-salle.key");
  REQUIRE_MESSAGE(secret.ok(), secret.error().to_string());
  CHECK(secret->name == "display-salle");
  CHECK(secret->role == "display");
  CHECK(secret->public_key == pair.public_key);
  CHECK(secret->secret_key == pair.secret_key);

  const auto pub = net::read_key_file(dir / "display-salle.pub");
  REQUIRE_MESSAGE(pub.ok(), pub.error().to_string());
  CHECK(pub->name == "display-salle");
  CHECK(pub->role == "display");
  CHECK(pub->public_key == pair.public_key);
  CHECK(pub->secret_key.empty());
  CHECK(read_all(dir / "display-salle.pub").find(pair.secret_key) == std::string::npos);
}

TEST_CASE("net::write_key_pair makes the .key file 0600 and says in French that it is secret") {
  testing::TempDir dir("pcn-net");
  REQUIRE(net::write_key_pair(make_pair("hub", "hub"), dir.path()).ok());
  struct stat info {};
  REQUIRE(::stat((dir / "hub.key").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  const std::string text = read_all(dir / "hub.key");
  CHECK(text.rfind("# Clé SECRÈTE CurveZMQ de « hub »", 0) == 0);
  CHECK(text.find("ne la transmettez à personne") != std::string::npos);
}

TEST_CASE("net::write_key_pair refuses to overwrite an existing key file") {
  testing::TempDir dir("pcn-net");
  REQUIRE(net::write_key_pair(make_pair("kiosk", "kiosk"), dir.path()).ok());
  const std::string before = read_all(dir / "kiosk.key");

  const auto again = net::write_key_pair(make_pair("kiosk", "kiosk"), dir.path());
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "key_exists");
  CHECK(again.error().message.find((dir / "kiosk.key").string()) != std::string::npos);
  CHECK(again.error().message.find("existe déjà") != std::string::npos);
  CHECK(read_all(dir / "kiosk.key") == before);

  SUBCASE("even when only the .pub file is there") {
    fs::remove(dir / "kiosk.key");
    const auto third = net::write_key_pair(make_pair("kiosk", "kiosk"), dir.path());
    REQUIRE_FALSE(third.ok());
    CHECK(third.error().message.find((dir / "kiosk.pub").string()) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "kiosk.key"));
  }
}

TEST_CASE("net::read_key_file names the file and the entry of a malformed key file") {
  testing::TempDir dir("pcn-net");
  const auto pair = make_pair("agent-2", "agent");
  const auto other = make_pair("agent-3", "agent");
  const fs::path file = dir / "agent-2.key";

  struct Case {
    const char* what;
    std::string text;
    std::string expected;  // in the message, besides the file name
  };
  const Case cases[] = {
      {"short public key", key_text_with(pair, "public", "public = \"abc\""), "« public »"},
      {"secret of another pair",
       key_text_with(pair, "secret", "secret = \"" + other.secret_key + "\""), "ne correspond pas"},
      {"secret not Z85", key_text_with(pair, "secret", "secret = \"" + std::string(40, '~') + "\""),
       "« secret »"},
      {"missing name", key_text_with(pair, "name", ""), "« name » manque"},
      {"unknown role", key_text_with(pair, "role", "role = \"printer\""),
       "rôle inconnu « printer »"},
      {"bad name", key_text_with(pair, "name", "name = \"Agent 2\""), "nom invalide « Agent 2 »"},
      {"unquoted value", key_text_with(pair, "role", "role = agent"), "ligne 3"},
      {"unknown entry", key_text_with(pair, "role", "rôle = \"agent\""), "entrée inconnue"},
      {"missing secret in .key", key_text_with(pair, "secret", ""), "« secret » manque"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    write_text(file, c.text);
    const auto read = net::read_key_file(file);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().code == "bad_key_file");
    CHECK(read.error().message.find(file.string()) != std::string::npos);
    CHECK(read.error().message.find(c.expected) != std::string::npos);
  }
}

TEST_CASE("net::read_key_file refuses a .pub file that carries a secret, and a missing file") {
  testing::TempDir dir("pcn-net");
  const auto pair = make_pair("kiosk", "kiosk");
  write_text(dir / "kiosk.pub", key_text_with(pair, "", ""));
  const auto leaked = net::read_key_file(dir / "kiosk.pub");
  REQUIRE_FALSE(leaked.ok());
  CHECK(leaked.error().message.find("contient une clé secrète") != std::string::npos);

  const auto missing = net::read_key_file(dir / "absent.pub");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "io_error");
  CHECK(missing.error().message.find((dir / "absent.pub").string()) != std::string::npos);
  CHECK(missing.error().message.find("introuvable") != std::string::npos);
}

TEST_CASE("net::read_key_file accepts comments, blank lines and a Z85 '#' inside quotes") {
  testing::TempDir dir("pcn-net");
  // Generate until a key contains '#', so the parser must not take it for a comment.
  net::KeyPair pair;
  do {
    pair = make_pair("kiosk", "kiosk");
  } while (pair.public_key.find('#') == std::string::npos);
  write_text(dir / "kiosk.pub",
             "# commentaire\n\n  name = \"kiosk\"  # le nom\r\nrole=\"kiosk\"\n"
             "public = \"" +
                 pair.public_key + "\"\n");
  const auto read = net::read_key_file(dir / "kiosk.pub");
  REQUIRE_MESSAGE(read.ok(), read.error().to_string());
  CHECK(read->public_key == pair.public_key);
}
