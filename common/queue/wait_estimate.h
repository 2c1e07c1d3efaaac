// Waiting-time forecasts: for each service (someone taking a ticket now) and for each waiting
// ticket, a range of minutes before the call that the visitor can plan on. Every screen shows
// the same forecast, made here on the hub and formatted by text::wait_text / queue_wait_text.
//
// Method: the agency's next hours are replayed kRuns times from the current state with the
// engine's own call rule (engine.h), and the range is read off the replays.
//  - State: the waiting tickets of each service in line order (priority ones apart when
//    priority_max_in_row > 0), the priority streak, and each counter: free now, busy since its
//    call (the visit already under way is drawn from its law conditioned on having lasted that
//    long), paused in a planned break (free again at its end), or paused with no planned end
//    (left out: its return is unknown).
//  - Replay: the counter free first calls as Engine::call_next would — among the services it
//    serves, the oldest priority ticket on a priority turn (policy.h priority_turn), else the
//    oldest normal one — and is busy for a visit drawn from that service's law
//    (service_times.h: previous days blended with today's, robust to outliers); with the
//    no-show share of calls, a no-show of kNoShowSeconds instead. A counter that becomes free
//    inside one of its planned breaks (Counter::breaks; one under way counts when the counter
//    is not paused yet: it pauses when free) is free again at the break's end.
//  - Someone taking a ticket of service s now (loads, for_new) is the newest ticket of s: called
//    when a counter serving s finds no older ticket to call before it (it is looked for without
//    taking a counter's time, so every service's newcomer is found in the same replays).
//  - Range: the shortest interval that holds kCoverage of the replays' call times (a skewed or
//    two-humped spread, such as a counter that may go to lunch first, gets the likelier hump,
//    not a range that spans both), the lower end rounded down and the upper end up to the
//    minute (to 5 minutes past an hour). Its middle is the estimate
//    (Engine::estimated_wait). "Next" when every replay calls at once (nobody ahead, a counter
//    free); "no counter" when no replay reaches the ticket (no counter that serves it is open or
//    comes back from a planned break).
//  - Random numbers depend only on (replay, ticket id, purpose): the same state gives the same
//    forecast, and a newcomer's forecast is the one its ticket gets once taken.
// Cost: kRuns replays of every waiting ticket, each step a look at the lines of one counter's
// services: about 1 ms with 200 waiting tickets (pcn-bench-waits prints it).
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/counter.h"
#include "queue/policy.h"
#include "queue/service.h"
#include "queue/service_times.h"
#include "queue/ticket.h"
#include "util/time_zone.h"

namespace pcn::queue {

/// What a visitor is told of the wait before being called.
struct WaitRange {
  enum class Kind {
    range,       ///< between low and high minutes from now
    next,        ///< nobody ahead and a counter free: called at once
    no_counter,  ///< no counter that serves it is open or comes back from a planned break
  };
  Kind kind = Kind::no_counter;
  std::chrono::minutes low{0};
  std::chrono::minutes high{0};
  /// When no counter that serves it is open now but one is on a planned break: the local time
  /// (minute of the day) the first comes back. The range then counts the break.
  std::optional<int> resumes_at;

  /// The middle of the range in minutes (0 for next); nullopt for no_counter.
  std::optional<double> middle() const;
  bool operator==(const WaitRange&) const = default;
};

/// "range", "next", "none" (docs/protocol.md).
std::string_view to_string(WaitRange::Kind k);
std::optional<WaitRange::Kind> wait_kind_from(std::string_view s);

struct ServiceLoad {
  char service = 'A';
  int waiting = 0;            ///< tickets waiting for it, priority included
  int priority_waiting = 0;
  int open_counters = 0;      ///< not paused and serving it
  std::chrono::seconds mean_service{0};  ///< mean of its visit law now
  /// For someone taking a ticket now (normal priority).
  WaitRange wait;
  /// The middle of `wait`, rounded to the minute; nullopt when no counter serves it.
  std::optional<std::chrono::minutes> estimated_wait;
};

/// The state a forecast starts from: the day's tickets, the counters, Engine::priority_streak.
struct QueueNow {
  const std::map<TicketId, Ticket>& tickets;
  const std::map<CounterNumber, Counter>& counters;
  int priority_streak = 0;
  util::TimePoint now{};
};

class WaitEstimator {
 public:
  static constexpr int kRuns = 64;
  static constexpr double kCoverage = 0.8;
  static constexpr double kNoShowSeconds = 120;

  WaitEstimator(const ServiceList& services, const QueuePolicy& policy, util::TimeZone zone);

  /// Learns the visit times and the no-show share from previous days' tickets.
  void learn(const std::vector<Ticket>& previous_days) { times_.learn(previous_days); }
  const ServiceTimes& times() const { return times_; }

  /// Loads for every service of the agency, in the config's order, at `now`.
  std::vector<ServiceLoad> loads(const QueueNow& state) const;

  /// The forecast for `waiting`, a waiting ticket of `tickets`.
  WaitRange for_ticket(const Ticket& waiting, const QueueNow& state) const;

  /// The forecast for a ticket of `service` taken now (priority or not), before it is issued.
  WaitRange for_new(char service, bool priority, const QueueNow& state) const;

 private:
  struct Target;
  /// `laws_used`, when given, receives the visit laws the replays drew from.
  std::vector<WaitRange> forecast(const std::vector<Target>& targets, const QueueNow& state,
                                  std::map<char, DurationModel>* laws_used = nullptr) const;
  std::map<char, DurationModel> models(const std::map<TicketId, Ticket>& tickets) const;

  const ServiceList& services_;
  const QueuePolicy& policy_;
  util::TimeZone zone_;
  ServiceTimes times_;
};

}  // namespace pcn::queue
