#include "queue/engine.h"

#include <algorithm>
#include <cmath>

#include "text/catalog.h"

namespace pcn::queue {

namespace {

using util::make_error;

std::string state_text(TicketState s) {
  switch (s) {
    case TicketState::waiting: return text::state_waiting();
    case TicketState::called: return text::state_called();
    case TicketState::done: return text::state_done();
    case TicketState::absent: return text::state_absent();
    case TicketState::unserved: return text::state_unserved();
  }
  return "?";
}

/// Back in a service's waiting line: nobody is serving it any more.
Ticket requeued(Ticket t, util::TimePoint queued_at) {
  t.state = TicketState::waiting;
  t.queued_at = queued_at;
  t.called_at.reset();
  t.counter.reset();
  return t;
}

Ticket closed(Ticket t, TicketState state, util::TimePoint at) {
  t.state = state;
  t.finished_at = at;
  return t;
}

Counter holding(Counter c, std::optional<TicketId> ticket) {
  c.current = ticket;
  return c;
}

}  // namespace

Engine::Engine(AgencyRules rules, util::LocalDate day)
    : rules_(std::move(rules)), day_(day), estimator_(rules_.services, rules_.policy, rules_.zone) {
  for (const auto& c : rules_.counters) counters_[c.number] = c;
}

void Engine::restore(const EngineState& state) {
  day_ = state.day;
  tickets_.clear();
  last_number_.clear();
  for (const auto& t : state.tickets) {
    tickets_[t.id] = t;
    last_number_[t.prefix] = std::max(last_number_[t.prefix], t.number);
  }
  counters_.clear();
  for (const auto& c : rules_.counters) counters_[c.number] = c;
  for (const auto& stored : state.counters) {
    auto it = counters_.find(stored.number);
    if (it == counters_.end()) continue;
    std::string services;
    for (char s : stored.services) {
      if (find_service(rules_.services, s)) services.push_back(s);
    }
    if (!services.empty()) it->second.services = services;
    it->second.paused = stored.paused;
    it->second.current = stored.current;
    it->second.agent = stored.agent;
  }
  priority_streak_ = state.priority_streak;
  last_id_ = std::max(state.last_ticket_id, tickets_.empty() ? 0 : tickets_.rbegin()->first);
}

Change Engine::begin(ChangeKind kind, util::TimePoint now) const {
  Change c;
  c.kind = kind;
  c.at = now;
  c.day = day_;
  c.priority_streak = priority_streak_;
  return c;
}

// --- Issuing ---------------------------------------------------------------------------------

Engine::Decision Engine::issue(char service, bool priority, util::TimePoint now) const {
  if (rules_.zone.date_of(now) != day_) return make_error("stale_day", text::stale_day(day_.to_string()));
  if (!find_service(rules_.services, service)) {
    return make_error("unknown_service", text::unknown_service(std::string(1, service)));
  }
  if (!rules_.hours.is_open(rules_.zone, now)) return make_error("agency_closed", text::agency_closed());
  Ticket t;
  t.id = last_id_ + 1;
  t.day = day_;
  t.prefix = service;
  auto last = last_number_.find(service);
  t.number = (last == last_number_.end() ? 0 : last->second) + 1;
  t.service = service;
  t.priority = priority;
  t.issued_at = t.queued_at = now;
  Change change = begin(ChangeKind::ticket_issued, now);
  change.ticket = t.id;
  change.tickets.push_back(t);
  return change;
}

// --- Counters --------------------------------------------------------------------------------

util::Result<const Counter*> Engine::usable_counter(CounterNumber n, util::TimePoint now) const {
  if (rules_.zone.date_of(now) != day_) return make_error("stale_day", text::stale_day(day_.to_string()));
  auto it = counters_.find(n);
  if (it == counters_.end()) return make_error("unknown_counter", text::unknown_counter(n));
  return &it->second;
}

util::Result<const Ticket*> Engine::held_ticket(const Counter& c) const {
  const Ticket* t = c.current ? find_ticket(*c.current) : nullptr;
  if (!t) return make_error("no_ticket_at_counter", text::no_ticket_at_counter(c.number));
  return t;
}

const Ticket* Engine::next_for(const Counter& c, bool* is_priority_call, bool* normal_waiting) const {
  const Ticket* first_priority = nullptr;
  const Ticket* first_normal = nullptr;
  bool use_priority = rules_.policy.priority_max_in_row > 0;
  for (const auto& [id, t] : tickets_) {
    if (t.state != TicketState::waiting || !c.serves(t.service)) continue;
    const Ticket*& best = (use_priority && t.priority) ? first_priority : first_normal;
    if (!best || before_in_line(t, *best)) best = &t;
  }
  *normal_waiting = first_normal != nullptr;
  const bool turn = priority_turn(first_priority != nullptr, first_normal != nullptr,
                                  priority_streak_, rules_.policy);
  *is_priority_call = turn;
  return turn ? first_priority : first_normal;
}

Engine::Decision Engine::call(const Counter& c, const Ticket& t, bool priority_call,
                              bool normal_waiting, util::TimePoint now) const {
  Change change = begin(ChangeKind::ticket_called, now);
  if (c.current && *c.current != t.id) {
    if (const Ticket* held = find_ticket(*c.current)) {
      change.tickets.push_back(closed(*held, TicketState::done, now));
    }
  }
  Ticket called = t;
  called.state = TicketState::called;
  called.called_at = now;
  called.finished_at.reset();
  called.counter = c.number;
  ++called.calls;
  change.tickets.push_back(called);
  change.counters.push_back(holding(c, t.id));
  change.counter = c.number;
  change.ticket = t.id;
  change.priority_streak = priority_call && normal_waiting ? priority_streak_ + 1 : 0;
  return change;
}

Engine::Decision Engine::call_next(CounterNumber n, util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  const Counter& counter = **c;
  if (counter.paused) return make_error("counter_paused", text::counter_paused(n));
  bool priority_call = false;
  bool normal_waiting = false;
  const Ticket* t = next_for(counter, &priority_call, &normal_waiting);
  if (!t) return make_error("queue_empty", text::queue_empty(n));
  return call(counter, *t, priority_call, normal_waiting, now);
}

Engine::Decision Engine::call_ticket(CounterNumber n, const std::string& label,
                                     util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  const Counter& counter = **c;
  if (counter.paused) return make_error("counter_paused", text::counter_paused(n));
  auto parsed = parse_ticket_label(label);
  const Ticket* t = parsed ? find_ticket(parsed->prefix, parsed->number) : nullptr;
  if (!t) return make_error("unknown_ticket", text::unknown_ticket(label));
  if (t->state == TicketState::called) {
    if (t->counter == n) return recall(n, now);
    return make_error("ticket_not_callable", text::ticket_at_other_counter(t->label(), *t->counter));
  }
  if (t->state != TicketState::waiting && t->state != TicketState::absent) {
    return make_error("ticket_not_callable", text::ticket_not_callable(t->label(), state_text(t->state)));
  }
  // A call by number is the agent's choice: it does not count in the priority streak.
  Decision d = call(counter, *t, false, false, now);
  if (d.ok()) d->priority_streak = priority_streak_;
  return d;
}

Engine::Decision Engine::recall(CounterNumber n, util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  auto t = held_ticket(**c);
  if (!t.ok()) return t.error();
  Change change = begin(ChangeKind::ticket_recalled, now);
  Ticket recalled = **t;
  ++recalled.calls;
  change.tickets.push_back(recalled);
  change.counter = n;
  change.ticket = recalled.id;
  return change;
}

Engine::Decision Engine::no_show(CounterNumber n, util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  auto t = held_ticket(**c);
  if (!t.ok()) return t.error();
  Ticket absent = **t;
  bool back_in_line = absent.no_shows < rules_.policy.no_show_requeues;
  ++absent.no_shows;
  absent = back_in_line ? requeued(absent, now) : closed(absent, TicketState::absent, now);
  Change change = begin(ChangeKind::ticket_no_show, now);
  change.tickets.push_back(absent);
  change.counters.push_back(holding(**c, std::nullopt));
  change.counter = n;
  change.ticket = absent.id;
  return change;
}

Engine::Decision Engine::finish(CounterNumber n, util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  auto t = held_ticket(**c);
  if (!t.ok()) return t.error();
  Change change = begin(ChangeKind::ticket_finished, now);
  change.tickets.push_back(closed(**t, TicketState::done, now));
  change.counters.push_back(holding(**c, std::nullopt));
  change.counter = n;
  change.ticket = (*t)->id;
  return change;
}

Engine::Decision Engine::finish_with(CounterNumber n, const std::optional<Outcome>& outcome,
                                     util::TimePoint now, std::optional<TicketId> expected) const {
  if (outcome) PCN_TRY(check_outcome(*outcome, rules_.outcomes));
  auto change = finish(n, now);
  if (!change.ok()) return change;
  if (expected && change->ticket != *expected) {
    auto it = tickets_.find(*expected);
    const std::string label = it != tickets_.end() ? it->second.label() : std::to_string(*expected);
    return make_error("ticket_not_at_counter", text::ticket_not_at_counter(label, n));
  }
  change->tickets.front().outcome = outcome;
  return change;
}

Engine::Decision Engine::transfer(CounterNumber n, char service, util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  auto t = held_ticket(**c);
  if (!t.ok()) return t.error();
  const Service* target = find_service(rules_.services, service);
  if (!target) return make_error("unknown_service", text::unknown_service(std::string(1, service)));
  const Ticket& held = **t;
  if (held.service == service) return make_error("same_service", text::same_service(held.label(), target->label));
  util::TimePoint place = now;
  if (rules_.policy.transfer_placement == Placement::arrival) place = held.issued_at;
  if (rules_.policy.transfer_placement == Placement::front) {
    for (const auto& [id, other] : tickets_) {
      if (other.state == TicketState::waiting && other.service == service &&
          other.priority == held.priority && other.queued_at <= place) {
        place = other.queued_at - util::Millis(1);
      }
    }
  }
  Ticket moved = requeued(held, place);
  moved.service = service;
  ++moved.transfers;
  Change change = begin(ChangeKind::ticket_transferred, now);
  change.tickets.push_back(moved);
  change.counters.push_back(holding(**c, std::nullopt));
  change.counter = n;
  change.ticket = moved.id;
  return change;
}

Engine::Decision Engine::pause(CounterNumber n, util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  const Counter& counter = **c;
  if (counter.paused) return make_error("counter_paused", text::counter_already_paused(n));
  if (counter.current) {
    const Ticket* held = find_ticket(*counter.current);
    return make_error("counter_busy", text::counter_busy(n, held ? held->label() : "?"));
  }
  Counter paused = counter;
  paused.paused = true;
  Change change = begin(ChangeKind::counter_paused, now);
  change.counters.push_back(paused);
  change.counter = n;
  return change;
}

Engine::Decision Engine::resume(CounterNumber n, util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  if (!(*c)->paused) return make_error("counter_not_paused", text::counter_not_paused(n));
  Counter resumed = **c;
  resumed.paused = false;
  Change change = begin(ChangeKind::counter_resumed, now);
  change.counters.push_back(resumed);
  change.counter = n;
  return change;
}

Engine::Decision Engine::update_counter(CounterNumber n, const std::string& services,
                                        const std::string& agent, util::TimePoint now) const {
  auto c = usable_counter(n, now);
  if (!c.ok()) return c.error();
  std::string cleaned;
  for (char s : services) {
    if (!find_service(rules_.services, s)) {
      return make_error("unknown_service", text::unknown_service(std::string(1, s)));
    }
    if (cleaned.find(s) == std::string::npos) cleaned.push_back(s);
  }
  if (cleaned.empty()) return make_error("bad_request", text::counter_needs_service(n));
  Counter updated = **c;
  updated.services = cleaned;
  updated.agent = agent;
  Change change = begin(ChangeKind::counter_updated, now);
  change.counters.push_back(updated);
  change.counter = n;
  return change;
}

Engine::Decision Engine::print_outcome(ChangeKind kind, TicketId id, PrintState state,
                                       const std::string& error, util::TimePoint now) const {
  const Ticket* t = find_ticket(id);
  if (!t) return make_error("unknown_ticket", text::unknown_ticket(std::to_string(id)));
  Ticket reported = *t;
  reported.print = state;
  reported.print_error = state == PrintState::failed ? error : "";
  Change change = begin(kind, now);
  change.tickets.push_back(reported);
  change.ticket = id;
  return change;
}

Engine::Decision Engine::report_print(TicketId id, PrintState state, const std::string& error,
                                      util::TimePoint now) const {
  return print_outcome(ChangeKind::ticket_printed, id, state, error, now);
}

Engine::Decision Engine::report_reprint(TicketId id, PrintState state, const std::string& error,
                                        util::TimePoint now) const {
  return print_outcome(ChangeKind::ticket_reprinted, id, state, error, now);
}

Engine::Decision Engine::reprint(TicketId id, std::optional<CounterNumber> counter,
                                 util::TimePoint now) const {
  if (counter && !counters_.contains(*counter)) {
    return make_error("unknown_counter", text::unknown_counter(*counter));
  }
  const Ticket* t = find_ticket(id);
  if (!t) return make_error("unknown_ticket", text::unknown_ticket(std::to_string(id)));
  Change change = begin(ChangeKind::reprint_requested, now);
  change.tickets.push_back(*t);
  change.ticket = id;
  change.counter = counter;
  return change;
}

Engine::Decision Engine::record_outcome(TicketId id, const std::optional<Outcome>& outcome,
                                        std::optional<CounterNumber> counter,
                                        util::TimePoint now) const {
  if (rules_.zone.date_of(now) != day_) {
    return make_error("stale_day", text::stale_day(day_.to_string()));
  }
  if (counter && !counters_.contains(*counter)) {
    return make_error("unknown_counter", text::unknown_counter(*counter));
  }
  const Ticket* t = find_ticket(id);
  if (!t) return make_error("unknown_ticket", text::unknown_ticket(std::to_string(id)));
  if (t->state != TicketState::done) {
    return make_error("ticket_not_served", text::ticket_not_served(t->label(), state_text(t->state)));
  }
  if (outcome) PCN_TRY(check_outcome(*outcome, rules_.outcomes));
  Change change = begin(ChangeKind::outcome_recorded, now);
  change.tickets.push_back(*t);
  change.tickets.back().outcome = outcome;
  change.ticket = id;
  change.counter = counter;
  return change;
}

Engine::Decision Engine::record_workshop(Workshop workshop, util::TimePoint now) const {
  if (rules_.zone.date_of(now) != day_) {
    return make_error("stale_day", text::stale_day(day_.to_string()));
  }
  if (workshop.counter && !counters_.contains(*workshop.counter)) {
    return make_error("unknown_counter", text::unknown_counter(*workshop.counter));
  }
  PCN_TRY(check_workshop(workshop, rules_.outcomes));
  Change change = begin(ChangeKind::workshop_recorded, now);
  workshop.seq = 0;
  workshop.day = day_;
  workshop.at = now;
  change.counter = workshop.counter;
  change.workshop = std::move(workshop);
  return change;
}

Engine::Decision Engine::test_ticket(char service, util::TimePoint now) const {
  if (rules_.zone.date_of(now) != day_) {
    return make_error("stale_day", text::stale_day(day_.to_string()));
  }
  if (!find_service(rules_.services, service)) {
    return make_error("unknown_service", text::unknown_service(std::string(1, service)));
  }
  return begin(ChangeKind::test_ticket, now);
}

// --- Close of day ----------------------------------------------------------------------------

std::vector<Ticket> Engine::closed_open_tickets(util::TimePoint at) const {
  std::vector<Ticket> out;
  for (const auto& [id, t] : tickets_) {
    if (t.state == TicketState::waiting) out.push_back(closed(t, TicketState::unserved, at));
    if (t.state == TicketState::called) out.push_back(closed(t, TicketState::done, at));
  }
  return out;
}

std::vector<Counter> Engine::freed_counters() const {
  std::vector<Counter> out;
  for (const auto& [n, c] : counters_) {
    if (c.current) out.push_back(holding(c, std::nullopt));
  }
  return out;
}

Engine::Decision Engine::close_day(util::TimePoint now) const {
  if (rules_.zone.date_of(now) != day_) return make_error("stale_day", text::stale_day(day_.to_string()));
  Change change = begin(ChangeKind::day_closed, now);
  change.tickets = closed_open_tickets(now);
  change.counters = freed_counters();
  change.priority_streak = 0;
  return change;
}

std::optional<Change> Engine::roll_over(util::TimePoint now) const {
  util::LocalDate today = rules_.zone.date_of(now);
  if (today <= day_) return std::nullopt;
  // Tickets left open are closed at the end of their own day, even if the hub was off overnight.
  util::TimePoint end_of_day = rules_.zone.start_of(day_.next()) - util::Millis(1);
  Change change = begin(ChangeKind::day_rolled, now);
  change.tickets = closed_open_tickets(std::min(now, end_of_day));
  change.counters = freed_counters();
  change.day = today;
  change.priority_streak = 0;
  return change;
}

// --- Applying --------------------------------------------------------------------------------

void Engine::apply(const Change& change) {
  for (const auto& t : change.tickets) {
    tickets_[t.id] = t;
    last_id_ = std::max(last_id_, t.id);
    if (t.day == day_) last_number_[t.prefix] = std::max(last_number_[t.prefix], t.number);
  }
  for (const auto& c : change.counters) {
    auto it = counters_.find(c.number);
    if (it != counters_.end()) it->second = c;
  }
  priority_streak_ = change.priority_streak;
  if (change.day != day_) {
    day_ = change.day;
    std::erase_if(tickets_, [&](const auto& kv) { return kv.second.day != day_; });
    last_number_.clear();
    for (const auto& [id, t] : tickets_) {
      last_number_[t.prefix] = std::max(last_number_[t.prefix], t.number);
    }
  }
}

// --- Reading ---------------------------------------------------------------------------------

const Ticket* Engine::find_ticket(TicketId id) const {
  auto it = tickets_.find(id);
  return it == tickets_.end() ? nullptr : &it->second;
}

const Ticket* Engine::find_ticket(char prefix, int number) const {
  for (const auto& [id, t] : tickets_) {
    if (t.prefix == prefix && t.number == number) return &t;
  }
  return nullptr;
}

std::vector<ServiceLoad> Engine::loads(util::TimePoint now) const {
  return estimator_.loads({tickets_, counters_, priority_streak_, now});
}

int Engine::ahead_of(const Ticket& ticket) const {
  return tickets_ahead(tickets_, ticket, rules_.policy.priority_max_in_row > 0);
}

WaitRange Engine::forecast(const Ticket& ticket, util::TimePoint now) const {
  return estimator_.for_ticket(ticket, {tickets_, counters_, priority_streak_, now});
}

WaitRange Engine::forecast_new(char service, bool priority, util::TimePoint now) const {
  return estimator_.for_new(service, priority, {tickets_, counters_, priority_streak_, now});
}

std::optional<std::chrono::minutes> Engine::estimated_wait(const Ticket& ticket,
                                                           util::TimePoint now) const {
  auto m = forecast(ticket, now).middle();
  if (!m) return std::nullopt;
  return std::chrono::minutes(std::lround(*m));
}

}  // namespace pcn::queue
