// Running the agency's hub from its config: the SQLite file in the data folder, the sockets bound
// with the agency's keys, on a thread of its own (so that the kiosk screen can share the process).
#pragma once

#include <atomic>
#include <memory>

#include "config/agency_config.h"
#include "hub/hub_thread.h"
#include "util/result.h"

namespace pcn::ticket_printer {

/// Starts the hub. Fails before serving when the data folder, the database, the keys or the ports
/// are unusable; the error names which. The hub logs to stderr with the agency's local time.
util::Result<std::unique_ptr<hub::HubThread>> start_hub(const config::AgencyConfig& config,
                                                        bool plaintext);

/// Starts the hub and serves until `stop`.
util::Status serve_hub(const config::AgencyConfig& config, bool plaintext,
                       const std::atomic<bool>& stop);

}  // namespace pcn::ticket_printer
