// The display's two ways of running, over client options, for the command line and for tests.
// Problems are written to `err` as "display : <French message>".
#pragma once

#include <atomic>
#include <chrono>
#include <ostream>

#include "client/client.h"
#include "util/time_zone.h"

namespace pcn::display {

/// Follows the hub and writes the TextBoard's lines to `out` until `stop` is set, reconnecting by
/// itself whenever the hub goes away. Returns 0 after `stop`; 1 when the client cannot start
/// (unusable key, invalid endpoint).
int follow(client::ClientOptions options, const util::TimeZone& zone, std::ostream& out,
           std::ostream& err, const std::atomic<bool>& stop);

/// Connects, waits until the state is live (at most `timeout`) and writes the waiting summary.
/// Returns 0; 1 when the client cannot start or the hub did not answer within `timeout`.
int print_once(client::ClientOptions options, std::ostream& out, std::ostream& err,
               std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace pcn::display
