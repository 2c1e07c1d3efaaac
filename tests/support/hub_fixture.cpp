#include "support/hub_fixture.h"

#include <doctest/doctest.h>

#include "net/allow_list.h"
#include "net/key_files.h"
#include "net/keygen.h"
#include "store/sqlite_store.h"
#include "support/engine_fixture.h"

namespace pcn::testing {

TestHub::TestHub(bool plaintext)
    : clock_(noumea_time(2026, 11, 23, 9, 0)), plaintext_(plaintext) {
  auto made = net::keygen_agency(dir_ / "keys");
  REQUIRE_MESSAGE(made.ok(), (made.ok() ? "" : made.error().to_string()));
}

TestHub::~TestHub() { stop(); }

hub::HubOptions TestHub::options() const {
  hub::HubOptions o;
  o.agency = {"test", "OPT Test — Point Conseil Numérique"};
  o.rules = rules_ ? *rules_ : test_rules();
  o.request_bind = request_bind_;
  o.event_bind = event_bind_;
  o.plaintext = plaintext_;
  auto key = net::read_key_file(dir_ / "keys" / "hub.key");
  REQUIRE(key.ok());
  o.hub_key = *key;
  auto allowed = net::AllowList::load(net::allowed_folder(dir_ / "keys"));
  REQUIRE(allowed.ok());
  o.allow_list = *allowed;
  o.central = central_;
  if (o.central) o.central->database = database();
  o.follow = follow_;
  return o;
}

void TestHub::start() {
  REQUIRE_FALSE(running());
  auto file = database();
  auto started = hub::HubThread::start(
      options(),
      [file]() -> util::Result<std::unique_ptr<store::Store>> {
        auto s = store::SqliteStore::open(file);
        if (!s.ok()) return s.error();
        return std::unique_ptr<store::Store>(std::move(*s));
      },
      clock_);
  REQUIRE_MESSAGE(started.ok(), (started.ok() ? "" : started.error().to_string()));
  hub_ = std::move(*started);
  // A restart binds the very same ports, so that clients find it again by themselves.
  request_bind_ = hub_->request_endpoint();
  event_bind_ = hub_->event_endpoint();
}

void TestHub::stop() { hub_.reset(); }

client::ClientOptions TestHub::client_options(const std::string& role) const {
  client::ClientOptions o;
  o.name = role;
  o.request_endpoint = request_bind_;
  o.event_endpoint = event_bind_;
  o.plaintext = plaintext_;
  o.request_timeout = std::chrono::milliseconds(500);
  o.retries = 3;
  o.silence_limit = std::chrono::milliseconds(3000);
  auto key = net::read_key_file(dir_ / "keys" / (role + ".key"));
  REQUIRE(key.ok());
  o.key = *key;
  auto hub_key = net::read_key_file(dir_ / "keys" / "hub.pub");
  REQUIRE(hub_key.ok());
  o.hub_public = hub_key->public_key;
  return o;
}

std::unique_ptr<client::Client> TestHub::client(const std::string& role, bool follow) {
  auto o = client_options(role);
  o.follow = follow;
  auto c = client::Client::connect(o);
  REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().to_string()));
  return std::move(*c);
}

}  // namespace pcn::testing
