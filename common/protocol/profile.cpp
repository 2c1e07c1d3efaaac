#include "protocol/profile.h"

#include "protocol/codec.h"
#include "text/catalog.h"

namespace pcn::protocol {

namespace {

constexpr int kDayMinutes = 24 * 60;

util::Error invalid(const std::string& path, const std::string& expected) {
  return util::make_error("bad_request", text::field_invalid(path, expected));
}

Json encode_choices(const std::vector<queue::Choice>& choices) {
  Json out = Json::array();
  for (const auto& c : choices) out.push_back({{"code", c.code}, {"label", c.label}, {"group", c.group}});
  return out;
}

util::Result<queue::Counter> decode_profile_counter(const Json& j, const std::string& path) {
  queue::Counter c;
  Fields f(j, path);
  f.read("number", c.number, 1).read("label", c.label).read_letters("services", c.services);
  if (!f.ok()) return f.error();
  return c;
}

util::Result<queue::OpenInterval> decode_interval(const Json& j, const std::string& path) {
  queue::OpenInterval i;
  int open = 0, close = 0;
  Fields f(j, path);
  f.read("open", open, 0).read("close", close, 1);
  if (!f.ok()) return f.error();
  if (open >= kDayMinutes) return invalid(path + ".open", text::expect_integer_from(0));
  if (close <= open || close > kDayMinutes) {
    return invalid(path + ".close", text::expect_integer_from(open + 1));
  }
  i.open = open;
  i.close = close;
  return i;
}

util::Result<std::vector<queue::OpenInterval>> decode_day(const Json& j, const std::string& path) {
  if (!j.is_array()) return invalid(path, text::expect_list());
  if (j.size() > kMaxProfileIntervals) {
    return invalid(path, text::expect_at_most_items(static_cast<int>(kMaxProfileIntervals)));
  }
  std::vector<queue::OpenInterval> day;
  for (std::size_t i = 0; i < j.size(); ++i) {
    auto interval = decode_interval(j[i], path + "[" + std::to_string(i) + "]");
    if (!interval.ok()) return interval.error();
    day.push_back(*interval);
  }
  return day;
}

util::Result<queue::Choice> decode_choice(const Json& j, const std::string& path) {
  queue::Choice c;
  Fields f(j, path);
  f.read("code", c.code).read("label", c.label).read("group", c.group);
  if (!f.ok()) return f.error();
  if (!queue::OutcomeLists::is_code(c.code)) {
    return invalid(path + ".code", text::expect_code(queue::OutcomeLists::kMaxCodeBytes));
  }
  return c;
}

util::Status decode_outcomes(const Json& j, const std::string& path, queue::OutcomeLists& out) {
  Fields f(j, path);
  for (queue::OutcomeList list : queue::kOutcomeLists) {
    const std::string key(queue::to_string(list));
    if (!j.contains(key)) continue;  // a list the hub does not know yet keeps the default
    std::vector<queue::Choice> choices;
    f.read_list(key.c_str(), choices, &decode_choice);
    if (!f.ok()) return f.error();
    if (choices.size() > queue::OutcomeLists::kMaxChoices) {
      return invalid(f.name_of(key),
                     text::expect_at_most_items(static_cast<int>(queue::OutcomeLists::kMaxChoices)));
    }
    out.choices(list) = std::move(choices);
  }
  return util::Status::success();
}

template <typename T>
util::Status capped(const Fields& f, const char* key, const std::vector<T>& items, std::size_t cap) {
  if (items.size() <= cap) return util::Status::success();
  return invalid(f.name_of(key), text::expect_at_most_items(static_cast<int>(cap)));
}

}  // namespace

Json encode(const AgencyProfile& p) {
  Json services = Json::array();
  for (const auto& s : p.services) services.push_back(encode(s));
  Json counters = Json::array();
  for (const auto& c : p.counters) {
    counters.push_back({{"number", c.number}, {"label", c.label}, {"services", c.services}});
  }
  Json hours = Json::array();
  for (int d = 0; d < 7; ++d) {
    Json day = Json::array();
    for (const auto& i : p.hours.day(d)) day.push_back({{"open", i.open}, {"close", i.close}});
    hours.push_back(std::move(day));
  }
  Json outcomes = Json::object();
  for (queue::OutcomeList list : queue::kOutcomeLists) {
    outcomes[std::string(queue::to_string(list))] = encode_choices(p.outcomes.choices(list));
  }
  return Json{{"services", std::move(services)},
              {"counters", std::move(counters)},
              {"hours", std::move(hours)},
              {"outcomes", std::move(outcomes)}};
}

util::Result<AgencyProfile> decode_profile_at(const Json& j, const std::string& path) {
  AgencyProfile p;
  Fields f(j, path);
  f.read_list("services", p.services, &decode_service_at);
  f.read_list("counters", p.counters, &decode_profile_counter);
  std::vector<std::vector<queue::OpenInterval>> days;
  f.read_list("hours", days, &decode_day);
  Json outcomes;
  f.read_object("outcomes", outcomes, false);
  if (!f.ok()) return f.error();
  PCN_TRY(capped(f, "services", p.services, kMaxProfileServices));
  PCN_TRY(capped(f, "counters", p.counters, kMaxProfileCounters));
  if (days.size() != 7) return invalid(f.name_of("hours"), text::expect_seven_days());
  for (int d = 0; d < 7; ++d) p.hours.set_day(d, days[static_cast<std::size_t>(d)]);
  PCN_TRY(decode_outcomes(outcomes, f.name_of("outcomes"), p.outcomes));
  return p;
}

}  // namespace pcn::protocol
