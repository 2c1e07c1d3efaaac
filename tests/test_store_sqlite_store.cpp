// store::SqliteStore on real database files: what a hub gets back after commits, refusals and
// reopening.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "store/sqlite_store.h"
#include "support/fake_clock.h"
#include "support/temp_dir.h"

namespace pcn::store {
namespace {

using namespace std::chrono_literals;
using queue::Change;
using queue::ChangeKind;
using queue::Counter;
using queue::Ticket;
using queue::TicketState;

const util::LocalDate kMonday{2026, 11, 23};
const util::LocalDate kTuesday{2026, 11, 24};
const util::LocalDate kWednesday{2026, 11, 25};

std::unique_ptr<SqliteStore> open_store(const std::filesystem::path& file) {
  auto store = SqliteStore::open(file);
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().to_string()));
  return std::move(store).value();
}

Ticket waiting_ticket(queue::TicketId id, util::LocalDate day, char prefix, int number) {
  Ticket t;
  t.id = id;
  t.day = day;
  t.prefix = prefix;
  t.service = prefix;
  t.number = number;
  t.issued_at = t.queued_at = testing::noumea_time(day.year, day.month, day.day, 8, 0) +
                              std::chrono::minutes(number);
  return t;
}

Change issued(const Ticket& t, int streak = 0) {
  Change c;
  c.kind = ChangeKind::ticket_issued;
  c.at = t.issued_at;
  c.day = t.day;
  c.ticket = t.id;
  c.tickets = {t};
  c.priority_streak = streak;
  return c;
}

/// Counter `counter` calls `t`: every optional field of both rows is set.
Change called(Ticket t, int counter, int streak) {
  t.state = TicketState::called;
  t.called_at = t.issued_at + 5min;
  t.finished_at = t.issued_at + 6min;
  t.counter = counter;
  t.calls = 2;
  t.no_shows = 1;
  t.transfers = 1;
  t.service = 'F';
  t.priority = true;
  t.print = queue::PrintState::failed;
  t.print_error = "plus de papier — « bac vide »";
  Counter c{counter, "Guichet " + std::to_string(counter), "CF", true, t.id, "Hélène"};
  Change change;
  change.kind = ChangeKind::ticket_called;
  change.at = *t.called_at;
  change.day = t.day;
  change.counter = counter;
  change.ticket = t.id;
  change.tickets = {t};
  change.counters = {c};
  change.priority_streak = streak;
  return change;
}

Change day_rolled(util::LocalDate new_day, util::TimePoint at) {
  Change c;
  c.kind = ChangeKind::day_rolled;
  c.at = at;
  c.day = new_day;
  return c;
}

std::int64_t commit_ok(Store& store, const Change& change,
                       const std::optional<StoredReply>& reply = std::nullopt) {
  auto seq = store.commit(change, reply);
  REQUIRE_MESSAGE(seq.ok(), (seq.ok() ? "" : seq.error().to_string()));
  return *seq;
}

void check_same(const Ticket& got, const Ticket& want) {
  CHECK(got.id == want.id);
  CHECK(got.day == want.day);
  CHECK(got.label() == want.label());
  CHECK(got.service == want.service);
  CHECK(got.priority == want.priority);
  CHECK(got.state == want.state);
  CHECK(got.issued_at == want.issued_at);
  CHECK(got.queued_at == want.queued_at);
  CHECK(got.called_at == want.called_at);
  CHECK(got.finished_at == want.finished_at);
  CHECK(got.counter == want.counter);
  CHECK(got.calls == want.calls);
  CHECK(got.no_shows == want.no_shows);
  CHECK(got.transfers == want.transfers);
  CHECK(got.print == want.print);
  CHECK(got.print_error == want.print_error);
}

TEST_CASE("store::SqliteStore::load gives back the committed day, tickets, counters and streak") {
  testing::TempDir dir("pcn-store");
  const auto file = dir / "agence.db";
  const Ticket old_ticket = waiting_ticket(5, kMonday, 'C', 1);
  const Ticket first = waiting_ticket(6, kTuesday, 'C', 1);
  const Change call = called(waiting_ticket(7, kTuesday, 'F', 1), 2, 1);
  {
    auto store = open_store(file);
    auto empty = store->load();
    REQUIRE(empty.ok());
    CHECK_FALSE(empty->has_value());
    commit_ok(*store, issued(old_ticket));
    commit_ok(*store, day_rolled(kTuesday, testing::noumea_time(2026, 11, 24, 0, 0)));
    commit_ok(*store, issued(first));
    commit_ok(*store, issued(waiting_ticket(7, kTuesday, 'F', 1)));
    commit_ok(*store, call);
  }
  auto store = open_store(file);  // what is on disk, not what a connection remembers
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->has_value());
  const queue::EngineState& state = **loaded;
  CHECK(state.day == kTuesday);
  CHECK(state.priority_streak == 1);
  CHECK(state.last_ticket_id == 7);
  REQUIRE(state.tickets.size() == 2);  // Monday's ticket is not today's
  check_same(state.tickets[0], first);
  check_same(state.tickets[1], call.tickets[0]);
  REQUIRE(state.counters.size() == 1);
  const Counter& counter = state.counters[0];
  CHECK(counter.number == 2);
  CHECK(counter.label == "Guichet 2");
  CHECK(counter.services == "CF");
  CHECK(counter.paused);
  CHECK(counter.current == std::optional<queue::TicketId>(7));
  CHECK(counter.agent == "Hélène");
}

TEST_CASE("store::SqliteStore::load keeps the highest ticket id after the day rolls") {
  testing::TempDir dir("pcn-store");
  auto store = open_store(dir / "agence.db");
  commit_ok(*store, issued(waiting_ticket(41, kMonday, 'C', 1)));
  commit_ok(*store, day_rolled(kTuesday, testing::noumea_time(2026, 11, 24, 0, 0)));
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->has_value());
  CHECK((*loaded)->day == kTuesday);
  CHECK((*loaded)->tickets.empty());
  CHECK((*loaded)->last_ticket_id == 41);
}

TEST_CASE("store::SqliteStore::load names a stored value it cannot read") {
  testing::TempDir dir("pcn-store");
  const auto file = dir / "agence.db";
  commit_ok(*open_store(file), issued(waiting_ticket(1, kMonday, 'C', 1)));
  {
    auto db = Database::open(file.string());  // e.g. someone edited the file by hand
    REQUIRE(db.ok());
    REQUIRE(db->exec("UPDATE tickets SET state = 'perdu' WHERE id = 1").ok());
  }
  auto loaded = open_store(file)->load();
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().code == "storage_error");
  CHECK(loaded.error().message.find("tickets.state (1)") != std::string::npos);
  CHECK(loaded.error().message.find("« perdu »") != std::string::npos);
}

TEST_CASE("store::SqliteStore numbers events 1, 2, 3 and goes on after a reopen") {
  testing::TempDir dir("pcn-store");
  const auto file = dir / "agence.db";
  {
    auto store = open_store(file);
    auto none = store->last_seq();
    REQUIRE(none.ok());
    CHECK(*none == 0);
    CHECK(commit_ok(*store, issued(waiting_ticket(1, kMonday, 'C', 1))) == 1);
    CHECK(commit_ok(*store, issued(waiting_ticket(2, kMonday, 'C', 2))) == 2);
  }
  auto store = open_store(file);
  auto last = store->last_seq();
  REQUIRE(last.ok());
  CHECK(*last == 2);
  CHECK(commit_ok(*store, issued(waiting_ticket(3, kMonday, 'C', 3))) == 3);
}

TEST_CASE("store::SqliteStore::find_reply returns the reply committed with a change") {
  testing::TempDir dir("pcn-store");
  auto store = open_store(dir / "agence.db");
  commit_ok(*store, issued(waiting_ticket(1, kMonday, 'C', 1)),
            StoredReply{"kiosque-1", 17, R"({"ok":true,"ticket":"C-001"})"});
  auto found = store->find_reply("kiosque-1", 17);
  REQUIRE(found.ok());
  CHECK(*found == std::optional<std::string>(R"({"ok":true,"ticket":"C-001"})"));
  auto other_request = store->find_reply("kiosque-1", 18);
  REQUIRE(other_request.ok());
  CHECK_FALSE(other_request->has_value());
  auto other_client = store->find_reply("kiosque-2", 17);
  REQUIRE(other_client.ok());
  CHECK_FALSE(other_client->has_value());
}

TEST_CASE("store::SqliteStore::events_after decodes the stored changes in order") {
  testing::TempDir dir("pcn-store");
  auto store = open_store(dir / "agence.db");
  const Ticket t = waiting_ticket(1, kMonday, 'C', 1);
  commit_ok(*store, issued(t));
  commit_ok(*store, called(t, 3, 2));
  commit_ok(*store, issued(waiting_ticket(2, kMonday, 'C', 2), 2));

  auto events = store->events_after(1, 10);
  REQUIRE(events.ok());
  REQUIRE(events->size() == 2);
  const queue::Event& call = (*events)[0];
  CHECK(call.seq == 2);
  CHECK(call.change.kind == ChangeKind::ticket_called);
  CHECK(call.change.day == kMonday);
  CHECK(call.change.at == t.issued_at + 5min);
  CHECK(call.change.counter == std::optional<int>(3));
  CHECK(call.change.ticket == std::optional<queue::TicketId>(1));
  CHECK(call.change.priority_streak == 2);
  REQUIRE(call.change.tickets.size() == 1);
  check_same(call.change.tickets[0], called(t, 3, 2).tickets[0]);
  REQUIRE(call.change.counters.size() == 1);
  CHECK(call.change.counters[0].agent == "Hélène");
  CHECK((*events)[1].seq == 3);
  CHECK((*events)[1].change.tickets.at(0).label() == "C-002");

  auto limited = store->events_after(0, 1);
  REQUIRE(limited.ok());
  REQUIRE(limited->size() == 1);
  CHECK(limited->front().seq == 1);
  auto none = store->events_after(3, 10);
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("store::SqliteStore refuses a number issued twice and keeps nothing of that commit") {
  testing::TempDir dir("pcn-store");
  auto store = open_store(dir / "agence.db");
  commit_ok(*store, issued(waiting_ticket(1, kMonday, 'C', 1)));

  Change twice = called(waiting_ticket(2, kMonday, 'C', 1), 4, 9);  // C-001 again, new id
  auto refused = store->commit(twice, StoredReply{"console-4", 1, "{}"});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "storage_error");
  CHECK(refused.error().message.find("UNIQUE constraint failed") != std::string::npos);
  CHECK(refused.error().message.find("agence.db") != std::string::npos);

  auto last = store->last_seq();
  REQUIRE(last.ok());
  CHECK(*last == 1);
  auto tickets = store->tickets_between(kMonday, kMonday);
  REQUIRE(tickets.ok());
  REQUIRE(tickets->size() == 1);
  CHECK(tickets->front().id == 1);
  auto reply = store->find_reply("console-4", 1);
  REQUIRE(reply.ok());
  CHECK_FALSE(reply->has_value());
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK((*loaded)->counters.empty());
  CHECK((*loaded)->priority_streak == 0);
  auto events = store->events_after(0, 10);
  REQUIRE(events.ok());
  CHECK(events->size() == 1);

  // The refused commit left no transaction open behind it.
  CHECK(commit_ok(*store, issued(waiting_ticket(2, kMonday, 'C', 2))) == 2);
}

TEST_CASE("store::SqliteStore refuses a counter holding a ticket that was never stored") {
  testing::TempDir dir("pcn-store");
  auto store = open_store(dir / "agence.db");
  Change pause;
  pause.kind = ChangeKind::counter_paused;
  pause.at = testing::noumea_time(2026, 11, 23, 9, 0);
  pause.day = kMonday;
  pause.counter = 1;
  pause.counters = {Counter{1, "Guichet 1", "C", true, 404, "", {}}};
  auto refused = store->commit(pause, std::nullopt);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "storage_error");
  CHECK(refused.error().message.find("FOREIGN KEY constraint failed") != std::string::npos);
  auto last = store->last_seq();
  REQUIRE(last.ok());
  CHECK(*last == 0);
  auto loaded = store->load();
  REQUIRE(loaded.ok());
  CHECK_FALSE(loaded->has_value());
}

TEST_CASE("store::SqliteStore refuses a reply stored twice for the same request") {
  testing::TempDir dir("pcn-store");
  auto store = open_store(dir / "agence.db");
  commit_ok(*store, issued(waiting_ticket(1, kMonday, 'C', 1)), StoredReply{"k", 1, "un"});
  auto again =
      store->commit(issued(waiting_ticket(2, kMonday, 'C', 2)), StoredReply{"k", 1, "deux"});
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "storage_error");
  auto tickets = store->tickets_between(kMonday, kMonday);
  REQUIRE(tickets.ok());
  CHECK(tickets->size() == 1);
  auto reply = store->find_reply("k", 1);
  REQUIRE(reply.ok());
  CHECK(*reply == std::optional<std::string>("un"));
}

TEST_CASE("store::SqliteStore forgets replies older than 48 hours when the day rolls") {
  testing::TempDir dir("pcn-store");
  auto store = open_store(dir / "agence.db");
  commit_ok(*store, issued(waiting_ticket(1, kMonday, 'C', 1)), StoredReply{"k", 1, "lundi"});
  Ticket wednesday = waiting_ticket(2, kWednesday, 'C', 1);  // Wednesday 08:01, 48 h after
  commit_ok(*store, issued(wednesday), StoredReply{"k", 2, "mercredi"});

  auto still_there = store->find_reply("k", 1);  // only a day roll cleans up
  REQUIRE(still_there.ok());
  CHECK(still_there->has_value());

  commit_ok(*store, day_rolled(kWednesday, testing::noumea_time(2026, 11, 25, 8, 30)));
  auto monday = store->find_reply("k", 1);  // 48 h 29 min old
  REQUIRE(monday.ok());
  CHECK_FALSE(monday->has_value());
  auto recent = store->find_reply("k", 2);  // 29 min old
  REQUIRE(recent.ok());
  CHECK(*recent == std::optional<std::string>("mercredi"));
}

TEST_CASE("store::SqliteStore::tickets_between gives the tickets of a range of days by id") {
  testing::TempDir dir("pcn-store");
  auto store = open_store(dir / "agence.db");
  commit_ok(*store, issued(waiting_ticket(1, kMonday, 'C', 1)));
  commit_ok(*store, issued(waiting_ticket(2, kTuesday, 'F', 1)));
  commit_ok(*store, issued(waiting_ticket(3, kTuesday, 'C', 1)));
  commit_ok(*store, issued(waiting_ticket(4, kWednesday, 'C', 1)));

  auto two_days = store->tickets_between(kMonday, kTuesday);
  REQUIRE(two_days.ok());
  REQUIRE(two_days->size() == 3);
  CHECK((*two_days)[0].id == 1);
  CHECK((*two_days)[1].id == 2);
  CHECK((*two_days)[2].id == 3);
  auto one_day = store->tickets_between(kWednesday, kWednesday);
  REQUIRE(one_day.ok());
  REQUIRE(one_day->size() == 1);
  CHECK(one_day->front().label() == "C-001");
  auto none = store->tickets_between(util::LocalDate{2026, 12, 1}, util::LocalDate{2026, 12, 31});
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("store::SqliteStore::open refuses a database file another store has open") {
  testing::TempDir dir("pcn-store");
  const auto file = dir / "agence.db";
  {
    auto first = open_store(file);
    auto second = SqliteStore::open(file);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == "database_in_use");
    CHECK(second.error().message.find("« " + file.string() + " » est déjà utilisée par un autre "
                                      "programme") != std::string::npos);
    CHECK(commit_ok(*first, issued(waiting_ticket(1, kMonday, 'C', 1))) == 1);
  }
  auto after = SqliteStore::open(file);  // free again once the first is closed
  REQUIRE(after.ok());
  auto last = (*after)->last_seq();
  REQUIRE(last.ok());
  CHECK(*last == 1);
}

TEST_CASE("store::SqliteStore::open refuses a database written by a newer version") {
  testing::TempDir dir("pcn-store");
  const auto file = dir / "agence.db";
  const int newer = current_schema_version() + 1;
  {
    auto db = Database::open(file.string());
    REQUIRE(db.ok());
    REQUIRE(db->exec("PRAGMA user_version = " + std::to_string(newer)).ok());
  }
  auto store = SqliteStore::open(file);
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code == "schema_too_new");
  CHECK(store.error().message.find(file.string()) != std::string::npos);
  CHECK(store.error().message.find("version plus récente") != std::string::npos);
  CHECK(store.error().message.find("schéma " + std::to_string(newer)) != std::string::npos);

  auto db = Database::open(file.string());  // left as it was
  REQUIRE(db.ok());
  auto version = schema_version(*db);
  REQUIRE(version.ok());
  CHECK(*version == newer);
  auto tables = db->query_int64("SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
  REQUIRE(tables.ok());
  CHECK(*tables == 0);
}

TEST_CASE("store::SqliteStore::open names a file it cannot create") {
  testing::TempDir dir("pcn-store");
  const auto file = dir / "pas-de-dossier" / "agence.db";
  auto store = SqliteStore::open(file);
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().code == "storage_error");
  CHECK(store.error().message.find("pas-de-dossier") != std::string::npos);
}

TEST_CASE("store::SqliteStore::open keeps a file database in WAL mode with full sync") {
  testing::TempDir dir("pcn-store");
  const auto file = dir / "agence.db";
  auto store = open_store(file);
  commit_ok(*store, issued(waiting_ticket(1, kMonday, 'C', 1)));
  CHECK(std::filesystem::exists(dir / "agence.db-wal"));
  CHECK(std::filesystem::exists(dir / "agence.db.lock"));
  // Another connection (e.g. a report tool) reads the header: journal mode is persistent.
  auto reader = Database::open(file.string());
  REQUIRE(reader.ok());
  auto mode = reader->query_text("PRAGMA journal_mode");
  REQUIRE(mode.ok());
  CHECK(*mode == "wal");
}

TEST_CASE("store::SqliteStore works in memory for tests") {
  auto first = open_store(":memory:");
  auto second = open_store(":memory:");  // private databases: no lock between them
  CHECK(commit_ok(*first, issued(waiting_ticket(1, kMonday, 'C', 1))) == 1);
  auto other = second->last_seq();
  REQUIRE(other.ok());
  CHECK(*other == 0);
}


TEST_CASE("store::SqliteStore refuses an empty database file and a damaged one, saying so in French") {
  pcn::testing::TempDir dir("pcn-store");
  // a file of 0 bytes where the day's database should be: never taken for a new day
  const auto empty = dir / "vide.db";
  { std::ofstream touch(empty); }
  auto refused = store::SqliteStore::open(empty);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "database_empty");
  CHECK(refused.error().message.find("0 octet") != std::string::npos);
  // damage in the last page of a real database
  const auto file = dir / "agence.db";
  {
    auto store = open_store(file);
    for (int i = 1; i <= 200; ++i) commit_ok(*store, issued(waiting_ticket(i, kMonday, 'C', i)));
  }
  const auto size = std::filesystem::file_size(file);
  REQUIRE(size > 8192);
  {
    std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp(static_cast<std::streamoff>(size - 4096 + 8));
    const std::string garbage(3000, '\x5A');
    bytes.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  auto damaged = store::SqliteStore::open(file);
  REQUIRE_FALSE(damaged.ok());
  CHECK(damaged.error().code == "database_damaged");
  CHECK(damaged.error().message.find("endommagée") != std::string::npos);
}

}  // namespace
}  // namespace pcn::store
