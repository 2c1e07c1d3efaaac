#include "report/agency_comparison.h"

#include <cmath>

#include "text/catalog.h"

namespace pcn::report {

namespace {

/// The share "fait à la place" over the whole range, from the days' counts.
std::optional<double> done_for_them_share(const Figures& f) {
  int done = 0, given = 0;
  for (const DayFigures& d : f.days_series) {
    done += d.done_for_them;
    given += d.autonomy_given;
  }
  if (given == 0) return std::nullopt;
  return static_cast<double>(done) / given;
}

int accompaniments(const Figures& f) {
  int n = 0;
  for (const DayFigures& d : f.days_series) n += d.accompaniments;
  return n;
}

std::string cell_text(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::empty: return format_duration(std::nullopt);
    case Cell::Kind::text: return c.text;
    case Cell::Kind::count: return std::to_string(static_cast<long long>(std::llround(c.number)));
    case Cell::Kind::minutes: return format_duration(c.number * 60.0);
    case Cell::Kind::percent: return format_share(c.number / 100.0);
    case Cell::Kind::masked: return text::report_masked_count();
  }
  return {};
}

}  // namespace

DataTable comparison_table(const std::vector<NamedFigures>& rows) {
  DataTable t;
  t.key = "agencies";
  t.title = text::report_agencies_title();
  t.sheet = t.title;
  t.file = file_name_part(t.title);
  auto minutes = [](const std::string& what) { return text::report_csv_minutes(what); };
  t.columns = {{"agency", text::report_csv_agency()},
               {"tickets", text::report_col_tickets()},
               {"served", text::report_col_served()},
               {"no_show", text::report_col_no_show()},
               {"not_served", text::report_col_not_served()},
               {"wait_median_min", minutes(text::report_csv_wait_median())},
               {"wait_p90_min", minutes(text::report_csv_wait_p90())},
               {"at_counter_median_min", minutes(text::report_csv_counter_median())},
               {"accompaniments", text::report_col_accompaniments()},
               {"done_for_them_pct", text::report_csv_percent(text::report_col_done_for_them())},
               {"workshops", text::report_col_workshops()},
               {"participants", text::report_col_participants()}};
  for (const NamedFigures& r : rows) {
    const Figures& f = *r.figures;
    const ServiceFigures& s = f.total;
    t.rows.push_back({Cell::of_text(r.name), Cell::of_count(s.tickets), Cell::of_count(s.served),
                      Cell::of_count(s.no_show), Cell::of_count(s.not_served),
                      Cell::of_minutes(s.wait.median), Cell::of_minutes(s.wait.p90),
                      Cell::of_minutes(s.at_counter.median), Cell::of_count(accompaniments(f)),
                      Cell::of_percent(done_for_them_share(f)),
                      Cell::of_count(f.workshops.workshops),
                      Cell::of_count(f.workshops.participants)});
  }
  return t;
}

Table text_table(const DataTable& table, bool last_row_is_total) {
  Table t;
  t.title = table.title;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    t.columns.push_back({table.columns[i].title, "", i == 0 ? Align::left : Align::right});
  }
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const Cell& c : row) cells.push_back(cell_text(c));
    t.rows.push_back(std::move(cells));
  }
  t.last_row_is_total = last_row_is_total && !t.rows.empty();
  return t;
}

}  // namespace pcn::report
