// The text of `agent-console status`: the agency, then each service (waiting count, estimated
// wait) and each counter (agent, paused or open, ticket being served), one per line.
#pragma once

#include <string>

#include <optional>

#include "client/queue_state.h"
#include "protocol/messages.h"

namespace pcn::agent_console {

/// Lines ending in '\n', services and counters in the agency's order, e.g.
///   Agence : OPT Bourail
///   Services :
///     CAFAT : 2 en attente, attente estimée 23 min
///   Guichets :
///     Guichet 1 (Marie) : ouvert, sert C-001
///   Centre : dernier envoi il y a 3 h · 240 événements en attente d’envoi · <why>
/// (the last line only when the hub ships to a centre: `central`, read at the hub's `hub_now`).
std::string status_report(const client::QueueState& state,
                          const std::optional<protocol::CentralLink>& central = std::nullopt,
                          std::optional<util::TimePoint> hub_now = std::nullopt);

}  // namespace pcn::agent_console
