#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "net/allow_list.h"
#include "net/key_files.h"
#include "net/keygen.h"
#include "support/temp_dir.h"

using namespace pcn;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// File name → content, for every regular file under `folder`.
std::map<std::string, std::string> snapshot(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), folder).string()] = read_all(entry.path());
    }
  }
  return files;
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("net::keygen puts a client's public key on the allow-list, never the hub's") {
  testing::TempDir dir("pcn-net");
  const fs::path keys = dir / "keys";

  const auto kiosk = net::keygen(keys, "kiosk-entree", "kiosk");
  REQUIRE_MESSAGE(kiosk.ok(), kiosk.error().to_string());
  CHECK(*kiosk == std::vector<fs::path>{keys / "kiosk-entree.key", keys / "kiosk-entree.pub",
                                        keys / "allowed" / "kiosk-entree.pub"});
  const auto listed = net::read_key_file(keys / "allowed" / "kiosk-entree.pub");
  const auto own = net::read_key_file(keys / "kiosk-entree.key");
  REQUIRE(listed.ok());
  REQUIRE(own.ok());
  CHECK(listed->public_key == own->public_key);
  CHECK(listed->secret_key.empty());

  const auto hub = net::keygen(keys, "hub", "hub");
  REQUIRE_MESSAGE(hub.ok(), hub.error().to_string());
  CHECK(hub->size() == 2);
  CHECK_FALSE(fs::exists(keys / "allowed" / "hub.pub"));
}

TEST_CASE("net::keygen refuses to replace an existing pair and checks name and role") {
  testing::TempDir dir("pcn-net");
  REQUIRE(net::keygen(dir.path(), "agent-1", "agent").ok());
  const auto before = snapshot(dir.path());

  const auto again = net::keygen(dir.path(), "agent-1", "agent");
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "key_exists");
  CHECK(again.error().message.find("agent-1.key") != std::string::npos);
  CHECK(snapshot(dir.path()) == before);

  CHECK(net::keygen(dir.path(), "Agent 2", "agent").error().code == "invalid_name");
  CHECK(net::keygen(dir.path(), "agent-2", "guichet").error().code == "unknown_role");
  CHECK(snapshot(dir.path()) == before);
}

TEST_CASE("net::keygen_agency is idempotent and fills allowed/ with the four client roles") {
  testing::TempDir dir("pcn-net");
  const auto first = net::keygen_agency(dir.path());
  REQUIRE_MESSAGE(first.ok(), first.error().to_string());
  CHECK(first->size() == 2 + 4 * 3);
  CHECK(names_in(dir / "allowed") ==
        std::vector<std::string>{"agent.pub", "display.pub", "kiosk.pub", "supervisor.pub"});

  const auto list = net::AllowList::load(dir / "allowed");
  REQUIRE_MESSAGE(list.ok(), list.error().to_string());
  CHECK(list->size() == 4);
  for (const std::string role : {"kiosk", "display", "agent", "supervisor"}) {
    const auto pair = net::read_key_file(dir / (role + ".key"));
    REQUIRE(pair.ok());
    const auto* client = list->find(pair->public_key);
    REQUIRE(client != nullptr);
    CHECK(client->role == role);
  }
  const auto hub = net::read_key_file(dir / "hub.key");
  REQUIRE(hub.ok());
  CHECK(list->find(hub->public_key) == nullptr);

  const auto before = snapshot(dir.path());
  const auto second = net::keygen_agency(dir.path());
  REQUIRE_MESSAGE(second.ok(), second.error().to_string());
  CHECK(second->empty());
  CHECK(snapshot(dir.path()) == before);

  SUBCASE("missing public files are restored from the kept secret keys") {
    fs::remove(dir / "allowed" / "agent.pub");
    fs::remove(dir / "kiosk.pub");
    const auto third = net::keygen_agency(dir.path());
    REQUIRE_MESSAGE(third.ok(), third.error().to_string());
    CHECK(*third == std::vector<fs::path>{dir / "kiosk.pub", dir / "allowed" / "agent.pub"});
    CHECK(snapshot(dir.path()) == before);
  }
}

TEST_CASE("net::keygen_agency stops on a public file whose secret key is gone") {
  testing::TempDir dir("pcn-net");
  REQUIRE(net::keygen_agency(dir.path()).ok());
  fs::remove(dir / "display.key");
  const auto again = net::keygen_agency(dir.path());
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "orphan_public_key");
  CHECK(again.error().message.find((dir / "display.pub").string()) != std::string::npos);
}
