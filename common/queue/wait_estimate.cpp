#include "queue/wait_estimate.h"

#include <algorithm>
#include <cmath>

namespace pcn::queue {

namespace {

/// The prefixes that have at least one waiting ticket.
std::string waiting_services(const std::map<TicketId, Ticket>& tickets) {
  std::string out;
  for (const auto& [id, t] : tickets) {
    if (t.state == TicketState::waiting && out.find(t.service) == std::string::npos) {
      out.push_back(t.service);
    }
  }
  return out;
}

}  // namespace

std::chrono::seconds WaitEstimator::mean_service(char service,
                                                 const std::map<TicketId, Ticket>& tickets) const {
  // Latest finished first: tickets are keyed by id, and finish order follows finished_at.
  std::vector<const Ticket*> finished;
  for (const auto& [id, t] : tickets) {
    if (t.service == service && t.state == TicketState::done && t.called_at && t.finished_at) {
      finished.push_back(&t);
    }
  }
  std::sort(finished.begin(), finished.end(),
            [](const Ticket* a, const Ticket* b) { return *a->finished_at > *b->finished_at; });
  std::size_t n = std::min<std::size_t>(finished.size(), std::size_t(std::max(1, policy_.wait_samples)));
  if (n == 0) {
    const Service* s = find_service(services_, service);
    return s ? std::chrono::duration_cast<std::chrono::seconds>(s->typical_duration)
             : std::chrono::seconds(600);
  }
  util::Millis total{0};
  for (std::size_t i = 0; i < n; ++i) total += *finished[i]->finished_at - *finished[i]->called_at;
  return std::chrono::duration_cast<std::chrono::seconds>(total / n);
}

double WaitEstimator::capacity(char service, const std::string& waiting,
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

std::optional<std::chrono::minutes> WaitEstimator::wait_for(
    char service, int ahead, const std::map<TicketId, Ticket>& tickets,
    const std::map<CounterNumber, Counter>& counters) const {
  return wait_for(service, ahead, waiting_services(tickets), tickets, counters);
}

std::optional<std::chrono::minutes> WaitEstimator::wait_for(
    char service, int ahead, const std::string& waiting, const std::map<TicketId, Ticket>& tickets,
    const std::map<CounterNumber, Counter>& counters) const {
  bool all_busy = true;
  double c = capacity(service, waiting, counters, &all_busy);
  if (c <= 0) return std::nullopt;
  double b = all_busy ? 0.5 : 0.0;
  double seconds = double(mean_service(service, tickets).count()) * (ahead + b) / c;
  return std::chrono::minutes(static_cast<long>(std::ceil(seconds / 60.0)));
}

std::vector<ServiceLoad> WaitEstimator::loads(const std::map<TicketId, Ticket>& tickets,
                                              const std::map<CounterNumber, Counter>& counters) const {
  std::vector<ServiceLoad> out;
  std::string waiting = waiting_services(tickets);
  for (const auto& service : services_) {
    ServiceLoad l;
    l.service = service.prefix;
    for (const auto& [id, t] : tickets) {
      if (t.state != TicketState::waiting || t.service != service.prefix) continue;
      ++l.waiting;
      if (t.priority) ++l.priority_waiting;
    }
    for (const auto& [n, c] : counters) {
      if (!c.paused && c.serves(service.prefix)) ++l.open_counters;
    }
    l.mean_service = mean_service(service.prefix, tickets);
    l.estimated_wait = wait_for(service.prefix, l.waiting, waiting, tickets, counters);
    out.push_back(l);
  }
  return out;
}

}  // namespace pcn::queue
