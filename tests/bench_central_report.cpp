// Benchmark (figures, not a test): `pcn-central report` over 60 agencies × 1 year of synthetic
// data (about 4 million tickets in pilot_tickets, made by SQL in a PostgreSQL 15 started in a
// temp folder by tests/support/postgres_harness.h), with the schema's indexes. For three reports
// (one agency × one month, all agencies × one week, all agencies × one month, and all agencies
// × one year) it times the whole report (central::load_agencies + compute_central: read,
// rebuild the tickets, compute every agency and all together) over several runs and prints the
// median and p95, against a baseline measured in the same run: the bare fetch of the same rows
// (the same SELECT, rows not decoded).
//
// Run: build/tests/pcn-bench-central-report   (about 3 minutes; PCN_BENCH_AGENCIES=N for fewer
// agencies). It is a doctest program only for the harness's REQUIREs; it prints, never asserts.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "central/central_report.h"
#include "central/central_store.h"
#include "support/bench_util.h"
#include "support/postgres_harness.h"

using namespace pcn;

namespace {

int agencies_wanted() {
  const char* n = std::getenv("PCN_BENCH_AGENCIES");
  return n ? std::max(1, std::atoi(n)) : 60;
}

// One year of tickets: per agency and day 183 tickets (≈ 4 million for 60 agencies), three
// services, waits and times at the counter that vary, outcomes on served tickets.
std::string synthetic_year(int agencies) {
  return R"sql(
INSERT INTO agencies (id, name, time_zone)
  SELECT 'agence-' || lpad(a::text, 2, '0'), 'OPT Agence ' || a, 'Pacific/Noumea'
    FROM generate_series(1, )sql" + std::to_string(agencies) + R"sql() a;
INSERT INTO agency_stores (agency, store) SELECT id, md5(id) FROM agencies;
INSERT INTO pilot_tickets (agency, store, ticket, day, label, service, priority, state,
  issued_at, queued_at, called_at, finished_at, counter, calls, no_shows, transfers,
  wait_seconds, counter_seconds, print, partner, theme, autonomy, result, first_visit,
  age_band, last_seq)
SELECT s.agency, s.store, k + 200 * (d - date '2025-01-01'), d,
       svc || '-' || lpad(k::text, 3, '0'), svc, k % 20 = 0,
       CASE WHEN k % 33 = 0 THEN 'absent' WHEN k % 50 = 0 THEN 'unserved' ELSE 'done' END,
       issued, issued, issued + wait * interval '1 second',
       issued + (wait + 300 + (k * 37) % 1500) * interval '1 second',
       1 + k % 3, 1, 0, 0, wait, 300 + (k * 37) % 1500, 'printed',
       ARRAY[(ARRAY['cafat', 'eec', 'enercal', 'dfip'])[1 + k % 4]],
       ARRAY[(ARRAY['cafat', 'facture', 'smartphone'])[1 + k % 3]],
       (ARRAY['fait_a_la_place', 'pas_a_pas', 'un_peu_aide', 'autonome'])[1 + k % 4],
       'aboutie', 'oui', (ARRAY['60_69', '40_59', '70_plus'])[1 + k % 3], k
  FROM agency_stores s,
       generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') AS g(dd),
       LATERAL (SELECT g.dd::date AS d) day,
       generate_series(1, 183) AS k,
       LATERAL (SELECT (ARRAY['C', 'F', 'N'])[1 + k % 3] AS svc,
                       (d::timestamp + interval '7 hours 30 minutes' + k * interval '150 seconds')
                         AT TIME ZONE 'Pacific/Noumea' AS issued,
                       (k * 97) % 2400 AS wait) v;
ANALYZE;
)sql";
}

struct Case {
  const char* what;
  const char* from;
  const char* to;
  const char* agency;
};

}  // namespace

TEST_CASE("bench: pcn-central report over 60 agencies × 1 year") {
  const int agencies = agencies_wanted();
  testing::TestPostgres pg;
  {
    auto store = central::CentralStore::open(pg.conninfo());  // the schema and its indexes
    if (!store.ok()) bench::die(store.error().message);
  }
  const auto made = bench::Steady::now();
  pg.psql(synthetic_year(agencies));
  const double seconds = std::chrono::duration<double>(bench::Steady::now() - made).count();
  std::string count = pg.psql("SELECT count(*) FROM pilot_tickets");
  if (!count.empty() && count.back() == '\n') count.pop_back();
  std::printf("pcn-central report: %s tickets of %d agencies × 365 days made in %.0f s\n",
              count.c_str(), agencies, seconds);
  auto db = bench::must(central::PgConnection::open(pg.conninfo(), std::chrono::seconds(10)));
  const std::vector<Case> cases{{"1 agence × 1 mois", "2025-11-01", "2025-11-30", "agence-01"},
                                {"toutes × 1 semaine", "2025-11-24", "2025-11-30", ""},
                                {"toutes × 1 mois", "2025-11-01", "2025-11-30", ""},
                                {"toutes × 1 an", "2025-01-01", "2025-12-31", ""}};
  std::printf("%-22s %10s %10s %10s %10s %8s\n", "rapport", "tickets", "médiane", "p95",
              "base p95", "ratio");
  for (const Case& c : cases) {
    const report::DateRange range{*util::LocalDate::parse(c.from), *util::LocalDate::parse(c.to)};
    const int runs = std::string(c.to) == "2025-12-31" ? 3 : 10;
    std::vector<double> report_ms, base_ms;
    std::size_t tickets = 0;
    for (int i = 0; i < runs; ++i) {
      auto t0 = bench::Steady::now();
      auto rows = db.exec("SELECT * FROM pilot_tickets WHERE day BETWEEN $1::date AND $2::date "
                          "AND ($3 = '' OR agency = $3)",
                          {range.from.to_string(), range.to.to_string(), std::string(c.agency)});
      if (!rows.ok()) bench::die(rows.error().message);
      base_ms.push_back(std::chrono::duration<double, std::milli>(bench::Steady::now() - t0).count());
      t0 = bench::Steady::now();
      auto data = bench::must(central::load_agencies(db, range, c.agency));
      const central::CentralFigures figures = central::compute_central(data, range, std::nullopt);
      report_ms.push_back(
          std::chrono::duration<double, std::milli>(bench::Steady::now() - t0).count());
      tickets = static_cast<std::size_t>(figures.all.total.tickets);
    }
    const double p95 = bench::percentile(report_ms, 0.95);
    const double base = bench::percentile(base_ms, 0.95);
    std::printf("%-22s %10zu %8.0f ms %7.0f ms %7.0f ms %7.2f×\n", c.what, tickets,
                bench::percentile(report_ms, 0.5), p95, base, p95 / base);
  }
}
