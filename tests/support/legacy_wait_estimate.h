// The wait estimate of versions up to 0.13 (the old formula), kept for pcn-bench-waits only, which
// compares it with queue::WaitEstimator on the same simulated days. Not used by any program.
//
// Method (kept simple so that an agent can explain it to a visitor):
//  - mean service time m(s): the mean time at the counter (call → finish) of the last N tickets of
//    service s finished today (N = QueuePolicy::wait_samples); before any is finished, the
//    service's typical duration from the config.
//  - capacity c(s): the open (not paused) counters that serve s, each counted as 1/k where k is the
//    number of services it serves that have someone waiting (at least 1): a counter shared by
//    three busy services gives each a third of its time.
//  - a visitor with `a` people ahead in the service's line waits about m(s) · (a + b) / c(s),
//    where b = 1/2 when every open counter serving s is busy (someone is being served and half a
//    service remains on average), else 0.
//  - no open counter serves s: no estimate (nullopt); the screens then say so instead of a time.
// Estimates are rounded up to the minute.
// Cost: each call reads the day's tickets once (a busy day holds 20,000), whatever the number of
// services; the latest finished tickets are kept in a heap of wait_samples entries, not sorted.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "queue/counter.h"
#include "queue/policy.h"
#include "queue/service.h"
#include "queue/ticket.h"
#include "queue/policy.h"

namespace pcn::bench {

using queue::Counter;
using queue::CounterNumber;
using queue::QueuePolicy;
using queue::ServiceList;
using queue::Ticket;
using queue::TicketId;

class LegacyWaitEstimator {
 public:
  LegacyWaitEstimator(const ServiceList& services, const QueuePolicy& policy)
      : services_(services), policy_(policy) {}

  /// Wait for one service with `ahead` people before the visitor; nullopt when no counter is open.
  std::optional<std::chrono::minutes> wait_for(char service, int ahead,
                                               const std::map<TicketId, Ticket>& tickets,
                                               const std::map<CounterNumber, Counter>& counters) const;

 private:
  struct Tally;  // what one pass over the day's tickets says about each service
  Tally tally(const std::map<TicketId, Ticket>& tickets) const;
  std::chrono::seconds mean_service(char service, const Tally& tally) const;
  std::optional<std::chrono::minutes> wait_for(char service, int ahead, const Tally& tally,
                                               const std::map<CounterNumber, Counter>& counters) const;
  /// Share of counters serving `service`; `waiting` lists the prefixes with someone waiting.
  double capacity(char service, const std::string& waiting,
                  const std::map<CounterNumber, Counter>& counters, bool* all_busy) const;

  const ServiceList& services_;
  const QueuePolicy& policy_;
};

}  // namespace pcn::bench
