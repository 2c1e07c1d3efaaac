#include "dashboard/day_summary.h"

#include <chrono>
#include <thread>

#include <string_view>

#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

using central::PgConnection;
using central::PgTransaction;

// The days being rebuilt, for this connection's transaction.
constexpr std::string_view kTodoTable =
    "CREATE TEMP TABLE IF NOT EXISTS dashboard_todo (agency text, day date, "
    "PRIMARY KEY (agency, day)) ON COMMIT DELETE ROWS";

// Refreshers take turns (the web server's background one, and each page's before it reads): a
// page waits for a rebuild under way instead of reading half of it. An arbitrary key.
constexpr std::string_view kRefreshLock = "SELECT pg_advisory_xact_lock(7243110013)";
constexpr std::string_view kTryRefreshLock = "SELECT pg_try_advisory_xact_lock(7243110013)";

// Takes at most $1 days off the stale list.
constexpr std::string_view kTakeStale = R"sql(
WITH taken AS (
  DELETE FROM dashboard_stale WHERE (agency, day) IN
    (SELECT agency, day FROM dashboard_stale LIMIT $1::integer)
  RETURNING agency, day)
INSERT INTO dashboard_todo SELECT agency, day FROM taken)sql";

// The days' tickets once per slice: '' for all, then once per partner code.
constexpr std::string_view kSliced = R"sql(
WITH t AS (SELECT p.*, a.time_zone FROM pilot_tickets p JOIN dashboard_todo USING (agency, day)
             JOIN agencies a ON a.id = p.agency),
s AS (SELECT ''::text AS slice, t.* FROM t
      UNION ALL
      SELECT p.code, t.* FROM t CROSS JOIN LATERAL unnest(t.partner) AS p(code)))sql";

constexpr std::string_view kInsertDays = R"sql(,
k AS (SELECT slice,
             count(*) AS tickets,
             count(*) FILTER (WHERE state = 'done') AS served,
             count(*) FILTER (WHERE state = 'absent') AS no_show,
             count(*) FILTER (WHERE state = 'unserved') AS not_served,
             count(*) FILTER (WHERE state IN ('done', 'called') AND wait_seconds IS NOT NULL)
               AS received,
             count(*) FILTER (WHERE state IN ('done', 'called') AND wait_seconds <= 900)
               AS within_15,
             count(*) FILTER (WHERE state IN ('done', 'called') AND wait_seconds <= 1800)
               AS within_30,
             count(*) FILTER (WHERE print = 'failed') AS print_failed,
             count(*) FILTER (WHERE state = 'done' AND autonomy = 'fait_a_la_place')
               AS done_for_them,
             count(*) FILTER (WHERE state = 'done' AND autonomy IS NOT NULL) AS autonomy_given,
             agency, day
        FROM s GROUP BY agency, day, slice),
w AS (SELECT agency, day, count(*) AS workshops, sum(participants) AS participants
        FROM pilot_workshops JOIN dashboard_todo USING (agency, day) GROUP BY agency, day),
a AS (SELECT agency, day, ''::text AS slice FROM w UNION SELECT agency, day, slice FROM k),
m AS (SELECT agency, day, slice, least(greatest(wait_seconds, 0) / 60, 120) AS minute, count(*) AS n
        FROM s WHERE state IN ('done', 'called') AND wait_seconds IS NOT NULL
       GROUP BY 1, 2, 3, 4),
h AS (SELECT a.agency, a.day, a.slice, array_agg(coalesce(m.n, 0)::integer ORDER BY g) AS hist
        FROM a CROSS JOIN generate_series(0, 120) AS g
        LEFT JOIN m ON m.agency = a.agency AND m.day = a.day AND m.slice = a.slice
                   AND m.minute = g
       GROUP BY 1, 2, 3)
INSERT INTO dashboard_days (agency, day, slice, tickets, served, no_show, not_served, received,
                            within_15, within_30, print_failed, done_for_them,
                            autonomy_given, workshops, participants, wait_hist)
SELECT a.agency, a.day, a.slice, coalesce(k.tickets, 0), coalesce(k.served, 0),
       coalesce(k.no_show, 0), coalesce(k.not_served, 0), coalesce(k.received, 0),
       coalesce(k.within_15, 0), coalesce(k.within_30, 0), coalesce(k.print_failed, 0),
       coalesce(k.done_for_them, 0), coalesce(k.autonomy_given, 0),
       CASE WHEN a.slice = '' THEN coalesce(w.workshops, 0) ELSE 0 END,
       CASE WHEN a.slice = '' THEN coalesce(w.participants, 0) ELSE 0 END, h.hist
  FROM a LEFT JOIN k USING (agency, day, slice) LEFT JOIN w USING (agency, day)
  JOIN h USING (agency, day, slice))sql";

constexpr std::string_view kInsertCounts = R"sql(
INSERT INTO dashboard_counts (agency, day, slice, dimension, code, n)
SELECT agency, day, slice, dimension, code, count(*) FROM (
  SELECT agency, day, slice, v.dimension, v.code FROM s CROSS JOIN LATERAL (VALUES
      ('autonomy', coalesce(autonomy, '')), ('result', coalesce(result, '')),
      ('orientation', coalesce(orientation, '')), ('first_visit', coalesce(first_visit, '')),
      ('age_band', coalesce(age_band, '')), ('situation', coalesce(situation, '')),
      ('commune', coalesce(commune, '')), ('equipment', coalesce(equipment, '')),
      ('counter', coalesce(counter::text, ''))) AS v(dimension, code)
   WHERE state = 'done'
  UNION ALL
  SELECT agency, day, slice, 'partner', p FROM s CROSS JOIN LATERAL
         unnest(CASE WHEN cardinality(partner) = 0 THEN ARRAY[''] ELSE partner END) AS p
   WHERE state = 'done'
  UNION ALL
  SELECT agency, day, slice, 'theme', p FROM s CROSS JOIN LATERAL
         unnest(CASE WHEN cardinality(theme) = 0 THEN ARRAY[''] ELSE theme END) AS p
   WHERE state = 'done'
  UNION ALL
  SELECT agency, day, slice, 'hour',
         lpad(extract(hour FROM issued_at AT TIME ZONE time_zone)::text, 2, '0') FROM s
  UNION ALL
  SELECT agency, day, slice, 'service', service FROM s
) x GROUP BY agency, day, slice, dimension, code)sql";

}  // namespace

util::Status summarise_todo(const PgConnection& db) {
  const std::string what = text::dash_db_summarising();
  PCN_TRY(db.exec("DELETE FROM dashboard_days d USING dashboard_todo t "
                  "WHERE d.agency = t.agency AND d.day = t.day", {}, what));
  PCN_TRY(db.exec("DELETE FROM dashboard_counts d USING dashboard_todo t "
                  "WHERE d.agency = t.agency AND d.day = t.day", {}, what));
  PCN_TRY(db.exec(std::string(kSliced) + std::string(kInsertDays), {}, what));
  PCN_TRY(db.exec(std::string(kSliced) + std::string(kInsertCounts), {}, what));
  return util::Status::success();
}

/// Takes at most `batch` days off the stale list and rebuilds them, inside the caller's
/// transaction. Returns how many days were taken.
util::Result<int> summarise_batch(const PgConnection& db, int batch) {
  const std::string what = text::dash_db_summarising();
  PCN_TRY(db.exec(std::string(kTodoTable), {}, what));
  auto taken = db.exec(std::string(kTakeStale), {std::to_string(batch)}, what);
  if (!taken.ok()) return taken.error();
  const auto n = static_cast<int>(taken->affected());
  if (n > 0) PCN_TRY(summarise_todo(db));
  return n;
}

util::Status summarise_day(const PgConnection& db, const std::string& agency,
                           const std::string& day) {
  auto tx = PgTransaction::begin(db);
  if (!tx.ok()) return tx.error();
  const std::string what = text::dash_db_summarising();
  PCN_TRY(db.exec(std::string(kTodoTable), {}, what));
  PCN_TRY(db.exec("INSERT INTO dashboard_todo VALUES ($1, $2::date)", {agency, day}, what));
  PCN_TRY(summarise_todo(db));
  return tx->commit();
}

util::Result<int> refresh_stale_days(const PgConnection& db, int batch) {
  const std::string what = text::dash_db_summarising();
  int done = 0;
  for (;;) {
    auto tx = PgTransaction::begin(db);
    if (!tx.ok()) return tx.error();
    PCN_TRY(db.exec(std::string(kRefreshLock), {}, what));
    auto n = summarise_batch(db, batch);
    if (!n.ok()) return n.error();
    if (*n == 0) break;
    PCN_TRY(tx->commit());
    done += *n;
  }
  return done;
}

util::Result<int> refresh_some_stale_days(const PgConnection& db, int batch) {
  auto tx = PgTransaction::begin(db);
  if (!tx.ok()) return tx.error();
  // another refresher at work (a few days' rebuild takes milliseconds): wait for it a little, so
  // that the page reads whole days, but never long enough to tie up the connections
  const auto deadline = std::chrono::steady_clock::now() + kPageWait;
  for (;;) {
    auto locked = db.exec(std::string(kTryRefreshLock), {}, text::dash_db_summarising());
    if (!locked.ok()) return locked.error();
    if (locked->text(0, 0) == "t") break;
    if (std::chrono::steady_clock::now() >= deadline) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  auto n = summarise_batch(db, batch);
  if (!n.ok()) return n.error();
  if (*n > 0) PCN_TRY(tx->commit());
  return *n;
}

}  // namespace pcn::dashboard
