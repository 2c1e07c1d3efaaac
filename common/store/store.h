// Where an agency's queue is kept. One real implementation: SqliteStore (sqlite_store.h).
//
// Contract: commit() is atomic and durable — when it returns ok, the change's event, every ticket
// and counter row it carries, the engine scalars (day, priority streak) and the request's reply
// (if given) are on disk together, and survive a SIGKILL or power cut of the process at any moment
// after; when it fails, none of them is. Sequence numbers are assigned by the store: 1, 2, 3…,
// never reused, continuing after a restart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "queue/change.h"
#include "queue/engine.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::store {

/// A request's reply, kept so that a retried request gets the same answer instead of running twice.
struct StoredReply {
  std::string client;      ///< client id as sent in the request
  std::int64_t request = 0;  ///< the client's request number
  std::string body;        ///< the reply, as sent (JSON text)
};

class Store {
 public:
  virtual ~Store() = default;

  /// Commits `change` as the next event; returns its sequence number. `reply`, when given, is
  /// stored in the same transaction.
  virtual util::Result<std::int64_t> commit(const queue::Change& change,
                                            const std::optional<StoredReply>& reply) = 0;

  /// The state to restore an engine with: the current business day (as last committed; nullopt
  /// in a new store), its tickets, stored counters, priority streak and the highest ticket id.
  virtual util::Result<std::optional<queue::EngineState>> load() = 0;

  /// The database's own id (schema version 3), made once when it was created or migrated:
  /// what the centre keys its events by, beside the agency and the sequence.
  virtual util::Result<std::string> store_id() = 0;

  /// Sequence number of the last committed event; 0 in a new store.
  virtual util::Result<std::int64_t> last_seq() = 0;

  /// The stored reply for (client, request), if that request was committed.
  virtual util::Result<std::optional<std::string>> find_reply(const std::string& client,
                                                              std::int64_t request) = 0;

  /// Events with seq > after, in order, at most `limit` of them.
  virtual util::Result<std::vector<queue::Event>> events_after(std::int64_t after,
                                                               int limit) = 0;

  /// Tickets of the business days from..to (inclusive), for reports.
  virtual util::Result<std::vector<queue::Ticket>> tickets_between(util::LocalDate from,
                                                                   util::LocalDate to) = 0;

  /// Workshops of the business days from..to (inclusive), in the order they were recorded.
  virtual util::Result<std::vector<queue::Workshop>> workshops_between(util::LocalDate from,
                                                                       util::LocalDate to) = 0;
};

}  // namespace pcn::store
