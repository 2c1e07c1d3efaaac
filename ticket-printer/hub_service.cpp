#include "ticket-printer/hub_service.h"

#include <iostream>

#include "app/startup.h"
#include "hub/hub.h"
#include "store/sqlite_store.h"
#include "text/catalog.h"

namespace pcn::ticket_printer {

namespace {

void log_line(const util::TimeZone& zone, const std::string& line) {
  util::SystemClock clock;
  std::cerr << zone.format(clock.now(), "%Y-%m-%d %H:%M:%S") << " " << line << std::endl;
}

}  // namespace

util::Status serve_hub(const config::AgencyConfig& config, bool plaintext,
                       const std::atomic<bool>& stop) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_folder, ec);
  if (ec) {
    return util::make_error("io_error", text::folder_not_created(config.data_folder.string(), ec.message()));
  }
  auto options = app::hub_options(config, plaintext);
  if (!options.ok()) return options.error();
  util::TimeZone zone = config.zone;
  options->log = [zone](const std::string& line) { log_line(zone, line); };
  auto store = store::SqliteStore::open(config.database());
  if (!store.ok()) return store.error();
  util::SystemClock clock;
  auto hub = hub::Hub::start(std::move(*options), **store, clock);
  if (!hub.ok()) return hub.error();
  (*hub)->run(stop);
  log_line(zone, text::hub_stopped());
  return {};
}

}  // namespace pcn::ticket_printer
