// What a hub left in its SQLite file, read back for the drills through a read-only connection of
// its own (not the store's code), once the hub has stopped or been killed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pcn::testing {

/// One row of the tickets table (store/schema.cpp).
struct StoredTicket {
  std::int64_t id = 0;
  std::string day;  ///< YYYY-MM-DD
  char prefix = '?';
  int number = 0;
  char service = '?';
  std::string state;  ///< waiting, called, done, absent, unserved
  std::optional<int> counter;
  int calls = 0;
  int no_shows = 0;
  int transfers = 0;
  std::string print;  ///< pending, printed, failed

  std::string label() const;  ///< "C-042"
};

/// Every ticket in `database`, by id. Throws std::runtime_error when the file cannot be read.
std::vector<StoredTicket> read_tickets(const std::filesystem::path& database);

/// The highest event sequence number in `database` (0 when none).
std::int64_t read_last_seq(const std::filesystem::path& database);

/// The bytes of the event bodies (their JSON text) after sequence `after` in `database`: what
/// the hub's log weighs, and at least what shipping those events sends.
std::int64_t read_log_bytes(const std::filesystem::path& database, std::int64_t after = 0);

}  // namespace pcn::testing
