// The text of `agent-console status`: the agency, then each service (waiting count, estimated
// wait) and each counter (agent, paused or open, ticket being served), one per line.
#pragma once

#include <string>

#include "client/queue_state.h"

namespace pcn::agent_console {

/// Lines ending in '\n', services and counters in the agency's order, e.g.
///   Agence : OPT Bourail
///   Services :
///     CAFAT : 2 en attente, attente estimée 23 min
///   Guichets :
///     Guichet 1 (Marie) : ouvert, sert C-001
std::string status_report(const client::QueueState& state);

}  // namespace pcn::agent_console
