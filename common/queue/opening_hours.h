// When the agency issues tickets: per weekday, a list of [open, close) intervals in local time.
#pragma once

#include <array>
#include <optional>
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

/// When the agency opens next, as a visitor would be told: the day and that day's hours.
struct NextOpening {
  util::TimePoint at{};   ///< the instant it opens
  int days_ahead = 0;     ///< 0 = later today, 1 = tomorrow … 7 = the same weekday next week
  int weekday = 0;        ///< of that day, 0 = Monday
  util::LocalDate day;    ///< that day, in the agency's time zone
  /// Today (days_ahead 0): an interval of today has already closed, so this is a reopening
  /// (after the lunch break), not the day's first opening.
  bool reopening = false;
  /// That day's intervals from the one that opens at `at` on (all of them on a later day).
  std::vector<OpenInterval> intervals;
};

/// The first opening of `hours` strictly after `t`, in `zone`'s local time: the start of the
/// first interval of today that begins after t's minute of day, or else the first interval of
/// the next day that has hours (looking up to a week ahead). nullopt when no weekday has hours.
/// When the agency is open at `t`, this is the start of a later interval (never the current
/// one). Pure: `t` is given, the clock is never read. Minutes follow the local wall clock
/// (Pacific/Noumea has no daylight saving; elsewhere a day's intervals are read as wall time).
std::optional<NextOpening> next_opening(const OpeningHours& hours, const util::TimeZone& zone,
                                        util::TimePoint t);

/// What the kiosk's closed page says about coming back, in French from the catalog
/// (text::closed_* ): "Reprise à 12 h 15" in a break, "Ouvert demain de 7 h 30 à 11 h 30" or
/// "Ouvert lundi de …" after hours, "Ouvert aujourd’hui de …" before the day's first opening,
/// and text::kiosk_closed_detail() when the agency never opens.
std::string closed_detail(const OpeningHours& hours, const util::TimeZone& zone,
                          util::TimePoint t);

}  // namespace pcn::queue
