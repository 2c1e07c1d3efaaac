#include "queue/opening_hours.h"

#include <chrono>
#include <cstdio>
#include <sstream>
#include <utility>

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

std::optional<NextOpening> next_opening(const OpeningHours& hours, const util::TimeZone& zone,
                                        util::TimePoint t) {
  const int today = zone.weekday_of(t);
  const util::MinuteOfDay minute = zone.minute_of_day(t);
  util::LocalDate day = zone.date_of(t);
  for (int ahead = 0; ahead <= 7; ++ahead, day = day.next()) {
    const int weekday = (today + ahead) % 7;
    const std::vector<OpenInterval>& intervals = hours.day(weekday);
    std::size_t first = 0;
    if (ahead == 0) {
      while (first < intervals.size() && intervals[first].open <= minute) ++first;
    }
    if (first == intervals.size()) continue;
    NextOpening next;
    next.days_ahead = ahead;
    next.weekday = weekday;
    next.day = day;
    next.reopening = ahead == 0 && first > 0;
    next.intervals.assign(intervals.begin() + static_cast<std::ptrdiff_t>(first), intervals.end());
    next.at = zone.start_of(day) + std::chrono::minutes(next.intervals.front().open);
    return next;
  }
  return std::nullopt;
}

std::string closed_detail(const OpeningHours& hours, const util::TimeZone& zone,
                          util::TimePoint t) {
  std::optional<NextOpening> next = next_opening(hours, zone, t);
  if (!next) return text::kiosk_closed_detail();
  if (next->reopening) return text::closed_reopens_at(next->intervals.front().open);
  std::vector<std::pair<int, int>> spans;
  for (const OpenInterval& iv : next->intervals) spans.emplace_back(iv.open, iv.close);
  return text::closed_opens_on(next->days_ahead, next->weekday, spans);
}

}  // namespace pcn::queue
