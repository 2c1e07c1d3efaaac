// When the agency issues tickets: per weekday, a list of [open, close) intervals in local time.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::queue {

struct OpenInterval {
  util::MinuteOfDay open = 0;
  util::MinuteOfDay close = 0;  ///< exclusive; 1440 means midnight
};

class OpeningHours {
 public:
  /// Open every day, all day (the default when a config gives no hours).
  static OpeningHours always();

  /// Parses a day's hours: "07:30-11:30, 12:15-15:30", or "" / "fermé" for a closed day.
  /// Fails with code "bad_hours" naming the part that is wrong.
  static util::Result<std::vector<OpenInterval>> parse_day(const std::string& text);

  /// weekday: 0 = Monday … 6 = Sunday.
  void set_day(int weekday, std::vector<OpenInterval> intervals);
  const std::vector<OpenInterval>& day(int weekday) const { return days_.at(weekday); }

  bool is_open(int weekday, util::MinuteOfDay minute) const;
  bool is_open(const util::TimeZone& zone, util::TimePoint t) const;

 private:
  std::array<std::vector<OpenInterval>, 7> days_;
};

}  // namespace pcn::queue
