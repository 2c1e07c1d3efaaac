#include "queue/outcome.h"

#include <algorithm>
#include <set>

#include "text/catalog.h"
#include "util/enum_names.h"

namespace pcn::queue {

namespace {

constexpr util::EnumNames<OutcomeList, 10> kNames{{
    {OutcomeList::partner, "partner"},
    {OutcomeList::theme, "theme"},
    {OutcomeList::autonomy, "autonomy"},
    {OutcomeList::result, "result"},
    {OutcomeList::orientation, "orientation"},
    {OutcomeList::first_visit, "first_visit"},
    {OutcomeList::age_band, "age_band"},
    {OutcomeList::situation, "situation"},
    {OutcomeList::commune, "commune"},
    {OutcomeList::equipment, "equipment"},
}};

std::size_t index_of(OutcomeList list) { return static_cast<std::size_t>(list); }

std::string title(OutcomeList list) {
  return text::outcome_list_title(std::string(to_string(list)));
}

util::Status check_codes(OutcomeList list, const std::vector<std::string>& codes,
                         const OutcomeLists& lists) {
  if (!is_multiple(list) && codes.size() > 1) {
    return util::make_error("bad_request", text::outcome_one_code_only(title(list)));
  }
  std::set<std::string> seen;
  for (const std::string& code : codes) {
    if (lists.find(list, code) == nullptr) {
      return util::make_error(
          "unknown_code",
          text::outcome_unknown_code(title(list), code, lists.codes_text(list)));
    }
    if (!seen.insert(code).second) {
      return util::make_error("bad_request", text::outcome_repeated_code(title(list), code));
    }
  }
  return util::Status::success();
}

/// The member of a single list (Outcome or const Outcome); nullptr for partner and theme.
template <typename O>
auto single_member(O& o, OutcomeList list) -> decltype(&o.autonomy) {
  switch (list) {
    case OutcomeList::autonomy: return &o.autonomy;
    case OutcomeList::result: return &o.result;
    case OutcomeList::orientation: return &o.orientation;
    case OutcomeList::first_visit: return &o.first_visit;
    case OutcomeList::age_band: return &o.age_band;
    case OutcomeList::situation: return &o.situation;
    case OutcomeList::commune: return &o.commune;
    case OutcomeList::equipment: return &o.equipment;
    case OutcomeList::partner:
    case OutcomeList::theme: break;
  }
  return nullptr;
}

}  // namespace

std::string_view to_string(OutcomeList list) { return util::enum_name(kNames, list); }

std::optional<OutcomeList> outcome_list_from(std::string_view name) {
  return util::enum_value(kNames, name);
}

std::string option_name(OutcomeList list) {
  std::string name(to_string(list));
  std::replace(name.begin(), name.end(), '_', '-');
  return "--" + name;
}

bool is_multiple(OutcomeList list) {
  return list == OutcomeList::partner || list == OutcomeList::theme;
}

bool is_profile(OutcomeList list) {
  return list == OutcomeList::age_band || list == OutcomeList::situation ||
         list == OutcomeList::commune;
}

OutcomeLists OutcomeLists::defaults() {
  OutcomeLists lists;
  for (OutcomeList list : kOutcomeLists) {
    for (const text::DefaultChoice& c :
         text::default_outcome_choices(std::string(to_string(list)))) {
      lists.choices(list).push_back(Choice{c.code, c.label, c.group});
    }
  }
  return lists;
}

const std::vector<Choice>& OutcomeLists::choices(OutcomeList list) const {
  return lists_[index_of(list)];
}

std::vector<Choice>& OutcomeLists::choices(OutcomeList list) { return lists_[index_of(list)]; }

const Choice* OutcomeLists::find(OutcomeList list, std::string_view code) const {
  for (const Choice& c : choices(list)) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

std::string OutcomeLists::label(OutcomeList list, std::string_view code) const {
  const Choice* c = find(list, code);
  return c != nullptr ? c->label : std::string(code);
}

std::string OutcomeLists::codes_text(OutcomeList list) const {
  std::string out;
  for (const Choice& c : choices(list)) out += (out.empty() ? "" : ", ") + c.code;
  return out;
}

bool OutcomeLists::is_code(std::string_view text) {
  if (text.empty() || text.size() > kMaxCodeBytes) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::vector<std::string> Outcome::codes(OutcomeList list) const {
  if (list == OutcomeList::partner) return partner;
  if (list == OutcomeList::theme) return theme;
  const std::string* member = single_member(*this, list);
  if (member == nullptr || member->empty()) return {};
  return {*member};
}

void Outcome::set(OutcomeList list, std::vector<std::string> codes) {
  if (list == OutcomeList::partner) {
    partner = std::move(codes);
  } else if (list == OutcomeList::theme) {
    theme = std::move(codes);
  } else if (std::string* member = single_member(*this, list)) {
    *member = codes.empty() ? std::string() : codes.front();
  }
}

bool Outcome::empty() const {
  return std::all_of(kOutcomeLists.begin(), kOutcomeLists.end(),
                     [this](OutcomeList list) { return codes(list).empty(); });
}

util::Status check_outcome(const Outcome& outcome, const OutcomeLists& lists) {
  for (OutcomeList list : kOutcomeLists) PCN_TRY(check_codes(list, outcome.codes(list), lists));
  return util::Status::success();
}

util::Status check_workshop(const Workshop& workshop, const OutcomeLists& lists) {
  PCN_TRY(check_codes(OutcomeList::theme, {workshop.theme}, lists));
  if (workshop.participants < Workshop::kMinParticipants ||
      workshop.participants > Workshop::kMaxParticipants) {
    return util::make_error(
        "bad_request", text::workshop_bad_participants(workshop.participants,
                                                       Workshop::kMinParticipants,
                                                       Workshop::kMaxParticipants));
  }
  if (workshop.minutes < Workshop::kMinMinutes || workshop.minutes > Workshop::kMaxMinutes) {
    return util::make_error("bad_request",
                            text::workshop_bad_minutes(workshop.minutes, Workshop::kMinMinutes,
                                                       Workshop::kMaxMinutes));
  }
  return util::Status::success();
}

}  // namespace pcn::queue
