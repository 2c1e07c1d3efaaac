#include "support/drill_database.h"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>

#include "queue/ticket.h"

namespace pcn::testing {

namespace {

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using DatabaseHandle = std::unique_ptr<sqlite3, CloseDatabase>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

DatabaseHandle open_read_only(const std::filesystem::path& file) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  DatabaseHandle db(raw);
  if (rc != SQLITE_OK) {
    throw std::runtime_error("cannot open " + file.string() + ": " +
                             (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  return db;
}

StatementHandle prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    throw std::runtime_error(std::string("cannot prepare ") + sql + ": " + sqlite3_errmsg(db));
  }
  return StatementHandle(raw);
}

std::string text_column(sqlite3_stmt* s, int column) {
  const unsigned char* text = sqlite3_column_text(s, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

StoredTicket ticket_row(sqlite3_stmt* s) {
  StoredTicket t;
  t.id = sqlite3_column_int64(s, 0);
  t.day = text_column(s, 1);
  t.prefix = text_column(s, 2).at(0);
  t.number = sqlite3_column_int(s, 3);
  t.service = text_column(s, 4).at(0);
  t.state = text_column(s, 5);
  if (sqlite3_column_type(s, 6) != SQLITE_NULL) t.counter = sqlite3_column_int(s, 6);
  t.calls = sqlite3_column_int(s, 7);
  t.no_shows = sqlite3_column_int(s, 8);
  t.transfers = sqlite3_column_int(s, 9);
  t.print = text_column(s, 10);
  return t;
}

}  // namespace

std::string StoredTicket::label() const { return queue::ticket_label(prefix, number); }

std::vector<StoredTicket> read_tickets(const std::filesystem::path& database) {
  auto db = open_read_only(database);
  auto s = prepare(db.get(),
                   "SELECT id, day, prefix, number, service, state, counter, calls, no_shows, "
                   "transfers, print FROM tickets ORDER BY id");
  std::vector<StoredTicket> tickets;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) tickets.push_back(ticket_row(s.get()));
  if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db.get()));
  return tickets;
}

std::int64_t read_last_seq(const std::filesystem::path& database) {
  auto db = open_read_only(database);
  auto s = prepare(db.get(), "SELECT coalesce(max(seq), 0) FROM events");
  if (sqlite3_step(s.get()) != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db.get()));
  return sqlite3_column_int64(s.get(), 0);
}

std::int64_t read_log_bytes(const std::filesystem::path& database, std::int64_t after) {
  auto db = open_read_only(database);
  auto s = prepare(db.get(), "SELECT coalesce(sum(length(body)), 0) FROM events WHERE seq > ?");
  sqlite3_bind_int64(s.get(), 1, after);
  if (sqlite3_step(s.get()) != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db.get()));
  return sqlite3_column_int64(s.get(), 0);
}

}  // namespace pcn::testing
