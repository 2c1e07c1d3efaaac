#include "agent-console/action_command.h"

#include <charconv>
#include <memory>

#include "agent-console/status_report.h"
#include "protocol/messages.h"
#include "queue/ticket.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

using protocol::Json;

util::Error bad_command_line(std::string message) {
  return util::make_error(std::string(kBadCommandLine), std::move(message));
}

Json nullable(std::optional<queue::CounterNumber> counter) {
  return counter ? Json(*counter) : Json(nullptr);
}

Json action_name(std::optional<Action> action) {
  return action ? Json(std::string(command_word(*action))) : Json("status");
}

void print_json(std::ostream& out, const Json& j) { out << j.dump() << std::endl; }

/// Prints `e` (text on `err`, or the JSON failure on `out`) and returns `code`.
int fail(const util::Error& e, std::optional<Action> action,
         std::optional<queue::CounterNumber> counter, bool json, std::ostream& out,
         std::ostream& err, int code) {
  if (json) {
    print_json(out, {{"ok", false},
                     {"action", action_name(action)},
                     {"counter", nullable(counter)},
                     {"error", {{"code", e.code}, {"message", e.message}}}});
  } else {
    err << "agent-console : " << e.message << std::endl;
  }
  return code;
}

int exit_code_for(const util::Error& e) {
  return e.code == kUnreachable ? kExitUnreachable : kExitRefused;
}

util::Result<std::unique_ptr<client::Client>> one_shot(client::ClientOptions options) {
  options.follow = false;
  return client::Client::connect(std::move(options));
}

/// How long a request waits before "unreachable", rounded up to whole seconds.
int seconds_to_give_up(const client::ClientOptions& o) {
  auto total = o.request_timeout * (o.retries + 1);
  return int((total.count() + 999) / 1000);
}

Json member_or_null(const Json& result, const char* name) {
  if (!result.is_object()) return nullptr;
  auto it = result.find(name);
  return it == result.end() ? Json(nullptr) : *it;
}

std::string counter_line(const client::QueueState& state, const queue::Counter& counter) {
  const queue::Ticket* ticket = counter.current ? state.ticket(*counter.current) : nullptr;
  std::string serving =
      ticket ? text::console_serving(ticket->label()) : text::console_serving_nobody();
  std::string open =
      counter.paused ? text::console_counter_on_pause() : text::console_counter_open();
  return text::console_status_counter(counter.label, counter.agent, open, serving);
}

std::string known_counters(const std::vector<queue::Counter>& counters) {
  std::string list;
  for (const auto& c : counters) list += (list.empty() ? "" : ", ") + std::to_string(c.number);
  return list;
}

std::string known_services(const queue::ServiceList& services) {
  std::string list;
  for (const auto& s : services) {
    list += (list.empty() ? "" : ", ") + std::string(1, s.prefix) + " (" + s.label + ")";
  }
  return list;
}

/// Lower case for comparisons: ASCII letters and the Latin-1 capitals (À…Þ, UTF-8 C3 80…9E).
std::string folded(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') out[i] = char(c - 'A' + 'a');
    if (c == 0xC3 && i + 1 < out.size()) {
      auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = char(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::string trimmed(std::string_view s) {
  auto begin = s.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  auto end = s.find_last_not_of(' ');
  return std::string(s.substr(begin, end - begin + 1));
}

std::string joined(const std::vector<std::string>& words) {
  std::string all;
  for (const auto& w : words) all += (all.empty() ? "" : " ") + w;
  return all;
}

/// The reprint or outcome `a` with its ticket id: the label looked up in a snapshot of the hub.
util::Result<CounterAction> resolve_ticket(client::Client& client, const CounterAction& a) {
  auto snapshot = client.request(std::string(protocol::request_type::snapshot));
  if (!snapshot.ok()) return snapshot.error();
  client::QueueState today;
  if (auto loaded = today.load_snapshot(*snapshot); !loaded.ok()) return loaded.error();
  if (a.action == Action::outcome) return outcome_action(a.counter, a.number, a.outcome, today);
  return reprint_action(a.counter, a.number, today);
}

/// The counter of `a`, or nullopt for an outcome corrected without --counter (counter 0).
std::optional<queue::CounterNumber> counter_of(const CounterAction& a) {
  if (a.counter < 1) return std::nullopt;
  return a.counter;
}

/// The action's request; an action without a counter sends no args.counter.
RequestSpec request_sent(const CounterAction& a) {
  RequestSpec spec = request_for(a);
  if (!counter_of(a)) spec.args.erase("counter");
  return spec;
}

/// What the command line says when `a` failed with `e`.
std::string failure_text(const CounterAction& a, const util::Error& e, const std::string& endpoint,
                         const client::QueueState& state) {
  if (e.code == kUnreachable && !counter_of(a)) {
    return text::outcome_unreachable(endpoint, action_phrase(a, state));
  }
  return describe_failure(a, e, endpoint, state);
}

Json success_json(const CounterAction& a, const std::string& message, const Json& reply) {
  Json j{{"ok", true},
         {"action", command_word(a.action)},
         {"counter", nullable(counter_of(a))},
         {"message", message},
         {"ticket", member_or_null(reply, "ticket")},
         {"counter_state", member_or_null(reply, "counter")},
         {"seq", member_or_null(reply, "seq")}};
  if (a.action == Action::workshop) j["workshop"] = member_or_null(reply, "workshop");
  return j;
}

util::Error bad_words(const std::vector<std::string>& words) {
  return bad_command_line(text::cli_unexpected_arguments(joined(words)));
}

/// `outcome NUMBER [options]`: the counter is optional, the outcome required.
util::Result<CounterAction> correction_from(const std::string& counter,
                                            const std::vector<std::string>& words,
                                            const OutcomeOptions& outcome,
                                            const std::vector<queue::Counter>& counters,
                                            const queue::OutcomeLists& lists) {
  CounterAction a;
  a.action = Action::outcome;
  a.counter = 0;
  if (!trimmed(counter).empty()) {
    auto number = counter_argument(counter, counters);
    if (!number.ok()) return number.error();
    a.counter = *number;
  }
  if (trimmed(joined(words)).empty()) return bad_command_line(text::cli_outcome_ticket_required());
  auto label = ticket_argument(joined(words));
  if (!label.ok()) return label.error();
  a.number = *label;
  auto chosen = outcome_from(outcome, lists);
  if (!chosen.ok()) return chosen.error();
  if (!*chosen) return bad_command_line(text::cli_outcome_nothing_given());
  a.outcome = std::move(*chosen);
  return a;
}

}  // namespace

int run_action(client::ClientOptions options, const CounterAction& action, bool json,
               std::ostream& out, std::ostream& err, const queue::ServiceList& services) {
  const std::string endpoint = options.request_endpoint;
  auto report = [&](const util::Error& e, const client::QueueState& state) {
    util::Error told{e.code, failure_text(action, e, endpoint, state)};
    return fail(told, action.action, counter_of(action), json, out, err, exit_code_for(e));
  };
  auto client = one_shot(std::move(options));
  if (!client.ok()) {
    return fail(client.error(), action.action, counter_of(action), json, out, err, kExitRefused);
  }
  client::QueueState state;  // only the labels: describe_success needs no more
  state.services = services;
  auto hello = (*client)->request(std::string(protocol::request_type::hello));
  if (!hello.ok()) return report(hello.error(), state);

  CounterAction sent = action;
  const bool by_label = action.action == Action::reprint || action.action == Action::outcome;
  if (by_label && action.ticket == 0) {
    auto resolved = resolve_ticket(**client, action);
    if (!resolved.ok()) return report(resolved.error(), state);
    sent = *resolved;
  }
  RequestSpec spec = request_sent(sent);
  auto reply = (*client)->request(spec.type, spec.args);
  if (!reply.ok()) return report(reply.error(), state);
  std::string message = describe_success(sent, *reply, state);
  if (json) {
    print_json(out, success_json(sent, message, *reply));
  } else {
    out << message << std::endl;
  }
  return kExitDone;
}

int run_outcome_list(const queue::OutcomeLists& lists, bool json, std::ostream& out) {
  if (json) {
    out << outcome_lists_json(lists).dump() << std::endl;
  } else {
    out << outcome_lists_text(lists) << std::flush;
  }
  return kExitDone;
}

int run_status_command(client::ClientOptions options, std::optional<queue::CounterNumber> counter,
                       bool json, std::ostream& out, std::ostream& err) {
  const std::string endpoint = options.request_endpoint;
  const int seconds = seconds_to_give_up(options);
  auto failed = [&](const util::Error& e) {
    return fail(e, std::nullopt, counter, json, out, err, exit_code_for(e));
  };
  auto client = one_shot(std::move(options));
  if (!client.ok()) return failed(client.error());
  auto snapshot = (*client)->request(std::string(protocol::request_type::snapshot));
  if (!snapshot.ok()) {
    if (snapshot.error().code != kUnreachable) return failed(snapshot.error());
    return failed({std::string(kUnreachable), text::client_hub_unreachable(endpoint, seconds)});
  }
  client::QueueState state;
  if (auto loaded = state.load_snapshot(*snapshot); !loaded.ok()) return failed(loaded.error());
  std::string report;
  if (counter) {
    auto it = state.counters.find(*counter);
    if (it == state.counters.end()) {
      return failed({std::string(protocol::error_code::unknown_counter),
                     text::unknown_counter(*counter)});
    }
    report = counter_line(state, it->second) + "\n\n";
  }
  const client::SnapshotLink central = client::central_link_of(*snapshot);  // when it ships
  report += status_report(state, central.link, central.hub_now);
  if (json) {
    print_json(out, {{"ok", true},
                     {"action", "status"},
                     {"counter", nullable(counter)},
                     {"message", report},
                     {"snapshot", *snapshot}});
  } else {
    out << report << std::flush;
  }
  return kExitDone;
}

int print_failure(const util::Error& error, std::optional<Action> action,
                  std::optional<queue::CounterNumber> counter, bool json, std::ostream& out,
                  std::ostream& err) {
  int code = error.code == kBadCommandLine ? kExitUsage : exit_code_for(error);
  return fail(error, action, counter, json, out, err, code);
}

util::Result<queue::CounterNumber> counter_number(const std::string& typed) {
  std::string digits = trimmed(typed);
  queue::CounterNumber number = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || number < 1) {
    return bad_command_line(text::console_counter_not_a_number(typed, ""));
  }
  return number;
}

util::Result<queue::CounterNumber> counter_argument(const std::string& typed,
                                                    const std::vector<queue::Counter>& counters) {
  const std::string known = known_counters(counters);
  if (trimmed(typed).empty()) return bad_command_line(text::console_counter_required(known));
  auto number = counter_number(typed);
  if (!number.ok()) return bad_command_line(text::console_counter_not_a_number(typed, known));
  for (const auto& c : counters) {
    if (c.number == *number) return *number;
  }
  return bad_command_line(text::console_counter_not_configured(*number, known));
}

util::Result<char> service_argument(std::string_view typed, const queue::ServiceList& services) {
  const std::string wanted = folded(trimmed(typed));
  const std::string known = known_services(services);
  if (wanted.empty()) return bad_command_line(text::console_service_required(known));
  for (const auto& s : services) {
    bool prefix = wanted.size() == 1 && wanted == folded(std::string(1, s.prefix));
    if (prefix || wanted == folded(s.label) || wanted == folded(s.code)) return s.prefix;
  }
  return bad_command_line(text::console_service_not_found(trimmed(typed), known));
}

util::Result<std::string> ticket_argument(std::string_view typed) {
  std::string t = trimmed(typed);
  if (t.empty()) return bad_command_line(text::console_ticket_required());
  auto label = queue::parse_ticket_label(t);
  if (!label) return bad_command_line(text::console_ticket_not_a_label(t));
  return queue::ticket_label(label->prefix, label->number);
}

util::Result<CounterAction> counter_action_from(Action action, const std::string& counter,
                                                const std::vector<std::string>& words,
                                                const std::vector<queue::Counter>& counters,
                                                const queue::ServiceList& services) {
  CounterAction a;
  a.action = action;
  auto number = counter_argument(counter, counters);
  if (!number.ok()) return number.error();
  a.counter = *number;
  if (action == Action::transfer) {
    auto service = service_argument(joined(words), services);
    if (!service.ok()) return service.error();
    a.service = *service;
  } else if (action == Action::call_number || action == Action::reprint) {
    if (action == Action::reprint && trimmed(joined(words)).empty()) {
      return bad_command_line(text::reprint_ticket_required());
    }
    auto label = ticket_argument(joined(words));
    if (!label.ok()) return label.error();
    a.number = *label;
  } else if (!words.empty()) {
    return bad_command_line(text::cli_unexpected_arguments(joined(words)));
  }
  return a;
}

util::Result<CounterAction> visit_action_from(Action action, const std::string& counter,
                                              const std::vector<std::string>& words,
                                              const OutcomeOptions& outcome,
                                              const WorkshopOptions& workshop,
                                              const std::vector<queue::Counter>& counters,
                                              const queue::ServiceList& services,
                                              const queue::OutcomeLists& lists) {
  if (action == Action::outcome) {
    return correction_from(counter, words, outcome, counters, lists);
  }
  if (action != Action::workshop) {
    auto a = counter_action_from(action, counter, words, counters, services);
    if (!a.ok() || action != Action::finish) return a;
    auto chosen = outcome_from(outcome, lists);
    if (!chosen.ok()) return chosen.error();
    a->outcome = std::move(*chosen);
    return a;
  }
  CounterAction a;
  a.action = Action::workshop;
  auto number = counter_argument(counter, counters);
  if (!number.ok()) return number.error();
  a.counter = *number;
  if (!words.empty()) return bad_words(words);
  auto w = workshop_from(workshop, lists);
  if (!w.ok()) return w.error();
  a.workshop = std::move(*w);
  a.workshop.counter = a.counter;
  return a;
}

}  // namespace pcn::agent_console
