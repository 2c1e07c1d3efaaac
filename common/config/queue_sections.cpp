#include "config/queue_sections.h"

#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include "text/catalog.h"

namespace pcn::config {

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// "#RRGGBB"
bool is_colour(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (!is_hex_digit(s[i])) return false;
  }
  return true;
}

bool is_prefix(const std::string& s) { return s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z'; }

util::Result<queue::Service> read_service(const TableReader& t) {
  // `partners` is read with the outcome lists (outcome_section.h).
  PCN_TRY(t.allow_only({"prefix", "code", "label", "colour", "typical_minutes", "partners"}));
  queue::Service service;
  std::string prefix;
  PCN_TRY(assign(t.text("prefix"), prefix));
  if (!is_prefix(prefix)) return t.error("prefix", text::config_bad_prefix(prefix));
  service.prefix = prefix[0];
  PCN_TRY(assign(t.text("code"), service.code));
  PCN_TRY(assign(t.text("label"), service.label));
  PCN_TRY(assign(t.text("colour"), service.colour));
  if (!is_colour(service.colour)) return t.error("colour", text::config_bad_colour(service.colour));
  int minutes = 0;
  PCN_TRY(assign(t.integer_or("typical_minutes", 10, {1, 240}), minutes));
  service.typical_duration = std::chrono::minutes(minutes);
  return service;
}

/// The first service of `services` with `code`, or nullptr.
const queue::Service* find_code(const queue::ServiceList& services, const std::string& code) {
  for (const auto& s : services) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

util::Result<queue::Counter> read_counter(const TableReader& t,
                                          const queue::ServiceList& services) {
  PCN_TRY(t.allow_only({"number", "label", "services", "breaks"}));
  queue::Counter counter;
  PCN_TRY(assign(t.integer("number", {1, 99}), counter.number));
  PCN_TRY(assign(t.text("label"), counter.label));
  std::vector<std::string> prefixes;
  PCN_TRY(assign(t.text_list("services"), prefixes));
  if (prefixes.empty()) {
    return t.error("services", text::config_counter_without_service(counter.number));
  }
  for (const auto& p : prefixes) {
    if (!is_prefix(p) || queue::find_service(services, p[0]) == nullptr) {
      return t.error("services", text::config_counter_unknown_service(p));
    }
    if (!counter.serves(p[0])) counter.services += p;
  }
  std::string breaks;
  PCN_TRY(assign(t.text_or("breaks", ""), breaks));
  auto intervals = queue::OpeningHours::parse_day(breaks);
  if (!intervals.ok()) return t.error("breaks", text::config_bad_breaks(intervals.error().message));
  for (const queue::OpenInterval& i : *intervals) counter.breaks.push_back({i.open, i.close});
  return counter;
}

/// The first counter of `counters` numbered `number`, or nullptr.
const queue::Counter* find_counter(const std::vector<queue::Counter>& counters, int number) {
  for (const auto& c : counters) {
    if (c.number == number) return &c;
  }
  return nullptr;
}

}  // namespace

util::Result<queue::OpeningHours> read_hours(const TableReader& root) {
  if (!root.has("hours")) return queue::OpeningHours::always();
  auto section = root.section("hours");
  if (!section.ok()) return section.error();
  const TableReader& t = *section;
  PCN_TRY(t.allow_only({kWeekdays.begin(), kWeekdays.end()}));
  queue::OpeningHours hours;  // every day closed until set
  for (std::size_t day = 0; day < kWeekdays.size(); ++day) {
    std::string spec;
    PCN_TRY(assign(t.text_or(kWeekdays[day], ""), spec));
    auto intervals = queue::OpeningHours::parse_day(spec);
    if (!intervals.ok()) {
      return t.error(kWeekdays[day], text::config_bad_hours(intervals.error().message));
    }
    hours.set_day(static_cast<int>(day), std::move(intervals).value());
  }
  return hours;
}

util::Result<queue::ServiceList> read_services(const TableReader& root) {
  std::vector<TableReader> tables;
  PCN_TRY(assign(root.table_list("services"), tables));
  if (tables.empty()) return root.error("services", text::config_no_services());
  queue::ServiceList out;
  for (const auto& t : tables) {
    queue::Service service;
    PCN_TRY(assign(read_service(t), service));
    if (const auto* other = queue::find_service(out, service.prefix)) {
      return t.error("prefix", text::config_duplicate_prefix(std::string(1, service.prefix),
                                                             other->label));
    }
    if (const auto* other = find_code(out, service.code)) {
      return t.error("code", text::config_duplicate_code(service.code, other->label));
    }
    out.push_back(std::move(service));
  }
  return out;
}

util::Result<std::vector<queue::Counter>> read_counters(const TableReader& root,
                                                        const queue::ServiceList& services) {
  std::vector<TableReader> tables;
  PCN_TRY(assign(root.table_list("counters"), tables));
  if (tables.empty()) return root.error("counters", text::config_no_counters());
  std::vector<queue::Counter> out;
  for (const auto& t : tables) {
    queue::Counter counter;
    PCN_TRY(assign(read_counter(t, services), counter));
    if (const auto* other = find_counter(out, counter.number)) {
      return t.error("number", text::config_duplicate_counter(counter.number, other->label));
    }
    out.push_back(std::move(counter));
  }
  return out;
}

util::Result<queue::QueuePolicy> read_policy(const TableReader& root) {
  auto section = root.section("queue");
  if (!section.ok()) return section.error();
  const TableReader& t = *section;
  PCN_TRY(t.allow_only(
      {"priority_max_in_row", "no_show_requeues", "transfer_placement", "wait_samples"}));
  queue::QueuePolicy policy;
  PCN_TRY(assign(t.integer_or("priority_max_in_row", policy.priority_max_in_row, {0}),
                 policy.priority_max_in_row));
  PCN_TRY(assign(t.integer_or("no_show_requeues", policy.no_show_requeues, {0}),
                 policy.no_show_requeues));
  PCN_TRY(assign(t.integer_or("wait_samples", policy.wait_samples, {1, 100}),
                 policy.wait_samples));
  std::string placement;
  PCN_TRY(assign(t.text_or("transfer_placement",
                           std::string(queue::to_string(policy.transfer_placement))),
                 placement));
  auto parsed = queue::placement_from(placement);
  if (!parsed) {
    return t.error("transfer_placement", text::config_not_one_of(placement, "arrival, end, front"));
  }
  policy.transfer_placement = *parsed;
  return policy;
}

}  // namespace pcn::config
