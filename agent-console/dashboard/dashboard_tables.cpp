#include "dashboard/dashboard_tables.h"

#include <algorithm>
#include <set>

#include "queue/outcome.h"
#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

using report::Cell;
using report::DataTable;
using Row = std::vector<Cell>;

constexpr const char* kTotal = "*";  // the all-agencies column's key

std::optional<double> share(int part, int whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / whole;
}

Cell minutes_cell(std::optional<int> minutes) {
  if (!minutes) return Cell{};
  return Cell::of_minutes(*minutes * 60.0);
}

DataTable table(std::string key, std::string title, std::string sheet = "") {
  DataTable t;
  t.key = std::move(key);
  t.file = report::file_name_part(title);
  t.sheet = sheet.empty() ? title : std::move(sheet);
  if (t.sheet.size() > 31) t.sheet = t.key;
  t.title = std::move(title);
  return t;
}

bool overview(const PilotFigures& f) { return f.scope.agency.empty(); }

std::string week_label(util::LocalDate monday) { return monday.to_string(); }

Panel weekly_panel(const PilotFigures& f) {
  Panel p;
  p.table = table("semaines", overview(f) ? text::dash_weekly_title() : text::dash_weekly_one_title(),
                  text::dash_weekly_sheet());
  p.table.columns.push_back({"week", text::dash_col_week()});
  for (const AgencyFacts& a : f.agencies) p.table.columns.push_back({a.id, a.name});
  if (overview(f)) p.table.columns.push_back({kTotal, text::dash_col_all_agencies()});
  for (const WeekRow& w : f.weeks) {
    Row row{Cell::of_text(week_label(w.monday))};
    int total = 0;
    for (const AgencyFacts& a : f.agencies) {
      auto it = w.served.find(a.id);
      const int n = it == w.served.end() ? 0 : it->second;
      total += n;
      row.push_back(Cell::of_count(n));
    }
    if (overview(f)) row.push_back(Cell::of_count(total));
    p.table.rows.push_back(std::move(row));
  }
  p.chart.kind = Chart::Kind::line;
  for (std::size_t c = 1; c <= f.agencies.size(); ++c) p.chart.series.push_back(c);
  p.note = text::dash_weekly_note();
  return p;
}

Row wait_row(const std::string& name, const Totals& t) {
  return {Cell::of_text(name),
          Cell::of_count(t.tickets),
          Cell::of_count(t.served),
          Cell::of_count(t.received),
          Cell::of_percent(share(t.within_15, t.received)),
          Cell::of_percent(share(t.within_30, t.received)),
          minutes_cell(t.wait_percentile(50)),
          minutes_cell(t.wait_percentile(90)),
          Cell::of_count(t.no_show),
          Cell::of_count(t.not_served)};
}

Panel waits_panel(const PilotFigures& f) {
  Panel p;
  p.table = table("attente", text::dash_waits_title());
  p.table.columns = {{"agency", text::report_csv_agency()},
                     {"tickets", text::report_col_tickets()},
                     {"served", text::report_col_accompaniments()},
                     {"received", text::dash_col_received()},
                     {"within_15_pct", text::report_csv_percent(text::dash_col_within(15))},
                     {"within_30_pct", text::report_csv_percent(text::dash_col_within(30))},
                     {"wait_median_min", text::report_csv_minutes(text::report_csv_wait_median())},
                     {"wait_p90_min", text::report_csv_minutes(text::report_csv_wait_p90())},
                     {"no_show", text::report_col_no_show()},
                     {"not_served", text::report_col_not_served()}};
  for (const AgencyFacts& a : f.agencies) p.table.rows.push_back(wait_row(a.name, a.totals));
  if (overview(f)) p.table.rows.push_back(wait_row(text::dash_col_all_agencies(), f.all));
  p.chart = {Chart::Kind::bar, {6, 7}, 0, false};
  p.note = text::dash_waits_note();
  return p;
}

/// The codes of `list` in the order shown: the list's, then others found, then "" (none).
std::vector<std::string> codes_of(const PilotFigures& f, queue::OutcomeList list,
                                  const std::map<std::string, std::map<std::string, int>>* found) {
  std::vector<std::string> codes;
  for (const queue::Choice& c : f.lists.choices(list)) codes.push_back(c.code);
  if (found) {
    for (const auto& [code, n] : *found) {
      if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) {
        codes.push_back(code);
      }
    }
  }
  codes.push_back("");
  return codes;
}

/// Masks, in one column of a profile table, counts 1 to 4 (except in the last row, "non
/// renseigné", which describes no one); then, when exactly one cell of the column is masked
/// (by this or before), the next smallest non-zero count too, so that the column's total does
/// not give it away (report/figures.h).
void mask_column(std::vector<std::optional<int>>& column) {
  for (std::size_t r = 0; r + 1 < column.size(); ++r) {
    std::optional<int>& v = column[r];
    if (v && *v > 0 && *v < report::kSmallestShownCount) v.reset();
  }
  if (std::count(column.begin(), column.end(), std::nullopt) != 1) return;
  std::optional<int>* smallest = nullptr;
  for (auto& v : column) {
    if (v && *v > 0 && (smallest == nullptr || *v < **smallest)) smallest = &v;
  }
  if (smallest) smallest->reset();
}

/// Masks the profile counts of an overview: each agency's column, then the total of every row
/// where an agency's cell is masked (the total minus the shown cells would give it away), then
/// the total column itself. `columns`: the agencies' columns, the total last.
void mask_profile(std::vector<std::vector<std::optional<int>>>& columns) {
  const std::size_t total = columns.size() - 1;
  for (std::size_t c = 0; c < total; ++c) mask_column(columns[c]);
  for (std::size_t r = 0; r < columns[total].size(); ++r) {
    for (std::size_t c = 0; c < total; ++c) {
      if (!columns[c][r]) columns[total][r].reset();
    }
  }
  mask_column(columns[total]);
}

Panel outcome_panel(const PilotFigures& f, queue::OutcomeList list) {
  const std::string name = std::string(queue::to_string(list));
  const std::string list_title = text::outcome_list_title(name);
  Panel p;
  p.table = table(name, text::report_outcome_title(list_title), list_title);
  p.table.file = report::file_name_part(list_title);
  p.table.columns = {{"code", text::report_col_code()}, {"label", text::report_col_label()}};
  if (overview(f)) {
    for (const AgencyFacts& a : f.agencies) p.table.columns.push_back({a.id, a.name});
  }
  p.table.columns.push_back({"visits", overview(f) ? text::dash_col_all_agencies()
                                                    : text::report_col_visits()});
  p.table.columns.push_back({"share_pct", text::report_csv_percent(text::report_col_share())});
  auto found = f.counts.find(name);
  const auto* by_code = found == f.counts.end() ? nullptr : &found->second;
  std::vector<std::string> codes = codes_of(f, list, by_code);
  if (list == queue::OutcomeList::partner && !f.scope.slice.empty()) codes = {f.scope.slice};
  // columns of counts: each agency (overview), then the total
  const std::size_t agencies = overview(f) ? f.agencies.size() : 0;
  std::vector<std::vector<std::optional<int>>> columns(agencies + 1,
                                                       std::vector<std::optional<int>>(codes.size()));
  for (std::size_t r = 0; r < codes.size(); ++r) {
    const std::map<std::string, int>* per_agency = nullptr;
    if (by_code) {
      if (auto it = by_code->find(codes[r]); it != by_code->end()) per_agency = &it->second;
    }
    int total = 0;
    for (std::size_t c = 0; c < f.agencies.size(); ++c) {
      int n = 0;
      if (per_agency) {
        if (auto it = per_agency->find(f.agencies[c].id); it != per_agency->end()) n = it->second;
      }
      total += n;
      if (c < agencies) columns[c][r] = n;
    }
    columns[agencies][r] = total;
  }
  if (queue::is_profile(list)) mask_profile(columns);
  for (std::size_t r = 0; r < codes.size(); ++r) {
    const std::string label = codes[r].empty() ? text::outcome_not_given()
                                               : f.lists.label(list, codes[r]);
    Row row{Cell::of_text(codes[r]), Cell::of_text(label)};
    for (auto& column : columns) row.push_back(Cell::of_count(column[r]));
    const std::optional<int> total = columns[agencies][r];
    row.push_back(Cell::of_percent(total ? share(*total, f.all.served) : std::nullopt));
    p.table.rows.push_back(std::move(row));
  }
  p.chart = {Chart::Kind::bar, {2 + agencies}, 1, false};
  std::string note = text::report_outcome_visits_note(f.all.served);
  if (queue::is_multiple(list)) note += " " + text::report_outcome_multiple_note();
  if (queue::is_profile(list)) note += " " + text::dash_masked_note();
  p.note = note;
  return p;
}

Panel done_for_them_panel(const PilotFigures& f) {
  Panel p;
  p.table = table("fait-a-la-place", text::dash_done_for_them_title(),
                  text::dash_done_for_them_sheet());
  p.table.columns = {{"week", text::dash_col_week()},
                     {"autonomy_given", text::report_col_autonomy_given()},
                     {"done_for_them", text::report_col_done_for_them()},
                     {"share_pct", text::report_csv_percent(text::report_col_share())}};
  for (const WeekRow& w : f.weeks) {
    p.table.rows.push_back({Cell::of_text(week_label(w.monday)), Cell::of_count(w.autonomy_given),
                            Cell::of_count(w.done_for_them),
                            Cell::of_percent(share(w.done_for_them, w.autonomy_given))});
  }
  p.chart = {Chart::Kind::line, {3}, 0, true};
  p.note = text::dash_done_for_them_note();
  return p;
}

Panel print_panel(const PilotFigures& f) {
  Panel p;
  p.table = table("impression", text::dash_print_title());
  p.table.columns = {{"agency", text::report_csv_agency()},
                     {"tickets", text::report_col_tickets()},
                     {"print_failed", text::dash_col_print_failed()},
                     {"share_pct", text::report_csv_percent(text::report_col_share())}};
  auto row = [&p](const std::string& name, const Totals& t) {
    p.table.rows.push_back({Cell::of_text(name), Cell::of_count(t.tickets),
                            Cell::of_count(t.print_failed),
                            Cell::of_percent(share(t.print_failed, t.tickets))});
  };
  for (const AgencyFacts& a : f.agencies) row(a.name, a.totals);
  if (overview(f)) row(text::dash_col_all_agencies(), f.all);
  p.chart = {Chart::Kind::bar, {2}, 0, false};
  return p;
}

Panel link_panel(const PilotFigures& f) {
  Panel p;
  p.table = table("liaison", text::dash_link_title());
  p.table.columns = {{"agency", text::report_csv_agency()},
                     {"last_contact", text::dash_col_last_contact()},
                     {"last_event", text::dash_col_last_event()},
                     {"state", text::dash_col_link_state()}};
  for (const AgencyFacts& a : f.agencies) {
    p.table.rows.push_back({Cell::of_text(a.name), Cell::of_text(a.last_contact),
                            Cell::of_text(a.last_event_at),
                            Cell::of_text(text::dash_link_state(a.silent_seconds))});
  }
  p.note = text::dash_link_note();
  return p;
}

Panel days_panel(const PilotFigures& f) {
  Panel p;
  p.table = table("jours", text::report_days_title());
  p.table.columns = {{"day", text::report_col_day()},
                     {"tickets", text::report_col_tickets()},
                     {"served", text::report_col_accompaniments()},
                     {"within_15_pct", text::report_csv_percent(text::dash_col_within(15))},
                     {"wait_median_min", text::report_csv_minutes(text::report_csv_wait_median())},
                     {"wait_p90_min", text::report_csv_minutes(text::report_csv_wait_p90())}};
  for (const DayRow& d : f.days) {
    const Totals& t = d.totals;
    p.table.rows.push_back({Cell::of_text(d.day.to_string()), Cell::of_count(t.tickets),
                            Cell::of_count(t.served),
                            Cell::of_percent(share(t.within_15, t.received)),
                            minutes_cell(t.wait_percentile(50)),
                            minutes_cell(t.wait_percentile(90))});
  }
  p.chart = {Chart::Kind::bar, {2}, 0, false};
  return p;
}

int count_of(const PilotFigures& f, const std::string& dimension, const std::string& code) {
  auto d = f.counts.find(dimension);
  if (d == f.counts.end()) return 0;
  auto c = d->second.find(code);
  if (c == d->second.end()) return 0;
  int n = 0;
  for (const auto& [agency, count] : c->second) n += count;
  return n;
}

Panel hours_panel(const PilotFigures& f) {
  Panel p;
  p.table = table("heures", text::report_arrivals_title());
  p.table.columns = {{"hour", text::report_col_hour()}, {"tickets", text::report_col_tickets()}};
  int first = 24, last = -1;
  for (int h = 0; h < 24; ++h) {
    char code[4];
    std::snprintf(code, sizeof code, "%02d", h);
    if (count_of(f, "hour", code) > 0) first = std::min(first, h), last = std::max(last, h);
  }
  for (int h = first; h <= last; ++h) {
    char code[4];
    std::snprintf(code, sizeof code, "%02d", h);
    p.table.rows.push_back({Cell::of_text(text::dash_hour_label(h)),
                            Cell::of_count(count_of(f, "hour", code))});
  }
  p.chart = {Chart::Kind::bar, {1}, 0, false};
  return p;
}

Panel counters_panel(const PilotFigures& f) {
  Panel p;
  p.table = table("guichets", text::dash_counters_title());
  p.table.columns = {{"counter", text::report_col_counter()},
                     {"served", text::report_col_accompaniments()}};
  std::set<int> numbers;
  const central::AgencyData* profile = f.profiles.empty() ? nullptr : &f.profiles.front();
  if (profile) {
    for (const queue::Counter& c : profile->profile.counters) numbers.insert(c.number);
  }
  if (auto d = f.counts.find("counter"); d != f.counts.end()) {
    for (const auto& [code, n] : d->second) {
      if (!code.empty()) numbers.insert(std::atoi(code.c_str()));
    }
  }
  for (int number : numbers) {
    std::string label = text::dash_counter_label(number);
    if (profile) {
      for (const queue::Counter& c : profile->profile.counters) {
        if (c.number == number && !c.label.empty()) label = c.label;
      }
    }
    p.table.rows.push_back({Cell::of_text(label),
                            Cell::of_count(count_of(f, "counter", std::to_string(number)))});
  }
  p.chart = {Chart::Kind::bar, {1}, 0, false};
  return p;
}

void add_outcomes(const PilotFigures& f, std::vector<Panel>& panels,
                  std::initializer_list<queue::OutcomeList> lists) {
  for (queue::OutcomeList list : lists) panels.push_back(outcome_panel(f, list));
}

std::vector<Panel> common_panels(const PilotFigures& f) {
  using queue::OutcomeList;
  std::vector<Panel> panels;
  panels.push_back(weekly_panel(f));
  panels.push_back(waits_panel(f));
  add_outcomes(f, panels, {OutcomeList::partner, OutcomeList::theme, OutcomeList::autonomy});
  panels.push_back(done_for_them_panel(f));
  add_outcomes(f, panels, {OutcomeList::result, OutcomeList::orientation, OutcomeList::first_visit,
                           OutcomeList::age_band, OutcomeList::situation, OutcomeList::commune,
                           OutcomeList::equipment});
  panels.push_back(print_panel(f));
  panels.push_back(link_panel(f));
  return panels;
}

}  // namespace

std::vector<Panel> overview_panels(const PilotFigures& f) { return common_panels(f); }

std::vector<Panel> agency_panels(const PilotFigures& f) {
  std::vector<Panel> panels = common_panels(f);
  panels.insert(panels.begin() + 2, days_panel(f));
  panels.insert(panels.begin() + 3, hours_panel(f));
  panels.insert(panels.begin() + 4, counters_panel(f));
  return panels;
}

const Panel* find_panel(const std::vector<Panel>& panels, const std::string& key) {
  for (const Panel& p : panels) {
    if (p.table.key == key) return &p;
  }
  return nullptr;
}

}  // namespace pcn::dashboard
