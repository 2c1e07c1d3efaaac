#include "config/outcome_section.h"

#include <algorithm>
#include <string>
#include <vector>

#include "text/catalog.h"

namespace pcn::config {

namespace {

util::Result<queue::Choice> read_choice(const TableReader& t, queue::OutcomeList list) {
  bool theme = list == queue::OutcomeList::theme;
  if (theme) {
    PCN_TRY(t.allow_only({"code", "label", "group"}));
  } else {
    PCN_TRY(t.allow_only({"code", "label"}));
  }
  queue::Choice choice;
  PCN_TRY(assign(t.text("code"), choice.code));
  if (!queue::OutcomeLists::is_code(choice.code)) {
    return t.error("code", text::config_bad_outcome_code(
                               choice.code, static_cast<int>(queue::OutcomeLists::kMaxCodeBytes)));
  }
  PCN_TRY(assign(t.text("label"), choice.label));
  if (theme) PCN_TRY(assign(t.text_or("group", ""), choice.group));
  return choice;
}

util::Result<std::vector<queue::Choice>> read_list(const TableReader& section,
                                                   queue::OutcomeList list) {
  const std::string key(queue::to_string(list));
  auto entries = section.table_list(key);
  PCN_TRY(entries);
  if (entries->empty() || entries->size() > queue::OutcomeLists::kMaxChoices) {
    return section.error(key, text::config_outcome_list_size(
                                  static_cast<int>(queue::OutcomeLists::kMaxChoices)));
  }
  std::vector<queue::Choice> choices;
  for (const TableReader& entry : *entries) {
    auto choice = read_choice(entry, list);
    PCN_TRY(choice);
    for (const queue::Choice& other : choices) {
      if (other.code == choice->code) {
        return entry.error("code", text::config_duplicate_code(choice->code, other.label));
      }
    }
    choices.push_back(std::move(*choice));
  }
  return choices;
}

}  // namespace

util::Result<queue::OutcomeLists> read_outcome_lists(const TableReader& root) {
  queue::OutcomeLists lists = queue::OutcomeLists::defaults();
  auto section = root.section("outcome");
  PCN_TRY(section);
  std::vector<std::string_view> keys;
  for (queue::OutcomeList list : queue::kOutcomeLists) keys.push_back(queue::to_string(list));
  PCN_TRY(section->allow_only(keys));
  for (queue::OutcomeList list : queue::kOutcomeLists) {
    if (!section->has(queue::to_string(list))) continue;
    PCN_TRY(assign(read_list(*section, list), lists.choices(list)));
  }
  return lists;
}

util::Status resolve_partners(const TableReader& root, const queue::OutcomeLists& lists,
                              queue::ServiceList& services) {
  auto tables = root.table_list("services");
  PCN_TRY(tables);
  for (std::size_t i = 0; i < services.size() && i < tables->size(); ++i) {
    const TableReader& t = (*tables)[i];
    queue::Service& service = services[i];
    service.partners.clear();
    if (!t.has("partners")) {
      if (lists.find(queue::OutcomeList::partner, service.code)) {
        service.partners.push_back(service.code);
      }
      continue;
    }
    std::vector<std::string> codes;
    PCN_TRY(assign(t.text_list("partners"), codes));
    for (const std::string& code : codes) {
      if (!lists.find(queue::OutcomeList::partner, code)) {
        return t.error("partners", text::config_unknown_partner(
                                       code, lists.codes_text(queue::OutcomeList::partner)));
      }
      if (std::find(service.partners.begin(), service.partners.end(), code) !=
          service.partners.end()) {  // the outcome screen would propose it twice
        return t.error("partners",
                       text::outcome_repeated_code(text::outcome_list_title("partner"), code));
      }
      service.partners.push_back(code);
    }
  }
  return util::Status::success();
}

}  // namespace pcn::config
