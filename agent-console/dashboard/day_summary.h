// The dashboard's day summaries (central_schema.h, version 3): for each agency's business day,
// its visits summed up in dashboard_days and dashboard_counts, once for all visits (slice '')
// and once per partner (slice = the partner's code, over the visits that have it), so that a
// page over 60 agencies × a year sums about 22,000 rows instead of reading 4 million tickets.
//
// The centre's store lists every day a batch changed in dashboard_stale, in the batch's
// transaction; refresh_stale_days() rebuilds those days from pilot_tickets and pilot_workshops
// and removes them from the list, in the same transaction, so a summary is never half written
// and a day changed meanwhile is listed again. Refreshers take turns (an advisory lock): a page
// that refreshes before it reads does at most one batch, and waits at most kPageWait for another
// refresher that holds the lock (refresh_some_stale_days), so pages never queue behind a long rebuild and hold every
// database connection; the web server's background thread refreshes every second until the list
// is empty.
//
// Definitions (report/figures.h's, in whole minutes):
//  - tickets: issued that day; served: done; no_show: absent; not_served: unserved.
//  - received: served, or at a counter now, with a call time; their wait issued_at → called_at.
//  - within_15 / within_30: received visitors who waited at most 15 / 30 minutes.
//  - wait_hist: received visitors by whole minutes waited, [1] for 0 minutes … [120] for 119,
//    [121] for two hours or more (121 integers, summed by the reader).
//  - counts, dimension → code → n: "partner", "theme" (served visits, once per code,
//    "" for none); "autonomy", "result", "orientation", "first_visit", "age_band", "situation",
//    "commune", "equipment" (served visits, "" = non renseigné); "hour" (tickets by local hour
//    of issue, "00"–"23"); "counter" (served visits by the counter that served them); "service"
//    (tickets by the service they ended in).
//  - print_failed: tickets whose slip was not printed. done_for_them / autonomy_given: served
//    visits whose autonomy is queue::kDoneForThem / is recorded. workshops, participants: slice ''
//    only.
#pragma once

#include <chrono>

#include "central/pg_connection.h"
#include "util/result.h"

namespace pcn::dashboard {

/// Rebuilds the summaries of (agency, day, "YYYY-MM-DD") from the tickets, in one transaction.
util::Status summarise_day(const central::PgConnection& db, const std::string& agency,
                           const std::string& day);

/// Rebuilds every day listed in dashboard_stale, `batch` days per transaction (set-based: a
/// year of 60 agencies is rebuilt in a few statements per batch), taking them off the list.
/// Returns how many days were rebuilt.
util::Result<int> refresh_stale_days(const central::PgConnection& db, int batch = 500);

/// One batch of refresh_stale_days(), after waiting at most kPageWait for another refresher
/// that holds the lock; nothing (0) if it still does. For pages: what they then read may miss
/// the last changes, never half a day.
inline constexpr std::chrono::seconds kPageWait{3};
util::Result<int> refresh_some_stale_days(const central::PgConnection& db, int batch = 500);

}  // namespace pcn::dashboard
