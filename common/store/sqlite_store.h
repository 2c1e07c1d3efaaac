// The Store kept in one SQLite database file (schema: store/schema.h).
//
// Durability: WAL journal with synchronous=FULL, so a commit() that returned ok survives a
// SIGKILL or a power cut. One program at a time: open() takes an exclusive advisory lock on
// "<file>.lock" for the store's lifetime, and a second open of the same file (by another hub, or
// in the same process) fails with code "database_in_use" instead of sharing the numbering.
// Not thread-safe: one thread uses a store.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "store/sqlite_handle.h"
#include "store/store.h"

namespace pcn::store {

class SqliteStore final : public Store {
 public:
  /// Opens `file` (created when missing; ":memory:" for a private in-memory store, not locked)
  /// and migrates it to the current schema. Fails with:
  ///  - "database_in_use" when another program (or another store here) has the file open;
  ///  - "schema_too_new" when the file comes from a newer version of the program;
  ///  - "storage_error" for any other SQLite or file error.
  /// Every message is French and names the file.
  static util::Result<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& file);

  /// Commits in one transaction: the event, the change's tickets and counters, the day and the
  /// priority streak, the reply. A day_rolled change also deletes replies older than 48 hours.
  /// On failure ("storage_error", with SQLite's message) nothing is written.
  util::Result<std::int64_t> commit(const queue::Change& change,
                                    const std::optional<StoredReply>& reply) override;
  util::Result<std::optional<queue::EngineState>> load() override;
  util::Result<std::int64_t> last_seq() override;
  util::Result<std::optional<std::string>> find_reply(const std::string& client,
                                                      std::int64_t request) override;
  util::Result<std::vector<queue::Event>> events_after(std::int64_t after, int limit) override;
  util::Result<std::vector<queue::Ticket>> tickets_between(util::LocalDate from,
                                                           util::LocalDate to) override;
  util::Result<std::string> store_id() override;
  util::Result<std::vector<queue::Workshop>> workshops_between(util::LocalDate from,
                                                               util::LocalDate to) override;

  /// Only open() can make the key: use open().
  class Key {
    friend class SqliteStore;
    Key() = default;
  };

 private:
  struct CommitStatements;  // defined below

 public:
  SqliteStore(Key, std::optional<FileLock> lock, Database db, CommitStatements statements);

 private:
  /// The statements commit() runs, compiled once at open and reused.
  struct CommitStatements {
    Statement next_seq;
    Statement insert_event;
    Statement upsert_ticket;
    Statement upsert_counter;
    Statement upsert_meta;
    Statement insert_reply;
    Statement delete_old_replies;
    Statement insert_workshop;
  };
  static util::Result<CommitStatements> prepare_commit_statements(Database& db);
  util::Status write_change(std::int64_t seq, const queue::Change& change,
                            const std::optional<StoredReply>& reply);
  util::Status write_ticket(const queue::Ticket& t);
  util::Status write_counter(const queue::Counter& c);
  util::Status write_workshop(std::int64_t seq, const queue::Workshop& w);

  // Destroyed in reverse order: statements, then the connection, then the lock.
  std::optional<FileLock> lock_;  // nullopt for ":memory:"
  Database db_;
  CommitStatements hot_;
};

}  // namespace pcn::store
