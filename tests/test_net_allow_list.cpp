#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "net/allow_list.h"
#include "net/key_files.h"
#include "net/keygen.h"
#include "net/roles.h"
#include "support/temp_dir.h"
#include "text/catalog.h"

using namespace pcn;
namespace fs = std::filesystem;

namespace {

net::KeyPair make_pair(const std::string& name, const std::string& role) {
  auto pair = net::generate_key_pair(name, role);
  REQUIRE(pair.ok());
  return *pair;
}

void put_public(const net::KeyPair& pair, const fs::path& file) {
  REQUIRE(net::write_public_key_file(pair, file).ok());
}

}  // namespace

TEST_CASE("net::AllowList finds a listed client by its Z85 or raw 32-byte public key") {
  testing::TempDir dir("pcn-net");
  const auto kiosk = make_pair("kiosk-2", "kiosk");
  const auto agent = make_pair("agent-1", "agent");
  put_public(kiosk, dir / "kiosk-2.pub");
  put_public(agent, dir / "agent-1.pub");
  std::ofstream(dir / "LISEZMOI.txt") << "pas une clé\n";

  const auto list = net::AllowList::load(dir.path());
  REQUIRE_MESSAGE(list.ok(), list.error().to_string());
  CHECK(list->size() == 2);

  const auto* by_text = list->find(kiosk.public_key);
  REQUIRE(by_text != nullptr);
  CHECK(*by_text == net::ClientIdentity{"kiosk-2", "kiosk"});

  const auto raw = net::decode_z85_key(agent.public_key);
  REQUIRE(raw.has_value());
  const auto* by_raw = list->find(std::string(raw->begin(), raw->end()));
  REQUIRE(by_raw != nullptr);
  CHECK(*by_raw == net::ClientIdentity{"agent-1", "agent"});

  CHECK(list->find(make_pair("intrus", "kiosk").public_key) == nullptr);
  CHECK(list->find("pas une clé") == nullptr);
  CHECK(list->find("") == nullptr);
}

TEST_CASE("net::AllowList::load names the malformed file") {
  testing::TempDir dir("pcn-net");
  put_public(make_pair("kiosk", "kiosk"), dir / "kiosk.pub");
  std::ofstream(dir / "display.pub")
      << "name = \"display\"\nrole = \"display\"\npublic = \"court\"\n";
  const auto list = net::AllowList::load(dir.path());
  REQUIRE_FALSE(list.ok());
  CHECK(list.error().code == "bad_key_file");
  CHECK(list.error().message.find((dir / "display.pub").string()) != std::string::npos);
}

TEST_CASE("net::AllowList::load refuses two files with the same public key") {
  testing::TempDir dir("pcn-net");
  auto kiosk = make_pair("kiosk", "kiosk");
  put_public(kiosk, dir / "kiosk.pub");
  kiosk.name = "kiosk-copie";
  put_public(kiosk, dir / "kiosk-copie.pub");
  const auto list = net::AllowList::load(dir.path());
  REQUIRE_FALSE(list.ok());
  CHECK(list.error().code == "duplicate_key");
  CHECK(list.error().message.find((dir / "kiosk.pub").string()) != std::string::npos);
  CHECK(list.error().message.find((dir / "kiosk-copie.pub").string()) != std::string::npos);
}

TEST_CASE("net::AllowList::load refuses the hub's key and a missing folder") {
  testing::TempDir dir("pcn-net");
  put_public(make_pair("hub", "hub"), dir / "hub.pub");
  const auto with_hub = net::AllowList::load(dir.path());
  REQUIRE_FALSE(with_hub.ok());
  CHECK(with_hub.error().message.find("n’est pas un rôle de client") != std::string::npos);

  const auto missing = net::AllowList::load(dir / "absent");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "io_error");
  CHECK(missing.error().message.find((dir / "absent").string()) != std::string::npos);
}

TEST_CASE("net::AllowList for the centre holds agency keys only, the hub's never one") {
  auto bourail = net::generate_key_pair("bourail", "agency");
  auto kiosk = net::generate_key_pair("kiosk-1", "kiosk");
  REQUIRE(bourail.ok());
  REQUIRE(kiosk.ok());
  net::AllowList centre(net::is_agency_role);
  REQUIRE(centre.add(*bourail, "agences/bourail.pub").ok());
  CHECK(centre.find(bourail->public_key)->name == "bourail");
  auto wrong = centre.add(*kiosk, "agences/kiosk-1.pub");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().message == text::allow_list_not_agency("agences/kiosk-1.pub", "kiosk"));
  net::AllowList hub;
  auto agency_at_hub = hub.add(*bourail, "allowed/bourail.pub");
  REQUIRE_FALSE(agency_at_hub.ok());
  CHECK(agency_at_hub.error().code == "bad_key_file");
  CHECK(net::is_key_role("central"));
  CHECK_FALSE(net::is_known_role("agency"));
}
