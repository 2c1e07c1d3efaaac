#include "store/sqlite_store.h"

#include <charconv>
#include <chrono>
#include <string>
#include <utility>

#include "protocol/codec.h"
#include "protocol/messages.h"
#include "store/event_reader.h"
#include "store/schema.h"
#include "text/catalog.h"

namespace pcn::store {

namespace {

constexpr std::string_view kMemory = ":memory:";
constexpr auto kReplyLifetime = std::chrono::hours(48);

// --- SQL ---

constexpr std::string_view kNextSeq = "SELECT COALESCE(MAX(seq), 0) + 1 FROM events";

constexpr std::string_view kInsertEvent =
    "INSERT INTO events (seq, day, at, kind, counter, ticket, body) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

// The column order of kTicketColumns is the bind order of kUpsertTicket and the read order of
// read_ticket().
#define PCN_TICKET_COLUMNS                                                                     \
  "id, day, prefix, number, service, priority, state, issued_at, queued_at, called_at, "        \
  "finished_at, counter, calls, no_shows, transfers, print, print_error, outcome"

constexpr std::string_view kUpsertTicket =
    "INSERT INTO tickets (" PCN_TICKET_COLUMNS ") "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) "
    "ON CONFLICT (id) DO UPDATE SET day = excluded.day, prefix = excluded.prefix, "
    "number = excluded.number, service = excluded.service, priority = excluded.priority, "
    "state = excluded.state, issued_at = excluded.issued_at, queued_at = excluded.queued_at, "
    "called_at = excluded.called_at, finished_at = excluded.finished_at, "
    "counter = excluded.counter, calls = excluded.calls, no_shows = excluded.no_shows, "
    "transfers = excluded.transfers, print = excluded.print, print_error = excluded.print_error, "
    "outcome = excluded.outcome";

constexpr std::string_view kTicketsOfDays =
    "SELECT " PCN_TICKET_COLUMNS " FROM tickets WHERE day BETWEEN ?1 AND ?2 ORDER BY id";

#undef PCN_TICKET_COLUMNS

constexpr std::string_view kInsertWorkshop =
    "INSERT INTO workshops (seq, day, at, theme, participants, minutes, counter) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

constexpr std::string_view kWorkshopsOfDays =
    "SELECT seq, day, at, theme, participants, minutes, counter FROM workshops "
    "WHERE day BETWEEN ?1 AND ?2 ORDER BY seq";

constexpr std::string_view kUpsertCounter =
    "INSERT INTO counters (number, label, services, paused, current, agent) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (number) DO UPDATE SET label = excluded.label, services = excluded.services, "
    "paused = excluded.paused, current = excluded.current, agent = excluded.agent";

constexpr std::string_view kCounters =
    "SELECT number, label, services, paused, current, agent FROM counters ORDER BY number";

constexpr std::string_view kUpsertMeta =
    "INSERT INTO meta (key, value) VALUES ('day', ?1), ('priority_streak', ?2) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

constexpr std::string_view kMetaValue = "SELECT value FROM meta WHERE key = ?1";

constexpr std::string_view kInsertReply =
    "INSERT INTO replies (client, request, body, at) VALUES (?1, ?2, ?3, ?4)";

constexpr std::string_view kFindReply =
    "SELECT body FROM replies WHERE client = ?1 AND request = ?2";

constexpr std::string_view kDeleteOldReplies = "DELETE FROM replies WHERE at < ?1";


// --- Opening ---

std::filesystem::path lock_path_of(const std::filesystem::path& file) {
  std::filesystem::path lock = file;
  lock += ".lock";
  return lock;
}

util::Result<std::optional<FileLock>> lock_database(const std::filesystem::path& file) {
  if (file.native() == kMemory) return std::optional<FileLock>();
  auto lock = FileLock::try_acquire(lock_path_of(file));
  PCN_TRY(lock);
  if (!*lock) return util::make_error("database_in_use", text::database_in_use(file.string()));
  return std::move(*lock);
}

/// An existing database file of zero bytes is a lost database, not a new one: starting on it
/// would number the day's tickets from 1 again.
util::Status refuse_empty(const std::filesystem::path& file) {
  if (file.native() == kMemory) return util::Status::success();
  std::error_code ec;
  if (std::filesystem::exists(file, ec) && std::filesystem::file_size(file, ec) == 0 && !ec) {
    return util::make_error("database_empty", text::database_empty(file.string()));
  }
  return util::Status::success();
}

/// PRAGMA quick_check: damage anywhere in the file (the last page too) refuses the start.
util::Status check_integrity(Database& db) {
  auto verdict = db.query_text("PRAGMA quick_check");
  PCN_TRY(verdict);
  if (*verdict != "ok") return util::make_error("database_damaged", text::database_damaged(db.path(), *verdict));
  return util::Status::success();
}

util::Status configure(Database& db) {
  PCN_TRY(db.exec("PRAGMA busy_timeout = 5000"));
  auto mode = db.query_text("PRAGMA journal_mode = WAL");
  PCN_TRY(mode);
  if (*mode != "wal" && db.path() != kMemory) {
    return util::make_error("storage_error", text::database_no_wal(db.path(), *mode));
  }
  return db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
}

// --- Values ---

std::optional<std::int64_t> opt_ms(const std::optional<util::TimePoint>& t) {
  if (!t) return std::nullopt;
  return util::to_unix_ms(*t);
}

std::optional<std::int64_t> widen(const std::optional<int>& v) {
  if (!v) return std::nullopt;
  return *v;
}

std::optional<util::TimePoint> opt_time(const std::optional<std::int64_t>& ms) {
  if (!ms) return std::nullopt;
  return util::from_unix_ms(*ms);
}

util::Error unreadable(const Database& db, const std::string& where, const std::string& value) {
  return util::make_error("storage_error", text::stored_value_unreadable(db.path(), where, value));
}

util::Result<std::optional<std::string>> meta_value(Database& db, std::string_view key) {
  auto stmt = db.prepare(kMetaValue);
  PCN_TRY(stmt);
  auto found = stmt->bind(1, key).step();
  PCN_TRY(found);
  if (!*found) return std::optional<std::string>();
  return std::optional<std::string>(stmt->column_text(0));
}

/// The stored priority streak; 0 when none is stored.
util::Result<int> stored_streak(Database& db) {
  auto text = meta_value(db, "priority_streak");
  PCN_TRY(text);
  if (!*text) return 0;
  const std::string& digits = **text;
  int streak = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), streak);
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    return unreadable(db, "meta.priority_streak", digits);
  }
  return streak;
}

/// Reads stored values back into domain types; every failure names the file, column and row.
class RowReader {
 public:
  RowReader(const Database& db, const Statement& row, std::string table, std::int64_t key)
      : db_(db), row_(row), table_(std::move(table)), key_(key) {}

  util::Result<util::LocalDate> day(int col, const char* name) const {
    std::string text = row_.column_text(col);
    auto day = util::LocalDate::parse(text);
    if (!day.ok()) return unreadable(name, text);
    return *day;
  }
  util::Result<char> letter(int col, const char* name) const {
    std::string text = row_.column_text(col);
    if (text.size() != 1) return unreadable(name, text);
    return text[0];
  }
  template <typename Enum, typename Parse>
  util::Result<Enum> named(int col, const char* name, Parse parse) const {
    std::string text = row_.column_text(col);
    std::optional<Enum> value = parse(text);
    if (!value) return unreadable(name, text);
    return *value;
  }
  int integer(int col) const { return static_cast<int>(row_.column_int64(col)); }

 private:
  util::Error unreadable(const char* name, const std::string& value) const {
    return store::unreadable(db_, table_ + "." + name + " (" + std::to_string(key_) + ")", value);
  }

  const Database& db_;
  const Statement& row_;
  std::string table_;
  std::int64_t key_;
};

util::Result<queue::Ticket> read_ticket(const Database& db, const Statement& row) {
  queue::Ticket t;
  t.id = row.column_int64(0);
  RowReader r(db, row, "tickets", t.id);
  auto day = r.day(1, "day");
  auto prefix = r.letter(2, "prefix");
  auto service = r.letter(4, "service");
  auto state = r.named<queue::TicketState>(6, "state", queue::ticket_state_from);
  auto print = r.named<queue::PrintState>(15, "print", queue::print_state_from);
  PCN_TRY(day);
  PCN_TRY(prefix);
  PCN_TRY(service);
  PCN_TRY(state);
  PCN_TRY(print);
  t.day = *day;
  t.prefix = *prefix;
  t.number = r.integer(3);
  t.service = *service;
  t.priority = row.column_int64(5) != 0;
  t.state = *state;
  t.issued_at = util::from_unix_ms(row.column_int64(7));
  t.queued_at = util::from_unix_ms(row.column_int64(8));
  t.called_at = opt_time(row.column_optional_int64(9));
  t.finished_at = opt_time(row.column_optional_int64(10));
  if (auto counter = row.column_optional_int64(11)) t.counter = static_cast<int>(*counter);
  t.calls = r.integer(12);
  t.no_shows = r.integer(13);
  t.transfers = r.integer(14);
  t.print = *print;
  t.print_error = row.column_text(16);
  if (!row.column_is_null(17)) {
    std::string text = row.column_text(17);
    auto json = protocol::Json::parse(text, nullptr, false);
    auto outcome = json.is_discarded() ? util::Result<queue::Outcome>(util::Error{})
                                       : protocol::decode_outcome_at(json, "outcome");
    if (!outcome.ok()) {
      return unreadable(db, "tickets.outcome (" + std::to_string(t.id) + ")", text);
    }
    t.outcome = std::move(*outcome);
  }
  return t;
}

util::Result<queue::Workshop> read_workshop(const Database& db, const Statement& row) {
  queue::Workshop w;
  w.seq = row.column_int64(0);
  RowReader r(db, row, "workshops", w.seq);
  auto day = r.day(1, "day");
  PCN_TRY(day);
  w.day = *day;
  w.at = util::from_unix_ms(row.column_int64(2));
  w.theme = row.column_text(3);
  w.participants = r.integer(4);
  w.minutes = r.integer(5);
  if (auto counter = row.column_optional_int64(6)) w.counter = static_cast<int>(*counter);
  return w;
}

std::optional<std::string> outcome_text(const std::optional<queue::Outcome>& outcome) {
  if (!outcome) return std::nullopt;
  return protocol::to_wire(protocol::encode(*outcome));
}

queue::Counter read_counter(const Statement& row) {
  queue::Counter c;
  c.number = static_cast<int>(row.column_int64(0));
  c.label = row.column_text(1);
  c.services = row.column_text(2);
  c.paused = row.column_int64(3) != 0;
  c.current = row.column_optional_int64(4);
  c.agent = row.column_text(5);
  return c;
}

/// Every row of `stmt`, read by `read` (a callable returning Result<T> or T).
template <typename T, typename Read>
util::Result<std::vector<T>> collect(Statement& stmt, Read read) {
  std::vector<T> rows;
  for (;;) {
    auto more = stmt.step();
    PCN_TRY(more);
    if (!*more) return rows;
    util::Result<T> row = read(stmt);
    PCN_TRY(row);
    rows.push_back(std::move(row).value());
  }
}

}  // namespace

// --- SqliteStore ---

SqliteStore::SqliteStore(Key, std::optional<FileLock> lock, Database db,
                         CommitStatements statements)
    : lock_(std::move(lock)), db_(std::move(db)), hot_(std::move(statements)) {}

util::Result<SqliteStore::CommitStatements> SqliteStore::prepare_commit_statements(
    Database& db) {
  auto next_seq = db.prepare(kNextSeq);
  auto insert_event = db.prepare(kInsertEvent);
  auto upsert_ticket = db.prepare(kUpsertTicket);
  auto upsert_counter = db.prepare(kUpsertCounter);
  auto upsert_meta = db.prepare(kUpsertMeta);
  auto insert_reply = db.prepare(kInsertReply);
  auto delete_old_replies = db.prepare(kDeleteOldReplies);
  auto insert_workshop = db.prepare(kInsertWorkshop);
  for (auto* s : {&next_seq, &insert_event, &upsert_ticket, &upsert_counter, &upsert_meta,
                  &insert_reply, &delete_old_replies, &insert_workshop}) {
    PCN_TRY(*s);
  }
  return CommitStatements{std::move(*next_seq),          std::move(*insert_event),
                          std::move(*upsert_ticket),     std::move(*upsert_counter),
                          std::move(*upsert_meta),       std::move(*insert_reply),
                          std::move(*delete_old_replies), std::move(*insert_workshop)};
}

util::Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& file) {
  auto lock = lock_database(file);  // before touching the file: another hub may be writing it
  PCN_TRY(lock);
  PCN_TRY(refuse_empty(file));
  auto db = Database::open(file.string());
  PCN_TRY(db);
  PCN_TRY(configure(*db));
  PCN_TRY(check_integrity(*db));
  PCN_TRY(migrate(*db));
  auto statements = prepare_commit_statements(*db);
  PCN_TRY(statements);
  return std::make_unique<SqliteStore>(Key{}, std::move(*lock), std::move(*db),
                                       std::move(*statements));
}

util::Result<std::int64_t> SqliteStore::commit(const queue::Change& change,
                                               const std::optional<StoredReply>& reply) {
  Transaction tx(db_);
  PCN_TRY(tx.begin());
  auto has_row = hot_.next_seq.reset().step();
  PCN_TRY(has_row);
  std::int64_t seq = hot_.next_seq.column_int64(0);
  hot_.next_seq.reset();
  PCN_TRY(write_change(seq, change, reply));
  PCN_TRY(tx.commit());
  return seq;
}

util::Status SqliteStore::write_change(std::int64_t seq, const queue::Change& change,
                                       const std::optional<StoredReply>& reply) {
  const std::int64_t at = util::to_unix_ms(change.at);
  const std::string body =
      protocol::encode(change).dump(-1, ' ', false, protocol::Json::error_handler_t::replace);
  PCN_TRY(hot_.insert_event.reset()
              .bind(1, seq)
              .bind(2, change.day.to_string())
              .bind(3, at)
              .bind(4, queue::to_string(change.kind))
              .bind(5, widen(change.counter))
              .bind(6, change.ticket)
              .bind(7, body)
              .run());
  for (const queue::Ticket& t : change.tickets) PCN_TRY(write_ticket(t));
  for (const queue::Counter& c : change.counters) PCN_TRY(write_counter(c));
  if (change.workshop) PCN_TRY(write_workshop(seq, *change.workshop));
  PCN_TRY(hot_.upsert_meta.reset()
              .bind(1, change.day.to_string())
              .bind(2, std::to_string(change.priority_streak))
              .run());
  if (reply) {
    PCN_TRY(hot_.insert_reply.reset()
                .bind(1, reply->client)
                .bind(2, reply->request)
                .bind(3, reply->body)
                .bind(4, at)
                .run());
  }
  if (change.kind == queue::ChangeKind::day_rolled) {
    const std::int64_t cutoff = util::to_unix_ms(change.at - kReplyLifetime);
    PCN_TRY(hot_.delete_old_replies.reset().bind(1, cutoff).run());
  }
  return util::Status::success();
}

util::Status SqliteStore::write_ticket(const queue::Ticket& t) {
  return hot_.upsert_ticket.reset()
      .bind(1, t.id)
      .bind(2, t.day.to_string())
      .bind(3, std::string(1, t.prefix))
      .bind(4, std::int64_t{t.number})
      .bind(5, std::string(1, t.service))
      .bind(6, std::int64_t{t.priority ? 1 : 0})
      .bind(7, queue::to_string(t.state))
      .bind(8, util::to_unix_ms(t.issued_at))
      .bind(9, util::to_unix_ms(t.queued_at))
      .bind(10, opt_ms(t.called_at))
      .bind(11, opt_ms(t.finished_at))
      .bind(12, widen(t.counter))
      .bind(13, std::int64_t{t.calls})
      .bind(14, std::int64_t{t.no_shows})
      .bind(15, std::int64_t{t.transfers})
      .bind(16, queue::to_string(t.print))
      .bind(17, t.print_error)
      .bind_optional_text(18, outcome_text(t.outcome))
      .run();
}

util::Status SqliteStore::write_workshop(std::int64_t seq, const queue::Workshop& w) {
  return hot_.insert_workshop.reset()
      .bind(1, seq)
      .bind(2, w.day.to_string())
      .bind(3, util::to_unix_ms(w.at))
      .bind(4, w.theme)
      .bind(5, std::int64_t{w.participants})
      .bind(6, std::int64_t{w.minutes})
      .bind(7, widen(w.counter))
      .run();
}

util::Status SqliteStore::write_counter(const queue::Counter& c) {
  return hot_.upsert_counter.reset()
      .bind(1, std::int64_t{c.number})
      .bind(2, c.label)
      .bind(3, c.services)
      .bind(4, std::int64_t{c.paused ? 1 : 0})
      .bind(5, c.current)
      .bind(6, c.agent)
      .run();
}

util::Result<std::optional<queue::EngineState>> SqliteStore::load() {
  auto day_text = meta_value(db_, "day");
  PCN_TRY(day_text);
  if (!*day_text) return std::optional<queue::EngineState>();  // nothing committed yet
  auto day = util::LocalDate::parse(**day_text);
  if (!day.ok()) return unreadable(db_, "meta.day", **day_text);
  auto streak = stored_streak(db_);
  PCN_TRY(streak);
  auto tickets = tickets_between(*day, *day);
  PCN_TRY(tickets);
  auto counters = db_.prepare(kCounters);
  PCN_TRY(counters);
  auto counter_rows = collect<queue::Counter>(*counters, read_counter);
  PCN_TRY(counter_rows);
  auto last_id = db_.query_int64("SELECT COALESCE(MAX(id), 0) FROM tickets");
  PCN_TRY(last_id);
  return std::optional<queue::EngineState>(queue::EngineState{
      *day, std::move(tickets).value(), std::move(counter_rows).value(), *streak, *last_id});
}

util::Result<std::int64_t> SqliteStore::last_seq() { return read_last_seq(db_); }

util::Result<std::optional<std::string>> SqliteStore::find_reply(const std::string& client,
                                                                 std::int64_t request) {
  auto stmt = db_.prepare(kFindReply);
  PCN_TRY(stmt);
  auto found = stmt->bind(1, client).bind(2, request).step();
  PCN_TRY(found);
  if (!*found) return std::optional<std::string>();
  return std::optional<std::string>(stmt->column_text(0));
}

util::Result<std::vector<queue::Event>> SqliteStore::events_after(std::int64_t after,
                                                                  int limit) {
  return read_events_after(db_, after, limit);
}

util::Result<std::vector<queue::Ticket>> SqliteStore::tickets_between(util::LocalDate from,
                                                                      util::LocalDate to) {
  auto stmt = db_.prepare(kTicketsOfDays);
  PCN_TRY(stmt);
  stmt->bind(1, from.to_string()).bind(2, to.to_string());
  return collect<queue::Ticket>(
      *stmt, [this](const Statement& row) { return read_ticket(db_, row); });
}

util::Result<std::string> SqliteStore::store_id() { return read_store_id(db_); }

util::Result<std::vector<queue::Workshop>> SqliteStore::workshops_between(util::LocalDate from,
                                                                          util::LocalDate to) {
  auto stmt = db_.prepare(kWorkshopsOfDays);
  PCN_TRY(stmt);
  stmt->bind(1, from.to_string()).bind(2, to.to_string());
  return collect<queue::Workshop>(
      *stmt, [this](const Statement& row) { return read_workshop(db_, row); });
}

}  // namespace pcn::store
