#include "agent-console/outcome_options.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "agent-console/action_command.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

using queue::OutcomeList;

util::Error bad_command_line(std::string message) {
  return util::make_error(std::string(kBadCommandLine), std::move(message));
}

std::string title(OutcomeList list) {
  return text::outcome_list_title(std::string(queue::to_string(list)));
}

std::string trimmed(std::string_view s) {
  auto begin = s.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  auto end = s.find_last_not_of(' ');
  return std::string(s.substr(begin, end - begin + 1));
}

/// A code as typed, compared as codes are written: "Non-Demande" → "non_demande".
std::string code_of(std::string_view typed) {
  std::string code = trimmed(typed);
  for (char& c : code) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c == '-') c = '_';
  }
  return code;
}

std::string joined(const std::vector<std::string>& words) {
  std::string all;
  for (const auto& w : words) all += (all.empty() ? "" : ", ") + w;
  return all;
}

util::Error unknown_code(const queue::OutcomeLists& lists, OutcomeList list,
                         const std::string& typed) {
  return bad_command_line(text::cli_outcome_unknown_code(queue::option_name(list), title(list),
                                                         trimmed(typed), lists.codes_text(list)));
}

/// The codes of `list` as typed, each checked.
util::Result<std::vector<std::string>> codes_of(const std::vector<std::string>& typed,
                                                OutcomeList list,
                                                const queue::OutcomeLists& lists) {
  const std::string option = queue::option_name(list);
  if (!queue::is_multiple(list) && typed.size() > 1) {
    return bad_command_line(text::cli_outcome_one_code_only(option, title(list), joined(typed)));
  }
  std::vector<std::string> codes;
  std::set<std::string> seen;
  for (const std::string& t : typed) {
    std::string code = code_of(t);
    if (lists.find(list, code) == nullptr) return unknown_code(lists, list, t);
    if (!seen.insert(code).second) {
      return bad_command_line(text::cli_outcome_repeated_code(option, title(list), code));
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

/// The one value of `option`: "" when not given; refused when given more than once.
util::Result<std::string> once(const std::vector<std::string>& values, const std::string& option) {
  if (values.size() > 1) return bad_command_line(text::cli_option_once(option, joined(values)));
  return values.empty() ? std::string() : trimmed(values.front());
}

/// A whole number typed for `option`, within [min, max].
util::Result<int> number_of(const std::vector<std::string>& typed, const std::string& option,
                            const std::string& missing, int min, int max,
                            std::string (*out_of_range)(int, int, int)) {
  auto digits = once(typed, option);
  if (!digits.ok()) return digits.error();
  if (digits->empty()) return bad_command_line(missing);
  int value = 0;
  auto [end, ec] = std::from_chars(digits->data(), digits->data() + digits->size(), value);
  if (ec != std::errc() || end != digits->data() + digits->size()) {
    return bad_command_line(text::cli_workshop_not_a_number(option, *digits));
  }
  if (value < min || value > max) return bad_command_line(out_of_range(value, min, max));
  return value;
}

/// The « code — label » lines of `choices`, indented; those with a group (themes) under its
/// heading, the groups in the order they first appear.
std::string choice_lines(const std::vector<queue::Choice>& choices) {
  std::vector<std::string> groups;
  for (const queue::Choice& c : choices) {
    if (std::find(groups.begin(), groups.end(), c.group) == groups.end()) {
      groups.push_back(c.group);
    }
  }
  std::string out;
  for (const std::string& group : groups) {
    if (!group.empty()) out += "  " + group + "\n";
    for (const queue::Choice& c : choices) {
      if (c.group != group) continue;
      out += (group.empty() ? "  " : "    ") + text::cli_outcome_choice(c.code, c.label) + "\n";
    }
  }
  return out;
}

}  // namespace

std::vector<std::string>& OutcomeOptions::typed(OutcomeList list) {
  return typed_[static_cast<std::size_t>(list)];
}

const std::vector<std::string>& OutcomeOptions::typed(OutcomeList list) const {
  return typed_[static_cast<std::size_t>(list)];
}

bool OutcomeOptions::empty() const {
  for (const auto& codes : typed_) {
    if (!codes.empty()) return false;
  }
  return true;
}

util::Result<std::optional<queue::Outcome>> outcome_from(const OutcomeOptions& options,
                                                         const queue::OutcomeLists& lists) {
  if (options.empty()) return std::optional<queue::Outcome>();
  queue::Outcome outcome;
  for (OutcomeList list : queue::kOutcomeLists) {
    auto codes = codes_of(options.typed(list), list, lists);
    if (!codes.ok()) return codes.error();
    outcome.set(list, std::move(*codes));
  }
  return std::optional<queue::Outcome>(std::move(outcome));
}

util::Result<queue::Workshop> workshop_from(const WorkshopOptions& options,
                                            const queue::OutcomeLists& lists) {
  using W = queue::Workshop;
  queue::Workshop w;
  auto typed_theme = once(options.theme, "--theme");
  if (!typed_theme.ok()) return typed_theme.error();
  if (typed_theme->empty()) {
    return bad_command_line(
        text::cli_workshop_theme_required(lists.codes_text(OutcomeList::theme)));
  }
  auto theme = codes_of({*typed_theme}, OutcomeList::theme, lists);
  if (!theme.ok()) return theme.error();
  w.theme = theme->front();
  auto participants =
      number_of(options.participants, "--participants", text::cli_workshop_participants_required(),
                W::kMinParticipants, W::kMaxParticipants, &text::workshop_bad_participants);
  if (!participants.ok()) return participants.error();
  w.participants = *participants;
  auto minutes = number_of(options.minutes, "--minutes", text::cli_workshop_minutes_required(),
                           W::kMinMinutes, W::kMaxMinutes, &text::workshop_bad_minutes);
  if (!minutes.ok()) return minutes.error();
  w.minutes = *minutes;
  return w;
}

std::string outcome_lists_text(const queue::OutcomeLists& lists) {
  std::string out;
  for (OutcomeList list : queue::kOutcomeLists) {
    if (!out.empty()) out += "\n";
    out += text::cli_outcome_list_heading(title(list), queue::option_name(list),
                                          queue::is_multiple(list)) +
           "\n";
    out += choice_lines(lists.choices(list));
  }
  return out;
}

nlohmann::ordered_json outcome_lists_json(const queue::OutcomeLists& lists) {
  nlohmann::ordered_json all = nlohmann::ordered_json::object();
  for (OutcomeList list : queue::kOutcomeLists) {
    nlohmann::ordered_json choices = nlohmann::ordered_json::array();
    for (const queue::Choice& c : lists.choices(list)) {
      nlohmann::ordered_json choice{{"code", c.code}, {"label", c.label}};
      if (list == OutcomeList::theme) choice["group"] = c.group;
      choices.push_back(std::move(choice));
    }
    all[std::string(queue::to_string(list))] = std::move(choices);
  }
  return all;
}

}  // namespace pcn::agent_console
