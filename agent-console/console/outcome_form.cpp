#include "console/outcome_form.h"

#include <algorithm>
#include <utility>

#include "text/catalog.h"

namespace pcn::console {

using queue::OutcomeList;

namespace {

/// The theme lines, one per group in the order of their first choice.
std::vector<FormLine> theme_lines(const queue::OutcomeLists& lists) {
  std::vector<FormLine> out;
  const auto& themes = lists.choices(OutcomeList::theme);
  for (std::size_t i = 0; i < themes.size(); ++i) {
    auto same = [&](const FormLine& l) { return l.group == themes[i].group; };
    auto it = std::find_if(out.begin(), out.end(), same);
    if (it == out.end()) {
      out.push_back({OutcomeList::theme, themes[i].group, {}});
      it = out.end() - 1;
    }
    it->choices.push_back(i);
  }
  return out;
}

std::string note_of(const FormLine& line, bool one_theme) {
  if (line.list == OutcomeList::theme) {
    return one_theme ? text::console_workshop_note_theme() : text::console_outcome_note_multiple();
  }
  if (queue::is_multiple(line.list)) return text::console_outcome_note_multiple();
  if (line.list == OutcomeList::first_visit) return text::console_outcome_note_first_visit();
  if (is_optional_line(line.list)) return text::console_outcome_note_optional();
  return {};
}

}  // namespace

bool is_optional_line(OutcomeList list) {
  return queue::is_profile(list) || list == OutcomeList::equipment;
}

std::vector<FormLine> outcome_lines(const queue::OutcomeLists& lists) {
  std::vector<FormLine> out;
  for (OutcomeList list : queue::kOutcomeLists) {
    if (list == OutcomeList::theme) {
      for (FormLine& l : theme_lines(lists)) out.push_back(std::move(l));
      continue;
    }
    FormLine line{list, {}, {}};
    for (std::size_t i = 0; i < lists.choices(list).size(); ++i) line.choices.push_back(i);
    if (!line.choices.empty()) out.push_back(std::move(line));
  }
  return out;
}

std::vector<FormLine> workshop_lines(const queue::OutcomeLists& lists) {
  return theme_lines(lists);
}

OutcomeForm::OutcomeForm(const queue::OutcomeLists& lists, std::vector<FormLine> lines,
                         queue::Outcome start, bool one_theme)
    : lists_(&lists), lines_(std::move(lines)), outcome_(std::move(start)), one_theme_(one_theme) {}

void OutcomeForm::choose(std::size_t line, std::size_t choice) {
  if (line >= lines_.size() || choice >= lines_[line].choices.size()) return;
  const FormLine& l = lines_[line];
  const auto& all = lists_->choices(l.list);
  const std::string& code = all[l.choices[choice]].code;
  std::vector<std::string> codes = outcome_.codes(l.list);
  const bool chosen = std::find(codes.begin(), codes.end(), code) != codes.end();
  const bool several = queue::is_multiple(l.list) && !one_theme_;
  if (chosen) {
    std::erase(codes, code);
  } else if (several) {
    codes.push_back(code);
    // In the list's order, so that the same choices always give the same outcome.
    std::vector<std::string> ordered;
    for (const queue::Choice& c : all) {
      if (std::find(codes.begin(), codes.end(), c.code) != codes.end()) ordered.push_back(c.code);
    }
    codes = std::move(ordered);
  } else {
    codes = {code};
  }
  outcome_.set(l.list, std::move(codes));
  focus_ = line;
  if (!several && !chosen && line + 1 < lines_.size()) focus_ = line + 1;
}

void OutcomeForm::focus(std::size_t line) {
  if (line < lines_.size()) focus_ = line;
}

std::vector<FormRow> OutcomeForm::rows() const {
  std::vector<FormRow> out;
  for (const FormLine& l : lines_) {
    FormRow row;
    row.title = l.list == OutcomeList::theme && !l.group.empty()
                    ? l.group
                    : text::console_outcome_line_title(std::string(queue::to_string(l.list)));
    row.note = note_of(l, one_theme_);
    row.optional = is_optional_line(l.list);
    const std::vector<std::string> codes = outcome_.codes(l.list);
    for (std::size_t i : l.choices) {
      const queue::Choice& c = lists_->choices(l.list)[i];
      const bool chosen = std::find(codes.begin(), codes.end(), c.code) != codes.end();
      row.choices.push_back({c.label, chosen});
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace pcn::console
