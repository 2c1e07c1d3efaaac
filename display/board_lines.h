// What the text display prints, as lines made from the client's replica of the queue.
#pragma once

#include <optional>
#include <string>

#include "client/queue_state.h"
#include "queue/change.h"
#include "util/time_zone.h"

namespace pcn::display {

/// "09:14  C-042 → Guichet 2" for a ticket_called or ticket_recalled change already applied to
/// `state` (time of the change in `zone`, the counter's label from the state); nullopt for every
/// other change, or when the change names no ticket or counter.
std::optional<std::string> call_line(const client::QueueState& state, const queue::Change& change,
                                     const util::TimeZone& zone);

/// "En attente : CAFAT 2 · Factures 0 · …": the waiting count of every service, in the
/// agency's order (services without a load count 0).
std::string waiting_summary(const client::QueueState& state);

}  // namespace pcn::display
