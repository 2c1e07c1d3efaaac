// What the centre keeps of the agencies' event logs, in PostgreSQL (central_schema.h).
//
// A batch is a run of consecutive events of one hub database (the agency's `store`, an id made
// once when that database was created: a replaced database ships under a new one and never
// overwrites what the centre holds). Storing is idempotent: an event already stored (same
// agency, store, sequence) is skipped, so a batch sent twice, after a lost acknowledgement or a
// restart of either side, changes nothing. One transaction per batch; the acknowledgement is the
// highest sequence stored, and every event up to it is stored. Two pcn-central on one database
// serialise on the agency's store row.
//
// pilot_tickets holds each ticket's row after its newest event; pilot_workshops the workshops.
// Test slips (test_ticket) are kept in `events` only: they are no ticket.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "central/pg_connection.h"
#include "protocol/fields.h"
#include "protocol/ship.h"
#include "queue/change.h"
#include "util/result.h"

namespace pcn::central {

/// What a hub ships (protocol/ship.h): agency, name, time zone, store id, events.
using Batch = protocol::ShipBatch;

class CentralStore {
 public:
  /// Connects and brings the schema up to date.
  static util::Result<CentralStore> open(const std::string& conninfo);

  /// Stores `batch`; returns the acknowledgement (the highest sequence stored for its agency and
  /// store). Refused with "bad_batch" (French message) when protocol::check_ship refuses it,
  /// or when it starts after a gap (the first must be at most the acknowledgement + 1): nothing
  /// is stored then.
  util::Result<std::int64_t> store(const Batch& batch);

  /// The highest sequence stored for (agency, store); 0 when none.
  util::Result<std::int64_t> acknowledged(const std::string& agency, const std::string& store);

  const PgConnection& connection() const { return db_; }

 private:
  explicit CentralStore(PgConnection db) : db_(std::move(db)) {}
  util::Result<std::int64_t> lock_store(const Batch& batch);
  /// Runs `sql` ($1 agency, $2 store, $3 the rows as a JSON array); nothing when there are none.
  util::Status insert_rows(std::string_view sql, const Batch& batch, const protocol::Json& rows);
  util::Status insert_events(const Batch& batch, std::int64_t after);
  util::Status upsert_tickets(const Batch& batch, std::int64_t after);
  util::Status insert_workshops(const Batch& batch, std::int64_t after);
  /// Lists the business days the batch changed in dashboard_stale (dashboard/day_summary.h).
  util::Status mark_days_stale(const Batch& batch, std::int64_t after);

  PgConnection db_;
};

}  // namespace pcn::central
