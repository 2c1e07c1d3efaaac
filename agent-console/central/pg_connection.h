// One connection to PostgreSQL through libpq, with the project's error policy: every failure is
// a util::Error whose message is French and names what was being done ("central_db" code), never
// an exception. RAII: the connection and each result are released by their destructors.
//
// Parameters go separately from the SQL text (PQexecParams, text format): no value is ever
// pasted into a statement. NULL is an empty std::optional.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

struct pg_conn;
struct pg_result;

namespace pcn::central {

using PgParam = std::optional<std::string>;

/// The rows a statement returned (none for a command). Values are text, as PostgreSQL prints them.
class PgRows {
 public:
  explicit PgRows(pg_result* result);
  int size() const;
  bool is_null(int row, int column) const;
  /// The value's text; "" for NULL.
  std::string text(int row, int column) const;
  /// The same without a copy, valid while this PgRows lives.
  std::string_view view(int row, int column) const;
  /// The value as an integer. REQUIRES: an integer column, not NULL.
  std::int64_t integer(int row, int column) const;
  /// Rows a command changed ("INSERT 0 3" → 3).
  std::int64_t affected() const;

 private:
  friend class PgConnection;
  struct Clear {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Clear> result_;
};

class PgConnection {
 public:
  /// Connects with `conninfo` (libpq's "host=… port=… dbname=… user=…" or a postgresql:// URI),
  /// giving up after `timeout`. Fails with "central_db" and libpq's reason.
  static util::Result<PgConnection> open(const std::string& conninfo,
                                         std::chrono::seconds timeout = std::chrono::seconds(5));

  /// Runs one statement with its parameters ($1, $2…). `what` says in French what it is for
  /// ("enregistrer les événements"), for the error message.
  util::Result<PgRows> exec(const std::string& sql, const std::vector<PgParam>& params = {},
                            const std::string& what = "") const;
  /// Runs statements without parameters, separated by ';' (migrations).
  util::Status run_script(const std::string& sql, const std::string& what) const;
  /// Runs `copy` ("COPY t (a, b) FROM STDIN", text format) and sends `rows` as its data: one
  /// line per row, tab-separated, escaped by copy_text_field. PostgreSQL's fastest way in.
  util::Status copy_in(const std::string& copy, const std::string& rows,
                       const std::string& what) const;

  /// Whether the connection is still usable (a restarted server breaks it).
  bool healthy() const;

 private:
  struct Finish {
    void operator()(pg_conn* c) const;
  };
  explicit PgConnection(pg_conn* c) : conn_(c) {}
  std::unique_ptr<pg_conn, Finish> conn_;
};

/// `value` as a field of COPY's text format: backslash, tab, newline and carriage return escaped.
std::string copy_text_field(std::string_view value);
/// The NULL of COPY's text format.
inline constexpr std::string_view kCopyNull = "\\N";

/// BEGIN … COMMIT on `db`; rolled back by the destructor unless commit() succeeded.
class PgTransaction {
 public:
  /// `statement` opens it: "BEGIN", or e.g. "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY".
  static util::Result<PgTransaction> begin(const PgConnection& db,
                                           const std::string& statement = "BEGIN");
  ~PgTransaction();
  PgTransaction(PgTransaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  PgTransaction& operator=(PgTransaction&&) = delete;
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;

  util::Status commit();

 private:
  explicit PgTransaction(const PgConnection& db) : db_(&db) {}
  const PgConnection* db_;
};

}  // namespace pcn::central
