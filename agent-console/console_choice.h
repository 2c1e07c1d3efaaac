// The counter and the agent's name chosen on the console's set-up page, kept so that the next
// start goes straight to the counter page.
//
// The file is <data folder>/console-<host name>.toml (one per PC, so that PCs sharing a data
// folder keep their own), written by the console, e.g.
//   # Poste d’agent : guichet et nom choisis dans la console (agent-console).
//   counter = 2
//   agent = "Marie"
// Deleting it brings the set-up page back at the next start.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "queue/counter.h"
#include "util/result.h"

namespace pcn::agent_console {

struct ConsoleChoice {
  queue::CounterNumber counter = 1;
  std::string agent;
  bool operator==(const ConsoleChoice&) const = default;
};

/// This machine's name ("poste" when it has none), for the file's name.
std::string host_name();

/// <data_folder>/console-<host>.toml.
std::filesystem::path choice_file(const std::filesystem::path& data_folder,
                                  const std::string& host = host_name());

/// The choice kept in `file`; nullopt when there is no such file. Errors: "bad_choice_file"
/// (unreadable or not as written above), its French message naming the file.
util::Result<std::optional<ConsoleChoice>> load_choice(const std::filesystem::path& file);

/// Writes `choice` to `file` (its folder is created when missing), replacing it whole: a crash
/// while writing leaves the previous file. Errors: "io_error", naming the file.
util::Status save_choice(const std::filesystem::path& file, const ConsoleChoice& choice);

}  // namespace pcn::agent_console
