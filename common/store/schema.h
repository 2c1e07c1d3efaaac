// The store's database schema: its versions and the migrations between them.
//
// The version a database is at is its `PRAGMA user_version` (0 for a new file). Migration N
// brings a database from version N-1 to N; migrations run in order, each in its own transaction
// that also sets user_version, so a database is always at exactly one known version. A database
// whose version is newer than this program knows is refused, never touched.
//
// Version 1 (all times INTEGER ms since the Unix epoch, days TEXT "YYYY-MM-DD"):
//   tickets  — one row per ticket; UNIQUE(day, prefix, number): a number is never issued twice.
//   events   — the committed changes: seq, day, at, kind, counter, ticket, body (JSON of the
//              change, protocol::encode).
//   counters — the counters' live state.
//   meta     — key/value: "day" (current business day), "priority_streak".
//   replies  — requests' replies, PRIMARY KEY (client, request).
// Version 2 (the outcome of visits, issue #11):
//   tickets.outcome — the visit's outcome, JSON (protocol::encode(Outcome)); NULL: not given.
//   workshops — collective workshops: seq (the event that recorded it), day, at, theme (a code),
//               participants, minutes, counter.
// Version 3 (shipping to the centre, issue #12):
//   meta "store_id" — the database's id, 32 hex digits, made once by the migration.
#pragma once

#include <span>
#include <string_view>

#include "store/sqlite_handle.h"
#include "util/result.h"

namespace pcn::store {

struct Migration {
  int version = 0;       ///< the version the database is at after this step
  std::string_view sql;  ///< one or more statements
};

/// This program's migrations, in order: versions 1, 2, … without gaps.
std::span<const Migration> migrations();

/// The newest version this program knows: the last of migrations().
int current_schema_version();

/// The database's version (its user_version).
util::Result<int> schema_version(Database& db);

/// Runs the steps of `steps` that are newer than the database's version, in order, each in its
/// own transaction. Fails with "schema_too_new" (French message naming the file and both
/// versions) when the database is newer than the last step, or with "storage_error" when a step
/// fails; the database then stays at the version of the last step that succeeded.
/// REQUIRES: `steps` are in increasing order of version, without gaps from 1.
util::Status migrate(Database& db, std::span<const Migration> steps = migrations());

}  // namespace pcn::store
