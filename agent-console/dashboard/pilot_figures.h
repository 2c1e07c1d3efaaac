// What a dashboard page shows, read from the day summaries (dashboard/day_summary.h) for one
// scope: a date range, every agency or one, all visits or one partner's. Sums only: a page over
// 60 agencies × a year reads about 22,000 day rows and their counts, never a ticket.
//
// Waits are in whole minutes (the summaries' resolution): the median and the 90th percentile
// are the nearest-rank ones of report/figures.h over the minutes waited (the p-th percentile is
// the ceil(p/100 · n)-th smallest), "120" standing for two hours or more.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "central/central_report.h"
#include "central/pg_connection.h"
#include "queue/outcome.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::dashboard {

/// What a page is about. The server fills it from the request and the account (dashboard/
/// web_request.h): a partner account's slice is its partner, whatever the URL says.
struct Scope {
  util::LocalDate from;
  util::LocalDate to;       ///< inclusive
  std::string agency;       ///< "" = every agency
  std::string slice;        ///< "" = all visits; a partner's code = the visits with that partner
};

/// Sums of day summaries.
struct Totals {
  int tickets = 0;
  int served = 0;
  int no_show = 0;
  int not_served = 0;
  int received = 0;
  int within_15 = 0;
  int within_30 = 0;
  int print_failed = 0;
  int done_for_them = 0;
  int autonomy_given = 0;
  int workshops = 0;
  int participants = 0;
  std::array<int, 121> wait{};  ///< received visitors by whole minutes waited (120 = 2 h or more)

  void add(const Totals& other);
  /// Nearest-rank percentile (0 < p ≤ 100) of the minutes waited; nullopt without a sample.
  std::optional<int> wait_percentile(int p) const;
};

struct AgencyFacts {
  std::string id;
  std::string name;
  std::string time_zone;
  std::string last_contact;   ///< "2026-12-03 14:02" local time; "" = never
  std::string last_event_at;  ///< the newest event received, local time; "" = none
  long long silent_seconds = -1;  ///< since the last contact; -1 = never heard
  Totals totals;
};

struct WeekRow {
  util::LocalDate monday;
  std::map<std::string, int> served;  ///< agency → served visits that week
  int done_for_them = 0;
  int autonomy_given = 0;
};

struct DayRow {
  util::LocalDate day;
  Totals totals;
};

struct PilotFigures {
  Scope scope;
  std::vector<AgencyFacts> agencies;  ///< the scope's agencies, by id, even without visits
  Totals all;
  std::vector<WeekRow> weeks;         ///< every week (Monday) that meets the range, in order
  /// dimension (day_summary.h) → code → agency → count.
  std::map<std::string, std::map<std::string, std::map<std::string, int>>> counts;
  std::vector<DayRow> days;           ///< one agency's scope only: every day of the range
  queue::OutcomeLists lists = queue::OutcomeLists::defaults();  ///< labels (merged)
  std::vector<central::AgencyData> profiles;  ///< services and counters (labels)
};

/// Reads the figures of `scope` in one read-only snapshot; `now` dates the link's silence.
/// Fails with "unknown_agency" (French, listing the known ids) or "central_db".
util::Result<PilotFigures> read_pilot_figures(const central::PgConnection& db, const Scope& scope,
                                              util::TimePoint now);

}  // namespace pcn::dashboard
