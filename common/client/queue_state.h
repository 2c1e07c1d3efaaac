// A client's replica of the hub's queue: what the snapshot gave, plus every event applied since.
// Screens read it; the Client keeps it in step (client.h).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "protocol/codec.h"
#include "queue/change.h"
#include "queue/counter.h"
#include "queue/service.h"
#include "queue/ticket.h"
#include "queue/wait_estimate.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::client {

struct AgencyInfo {
  std::string id;
  std::string name;
  std::string timezone;
};

struct QueueState {
  std::string epoch;      ///< the hub's boot id; "" before the first snapshot
  std::int64_t seq = 0;   ///< last event applied
  util::LocalDate day;
  AgencyInfo agency;
  queue::ServiceList services;
  std::map<queue::CounterNumber, queue::Counter> counters;
  std::map<queue::TicketId, queue::Ticket> tickets;  ///< the business day's tickets
  std::vector<queue::ServiceLoad> loads;

  /// Replaces everything with a snapshot's result (docs/protocol.md, "snapshot").
  /// Fails with "bad_request" naming the field when the snapshot is malformed; then unchanged.
  util::Status load_snapshot(const protocol::Json& result);
  /// Applies one event's change (upserts its rows; a day_rolled drops the other days' tickets).
  void apply(std::int64_t event_seq, const queue::Change& change,
             const std::vector<queue::ServiceLoad>& event_loads);

  const queue::Service* service(char prefix) const { return queue::find_service(services, prefix); }
  const queue::Ticket* ticket(queue::TicketId id) const;
  const queue::ServiceLoad* load(char prefix) const;
};

}  // namespace pcn::client
