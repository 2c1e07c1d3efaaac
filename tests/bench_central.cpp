// pcn-bench-central: an agency's catch-up after 72 hours cut off from the centre (issue #12),
// printed, never asserted.
//
// A busy agency's three days (by default 300 tickets a day, each called and finished with an
// outcome, and the close of each day) are made by a real queue::Engine and committed through the
// real SqliteStore into a hub database file, as its hub would have written them. Then, in rounds:
//  - the real path: a hub::Shipper reads that file and ships it over CurveZMQ on 127.0.0.1 to a
//    central::CentralServer (its own thread) that stores into PostgreSQL through CentralStore
//    (events, pilot_tickets, workshops); timed from the shipper's start to the acknowledgement of
//    the last event;
//  - the baseline: the same events (read from the file beforehand) inserted bare into a table
//    shaped like `events`, 500 rows per multi-row INSERT, one transaction each, on the same
//    PostgreSQL.
// Both in events per second, and their ratio (target ≥ 0.5 ×). To tell where the real path's
// time goes, also CentralStore::store alone on the same batches (it writes events, pilot_tickets
// and workshops: more than the baseline's one table), and the path's JSON work alone (reading
// the stored bodies, splicing them into frames, decoding the frames). The PostgreSQL is a
// temporary cluster (tests/support/postgres_harness.h, fsync=off for every path), on this
// machine, like the rest.
//
// Run:   cmake --build build --target pcn-bench-central
//        build/tests/pcn-bench-central [--days 3] [--tickets 300] [--rounds 3]
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
#include "protocol/ship.h"
#include "store/event_reader.h"
#include "store/sqlite_handle.h"
#include "store/sqlite_store.h"
#include "support/bench_hub.h"
#include "support/bench_util.h"
#include "support/postgres_harness.h"
#include "support/temp_dir.h"

using namespace pcn;
using namespace pcn::bench;

namespace {

struct Shape {
  int days = 3;
  int tickets = 300;  ///< a day
  int rounds = 3;
};

queue::Change accepted(queue::Engine& engine, const queue::Engine::Decision& d) {
  if (!d.ok()) die(d.error().to_string());
  engine.apply(*d);
  return *d;
}

/// The agency's days, committed to `file`; returns the last sequence.
std::int64_t write_days(const std::filesystem::path& file, const Shape& shape) {
  auto store = must(store::SqliteStore::open(file));
  const util::TimeZone zone = util::TimeZone::noumea();
  const util::LocalDate first{2026, 11, 23};  // a Monday
  queue::Engine engine{bench::rules(), first};  // the hub benchmarks' agency
  queue::Outcome outcome;
  outcome.partner = {"cafat"};
  outcome.theme = {"espace_en_ligne"};
  outcome.autonomy = "pas_a_pas";
  outcome.result = "aboutie";
  std::int64_t last = 0;
  auto commit = [&](const queue::Change& c) { last = must(store->commit(c, std::nullopt)); };
  for (int day = 0; day < shape.days; ++day) {
    util::TimePoint now = zone.start_of(first) + std::chrono::hours(24 * day + 7);
    if (auto close = engine.roll_over(now)) {
      engine.apply(*close);
      commit(*close);
    }
    // The day's tickets spread over ten hours from 07:00, whatever their number.
    const auto step = std::chrono::milliseconds(36'000'000 / shape.tickets) / 3;
    for (int i = 0; i < shape.tickets; ++i) {
      commit(accepted(engine, engine.issue(i % 2 ? 'F' : 'C', i % 20 == 0, now)));
      now += step;
      const int counter = 1 + i % 2;
      commit(accepted(engine, engine.call_next(counter, now)));
      now += step;
      commit(accepted(engine, engine.finish_with(counter, outcome, now)));
      now += step;
    }
  }
  return last;
}

struct Row {
  std::string seq, day, at, kind, body;
  std::optional<std::string> counter, ticket;
};

/// The file's events as they lie in its `events` table.
std::vector<Row> read_rows(const std::filesystem::path& file) {
  auto db = must(store::Database::open(file.string()));
  auto s =
      must(db.prepare("SELECT seq, day, at, kind, counter, ticket, body FROM events ORDER BY seq"));
  std::vector<Row> rows;
  while (must(s.step())) {
    auto text = [&](int c) -> std::optional<std::string> {
      if (s.column_is_null(c)) return std::nullopt;
      return s.column_text(c);
    };
    rows.push_back({s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3),
                    s.column_text(6), text(4), text(5)});
  }
  return rows;
}

/// Baseline: `rows` into bare_events, 500 a statement, one transaction each; events/s.
double bare_inserts(const central::PgConnection& pg, const std::vector<Row>& rows) {
  must(
      pg.run_script("DROP TABLE IF EXISTS bare_events; CREATE TABLE bare_events ("
                    "agency text NOT NULL, store text NOT NULL, seq bigint NOT NULL, "
                    "day date NOT NULL, at timestamptz NOT NULL, kind text NOT NULL, "
                    "counter integer, ticket bigint, body jsonb NOT NULL, "
                    "received_at timestamptz NOT NULL DEFAULT now(), "
                    "PRIMARY KEY (agency, store, seq))",
                    "bare_events"));
  const auto start = Steady::now();
  for (std::size_t from = 0; from < rows.size(); from += 500) {
    std::string sql =
        "INSERT INTO bare_events (agency, store, seq, day, at, kind, counter, "
        "ticket, body) VALUES ";
    std::vector<central::PgParam> params;
    for (std::size_t i = from; i < std::min(rows.size(), from + 500); ++i) {
      const int n = static_cast<int>(params.size());
      auto p = [&](int k) { return "$" + std::to_string(n + k); };
      sql += (i == from ? "(" : ",(") + p(1) + "," + p(2) + "," + p(3) + "," + p(4) +
             ",to_timestamp(" + p(5) + "::bigint / 1000.0)," + p(6) + "," + p(7) + "," + p(8) +
             "," + p(9) + ")";
      const Row& r = rows[i];
      params.insert(params.end(),
                    {"bench", "store", r.seq, r.day, r.at, r.kind, r.counter, r.ticket, r.body});
    }
    must(pg.exec("BEGIN"));
    must(pg.exec(sql, params));
    must(pg.exec("COMMIT"));
  }
  return double(rows.size()) / seconds_since(start);
}

/// CentralStore alone, in this process, on the same batches the shipper sends (500 events,
/// decoded from the file beforehand): where the real path's time goes; events/s.
double store_only(const central::PgConnection& admin, const std::string& conninfo,
                  const std::filesystem::path& file, std::int64_t last) {
  must(
      admin.run_script("TRUNCATE events, pilot_tickets, pilot_workshops, agency_stores, "
                       "agencies",
                       "truncate"));
  auto reader = must(store::EventReader::open(file));
  std::vector<central::Batch> batches;
  for (std::int64_t after = 0; after < last; after += 500) {
    batches.push_back({"bench", "Banc d’essai", "Pacific/Noumea", must(reader.store_id()),
                       must(reader.after(after, 500))});
  }
  auto store = must(central::CentralStore::open(conninfo));
  const auto start = Steady::now();
  for (const central::Batch& b : batches) must(store.store(b));
  return double(last) / seconds_since(start);
}

/// The real path's JSON work without the network nor PostgreSQL, batch after batch as the
/// shipper and the centre do it: reading the stored bodies from the file (not decoded), splicing
/// them into the ship frame (protocol::encode_ship_raw), decoding it at the centre.
/// Milliseconds for the whole log.
struct JsonCosts {
  double read_ms = 0, encode_ms = 0, decode_ms = 0;
};
JsonCosts json_costs(const std::filesystem::path& file, std::int64_t last) {
  JsonCosts c;
  auto reader = must(store::EventReader::open(file));
  const protocol::ShipBatch head{"bench", "Banc d’essai", "Pacific/Noumea",
                                 must(reader.store_id()), {}};
  for (std::int64_t after = 0; after < last; after += 500) {
    auto t = Steady::now();
    const auto raw = must(reader.after_raw(after, 500, protocol::kMaxShipBytes));
    c.read_ms += seconds_since(t) * 1000;
    t = Steady::now();
    const std::string frame = protocol::encode_ship_raw(head, raw);
    c.encode_ms += seconds_since(t) * 1000;
    t = Steady::now();
    must(protocol::decode_ship(frame));
    c.decode_ms += seconds_since(t) * 1000;
  }
  return c;
}

/// The real path, from a fresh centre's tables; events/s. `first_ack_ms`: when the centre first
/// answered (connection, CURVE handshake and the empty ship that asks what it holds).
double ship_all(const testing::TestPostgres& pg, const central::PgConnection& admin,
                const std::filesystem::path& file, std::int64_t last, double& first_ack_ms) {
  first_ack_ms = -1;
  must(
      admin.run_script("TRUNCATE events, pilot_tickets, pilot_workshops, agency_stores, "
                       "agencies",
                       "truncate"));
  const net::KeyPair centre_key = must(net::generate_key_pair("centre", "central"));
  const net::KeyPair agency_key = must(net::generate_key_pair("bench", "agency"));
  net::AllowList allowed(net::is_agency_role);
  must(allowed.add(agency_key, "bench.pub"));
  auto server = must(central::CentralServer::start(
      {"tcp://127.0.0.1:*", centre_key, std::move(allowed), pg.conninfo()},
      [](const std::string& line) { std::fprintf(stderr, "centre : %s\n", line.c_str()); }));
  std::atomic<bool> stop{false};
  std::thread centre([&] { server->run(stop); });
  hub::ShipperOptions o;
  o.endpoint = server->endpoint();
  o.central_public = centre_key.public_key;
  o.key = agency_key;
  o.agency = "bench";
  o.name = "Banc d’essai";
  o.database = file;
  const util::SystemClock clock;
  const auto start = Steady::now();
  double rate = 0;
  {
    hub::Shipper shipper(o, clock, [](const std::string& line) {
      std::fprintf(stderr, "shipper: %s\n", line.c_str());
    });
    while (shipper.state().acknowledged < last) {
      if (first_ack_ms < 0 && shipper.state().last_ack) first_ack_ms = seconds_since(start) * 1000;
      if (seconds_since(start) > 600) die("the shipper did not catch up in 10 minutes");
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    rate = double(last) / seconds_since(start);
  }
  stop = true;
  centre.join();
  return rate;
}

/// The bench's folder and its temporary PostgreSQL.
struct Scratch {
  testing::TempDir dir{"pcn-bench-central"};
  testing::TestPostgres pg;
};

}  // namespace

int main(int argc, char** argv) {
  Shape shape;
  for (int i = 1; i + 1 < argc; i += 2) {
    const int value = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--days"))
      shape.days = value;
    else if (!std::strcmp(argv[i], "--tickets"))
      shape.tickets = value;
    else if (!std::strcmp(argv[i], "--rounds"))
      shape.rounds = value;
    else
      die(std::string("unknown option ") + argv[i]);
  }
  if (shape.days < 1 || shape.tickets < 1 || shape.rounds < 1) die("values must be positive");
  try {
    // Static, so that die() (std::exit) too stops the cluster and removes the folders.
    static Scratch scratch;
    const testing::TestPostgres& pg = scratch.pg;
    const auto file = scratch.dir / "queue.sqlite";
    const std::int64_t last = write_days(file, shape);
    const std::vector<Row> rows = read_rows(file);
    std::size_t bytes = 0;
    for (const Row& r : rows) bytes += r.body.size();
    std::printf("catch-up after %d days offline: %d tickets a day, %lld events (%zu KiB of JSON)\n",
                shape.days, shape.tickets, static_cast<long long>(last), bytes / 1024);
    auto admin = must(central::PgConnection::open(pg.conninfo()));
    {
      auto first = must(central::CentralStore::open(pg.conninfo()));  // the centre's schema
      (void)first;
    }
    std::vector<double> real, bare, alone;
    for (int round = 0; round < shape.rounds; ++round) {
      bare.push_back(bare_inserts(admin, rows));
      alone.push_back(store_only(admin, pg.conninfo(), file, last));
      double first_ack_ms = 0;
      real.push_back(ship_all(pg, admin, file, last, first_ack_ms));
      std::printf(
          "  round %d: shipper -> centre -> PostgreSQL %6.0f events/s (first ack after "
          "%.1f ms); CentralStore alone %6.0f events/s; bare batched INSERT %6.0f "
          "events/s\n",
          round + 1, real.back(), first_ack_ms, alone.back(), bare.back());
    }
    const JsonCosts json = json_costs(file, last);
    std::printf(
        "  the path's JSON work alone, whole log: reading the stored bodies from SQLite %.0f ms, "
        "splicing them into frames %.0f ms, decoding the frames at the centre %.0f ms\n",
        json.read_ms, json.encode_ms, json.decode_ms);
    const double r = percentile(real, 0.5), b = percentile(bare, 0.5);
    const double a = percentile(alone, 0.5);
    std::printf("\n| measure | value | baseline | ratio | target |\n|---|---|---|---|---|\n");
    std::printf(
        "| catch-up, events stored per second (median of %d) | %.0f /s | %.0f /s bare "
        "INSERT | **%.2f** %s | ≥ 0.5 × |\n",
        shape.rounds, r, b, r / b, r / b >= 0.5 ? "PASS" : "MISS");
    std::printf(
        "| CentralStore::store alone, same batches (median) | %.0f /s | %.0f /s bare "
        "INSERT | %.2f | |\n",
        a, b, a / b);
    std::printf("| 72 h of this agency caught up in | %.2f s | %.2f s | | |\n", double(last) / r,
                double(last) / b);
  } catch (const std::exception& e) {
    die(e.what());
  }
  return 0;
}
