#include "agent-console/console_statistics.h"

#include "report/figures.h"
#include "text/catalog.h"

namespace pcn::agent_console {

console::StatsTable stats_table(const report::Table& table) {
  console::StatsTable t;
  t.title = table.title;
  for (const report::Column& c : table.columns) {
    t.columns.push_back(c.title);
    t.groups.push_back(c.group);
    t.right_aligned.push_back(c.align == report::Align::right);
  }
  t.rows = table.rows;
  t.last_row_is_total = table.last_row_is_total;
  return t;
}

TodayFigures today_figures(const client::QueueState& state, const queue::OpeningHours& hours,
                           const util::TimeZone& zone, util::TimePoint now,
                           const queue::OutcomeLists& outcomes) {
  const util::LocalDate day = state.epoch.empty() ? zone.date_of(now) : state.day;
  std::vector<queue::Counter> counters;
  for (const auto& [number, c] : state.counters) counters.push_back(c);
  std::vector<queue::Ticket> tickets;
  for (const auto& [id, t] : state.tickets) tickets.push_back(t);
  report::ReportInput input{day, day, &state.services, &counters, &hours, &zone, now, &outcomes};
  report::Figures figures = report::compute(input, tickets);

  TodayFigures today;
  const int weekday = zone.weekday_of(zone.start_of(day));
  today.title = text::console_statistics_title(text::long_date(weekday, day.day, day.month, day.year));
  for (const report::Table& t : report::report_tables(figures)) today.tables.push_back(stats_table(t));
  return today;
}

}  // namespace pcn::agent_console
