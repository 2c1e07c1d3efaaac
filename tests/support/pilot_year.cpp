#include "support/pilot_year.h"

namespace pcn::testing {

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

}  // namespace pcn::testing
