#include "queue/wait_estimate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "queue/lognormal_draw.h"

namespace pcn::queue {

namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();
constexpr std::uint64_t kVisit = 1;      // purposes of the random numbers
constexpr std::uint64_t kNoShow = 2;
constexpr std::uint64_t kUnderWay = 3;
constexpr std::uint64_t kArrivals = std::uint64_t{1} << 62;  ///< keys of the arrival gaps
/// Beyond this, a replay stops: what it has not reached by then is not reached today.
constexpr double kHorizon = 12 * 3600.0;
constexpr TicketId kFutureIds = TicketId{1} << 50;  ///< ids of priority tickets yet to come

/// A waiting ticket as the replay sees it.
struct Waiting {
  TicketId id = 0;
  util::TimePoint queued_at{};
  int service = 0;  ///< index in the replay's services
};

bool earlier(const Waiting& a, const Waiting& b) {
  if (a.queued_at != b.queued_at) return a.queued_at < b.queued_at;
  return a.id < b.id;
}

/// A planned break, in seconds from now.
struct Break {
  double from = 0;
  double to = 0;
};

/// A counter as the replay starts it.
struct Start {
  std::vector<int> services;        ///< indexes
  double free_at = 0;               ///< seconds from now; kNever when left out
  std::optional<TicketId> under_way;
  double elapsed = 0;               ///< of the visit under way
  int under_way_service = -1;
  std::vector<Break> breaks;        ///< those not over yet, in order
};

/// The day's situation, shared by the replays.
struct Situation {
  std::vector<char> prefixes;
  std::vector<DurationModel> laws;
  std::vector<std::vector<Waiting>> priority, normal;  ///< per service, in line order
  std::vector<Start> counters;
  int streak = 0;
  bool use_priority = true;
  double no_show_share = 0;
  std::vector<double> priority_rate;  ///< per service, priority tickets per second to come
  util::TimePoint now{};
};

/// A replay's counter.
struct Live {
  double free_at = 0;
  std::size_t next_break = 0;
};

}  // namespace

/// What to forecast: a waiting ticket, or a newcomer of a service.
struct WaitEstimator::Target {
  std::optional<TicketId> ticket;
  char service = 'A';
  bool priority = false;
};

std::string_view to_string(WaitRange::Kind k) {
  switch (k) {
    case WaitRange::Kind::range: return "range";
    case WaitRange::Kind::next: return "next";
    case WaitRange::Kind::no_counter: return "none";
  }
  return "none";
}

std::optional<WaitRange::Kind> wait_kind_from(std::string_view s) {
  for (auto k : {WaitRange::Kind::range, WaitRange::Kind::next, WaitRange::Kind::no_counter}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

std::optional<double> WaitRange::middle() const {
  switch (kind) {
    case Kind::next: return 0.0;
    case Kind::no_counter: return std::nullopt;
    case Kind::range: break;
  }
  return (static_cast<double>(low.count()) + static_cast<double>(high.count())) / 2;
}

WaitEstimator::WaitEstimator(const ServiceList& services, const QueuePolicy& policy,
                             util::TimeZone zone)
    : services_(services), policy_(policy), zone_(std::move(zone)), times_(services) {}

std::map<char, DurationModel> WaitEstimator::models(const std::map<TicketId, Ticket>& tickets) const {
  std::map<char, std::vector<double>> today;
  for (const auto& [id, t] : tickets) {
    if (auto s = visit_seconds(t)) today[t.service].push_back(*s);
  }
  std::map<char, DurationModel> out;
  for (const Service& s : services_) {
    out[s.prefix] = times_.model(s.prefix, std::move(today[s.prefix]), policy_.wait_samples);
  }
  return out;
}

namespace {

int index_of(const std::vector<char>& prefixes, char p) {
  auto it = std::find(prefixes.begin(), prefixes.end(), p);
  return it == prefixes.end() ? -1 : static_cast<int>(it - prefixes.begin());
}

std::vector<Break> breaks_after(const Counter& c, const util::TimeZone& zone, util::TimePoint now) {
  std::vector<Break> out;
  const util::TimePoint midnight = zone.start_of(zone.date_of(now));
  for (const CounterBreak& b : c.breaks) {
    const double from = std::chrono::duration<double>(midnight + std::chrono::minutes(b.from) - now).count();
    const double to = std::chrono::duration<double>(midnight + std::chrono::minutes(b.to) - now).count();
    if (to > 0) out.push_back({from, to});  // one under way counts: the counter pauses when free
  }
  std::sort(out.begin(), out.end(), [](const Break& a, const Break& b) { return a.from < b.from; });
  return out;
}

/// When a counter paused now comes back: the end of the planned break it is in, if any.
std::optional<double> resume_of(const Counter& c, const util::TimeZone& zone, util::TimePoint now) {
  const int minute = zone.minute_of_day(now);
  const util::TimePoint midnight = zone.start_of(zone.date_of(now));
  for (const CounterBreak& b : c.breaks) {
    if (b.from <= minute && minute < b.to) {
      return std::chrono::duration<double>(midnight + std::chrono::minutes(b.to) - now).count();
    }
  }
  return std::nullopt;
}

/// The call times (seconds from now) of the targets in one replay; kNever when not reached.
/// `targets`: per target, a ticket id or, for a newcomer, -1 - (2 × service + priority).
std::vector<double> replay(const Situation& s, const std::vector<std::int64_t>& targets, int run,
                           const QueuePolicy& policy) {
  const std::size_t n = s.prefixes.size();
  std::vector<double> times(targets.size(), kNever);
  std::size_t pending = targets.size();
  // where each target is: ticket id → target index; newcomers per service and priority
  std::map<TicketId, std::size_t> ticket_target;
  std::vector<std::array<int, 2>> newcomer(n, {-1, -1});
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i] >= 0) {
      ticket_target[targets[i]] = i;
    } else {
      const std::int64_t code = -1 - targets[i];
      newcomer[static_cast<std::size_t>(code / 2)][static_cast<std::size_t>(code % 2)] = static_cast<int>(i);
    }
  }
  std::vector<std::size_t> head_priority(n, 0), head_normal(n, 0);
  // priority tickets still to come (a Poisson stream per service): they go before the normal
  // tickets waiting when they arrive
  std::vector<std::vector<Waiting>> arrived(n);  // from arrived_head on: not called yet
  std::vector<std::size_t> arrived_head(n, 0);
  std::vector<double> next_arrival(n, kNever);
  std::vector<std::uint64_t> drawn(n, 0);
  const auto gap = [&](std::size_t si) {
    const double u = uniform_of(static_cast<std::uint64_t>(run), kArrivals + si, drawn[si]++);
    return -std::log(u) / s.priority_rate[si];
  };
  for (std::size_t si = 0; si < n; ++si) {
    if (s.use_priority && s.priority_rate[si] > 0) next_arrival[si] = gap(si);
  }
  const auto arrive_until = [&](std::size_t si, double t) {
    while (next_arrival[si] <= t) {
      const auto id = kFutureIds + static_cast<TicketId>((si << 20) + drawn[si]);
      const auto at = s.now + std::chrono::milliseconds(static_cast<std::int64_t>(next_arrival[si] * 1000));
      arrived[si].push_back({id, at, static_cast<int>(si)});
      next_arrival[si] += gap(si);
    }
  };
  std::vector<Live> live(s.counters.size());
  const auto visit = [&](TicketId id, int service) {
    if (uniform_of(static_cast<std::uint64_t>(run), static_cast<std::uint64_t>(id), kNoShow) < s.no_show_share) {
      return WaitEstimator::kNoShowSeconds;
    }
    return draw_duration(s.laws[static_cast<std::size_t>(service)],
                         uniform_of(static_cast<std::uint64_t>(run), static_cast<std::uint64_t>(id), kVisit));
  };
  for (std::size_t c = 0; c < s.counters.size(); ++c) {
    const Start& start = s.counters[c];
    live[c].free_at = start.free_at;
    if (start.under_way && start.free_at < kNever) {
      const double u = uniform_of(static_cast<std::uint64_t>(run), static_cast<std::uint64_t>(*start.under_way), kUnderWay);
      live[c].free_at += draw_remaining(s.laws[static_cast<std::size_t>(start.under_way_service)], start.elapsed, u);
    }
  }
  int streak = s.streak;
  while (pending > 0) {
    std::size_t c = live.size();
    for (std::size_t i = 0; i < live.size(); ++i) {
      if (live[i].free_at < kNever && (c == live.size() || live[i].free_at < live[c].free_at)) c = i;
    }
    if (c == live.size() || live[c].free_at > kHorizon) break;  // no counter left today
    Live& counter = live[c];
    const Start& start = s.counters[c];
    if (counter.next_break < start.breaks.size() &&
        counter.free_at >= start.breaks[counter.next_break].from) {
      const Break& b = start.breaks[counter.next_break++];
      if (counter.free_at < b.to) counter.free_at = b.to;  // free during the break: it is taken
      continue;
    }
    const Waiting* first_priority = nullptr;
    const Waiting* first_normal = nullptr;
    bool to_come = false;  // first_priority is one of the priority tickets still to come
    bool real_priority = false;
    for (int service : start.services) {
      const auto si = static_cast<std::size_t>(service);
      const Waiting* w = nullptr;
      if (head_priority[si] < s.priority[si].size()) {
        w = &s.priority[si][head_priority[si]];
        real_priority = true;
      } else {
        arrive_until(si, counter.free_at);
        if (arrived_head[si] < arrived[si].size()) w = &arrived[si][arrived_head[si]];
      }
      if (w && (!first_priority || earlier(*w, *first_priority))) {
        first_priority = w;
        to_come = w->id >= kFutureIds;
      }
      if (head_normal[si] < s.normal[si].size()) {
        const Waiting& normal = s.normal[si][head_normal[si]];
        if (!first_normal || earlier(normal, *first_normal)) first_normal = &normal;
      }
    }
    // newcomers: the newest ticket of their service, so called when nothing older comes first
    for (int service : start.services) {
      auto& slots = newcomer[static_cast<std::size_t>(service)];
      const bool normal_called =
          !first_normal && !(s.use_priority && priority_turn(first_priority != nullptr, true, streak, policy));
      // a priority newcomer is older than the priority tickets still to come
      const bool priority_called =
          s.use_priority ? !real_priority && priority_turn(true, first_normal != nullptr, streak, policy)
                         : !first_normal;
      if (slots[0] >= 0 && normal_called) {
        times[static_cast<std::size_t>(slots[0])] = counter.free_at;
        slots[0] = -1;
        --pending;
      }
      if (slots[1] >= 0 && priority_called) {
        times[static_cast<std::size_t>(slots[1])] = counter.free_at;
        slots[1] = -1;
        --pending;
      }
    }
    // a normal newcomer not called yet is a normal ticket waiting, for the priority turn and streak
    bool normal_newcomer = false;
    for (int service : start.services) {
      normal_newcomer = normal_newcomer || newcomer[static_cast<std::size_t>(service)][0] >= 0;
    }
    const bool normal_waiting = first_normal != nullptr || normal_newcomer;
    if (!first_priority && !first_normal) {
      // nothing for this counter now: free again when a priority ticket still to come arrives
      double next = kNever;
      for (int service : start.services) next = std::min(next, next_arrival[static_cast<std::size_t>(service)]);
      counter.free_at = next;
      continue;
    }
    const bool turn = s.use_priority && priority_turn(first_priority != nullptr, normal_waiting, streak, policy);
    const Waiting called = turn ? *first_priority : *first_normal;
    const auto si = static_cast<std::size_t>(called.service);
    if (turn && to_come) {
      ++arrived_head[si];
    } else {
      ++(turn ? head_priority[si] : head_normal[si]);
    }
    streak = turn && normal_waiting ? streak + 1 : 0;
    if (auto t = ticket_target.find(called.id); t != ticket_target.end()) {
      times[t->second] = counter.free_at;
      --pending;
    }
    counter.free_at += visit(called.id, called.service);
  }
  return times;
}

/// The range from the replays' call times (seconds from now).
WaitRange range_of(std::vector<double> times, std::optional<int> resumes_at) {
  WaitRange out;
  const std::size_t all = times.size();
  std::erase_if(times, [](double t) { return !(t < kNever); });
  if (times.size() * 2 < static_cast<std::size_t>(WaitEstimator::kRuns)) return out;  // no_counter
  std::sort(times.begin(), times.end());
  // the shortest interval that holds kCoverage of the replays' calls
  const auto n = times.size();
  const auto k = std::min(n, static_cast<std::size_t>(std::ceil(WaitEstimator::kCoverage * static_cast<double>(n))));
  std::size_t from = 0;
  for (std::size_t i = 1; i + k <= n; ++i) {
    if (times[i + k - 1] - times[i] < times[from + k - 1] - times[from]) from = i;
  }
  if (times.size() == all && times.back() <= 0) {  // every replay calls it at once
    out.kind = WaitRange::Kind::next;
    return out;
  }
  const double low = times[from] / 60;
  const double high = times[from + k - 1] / 60;
  auto low_min = static_cast<long>(std::floor(low));
  auto high_min = static_cast<long>(std::ceil(high));
  if (low_min >= 60) low_min -= low_min % 5;
  if (high_min > 60 && high_min % 5 != 0) high_min += 5 - high_min % 5;
  if (high_min <= low_min) high_min = low_min + 1;
  out.kind = WaitRange::Kind::range;
  out.low = std::chrono::minutes(low_min);
  out.high = std::chrono::minutes(high_min);
  out.resumes_at = resumes_at;
  return out;
}

}  // namespace

std::vector<WaitRange> WaitEstimator::forecast(const std::vector<Target>& targets,
                                               const QueueNow& state,
                                               std::map<char, DurationModel>* laws_used) const {
  const auto& tickets = state.tickets;
  const auto& counters = state.counters;
  const util::TimePoint now = state.now;
  Situation s;
  const auto laws = models(tickets);
  if (laws_used) *laws_used = laws;
  for (const Service& service : services_) {
    s.prefixes.push_back(service.prefix);
    s.laws.push_back(laws.at(service.prefix));
  }
  const std::size_t n = s.prefixes.size();
  s.priority.resize(n);
  s.normal.resize(n);
  s.use_priority = policy_.priority_max_in_row > 0;
  s.no_show_share = times_.no_show_share();
  s.now = now;
  std::optional<util::TimePoint> first_issue;
  std::map<char, int> priority_today;
  for (const auto& [id, t] : tickets) {
    if (!first_issue || t.issued_at < *first_issue) first_issue = t.issued_at;
    if (t.priority) ++priority_today[t.service];
  }
  // a priority newcomer counts as issued, as its ticket will once taken
  for (const Target& t : targets) {
    if (!t.ticket && t.priority) ++priority_today[t.service];
  }
  const double span = first_issue ? std::max(0.0, std::chrono::duration<double>(now - *first_issue).count()) : 0.0;
  for (char p : s.prefixes) s.priority_rate.push_back(times_.priority_rate(p, priority_today[p], span));
  for (const auto& [id, t] : tickets) {
    if (t.state != TicketState::waiting) continue;
    const int service = index_of(s.prefixes, t.service);
    if (service < 0) continue;
    auto& line = (s.use_priority && t.priority) ? s.priority : s.normal;
    line[static_cast<std::size_t>(service)].push_back({t.id, t.queued_at, service});
  }
  for (auto& line : s.priority) std::sort(line.begin(), line.end(), earlier);
  for (auto& line : s.normal) std::sort(line.begin(), line.end(), earlier);
  // per service, the first return from a planned break when no counter serving it is open
  std::map<char, std::optional<double>> first_return;
  std::map<char, bool> open;
  for (const auto& [number, c] : counters) {
    Start start;
    for (char p : c.services) {
      if (int i = index_of(s.prefixes, p); i >= 0) start.services.push_back(i);
    }
    start.breaks = breaks_after(c, zone_, now);
    if (c.paused) {
      const auto back = resume_of(c, zone_, now);
      start.free_at = back ? *back : kNever;
      for (char p : c.services) {
        if (back && (!first_return[p] || *back < *first_return[p])) first_return[p] = back;
      }
    } else {
      for (char p : c.services) open[p] = true;
      if (c.current) {  // busy: a visit under way (just begun when its call time is unknown)
        start.under_way = *c.current;
        start.under_way_service = 0;
        if (auto held = tickets.find(*c.current); held != tickets.end()) {
          start.under_way_service = std::max(0, index_of(s.prefixes, held->second.service));
          if (held->second.called_at) {
            start.elapsed = std::max(0.0, std::chrono::duration<double>(now - *held->second.called_at).count());
          }
        }
      }
    }
    s.counters.push_back(std::move(start));
  }
  s.streak = state.priority_streak;
  std::vector<std::int64_t> codes;
  std::vector<bool> known(targets.size(), true);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const Target& t = targets[i];
    const int service = index_of(s.prefixes, t.service);
    if (service < 0) {  // a service the agency does not have: nobody serves it
      known[i] = false;
      continue;
    }
    codes.push_back(t.ticket ? *t.ticket : -1 - (2 * service + (t.priority ? 1 : 0)));
  }
  std::vector<std::vector<double>> per_code(codes.size());
  for (int run = 0; run < kRuns; ++run) {
    const std::vector<double> times = replay(s, codes, run, policy_);
    for (std::size_t i = 0; i < times.size(); ++i) per_code[i].push_back(times[i]);
  }
  std::vector<std::vector<double>> per_target(targets.size());
  for (std::size_t i = 0, code = 0; i < targets.size(); ++i) {
    if (known[i]) per_target[i] = std::move(per_code[code++]);
  }
  std::vector<WaitRange> out;
  const int now_minute = zone_.minute_of_day(now);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    std::optional<int> resumes;
    const char p = targets[i].service;
    if (!open[p] && first_return[p]) resumes = now_minute + static_cast<int>(std::ceil(*first_return[p] / 60));
    out.push_back(range_of(std::move(per_target[i]), resumes));
  }
  return out;
}

std::vector<ServiceLoad> WaitEstimator::loads(const QueueNow& state) const {
  const auto& tickets = state.tickets;
  std::vector<Target> targets;
  for (const Service& s : services_) targets.push_back({std::nullopt, s.prefix, false});
  std::map<char, DurationModel> laws;
  const std::vector<WaitRange> ranges = forecast(targets, state, &laws);
  std::map<char, std::pair<int, int>> waiting;  // service → (waiting, of which priority)
  for (const auto& [id, t] : tickets) {
    if (t.state != TicketState::waiting) continue;
    ++waiting[t.service].first;
    if (t.priority) ++waiting[t.service].second;
  }
  std::vector<ServiceLoad> out;
  for (std::size_t i = 0; i < services_.size(); ++i) {
    ServiceLoad l;
    l.service = services_[i].prefix;
    l.waiting = waiting[l.service].first;
    l.priority_waiting = waiting[l.service].second;
    for (const auto& [n, c] : state.counters) {
      if (!c.paused && c.serves(l.service)) ++l.open_counters;
    }
    l.mean_service = std::chrono::seconds(std::lround(laws.at(l.service).mean_seconds()));
    l.wait = ranges[i];
    if (auto m = l.wait.middle()) l.estimated_wait = std::chrono::minutes(std::lround(*m));
    out.push_back(l);
  }
  return out;
}

WaitRange WaitEstimator::for_ticket(const Ticket& waiting, const QueueNow& state) const {
  return forecast({{waiting.id, waiting.service, waiting.priority}}, state).front();
}

WaitRange WaitEstimator::for_new(char service, bool priority, const QueueNow& state) const {
  return forecast({{std::nullopt, service, priority}}, state).front();
}

}  // namespace pcn::queue
