#include "store/sqlite_handle.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include "text/catalog.h"

namespace pcn::store {

namespace {

/// SQLITE_TRANSIENT without its C-style cast: SQLite copies the bound text.
sqlite3_destructor_type transient() {
  return reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
}

std::string file_name_of(sqlite3* db) {
  const char* name = sqlite3_db_filename(db, "main");
  return (name == nullptr || *name == '\0') ? std::string(":memory:") : std::string(name);
}

util::Error storage_error(sqlite3* db, const std::string& detail) {
  return util::make_error("storage_error", text::storage_error(file_name_of(db), detail));
}

util::Error last_error(sqlite3* db) { return storage_error(db, sqlite3_errmsg(db)); }

}  // namespace

// --- Database ---

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

util::Result<Database> Database::open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                           nullptr);
  Database db(raw, path);  // owns the handle even when the open failed
  if (rc != SQLITE_OK) {
    std::string detail = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return util::make_error("storage_error", text::database_open_failed(path, detail));
  }
  return db;
}

util::Status Database::exec(const std::string& sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return util::Status::success();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return storage_error(db_.get(), detail);
}

util::Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Statement stmt(raw);
  if (rc != SQLITE_OK) return last_error(db_.get());
  return stmt;
}

util::Result<std::int64_t> Database::query_int64(std::string_view sql) {
  auto stmt = prepare(sql);
  PCN_TRY(stmt);
  auto row = stmt->step();
  PCN_TRY(row);
  if (!*row) return storage_error(db_.get(), text::storage_no_row(std::string(sql)));
  return stmt->column_int64(0);
}

util::Result<std::string> Database::query_text(std::string_view sql) {
  auto stmt = prepare(sql);
  PCN_TRY(stmt);
  auto row = stmt->step();
  PCN_TRY(row);
  if (!*row) return storage_error(db_.get(), text::storage_no_row(std::string(sql)));
  return stmt->column_text(0);
}

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

// --- Statement ---

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Statement& Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  bind_error_.reset();
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  note_bind(sqlite3_bind_int64(stmt_.get(), index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  note_bind(sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(), transient(),
                                SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_optional_text(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  note_bind(sqlite3_bind_null(stmt_.get(), index));
  return *this;
}

void Statement::note_bind(int rc) {
  if (rc != SQLITE_OK && !bind_error_) {
    bind_error_ = storage_error(sqlite3_db_handle(stmt_.get()), sqlite3_errstr(rc));
  }
}

util::Result<bool> Statement::step() {
  if (bind_error_) return *bind_error_;
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  util::Error e = last_error(sqlite3_db_handle(stmt_.get()));  // prepare_v2: errmsg is the step's
  sqlite3_reset(stmt_.get());
  return e;
}

util::Status Statement::run() {
  for (;;) {
    auto row = step();
    if (!row.ok()) return row.error();
    if (!*row) break;
  }
  sqlite3_reset(stmt_.get());
  return util::Status::success();
}

std::int64_t Statement::column_int64(int col) const {
  return sqlite3_column_int64(stmt_.get(), col);
}

std::string Statement::column_text(int col) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), col);
  if (text == nullptr) return {};
  auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col));
  return std::string(reinterpret_cast<const char*>(text), size);
}

std::optional<std::int64_t> Statement::column_optional_int64(int col) const {
  if (column_is_null(col)) return std::nullopt;
  return column_int64(col);
}

bool Statement::column_is_null(int col) const {
  return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL;
}

// --- Transaction ---

util::Status Transaction::begin() {
  PCN_TRY(db_.exec("BEGIN IMMEDIATE"));
  open_ = true;
  return util::Status::success();
}

util::Status Transaction::commit() {
  PCN_TRY(db_.exec("COMMIT"));
  open_ = false;
  return util::Status::success();
}

Transaction::~Transaction() {
  // Some errors already roll the transaction back; only roll back what is still open.
  if (open_ && db_.in_transaction()) (void)db_.exec("ROLLBACK");
}

// --- FileLock ---

util::Result<std::optional<FileLock>> FileLock::try_acquire(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return util::make_error("storage_error",
                            text::lock_failed(path.string(), std::strerror(errno)));
  }
  FileLock lock(fd);  // closes the descriptor on every path out
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) return std::optional<FileLock>();
    if (errno != EINTR) {
      return util::make_error("storage_error",
                              text::lock_failed(path.string(), std::strerror(errno)));
    }
  }
  return std::optional<FileLock>(std::move(lock));
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace pcn::store
