#include "support/legacy_wait_estimate.h"

#include <algorithm>
#include <cmath>

namespace pcn::bench {

using queue::Service;
using queue::TicketState;
using queue::find_service;

namespace {

/// A finished ticket's place among the latest: later finish first, then the higher id.
struct Finished {
  util::TimePoint finished_at;
  TicketId id;
  util::Millis at_counter;
};

/// Heap order that keeps the earliest of the kept tickets on top, to be dropped first.
bool later(const Finished& a, const Finished& b) {
  if (a.finished_at != b.finished_at) return a.finished_at > b.finished_at;
  return a.id > b.id;
}

}  // namespace

struct LegacyWaitEstimator::Tally {
  struct PerService {
    int waiting = 0;
    int priority_waiting = 0;
    std::vector<Finished> latest;  ///< at most wait_samples, a heap under later()
  };
  std::map<char, PerService> services;
  std::string waiting;  ///< the prefixes that have at least one waiting ticket

  const PerService* find(char service) const {
    auto it = services.find(service);
    return it == services.end() ? nullptr : &it->second;
  }
};

LegacyWaitEstimator::Tally LegacyWaitEstimator::tally(const std::map<TicketId, Ticket>& tickets) const {
  const std::size_t samples = std::size_t(std::max(1, policy_.wait_samples));
  Tally out;
  for (const auto& [id, t] : tickets) {
    if (t.state == TicketState::waiting) {
      Tally::PerService& s = out.services[t.service];
      ++s.waiting;
      if (t.priority) ++s.priority_waiting;
      if (s.waiting == 1) out.waiting.push_back(t.service);
    } else if (t.state == TicketState::done && t.called_at && t.finished_at) {
      auto& latest = out.services[t.service].latest;
      Finished f{*t.finished_at, t.id, *t.finished_at - *t.called_at};
      if (latest.size() == samples && !later(f, latest.front())) continue;
      latest.push_back(f);
      std::push_heap(latest.begin(), latest.end(), later);
      if (latest.size() > samples) {
        std::pop_heap(latest.begin(), latest.end(), later);
        latest.pop_back();
      }
    }
  }
  return out;
}

std::chrono::seconds LegacyWaitEstimator::mean_service(char service, const Tally& tally) const {
  const Tally::PerService* s = tally.find(service);
  if (!s || s->latest.empty()) {
    const Service* configured = find_service(services_, service);
    return configured
               ? std::chrono::duration_cast<std::chrono::seconds>(configured->typical_duration)
               : std::chrono::seconds(600);
  }
  util::Millis total{0};
  for (const Finished& f : s->latest) total += f.at_counter;
  return std::chrono::duration_cast<std::chrono::seconds>(total / long(s->latest.size()));
}

double LegacyWaitEstimator::capacity(char service, const std::string& waiting,
                               const std::map<CounterNumber, Counter>& counters,
                               bool* all_busy) const {
  double c = 0;
  *all_busy = true;
  for (const auto& [n, counter] : counters) {
    if (counter.paused || !counter.serves(service)) continue;
    int k = 0;
    for (char s : counter.services) {
      if (s == service || waiting.find(s) != std::string::npos) ++k;
    }
    c += 1.0 / std::max(1, k);
    if (!counter.current) *all_busy = false;
  }
  return c;
}

std::optional<std::chrono::minutes> LegacyWaitEstimator::wait_for(
    char service, int ahead, const std::map<TicketId, Ticket>& tickets,
    const std::map<CounterNumber, Counter>& counters) const {
  return wait_for(service, ahead, tally(tickets), counters);
}

std::optional<std::chrono::minutes> LegacyWaitEstimator::wait_for(
    char service, int ahead, const Tally& tally,
    const std::map<CounterNumber, Counter>& counters) const {
  bool all_busy = true;
  double c = capacity(service, tally.waiting, counters, &all_busy);
  if (c <= 0) return std::nullopt;
  double b = all_busy ? 0.5 : 0.0;
  double seconds = double(mean_service(service, tally).count()) * (ahead + b) / c;
  return std::chrono::minutes(static_cast<long>(std::ceil(seconds / 60.0)));
}

}  // namespace pcn::bench
