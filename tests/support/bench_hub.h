// What the benchmark programs share: a hub on loopback with CURVE keys in a temp folder and its
// SQLite file (synchronous=FULL), and clients with the keys of a role. Figures are printed, never
// asserted.
#pragma once

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "client/client.h"
#include "hub/hub_thread.h"
#include "net/allow_list.h"
#include "net/key_files.h"
#include "net/keygen.h"
#include "store/sqlite_store.h"
#include "support/bench_util.h"

namespace pcn::bench {

inline queue::AgencyRules rules() {
  queue::AgencyRules r;
  r.services = {{'C', "cafat", "CAFAT", "#0072BC", std::chrono::minutes(15)},
                {'F', "factures", "Factures", "#F39200", std::chrono::minutes(10)}};
  r.counters = {{1, "Guichet 1", "CF", false, std::nullopt, ""},
                {2, "Guichet 2", "CF", false, std::nullopt, ""}};
  return r;
}

struct Bench {
  std::filesystem::path dir;
  util::SystemClock clock;
  std::unique_ptr<hub::HubThread> hub;

  /// `prepare`, when given, writes to the hub's SQLite file before the hub opens it; `configure`,
  /// when given, changes the hub's options (e.g. a centre to ship from its SQLite file `database`)
  /// before it starts.
  explicit Bench(const std::function<void(const std::filesystem::path& database)>& prepare = {},
                 const std::function<void(hub::HubOptions&, const std::filesystem::path& database)>&
                     configure = {}) {
    dir = std::filesystem::temp_directory_path() / ("pcn-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    must(net::keygen_agency(dir / "keys"));
    if (prepare) prepare(database());
    hub::HubOptions o;
    o.agency = {"bench", "Banc d’essai"};
    o.rules = rules();
    o.request_bind = "tcp://127.0.0.1:*";
    o.event_bind = "tcp://127.0.0.1:*";
    o.hub_key = must(net::read_key_file(dir / "keys" / "hub.key"));
    o.allow_list = must(net::AllowList::load(net::allowed_folder(dir / "keys")));
    if (configure) configure(o, database());
    auto file = database();
    hub = must(hub::HubThread::start(
        std::move(o),
        [file]() -> util::Result<std::unique_ptr<store::Store>> {
          auto s = store::SqliteStore::open(file);
          if (!s.ok()) return s.error();
          return std::unique_ptr<store::Store>(std::move(*s));
        },
        clock));
  }
  std::filesystem::path database() const { return dir / "queue.sqlite"; }
  std::filesystem::path keys() const { return dir / "keys"; }
  ~Bench() {
    hub.reset();
    std::filesystem::remove_all(dir);
  }
  std::unique_ptr<client::Client> client(const std::string& role, bool follow) {
    client::ClientOptions o;
    o.name = role;
    o.request_endpoint = hub->request_endpoint();
    o.event_endpoint = hub->event_endpoint();
    o.key = must(net::read_key_file(dir / "keys" / (role + ".key")));
    o.hub_public = must(net::read_key_file(dir / "keys" / "hub.pub")).public_key;
    o.follow = follow;
    return must(client::Client::connect(o));
  }
};

}  // namespace pcn::bench
