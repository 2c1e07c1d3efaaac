#include "util/time_zone.h"

#include <date/tz.h>

#include <cstdio>
#include <stdexcept>

#include "text/catalog.h"

namespace pcn::util {

namespace {

date::local_time<Millis> to_local(const date::time_zone* zone, TimePoint t) {
  return zone->to_local(t);
}

}  // namespace

std::string LocalDate::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  return buf;
}

Result<LocalDate> LocalDate::parse(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
    return make_error("bad_date", pcn::text::bad_date(text));
  }
  date::year_month_day ymd{date::year(y), date::month(m), date::day(d)};
  if (!ymd.ok()) return make_error("bad_date", pcn::text::no_such_date(text));
  return LocalDate{y, m, d};
}

LocalDate LocalDate::next() const {
  date::sys_days days{date::year(year) / date::month(month) / date::day(day)};
  date::year_month_day ymd{days + date::days(1)};
  return LocalDate{int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

Result<TimeZone> TimeZone::find(const std::string& name) {
  try {
    return TimeZone(date::locate_zone(name), name);
  } catch (const std::exception&) {
    return make_error("bad_time_zone", pcn::text::unknown_time_zone(name));
  }
}

TimeZone TimeZone::noumea() {
  auto zone = find("Pacific/Noumea");
  if (!zone.ok()) throw std::runtime_error(zone.error().to_string());
  return zone.value();
}

LocalDate TimeZone::date_of(TimePoint t) const {
  auto local_days = date::floor<date::days>(to_local(zone_, t));
  date::year_month_day ymd{local_days};
  return LocalDate{int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

MinuteOfDay TimeZone::minute_of_day(TimePoint t) const {
  auto local = to_local(zone_, t);
  auto since_midnight = local - date::floor<date::days>(local);
  return int(std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count());
}

int TimeZone::weekday_of(TimePoint t) const {
  date::weekday wd{date::floor<date::days>(to_local(zone_, t))};
  return int(wd.iso_encoding()) - 1;
}

TimePoint TimeZone::start_of(LocalDate d) const {
  date::local_days day{date::year(d.year) / date::month(d.month) / date::day(d.day)};
  auto sys = zone_->to_sys(day, date::choose::earliest);
  return std::chrono::time_point_cast<Millis>(sys);
}

std::string TimeZone::format(TimePoint t, const char* fmt) const {
  auto local = date::floor<std::chrono::seconds>(to_local(zone_, t));
  return date::format(fmt, local);
}

}  // namespace pcn::util
