#include "ticket-printer/hub_service.h"

#include <iostream>
#include <thread>

#include "app/startup.h"
#include "store/sqlite_store.h"
#include "text/catalog.h"

namespace pcn::ticket_printer {

namespace {

const util::SystemClock kClock;

void log_line(const util::TimeZone& zone, const std::string& line) {
  std::cerr << zone.format(kClock.now(), "%Y-%m-%d %H:%M:%S") << " " << line << std::endl;
}

}  // namespace

util::Result<std::unique_ptr<hub::HubThread>> start_hub(const config::AgencyConfig& config,
                                                        bool plaintext) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_folder, ec);
  if (ec) {
    return util::make_error("io_error",
                            text::folder_not_created(config.data_folder.string(), ec.message()));
  }
  auto options = app::hub_options(config, plaintext);
  if (!options.ok()) return options.error();
  util::TimeZone zone = config.zone;
  options->log = [zone](const std::string& line) { log_line(zone, line); };
  auto file = config.database();
  return hub::HubThread::start(
      std::move(*options),
      [file]() -> util::Result<std::unique_ptr<store::Store>> {
        auto s = store::SqliteStore::open(file);
        if (!s.ok()) return s.error();
        return std::unique_ptr<store::Store>(std::move(*s));
      },
      kClock);
}

util::Status serve_hub(const config::AgencyConfig& config, bool plaintext,
                       const std::atomic<bool>& stop) {
  auto hub = start_hub(config, plaintext);
  if (!hub.ok()) return hub.error();
  while (!stop.load()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  hub->reset();
  log_line(config.zone, text::hub_stopped());
  return {};
}

}  // namespace pcn::ticket_printer
