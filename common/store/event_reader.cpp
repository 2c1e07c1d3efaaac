#include "store/event_reader.h"

#include <limits>

#include <system_error>

#include "protocol/codec.h"
#include "text/catalog.h"

namespace pcn::store {

namespace {

constexpr std::string_view kEventsAfter =
    "SELECT seq, body FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2";

}  // namespace

util::Result<std::vector<protocol::RawEvent>> read_raw_events_after(Database& db,
                                                                    std::int64_t after, int limit,
                                                                    std::size_t max_bytes) {
  std::vector<protocol::RawEvent> events;
  if (limit <= 0) return events;
  auto stmt = db.prepare(kEventsAfter);
  PCN_TRY(stmt);
  stmt->bind(1, after).bind(2, std::int64_t{limit});
  std::size_t bytes = 0;
  for (;;) {
    auto more = stmt->step();
    PCN_TRY(more);
    if (!*more) return events;
    std::string body(stmt->column_text(1));
    bytes += body.size();
    if (!events.empty() && bytes > max_bytes) return events;
    events.push_back({stmt->column_int64(0), std::move(body)});
  }
}

util::Result<std::vector<queue::Event>> read_events_after(Database& db, std::int64_t after,
                                                          int limit) {
  auto raw = read_raw_events_after(db, after, limit, std::numeric_limits<std::size_t>::max());
  PCN_TRY(raw);
  std::vector<queue::Event> events;
  events.reserve(raw->size());
  for (const protocol::RawEvent& r : *raw) {
    auto json = protocol::Json::parse(r.change, nullptr, false);
    if (json.is_discarded()) {
      return util::make_error("storage_error",
                              text::stored_event_unreadable(db.path(), r.seq, "JSON"));
    }
    auto change = protocol::decode_change(json);
    if (!change.ok()) {
      return util::make_error("storage_error",
                              text::stored_event_unreadable(db.path(), r.seq, change.error().message));
    }
    events.push_back({r.seq, std::move(change).value()});
  }
  return events;
}

util::Result<std::string> read_store_id(Database& db) {
  auto id = db.query_text("SELECT coalesce((SELECT value FROM meta WHERE key = 'store_id'), '')");
  PCN_TRY(id);
  if (id->size() != 32) {
    return util::make_error("storage_error", text::stored_value_unreadable(db.path(),
                                                                           "meta.store_id", *id));
  }
  return *id;
}

util::Result<std::int64_t> read_last_seq(Database& db) {
  return db.query_int64("SELECT COALESCE(MAX(seq), 0) FROM events");
}

util::Result<EventReader> EventReader::open(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    return util::make_error("storage_error", text::event_log_missing(file.string()));
  }
  auto db = Database::open(file.string());
  PCN_TRY(db);
  PCN_TRY(db->exec("PRAGMA busy_timeout = 5000"));
  PCN_TRY(db->exec("PRAGMA query_only = 1"));
  return EventReader(std::move(*db));
}

}  // namespace pcn::store
