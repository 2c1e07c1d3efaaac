// Benchmark (figures, not a test): the dashboard over 60 agencies × 1 year (about 4 million
// tickets, support/pilot_year.h, in a PostgreSQL 15 started in a temp folder), served by the real
// web server in this process and fetched over HTTP on 127.0.0.1 by cpp-httplib's client with a
// coordination account's session.
//
// Prints: the time to build every day summary from the tickets (once: a migration, or a backlog
// arriving); then for each page the median and p95 of the request's time (the server's work:
// session, parameters, reading the summaries, the tables, the HTML) against two baselines
// measured in the same run: the round trip of a static file (HTTP alone) and the bare SQL sum
// of the page's period (the database's share); the ticket page ("suivre mon ticket": token
// check, the agency's day of tickets, people ahead, the estimate); and the process's memory
// (VmRSS, VmHWM: the server, its 8 database connections and this client; PostgreSQL apart).
//
// Run: build/tests/pcn-bench-dashboard   (about 4 minutes; PCN_BENCH_AGENCIES=N for fewer).
#include <doctest/doctest.h>

#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "central/central_schema.h"
#include "dashboard/accounts.h"
#include "dashboard/day_summary.h"
#include "dashboard/web_server.h"
#include "protocol/follow_token.h"
#include "support/bench_util.h"
#include "support/pilot_year.h"
#include "support/postgres_harness.h"

using namespace pcn;

namespace {

int agencies_wanted() {
  const char* n = std::getenv("PCN_BENCH_AGENCIES");
  return n ? std::max(1, std::atoi(n)) : 60;
}

std::string status_line(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return line;
  }
  return key;
}

struct Page {
  const char* what;
  std::string path;
  const char* from;
  const char* to;
};

double ms_of(bench::Steady::time_point t0) {
  return std::chrono::duration<double, std::milli>(bench::Steady::now() - t0).count();
}

}  // namespace

TEST_CASE("bench: the dashboard over 60 agencies × 1 year") {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
  const int agencies = agencies_wanted();
  testing::TestPostgres pg;
  auto db = bench::must(central::PgConnection::open(pg.conninfo(), std::chrono::seconds(10)));
  bench::must(central::migrate(db));
  auto t0 = bench::Steady::now();
  pg.psql(testing::synthetic_year(agencies));
  std::printf("tableau de bord : %d agences × 365 jours faits en %.0f s\n", agencies,
              bench::seconds_since(t0));
  pg.psql("INSERT INTO dashboard_stale SELECT DISTINCT agency, day FROM pilot_tickets");
  t0 = bench::Steady::now();
  const int days = bench::must(dashboard::refresh_stale_days(db));
  std::printf("résumés de %d journées faits en %.1f s (%.2f ms par journée)\n", days,
              bench::seconds_since(t0), 1000 * bench::seconds_since(t0) / std::max(1, days));
  pg.psql("ANALYZE");

  // today's tickets at agence-01, for the ticket page: 183 issued, the first 60 served
  const protocol::FollowKey key = protocol::follow_key_of({});
  const util::SystemClock clock;
  const util::LocalDate today = util::TimeZone::noumea().date_of(clock.now());
  pg.psql("UPDATE agencies SET follow_key = '" + protocol::follow_key_hex(key) +
          "', last_contact = now() + interval '1 hour'");
  pg.psql("INSERT INTO pilot_tickets (agency, store, ticket, day, label, service, priority, state, "
          "issued_at, queued_at, called_at, finished_at, counter, calls, no_shows, transfers, "
          "wait_seconds, counter_seconds, print, last_seq) "
          "SELECT 'agence-01', md5('agence-01'), 1000000 + k, '" + today.to_string() + "', "
          "'C-' || lpad(k::text, 3, '0'), 'C', false, CASE WHEN k <= 60 THEN 'done' ELSE 'waiting' END, "
          "now() - (200 - k) * interval '1 minute', now() - (200 - k) * interval '1 minute', "
          "CASE WHEN k <= 60 THEN now() - (150 - k) * interval '1 minute' END, "
          "CASE WHEN k <= 60 THEN now() - (145 - k) * interval '1 minute' END, "
          "CASE WHEN k <= 60 THEN 1 + k % 3 END, 1, 0, 0, NULL, NULL, 'printed', k "
          "FROM generate_series(1, 183) k");

  bench::must(dashboard::create_account(db, {"coord", "Coordination", dashboard::Role::coordination, "", false},
                                        "mot-de-passe-du-banc"));
  dashboard::WebOptions options;
  options.config.port = 0;
  options.database = pg.conninfo();
  options.clock = &clock;
  auto web = bench::must(dashboard::WebServer::start(std::move(options)));
  httplib::Client client("127.0.0.1", web->port());
  client.set_read_timeout(120, 0);
  auto login = client.Post("/connexion", httplib::Params{{"login", "coord"}, {"password", "mot-de-passe-du-banc"}});
  if (!login || login->status != 303) bench::die("login refused");
  const std::string set = login->get_header_value("Set-Cookie");
  const httplib::Headers session{{"Cookie", set.substr(0, set.find(';'))}};
  std::printf("%s ; %s\n", status_line("VmRSS").c_str(), status_line("VmHWM").c_str());

  const std::vector<Page> pages{
      {"toutes × 4 semaines", "/tableau", "2025-12-04", "2025-12-31"},
      {"toutes × 1 semaine", "/tableau", "2025-11-24", "2025-11-30"},
      {"toutes × 3 mois", "/tableau", "2025-10-01", "2025-12-31"},
      {"toutes × 1 an", "/tableau", "2025-01-01", "2025-12-31"},
      {"1 agence × 1 mois", "/agence/agence-01", "2025-11-01", "2025-11-30"},
      {"1 agence × 1 an", "/agence/agence-01", "2025-01-01", "2025-12-31"},
  };
  std::printf("%-22s %9s %9s %11s %11s %8s\n", "page", "médiane", "p95", "HTTP p95", "SQL p95", "ratio");
  const int runs = 20;
  for (const Page& p : pages) {
    std::vector<double> page_ms, http_ms, sql_ms;
    std::size_t bytes = 0;
    const std::string path = p.path + "?du=" + p.from + "&au=" + p.to;
    for (int i = 0; i < runs; ++i) {
      auto t = bench::Steady::now();
      auto r = client.Get(path.c_str(), session);
      page_ms.push_back(ms_of(t));
      if (!r || r->status != 200) bench::die(std::string("page refused: ") + path);
      bytes = r->body.size();
      t = bench::Steady::now();
      auto s = client.Get("/static/dashboard.css");
      http_ms.push_back(ms_of(t));
      t = bench::Steady::now();
      bench::must(db.exec("SELECT agency, sum(served), sum(received) FROM dashboard_days "
                          "WHERE day BETWEEN $1::date AND $2::date AND slice = '' GROUP BY agency",
                          {std::string(p.from), std::string(p.to)}));
      sql_ms.push_back(ms_of(t));
    }
    const double p95 = bench::percentile(page_ms, 0.95);
    std::printf("%-22s %6.0f ms %6.0f ms %8.1f ms %8.1f ms %7.1f×  (%zu octets)\n", p.what,
                bench::percentile(page_ms, 0.5), p95, bench::percentile(http_ms, 0.95),
                bench::percentile(sql_ms, 0.95), p95 / bench::percentile(sql_ms, 0.95), bytes);
  }
  std::vector<double> follow_ms;
  const std::string follow = "/suivre/" + protocol::follow_token(key, "agence-01", today, 1000000 + 150);
  for (int i = 0; i < 50; ++i) {
    auto t = bench::Steady::now();
    auto r = client.Get(follow.c_str());
    follow_ms.push_back(ms_of(t));
    if (!r || r->status != 200 || r->body.find("avant vous") == std::string::npos) {
      bench::die("ticket page: " + (r ? r->body.substr(0, 300) : std::string("no answer")));
    }
  }
  std::printf("%-22s %6.1f ms %6.1f ms   (183 tickets dans la journée de l'agence)\n", "suivre mon ticket",
              bench::percentile(follow_ms, 0.5), bench::percentile(follow_ms, 0.95));
  std::printf("%s ; %s\n", status_line("VmRSS").c_str(), status_line("VmHWM").c_str());
}
