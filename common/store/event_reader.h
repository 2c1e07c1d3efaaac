// Reading an agency's event log from a second connection to its database, while the hub writes
// through its SqliteStore (WAL: readers never block the writer, nor the writer them). For the
// shipper, which sends the log to the centre from a thread of its own. No file lock, no
// migration: the hub's SqliteStore made the schema (version 3 at least, for the store id).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "protocol/ship.h"
#include "queue/change.h"
#include "store/sqlite_handle.h"
#include "util/result.h"

namespace pcn::store {

/// Events with seq > after, in order, at most `limit` (the hub's event bodies decoded).
/// Fails ("storage_error", French, naming the file and the event) on an unreadable one.
util::Result<std::vector<queue::Event>> read_events_after(Database& db, std::int64_t after,
                                                          int limit);
/// The same as the hub stored them, not decoded: each body is the JSON text of its change
/// (docs/protocol.md § 5.5), as the shipper sends it on. At most `max_bytes` of bodies in all,
/// but always the first event even if larger (the caller decides what to do with it).
util::Result<std::vector<protocol::RawEvent>> read_raw_events_after(Database& db,
                                                                    std::int64_t after, int limit,
                                                                    std::size_t max_bytes);
/// The database's id (meta store_id); "storage_error" when the schema predates version 3.
util::Result<std::string> read_store_id(Database& db);
/// The last event's sequence; 0 when none.
util::Result<std::int64_t> read_last_seq(Database& db);

class EventReader {
 public:
  /// Opens `file`, which must exist. Fails with "storage_error".
  static util::Result<EventReader> open(const std::filesystem::path& file);

  util::Result<std::vector<queue::Event>> after(std::int64_t seq, int limit) {
    return read_events_after(db_, seq, limit);
  }
  util::Result<std::vector<protocol::RawEvent>> after_raw(std::int64_t seq, int limit,
                                                          std::size_t max_bytes) {
    return read_raw_events_after(db_, seq, limit, max_bytes);
  }
  util::Result<std::string> store_id() { return read_store_id(db_); }
  util::Result<std::int64_t> last_seq() { return read_last_seq(db_); }

 private:
  explicit EventReader(Database db) : db_(std::move(db)) {}
  Database db_;
};

}  // namespace pcn::store
