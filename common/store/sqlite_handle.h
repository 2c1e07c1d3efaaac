// RAII handles for what the SQLite store holds: the connection (Database), its prepared
// statements (Statement), a transaction guard (Transaction), and the advisory lock that keeps a
// second program off the same database file (FileLock).
//
// This is the adapter boundary: every SQLite failure becomes an Error with code "storage_error"
// and a French message that names the database file and includes sqlite3_errmsg. None of these
// classes is copyable; Database, Statement and FileLock are movable. None is thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace pcn::store {

class Statement;

/// An open SQLite connection. Closed when destroyed (after its statements, which must not
/// outlive it).
class Database {
 public:
  /// Opens `path`, creating the file if missing; ":memory:" gives a private in-memory database.
  /// Fails with "storage_error" naming the file.
  static util::Result<Database> open(const std::string& path);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  ~Database() = default;

  /// Runs one or more SQL statements that return no rows the caller needs.
  util::Status exec(const std::string& sql);
  /// Compiles one statement. REQUIRES: the Statement does not outlive this Database.
  util::Result<Statement> prepare(std::string_view sql);
  /// The first column of the first row of `sql` (e.g. a PRAGMA); fails when there is no row.
  util::Result<std::int64_t> query_int64(std::string_view sql);
  util::Result<std::string> query_text(std::string_view sql);

  /// True while a transaction is open on this connection.
  bool in_transaction() const;
  /// The path the database was opened with (":memory:" for an in-memory one).
  const std::string& path() const { return path_; }
  /// The raw handle, for what these wrappers do not cover.
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
};

/// A prepared statement, reusable: reset() it, bind its parameters (1-based), then step() for
/// rows or run() for a statement that returns none. A bind failure is kept and reported by the
/// next step()/run(), so bind calls can be chained.
class Statement {
 public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  ~Statement() = default;

  /// Ends any previous execution and clears the bindings.
  Statement& reset();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::optional<std::int64_t>& value);  ///< nullopt: NULL
  Statement& bind_optional_text(int index, const std::optional<std::string>& text);  ///< nullopt: NULL
  Statement& bind_null(int index);

  /// Executes one step: true when a row is ready to read, false when the statement is done.
  util::Result<bool> step();
  /// Executes to the end, ignoring any rows, then resets (bindings are kept).
  util::Status run();

  /// Columns of the current row (0-based). REQUIRES: the last step() returned true.
  std::int64_t column_int64(int col) const;
  std::string column_text(int col) const;
  std::optional<std::int64_t> column_optional_int64(int col) const;
  bool column_is_null(int col) const;

 private:
  friend class Database;
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  void note_bind(int rc);

  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  std::optional<util::Error> bind_error_;
};

/// A write transaction (BEGIN IMMEDIATE: the write lock is taken at once, so COMMIT cannot fail
/// for another writer). Rolled back when destroyed unless commit() succeeded.
class Transaction {
 public:
  /// REQUIRES: `db` outlives the guard.
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  util::Status begin();
  /// On failure the transaction is still rolled back by the destructor.
  util::Status commit();

 private:
  Database& db_;
  bool open_ = false;
};

/// An exclusive advisory lock (flock) on a file, held for the object's lifetime. The lock is
/// released by the kernel when the process dies, so a killed program never leaves it behind.
class FileLock {
 public:
  /// Creates `path` if missing and locks it without waiting. nullopt when another open file
  /// (in this process or another) holds the lock; an Error ("storage_error") when the file
  /// cannot be created or locked.
  static util::Result<std::optional<FileLock>> try_acquire(const std::filesystem::path& path);

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace pcn::store
