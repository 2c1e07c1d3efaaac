#include "central/central_config.h"

#include <charconv>

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

util::Status read_web(const config::TableReader& root, const fs::path& base, CentralConfig& c) {
  if (!root.has("web")) return util::Status::success();
  auto web = root.section("web");
  if (!web.ok()) return web.error();
  PCN_TRY(web->allow_only({"listen", "threads", "session_hours", "secure_cookies", "certificate",
                           "private_key"}));
  WebConfig w;
  std::string listen = w.host + ":" + std::to_string(w.port);
  PCN_TRY(assign(web->text_or("listen", listen), listen));
  const auto colon = listen.rfind(':');
  int port = 0;
  if (colon == std::string::npos || colon == 0 ||
      std::from_chars(listen.data() + colon + 1, listen.data() + listen.size(), port).ec !=
          std::errc{} ||
      port < 1 || port > 65535) {
    return web->error("listen", text::config_bad_web_listen(listen));
  }
  w.host = listen.substr(0, colon);
  w.port = port;
  PCN_TRY(assign(web->integer_or("threads", w.threads, {2, 64}), w.threads));
  PCN_TRY(assign(web->integer_or("session_hours", w.session_hours, {1, 24 * 7}), w.session_hours));
  PCN_TRY(assign(web->boolean_or("secure_cookies", w.secure_cookies), w.secure_cookies));
  std::string certificate, key;
  PCN_TRY(assign(web->text_or("certificate", ""), certificate));
  PCN_TRY(assign(web->text_or("private_key", ""), key));
  if (certificate.empty() != key.empty()) {
    return web->error(certificate.empty() ? "certificate" : "private_key", text::config_web_tls_pair());
  }
  if (!certificate.empty()) {
    w.certificate = config::resolve_folder(base, certificate);
    w.private_key = config::resolve_folder(base, key);
    w.secure_cookies = true;
  }
  c.web = w;
  return util::Status::success();
}

util::Status read(const config::TableReader& root, const fs::path& base, CentralConfig& c) {
  PCN_TRY(root.allow_only({"centre", "keys", "database", "web"}));
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
  return read_web(root, base, c);
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
