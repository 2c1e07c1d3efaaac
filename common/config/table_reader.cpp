#include "config/table_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "text/catalog.h"

namespace pcn::config {

namespace {

int line_of_node(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

const toml::table& empty_table() {
  static const toml::table empty;
  return empty;
}

std::string joined(const std::vector<std::string_view>& keys) {
  std::string out;
  for (auto key : keys) {
    if (!out.empty()) out += ", ";
    out += key;
  }
  return out;
}

}  // namespace

util::Error config_error(const std::string& source, int line, const std::string& key,
                         const std::string& problem) {
  return util::make_error("bad_config", text::config_problem(source, line, key, problem));
}

TableReader::TableReader(const toml::table& table, std::string path, const std::string& source)
    : table_(table), path_(std::move(path)), source_(&source) {}

util::Status TableReader::allow_only(const std::vector<std::string_view>& keys) const {
  for (auto&& [key, node] : table_) {
    if (std::find(keys.begin(), keys.end(), key.str()) != keys.end()) continue;
    return config_error(*source_, static_cast<int>(key.source().begin.line),
                        key_path(key.str()), text::config_unknown_key(std::string(key.str()),
                                                                      joined(keys)));
  }
  return util::Status::success();
}

util::Result<std::string> TableReader::text(std::string_view key) const {
  if (!has(key)) return error(key, text::config_missing_key());
  auto value = text_or(key, "");
  if (value.ok() && value->empty()) return error(key, text::config_empty_value());
  return value;
}

util::Result<std::string> TableReader::text_or(std::string_view key, std::string fallback) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return fallback;
  if (!node->is_string()) return error(key, text::config_wrong_type(text::config_expect_text()));
  return node->as_string()->get();
}

util::Result<int> TableReader::integer(std::string_view key, Range range) const {
  if (!has(key)) return error(key, text::config_missing_key());
  return integer_or(key, 0, range);
}

util::Result<int> TableReader::integer_or(std::string_view key, int fallback, Range range) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return fallback;
  if (!node->is_integer()) {
    return error(key, text::config_wrong_type(text::config_expect_integer()));
  }
  std::int64_t value = node->as_integer()->get();
  if (value < range.min && range.max == Range{}.max) {
    return error(key, text::config_too_small(value, range.min));
  }
  if (value < range.min || value > range.max) {
    return error(key, text::config_out_of_range(value, range.min, range.max));
  }
  return static_cast<int>(value);
}

util::Result<bool> TableReader::boolean_or(std::string_view key, bool fallback) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return fallback;
  if (!node->is_boolean()) {
    return error(key, text::config_wrong_type(text::config_expect_boolean()));
  }
  return node->as_boolean()->get();
}

util::Result<std::vector<std::string>> TableReader::text_list(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return error(key, text::config_missing_key());
  const toml::array* list = node->as_array();
  if (list == nullptr || (!list->empty() && !list->is_homogeneous(toml::node_type::string))) {
    return error(key, text::config_wrong_type(text::config_expect_text_list()));
  }
  std::vector<std::string> out;
  for (const auto& item : *list) out.push_back(item.as_string()->get());
  return out;
}

util::Result<std::vector<TableReader>> TableReader::table_list(std::string_view key) const {
  std::vector<TableReader> out;
  const toml::node* node = table_.get(key);
  if (node == nullptr) return out;
  const toml::array* list = node->as_array();
  if (list == nullptr || (!list->empty() && !list->is_homogeneous(toml::node_type::table))) {
    return error(key, text::config_wrong_type(text::config_expect_tables(key_path(key))));
  }
  for (const auto& item : *list) {
    std::string name = key_path(key) + "[" + std::to_string(out.size() + 1) + "]";
    out.emplace_back(*item.as_table(), std::move(name), *source_);
  }
  return out;
}

util::Result<TableReader> TableReader::section(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return TableReader(empty_table(), key_path(key), *source_);
  if (!node->is_table()) {
    return error(key, text::config_wrong_type(text::config_expect_table(key_path(key))));
  }
  return TableReader(*node->as_table(), key_path(key), *source_);
}

std::string TableReader::key_path(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

int TableReader::line_of(std::string_view key) const {
  if (const toml::node* node = table_.get(key)) return line_of_node(*node);
  if (path_.empty()) return 0;  // the document's root: no line says what is missing
  return line_of_node(table_);
}

util::Error TableReader::error(std::string_view key, const std::string& problem) const {
  return config_error(*source_, line_of(key), key_path(key), problem);
}

/// The TOML document, or a bad_config Error at the syntax error's line and column.
util::Result<toml::table> parse_toml(std::string_view text, const std::string& source) {
  try {
    return toml::parse(text, std::string_view(source));
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    return config_error(source, static_cast<int>(at.line), "",
                        text::config_syntax(static_cast<int>(at.column),
                                            std::string(e.description())));
  }
}

/// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return content.str();
}

std::filesystem::path resolve_folder(const std::filesystem::path& base,
                                     const std::filesystem::path& folder) {
  if (folder.is_absolute() || base.empty()) return folder;
  return (base / folder).lexically_normal();
}

}  // namespace pcn::config
