// store::migrate and the version 1 schema, on real database files.
#include <doctest/doctest.h>

#include <array>
#include <string>

#include "protocol/codec.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "store/sqlite_store.h"
#include "support/fake_clock.h"
#include "support/temp_dir.h"

namespace pcn::store {
namespace {

// A version 1 database as the first release writes it, frozen here on purpose: later versions
// of the program must still open such a file. Do not update it when the schema changes.
constexpr const char* kHandMadeVersion1 = R"sql(
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY, day TEXT NOT NULL,
  prefix TEXT NOT NULL CHECK (length(prefix) = 1), number INTEGER NOT NULL CHECK (number > 0),
  service TEXT NOT NULL CHECK (length(service) = 1),
  priority INTEGER NOT NULL CHECK (priority IN (0, 1)),
  state TEXT NOT NULL, issued_at INTEGER NOT NULL, queued_at INTEGER NOT NULL,
  called_at INTEGER, finished_at INTEGER, counter INTEGER,
  calls INTEGER NOT NULL DEFAULT 0, no_shows INTEGER NOT NULL DEFAULT 0,
  transfers INTEGER NOT NULL DEFAULT 0, print TEXT NOT NULL DEFAULT 'pending',
  print_error TEXT NOT NULL DEFAULT '',
  UNIQUE (day, prefix, number)) STRICT;
CREATE TABLE events (
  seq INTEGER PRIMARY KEY, day TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL,
  counter INTEGER, ticket INTEGER REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED,
  body TEXT NOT NULL) STRICT;
CREATE INDEX events_by_day ON events (day);
CREATE INDEX events_by_ticket ON events (ticket);
CREATE TABLE counters (
  number INTEGER PRIMARY KEY, label TEXT NOT NULL, services TEXT NOT NULL,
  paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
  current INTEGER REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED,
  agent TEXT NOT NULL DEFAULT '') STRICT;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE replies (
  client TEXT NOT NULL, request INTEGER NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL,
  PRIMARY KEY (client, request)) STRICT, WITHOUT ROWID;
INSERT INTO tickets (id, day, prefix, number, service, priority, state, issued_at, queued_at,
                     called_at, counter, calls, print)
  VALUES (12, '2026-11-23', 'C', 4, 'C', 0, 'called', 1795384800000, 1795384800000,
          1795385100000, 2, 1, 'printed');
INSERT INTO counters VALUES (2, 'Guichet 2', 'CF', 0, 12, 'Marie');
INSERT INTO meta VALUES ('day', '2026-11-23'), ('priority_streak', '1');
INSERT INTO replies VALUES ('kiosque-1', 3, '{"ok":true}', 1795384800000);
PRAGMA user_version = 1;
)sql";

Database open_db(const std::filesystem::path& file) {
  auto db = Database::open(file.string());
  REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().to_string()));
  return std::move(db).value();
}

int version_of(Database& db) {
  auto v = schema_version(db);
  REQUIRE(v.ok());
  return *v;
}

bool has_table(Database& db, const std::string& name) {
  auto n = db.query_int64("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" +
                          name + "'");
  REQUIRE(n.ok());
  return *n == 1;
}

/// The event a hub would have written for the hand-made database's call of C-004.
std::string call_event_body() {
  queue::Ticket t;
  t.id = 12;
  t.day = util::LocalDate{2026, 11, 23};
  t.prefix = t.service = 'C';
  t.number = 4;
  t.state = queue::TicketState::called;
  queue::Change c;
  c.kind = queue::ChangeKind::ticket_called;
  c.day = t.day;
  c.ticket = 12;
  c.counter = 2;
  c.tickets = {t};
  return protocol::encode(c).dump();
}

/// Opens the hand-made database with a store and checks what a hub would get from it.
void check_hand_made_data(const std::filesystem::path& file) {
  auto opened = SqliteStore::open(file);
  REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
  SqliteStore& store = **opened;

  auto loaded = store.load();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->has_value());
  const queue::EngineState& state = **loaded;
  CHECK(state.day == util::LocalDate{2026, 11, 23});
  CHECK(state.priority_streak == 1);
  CHECK(state.last_ticket_id == 12);
  REQUIRE(state.tickets.size() == 1);
  CHECK(state.tickets[0].label() == "C-004");
  CHECK(state.tickets[0].state == queue::TicketState::called);
  CHECK(state.tickets[0].counter == std::optional<int>(2));
  CHECK(state.tickets[0].print == queue::PrintState::printed);
  REQUIRE(state.counters.size() == 1);
  CHECK(state.counters[0].agent == "Marie");
  auto reply = store.find_reply("kiosque-1", 3);
  REQUIRE(reply.ok());
  CHECK(*reply == std::optional<std::string>(R"({"ok":true})"));
  auto events = store.events_after(0, 10);
  REQUIRE(events.ok());
  REQUIRE(events->size() == 1);
  CHECK(events->front().change.kind == queue::ChangeKind::ticket_called);

  queue::Change next = events->front().change;  // the next commit continues the history
  next.kind = queue::ChangeKind::ticket_finished;
  auto seq = store.commit(next, std::nullopt);
  REQUIRE(seq.ok());
  CHECK(*seq == 2);
}

TEST_CASE("store::migrations are numbered 1, 2, 3 without gaps") {
  int expected = 1;
  for (const Migration& m : migrations()) CHECK(m.version == expected++);
  CHECK(current_schema_version() == expected - 1);
  CHECK(current_schema_version() >= 1);
}

TEST_CASE("store::migrate brings a new file to the current version with every table") {
  testing::TempDir dir("pcn-schema");
  Database db = open_db(dir / "agence.db");
  CHECK(version_of(db) == 0);
  REQUIRE(migrate(db).ok());
  CHECK(version_of(db) == current_schema_version());
  for (const char* table : {"tickets", "events", "counters", "meta", "replies"}) {
    CAPTURE(table);
    CHECK(has_table(db, table));
  }
  REQUIRE(migrate(db).ok());  // nothing left to do: runs nothing twice
  CHECK(version_of(db) == current_schema_version());
}

TEST_CASE("store::SqliteStore opens a hand-made version 1 database and keeps its data") {
  testing::TempDir dir("pcn-schema");
  const auto file = dir / "agence.db";
  {
    Database db = open_db(file);
    REQUIRE(db.exec(kHandMadeVersion1).ok());
    auto insert = db.prepare(
        "INSERT INTO events (seq, day, at, kind, counter, ticket, body) "
        "VALUES (1, '2026-11-23', 1795385100000, 'ticket_called', 2, 12, ?1)");
    REQUIRE(insert.ok());
    REQUIRE(insert->bind(1, call_event_body()).run().ok());
  }
  check_hand_made_data(file);
  Database db = open_db(file);
  CHECK(version_of(db) == current_schema_version());
}

TEST_CASE("store::SqliteStore migrates a version 1 database to version 2: outcomes, workshops") {
  testing::TempDir dir("pcn-schema");
  const auto file = dir / "agence.db";
  {
    Database db = open_db(file);
    REQUIRE(db.exec(kHandMadeVersion1).ok());
  }
  {
    auto opened = SqliteStore::open(file);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().to_string()));
    SqliteStore& store = **opened;
    auto loaded = store.load();
    REQUIRE(loaded.ok());
    REQUIRE((*loaded)->tickets.size() == 1);
    queue::Ticket t = (*loaded)->tickets.front();
    CHECK_FALSE(t.outcome.has_value());  // a visit of before: "non renseigné"

    queue::Change finish;
    finish.kind = queue::ChangeKind::ticket_finished;
    finish.day = t.day;
    finish.ticket = t.id;
    t.state = queue::TicketState::done;
    t.outcome = queue::Outcome{};
    t.outcome->partner = {"cafat"};
    t.outcome->autonomy = "un_peu_aide";
    finish.tickets = {t};
    REQUIRE(store.commit(finish, std::nullopt).ok());
    queue::Change workshop;
    workshop.kind = queue::ChangeKind::workshop_recorded;
    workshop.day = t.day;
    workshop.workshop = queue::Workshop{0, t.day, util::from_unix_ms(1795390000000),
                                        "messagerie", 6, 60, 2};
    auto seq = store.commit(workshop, std::nullopt);
    REQUIRE(seq.ok());
    CHECK(*seq == 2);
  }
  {
    Database db = open_db(file);
    CHECK(version_of(db) == current_schema_version());  // 2, and the versions since
    CHECK(has_table(db, "workshops"));
  }
  auto reopened = SqliteStore::open(file);
  REQUIRE(reopened.ok());
  auto tickets = (*reopened)->tickets_between(util::LocalDate{2026, 11, 23},
                                              util::LocalDate{2026, 11, 23});
  REQUIRE(tickets.ok());
  REQUIRE(tickets->front().outcome.has_value());
  CHECK(tickets->front().outcome->partner == std::vector<std::string>{"cafat"});
  CHECK(tickets->front().outcome->autonomy == "un_peu_aide");
  auto workshops = (*reopened)->workshops_between(util::LocalDate{2026, 11, 23},
                                                  util::LocalDate{2026, 11, 23});
  REQUIRE(workshops.ok());
  REQUIRE(workshops->size() == 1);
  CHECK(workshops->front().seq == 2);
  CHECK(workshops->front().theme == "messagerie");
  CHECK(workshops->front().participants == 6);
  CHECK(workshops->front().counter == std::optional<int>(2));
}

TEST_CASE("store::migrate runs a later step on a hand-made version 1 database") {
  testing::TempDir dir("pcn-schema");
  Database db = open_db(dir / "agence.db");
  REQUIRE(db.exec(kHandMadeVersion1).ok());
  std::vector<Migration> steps(migrations().begin(), migrations().end());
  const int next = current_schema_version() + 1;
  steps.push_back({next, "ALTER TABLE tickets ADD COLUMN note TEXT NOT NULL DEFAULT 'rien'"});

  REQUIRE(migrate(db, steps).ok());
  CHECK(version_of(db) == next);
  auto note = db.query_text("SELECT note || ' ' || prefix || number FROM tickets WHERE id = 12");
  REQUIRE(note.ok());
  CHECK(*note == "rien C4");
}

TEST_CASE("store::migrate leaves the database at the last step that succeeded") {
  testing::TempDir dir("pcn-schema");
  Database db = open_db(dir / "agence.db");
  const std::array<Migration, 3> steps{{
      {1, "CREATE TABLE a (x INTEGER)"},
      {2, "CREATE TABLE b (x INTEGER)"},
      {3, "CREATE TABLE c (x INTEGER); INSERT INTO nowhere VALUES (1)"},
  }};
  auto failed = migrate(db, steps);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().code == "storage_error");
  CHECK(failed.error().message.find("no such table: nowhere") != std::string::npos);
  CHECK(version_of(db) == 2);
  CHECK(has_table(db, "b"));
  CHECK_FALSE(has_table(db, "c"));  // step 3 rolled back as a whole
  CHECK_FALSE(db.in_transaction());
}

TEST_CASE("store::migrate refuses a database newer than its steps, naming both versions") {
  testing::TempDir dir("pcn-schema");
  const auto file = dir / "agence.db";
  Database db = open_db(file);
  REQUIRE(db.exec("PRAGMA user_version = 7").ok());
  const std::array<Migration, 2> steps{{{1, "CREATE TABLE a (x INTEGER)"},
                                        {2, "CREATE TABLE b (x INTEGER)"}}};
  auto refused = migrate(db, steps);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "schema_too_new");
  const std::string& message = refused.error().message;
  CHECK(message.find(file.string()) != std::string::npos);
  CHECK(message.find("schéma 7") != std::string::npos);
  CHECK(message.find("jusqu’au schéma 2") != std::string::npos);  // the steps given
  CHECK(version_of(db) == 7);
  CHECK_FALSE(has_table(db, "a"));
}

}  // namespace

TEST_CASE("store::SqliteStore has a store id of its own, made once, kept across openings") {
  testing::TempDir dir("pcn-schema");
  std::string first;
  {
    auto opened = SqliteStore::open(dir / "agence.db");  // a new database
    REQUIRE(opened.ok());
    auto id = (*opened)->store_id();
    REQUIRE(id.ok());
    CHECK(id->size() == 32);
    CHECK(id->find_first_not_of("0123456789abcdef") == std::string::npos);
    first = *id;
  }
  {
    auto again = SqliteStore::open(dir / "agence.db");
    REQUIRE(again.ok());
    CHECK(*(*again)->store_id() == first);
  }
  // A version 1 database gets one when migrated; another database, another id.
  const auto old_file = dir / "ancienne.db";
  {
    Database db = open_db(old_file);
    REQUIRE(db.exec(kHandMadeVersion1).ok());
  }
  auto migrated = SqliteStore::open(old_file);
  REQUIRE(migrated.ok());
  auto old_id = (*migrated)->store_id();
  REQUIRE(old_id.ok());
  CHECK(old_id->size() == 32);
  CHECK(*old_id != first);
}

}  // namespace pcn::store
