#include "store/schema.h"

#include <array>
#include <string>

#include "text/catalog.h"

namespace pcn::store {

namespace {

// Version 1. Foreign keys are checked at COMMIT (DEFERRABLE INITIALLY DEFERRED), so a change's
// rows can be written in any order within its transaction.
// The UNIQUE(day, prefix, number) index also serves every "tickets of a day / of a range of days"
// lookup (day is its first column), so reports need no other index on tickets.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE tickets (
  id          INTEGER PRIMARY KEY,
  day         TEXT    NOT NULL,
  prefix      TEXT    NOT NULL CHECK (length(prefix) = 1),
  number      INTEGER NOT NULL CHECK (number > 0),
  service     TEXT    NOT NULL CHECK (length(service) = 1),
  priority    INTEGER NOT NULL CHECK (priority IN (0, 1)),
  state       TEXT    NOT NULL,
  issued_at   INTEGER NOT NULL,
  queued_at   INTEGER NOT NULL,
  called_at   INTEGER,
  finished_at INTEGER,
  counter     INTEGER,
  calls       INTEGER NOT NULL DEFAULT 0,
  no_shows    INTEGER NOT NULL DEFAULT 0,
  transfers   INTEGER NOT NULL DEFAULT 0,
  print       TEXT    NOT NULL DEFAULT 'pending',
  print_error TEXT    NOT NULL DEFAULT '',
  UNIQUE (day, prefix, number)
) STRICT;

CREATE TABLE events (
  seq     INTEGER PRIMARY KEY,
  day     TEXT    NOT NULL,
  at      INTEGER NOT NULL,
  kind    TEXT    NOT NULL,
  counter INTEGER,
  ticket  INTEGER REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED,
  body    TEXT    NOT NULL
) STRICT;
CREATE INDEX events_by_day ON events (day);
CREATE INDEX events_by_ticket ON events (ticket);

CREATE TABLE counters (
  number   INTEGER PRIMARY KEY,
  label    TEXT    NOT NULL,
  services TEXT    NOT NULL,
  paused   INTEGER NOT NULL CHECK (paused IN (0, 1)),
  current  INTEGER REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED,
  agent    TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE replies (
  client  TEXT    NOT NULL,
  request INTEGER NOT NULL,
  body    TEXT    NOT NULL,
  at      INTEGER NOT NULL,
  PRIMARY KEY (client, request)
) STRICT, WITHOUT ROWID;
)sql";

// Version 2: the outcome of each visit, and the workshops held without tickets. Existing tickets
// keep a NULL outcome ("non renseigné"); their events are unchanged (an event body without an
// outcome decodes as none).
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE tickets ADD COLUMN outcome TEXT;

CREATE TABLE workshops (
  seq          INTEGER PRIMARY KEY REFERENCES events (seq) DEFERRABLE INITIALLY DEFERRED,
  day          TEXT    NOT NULL,
  at           INTEGER NOT NULL,
  theme        TEXT    NOT NULL,
  participants INTEGER NOT NULL CHECK (participants > 0),
  minutes      INTEGER NOT NULL CHECK (minutes > 0),
  counter      INTEGER
) STRICT;
CREATE INDEX workshops_by_day ON workshops (day);
)sql";

// Version 3: the database's own id, made once (128 random bits, hex), under which the hub ships
// its events to the centre: a replaced database gets a new one, so its sequences, which start
// again at 1, never overwrite what the centre holds of the old one.
constexpr std::string_view kVersion3 = R"sql(
INSERT INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
)sql";

constexpr std::array<Migration, 3> kMigrations{{
    {1, kVersion1},
    {2, kVersion2},
    {3, kVersion3},
}};

util::Status run_step(Database& db, const Migration& step) {
  Transaction tx(db);
  PCN_TRY(tx.begin());
  PCN_TRY(db.exec(std::string(step.sql)));
  PCN_TRY(db.exec("PRAGMA user_version = " + std::to_string(step.version)));
  return tx.commit();
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int current_schema_version() { return kMigrations.back().version; }

util::Result<int> schema_version(Database& db) {
  auto version = db.query_int64("PRAGMA user_version");
  PCN_TRY(version);
  return static_cast<int>(*version);
}

util::Status migrate(Database& db, std::span<const Migration> steps) {
  auto version = schema_version(db);
  PCN_TRY(version);
  int newest = steps.empty() ? 0 : steps.back().version;
  if (*version > newest) {
    return util::make_error("schema_too_new",
                            text::database_too_new(db.path(), *version, newest));
  }
  for (const Migration& step : steps) {
    if (step.version > *version) PCN_TRY(run_step(db, step));
  }
  return util::Status::success();
}

}  // namespace pcn::store
