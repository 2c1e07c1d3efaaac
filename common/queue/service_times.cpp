#include "queue/service_times.h"

#include <algorithm>
#include <cmath>

namespace pcn::queue {

namespace {

constexpr double kShortestVisit = 20;         // seconds
constexpr double kLongestVisit = 4 * 3600.0;  // seconds
constexpr double kTypicalSpread = 0.6;
constexpr double kMinSpread = 0.25;
constexpr double kMaxSpread = 1.2;
constexpr double kMadToSigma = 1.4826;
constexpr double kClipSpreads = 2.5;

double median_of(std::vector<double>& v) {
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

double clamp_spread(double s) { return std::clamp(s, kMinSpread, kMaxSpread); }

}  // namespace

double DurationModel::median_seconds() const { return std::exp(log_median); }

double DurationModel::mean_seconds() const {
  return std::exp(log_median + log_spread * log_spread / 2);
}

DurationSample summarise_durations(std::vector<double> seconds) {
  DurationSample out;
  std::vector<double> logs;
  logs.reserve(seconds.size());
  for (double s : seconds) {
    if (s >= kShortestVisit && s <= kLongestVisit) logs.push_back(std::log(s));
  }
  out.count = static_cast<int>(logs.size());
  if (logs.empty()) return out;
  const double median = median_of(logs);
  std::vector<double> deviations;
  deviations.reserve(logs.size());
  for (double l : logs) deviations.push_back(std::abs(l - median));
  out.model.log_median = median;
  out.model.log_spread = logs.size() < 3 ? kTypicalSpread : clamp_spread(kMadToSigma * median_of(deviations));
  return out;
}

std::optional<double> visit_seconds(const Ticket& t) {
  if (t.state != TicketState::done || !t.called_at || !t.finished_at) return std::nullopt;
  const double s = std::chrono::duration<double>(*t.finished_at - *t.called_at).count();
  if (s < kShortestVisit || s > kLongestVisit) return std::nullopt;
  return s;
}

ServiceTimes::ServiceTimes(const ServiceList& services) {
  for (const Service& s : services) {
    const double seconds = std::chrono::duration<double>(s.typical_duration).count();
    typical_[s.prefix] = DurationModel{std::log(std::max(seconds, kShortestVisit)), kTypicalSpread};
  }
}

void ServiceTimes::learn(const std::vector<Ticket>& previous_days) {
  std::map<char, std::vector<double>> durations;
  long calls = 0;
  long no_shows = 0;
  std::map<util::LocalDate, std::pair<util::TimePoint, util::TimePoint>> spans;  // first, last issue
  priority_before_.clear();
  for (const Ticket& t : previous_days) {
    calls += t.calls;
    no_shows += t.no_shows;
    if (t.priority) ++priority_before_[t.service];
    auto [span, fresh] = spans.try_emplace(t.day, t.issued_at, t.issued_at);
    if (!fresh) {
      span->second.first = std::min(span->second.first, t.issued_at);
      span->second.second = std::max(span->second.second, t.issued_at);
    }
    if (auto s = visit_seconds(t)) durations[t.service].push_back(*s);
  }
  issuing_seconds_before_ = 0;
  for (const auto& [day, span] : spans) {
    issuing_seconds_before_ += std::chrono::duration<double>(span.second - span.first).count();
  }
  history_.clear();
  for (auto& [service, d] : durations) history_[service] = summarise_durations(std::move(d));
  // enough calls to trust the share, else the default
  no_show_share_ = calls >= 100 ? static_cast<double>(no_shows) / static_cast<double>(calls)
                                : kDefaultNoShowShare;
}

double ServiceTimes::priority_rate(char s, int today, double today_seconds) const {
  auto before = priority_before_.find(s);
  const double count = (before == priority_before_.end() ? 0 : before->second) + today;
  const double seconds = issuing_seconds_before_ + today_seconds;
  // no time observed yet: no rate (an hour of issue is needed before one is trusted)
  if (seconds < 3600) return 0;
  return count / seconds;
}

int ServiceTimes::history_count(char s) const {
  auto it = history_.find(s);
  return it == history_.end() ? 0 : it->second.count;
}

DurationModel ServiceTimes::model(char s, std::vector<double> today,
                                  int samples_for_full_weight) const {
  DurationModel prior;
  double prior_weight = kTypicalWeight;
  if (auto t = typical_.find(s); t != typical_.end()) prior = t->second;
  if (auto h = history_.find(s); h != history_.end() && h->second.count >= kTypicalWeight) {
    prior = h->second.model;
    prior_weight = std::min(h->second.count, kHistoryWeight);
  }
  // today's visits far from the prior (a visit left open over lunch) count at its edge
  const double lowest = std::exp(prior.log_median - kClipSpreads * prior.log_spread);
  const double highest = std::exp(prior.log_median + kClipSpreads * prior.log_spread);
  for (double& seconds : today) {
    if (seconds >= kShortestVisit && seconds <= kLongestVisit) seconds = std::clamp(seconds, lowest, highest);
  }
  const DurationSample now = summarise_durations(std::move(today));
  if (now.count == 0) return prior;
  const double weight = static_cast<double>(now.count) * kHistoryWeight /
                        std::max(1, samples_for_full_weight);
  const double total = prior_weight + weight;
  DurationModel m;
  m.log_median = (prior_weight * prior.log_median + weight * now.model.log_median) / total;
  const double today_spread = now.count < 3 ? prior.log_spread : now.model.log_spread;
  m.log_spread = clamp_spread((prior_weight * prior.log_spread + weight * today_spread) / total);
  return m;
}

}  // namespace pcn::queue
