#include "report/report_text.h"

#include <algorithm>
#include <cmath>

#include "text/catalog.h"

namespace pcn::report {

namespace {

constexpr std::size_t kGap = 2;  // spaces between columns
constexpr int kBarWidth = 30;    // longest arrivals bar, in blocks

/// Code points in UTF-8 text: what a monospace terminal shows as columns for our French text.
std::size_t width_of(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string repeated(const std::string& piece, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

std::string padded(const std::string& s, std::size_t width, Align align) {
  std::string fill(width - std::min(width, width_of(s)), ' ');
  return align == Align::left ? s + fill : fill + s;
}

std::string without_trailing_spaces(std::string s) {
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

std::string count(int n) { return std::to_string(n); }

// --- Column widths and the group row --------------------------------------------------------

struct Span {
  std::size_t first;
  std::size_t last;  // inclusive
};

/// Runs of adjacent columns sharing a non-empty group.
std::vector<Span> group_spans(const std::vector<Column>& columns) {
  std::vector<Span> spans;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].group.empty()) continue;
    if (!spans.empty() && spans.back().last + 1 == i &&
        columns[spans.back().first].group == columns[i].group) {
      spans.back().last = i;
    } else {
      spans.push_back({i, i});
    }
  }
  return spans;
}

std::size_t span_width(const std::vector<std::size_t>& widths, const Span& s) {
  std::size_t w = 0;
  for (std::size_t i = s.first; i <= s.last; ++i) w += widths[i];
  return w + kGap * (s.last - s.first);
}

std::vector<std::size_t> column_widths(const Table& t) {
  std::vector<std::size_t> widths;
  for (const auto& c : t.columns) widths.push_back(width_of(c.title));
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], width_of(row[i]));
    }
  }
  for (const auto& s : group_spans(t.columns)) {  // a long group title widens its last column
    std::size_t need = width_of(t.columns[s.first].group);
    std::size_t have = span_width(widths, s);
    if (need > have) widths[s.last] += need - have;
  }
  return widths;
}

std::string group_line(const Table& t, const std::vector<std::size_t>& widths) {
  auto spans = group_spans(t.columns);
  std::string line;
  for (std::size_t i = 0; i < t.columns.size();) {
    auto span =
        std::find_if(spans.begin(), spans.end(), [&](const Span& s) { return s.first == i; });
    Span here = span == spans.end() ? Span{i, i} : *span;
    std::size_t w = span_width(widths, here);
    std::string title = span == spans.end() ? "" : t.columns[i].group;
    std::size_t left = (w - width_of(title)) / 2;
    line += std::string(left, ' ') + title + std::string(w - left - width_of(title), ' ');
    if (here.last + 1 < t.columns.size()) line += std::string(kGap, ' ');
    i = here.last + 1;
  }
  return without_trailing_spaces(line);
}

std::string row_line(const Table& t, const std::vector<std::string>& cells,
                     const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) line += std::string(kGap, ' ');
    line += padded(i < cells.size() ? cells[i] : "", widths[i], t.columns[i].align);
  }
  return without_trailing_spaces(line);
}

std::vector<std::string> titles_of(const Table& t) {
  std::vector<std::string> titles;
  for (const auto& c : t.columns) titles.push_back(c.title);
  return titles;
}

// --- The tables' rows -----------------------------------------------------------------------

Column text_column(std::string title) { return {std::move(title), "", Align::left}; }
Column number_column(std::string title, std::string group = "") {
  return {std::move(title), std::move(group), Align::right};
}

bool any_open(const Figures& f) { return f.total.open > 0; }

std::vector<std::string> count_row(const ServiceFigures& s, bool with_open) {
  std::vector<std::string> row{s.label, count(s.tickets), count(s.served), count(s.no_show),
                               count(s.not_served)};
  if (with_open) row.push_back(count(s.open));
  return row;
}

std::vector<std::string> times_row(const ServiceFigures& s) {
  return {s.label,
          format_duration(s.wait.mean),
          format_duration(s.wait.median),
          format_duration(s.wait.p90),
          format_duration(s.at_counter.mean),
          format_duration(s.at_counter.median),
          format_duration(s.at_counter.p90)};
}

/// First and last hours shown: opening span and arrivals together; nullopt when neither.
std::optional<std::pair<int, int>> shown_hours(const Figures& f) {
  std::optional<std::pair<int, int>> span;
  for (int h = 0; h < 24; ++h) {
    auto i = static_cast<std::size_t>(h);
    if (!f.open_hours[i] && f.arrivals_per_hour[i] == 0) continue;
    if (!span) span = std::pair{h, h};
    span->second = h;
  }
  return span;
}

std::string bar(int n, int most) {
  if (n <= 0 || most <= 0) return "";
  int blocks = std::max(1, static_cast<int>(std::lround(double(n) * kBarWidth / most)));
  return repeated("█", static_cast<std::size_t>(blocks));
}

}  // namespace

std::string format_duration(std::optional<double> seconds) {
  if (!seconds) return text::report_no_sample();
  if (*seconds > 0 && *seconds < 30) return text::report_under_a_minute();
  long minutes = std::lround(std::max(0.0, *seconds) / 60.0);
  if (minutes < 60) return text::report_minutes(static_cast<int>(minutes));
  return text::report_hours_minutes(static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
}

std::string format_share(std::optional<double> share) {
  if (!share) return text::report_no_sample();
  return text::report_percent(static_cast<int>(std::lround(*share * 100.0)));
}

std::string format_date(const util::LocalDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", d.day, d.month, d.year);
  return buf;
}

std::vector<std::string> report_header(const Figures& f, const std::string& agency) {
  std::vector<std::string> lines{text::report_title(agency)};
  if (f.from == f.to) {
    lines.push_back(text::report_one_day(format_date(f.from)));
  } else {
    lines.push_back(
        text::report_range(format_date(f.from), format_date(f.to), f.days, f.open_days));
  }
  double opening = std::chrono::duration<double>(f.opening_time).count();
  double elapsed = std::chrono::duration<double>(f.opening_elapsed).count();
  if (f.opening_time.count() == 0) {
    lines.push_back(text::report_never_open());
  } else if (f.opening_elapsed < f.opening_time && !f.now_clock.empty()) {
    lines.push_back(text::report_opening_elapsed(format_duration(opening), format_duration(elapsed),
                                                 f.now_clock));
  } else {
    lines.push_back(text::report_opening_time(format_duration(opening)));
  }
  return lines;
}

Table services_table(const Figures& f) {
  Table t;
  t.title = text::report_services_title();
  t.columns = {text_column(text::report_col_service()), number_column(text::report_col_tickets()),
               number_column(text::report_col_served()), number_column(text::report_col_no_show()),
               number_column(text::report_col_not_served())};
  bool with_open = any_open(f);
  if (with_open) t.columns.push_back(number_column(text::report_col_open()));
  for (const auto& s : f.services) t.rows.push_back(count_row(s, with_open));
  t.rows.push_back(count_row(f.total, with_open));
  t.last_row_is_total = true;
  t.notes = {text::report_services_note(with_open),
             text::report_priority_note(f.total.tickets, f.total.priority, f.total.transferred_in)};
  return t;
}

Table times_table(const Figures& f) {
  Table t;
  t.title = text::report_times_title();
  t.columns = {text_column(text::report_col_service())};
  for (const auto& group : {text::report_group_wait(), text::report_group_at_counter()}) {
    t.columns.push_back(number_column(text::report_col_mean(), group));
    t.columns.push_back(number_column(text::report_col_median(), group));
    t.columns.push_back(number_column(text::report_col_p90(), group));
  }
  for (const auto& s : f.services) t.rows.push_back(times_row(s));
  t.rows.push_back(times_row(f.total));
  t.last_row_is_total = true;
  t.notes = {text::report_times_note(), text::report_p90_note()};
  return t;
}

Table arrivals_table(const Figures& f) {
  Table t;
  t.title = text::report_arrivals_title();
  t.columns = {text_column(text::report_col_hour()), number_column(text::report_col_arrivals()),
               text_column("")};
  int most = *std::max_element(f.arrivals_per_hour.begin(), f.arrivals_per_hour.end());
  if (auto span = shown_hours(f)) {
    for (int h = span->first; h <= span->second; ++h) {
      int n = f.arrivals_per_hour[static_cast<std::size_t>(h)];
      t.rows.push_back({text::report_hour_span(h), count(n), bar(n, most)});
    }
  }
  if (most == 0) t.notes.push_back(text::report_no_arrival());
  return t;
}

Table counters_table(const Figures& f) {
  Table t;
  t.title = text::report_counters_title();
  t.columns = {text_column(text::report_col_counter()), number_column(text::report_col_served()),
               number_column(text::report_col_no_show()), number_column(text::report_col_busy()),
               number_column(text::report_col_busy_share())};
  for (const auto& c : f.counters) {
    double busy = std::chrono::duration<double>(c.busy).count();
    t.rows.push_back({c.label, count(c.served), count(c.no_show), format_duration(busy),
                      format_share(c.busy_share)});
  }
  t.notes = {text::report_counters_elapsed_note()};
  return t;
}

Table not_received_table(const Figures& f) {
  Table t;
  t.title = text::report_not_received_title();
  std::string wait = text::report_group_wait();
  t.columns = {
      text_column(text::report_col_service()),        number_column(text::report_col_people()),
      number_column(text::report_col_no_show()),      number_column(text::report_col_not_served()),
      number_column(text::report_col_waiting_now()),  number_column(text::report_col_mean(), wait),
      number_column(text::report_col_median(), wait), number_column(text::report_col_p90(), wait)};
  auto row = [](const ServiceFigures& s) {
    const Durations& w = s.wait_not_received;
    return std::vector<std::string>{s.label,
                                    count(w.count),
                                    count(s.no_show),
                                    count(s.not_served),
                                    count(s.waiting_now),
                                    format_duration(w.mean),
                                    format_duration(w.median),
                                    format_duration(w.p90)};
  };
  for (const auto& s : f.services) t.rows.push_back(row(s));
  t.rows.push_back(row(f.total));
  t.last_row_is_total = true;
  t.notes = text::report_not_received_notes();
  return t;
}

Table days_table(const Figures& f) {
  Table t;
  t.title = text::report_days_title();
  std::string wait = text::report_group_wait();
  t.columns = {text_column(text::report_col_day()),
               number_column(text::report_col_tickets()),
               number_column(text::report_col_served()),
               number_column(text::report_col_mean(), wait),
               number_column(text::report_col_median(), wait),
               number_column(text::report_col_accompaniments()),
               number_column(text::report_col_done_for_them())};
  for (const auto& d : f.days_series) {
    t.rows.push_back({format_date(d.day), count(d.tickets), count(d.served),
                      format_duration(d.wait.mean), format_duration(d.wait.median),
                      count(d.accompaniments), format_share(d.done_for_them_share)});
  }
  t.notes = text::report_days_notes();
  return t;
}

Table outcome_table(const OutcomeTable& o) {
  Table t;
  t.title = text::report_outcome_title(o.title);
  bool grouped = o.list == queue::OutcomeList::theme;
  if (grouped) t.columns.push_back(text_column(text::report_col_group()));
  t.columns.push_back(text_column(o.title));
  t.columns.push_back(number_column(text::report_col_visits()));
  t.columns.push_back(number_column(text::report_col_share()));
  for (const auto& r : o.rows) {
    std::vector<std::string> row;
    if (grouped) row.push_back(r.group);
    row.push_back(r.label);
    row.push_back(r.count ? count(*r.count) : text::report_masked_count());
    row.push_back(r.count ? format_share(r.share) : text::report_no_sample());
    t.rows.push_back(std::move(row));
  }
  t.notes = {text::report_outcome_visits_note(o.visits)};
  if (queue::is_multiple(o.list)) t.notes.push_back(text::report_outcome_multiple_note());
  if (o.profile) {
    for (auto& note : text::report_outcome_profile_notes()) t.notes.push_back(std::move(note));
  }
  return t;
}

Table workshops_table(const Figures& f) {
  Table t;
  t.title = text::report_workshops_title();
  t.columns = {text_column(text::report_col_theme()), number_column(text::report_col_workshops()),
               number_column(text::report_col_participants()),
               number_column(text::report_col_duration())};
  auto row = [](const std::string& label, int workshops, int participants, int minutes) {
    return std::vector<std::string>{label, count(workshops), count(participants),
                                    format_duration(minutes * 60.0)};
  };
  for (const auto& w : f.workshops.themes) {
    if (w.workshops > 0) t.rows.push_back(row(w.label, w.workshops, w.participants, w.minutes));
  }
  const WorkshopFigures& all = f.workshops;
  t.rows.push_back(row(text::report_total(), all.workshops, all.participants, all.minutes));
  t.last_row_is_total = true;
  if (all.workshops == 0) t.notes = {text::report_no_workshop()};
  return t;
}

std::vector<Table> report_tables(const Figures& f) {
  return {services_table(f), times_table(f), arrivals_table(f), counters_table(f)};
}

std::vector<Table> all_report_tables(const Figures& f) {
  std::vector<Table> tables{services_table(f), times_table(f), not_received_table(f),
                            arrivals_table(f), counters_table(f)};
  if (f.days > 1) tables.push_back(days_table(f));
  for (const auto& o : f.outcomes) tables.push_back(outcome_table(o));
  tables.push_back(workshops_table(f));
  return tables;
}

std::vector<std::string> table_lines(const Table& table) {
  auto widths = column_widths(table);
  std::size_t total = 0;
  for (auto w : widths) total += w;
  total += kGap * (widths.empty() ? 0 : widths.size() - 1);
  std::string rule = repeated("─", total);

  std::vector<std::string> lines{table.title};
  if (!group_spans(table.columns).empty()) lines.push_back(group_line(table, widths));
  lines.push_back(row_line(table, titles_of(table), widths));
  lines.push_back(rule);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (table.last_row_is_total && r + 1 == table.rows.size()) lines.push_back(rule);
    lines.push_back(row_line(table, table.rows[r], widths));
  }
  for (const auto& n : table.notes) lines.push_back(n);
  return lines;
}

std::string report_text(const Figures& f, const std::string& agency) {
  std::string out;
  for (const auto& l : report_header(f, agency)) out += l + "\n";
  for (const auto& t : all_report_tables(f)) {
    out += "\n";
    for (const auto& l : table_lines(t)) out += l + "\n";
  }
  return out;
}

}  // namespace pcn::report
