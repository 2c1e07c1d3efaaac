// central::CentralStore against a real PostgreSQL 15 started in a temp folder
// (tests/support/postgres_harness.h), with events made by a real queue::Engine: the schema made
// and versioned, a batch stored once however often it is sent, the acknowledgement, a gap or a
// disorder refused with nothing stored, a second hub database of the same agency kept apart,
// pilot_tickets holding each ticket's last row with its outcome, workshops, test slips left out,
// two stores on one database, and a server restarted under the store.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "central/central_schema.h"
#include "central/central_store.h"
#include "queue/engine.h"
#include "support/engine_fixture.h"
#include "support/fake_clock.h"
#include "support/postgres_harness.h"
#include "text/catalog.h"

using namespace pcn;
using namespace std::chrono_literals;
using pcn::testing::accept;
using pcn::testing::noumea_time;

namespace {

const util::LocalDate kDay{2026, 11, 23};

/// A short morning at Bourail, as its hub numbers it: C-001 served with an outcome, C-002
/// called then absent once (back in the line), a test slip, a workshop, C-003 waiting.
std::vector<queue::Event> morning() {
  testing::FakeClock clock{noumea_time(2026, 11, 23, 8, 0)};
  queue::Engine engine{testing::test_rules(), kDay};
  std::vector<queue::Event> events;
  auto add = [&](const queue::Engine::Decision& d) {
    events.push_back({static_cast<std::int64_t>(events.size() + 1), accept(engine, d)});
  };
  add(engine.issue('C', false, clock.now()));  // 1
  add(engine.issue('C', false, clock.now()));  // 2
  clock.advance(4min);
  add(engine.call_next(1, clock.now()));  // 3: C-001 after 4 min
  clock.advance(10min);
  queue::Outcome o;
  o.partner = {"cafat"};
  o.theme = {"espace_en_ligne"};
  o.autonomy = "pas_a_pas";
  o.result = "aboutie";
  add(engine.finish_with(1, o, clock.now()));  // 4: 10 min at the counter
  add(engine.call_next(1, clock.now()));       // 5: C-002
  clock.advance(2min);
  add(engine.no_show(1, clock.now()));       // 6
  add(engine.test_ticket('C', clock.now()));  // 7
  queue::Workshop w;
  w.theme = "securite";
  w.participants = 6;
  w.minutes = 90;
  w.counter = 2;
  add(engine.record_workshop(w, clock.now()));  // 8
  add(engine.issue('C', false, clock.now()));    // 9: C-003
  return events;
}

central::Batch batch_of(const std::vector<queue::Event>& events, std::size_t from, std::size_t to,
                        const std::string& store = "store-1") {
  central::Batch b{"bourail", "OPT Bourail", "Pacific/Noumea", store, {}};
  for (std::size_t i = from; i < to && i < events.size(); ++i) b.events.push_back(events[i]);
  return b;
}

}  // namespace

TEST_CASE("central::CentralStore makes the schema, and stores a batch once however often sent") {
  testing::TestPostgres pg;
  auto store = central::CentralStore::open(pg.conninfo());
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().to_string()));
  CHECK(*central::schema_version(store->connection()) == central::kCentralSchemaVersion);
  CHECK(*store->acknowledged("bourail", "store-1") == 0);

  const std::vector<queue::Event> events = morning();
  auto first = store->store(batch_of(events, 0, 5));
  REQUIRE(first.ok());
  CHECK(*first == 5);
  // Sent again (the acknowledgement was lost), then overlapping: nothing doubled.
  CHECK(*store->store(batch_of(events, 0, 5)) == 5);
  auto rest = store->store(batch_of(events, 3, 9));
  REQUIRE(rest.ok());
  CHECK(*rest == 9);
  CHECK(*store->acknowledged("bourail", "store-1") == 9);
  CHECK(pg.psql("SELECT count(*), min(seq), max(seq) FROM events") == "9|1|9\n");
  CHECK(pg.psql("SELECT count(*) FROM events WHERE kind = 'test_ticket'") == "1\n");
  // Times in UTC, read back in the agency's zone; the body is the change as the hub sent it.
  CHECK(pg.psql("SELECT seq, to_char(at AT TIME ZONE 'Pacific/Noumea', 'HH24:MI:SS.MS'), "
                "body->>'kind' = kind, (body->>'at')::bigint = "
                "(extract(epoch FROM at) * 1000)::bigint FROM events WHERE seq IN (1, 3, 4) "
                "ORDER BY seq") ==
        "1|08:00:00.000|t|t\n3|08:04:00.000|t|t\n4|08:14:00.000|t|t\n");

  // pilot_tickets: three tickets (the test slip is none), each as after its last event.
  CHECK(pg.psql("SELECT label, state, calls, no_shows, wait_seconds, counter_seconds, "
                "array_to_string(partner, ','), array_to_string(theme, ','), autonomy, result, "
                "day FROM pilot_tickets ORDER BY label") ==
        "C-001|done|1|0|240|600|cafat|espace_en_ligne|pas_a_pas|aboutie|2026-11-23\n"
        "C-002|waiting|1|1|||||||2026-11-23\n"  // back in the line: no call, no wait yet
        "C-003|waiting|0|0|||||||2026-11-23\n");
  CHECK(pg.psql("SELECT to_char(issued_at AT TIME ZONE 'Pacific/Noumea', 'HH24:MI') "
                "FROM pilot_tickets WHERE label = 'C-001'") == "08:00\n");
  CHECK(pg.psql("SELECT theme, participants, minutes, counter FROM pilot_workshops") ==
        "securite|6|90|2\n");
  CHECK(pg.psql("SELECT kind, coalesce(label, '-'), participants FROM pilot_accompaniments "
                "ORDER BY kind DESC") == "visite|C-001|1\natelier|-|6\n");
  CHECK(pg.psql("SELECT id, name, time_zone FROM agencies") ==
        "bourail|OPT Bourail|Pacific/Noumea\n");
}

TEST_CASE("central::CentralStore refuses a gap or a disorder and stores nothing of it") {
  testing::TestPostgres pg;
  auto store = central::CentralStore::open(pg.conninfo());
  REQUIRE(store.ok());
  const std::vector<queue::Event> events = morning();
  REQUIRE(store->store(batch_of(events, 0, 3)).ok());
  auto gap = store->store(batch_of(events, 4, 9));  // 5…9 while the centre holds up to 3
  REQUIRE_FALSE(gap.ok());
  CHECK(gap.error().code == "bad_batch");
  CHECK(gap.error().message == text::central_bad_batch_gap(5, 3));
  central::Batch shuffled = batch_of(events, 3, 6);
  std::swap(shuffled.events[0], shuffled.events[1]);
  auto disorder = store->store(shuffled);
  REQUIRE_FALSE(disorder.ok());
  CHECK(disorder.error().code == "bad_batch");
  central::Batch nameless = batch_of(events, 3, 6);
  nameless.agency.clear();
  CHECK(store->store(nameless).error().code == "bad_batch");
  CHECK(*store->acknowledged("bourail", "store-1") == 3);
  CHECK(pg.psql("SELECT count(*) FROM events") == "3\n");
}

TEST_CASE("central::CentralStore keeps a replaced hub database apart from the first") {
  testing::TestPostgres pg;
  auto store = central::CentralStore::open(pg.conninfo());
  REQUIRE(store.ok());
  const std::vector<queue::Event> events = morning();
  REQUIRE(store->store(batch_of(events, 0, 9)).ok());
  // The agency's database was replaced: its sequences start again at 1 under a new store id.
  auto again = store->store(batch_of(events, 0, 2, "store-2"));
  REQUIRE(again.ok());
  CHECK(*again == 2);
  CHECK(*store->acknowledged("bourail", "store-1") == 9);
  CHECK(pg.psql("SELECT store, count(*) FROM events GROUP BY store ORDER BY store") ==
        "store-1|9\nstore-2|2\n");
  CHECK(pg.psql("SELECT state FROM pilot_tickets WHERE store = 'store-1' AND label = 'C-001'") ==
        "done\n");  // not overwritten by the new database's C-001
}

TEST_CASE("central::CentralStore: two stores on one database, and a restarted server") {
  testing::TestPostgres pg;
  auto a = central::CentralStore::open(pg.conninfo());
  auto b = central::CentralStore::open(pg.conninfo());  // a second pcn-central: schema applied once
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(pg.psql("SELECT count(*), count(DISTINCT version) FROM central_schema") ==
        std::to_string(central::kCentralSchemaVersion) + "|" +
            std::to_string(central::kCentralSchemaVersion) + "\n");
  const std::vector<queue::Event> events = morning();
  REQUIRE(a->store(batch_of(events, 0, 4)).ok());
  CHECK(*b->store(batch_of(events, 0, 6)) == 6);
  CHECK(*a->store(batch_of(events, 2, 6)) == 6);
  CHECK(pg.psql("SELECT count(*) FROM events") == "6\n");

  // The server restarts: the old connection fails with a French message, a new one goes on.
  pg.stop("immediate");
  pg.start();
  auto lost = a->store(batch_of(events, 6, 9));
  REQUIRE_FALSE(lost.ok());
  CHECK(lost.error().code == "central_db");
  CHECK(lost.error().message.rfind("Base PostgreSQL du centre", 0) == 0);
  // libpq's lines joined on one, one space apart, and one full stop at the end.
  CAPTURE(lost.error().message);
  CHECK(lost.error().message.find("  ") == std::string::npos);
  CHECK(lost.error().message.find("..") == std::string::npos);
  auto c = central::CentralStore::open(pg.conninfo());
  REQUIRE(c.ok());
  CHECK(*c->store(batch_of(events, 6, 9)) == 9);
  CHECK(pg.psql("SELECT count(*) FROM events") == "9\n");
}

TEST_CASE("central::CentralStore::open says in French when the database cannot be reached") {
  auto none = central::CentralStore::open("host=127.0.0.1 port=1 user=pcn dbname=pcn");
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == "central_db");
  CHECK(none.error().message.rfind("Base PostgreSQL du centre injoignable : ", 0) == 0);
}

TEST_CASE("docs/central-tables.md: every example query runs on a stored morning") {
  testing::TestPostgres pg;
  auto store = central::CentralStore::open(pg.conninfo());
  REQUIRE(store.ok());
  REQUIRE(store->store(batch_of(morning(), 0, 9)).ok());
  const auto path =
      std::filesystem::path(__FILE__).parent_path().parent_path() / "docs" / "central-tables.md";
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  int examples = 0;
  for (std::size_t at = text.find("```sql\n"); at != std::string::npos;
       at = text.find("```sql\n", at + 1)) {
    const std::size_t begin = at + 7;
    const std::size_t end = text.find("```", begin);
    REQUIRE(end != std::string::npos);
    std::string sql = text.substr(begin, end - begin);
    for (char& c : sql) {
      if (c == '\n') c = ' ';
    }
    CAPTURE(sql);
    const std::string out = pg.psql(sql);
    CHECK(out.find("ERROR") == std::string::npos);
    CHECK_FALSE(out.empty());  // the morning has a row for each
    ++examples;
  }
  CHECK(examples >= 4);
  // The documented share « fait à la place » of the morning: C-001 was accompanied, 0 %.
  CHECK(pg.psql("SELECT round(100.0 * count(*) FILTER (WHERE autonomy = 'fait_a_la_place') / "
                "nullif(count(autonomy), 0)) FROM pilot_tickets WHERE state = 'done'") == "0\n");
}

TEST_CASE("central::migrate brings a version 1 database to the current schema, data kept") {
  testing::TestPostgres pg;
  {
    auto store = central::CentralStore::open(pg.conninfo());
    REQUIRE(store.ok());
    REQUIRE(store->store(batch_of(morning(), 0, 4)).ok());
  }
  // As a pcn-central of version 1 left it.
  pg.psql("ALTER TABLE agencies DROP COLUMN profile, DROP COLUMN follow_key, DROP COLUMN last_contact; "
          "DROP TABLE dashboard_stale, dashboard_days, dashboard_counts, web_sessions, web_accounts; "
          "DELETE FROM central_schema WHERE version > 1");
  auto store = central::CentralStore::open(pg.conninfo());
  REQUIRE(store.ok());
  CHECK(*central::schema_version(store->connection()) == central::kCentralSchemaVersion);
  CHECK(pg.psql("SELECT count(*), count(profile) FROM agencies") == "1|0\n");
  CHECK(pg.psql("SELECT count(*) FROM events") == "4\n");
  // version 3 lists the days already held for the dashboard's summaries
  CHECK(pg.psql("SELECT count(*) FROM dashboard_stale") == "1\n");
}

TEST_CASE("central::copy_text_field escapes what COPY's text format reads specially") {
  CHECK(central::copy_text_field("plain « é »") == "plain « é »");
  CHECK(central::copy_text_field("a\tb\nc\rd\\e") == "a\\tb\\nc\\rd\\\\e");
  CHECK(central::copy_text_field(R"({"m":"l\"x\n"})") == R"({"m":"l\\"x\\n"})");
}
