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

/// The local time `minutes` after the start of `day`.
util::TimePoint at_minute(const ReportInput& in, util::LocalDate day, int minutes) {
  return in.zone->start_of(day) + std::chrono::minutes(minutes);
}

/// The end of the day's last opening interval; nullopt on a closed day.
std::optional<util::TimePoint> closing_of(const ReportInput& in, util::LocalDate day) {
  const auto& intervals = in.hours->day(in.zone->weekday_of(in.zone->start_of(day)));
  std::optional<int> close;
  for (const auto& i : intervals) close = std::max(close.value_or(i.close), i.close);
  if (!close) return std::nullopt;
  return at_minute(in, day, *close);
}

/// Seconds since the start of the local day of `t`.
double second_of_day(const ReportInput& in, util::TimePoint t) {
  auto in_minute = std::chrono::duration<double>(t.time_since_epoch()).count();
  return in.zone->minute_of_day(t) * 60.0 + std::fmod(in_minute, 60.0);
}

/// A received visitor's wait (served, or at a counter now): issue → latest call.
std::optional<double> received_wait(const queue::Ticket& t) {
  bool received = t.state == queue::TicketState::done || t.state == queue::TicketState::called;
  if (!received || !t.called_at) return std::nullopt;
  return seconds_between(t.issued_at, *t.called_at);
}

/// The wait of a person not received: absent (to the missed call), not served (to the close of
/// day), still waiting (to now). nullopt for the others, or without the time it needs.
std::optional<double> not_received_wait(const ReportInput& in, const queue::Ticket& t) {
  std::optional<util::TimePoint> end;
  switch (t.state) {
    case queue::TicketState::absent:
      end = t.called_at;
      break;
    case queue::TicketState::unserved:
      end = t.finished_at ? t.finished_at : closing_of(in, t.day);
      break;
    case queue::TicketState::waiting:  // to now; on a past day never closed, to its closing
      end = in.now;
      if (in.now && t.day < in.zone->date_of(*in.now)) end = closing_of(in, t.day);
      break;
    case queue::TicketState::done:
    case queue::TicketState::called:
      break;
  }
  if (!end || *end < t.issued_at) return std::nullopt;
  return seconds_between(t.issued_at, *end);
}

/// A service's counts and its duration samples while the tickets are read.
struct ServiceTally {
  ServiceFigures figures;
  Samples wait;
  Samples at_counter;
  Samples not_received;
};

void add_ticket(const ReportInput& in, ServiceTally& tally, const queue::Ticket& t) {
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
  if (t.state == queue::TicketState::waiting) ++f.waiting_now;
  if (auto waited = received_wait(t)) tally.wait.push_back(*waited);
  if (auto waited = not_received_wait(in, t)) tally.not_received.push_back(*waited);
  if (t.state != queue::TicketState::done || !t.called_at || !t.finished_at) return;
  tally.at_counter.push_back(seconds_between(*t.called_at, *t.finished_at));
}

ServiceFigures finished(ServiceTally tally) {
  tally.figures.wait = summarise(std::move(tally.wait));
  tally.figures.at_counter = summarise(std::move(tally.at_counter));
  tally.figures.wait_not_received = summarise(std::move(tally.not_received));
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
      add_ticket(in, *known, t);
    } else {
      auto [it, added] = unknown.try_emplace(t.service, empty_tally(t.service, {t.service}));
      add_ticket(in, it->second, t);
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
    if (in_range(in, t)) add_ticket(in, total, t);
  }
  return finished(std::move(total));
}

/// A counter's counts and its busy time in milliseconds while the tickets are read.
struct CounterTally {
  CounterFigures figures;
  util::Millis busy{0};
};

void add_to_counter(const ReportInput& in, CounterTally& tally, const queue::Ticket& t) {
  if (t.state == queue::TicketState::called) {  // the visitor at the counter now, if today
    if (t.called_at && in.now && *t.called_at < *in.now && t.day == in.zone->date_of(*in.now)) {
      tally.busy += *in.now - *t.called_at;
    }
    return;
  }
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
    add_to_counter(in, it->second, t);
  }
  std::sort(unknown.begin(), unknown.end());
  order.insert(order.end(), unknown.begin(), unknown.end());
  std::vector<CounterFigures> out;
  for (auto n : order) out.push_back(finished(by_number.at(n), opening));
  return out;
}

/// Seconds of `intervals` before `second` of the day.
double open_seconds_before(const std::vector<queue::OpenInterval>& intervals, double second) {
  double open = 0;
  for (const auto& i : intervals) {
    open += std::max(0.0, std::min<double>(i.close * 60.0, second) - i.open * 60.0);
  }
  return open;
}

/// Opening time, elapsed opening time, open days and open hours of the range.
void add_opening(const ReportInput& in, Figures& f) {
  std::optional<util::LocalDate> today;
  if (in.now) today = in.zone->date_of(*in.now);
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
    if (!today || d < *today) {
      f.opening_elapsed += std::chrono::minutes(minutes);
    } else if (d == *today) {
      double open = open_seconds_before(intervals, second_of_day(in, *in.now));
      f.opening_elapsed += std::chrono::seconds(std::lround(open));
    }
  }
}

// --- Day by day -----------------------------------------------------------------------------

bool autonomy_given(const queue::Ticket& t) { return t.outcome && !t.outcome->autonomy.empty(); }

std::vector<DayFigures> days_series(const ReportInput& in,
                                    const std::vector<queue::Ticket>& tickets) {
  std::vector<DayFigures> days;
  std::map<util::LocalDate, Samples> waits;
  for (util::LocalDate d = in.from; d <= in.to; d = d.next()) days.push_back(DayFigures{d});
  for (const auto& t : tickets) {
    if (!in_range(in, t)) continue;
    auto day =
        std::find_if(days.begin(), days.end(), [&](const DayFigures& d) { return d.day == t.day; });
    if (day == days.end()) continue;
    ++day->tickets;
    if (auto waited = received_wait(t)) waits[t.day].push_back(*waited);
    if (t.state != queue::TicketState::done) continue;
    ++day->served;
    ++day->accompaniments;
    if (!autonomy_given(t)) continue;
    ++day->autonomy_given;
    if (t.outcome->autonomy == queue::kDoneForThem) ++day->done_for_them;
  }
  for (auto& d : days) {
    d.wait = summarise(std::move(waits[d.day]));
    if (d.autonomy_given > 0) d.done_for_them_share = double(d.done_for_them) / d.autonomy_given;
  }
  return days;
}

// --- Outcome tables -------------------------------------------------------------------------

/// A table's rows with their raw counts, before masking.
struct OutcomeTally {
  OutcomeTable table;
  std::vector<int> counts;  ///< one per row
};

std::size_t row_of(OutcomeTally& tally, const queue::OutcomeLists& lists, const std::string& code) {
  for (std::size_t i = 0; i < tally.table.rows.size(); ++i) {
    if (tally.table.rows[i].code == code) return i;
  }
  tally.table.rows.push_back({code, lists.label(tally.table.list, code), "", {}, {}});
  tally.counts.push_back(0);
  return tally.counts.size() - 1;
}

OutcomeTally tally_list(queue::OutcomeList list, const queue::OutcomeLists& lists,
                        const std::vector<const queue::Ticket*>& served) {
  OutcomeTally tally;
  tally.table.list = list;
  tally.table.title = text::outcome_list_title(std::string(queue::to_string(list)));
  tally.table.profile = queue::is_profile(list);
  tally.table.visits = static_cast<int>(served.size());
  for (const auto& c : lists.choices(list)) {
    tally.table.rows.push_back({c.code, c.label, c.group, {}, {}});
    tally.counts.push_back(0);
  }
  int not_given = 0;
  for (const queue::Ticket* t : served) {
    std::vector<std::string> codes;
    if (t->outcome) codes = t->outcome->codes(list);
    if (codes.empty()) ++not_given;
    for (const auto& code : codes) ++tally.counts[row_of(tally, lists, code)];
  }
  tally.table.rows.push_back({"", text::outcome_not_given(), "", {}, {}});
  tally.counts.push_back(not_given);
  return tally;
}

/// Which cells to mask: codes counted 1 to 4, and when that is a single cell, the next smallest
/// non-zero cell too (see figures.h).
std::vector<bool> masked_cells(const OutcomeTally& tally) {
  std::vector<bool> masked(tally.counts.size(), false);
  if (!tally.table.profile) return masked;
  int primary = 0;
  for (std::size_t i = 0; i < tally.counts.size(); ++i) {
    bool code = !tally.table.rows[i].code.empty();
    int n = tally.counts[i];
    if (code && n >= 1 && n < kSmallestShownCount) {
      masked[i] = true;
      ++primary;
    }
  }
  if (primary != 1) return masked;
  std::optional<std::size_t> next;
  for (std::size_t i = 0; i < tally.counts.size(); ++i) {
    if (masked[i] || tally.counts[i] == 0) continue;
    if (!next || tally.counts[i] < tally.counts[*next]) next = i;
  }
  if (next) masked[*next] = true;
  return masked;
}

OutcomeTable finished(OutcomeTally tally) {
  auto masked = masked_cells(tally);
  for (std::size_t i = 0; i < tally.counts.size(); ++i) {
    OutcomeRow& row = tally.table.rows[i];
    if (masked[i]) continue;
    row.count = tally.counts[i];
    if (tally.table.visits > 0) row.share = double(tally.counts[i]) / tally.table.visits;
  }
  return std::move(tally.table);
}

std::vector<OutcomeTable> outcome_tables(const ReportInput& in,
                                         const std::vector<queue::Ticket>& tickets) {
  static const queue::OutcomeLists defaults = queue::OutcomeLists::defaults();
  const queue::OutcomeLists& lists = in.outcomes != nullptr ? *in.outcomes : defaults;
  std::vector<const queue::Ticket*> served;
  for (const auto& t : tickets) {
    if (in_range(in, t) && t.state == queue::TicketState::done) served.push_back(&t);
  }
  std::vector<OutcomeTable> tables;
  for (queue::OutcomeList list : queue::kOutcomeLists) {
    tables.push_back(finished(tally_list(list, lists, served)));
  }
  return tables;
}

// --- Workshops ------------------------------------------------------------------------------

WorkshopFigures workshop_figures(const ReportInput& in,
                                 const std::vector<queue::Workshop>& workshops) {
  static const queue::OutcomeLists defaults = queue::OutcomeLists::defaults();
  const queue::OutcomeLists& lists = in.outcomes != nullptr ? *in.outcomes : defaults;
  WorkshopFigures f;
  for (const auto& c : lists.choices(queue::OutcomeList::theme)) {
    f.themes.push_back({c.code, c.label, c.group, 0, 0, 0});
  }
  for (const auto& w : workshops) {
    if (w.day < in.from || in.to < w.day) continue;
    auto row = std::find_if(f.themes.begin(), f.themes.end(),
                            [&](const WorkshopRow& r) { return r.code == w.theme; });
    if (row == f.themes.end()) {
      f.themes.push_back({w.theme, lists.label(queue::OutcomeList::theme, w.theme), "", 0, 0, 0});
      row = f.themes.end() - 1;
    }
    ++f.workshops;
    f.participants += w.participants;
    f.minutes += w.minutes;
    ++row->workshops;
    row->participants += w.participants;
    row->minutes += w.minutes;
  }
  return f;
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

Figures compute(const ReportInput& input, const std::vector<queue::Ticket>& tickets,
                const std::vector<queue::Workshop>& workshops) {
  Figures f;
  f.from = input.from;
  f.to = input.to;
  f.now = input.now;
  if (input.now) f.now_clock = input.zone->format(*input.now, "%H:%M");
  add_opening(input, f);
  f.services = service_figures(input, tickets);
  f.total = total_figures(input, tickets);
  for (const auto& t : tickets) {
    if (!in_range(input, t)) continue;
    int hour = input.zone->minute_of_day(t.issued_at) / 60;
    ++f.arrivals_per_hour[static_cast<std::size_t>(std::clamp(hour, 0, 23))];
  }
  f.counters = counter_figures(input, tickets, f.opening_elapsed);
  f.days_series = days_series(input, tickets);
  f.outcomes = outcome_tables(input, tickets);
  f.workshops = workshop_figures(input, workshops);
  return f;
}

}  // namespace pcn::report
