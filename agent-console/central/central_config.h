// central.toml, pcn-central's configuration (examples/central.toml is the commented example):
//   [centre]   bind = "tcp://0.0.0.0:7470"       where the agencies' hubs connect
//   [keys]     folder = "keys"                   centre.key (its pair) and agences/ (one
//                                                <agency>.pub per agency allowed to ship)
//   [database] connection = "dbname=pcn"         libpq's connection string
//   [web]      listen = "127.0.0.1:8470"         the dashboard and the ticket pages (HTTP);
//              threads = 8, session_hours = 8, secure_cookies = false (true behind HTTPS),
//              certificate / private_key = PEM files: HTTPS served directly (both or neither)
//              Without [web], no web server is started.
// Read like the agency file: unknown keys refused, every error naming the file, line and key.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace pcn::central {

struct WebConfig {
  std::string host = "127.0.0.1";
  int port = 8470;
  int threads = 8;
  int session_hours = 8;
  bool secure_cookies = false;       ///< cookies only over HTTPS (set behind a TLS proxy)
  std::filesystem::path certificate;  ///< "" = plain HTTP
  std::filesystem::path private_key;
};

struct CentralConfig {
  std::filesystem::path source;
  std::string bind = "tcp://0.0.0.0:7470";
  std::filesystem::path keys = "keys";  ///< resolved against the file's folder
  std::string database = "dbname=pcn";
  std::optional<WebConfig> web;  ///< [web]; nullopt = no web server

  std::filesystem::path agencies_folder() const { return keys / "agences"; }
};

util::Result<CentralConfig> parse_central_config(std::string_view text, const std::string& source,
                                                 const std::filesystem::path& base);
/// Fails with "bad_config" when the file is missing, unreadable or wrong.
util::Result<CentralConfig> load_central_config(const std::filesystem::path& file);


}  // namespace pcn::central
