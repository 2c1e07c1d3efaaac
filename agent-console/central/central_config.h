// central.toml, pcn-central's configuration (examples/central.toml is the commented example):
//   [centre]   bind = "tcp://0.0.0.0:7470"       where the agencies' hubs connect
//   [keys]     folder = "keys"                   centre.key (its pair) and agences/ (one
//                                                <agency>.pub per agency allowed to ship)
//   [database] connection = "dbname=pcn"         libpq's connection string
// Read like the agency file: unknown keys refused, every error naming the file, line and key.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "util/result.h"

namespace pcn::central {

struct CentralConfig {
  std::filesystem::path source;
  std::string bind = "tcp://0.0.0.0:7470";
  std::filesystem::path keys = "keys";  ///< resolved against the file's folder
  std::string database = "dbname=pcn";

  std::filesystem::path agencies_folder() const { return keys / "agences"; }
};

util::Result<CentralConfig> parse_central_config(std::string_view text, const std::string& source,
                                                 const std::filesystem::path& base);
/// Fails with "bad_config" when the file is missing, unreadable or wrong.
util::Result<CentralConfig> load_central_config(const std::filesystem::path& file);


}  // namespace pcn::central
