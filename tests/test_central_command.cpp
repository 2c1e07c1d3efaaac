// pcn-central's command line and central.toml: keygen writes the centre's pair and an agency's
// (its public key admitted), never overwriting; the example config loads; a wrong one is refused
// naming the file, the line and the key.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "central/central_command.h"
#include "central/central_config.h"
#include "net/key_files.h"
#include "support/temp_dir.h"

using namespace pcn;
namespace fs = std::filesystem;

namespace {

fs::path example() {
  return fs::path(__FILE__).parent_path().parent_path() / "examples" / "central.toml";
}

}  // namespace

TEST_CASE("central::load_central_config reads examples/central.toml") {
  auto c = central::load_central_config(example());
  REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().message));
  CHECK(c->bind == "tcp://0.0.0.0:7470");
  CHECK(c->keys == example().parent_path() / "keys");
  CHECK(c->database == "host=/run/postgresql dbname=pcn user=pcn-central");
  auto wrong = central::parse_central_config("[centre]\nbind = \"tcp://0.0.0.0:7470\"\nport = 3\n",
                                             "central.toml", "");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == "bad_config");
  CHECK(wrong.error().message.rfind("central.toml, ligne 3 : centre.port : ", 0) == 0);
  auto missing = central::load_central_config("/nonexistent/central.toml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("/nonexistent/central.toml") != std::string::npos);
}

TEST_CASE("central::run_keygen makes the centre's pair and an agency's, never overwriting") {
  testing::TempDir dir("pcn-central-keygen");
  {
    std::ofstream(dir / "central.toml") << "[keys]\nfolder = \"cles\"\n";
  }
  const std::string config = (dir / "central.toml").string();
  std::ostringstream out, err;
  REQUIRE(central::run_keygen(config, "", out, err) == 0);
  auto centre = net::read_key_file(dir / "cles" / "centre.key");
  REQUIRE(centre.ok());
  CHECK(centre->role == "central");
  CHECK(out.str().find("public_key = \"" + centre->public_key + "\"") != std::string::npos);
  REQUIRE(central::run_keygen(config, "bourail", out, err) == 0);
  auto admitted = net::read_key_file(dir / "cles" / "agences" / "bourail.pub");
  auto handed = net::read_key_file(dir / "cles" / "pour-les-agences" / "bourail.key");
  REQUIRE(admitted.ok());
  REQUIRE(handed.ok());
  CHECK(admitted->role == "agency");
  CHECK(admitted->public_key == handed->public_key);
  CHECK(handed->has_secret());
  // Again: refused, the keys unchanged.
  std::ostringstream again_out, again_err;
  CHECK(central::run_keygen(config, "", again_out, again_err) == 1);
  CHECK(again_err.str().rfind("pcn-central : ", 0) == 0);
  CHECK(net::read_key_file(dir / "cles" / "centre.key")->public_key == centre->public_key);
  CHECK(central::run_keygen(config, "bourail", again_out, again_err) == 1);
  CHECK(net::read_key_file(dir / "cles" / "agences" / "bourail.pub")->public_key ==
        admitted->public_key);
  CHECK(central::run_keygen(config, "Bourail!", again_out, again_err) == 1);  // not a key name
}
