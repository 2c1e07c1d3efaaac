#include "central/pg_connection.h"

#include <charconv>

#include <libpq-fe.h>

#include <string_view>

#include "text/catalog.h"

namespace pcn::central {

namespace {

/// libpq's message on one line, without its final newline or full stop.
std::string trimmed(const char* message) {
  const std::string in = message != nullptr ? message : "";
  std::string s;
  for (char c : in) {  // libpq's lines ("…\n\tThis probably means…") on one, one space apart
    const bool blank = c == '\n' || c == '\t' || c == ' ';
    if (!blank) {
      s.push_back(c);
    } else if (!s.empty() && s.back() != ' ') {
      s.push_back(' ');
    }
  }
  // The catalog's sentence ends with its own full stop: none doubled.
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
  return s;
}

}  // namespace

// --- PgRows ---

void PgRows::Clear::operator()(pg_result* r) const { PQclear(r); }

PgRows::PgRows(pg_result* result) : result_(result) {}

int PgRows::size() const { return PQntuples(result_.get()); }

bool PgRows::is_null(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::string PgRows::text(int row, int column) const { return std::string(view(row, column)); }

std::string_view PgRows::view(int row, int column) const {
  if (is_null(row, column)) return {};
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::int64_t PgRows::integer(int row, int column) const {
  std::int64_t n = 0;
  const std::string_view v = view(row, column);
  std::from_chars(v.data(), v.data() + v.size(), n);
  return n;
}

std::int64_t PgRows::affected() const {
  const char* n = PQcmdTuples(result_.get());
  return n != nullptr && *n != '\0' ? std::stoll(n) : 0;
}

// --- PgConnection ---

void PgConnection::Finish::operator()(pg_conn* c) const { PQfinish(c); }

util::Result<PgConnection> PgConnection::open(const std::string& conninfo,
                                              std::chrono::seconds timeout) {
  const std::string seconds = std::to_string(std::max<long long>(1, timeout.count()));
  const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const char* values[] = {conninfo.c_str(), seconds.c_str(), "pcn-central", nullptr};
  pg_conn* raw = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  PgConnection db(raw);
  if (raw == nullptr) return util::make_error("central_db", text::central_db_unreachable("libpq"));
  if (PQstatus(raw) != CONNECTION_OK) {
    return util::make_error("central_db", text::central_db_unreachable(trimmed(PQerrorMessage(raw))));
  }
  // Quiet notices ("relation already exists, skipping") instead of libpq printing them.
  PQsetNoticeProcessor(raw, [](void*, const char*) {}, nullptr);
  return db;
}

util::Result<PgRows> PgConnection::exec(const std::string& sql, const std::vector<PgParam>& params,
                                        const std::string& what) const {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const PgParam& p : params) values.push_back(p ? p->c_str() : nullptr);
  PgRows rows(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                           values.data(), nullptr, nullptr, 0));
  const ExecStatusType status = PQresultStatus(rows.result_.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return rows;
  std::string detail = trimmed(rows.result_ ? PQresultErrorMessage(rows.result_.get())
                                            : PQerrorMessage(conn_.get()));
  if (detail.empty()) detail = trimmed(PQerrorMessage(conn_.get()));
  return util::make_error("central_db", text::central_db_failed(what.empty() ? sql : what, detail));
}

util::Status PgConnection::run_script(const std::string& sql, const std::string& what) const {
  PgRows rows(PQexec(conn_.get(), sql.c_str()));
  const ExecStatusType status = PQresultStatus(rows.result_.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return util::Status::success();
  return util::make_error("central_db",
                          text::central_db_failed(what, trimmed(PQerrorMessage(conn_.get()))));
}

util::Status PgConnection::copy_in(const std::string& copy, const std::string& rows,
                                   const std::string& what) const {
  auto failed = [&] {
    return util::make_error("central_db",
                            text::central_db_failed(what, trimmed(PQerrorMessage(conn_.get()))));
  };
  {
    PgRows started(PQexec(conn_.get(), copy.c_str()));
    if (PQresultStatus(started.result_.get()) != PGRES_COPY_IN) return failed();
  }
  util::Status status = util::Status::success();
  if (PQputCopyData(conn_.get(), rows.data(), static_cast<int>(rows.size())) != 1) {
    status = failed();
    PQputCopyEnd(conn_.get(), "pcn-central: envoi interrompu");  // ends it, so the results drain
  } else if (PQputCopyEnd(conn_.get(), nullptr) != 1) {
    status = failed();
  }
  while (pg_result* r = PQgetResult(conn_.get())) {  // until the copy's last result
    PgRows result(r);
    if (status.ok() && PQresultStatus(r) != PGRES_COMMAND_OK) {
      status = util::make_error(
          "central_db", text::central_db_failed(what, trimmed(PQresultErrorMessage(r))));
    }
  }
  return status;
}

std::string copy_text_field(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  for (char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

bool PgConnection::healthy() const { return PQstatus(conn_.get()) == CONNECTION_OK; }

// --- PgTransaction ---

util::Result<PgTransaction> PgTransaction::begin(const PgConnection& db,
                                                 const std::string& statement) {
  auto r = db.exec(statement, {}, statement);
  if (!r.ok()) return r.error();
  return PgTransaction(db);
}

PgTransaction::~PgTransaction() {
  if (db_ != nullptr) static_cast<void>(db_->exec("ROLLBACK", {}, "ROLLBACK"));
}

util::Status PgTransaction::commit() {
  const PgConnection* db = db_;
  db_ = nullptr;
  auto r = db->exec("COMMIT", {}, "COMMIT");
  if (!r.ok()) return r.error();
  return util::Status::success();
}

}  // namespace pcn::central
