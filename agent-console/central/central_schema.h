// The centre's PostgreSQL schema (docs/central-tables.md describes it for analysts), versioned:
// each version is a migration applied once, in order, in one transaction, under an advisory lock
// so that two pcn-central started together on one database do not both apply it.
//
// Version 1: agencies; agency_stores (one row per hub database an agency shipped from, with the
// highest sequence stored: every event up to it is in `events`); events (the raw append-only
// log, keyed by agency, store and sequence); pilot_tickets (one row per ticket, its last known
// state); pilot_workshops; the view pilot_accompaniments (served visits and workshops).
// Version 2: agencies.profile, the agency's services, counters, hours and pick-lists as its hub
// last sent them (protocol/profile.h), which the centre's report is computed with.
// Version 3: agencies.follow_key and last_contact; the dashboard's day summaries
// (dashboard_days, dashboard_counts, dashboard_stale) and its accounts and sessions.
#pragma once

#include "central/pg_connection.h"
#include "util/result.h"

namespace pcn::central {

/// The schema version this program writes.
inline constexpr int kCentralSchemaVersion = 3;

/// Brings the database to kCentralSchemaVersion. Fails with "central_db" when a migration fails,
/// and "central_schema_newer" when the database was made by a newer pcn-central (nothing is
/// changed then).
util::Status migrate(const PgConnection& db);

/// The database's schema version (0 for an empty database).
util::Result<int> schema_version(const PgConnection& db);

}  // namespace pcn::central
