#include "central/central_schema.h"

#include <array>
#include <string_view>

#include "text/catalog.h"

namespace pcn::central {

namespace {

// An arbitrary key of pg_advisory_xact_lock, the same for every pcn-central.
constexpr std::string_view kLock = "SELECT pg_advisory_xact_lock(7243110001)";

constexpr std::string_view kVersionTable = R"sql(
CREATE TABLE IF NOT EXISTS central_schema (
  version    integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
))sql";

constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE agencies (
  id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name          text NOT NULL DEFAULT '',
  time_zone     text NOT NULL,
  first_seen    timestamptz NOT NULL DEFAULT now(),
  last_received timestamptz,
  last_event_at timestamptz
);
CREATE TABLE agency_stores (
  agency       text NOT NULL REFERENCES agencies (id),
  store        text NOT NULL CHECK (length(store) BETWEEN 1 AND 64),
  acknowledged bigint NOT NULL DEFAULT 0 CHECK (acknowledged >= 0),
  first_seen   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency, store)
);
CREATE TABLE events (
  agency      text NOT NULL,
  store       text NOT NULL,
  seq         bigint NOT NULL CHECK (seq > 0),
  day         date NOT NULL,
  at          timestamptz NOT NULL,
  kind        text NOT NULL,
  counter     integer,
  ticket      bigint,
  body        jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency, store, seq),
  FOREIGN KEY (agency, store) REFERENCES agency_stores (agency, store)
);
CREATE INDEX events_by_day ON events (day, agency);
CREATE TABLE pilot_tickets (
  agency          text NOT NULL,
  store           text NOT NULL,
  ticket          bigint NOT NULL,
  day             date NOT NULL,
  label           text NOT NULL,
  service         text NOT NULL,
  priority        boolean NOT NULL,
  state           text NOT NULL,
  issued_at       timestamptz NOT NULL,
  queued_at       timestamptz NOT NULL,
  called_at       timestamptz,
  finished_at     timestamptz,
  counter         integer,
  calls           integer NOT NULL,
  no_shows        integer NOT NULL,
  transfers       integer NOT NULL,
  wait_seconds    integer,
  counter_seconds integer,
  print           text NOT NULL,
  partner         text[] NOT NULL DEFAULT '{}',
  theme           text[] NOT NULL DEFAULT '{}',
  autonomy        text,
  result          text,
  orientation     text,
  first_visit     text,
  age_band        text,
  situation       text,
  commune         text,
  equipment       text,
  last_seq        bigint NOT NULL,
  PRIMARY KEY (agency, store, ticket),
  FOREIGN KEY (agency, store) REFERENCES agency_stores (agency, store)
);
CREATE INDEX pilot_tickets_by_day ON pilot_tickets (day, agency);
CREATE TABLE pilot_workshops (
  agency       text NOT NULL,
  store        text NOT NULL,
  seq          bigint NOT NULL,
  day          date NOT NULL,
  at           timestamptz NOT NULL,
  theme        text NOT NULL,
  participants integer NOT NULL CHECK (participants > 0),
  minutes      integer NOT NULL CHECK (minutes > 0),
  counter      integer,
  PRIMARY KEY (agency, store, seq),
  FOREIGN KEY (agency, store) REFERENCES agency_stores (agency, store)
);
CREATE INDEX pilot_workshops_by_day ON pilot_workshops (day, agency);
CREATE VIEW pilot_accompaniments AS
  SELECT agency, day, 'visite'::text AS kind, label, service, counter, 1 AS participants,
         counter_seconds / 60 AS minutes, partner, theme, autonomy, result, orientation,
         first_visit, age_band, situation, commune, equipment
    FROM pilot_tickets
   WHERE state = 'done' AND called_at IS NOT NULL
  UNION ALL
  SELECT agency, day, 'atelier'::text, NULL, NULL, counter, participants, minutes, '{}',
         ARRAY[theme], NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM pilot_workshops;
)sql";

// Version 2: each agency's profile (protocol/profile.h), the services, counters, hours and
// pick-lists its report is computed with.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE agencies ADD COLUMN profile jsonb;
)sql";


// Version 3 (issue #13): what the web dashboard and the ticket page need.
//  - agencies.follow_key: the key of the agency's follow tokens (protocol/follow_token.h), as
//    its hub sent it; agencies.last_contact: the last ship of any kind (keep-alives included).
//  - dashboard_days / dashboard_counts: each agency's business day summed up, once for all its
//    visits (slice '') and once per partner (slice = the partner's code: the visits with that
//    partner), rebuilt from pilot_tickets for the days listed in dashboard_stale
//    (dashboard/day_summary.h describes the columns and the counts' dimensions). Keys start
//    with the slice: a page reads one slice of a range of days.
//  - web_accounts, web_sessions: the dashboard's logins (dashboard/accounts.h).
constexpr std::string_view kVersion3 = R"sql(
ALTER TABLE agencies ADD COLUMN follow_key text, ADD COLUMN last_contact timestamptz;
UPDATE agencies SET last_contact = last_received;
CREATE TABLE dashboard_stale (
  agency text NOT NULL,
  day    date NOT NULL,
  PRIMARY KEY (agency, day)
);
INSERT INTO dashboard_stale SELECT DISTINCT agency, day FROM pilot_tickets;
INSERT INTO dashboard_stale SELECT DISTINCT agency, day FROM pilot_workshops ON CONFLICT DO NOTHING;
CREATE TABLE dashboard_days (
  agency         text NOT NULL,
  day            date NOT NULL,
  slice          text NOT NULL,
  tickets        integer NOT NULL,
  served         integer NOT NULL,
  no_show        integer NOT NULL,
  not_served     integer NOT NULL,
  received       integer NOT NULL,
  within_15      integer NOT NULL,
  within_30      integer NOT NULL,
  print_failed   integer NOT NULL,
  done_for_them  integer NOT NULL,
  autonomy_given integer NOT NULL,
  workshops      integer NOT NULL,
  participants   integer NOT NULL,
  wait_hist      integer[] NOT NULL,
  PRIMARY KEY (slice, day, agency)
);
CREATE TABLE dashboard_counts (
  agency    text NOT NULL,
  day       date NOT NULL,
  slice     text NOT NULL,
  dimension text NOT NULL,
  code      text NOT NULL,
  n         integer NOT NULL,
  PRIMARY KEY (slice, day, agency, dimension, code)
);
CREATE INDEX dashboard_counts_by_agency ON dashboard_counts (agency, slice, day);
CREATE TABLE web_accounts (
  login         text PRIMARY KEY CHECK (login ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
  full_name     text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 120),
  role          text NOT NULL CHECK (role IN ('coordination', 'agence', 'partenaire')),
  scope         text NOT NULL DEFAULT '',
  password_hash text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'coordination') = (scope = ''))
);
CREATE TABLE web_sessions (
  token_hash text PRIMARY KEY,
  login      text NOT NULL REFERENCES web_accounts (login),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX web_sessions_by_login ON web_sessions (login);
)sql";

constexpr std::array<std::string_view, kCentralSchemaVersion> kMigrations{kVersion1, kVersion2,
                                                                           kVersion3};

}  // namespace

util::Result<int> schema_version(const PgConnection& db) {
  auto exists = db.exec("SELECT to_regclass('central_schema') IS NOT NULL", {},
                        text::central_db_reading_version());
  if (!exists.ok()) return exists.error();
  if (exists->text(0, 0) != "t") return 0;
  auto v = db.exec("SELECT coalesce(max(version), 0) FROM central_schema", {},
                   text::central_db_reading_version());
  if (!v.ok()) return v.error();
  return static_cast<int>(v->integer(0, 0));
}

util::Status migrate(const PgConnection& db) {
  auto tx = PgTransaction::begin(db);
  if (!tx.ok()) return tx.error();
  PCN_TRY(db.exec(std::string(kLock), {}, text::central_db_migrating(kCentralSchemaVersion)));
  PCN_TRY(db.run_script(std::string(kVersionTable), text::central_db_migrating(1)));
  auto version = schema_version(db);
  if (!version.ok()) return version.error();
  if (*version > kCentralSchemaVersion) {
    return util::make_error("central_schema_newer",
                            text::central_schema_newer(*version, kCentralSchemaVersion));
  }
  for (int v = *version + 1; v <= kCentralSchemaVersion; ++v) {
    PCN_TRY(db.run_script(std::string(kMigrations[static_cast<std::size_t>(v - 1)]),
                          text::central_db_migrating(v)));
    PCN_TRY(db.exec("INSERT INTO central_schema (version) VALUES ($1)", {std::to_string(v)},
                    text::central_db_migrating(v)));
  }
  return tx->commit();
}

}  // namespace pcn::central
