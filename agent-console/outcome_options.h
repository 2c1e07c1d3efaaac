// The command line's words for a visit's outcome and for a workshop, read against the agency's
// pick-lists (config [outcome], queue::OutcomeLists). Pure: no hub, no file, no clock.
//
//   finish / outcome NUMBER:  [--partner CODE]… [--theme CODE]… [--autonomy CODE] [--result CODE]
//       [--orientation CODE] [--first-visit oui|non|non_demande] [--age-band CODE]
//       [--situation CODE] [--commune CODE] [--equipment CODE]     (queue::option_name)
//   workshop:                 --theme CODE --participants P --minutes M
//   outcome --list [--json]:  every list, as text or as one JSON object
//
// Codes are compared after trimming spaces, lowering ASCII capitals and reading '-' as '_'
// ("Non-Demande" is non_demande). Every failure has the code kBadCommandLine (exit 2, nothing
// sent) and a French message naming the option; an unknown code's message lists the valid codes
// of that list.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "protocol/messages.h"
#include "queue/outcome.h"
#include "util/result.h"

namespace pcn::agent_console {

/// The outcome options as typed: for each list, its option's values in the order given.
class OutcomeOptions {
 public:
  std::vector<std::string>& typed(queue::OutcomeList list);
  const std::vector<std::string>& typed(queue::OutcomeList list) const;
  /// Whether no outcome option was given.
  bool empty() const;

 private:
  std::array<std::vector<std::string>, queue::kOutcomeLists.size()> typed_;
};

/// The outcome the options describe, every code checked against `lists`: nullopt when no option
/// was given ("non renseigné"). Refuses an unknown code (listing that list's codes), a single
/// list's option given more than once, and a code repeated in a multiple list.
util::Result<std::optional<queue::Outcome>> outcome_from(const OutcomeOptions& options,
                                                         const queue::OutcomeLists& lists);

/// A workshop's options as typed: each option's values in the order given (strings, so that
/// every mistake, a repeated option too, is told in French).
struct WorkshopOptions {
  std::vector<std::string> theme;
  std::vector<std::string> participants;
  std::vector<std::string> minutes;
};

/// The workshop (theme, participants, minutes; counter, day and time left to the caller and the
/// hub): each option given once, the theme a code of the theme list, participants and minutes
/// whole numbers within queue::Workshop's bounds.
util::Result<queue::Workshop> workshop_from(const WorkshopOptions& options,
                                            const queue::OutcomeLists& lists);

/// `outcome --list`: for each list in kOutcomeLists order, a heading (its French title, its
/// option, one or several codes) and one « code — label » line per choice, indented; themes under
/// their group's heading. Lists are separated by a blank line; the text ends with a newline.
std::string outcome_lists_text(const queue::OutcomeLists& lists);

/// `outcome --list --json`: one object whose members are the ten lists, in kOutcomeLists order,
/// keyed by queue::to_string: {"partner":[{"code":"cafat","label":"CAFAT"},…],
/// "theme":[{"code":"papiers","label":"Papiers et identité","group":"Démarches"},…],…}
/// ("group" for themes only). Ordered: members come out in the order given here.
nlohmann::ordered_json outcome_lists_json(const queue::OutcomeLists& lists);

}  // namespace pcn::agent_console
