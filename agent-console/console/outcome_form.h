// What the outcome page and the workshop page hold while the agent chooses: the lines of
// choices made from the agency's pick-lists, what is chosen, and which line the digit keys
// pick in. Pure values: no drawing, no hub.
//
// Lines: one per list in the order of queue::kOutcomeLists, the themes split by their group
// (« Démarches », « Numérique ») into one line each; the profile lists (age band, situation,
// commune) and the equipment are marked optional. The workshop page has the theme lines only.
// Choosing: in a list of several (partner, theme) a choice toggles; in a list of one, choosing
// replaces the previous choice, choosing the chosen one again clears it, and the digit keys then
// move to the next line. On the workshop page the theme is one code across its lines.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "console/console_view.h"
#include "queue/outcome.h"

namespace pcn::console {

/// One line: a list, or one group of the themes; `choices` index lists.choices(list).
struct FormLine {
  queue::OutcomeList list = queue::OutcomeList::partner;
  std::string group;  ///< themes: the group shown as the line's title
  std::vector<std::size_t> choices;
};

/// The outcome page's lines (every list; empty lists are left out).
std::vector<FormLine> outcome_lines(const queue::OutcomeLists& lists);
/// The workshop page's lines: the themes, by group.
std::vector<FormLine> workshop_lines(const queue::OutcomeLists& lists);

/// Whether the outcome page shows `list` as optional (the profile and the equipment).
bool is_optional_line(queue::OutcomeList list);

class OutcomeForm {
 public:
  /// `lists` must outlive the form. `one_theme`: the workshop page (a single theme).
  OutcomeForm(const queue::OutcomeLists& lists, std::vector<FormLine> lines,
              queue::Outcome start, bool one_theme = false);

  /// Chooses or un-chooses choice `choice` of line `line`; ignored when there is none.
  void choose(std::size_t line, std::size_t choice);
  /// The line the digit keys pick in; ignored past the last line.
  void focus(std::size_t line);
  std::size_t focused() const { return focus_; }

  /// What is chosen, codes in each list's order.
  const queue::Outcome& outcome() const { return outcome_; }
  /// The lines as the page draws them.
  std::vector<FormRow> rows() const;

 private:
  const queue::OutcomeLists* lists_;
  std::vector<FormLine> lines_;
  queue::Outcome outcome_;
  bool one_theme_;
  std::size_t focus_ = 0;
};

}  // namespace pcn::console
