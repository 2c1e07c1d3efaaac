// The RAII handles under the store: Database, Statement, Transaction, FileLock.
#include <doctest/doctest.h>

#include <string>

#include "store/sqlite_handle.h"
#include "support/temp_dir.h"

namespace pcn::store {
namespace {

Database open_db(const std::filesystem::path& file) {
  auto db = Database::open(file.string());
  REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().to_string()));
  return std::move(db).value();
}

std::int64_t count_rows(Database& db) {
  auto n = db.query_int64("SELECT count(*) FROM t");
  REQUIRE(n.ok());
  return *n;
}

TEST_CASE("store::Transaction rolls back what it wrote unless committed") {
  testing::TempDir dir("pcn-handle");
  Database db = open_db(dir / "t.db");
  REQUIRE(db.exec("CREATE TABLE t (x INTEGER)").ok());
  {
    Transaction tx(db);
    REQUIRE(tx.begin().ok());
    REQUIRE(db.exec("INSERT INTO t VALUES (1)").ok());
    CHECK(db.in_transaction());
  }  // abandoned: e.g. a later write of the same change failed
  CHECK_FALSE(db.in_transaction());
  CHECK(count_rows(db) == 0);
  {
    Transaction tx(db);
    REQUIRE(tx.begin().ok());
    REQUIRE(db.exec("INSERT INTO t VALUES (2)").ok());
    REQUIRE(tx.commit().ok());
  }
  CHECK(count_rows(db) == 1);
}

TEST_CASE("store::Transaction rolls back a commit refused by a deferred foreign key") {
  testing::TempDir dir("pcn-handle");
  Database db = open_db(dir / "t.db");
  REQUIRE(db.exec("PRAGMA foreign_keys = ON; CREATE TABLE p (id INTEGER PRIMARY KEY);"
                  "CREATE TABLE t (x INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)")
              .ok());
  {
    Transaction tx(db);
    REQUIRE(tx.begin().ok());
    REQUIRE(db.exec("INSERT INTO t VALUES (99)").ok());  // checked only at COMMIT
    auto refused = tx.commit();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "storage_error");
    CHECK(refused.error().message.find("FOREIGN KEY constraint failed") != std::string::npos);
  }
  CHECK_FALSE(db.in_transaction());
  CHECK(count_rows(db) == 0);
}

TEST_CASE("store::Statement binds, steps and reads its columns, and can be reused") {
  Database db = open_db(":memory:");
  REQUIRE(db.exec("CREATE TABLE t (x INTEGER, label TEXT, maybe INTEGER)").ok());
  auto insert = db.prepare("INSERT INTO t VALUES (?1, ?2, ?3)");
  REQUIRE(insert.ok());
  REQUIRE(
      insert->reset().bind(1, std::int64_t{1}).bind(2, "Hélène « Guichet »").bind(3, 7).run().ok());
  REQUIRE(insert->reset().bind(1, std::int64_t{2}).bind(2, "").bind_null(3).run().ok());

  auto select = db.prepare("SELECT x, label, maybe FROM t ORDER BY x");
  REQUIRE(select.ok());
  auto row = select->step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  CHECK(select->column_int64(0) == 1);
  CHECK(select->column_text(1) == "Hélène « Guichet »");
  CHECK(select->column_optional_int64(2) == std::optional<std::int64_t>(7));
  row = select->step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  CHECK(select->column_is_null(2));
  CHECK_FALSE(select->column_optional_int64(2).has_value());
  row = select->step();
  REQUIRE(row.ok());
  CHECK_FALSE(*row);
}

TEST_CASE("store::Statement reports a bad bind at the next step, naming the database") {
  testing::TempDir dir("pcn-handle");
  Database db = open_db(dir / "t.db");
  REQUIRE(db.exec("CREATE TABLE t (x INTEGER)").ok());
  auto insert = db.prepare("INSERT INTO t VALUES (?1)");
  REQUIRE(insert.ok());
  auto ran = insert->reset().bind(1, std::int64_t{1}).bind(2, std::int64_t{2}).run();
  REQUIRE_FALSE(ran.ok());
  CHECK(ran.error().code == "storage_error");
  CHECK(ran.error().message.find("t.db") != std::string::npos);
  CHECK(count_rows(db) == 0);
}

TEST_CASE("store::Database::prepare reports SQLite's message for bad SQL") {
  Database db = open_db(":memory:");
  auto bad = db.prepare("SELEKT 1");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "storage_error");
  CHECK(bad.error().message.find("syntax error") != std::string::npos);
  CHECK(bad.error().message.find("Erreur de la base de données") != std::string::npos);
}

TEST_CASE("store::FileLock is held by one open file at a time, and free once dropped") {
  testing::TempDir dir("pcn-handle");
  const auto path = dir / "agence.db.lock";
  auto first = FileLock::try_acquire(path);
  REQUIRE(first.ok());
  REQUIRE(first->has_value());
  auto second = FileLock::try_acquire(path);
  REQUIRE(second.ok());
  CHECK_FALSE(second->has_value());

  FileLock moved = std::move(**first);  // the lock follows the object
  first = std::optional<FileLock>();
  auto still_held = FileLock::try_acquire(path);
  REQUIRE(still_held.ok());
  CHECK_FALSE(still_held->has_value());

  { FileLock gone = std::move(moved); }
  auto free_again = FileLock::try_acquire(path);
  REQUIRE(free_again.ok());
  CHECK(free_again->has_value());
}

TEST_CASE("store::FileLock names a lock file it cannot create") {
  testing::TempDir dir("pcn-handle");
  auto lock = FileLock::try_acquire(dir / "absent" / "agence.db.lock");
  REQUIRE_FALSE(lock.ok());
  CHECK(lock.error().code == "storage_error");
  CHECK(lock.error().message.find("absent/agence.db.lock") != std::string::npos);
}

}  // namespace
}  // namespace pcn::store
