// Checked reading of one TOML table of the agency configuration (used by the config loader only;
// the rest of the project sees AgencyConfig, never toml++).
//
// Every look-up checks the value's type and range and turns any problem into one "bad_config"
// Error naming the file, the line (the value's, else the table's, else none) and the key path,
// e.g. "agence.toml, ligne 14 : services[2].prefix : …". allow_only() reports keys the loader
// does not know, so that typos are not silently ignored.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace pcn::config {

/// The bad_config Error: "<source>, ligne <line> : <key> : <problem>". line 0 = unknown (left
/// out); an empty key is left out too.
util::Error config_error(const std::string& source, int line, const std::string& key,
                         const std::string& problem);

/// Inclusive bounds of an integer setting; an int always fits. A setting with only a lower
/// bound (max left as is) is told "trop petite" below it.
struct Range {
  std::int64_t min = std::numeric_limits<int>::min();
  std::int64_t max = std::numeric_limits<int>::max();
};

class TableReader {
 public:
  /// `path` names the table in messages ("agency", "services[2]"; "" for the document's root).
  /// `source` names the file. Both the table and `source` must outlive the reader.
  TableReader(const toml::table& table, std::string path, const std::string& source);

  /// Fails on the first key not in `keys`, listing the known ones.
  util::Status allow_only(const std::vector<std::string_view>& keys) const;

  /// A required, non-empty string.
  util::Result<std::string> text(std::string_view key) const;
  /// A string (possibly empty), or `fallback` when the key is absent.
  util::Result<std::string> text_or(std::string_view key, std::string fallback) const;
  /// A required integer within `range`.
  util::Result<int> integer(std::string_view key, Range range) const;
  /// An integer within `range`, or `fallback` when the key is absent.
  util::Result<int> integer_or(std::string_view key, int fallback, Range range) const;
  util::Result<bool> boolean_or(std::string_view key, bool fallback) const;
  /// A required list of strings (each checked to be a string).
  util::Result<std::vector<std::string>> text_list(std::string_view key) const;
  /// Readers of the array of tables `key` ([[key]]), named "key[1]", "key[2]"…; none when absent.
  util::Result<std::vector<TableReader>> table_list(std::string_view key) const;
  /// A reader of the sub-table `key` ([key]); a reader of an empty table when absent.
  util::Result<TableReader> section(std::string_view key) const;
  /// Whether the key is present.
  bool has(std::string_view key) const { return table_.contains(key); }

  /// "services[2].prefix" for key "prefix" of table "services[2]".
  std::string key_path(std::string_view key) const;
  /// The line of the key's value; else the table's own line (none for the root); 0 = unknown.
  int line_of(std::string_view key) const;
  /// The bad_config Error about `key` (at line_of(key)).
  util::Error error(std::string_view key, const std::string& problem) const;

 private:
  const toml::table& table_;
  std::string path_;
  const std::string* source_;
};

/// Stores a successful result into `out`, or passes the Error on: PCN_TRY(assign(r, x.field)).
template <typename T, typename U>
util::Status assign(util::Result<T> result, U& out) {
  if (!result.ok()) return result.error();
  out = std::move(result).value();
  return util::Status::success();
}

/// The TOML document of `text`, or a bad_config Error at the syntax error's line and column.
util::Result<toml::table> parse_toml(std::string_view text, const std::string& source);

/// The whole file, or nullopt when it cannot be read (missing, a folder, unreadable).
std::optional<std::string> read_file(const std::filesystem::path& file);

/// A configured folder: `folder` itself when absolute or when `base` is empty, else
/// base/folder, normalised (a config's folders are relative to the config file's folder).
std::filesystem::path resolve_folder(const std::filesystem::path& base,
                                     const std::filesystem::path& folder);

}  // namespace pcn::config
