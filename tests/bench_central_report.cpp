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
#include "support/pilot_year.h"
#include "support/postgres_harness.h"

using namespace pcn;

namespace {

int agencies_wanted() {
  const char* n = std::getenv("PCN_BENCH_AGENCIES");
  return n ? std::max(1, std::atoi(n)) : 60;
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
  pg.psql(testing::synthetic_year(agencies));
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
