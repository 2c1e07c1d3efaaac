// The agency's civil time. Business days, daily resets, opening hours and reports follow the
// agency's time zone (Pacific/Noumea by default), never UTC. Backed by the system's tz database
// (Debian's tzdata) through the date library, since GCC 12 ships no C++20 tz database.
#pragma once

#include <chrono>
#include <string>

#include "util/clock.h"
#include "util/result.h"

namespace date {
class time_zone;
}

namespace pcn::util {

/// A calendar day in the agency's time zone: the key of a business day ("2026-11-23").
struct LocalDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;

  std::string to_string() const;  ///< ISO form YYYY-MM-DD
  /// Parses YYYY-MM-DD; fails with code "bad_date" on anything else.
  static Result<LocalDate> parse(const std::string& text);
  LocalDate next() const;
  auto operator<=>(const LocalDate&) const = default;
};

/// Wall-clock time of day, in minutes since local midnight.
using MinuteOfDay = int;

class TimeZone {
 public:
  /// Looks a zone up by IANA name; fails with code "bad_time_zone" naming it.
  static Result<TimeZone> find(const std::string& name);
  /// Pacific/Noumea. REQUIRES: the system tz database knows it (tzdata installed).
  static TimeZone noumea();

  const std::string& name() const { return name_; }
  LocalDate date_of(TimePoint t) const;
  MinuteOfDay minute_of_day(TimePoint t) const;
  /// 0 = Monday … 6 = Sunday, in local time.
  int weekday_of(TimePoint t) const;
  /// The first instant of `d` in this zone.
  TimePoint start_of(LocalDate d) const;
  /// Local time with a strftime-like format of the date library (e.g. "%d/%m/%Y %H:%M").
  std::string format(TimePoint t, const char* fmt) const;

 private:
  TimeZone(const date::time_zone* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  const date::time_zone* zone_;  // owned by the date library's database, lives for the process
  std::string name_;
};

}  // namespace pcn::util
