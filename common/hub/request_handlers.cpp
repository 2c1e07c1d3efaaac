#include "hub/request_handlers.h"

#include <map>

#include "hub/hub.h"
#include "text/catalog.h"

namespace pcn::hub {

namespace {

using protocol::Json;

Json encode_all(const auto& rows) {
  Json out = Json::array();
  for (const auto& row : rows) out.push_back(protocol::encode(row));
  return out;
}

template <typename Map>
Json encode_values(const Map& rows) {
  Json out = Json::array();
  for (const auto& [key, row] : rows) out.push_back(protocol::encode(row));
  return out;
}

const queue::Ticket* ticket_in(const queue::Change& c) {
  for (const auto& t : c.tickets) {
    if (c.ticket && t.id == *c.ticket) return &t;
  }
  return nullptr;
}

}  // namespace

RequestHandlers::Handler RequestHandlers::find(const std::string& type) {
  static const std::map<std::string, Handler> table{
      {"hello", &RequestHandlers::hello},
      {"snapshot", &RequestHandlers::snapshot},
      {"take_ticket", &RequestHandlers::take_ticket},
      {"call_next", &RequestHandlers::call_next},
      {"call_ticket", &RequestHandlers::call_ticket},
      {"recall", &RequestHandlers::recall},
      {"no_show", &RequestHandlers::no_show},
      {"finish", &RequestHandlers::finish},
      {"transfer", &RequestHandlers::transfer},
      {"pause", &RequestHandlers::pause},
      {"resume", &RequestHandlers::resume},
      {"update_counter", &RequestHandlers::update_counter},
      {"report_print", &RequestHandlers::report_print},
      {"close_day", &RequestHandlers::close_day},
      {"tickets", &RequestHandlers::tickets},
      {"reprint", &RequestHandlers::reprint},
      {"record_outcome", &RequestHandlers::record_outcome},
      {"record_workshop", &RequestHandlers::record_workshop},
  };
  auto it = table.find(type);
  return it == table.end() ? nullptr : it->second;
}

std::string RequestHandlers::handle(const protocol::Request& request) {
  Handler h = find(request.type);
  if (!h) return refuse(request, util::make_error("unknown_type", text::unknown_request_type(request.type)));
  return (this->*h)(request);
}

std::string RequestHandlers::refuse(const protocol::Request& r, const util::Error& error) {
  ++hub_.stats_.refused;
  return protocol::reply_error(r.req, error);
}

util::TimePoint RequestHandlers::now() const { return hub_.clock_.now(); }

Json RequestHandlers::agency() const {
  return {{"id", hub_.options_.agency.id},
          {"name", hub_.options_.agency.name},
          {"timezone", hub_.options_.rules.zone.name()}};
}

// --- Reading -------------------------------------------------------------------------------

std::string RequestHandlers::hello(const protocol::Request& r) {
  return protocol::reply_ok(r.req, {{"epoch", hub_.epoch_},
                                    {"seq", hub_.seq_},
                                    {"role", role_},
                                    {"agency", agency()},
                                    {"protocol", protocol::kProtocolVersion}});
}

std::string RequestHandlers::snapshot(const protocol::Request& r) {
  const queue::Engine& e = hub_.engine_;
  protocol::Json result{{"epoch", hub_.epoch_},
                        {"seq", hub_.seq_},
                        {"now", util::to_unix_ms(now())},
                        {"day", e.day().to_string()},
                        {"agency", agency()},
                        {"services", encode_all(e.rules().services)},
                        {"counters", encode_values(e.counters())},
                        {"tickets", encode_values(e.tickets())},
                        {"loads", encode_all(e.loads(now()))}};
  if (auto link = hub_.central_link()) result["central"] = protocol::encode(*link);
  return protocol::reply_ok(r.req, std::move(result));
}

std::string RequestHandlers::tickets(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  util::LocalDate from, to;
  f.read("from", from).read("to", to);
  if (!f.ok()) return refuse(r, f.error());
  auto rows = hub_.store_.tickets_between(from, to);
  if (!rows.ok()) return refuse(r, rows.error());
  auto workshops = hub_.store_.workshops_between(from, to);
  if (!workshops.ok()) return refuse(r, workshops.error());
  return protocol::reply_ok(r.req,
                            {{"tickets", encode_all(*rows)}, {"workshops", encode_all(*workshops)}});
}

// --- Kiosk ---------------------------------------------------------------------------------

std::string RequestHandlers::take_ticket(const protocol::Request& r) {
  auto test = protocol::arg_bool_or(r.args, "test", false);
  if (!test.ok()) return refuse(r, test.error());
  if (*test) return take_test_ticket(r);
  protocol::Fields f(r.args, "args");
  char service = 'A';
  f.read_letter("service", service);
  if (!f.ok()) return refuse(r, f.error());
  auto priority = protocol::arg_bool_or(r.args, "priority", false);
  if (!priority.ok()) return refuse(r, priority.error());
  auto decision = hub_.engine_.issue(service, *priority, now());
  if (!decision.ok()) return refuse(r, decision.error());
  const queue::Ticket& t = decision->tickets.front();
  int ahead = hub_.engine_.ahead_of(t);
  // the newcomer's forecast is the one the ticket gets once applied (wait_estimate.h)
  const queue::WaitRange wait = hub_.engine_.forecast_new(service, *priority, decision->at);
  return hub_.commit(*decision, &r, [&](std::int64_t seq) {
    Json result{{"ticket", protocol::encode(t)},
                {"ahead", ahead},
                {"seq", seq}};
    protocol::encode_wait(wait, result);
    if (const auto& follow = hub_.options_.follow) {
      result["suivi"] = follow->url(hub_.options_.agency.id, t.day, t.id);
    }
    return result;
  });
}

std::string RequestHandlers::take_test_ticket(const protocol::Request& r) {
  const auto& services = hub_.engine_.rules().services;
  char service = services.empty() ? '?' : services.front().prefix;
  if (auto given = r.args.find("service"); given != r.args.end() && !given->is_null()) {
    auto letter = protocol::arg_service(r.args, "service");
    if (!letter.ok()) return refuse(r, letter.error());
    service = *letter;
  }
  auto priority = protocol::arg_bool_or(r.args, "priority", false);
  if (!priority.ok()) return refuse(r, priority.error());
  auto decision = hub_.engine_.test_ticket(service, now());
  if (!decision.ok()) return refuse(r, decision.error());
  Json ticket = protocol::encode_test_ticket(service, *priority, decision->day, decision->at);
  return hub_.commit(*decision, &r, [&](std::int64_t seq) {
    return Json{{"ticket", ticket},
                {"ahead", 0},
                {"estimated_wait_minutes", nullptr},
                {"wait_kind", "none"},
                {"test", true},
                {"seq", seq}};
  });
}

std::string RequestHandlers::report_print(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  std::int64_t id = 0;
  bool printed = false;
  f.read("ticket", id, 1).read("printed", printed);
  if (!f.ok()) return refuse(r, f.error());
  auto error = protocol::arg_text_or(r.args, "error", protocol::kMaxPrintErrorBytes);
  if (!error.ok()) return refuse(r, error.error());
  auto duplicate = protocol::arg_bool_or(r.args, "duplicate", false);
  if (!duplicate.ok()) return refuse(r, duplicate.error());
  auto state = printed ? queue::PrintState::printed : queue::PrintState::failed;
  auto decision = *duplicate ? hub_.engine_.report_reprint(id, state, *error, now())
                             : hub_.engine_.report_print(id, state, *error, now());
  if (!decision.ok()) return refuse(r, decision.error());
  return hub_.commit(*decision, &r, [&](std::int64_t seq) {
    return Json{{"ticket", protocol::encode(decision->tickets.front())}, {"seq", seq}};
  });
}

std::string RequestHandlers::reprint(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  std::int64_t id = 0;
  std::optional<int> counter;
  f.read("ticket", id, 1).read("counter", counter, 1);
  if (!f.ok()) return refuse(r, f.error());
  auto decision = hub_.engine_.reprint(id, counter, now());
  if (!decision.ok()) return refuse(r, decision.error());
  return hub_.commit(*decision, &r, [&](std::int64_t seq) {
    return Json{{"ticket", protocol::encode(decision->tickets.front())}, {"seq", seq}};
  });
}

util::Result<std::optional<queue::Outcome>> RequestHandlers::outcome_arg(
    const protocol::Request& r, const char* key) const {
  auto it = r.args.find(key);
  if (it == r.args.end() || it->is_null()) return std::optional<queue::Outcome>();
  auto outcome = protocol::decode_outcome_at(*it, std::string("args.") + key);
  if (!outcome.ok()) return outcome.error();
  return std::optional<queue::Outcome>(std::move(*outcome));
}

std::string RequestHandlers::record_outcome(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  std::int64_t id = 0;
  std::optional<int> counter;
  f.read("ticket", id, 1).read("counter", counter, 1);
  if (!f.ok()) return refuse(r, f.error());
  auto outcome = outcome_arg(r, "outcome");
  if (!outcome.ok()) return refuse(r, outcome.error());
  auto decision = hub_.engine_.record_outcome(id, *outcome, counter, now());
  if (!decision.ok()) return refuse(r, decision.error());
  return hub_.commit(*decision, &r, [&](std::int64_t seq) {
    return Json{{"ticket", protocol::encode(decision->tickets.front())}, {"seq", seq}};
  });
}

std::string RequestHandlers::record_workshop(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  queue::Workshop w;
  f.read("participants", w.participants, 0).read("minutes", w.minutes, 0);
  f.read("counter", w.counter, 1);
  if (!f.ok()) return refuse(r, f.error());
  auto theme = protocol::decode_code_at(r.args.contains("theme") ? r.args.at("theme") : Json(),
                                        "args.theme");
  if (!theme.ok()) return refuse(r, theme.error());
  w.theme = *theme;
  auto decision = hub_.engine_.record_workshop(w, now());
  if (!decision.ok()) return refuse(r, decision.error());
  return hub_.commit(*decision, &r, [&](std::int64_t seq) {
    queue::Workshop recorded = *decision->workshop;
    recorded.seq = seq;
    return Json{{"workshop", protocol::encode(recorded)}, {"seq", seq}};
  });
}

// --- Counters ------------------------------------------------------------------------------

std::string RequestHandlers::counter_reply(const protocol::Request& r,
                                           const util::Result<queue::Change>& decision) {
  if (!decision.ok()) return refuse(r, decision.error());
  const queue::Change& change = *decision;
  return hub_.commit(change, &r, [&](std::int64_t seq) {
    const queue::Ticket* t = ticket_in(change);
    queue::Counter counter = hub_.engine_.counters().at(*change.counter);
    for (const auto& c : change.counters) {
      if (c.number == counter.number) counter = c;
    }
    return Json{{"ticket", t ? protocol::encode(*t) : Json(nullptr)},
                {"counter", protocol::encode(counter)},
                {"seq", seq}};
  });
}

std::string RequestHandlers::counter_action(const protocol::Request& r, CounterAction action) {
  protocol::Fields f(r.args, "args");
  int counter = 0;
  f.read("counter", counter, 1);
  if (!f.ok()) return refuse(r, f.error());
  return counter_reply(r, (hub_.engine_.*action)(counter, now()));
}

std::string RequestHandlers::call_next(const protocol::Request& r) {
  return counter_action(r, &queue::Engine::call_next);
}
std::string RequestHandlers::recall(const protocol::Request& r) {
  return counter_action(r, &queue::Engine::recall);
}
std::string RequestHandlers::no_show(const protocol::Request& r) {
  return counter_action(r, &queue::Engine::no_show);
}
std::string RequestHandlers::finish(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  int counter = 0;
  std::optional<std::int64_t> expected;  // the ticket the agent recorded the outcome for
  f.read("counter", counter, 1).read("ticket", expected, 1);
  if (!f.ok()) return refuse(r, f.error());
  auto outcome = outcome_arg(r, "outcome");
  if (!outcome.ok()) return refuse(r, outcome.error());
  return counter_reply(r, hub_.engine_.finish_with(counter, *outcome, now(), expected));
}
std::string RequestHandlers::pause(const protocol::Request& r) {
  return counter_action(r, &queue::Engine::pause);
}
std::string RequestHandlers::resume(const protocol::Request& r) {
  return counter_action(r, &queue::Engine::resume);
}

std::string RequestHandlers::call_ticket(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  int counter = 0;
  f.read("counter", counter, 1);
  if (!f.ok()) return refuse(r, f.error());
  if (auto given = protocol::arg_string(r.args, "label"); !given.ok()) return refuse(r, given.error());
  auto label = protocol::arg_text_or(r.args, "label", protocol::kMaxLabelBytes);
  if (!label.ok()) return refuse(r, label.error());
  return counter_reply(r, hub_.engine_.call_ticket(counter, *label, now()));
}

std::string RequestHandlers::transfer(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  int counter = 0;
  char service = 'A';
  f.read("counter", counter, 1).read_letter("service", service);
  if (!f.ok()) return refuse(r, f.error());
  return counter_reply(r, hub_.engine_.transfer(counter, service, now()));
}

std::string RequestHandlers::update_counter(const protocol::Request& r) {
  protocol::Fields f(r.args, "args");
  int counter = 0;
  std::string services;
  f.read("counter", counter, 1).read_letters("services", services);
  if (!f.ok()) return refuse(r, f.error());
  auto agent = protocol::arg_text_or(r.args, "agent", protocol::kMaxAgentBytes);
  if (!agent.ok()) return refuse(r, agent.error());
  return counter_reply(r, hub_.engine_.update_counter(counter, services, *agent, now()));
}

// --- Supervisor ----------------------------------------------------------------------------

std::string RequestHandlers::close_day(const protocol::Request& r) {
  auto decision = hub_.engine_.close_day(now());
  if (!decision.ok()) return refuse(r, decision.error());
  return hub_.commit(*decision, &r, [&](std::int64_t seq) {
    return Json{{"seq", seq}, {"closed", decision->tickets.size()}};
  });
}

}  // namespace pcn::hub
