// How long a visit at the counter lasts, per service, as the wait estimate needs it: a lognormal
// law (visit times are skewed: most are short, a few are very long) learnt robustly.
//
// Method:
//  - a sample of durations (call → finish of served tickets; under 20 s or over 4 h ignored as
//    slips of the finger or a visit left open) is summed up by the median of the logarithms and
//    their spread, 1.4826 × the median absolute deviation (the standard deviation of a normal law
//    with that MAD): one visit of three hours moves neither.
//  - the previous days (learn(), from the store) give the prior; a service without history takes
//    its typical_minutes from the config with a spread of 0.6 (a coefficient of variation near
//    0.65) and the weight of kTypicalWeight visits.
//  - today's visits, each first brought within 2.5 spreads of the prior (so that one visit left
//    open over lunch weighs as a long visit, not as three hours), are blended in with their own
//    weight: the model is the weighted mean of the
//    prior (weight min(history, kHistoryWeight), or kTypicalWeight) and today's summary (weight
//    today's count × kHistoryWeight / wait_samples), so after QueuePolicy::wait_samples visits
//    today counts as much as the previous days. Spreads are kept within [0.25, 1.2].
//  - the share of calls that end in a no-show: previous days' no-shows per call, 3 % without
//    history; the rate of priority tickets per service: those of the previous days and today
//    over the time tickets were being issued.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "queue/service.h"
#include "queue/ticket.h"

namespace pcn::queue {

/// A lognormal law of visit durations: ln(seconds) has this median and spread.
struct DurationModel {
  double log_median = 6.4;  ///< ln(600): ten minutes
  double log_spread = 0.6;
  double median_seconds() const;
  double mean_seconds() const;
};

/// A robust summary of durations in seconds (see the method above).
struct DurationSample {
  int count = 0;
  DurationModel model;
};
DurationSample summarise_durations(std::vector<double> seconds);

/// Time at the counter of a served ticket, in seconds, when it counts as a sample (see above).
std::optional<double> visit_seconds(const Ticket& t);

class ServiceTimes {
 public:
  static constexpr int kHistoryWeight = 30;
  static constexpr int kTypicalWeight = 5;
  static constexpr double kDefaultNoShowShare = 0.03;

  /// From the config's typical durations only (no history).
  explicit ServiceTimes(const ServiceList& services);

  /// Learns from tickets of previous days (any states; served ones give durations).
  void learn(const std::vector<Ticket>& previous_days);

  /// The law of service `s` given `today`, the durations (seconds) of today's served visits.
  /// `samples_for_full_weight`: QueuePolicy::wait_samples.
  DurationModel model(char s, std::vector<double> today, int samples_for_full_weight) const;

  double no_show_share() const { return no_show_share_; }
  /// Priority tickets of `s` per second: those of the previous days and `today` (issued over
  /// `today_seconds` so far), over the time they were issued in (each day from its first ticket
  /// to its last).
  double priority_rate(char s, int today, double today_seconds) const;
  /// Visits the previous days gave for `s` (0 without history).
  int history_count(char s) const;

 private:
  std::map<char, DurationModel> typical_;
  std::map<char, DurationSample> history_;
  double no_show_share_ = kDefaultNoShowShare;
  std::map<char, int> priority_before_;
  double issuing_seconds_before_ = 0;
};

}  // namespace pcn::queue
