// pcn-bench-central-delay: how long a ticket taken at the hub takes to reach the centre's
// PostgreSQL while the link is up (issue #13: the centre's public page « suivre mon ticket »
// shows what the centre holds), printed, never asserted.
//
// A real hub (tests/support/bench_hub.h: CURVE, SQLite synchronous=FULL) ships with its real
// hub::Shipper and its production defaults (idle 250 ms, keepalive 10 s) over CurveZMQ on
// 127.0.0.1 to a central::CentralServer (its own thread) storing into a temporary PostgreSQL 15
// (tests/support/postgres_harness.h, fsync=off). A kiosk client takes `--tickets` tickets, one at
// a time, `--gap-ms` apart plus a varying offset (so that tickets fall at every moment of the
// shipper's idle period); for each, the time from sending take_ticket to its row in
// pilot_tickets, polled every 2 ms through libpq. Prints min (the path's own cost: the hub's
// commit, the ship, the centre's transaction), p50, p95 and max (min plus up to one idle period).
//
// Run:   cmake --build build --target pcn-bench-central-delay
//        build/tests/pcn-bench-central-delay [--tickets 50] [--gap-ms 400]
// (as root, PostgreSQL's programs run as the postgres user; /usr/lib/postgresql/15/bin needed).
#include <atomic>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "central/central_server.h"
#include "central/central_store.h"
#include "central/pg_connection.h"
#include "hub/shipper.h"
#include "net/curve_keys.h"
#include "support/bench_hub.h"
#include "support/bench_util.h"
#include "support/postgres_harness.h"

using namespace pcn;
using namespace pcn::bench;

namespace {

struct Shape {
  int tickets = 50;
  int gap_ms = 400;
};

/// The centre on its own thread, serving until destroyed.
class Centre {
 public:
  Centre(const testing::TestPostgres& pg, const net::KeyPair& centre_key,
         const net::KeyPair& agency_key) {
    net::AllowList allowed(net::is_agency_role);
    must(allowed.add(agency_key, agency_key.name + ".pub"));
    server_ = must(central::CentralServer::start(
        {"tcp://127.0.0.1:*", centre_key, std::move(allowed), pg.conninfo()},
        [](const std::string& line) { std::fprintf(stderr, "centre : %s\n", line.c_str()); }));
    thread_ = std::thread([this] { server_->run(stop_); });
  }
  ~Centre() {
    stop_ = true;
    thread_.join();
  }
  Centre(const Centre&) = delete;
  Centre& operator=(const Centre&) = delete;
  std::string endpoint() const { return server_->endpoint(); }

 private:
  std::unique_ptr<central::CentralServer> server_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

/// Milliseconds from now until `ticket`'s row is in pilot_tickets (polled every 2 ms).
double until_stored(const central::PgConnection& db, Steady::time_point from, std::int64_t ticket) {
  const std::string sql = "SELECT 1 FROM pilot_tickets WHERE agency = 'bench' AND ticket = $1";
  while (must(db.exec(sql, {std::to_string(ticket)})).size() == 0) {
    if (seconds_since(from) > 60) die("a ticket did not reach the centre within 60 s");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return seconds_since(from) * 1000;
}

Shape parse(int argc, char** argv) {
  Shape shape;
  for (int i = 1; i + 1 < argc; i += 2) {
    const int value = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--tickets"))
      shape.tickets = value;
    else if (!std::strcmp(argv[i], "--gap-ms"))
      shape.gap_ms = value;
    else
      die(std::string("unknown option ") + argv[i]);
  }
  if (shape.tickets < 1 || shape.gap_ms < 0) die("values must be positive");
  return shape;
}

}  // namespace

int main(int argc, char** argv) {
  const Shape shape = parse(argc, argv);
  try {
    // Static, so that die() (std::exit) too stops the cluster and removes its folder.
    static testing::TestPostgres pg;
    { must(central::CentralStore::open(pg.conninfo())); }  // the centre's schema
    const net::KeyPair centre_key = must(net::generate_key_pair("centre", "central"));
    const net::KeyPair agency_key = must(net::generate_key_pair("bench", "agency"));
    Centre centre(pg, centre_key, agency_key);
    const hub::ShipperOptions defaults;
    Bench bench({}, [&](hub::HubOptions& o, const std::filesystem::path& database) {
      hub::ShipperOptions s;  // the production defaults: idle, keepalive, timeout, batch
      s.endpoint = centre.endpoint();
      s.central_public = centre_key.public_key;
      s.key = agency_key;
      s.agency = "bench";
      s.name = "Banc d’essai";
      s.database = database;
      o.central = std::move(s);
    });
    const auto started = Steady::now();
    while (!bench.hub->central_state() || !bench.hub->central_state()->connected) {
      if (seconds_since(started) > 30) die("the shipper did not reach the centre within 30 s");
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    auto db = must(central::PgConnection::open(pg.conninfo()));
    auto kiosk = bench.client("kiosk", false);
    std::vector<double> delays;
    for (int i = 0; i < shape.tickets; ++i) {
      // A varying offset within the shipper's idle period (a prime step over 0..idle).
      const auto offset = std::chrono::milliseconds((i * 37) % (defaults.idle.count() + 1));
      std::this_thread::sleep_for(std::chrono::milliseconds(shape.gap_ms) + offset);
      const auto from = Steady::now();
      auto reply = must(kiosk->request("take_ticket", {{"service", "C"}}));
      delays.push_back(until_stored(db, from, reply.at("ticket").at("id").get<std::int64_t>()));
    }
    std::printf(
        "hub -> centre's PostgreSQL while the link is up (shipper idle %lld ms, keepalive %lld s), "
        "%d tickets one at a time:\n",
        static_cast<long long>(defaults.idle.count()),
        static_cast<long long>(defaults.keepalive.count() / 1000), shape.tickets);
    std::printf(
        "  from take_ticket sent to its row in pilot_tickets: min %.0f ms, p50 %.0f ms, p95 %.0f "
        "ms, "
        "max %.0f ms\n",
        percentile(delays, 0.0), percentile(delays, 0.5), percentile(delays, 0.95),
        percentile(delays, 1.0));
  } catch (const std::exception& e) {
    die(e.what());
  }
  return 0;
}
