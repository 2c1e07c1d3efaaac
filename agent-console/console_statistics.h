// The window's "Statistiques" page: today's figures (report::compute over the tickets the
// client holds for the business day) as the tables of the report (report/report_text.h), so
// that the window and `agent-console report` show the same numbers in the same words.
#pragma once

#include <string>
#include <vector>

#include "client/queue_state.h"
#include "console/console_view.h"
#include "queue/opening_hours.h"
#include "queue/outcome.h"
#include "report/report_text.h"
#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::agent_console {

struct TodayFigures {
  std::string title;                       ///< "Statistiques du lundi 23 novembre 2026"
  std::vector<console::StatsTable> tables;  ///< tickets, times, arrivals, counters
};

/// The figures of the state's business day (the day of `now` before any snapshot), as of `now`:
/// the counters' occupancy over the opening time elapsed so far, the waits of people still
/// waiting counted up to `now`. The outcome tables follow `outcomes` (the agency's lists).
TodayFigures today_figures(const client::QueueState& state, const queue::OpeningHours& hours,
                           const util::TimeZone& zone, util::TimePoint now,
                           const queue::OutcomeLists& outcomes);

/// A report table as the window draws it: the same cells, column titles and groups.
console::StatsTable stats_table(const report::Table& table);

}  // namespace pcn::agent_console
