// Running the agency's hub from its config: opening the SQLite file in the data folder, binding
// the sockets with the agency's keys, serving until a stop signal.
#pragma once

#include <atomic>

#include "config/agency_config.h"
#include "util/result.h"

namespace pcn::ticket_printer {

/// Serves until `stop`. Fails before serving when the data folder, the database, the keys or the
/// ports are unusable; the error names which.
util::Status serve_hub(const config::AgencyConfig& config, bool plaintext,
                       const std::atomic<bool>& stop);

}  // namespace pcn::ticket_printer
