#include "queue/opening_hours.h"

#include <cstdio>
#include <sstream>

#include "text/catalog.h"

namespace pcn::queue {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

util::Result<OpenInterval> parse_interval(const std::string& part) {
  unsigned h1 = 0, m1 = 0, h2 = 0, m2 = 0;
  char tail = 0;
  if (std::sscanf(part.c_str(), "%2u:%2u-%2u:%2u%c", &h1, &m1, &h2, &m2, &tail) != 4 ||
      m1 > 59 || m2 > 59 || h1 > 24 || h2 > 24) {
    return util::make_error("bad_hours", text::hours_bad_interval(part));
  }
  OpenInterval iv{int(h1 * 60 + m1), int(h2 * 60 + m2)};
  if (iv.close <= iv.open || iv.close > 24 * 60) {
    return util::make_error("bad_hours", text::hours_empty_interval(part));
  }
  return iv;
}

}  // namespace

OpeningHours OpeningHours::always() {
  OpeningHours h;
  for (auto& d : h.days_) d = {OpenInterval{0, 24 * 60}};
  return h;
}

util::Result<std::vector<OpenInterval>> OpeningHours::parse_day(const std::string& text) {
  std::vector<OpenInterval> out;
  std::string t = trim(text);
  if (t.empty() || t == "fermé" || t == "ferme") return out;
  std::stringstream in(t);
  std::string part;
  while (std::getline(in, part, ',')) {
    auto iv = parse_interval(trim(part));
    if (!iv.ok()) return iv.error();
    if (!out.empty() && iv->open < out.back().close) {
      return util::make_error("bad_hours", text::hours_overlap(t));
    }
    out.push_back(*iv);
  }
  return out;
}

void OpeningHours::set_day(int weekday, std::vector<OpenInterval> intervals) {
  days_.at(weekday) = std::move(intervals);
}

bool OpeningHours::is_open(int weekday, util::MinuteOfDay minute) const {
  for (const auto& iv : days_.at(weekday)) {
    if (minute >= iv.open && minute < iv.close) return true;
  }
  return false;
}

bool OpeningHours::is_open(const util::TimeZone& zone, util::TimePoint t) const {
  return is_open(zone.weekday_of(t), zone.minute_of_day(t));
}

}  // namespace pcn::queue
