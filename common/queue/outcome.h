// What a visit achieved: the outcome an agent records when a visitor leaves the counter, and the
// collective workshops (ateliers) recorded without a ticket.
//
// Every member is a code from one of the agency's pick-lists (OutcomeLists, configured in the
// agency TOML's [outcome] table, with the pilot's defaults). There is no free text and nothing
// that identifies a person: codes only. An empty member (or an empty list of codes) is "non
// renseigné"; a visit finished with "Passer", or by calling the next visitor, has no Outcome.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/clock.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::queue {

using CounterNumber = int;  ///< as in ticket.h (which includes this header)

/// The pick-lists, in the order the outcome screen and the report show them.
enum class OutcomeList {
  partner,      ///< several codes: CAFAT, EEC…
  theme,        ///< several codes, each in a group (démarches, numérique)
  autonomy,     ///< one code: from "fait à la place" to "autonome"
  result,       ///< one code
  orientation,  ///< one code
  first_visit,  ///< one code: oui, non, non_demande
  age_band,     ///< profile (optional), one code
  situation,    ///< profile, one code
  commune,      ///< profile, one code
  equipment,    ///< one code
};

inline constexpr std::array<OutcomeList, 10> kOutcomeLists{
    OutcomeList::partner,     OutcomeList::theme,       OutcomeList::autonomy,
    OutcomeList::result,      OutcomeList::orientation, OutcomeList::first_visit,
    OutcomeList::age_band,    OutcomeList::situation,   OutcomeList::commune,
    OutcomeList::equipment};

/// "partner", "theme", "autonomy", "result", "orientation", "first_visit", "age_band",
/// "situation", "commune", "equipment": the key in the TOML [outcome] table, in JSON, in reports.
std::string_view to_string(OutcomeList list);
std::optional<OutcomeList> outcome_list_from(std::string_view name);
/// The command-line option of the list: "--partner", "--first-visit", "--age-band"…
std::string option_name(OutcomeList list);
/// Whether several codes may be chosen (partner, theme); otherwise at most one.
bool is_multiple(OutcomeList list);
/// Whether the list describes the person (age_band, situation, commune): reports show its
/// counts under 5 as "< 5".
bool is_profile(OutcomeList list);

/// The code of autonomy "fait à la place par l’agent (avec l’accord de la personne)", whose share
/// over time the pilot follows.
inline constexpr std::string_view kDoneForThem = "fait_a_la_place";

/// One entry of a pick-list.
struct Choice {
  std::string code;   ///< [a-z0-9_], 1–32 bytes, unique in its list
  std::string label;  ///< French, shown to agents and in reports; not empty
  std::string group;  ///< themes only: "Démarches" or "Numérique" (shown as headings); else ""
};

/// The agency's pick-lists. Codes are at most kMaxCodeBytes bytes of [a-z0-9_].
class OutcomeLists {
 public:
  static constexpr std::size_t kMaxCodeBytes = 32;
  static constexpr std::size_t kMaxChoices = 60;  ///< per list

  /// The pilot's defaults (the lists; communes of the six pilot agencies and a few more).
  static OutcomeLists defaults();

  const std::vector<Choice>& choices(OutcomeList list) const;
  std::vector<Choice>& choices(OutcomeList list);
  /// The choice with `code` in `list`, or nullptr.
  const Choice* find(OutcomeList list, std::string_view code) const;
  /// Its label, or the code itself when it is unknown (e.g. a list changed since).
  std::string label(OutcomeList list, std::string_view code) const;
  /// The list's codes as messages name them: "cafat, eec, enercal".
  std::string codes_text(OutcomeList list) const;

  /// Whether `text` has the shape of a code: 1 to kMaxCodeBytes bytes of [a-z0-9_].
  static bool is_code(std::string_view text);

 private:
  std::array<std::vector<Choice>, kOutcomeLists.size()> lists_;
};

/// The outcome of one visit: for each list, the chosen codes (none = "non renseigné").
struct Outcome {
  std::vector<std::string> partner;
  std::vector<std::string> theme;
  std::string autonomy;
  std::string result;
  std::string orientation;
  std::string first_visit;
  std::string age_band;
  std::string situation;
  std::string commune;
  std::string equipment;

  /// The codes chosen in `list` (0 or 1 for a single list).
  std::vector<std::string> codes(OutcomeList list) const;
  /// Sets the codes of `list`. REQUIRES: at most one code for a single list.
  void set(OutcomeList list, std::vector<std::string> codes);
  /// Whether no list has a code.
  bool empty() const;

  friend bool operator==(const Outcome&, const Outcome&) = default;
};

/// Checks `outcome` against the lists: every code known in its list, at most one code in a single
/// list, no code twice. Fails with "unknown_code" (French message naming the list, the code and
/// the valid codes) or "bad_request" (two codes in a single list, a repeat).
util::Status check_outcome(const Outcome& outcome, const OutcomeLists& lists);

/// A collective workshop recorded without a ticket.
struct Workshop {
  std::int64_t seq = 0;      ///< the event that recorded it (0 until committed)
  util::LocalDate day;       ///< business day
  util::TimePoint at{};      ///< when it was recorded
  std::string theme;         ///< a theme code
  int participants = 1;      ///< kMinParticipants..kMaxParticipants
  int minutes = 60;          ///< duration, kMinMinutes..kMaxMinutes
  std::optional<CounterNumber> counter;  ///< the counter that recorded it, if any

  static constexpr int kMinParticipants = 1;
  static constexpr int kMaxParticipants = 99;
  static constexpr int kMinMinutes = 5;
  static constexpr int kMaxMinutes = 480;

  friend bool operator==(const Workshop&, const Workshop&) = default;
};

/// Checks the theme code against the lists and the participants and minutes against their
/// bounds: "unknown_code" or "bad_request".
util::Status check_workshop(const Workshop& workshop, const OutcomeLists& lists);

}  // namespace pcn::queue
