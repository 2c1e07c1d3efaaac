#include "agent-console/counter_action.h"

#include <array>
#include <utility>

#include "protocol/codec.h"
#include "queue/ticket.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

constexpr std::array<std::pair<Action, std::string_view>, 11> kWords{{
    {Action::call_next, "call-next"},
    {Action::recall, "recall"},
    {Action::no_show, "no-show"},
    {Action::finish, "finish"},
    {Action::transfer, "transfer"},
    {Action::call_number, "call"},
    {Action::pause, "pause"},
    {Action::resume, "resume"},
    {Action::reprint, "reprint"},
    {Action::outcome, "outcome"},
    {Action::workshop, "workshop"},
}};

std::string_view request_type(Action a) {
  namespace rt = protocol::request_type;
  switch (a) {
    case Action::call_next: return rt::call_next;
    case Action::recall: return rt::recall;
    case Action::no_show: return rt::no_show;
    case Action::finish: return rt::finish;
    case Action::transfer: return rt::transfer;
    case Action::call_number: return rt::call_ticket;
    case Action::pause: return rt::pause;
    case Action::resume: return rt::resume;
    case Action::reprint: return rt::reprint;
    case Action::outcome: return rt::record_outcome;
    case Action::workshop: return rt::record_workshop;
  }
  return rt::call_next;
}

std::string service_label(const client::QueueState& state, char prefix) {
  const queue::Service* s = state.service(prefix);
  return s ? s->label : std::string(1, prefix);
}

/// The counter's label from the reply, else from the state, else "Guichet N".
std::string counter_label(const CounterAction& a, const protocol::Json& result,
                          const client::QueueState& state) {
  if (result.is_object()) {
    auto it = result.find("counter");
    if (it != result.end() && it->is_object()) {
      auto label = it->find("label");
      if (label != it->end() && label->is_string()) return label->get<std::string>();
    }
  }
  auto found = state.counters.find(a.counter);
  if (found != state.counters.end() && !found->second.label.empty()) return found->second.label;
  return text::display_counter_number(a.counter);
}

std::optional<queue::Ticket> result_ticket(const protocol::Json& result) {
  if (!result.is_object()) return std::nullopt;
  auto it = result.find("ticket");
  if (it == result.end() || it->is_null()) return std::nullopt;
  auto ticket = protocol::decode_ticket_at(*it, "result.ticket");
  if (!ticket.ok()) return std::nullopt;
  return *ticket;
}

std::string describe_ticket_action(const CounterAction& a, const std::string& counter,
                                   const queue::Ticket& t, const client::QueueState& state) {
  const std::string label = t.label();
  switch (a.action) {
    case Action::call_next:
    case Action::call_number:
      return text::counter_action_called(counter, label, service_label(state, t.service));
    case Action::recall: return text::counter_action_recalled(counter, label, t.calls);
    case Action::no_show:
      return t.state == queue::TicketState::waiting
                 ? text::counter_action_no_show_requeued(counter, label)
                 : text::counter_action_no_show_closed(counter, label);
    case Action::finish: return text::counter_action_finished(counter, label);
    case Action::transfer:
      return text::counter_action_transferred(counter, label, service_label(state, t.service));
    case Action::pause: return text::counter_action_paused(counter);
    case Action::resume: return text::counter_action_resumed(counter);
    case Action::reprint: return text::reprint_requested(label);
    case Action::outcome: return text::outcome_corrected(label);
    case Action::workshop: break;
  }
  return text::counter_action_done(counter, action_phrase(a, state));
}

}  // namespace

std::string_view command_word(Action a) {
  for (const auto& [action, word] : kWords) {
    if (action == a) return word;
  }
  return "?";
}

std::optional<Action> action_from_word(std::string_view word) {
  for (const auto& [action, w] : kWords) {
    if (w == word) return action;
  }
  return std::nullopt;
}

RequestSpec request_for(const CounterAction& a) {
  RequestSpec spec{std::string(request_type(a.action)), {{"counter", a.counter}}};
  if (a.action == Action::transfer) spec.args["service"] = std::string(1, a.service);
  if (a.action == Action::call_number) spec.args["label"] = a.number;
  if (a.action == Action::reprint) spec.args["ticket"] = a.ticket;
  if (a.action == Action::finish && a.outcome) spec.args["outcome"] = protocol::encode(*a.outcome);
  if (a.action == Action::finish && a.ticket != 0) spec.args["ticket"] = a.ticket;
  if (a.action == Action::outcome) {
    spec.args["ticket"] = a.ticket;
    spec.args["outcome"] = a.outcome ? protocol::encode(*a.outcome) : protocol::Json(nullptr);
  }
  if (a.action == Action::workshop) {
    spec.args["theme"] = a.workshop.theme;
    spec.args["participants"] = a.workshop.participants;
    spec.args["minutes"] = a.workshop.minutes;
  }
  return spec;
}

util::Result<CounterAction> outcome_action(queue::CounterNumber counter, std::string_view label,
                                           std::optional<queue::Outcome> outcome,
                                           const client::QueueState& state) {
  auto a = reprint_action(counter, label, state);
  if (!a.ok()) return a.error();
  a->action = Action::outcome;
  a->outcome = std::move(outcome);
  return a;
}

util::Result<CounterAction> reprint_action(queue::CounterNumber counter, std::string_view label,
                                           const client::QueueState& state) {
  auto parsed = queue::parse_ticket_label(label);
  if (!parsed) {
    return util::make_error(std::string(protocol::error_code::unknown_ticket),
                            text::unknown_ticket(std::string(label)));
  }
  const std::string canonical = queue::ticket_label(parsed->prefix, parsed->number);
  for (const auto& [id, t] : state.tickets) {
    if (t.day == state.day && t.prefix == parsed->prefix && t.number == parsed->number) {
      CounterAction a;
      a.action = Action::reprint;
      a.counter = counter;
      a.number = canonical;
      a.ticket = id;
      return a;
    }
  }
  return util::make_error(std::string(protocol::error_code::unknown_ticket),
                          text::unknown_ticket(canonical));
}

std::string action_phrase(const CounterAction& a, const client::QueueState& state) {
  switch (a.action) {
    case Action::call_next: return text::counter_action_call_next();
    case Action::recall: return text::counter_action_recall();
    case Action::no_show: return text::counter_action_no_show();
    case Action::finish: return text::counter_action_finish();
    case Action::transfer: return text::counter_action_transfer(service_label(state, a.service));
    case Action::call_number: return text::counter_action_call_number(a.number);
    case Action::pause: return text::counter_action_pause();
    case Action::resume: return text::counter_action_resume();
    case Action::reprint: return text::reprint_phrase(a.number);
    case Action::outcome: return text::outcome_phrase(a.number);
    case Action::workshop: return text::workshop_phrase();
  }
  return std::string(command_word(a.action));
}

std::string describe_success(const CounterAction& a, const protocol::Json& result,
                             const client::QueueState& state) {
  const std::string counter = counter_label(a, result, state);
  if (a.action == Action::pause) return text::counter_action_paused(counter);
  if (a.action == Action::resume) return text::counter_action_resumed(counter);
  if (a.action == Action::workshop) {
    return text::workshop_recorded(a.workshop.participants, a.workshop.minutes);
  }
  auto ticket = result_ticket(result);
  if (!ticket) return text::counter_action_done(counter, action_phrase(a, state));
  return describe_ticket_action(a, counter, *ticket, state);
}

std::string describe_failure(const CounterAction& a, const util::Error& error,
                             const std::string& hub_endpoint, const client::QueueState& state) {
  if (error.code == kUnreachable) {
    return text::counter_action_unreachable(hub_endpoint, a.counter, action_phrase(a, state));
  }
  return error.message;
}

}  // namespace pcn::agent_console
