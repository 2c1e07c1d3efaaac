// pcn-bench-waits: honest waits. Plays simulated days of the example agency
// (examples/agence-bourail.toml: its services, typical durations, counters and counter 3's
// planned lunch break) through the real queue::Engine with a fake clock, and compares what each
// slip promised (Engine::forecast_new, as the hub does before issuing) with the real wait (issue →
// first call), for the forecast of wait_estimate.h and for the old formula
// (support/legacy_wait_estimate.h) on the same tickets.
//
// A simulated day: arrivals of a Poisson process over the opening hours, 1.5 times the mean rate
// before 09:30, 0.8 times after the lunch closure; the services in the shares of kMix; visit
// times lognormal with the service's typical mean and a coefficient of variation of 0.7; 5 %
// priority tickets; 3 % of visitors gone when called (called, 2 minutes at the counter, a
// no-show, back in line once, gone again); each counter calls as soon as it is free, and
// counter 3 pauses at its first free moment in its break and resumes at its end. The arrival rate
// is set so that the counters are busy `load` of their time (work / counter time, breaks out).
// Each load plays kDays business days in a row from 2027-01-04; every day the engine learns from
// the 42 days before, as the hub does. Seeds: kSeed + 1000 × load index + day.
//
// Prints, per load: the share of real waits inside the printed range, its median width, the
// share within ±3 and ±5 min of its middle, the mean absolute error and bias of the middle, the
// tickets with no estimate, slips promising more than twice the day's longest real wait, the
// worst cases; the same for the old formula. Then the cost of a forecast with 200 waiting
// tickets, against the old formula's in the same run. Figures are printed, never asserted.
//
// Usage: pcn-bench-waits [--days N] [--config FILE]; with PCN_BENCH_TRACE=1 each worst case and
// each slip over twice its day's longest wait is printed with who waited and who served.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "config/agency_config.h"
#include "queue/engine.h"
#include "support/bench_util.h"
#include "support/legacy_wait_estimate.h"

namespace pcn::bench {

namespace {

using queue::Engine;
using queue::TicketId;
using queue::WaitRange;
using util::TimePoint;

struct Share {
  char service;
  double share;
};
constexpr Share kMix[] = {{'C', 0.30}, {'F', 0.25}, {'N', 0.15}, {'I', 0.10}, {'L', 0.10}, {'A', 0.10}};
constexpr double kCv = 0.7;
constexpr double kPriority = 0.05;
constexpr double kGone = 0.03;
constexpr auto kNoShowTime = std::chrono::minutes(2);
constexpr std::uint64_t kSeed = 20261204;
constexpr double kLoads[] = {0.5, 0.75, 0.9};
constexpr int kHistoryDays = 42;

/// What one slip promised and what happened.
struct Sample {
  double real = 0;  ///< minutes from issue to the first call
  WaitRange range;
  std::optional<double> legacy;  ///< the old formula's minutes
  int minute = 0;                ///< of the day, at issue
  char service = 'A';
  bool priority = false;
  int day = 0;
  std::string state;  ///< with PCN_BENCH_TRACE: who waited and who served at issue
};

double minutes_between(TimePoint a, TimePoint b) {
  return std::chrono::duration<double>(b - a).count() / 60;
}

double peak(int minute) {
  if (minute < 9 * 60 + 30) return 1.5;
  if (minute < 11 * 60 + 30) return 1.0;
  return 0.8;
}

/// One simulated day through the engine.
class DaySim {
 public:
  DaySim(const queue::AgencyRules& rules, util::LocalDate day, TicketId last_id,
         const std::vector<queue::Ticket>& history, double load, std::uint64_t seed)
      : rules_(rules), engine_(rules, day), legacy_(rules_.services, rules_.policy), random_(seed),
        midnight_(rules.zone.start_of(day)), weekday_(rules.zone.weekday_of(midnight_ + std::chrono::hours(12))) {
    queue::EngineState state;
    state.day = day;
    state.last_ticket_id = last_id;
    engine_.restore(state);
    engine_.learn_times(history);
    plan_arrivals(load);
  }

  /// Plays the day; the samples of its slips.
  std::vector<Sample> play(int day_index) {
    for (const auto& c : rules_.counters) counters_[c.number] = {};
    while (!events_.empty()) {
      auto [at, event] = *events_.begin();
      events_.erase(events_.begin());
      handle(at, event);
      dispatch(at);
    }
    std::vector<Sample> out;
    for (auto& [id, s] : samples_) {
      s.day = day_index;
      out.push_back(s);
    }
    return out;
  }

  const Engine& engine() const { return engine_; }

 private:
  enum class Kind { arrive, finish, gone, resume };
  struct Event {
    Kind kind;
    int counter = 0;
  };
  struct CounterSim {
    bool busy = false;
    bool paused = false;
    std::size_t breaks_done = 0;
  };

  double mean_minutes() const {
    double m = 0;
    for (const Share& s : kMix) m += s.share * static_cast<double>(queue::find_service(rules_.services, s.service)->typical_duration.count());
    return m * (1 - kGone) + kGone * 2 * std::chrono::duration<double>(kNoShowTime).count() / 60;
  }

  void plan_arrivals(double load) {
    const auto& day = rules_.hours.day(weekday_);
    double open = 0, weight = 0;
    for (const auto& i : day) {
      for (int m = i.open; m < i.close; ++m) {
        open += 1;
        weight += peak(m);
      }
    }
    if (open == 0) return;
    double break_minutes = 0;
    for (const auto& c : rules_.counters) {
      for (const auto& b : c.breaks) break_minutes += b.to - b.from;
    }
    const double counters = static_cast<double>(rules_.counters.size()) - break_minutes / open;
    const double per_minute = load * counters / mean_minutes();  // mean arrivals per open minute
    const double base = per_minute * open / weight;
    std::exponential_distribution<double> gap(base * 1.5);
    std::uniform_real_distribution<double> u(0, 1);
    for (const auto& i : day) {
      double t = i.open;
      for (;;) {
        t += gap(random_);
        if (t >= i.close) break;
        if (u(random_) * 1.5 > peak(static_cast<int>(t))) continue;
        events_.insert({midnight_ + std::chrono::milliseconds(static_cast<long>(t * 60000)), {Kind::arrive, 0}});
      }
    }
  }

  char draw_service() {
    double x = std::uniform_real_distribution<double>(0, 1)(random_);
    for (const Share& s : kMix) {
      if ((x -= s.share) < 0) return s.service;
    }
    return kMix[0].service;
  }

  std::chrono::milliseconds draw_visit(char service) {
    const double mean = static_cast<double>(queue::find_service(rules_.services, service)->typical_duration.count()) * 60;
    const double sigma = std::sqrt(std::log(1 + kCv * kCv));
    std::lognormal_distribution<double> law(std::log(mean) - sigma * sigma / 2, sigma);
    return std::chrono::milliseconds(static_cast<long>(law(random_) * 1000));
  }

  void accept(const Engine::Decision& d) {
    if (!d.ok()) die("moteur : " + d.error().to_string());
    engine_.apply(*d);
  }

  void handle(TimePoint at, const Event& e) {
    switch (e.kind) {
      case Kind::arrive: return arrive(at);
      case Kind::finish:
        accept(engine_.finish(e.counter, at));
        counters_[e.counter].busy = false;
        return;
      case Kind::gone:
        accept(engine_.no_show(e.counter, at));
        counters_[e.counter].busy = false;
        return;
      case Kind::resume:
        accept(engine_.resume(e.counter, at));
        counters_[e.counter].paused = false;
        return;
    }
  }

  void arrive(TimePoint at) {
    const char service = draw_service();
    const bool priority = std::uniform_real_distribution<double>(0, 1)(random_) < kPriority;
    auto decision = engine_.issue(service, priority, at);
    if (!decision.ok()) return;  // closed at that minute (a boundary)
    const queue::Ticket& t = decision->tickets.front();
    Sample s;
    s.range = engine_.forecast_new(service, priority, at);
    auto old = legacy_.wait_for(service, engine_.ahead_of(t), engine_.tickets(), engine_.counters());
    if (old) s.legacy = static_cast<double>(old->count());
    s.minute = rules_.zone.minute_of_day(at);
    if (std::getenv("PCN_BENCH_TRACE")) s.state = trace(at);
    s.service = service;
    s.priority = priority;
    const TicketId id = t.id;
    issued_[id] = at;
    if (std::uniform_real_distribution<double>(0, 1)(random_) < kGone) gone_.insert({id, true});
    accept(*decision);
    samples_[id] = s;
  }

  std::string trace(TimePoint at) const {
    std::map<char, int> waiting;
    for (const auto& [id, t] : engine_.tickets()) {
      if (t.state == queue::TicketState::waiting) ++waiting[t.service];
    }
    std::string out = "waiting";
    for (const auto& [p, n] : waiting) out += " " + std::string(1, p) + "=" + std::to_string(n);
    for (const auto& [n, c] : engine_.counters()) {
      out += " | " + std::to_string(n) + (c.paused ? " paused" : "");
      if (c.current) {
        const queue::Ticket* t = engine_.find_ticket(*c.current);
        out += " " + t->label() + " since " + std::to_string(static_cast<int>(minutes_between(*t->called_at, at))) + " min";
      }
    }
    return out;
  }

  /// Every free counter takes its break or calls.
  void dispatch(TimePoint at) {
    const int minute = rules_.zone.minute_of_day(at);
    for (const auto& c : rules_.counters) {
      CounterSim& sim = counters_[c.number];
      if (sim.busy || sim.paused) continue;
      while (sim.breaks_done < c.breaks.size() && minute >= c.breaks[sim.breaks_done].to) ++sim.breaks_done;
      if (sim.breaks_done < c.breaks.size() && minute >= c.breaks[sim.breaks_done].from) {
        accept(engine_.pause(c.number, at));
        sim.paused = true;
        events_.insert({midnight_ + std::chrono::minutes(c.breaks[sim.breaks_done].to), {Kind::resume, c.number}});
        ++sim.breaks_done;
        continue;
      }
      auto call = engine_.call_next(c.number, at);
      if (!call.ok()) continue;  // nobody for it
      const TicketId id = *call->ticket;
      accept(*call);
      sim.busy = true;
      if (auto s = samples_.find(id); s != samples_.end() && !called_.contains(id)) {
        called_.insert({id, true});
        s->second.real = minutes_between(issued_.at(id), at);
      }
      const char service = engine_.find_ticket(id)->service;
      if (gone_.contains(id)) {
        events_.insert({at + kNoShowTime, {Kind::gone, c.number}});
      } else {
        events_.insert({at + draw_visit(service), {Kind::finish, c.number}});
      }
    }
  }

  const queue::AgencyRules& rules_;
  Engine engine_;
  LegacyWaitEstimator legacy_;
  std::mt19937_64 random_;
  TimePoint midnight_;
  int weekday_;
  std::multimap<TimePoint, Event> events_;
  std::map<int, CounterSim> counters_;
  std::map<TicketId, Sample> samples_;
  std::map<TicketId, TimePoint> issued_;
  std::map<TicketId, bool> called_;
  std::map<TicketId, bool> gone_;
};

struct Figures {
  int tickets = 0;
  int inside = 0;
  int within3 = 0, within5 = 0;
  double abs_error = 0, error = 0;
  int no_estimate = 0;
  int over_twice_longest = 0;         ///< upper end (or the one number) > 2 × the day's longest wait
  int middle_over_twice_longest = 0;  ///< the middle > 2 × the day's longest wait
  int over_three_hours = 0;  ///< 3 h or more promised on a day when nobody waited 3 h
  std::vector<double> widths;
  std::vector<std::pair<double, const Sample*>> worst;  ///< |middle − real|, the sample
};

/// The range's bounds in minutes as a visitor reads them: "Vous êtes le prochain" is [0, 1].
std::pair<double, double> bounds(const WaitRange& w) {
  if (w.kind == WaitRange::Kind::next) return {0, 1};
  return {static_cast<double>(w.low.count()), static_cast<double>(w.high.count())};
}

void add(Figures& f, const Sample& s, std::optional<double> middle, std::optional<std::pair<double, double>> range,
         double longest_that_day) {
  ++f.tickets;
  if (!middle) {
    ++f.no_estimate;
    return;
  }
  const double e = *middle - s.real;
  f.abs_error += std::abs(e);
  f.error += e;
  if (std::abs(e) <= 3) ++f.within3;
  if (std::abs(e) <= 5) ++f.within5;
  const double promised_high = range ? range->second : *middle;
  const double twice = 2 * std::max(longest_that_day, 1.0);
  if (*middle > twice) {
    ++f.middle_over_twice_longest;
    if (range && std::getenv("PCN_BENCH_TRACE")) {
      std::printf("middle over: day %d %02d:%02d %c%s real %.1f promised %.0f–%.0f longest %.1f  %s\n", s.day,
                  s.minute / 60, s.minute % 60, s.service, s.priority ? " (prioritaire)" : "", s.real,
                  range->first, range->second, longest_that_day, s.state.c_str());
    }
  }
  if (promised_high > twice) {
    ++f.over_twice_longest;
    if (range && std::getenv("PCN_BENCH_TRACE")) {
      std::printf("over: day %d %02d:%02d %c real %.1f promised %.0f–%.0f longest %.1f  %s\n", s.day, s.minute / 60,
                  s.minute % 60, s.service, s.real, range->first, range->second, longest_that_day, s.state.c_str());
    }
  }
  if (promised_high >= 180 && longest_that_day < 180) ++f.over_three_hours;
  if (range) {
    if (s.real >= range->first && s.real <= range->second) ++f.inside;
    f.widths.push_back(range->second - range->first);
  }
  f.worst.push_back({std::abs(e), &s});
}

double pct(int n, int of) { return of == 0 ? 0 : 100.0 * n / of; }

void print_figures(const char* name, Figures& f, bool has_range, const std::vector<Sample>& samples) {
  const int estimated = f.tickets - f.no_estimate;
  std::printf("  %-22s", name);
  if (has_range) {
    std::printf(" inside %5.1f %%  width p50 %4.1f min |", pct(f.inside, f.tickets),
                f.widths.empty() ? 0.0 : percentile(f.widths, 0.5));
  } else {
    std::printf(" %35s|", "(one number, no range)");
  }
  std::printf(" ±3 %5.1f %%  ±5 %5.1f %%  MAE %5.2f min  bias %+5.2f min\n", pct(f.within3, f.tickets),
              pct(f.within5, f.tickets), estimated ? f.abs_error / estimated : 0.0,
              estimated ? f.error / estimated : 0.0);
  std::printf("  %-22s no estimate %d; over twice the day's longest real wait: %s %d", "", f.no_estimate,
              has_range ? "upper end" : "estimate", f.over_twice_longest);
  if (has_range) std::printf(", middle %d", f.middle_over_twice_longest);
  std::printf("; 3 h or more on a day nobody waited 3 h: %d\n", f.over_three_hours);
  std::sort(f.worst.begin(), f.worst.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < std::min<std::size_t>(3, f.worst.size()); ++i) {
    const Sample& s = *f.worst[i].second;
    std::printf("      worst: day %3d %02d:%02d %c%s real %6.1f min, promised %s\n", s.day, s.minute / 60,
                s.minute % 60, s.service, s.priority ? " (prioritaire)" : "", s.real,
                has_range ? (std::to_string(s.range.low.count()) + "–" + std::to_string(s.range.high.count()) + " min").c_str()
                          : (std::to_string(static_cast<int>(*s.legacy)) + " min").c_str());
    if (!s.state.empty()) std::printf("        %s\n", s.state.c_str());
  }
  (void)samples;
}

void run_load(const queue::AgencyRules& rules, double load, int load_index, int days) {
  util::LocalDate day{2027, 1, 4};
  TicketId last = 0;
  std::vector<std::vector<queue::Ticket>> previous;  // the last kHistoryDays days, oldest first
  std::vector<Sample> samples;
  std::vector<double> longest;  // per day index
  const auto started = Steady::now();
  for (int d = 0; d < days;) {
    const util::TimePoint noon = rules.zone.start_of(day) + std::chrono::hours(12);
    if (rules.hours.day(rules.zone.weekday_of(noon)).empty()) {
      day = day.next();
      continue;
    }
    std::vector<queue::Ticket> history;
    for (const auto& p : previous) history.insert(history.end(), p.begin(), p.end());
    DaySim sim(rules, day, last, history, load, kSeed + 1000 * static_cast<std::uint64_t>(load_index) + static_cast<std::uint64_t>(d));
    std::vector<Sample> played = sim.play(d);
    double day_longest = 0;
    for (const Sample& s : played) day_longest = std::max(day_longest, s.real);
    longest.push_back(day_longest);
    samples.insert(samples.end(), played.begin(), played.end());
    std::vector<queue::Ticket> kept;
    for (const auto& [id, t] : sim.engine().tickets()) kept.push_back(t);
    last = sim.engine().last_ticket_id();
    previous.push_back(std::move(kept));
    if (previous.size() > static_cast<std::size_t>(kHistoryDays * 5 / 7)) previous.erase(previous.begin());
    day = day.next();
    ++d;
  }
  Figures now, old;
  for (const Sample& s : samples) {
    const double l = longest[static_cast<std::size_t>(s.day)];
    std::optional<std::pair<double, double>> range;
    std::optional<double> middle;
    if (s.range.kind != WaitRange::Kind::no_counter) {
      range = bounds(s.range);
      middle = *s.range.middle();
    }
    add(now, s, middle, range, l);
    add(old, s, s.legacy, std::nullopt, l);
  }
  double mean_real = 0;
  for (const Sample& s : samples) mean_real += s.real;
  std::printf("\n== load %.2f: %d days, %zu tickets, mean real wait %.1f min, played in %.1f s\n", load, days,
              samples.size(), samples.empty() ? 0 : mean_real / static_cast<double>(samples.size()), seconds_since(started));
  print_figures("forecast (replay)", now, true, samples);
  print_figures("old formula", old, false, samples);
}

/// A busy moment: 200 tickets waiting, every counter at a visit, 150 served today.
queue::EngineState busy_moment(const queue::AgencyRules& rules, util::LocalDate day, TimePoint now) {
  queue::EngineState s;
  s.day = day;
  std::mt19937_64 random(kSeed);
  TicketId id = 0;
  std::map<char, int> numbers;
  auto ticket = [&](char service, TimePoint at) {
    queue::Ticket t;
    t.id = ++id;
    t.day = day;
    t.prefix = t.service = service;
    t.number = ++numbers[service];
    t.issued_at = t.queued_at = at;
    return t;
  };
  for (int i = 0; i < 150; ++i) {
    queue::Ticket t = ticket(kMix[static_cast<std::size_t>(i) % 6].service, now - std::chrono::minutes(300 - i));
    t.state = queue::TicketState::done;
    t.called_at = t.issued_at + std::chrono::minutes(20);
    t.finished_at = *t.called_at + std::chrono::minutes(5 + static_cast<int>(random() % 20));
    t.calls = 1;
    s.tickets.push_back(t);
  }
  for (const auto& c : rules.counters) {
    queue::Ticket t = ticket(c.services[0], now - std::chrono::minutes(40));
    t.state = queue::TicketState::called;
    t.called_at = now - std::chrono::minutes(4);
    t.counter = c.number;
    t.calls = 1;
    s.tickets.push_back(t);
    queue::Counter held = c;
    held.current = t.id;
    s.counters.push_back(held);
  }
  for (int i = 0; i < 200; ++i) {
    queue::Ticket t = ticket(kMix[static_cast<std::size_t>(random() % 6)].service, now - std::chrono::seconds(12000 - 60 * i));
    t.priority = random() % 20 == 0;
    s.tickets.push_back(t);
  }
  s.last_ticket_id = id;
  return s;
}

template <typename F>
double median_ms(int reps, F f) {
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    const auto start = Steady::now();
    f();
    ms.push_back(micros(Steady::now() - start) / 1000);
  }
  return percentile(ms, 0.5);
}

void run_cost(const queue::AgencyRules& rules) {
  const util::LocalDate day{2027, 1, 4};
  const TimePoint now = rules.zone.start_of(day) + std::chrono::hours(10);
  Engine engine(rules, day);
  engine.restore(busy_moment(rules, day, now));
  const LegacyWaitEstimator legacy(rules.services, rules.policy);
  const double one = median_ms(101, [&] { (void)engine.forecast_new('C', false, now); });
  const double loads = median_ms(101, [&] { (void)engine.loads(now); });
  const double old = median_ms(101, [&] {
    for (const auto& s : rules.services) (void)legacy.wait_for(s.prefix, 30, engine.tickets(), engine.counters());
  });
  std::printf("\n== cost on the hub, 200 tickets waiting, %zu counters busy, %zu services (median of 101)\n",
              rules.counters.size(), rules.services.size());
  std::printf("  one forecast (take_ticket)    %7.3f ms\n", one);
  std::printf("  loads, every service (event)  %7.3f ms\n", loads);
  std::printf("  old formula, every service    %7.3f ms   (forecast / old: %.1f×)\n", old, loads / std::max(old, 1e-6));
}

}  // namespace

}  // namespace pcn::bench

int main(int argc, char** argv) {
  using namespace pcn;
  int days = 200;
  std::string config = PCN_EXAMPLE_AGENCY;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--days") == 0 && i + 1 < argc) {
      days = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
      config = argv[++i];
    } else {
      bench::die(std::string("option inconnue : ") + argv[i] + " (--days N, --config FICHIER)");
    }
  }
  const auto loaded = bench::must(config::load_agency_config(config));
  const queue::AgencyRules rules = loaded.rules();
  std::printf("pcn-bench-waits: %s, %d days per load, seed %llu\n", config.c_str(), days,
              static_cast<unsigned long long>(bench::kSeed));
  for (std::size_t i = 0; i < std::size(bench::kLoads); ++i) bench::run_load(rules, bench::kLoads[i], static_cast<int>(i), days);
  bench::run_cost(rules);
  return 0;
}
