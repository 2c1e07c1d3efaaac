// `agent-console status`, over client options, for the command line and for tests.
#pragma once

#include <chrono>
#include <ostream>

#include "client/client.h"

namespace pcn::agent_console {

/// Connects, waits until the state is live (at most `timeout`) and writes status_report to
/// `out`. Returns 0; 1 with "agent-console : <French message>" on `err` when the client cannot
/// start (unusable key, invalid endpoint) or the hub did not answer within `timeout`.
int run_status(client::ClientOptions options, std::ostream& out, std::ostream& err,
               std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace pcn::agent_console
