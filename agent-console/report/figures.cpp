#include "report/figures.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "text/catalog.h"

namespace pcn::report {

namespace {

using Samples = std::vector<double>;

/// The ceil(percent/100 · n)-th smallest of `sorted`. REQUIRES: sorted non-empty.
double nearest_rank(const Samples& sorted, int percent) {
  auto n = static_cast<long long>(sorted.size());
  long long rank = (percent * n + 99) / 100;
  return sorted[static_cast<std::size_t>(std::clamp(rank, 1LL, n) - 1)];
}

double seconds_between(util::TimePoint from, util::TimePoint to) {
  return std::chrono::duration<double>(to - from).count();
}

/// A service's counts and its duration samples while the tickets are read.
struct ServiceTally {
  ServiceFigures figures;
  Samples wait;
  Samples at_counter;
};

void add_ticket(ServiceTally& tally, const queue::Ticket& t) {
  ServiceFigures& f = tally.figures;
  ++f.tickets;
  if (t.priority) ++f.priority;
  if (t.transfers > 0) ++f.transferred_in;
  switch (t.state) {
    case queue::TicketState::done:
      ++f.served;
      break;
    case queue::TicketState::absent:
      ++f.no_show;
      break;
    case queue::TicketState::unserved:
      ++f.not_served;
      break;
    case queue::TicketState::waiting:
    case queue::TicketState::called:
      ++f.open;
      break;
  }
  if (t.state != queue::TicketState::done || !t.called_at) return;
  tally.wait.push_back(seconds_between(t.issued_at, *t.called_at));
  if (t.finished_at) tally.at_counter.push_back(seconds_between(*t.called_at, *t.finished_at));
}

ServiceFigures finished(ServiceTally tally) {
  tally.figures.wait = summarise(std::move(tally.wait));
  tally.figures.at_counter = summarise(std::move(tally.at_counter));
  return tally.figures;
}

ServiceTally empty_tally(char prefix, std::string label) {
  ServiceTally t;
  t.figures.prefix = prefix;
  t.figures.label = std::move(label);
  return t;
}

bool in_range(const ReportInput& in, const queue::Ticket& t) {
  return in.from <= t.day && t.day <= in.to;
}

std::vector<ServiceFigures> service_figures(const ReportInput& in,
                                            const std::vector<queue::Ticket>& tickets) {
  std::vector<ServiceTally> tallies;
  for (const auto& s : *in.services) tallies.push_back(empty_tally(s.prefix, s.label));
  std::map<char, ServiceTally> unknown;
  for (const auto& t : tickets) {
    if (!in_range(in, t)) continue;
    auto known = std::find_if(tallies.begin(), tallies.end(),
                              [&](const ServiceTally& s) { return s.figures.prefix == t.service; });
    if (known != tallies.end()) {
      add_ticket(*known, t);
    } else {
      auto [it, added] = unknown.try_emplace(t.service, empty_tally(t.service, {t.service}));
      add_ticket(it->second, t);
    }
  }
  for (auto& [prefix, tally] : unknown) tallies.push_back(std::move(tally));
  std::vector<ServiceFigures> out;
  for (auto& tally : tallies) out.push_back(finished(std::move(tally)));
  return out;
}

ServiceFigures total_figures(const ReportInput& in, const std::vector<queue::Ticket>& tickets) {
  ServiceTally total = empty_tally('*', text::report_total());
  for (const auto& t : tickets) {
    if (in_range(in, t)) add_ticket(total, t);
  }
  return finished(std::move(total));
}

/// A counter's counts and its busy time in milliseconds while the tickets are read.
struct CounterTally {
  CounterFigures figures;
  util::Millis busy{0};
};

void add_to_counter(CounterTally& tally, const queue::Ticket& t) {
  bool served = t.state == queue::TicketState::done;
  if (!served && t.state != queue::TicketState::absent) return;
  ++(served ? tally.figures.served : tally.figures.no_show);
  if (t.called_at && t.finished_at) tally.busy += *t.finished_at - *t.called_at;
}

CounterFigures finished(const CounterTally& tally, std::chrono::seconds opening) {
  CounterFigures f = tally.figures;
  f.busy = std::chrono::round<std::chrono::seconds>(tally.busy);
  if (opening.count() > 0) {
    f.busy_share = std::chrono::duration<double>(tally.busy) / opening;
  }
  return f;
}

std::vector<CounterFigures> counter_figures(const ReportInput& in,
                                            const std::vector<queue::Ticket>& tickets,
                                            std::chrono::seconds opening) {
  std::map<queue::CounterNumber, CounterTally> by_number;
  std::vector<queue::CounterNumber> order;
  for (const auto& c : *in.counters) {
    if (!by_number.try_emplace(c.number, CounterTally{{c.number, c.label, 0, 0, {}, {}}, {}})
             .second) {
      continue;
    }
    order.push_back(c.number);
  }
  std::vector<queue::CounterNumber> unknown;
  for (const auto& t : tickets) {
    if (!in_range(in, t) || !t.counter) continue;
    auto [it, added] = by_number.try_emplace(
        *t.counter, CounterTally{{*t.counter, text::counter_name(*t.counter), 0, 0, {}, {}}, {}});
    if (added) unknown.push_back(*t.counter);
    add_to_counter(it->second, t);
  }
  std::sort(unknown.begin(), unknown.end());
  order.insert(order.end(), unknown.begin(), unknown.end());
  std::vector<CounterFigures> out;
  for (auto n : order) out.push_back(finished(by_number.at(n), opening));
  return out;
}

/// Opening time, open days and open hours of the range.
void add_opening(const ReportInput& in, Figures& f) {
  for (util::LocalDate d = in.from; d <= in.to; d = d.next()) {
    ++f.days;
    int weekday = in.zone->weekday_of(in.zone->start_of(d));
    const auto& intervals = in.hours->day(weekday);
    int minutes = 0;
    for (const auto& i : intervals) {
      minutes += std::max(0, i.close - i.open);
      for (int h = 0; h < 24; ++h) {
        if (i.open < (h + 1) * 60 && h * 60 < i.close)
          f.open_hours[static_cast<std::size_t>(h)] = true;
      }
    }
    if (minutes > 0) ++f.open_days;
    f.opening_time += std::chrono::minutes(minutes);
  }
}

}  // namespace

Durations summarise(std::vector<double> seconds) {
  Durations d;
  d.count = static_cast<int>(seconds.size());
  if (seconds.empty()) return d;
  std::sort(seconds.begin(), seconds.end());
  d.mean = std::accumulate(seconds.begin(), seconds.end(), 0.0) / static_cast<double>(d.count);
  d.median = nearest_rank(seconds, 50);
  d.p90 = nearest_rank(seconds, 90);
  return d;
}

Figures compute(const ReportInput& input, const std::vector<queue::Ticket>& tickets) {
  Figures f;
  f.from = input.from;
  f.to = input.to;
  add_opening(input, f);
  f.services = service_figures(input, tickets);
  f.total = total_figures(input, tickets);
  for (const auto& t : tickets) {
    if (!in_range(input, t)) continue;
    int hour = input.zone->minute_of_day(t.issued_at) / 60;
    ++f.arrivals_per_hour[static_cast<std::size_t>(std::clamp(hour, 0, 23))];
  }
  f.counters = counter_figures(input, tickets, f.opening_time);
  return f;
}

}  // namespace pcn::report
