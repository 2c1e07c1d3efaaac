#include "support/dashboard_fixture.h"

#include <array>
#include <stdexcept>

#include "central/central_schema.h"
#include "central/pg_connection.h"
#include "dashboard/accounts.h"
#include "support/engine_fixture.h"

namespace pcn::testing {

std::string dashboard_dataset_sql() {
  return R"sql(
INSERT INTO agencies (id, name, time_zone, last_contact, last_received, last_event_at) VALUES
  ('bourail', 'OPT Bourail', 'Pacific/Noumea', now(), now(), now()),
  ('kone', 'OPT Koné', 'Pacific/Noumea', now() - interval '3 hours', now() - interval '3 hours',
   now() - interval '3 hours'),
  ('tadine', 'OPT Tadine (Maré)', 'Pacific/Noumea', NULL, NULL, NULL);
INSERT INTO agency_stores (agency, store) SELECT id, 'store-' || id FROM agencies;
INSERT INTO pilot_tickets (agency, store, ticket, day, label, service, priority, state,
  issued_at, queued_at, called_at, finished_at, counter, calls, no_shows, transfers,
  wait_seconds, counter_seconds, print, partner, theme, autonomy, result, first_visit,
  age_band, last_seq)
SELECT a.id, 'store-' || a.id, k + 100 * (d - date '2026-11-01'), d,
       svc || '-' || lpad(k::text, 3, '0'), svc, false, st,
       issued, issued,
       CASE WHEN st = 'unserved' THEN NULL ELSE issued + wait * interval '1 second' END,
       issued + (wait + 600) * interval '1 second',
       CASE WHEN st = 'unserved' THEN NULL ELSE 1 + k % 2 END, 1, 0, 0,
       CASE WHEN st = 'unserved' THEN NULL ELSE wait END,
       CASE WHEN st = 'done' THEN 600 END,
       CASE WHEN k % 9 = 4 THEN 'failed' ELSE 'printed' END,
       CASE WHEN st <> 'done' THEN '{}'::text[]
            WHEN k % 3 = 0 THEN ARRAY['cafat']
            WHEN k % 6 = 1 THEN ARRAY['eec', 'cafat']
            WHEN k % 3 = 1 THEN ARRAY['eec'] ELSE '{}'::text[] END,
       CASE WHEN st = 'done' THEN ARRAY['espace_en_ligne'] ELSE '{}'::text[] END,
       CASE WHEN st = 'done' THEN (ARRAY['fait_a_la_place', 'pas_a_pas', 'un_peu_aide',
                                         'autonome'])[1 + k % 4] END,
       CASE WHEN st = 'done' THEN 'aboutie' END,
       CASE WHEN st = 'done' THEN (ARRAY['oui', 'non'])[1 + k % 2] END,
       CASE WHEN st = 'done' THEN (ARRAY['60_69', '40_59', '70_plus'])[1 + k % 3] END,
       k
  FROM (VALUES ('bourail', 12), ('kone', 7), ('tadine', 3)) AS a(id, n),
       generate_series(date '2026-11-02', date '2026-11-29', interval '1 day') AS g(dd),
       LATERAL (SELECT g.dd::date AS d) day,
       LATERAL generate_series(1, a.n) AS k,
       LATERAL (SELECT (ARRAY['C', 'F', 'N'])[1 + k % 3] AS svc,
                       CASE WHEN k % 7 = 6 THEN 'absent' WHEN k % 11 = 10 THEN 'unserved'
                            ELSE 'done' END AS st,
                       (d::timestamp + interval '7 hours 30 minutes' + k * interval '20 minutes')
                         AT TIME ZONE 'Pacific/Noumea' AS issued,
                       (k * 331 + (d - date '2026-11-01')) % 2700 AS wait) v;
INSERT INTO dashboard_stale SELECT DISTINCT agency, day FROM pilot_tickets;
)sql";
}

DashboardFixture::DashboardFixture(int session_hours) {
  auto db = central::PgConnection::open(pg_.conninfo());
  if (!db.ok()) throw std::runtime_error(db.error().message);
  if (auto m = central::migrate(*db); !m.ok()) throw std::runtime_error(m.error().message);
  pg_.psql(dashboard_dataset_sql());
  const std::string partner = "cafat";
  const std::vector<std::pair<dashboard::Account, std::string>> accounts{
      {{"coord", "Claire Coordination", dashboard::Role::coordination, "", false}, ""},
      {{"bourail", "Bernard Bourail", dashboard::Role::agence, "bourail", false}, ""},
      {{"cafat", "Carole CAFAT", dashboard::Role::partenaire, partner, false}, ""}};
  for (const auto& [account, unused] : accounts) {
    if (auto made = dashboard::create_account(*db, account, kPassword); !made.ok()) {
      throw std::runtime_error(made.error().message);
    }
  }
  dashboard::WebOptions options;
  options.config.port = 0;
  options.config.threads = 4;
  options.config.session_hours = session_hours;
  options.database = pg_.conninfo();
  options.clock = &clock_;
  options.log = [this](const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mutex_);
    log_ += line + "\n";
  };
  auto web = dashboard::WebServer::start(std::move(options));
  if (!web.ok()) throw std::runtime_error(web.error().message);
  web_ = std::move(*web);
}

DashboardFixture::~DashboardFixture() { web_.reset(); }

protocol::FollowKey test_follow_key() {
  std::array<unsigned char, 32> secret{};
  for (std::size_t i = 0; i < secret.size(); ++i) secret[i] = static_cast<unsigned char>(i * 7 + 1);
  return protocol::follow_key_of(secret);
}

namespace {

/// The tests' agency, open at any hour (the tests run whenever CI does).
queue::AgencyRules always_open() {
  queue::AgencyRules rules = test_rules();
  rules.hours = queue::OpeningHours::always();
  return rules;
}

}  // namespace

TodayHub::TodayHub(central::CentralStore& centre)
    : store_(centre), engine_(always_open(), today()) {}

util::LocalDate TodayHub::today() {
  const util::SystemClock clock;
  return util::TimeZone::noumea().date_of(clock.now());
}

void TodayHub::keep_alive() {
  central::Batch b{"bourail", "OPT Bourail", "Pacific/Noumea", "store-today", {}};
  auto stored = store_.store(b);
  if (!stored.ok()) throw std::runtime_error(stored.error().message);
}

queue::Change TodayHub::ship(const queue::Engine::Decision& d) {
  queue::Change c = accept(engine_, d);
  central::Batch b{"bourail", "OPT Bourail", "Pacific/Noumea", "store-today", {}};
  b.follow_key = protocol::follow_key_hex(test_follow_key());
  if (seq_ == 0) {
    const queue::AgencyRules rules = always_open();
    b.profile = protocol::AgencyProfile{rules.services, rules.counters, rules.hours, rules.outcomes};
  }
  b.events.push_back({++seq_, c});
  auto stored = store_.store(b);
  if (!stored.ok()) throw std::runtime_error(stored.error().message);
  return c;
}

}  // namespace pcn::testing
