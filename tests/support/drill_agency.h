// An agency set up on disk as an installer would, for the drills: a temp folder with the config
// file (services C CAFAT, F Factures, N Identité numérique; counters 1 and 2 serve all three,
// counter 3 serves N; open at all hours; 127.0.0.1 on free ports; `file` printer), and the keys
// made by the real `ticket-printer keygen --agency`. The programs run as child processes on it.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "client/client.h"
#include "support/drill_process.h"
#include "support/temp_dir.h"

namespace pcn::testing {

/// The built programs (tests/CMakeLists.txt defines their paths for test_drill).
struct Programs {
  std::string ticket_printer;
  std::string display;
  std::string agent_console;
};

class DrillAgency {
 public:
  /// Writes the config and runs `keygen --agency`; throws std::runtime_error when that fails.
  DrillAgency(Programs programs, const std::string& tag);

  const Programs& programs() const { return programs_; }
  const TempDir& dir() const { return dir_; }
  std::filesystem::path config() const { return dir_ / "agence.toml"; }
  std::filesystem::path database() const { return dir_ / "data" / "queue.sqlite"; }
  std::filesystem::path keys() const { return dir_ / "keys"; }
  std::filesystem::path tickets() const { return dir_ / "tickets"; }
  std::filesystem::path logs() const { return dir_ / "logs"; }
  int request_port() const { return request_port_; }
  int event_port() const { return event_port_; }

  /// Adds a [central] section (endpoint, the centre's public key; the shipping key is
  /// keys/exercice.key, the agency's id) and rewrites the config. Takes effect at the next start.
  void set_central(const std::string& endpoint, const std::string& public_key);

  /// Options of a client using keys/`key`.key, as the programs build them from the config.
  /// Throws std::runtime_error when the key cannot be read.
  client::ClientOptions client_options(const std::string& key) const;

  /// Starts `ticket-printer --headless --config …` and waits (at most 15 s) for its "started"
  /// log line. Each start gets its own log files logs/hub-N.{out,err}. Throws when it does not
  /// start.
  std::unique_ptr<Process> start_hub();
  /// The epoch a hub's start-up log line gives ("" when not found).
  static std::string epoch_in_log(const std::string& log);

  /// Starts `program` with `args` (their own options; the config is not added), output under
  /// logs/`name`.
  std::unique_ptr<Process> spawn(const std::string& program, std::vector<std::string> args,
                                 const std::string& name) const;
  /// Runs `program` with `args` to its end (at most `limit`), output under logs/`name`.
  Finished run(const std::string& program, std::vector<std::string> args,
               const std::string& name,
               std::chrono::milliseconds limit = std::chrono::seconds(20)) const;

 private:
  void write_config() const;

  Programs programs_;
  TempDir dir_;
  int request_port_ = 0;
  int event_port_ = 0;
  int hub_starts_ = 0;
  std::string central_;  // the [central] section, "" without one
};

/// The hub's first log line once it serves (common/text/catalog.cpp, hub_started).
inline constexpr const char* kHubStartedLine = "Serveur de file démarré";

}  // namespace pcn::testing
