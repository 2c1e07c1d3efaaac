#include "central/central_config.h"

#include "config/table_reader.h"
#include "text/catalog.h"

namespace pcn::central {

namespace fs = std::filesystem;

namespace {

template <typename T, typename U>
util::Status assign(util::Result<T> value, U& out) {
  if (!value.ok()) return value.error();
  out = std::move(value).value();
  return util::Status::success();
}

util::Status read(const config::TableReader& root, const fs::path& base, CentralConfig& c) {
  PCN_TRY(root.allow_only({"centre", "keys", "database"}));
  auto centre = root.section("centre");
  if (!centre.ok()) return centre.error();
  PCN_TRY(centre->allow_only({"bind"}));
  PCN_TRY(assign(centre->text_or("bind", c.bind), c.bind));
  if (c.bind.rfind("tcp://", 0) != 0) {
    return centre->error("bind", text::config_bad_central_endpoint(c.bind));
  }
  auto keys = root.section("keys");
  if (!keys.ok()) return keys.error();
  PCN_TRY(keys->allow_only({"folder"}));
  std::string folder = c.keys.string();
  PCN_TRY(assign(keys->text_or("folder", folder), folder));
  c.keys = config::resolve_folder(base, folder);
  auto database = root.section("database");
  if (!database.ok()) return database.error();
  PCN_TRY(database->allow_only({"connection"}));
  PCN_TRY(assign(database->text_or("connection", c.database), c.database));
  return util::Status::success();
}

}  // namespace

util::Result<CentralConfig> parse_central_config(std::string_view text, const std::string& source,
                                                 const fs::path& base) {
  auto document = config::parse_toml(text, source);
  if (!document.ok()) return document.error();
  CentralConfig c;
  PCN_TRY(read(config::TableReader(*document, "", source), base, c));
  return c;
}

util::Result<CentralConfig> load_central_config(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    return util::make_error("bad_config", text::config_file_missing(file.string()));
  }
  auto content = config::read_file(file);
  if (!content) return util::make_error("bad_config", text::config_file_unreadable(file.string()));
  auto c = parse_central_config(*content, file.string(), fs::absolute(file).parent_path());
  if (!c.ok()) return c.error();
  c->source = file;
  return c;
}

}  // namespace pcn::central
