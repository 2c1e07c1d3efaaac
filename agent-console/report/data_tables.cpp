#include "report/data_tables.h"

#include <cctype>

#include "text/catalog.h"

namespace pcn::report {

namespace {

using Row = std::vector<Cell>;

std::string minutes_title(const std::string& what) { return text::report_csv_minutes(what); }
std::string percent_title(const std::string& what) { return text::report_csv_percent(what); }

Cell count(int n) { return Cell::of_count(n); }
Cell minutes(std::optional<double> seconds) { return Cell::of_minutes(seconds); }
Cell seconds(std::chrono::seconds s) {
  return Cell::of_minutes(std::chrono::duration<double>(s).count());
}

DataTable table(std::string key, std::string title, std::string sheet = "") {
  DataTable t;
  t.key = std::move(key);
  t.file = file_name_part(title);
  t.sheet = sheet.empty() ? title : std::move(sheet);
  t.title = std::move(title);
  return t;
}

DataTable summary_table(const Figures& f, const std::string& agency) {
  DataTable t = table("summary", text::report_sheet_summary());
  t.columns = {{"item", text::report_col_item()}, {"value", text::report_col_value()}};
  auto row = [&](std::string item, Cell value) {
    t.rows.push_back({Cell::of_text(std::move(item)), std::move(value)});
  };
  row(text::report_csv_agency(), Cell::of_text(agency));
  row(text::report_csv_from(), Cell::of_text(f.from.to_string()));
  row(text::report_csv_to(), Cell::of_text(f.to.to_string()));
  row(minutes_title(text::report_csv_opening_time()), seconds(f.opening_time));
  row(minutes_title(text::report_csv_opening_elapsed()), seconds(f.opening_elapsed));
  row(text::report_csv_days(), count(f.days));
  row(text::report_csv_open_days(), count(f.open_days));
  row(text::report_csv_now(), f.now_clock.empty() ? Cell{} : Cell::of_text(f.now_clock));
  return t;
}

Row service_row(const ServiceFigures& s) {
  return {Cell::of_text(std::string(1, s.prefix)),
          Cell::of_text(s.label),
          count(s.tickets),
          count(s.served),
          count(s.no_show),
          count(s.not_served),
          count(s.open),
          count(s.priority),
          count(s.transferred_in),
          minutes(s.wait.mean),
          minutes(s.wait.median),
          minutes(s.wait.p90),
          minutes(s.at_counter.mean),
          minutes(s.at_counter.median),
          minutes(s.at_counter.p90)};
}

DataTable services_table(const Figures& f) {
  DataTable t = table("services", text::report_services_title());
  t.columns = {{"prefix", text::report_csv_prefix()},
               {"service", text::report_col_service()},
               {"tickets", text::report_col_tickets()},
               {"served", text::report_col_served()},
               {"no_show", text::report_col_no_show()},
               {"not_served", text::report_col_not_served()},
               {"open", text::report_col_open()},
               {"priority", text::report_csv_priority()},
               {"transferred", text::report_csv_transferred()},
               {"wait_mean_min", minutes_title(text::report_csv_wait_mean())},
               {"wait_median_min", minutes_title(text::report_csv_wait_median())},
               {"wait_p90_min", minutes_title(text::report_csv_wait_p90())},
               {"at_counter_mean_min", minutes_title(text::report_csv_counter_mean())},
               {"at_counter_median_min", minutes_title(text::report_csv_counter_median())},
               {"at_counter_p90_min", minutes_title(text::report_csv_counter_p90())}};
  for (const auto& s : f.services) t.rows.push_back(service_row(s));
  t.rows.push_back(service_row(f.total));
  return t;
}

Row not_received_row(const ServiceFigures& s) {
  const Durations& w = s.wait_not_received;
  return {Cell::of_text(std::string(1, s.prefix)),
          Cell::of_text(s.label),
          count(w.count),
          count(s.no_show),
          count(s.not_served),
          count(s.waiting_now),
          minutes(w.mean),
          minutes(w.median),
          minutes(w.p90)};
}

DataTable not_received_table(const Figures& f) {
  DataTable t =
      table("not_received", text::report_not_received_title(), text::report_sheet_not_received());
  t.columns = {{"prefix", text::report_csv_prefix()},
               {"service", text::report_col_service()},
               {"people", text::report_col_people()},
               {"no_show", text::report_col_no_show()},
               {"not_served", text::report_col_not_served()},
               {"waiting_now", text::report_col_waiting_now()},
               {"wait_mean_min", minutes_title(text::report_csv_wait_mean())},
               {"wait_median_min", minutes_title(text::report_csv_wait_median())},
               {"wait_p90_min", minutes_title(text::report_csv_wait_p90())}};
  for (const auto& s : f.services) t.rows.push_back(not_received_row(s));
  t.rows.push_back(not_received_row(f.total));
  return t;
}

DataTable counters_table(const Figures& f) {
  DataTable t = table("counters", text::report_counters_title());
  t.columns = {{"number", text::report_csv_number()},
               {"counter", text::report_col_counter()},
               {"served", text::report_col_served()},
               {"no_show", text::report_col_no_show()},
               {"busy_min", minutes_title(text::report_col_busy())},
               {"busy_share_pct", percent_title(text::report_col_busy_share())}};
  for (const auto& c : f.counters) {
    t.rows.push_back({count(c.number), Cell::of_text(c.label), count(c.served), count(c.no_show),
                      seconds(c.busy), Cell::of_percent(c.busy_share)});
  }
  return t;
}

DataTable arrivals_table(const Figures& f) {
  DataTable t = table("arrivals", text::report_arrivals_title());
  t.columns = {{"hour", text::report_csv_hour_start()}, {"arrivals", text::report_col_arrivals()}};
  for (int h = 0; h < 24; ++h) {
    t.rows.push_back({count(h), count(f.arrivals_per_hour[static_cast<std::size_t>(h)])});
  }
  return t;
}

DataTable days_table(const Figures& f) {
  DataTable t = table("days", text::report_days_title());
  t.columns = {{"day", text::report_col_day()},
               {"tickets", text::report_col_tickets()},
               {"served", text::report_col_served()},
               {"wait_mean_min", minutes_title(text::report_csv_wait_mean())},
               {"wait_median_min", minutes_title(text::report_csv_wait_median())},
               {"accompaniments", text::report_col_accompaniments()},
               {"autonomy_given", text::report_col_autonomy_given()},
               {"done_for_them", text::report_col_done_for_them()},
               {"done_for_them_pct", percent_title(text::report_col_done_for_them())}};
  for (const auto& d : f.days_series) {
    t.rows.push_back({Cell::of_text(d.day.to_string()), count(d.tickets), count(d.served),
                      minutes(d.wait.mean), minutes(d.wait.median), count(d.accompaniments),
                      count(d.autonomy_given), count(d.done_for_them),
                      Cell::of_percent(d.done_for_them_share)});
  }
  return t;
}

DataTable outcome_table(const OutcomeTable& o) {
  std::string name = text::outcome_list_title(std::string(queue::to_string(o.list)));
  DataTable t = table(std::string(queue::to_string(o.list)), o.title, name);
  t.file = file_name_part(name);
  t.columns = {{"code", text::report_col_code()}, {"label", text::report_col_label()}};
  bool grouped = o.list == queue::OutcomeList::theme;
  if (grouped) t.columns.push_back({"group", text::report_col_group()});
  t.columns.push_back({"visits", text::report_col_visits()});
  t.columns.push_back({"share_pct", percent_title(text::report_col_share())});
  for (const auto& r : o.rows) {
    Row row{Cell::of_text(r.code), Cell::of_text(r.label)};
    if (grouped) row.push_back(Cell::of_text(r.group));
    row.push_back(Cell::of_count(r.count));
    row.push_back(Cell::of_percent(r.share));
    t.rows.push_back(std::move(row));
  }
  return t;
}

DataTable workshops_table(const Figures& f) {
  DataTable t = table("workshops", text::report_workshops_title());
  t.columns = {{"code", text::report_col_code()},
               {"theme", text::report_col_theme()},
               {"group", text::report_col_group()},
               {"workshops", text::report_col_workshops()},
               {"participants", text::report_col_participants()},
               {"minutes", minutes_title(text::report_col_duration())}};
  for (const auto& w : f.workshops.themes) {
    t.rows.push_back({Cell::of_text(w.code), Cell::of_text(w.label), Cell::of_text(w.group),
                      count(w.workshops), count(w.participants), count(w.minutes)});
  }
  const WorkshopFigures& all = f.workshops;
  t.rows.push_back({Cell::of_text("*"), Cell::of_text(text::report_total()), Cell{},
                    count(all.workshops), count(all.participants), count(all.minutes)});
  return t;
}

}  // namespace

Cell Cell::of_text(std::string text) {
  Cell c;
  c.kind = Kind::text;
  c.text = std::move(text);
  return c;
}

Cell Cell::of_count(int n) {
  Cell c;
  c.kind = Kind::count;
  c.number = n;
  return c;
}

Cell Cell::of_count(std::optional<int> n) { return n ? of_count(*n) : masked(); }

Cell Cell::of_minutes(std::optional<double> seconds) {
  Cell c;
  if (!seconds) return c;
  c.kind = Kind::minutes;
  c.number = *seconds / 60.0;
  return c;
}

Cell Cell::of_percent(std::optional<double> share) {
  Cell c;
  if (!share) return c;
  c.kind = Kind::percent;
  c.number = *share * 100.0;
  return c;
}

Cell Cell::masked() {
  Cell c;
  c.kind = Kind::masked;
  c.text = text::report_masked_count();
  return c;
}

std::vector<DataTable> data_tables(const Figures& f, const std::string& agency) {
  std::vector<DataTable> tables{summary_table(f, agency), services_table(f), not_received_table(f),
                                counters_table(f),        arrivals_table(f), days_table(f)};
  for (const auto& o : f.outcomes) tables.push_back(outcome_table(o));
  tables.push_back(workshops_table(f));
  return tables;
}

std::string file_name_part(const std::string& title) {
  static const std::pair<const char*, char> kAccents[] = {
      {"à", 'a'}, {"â", 'a'}, {"ç", 'c'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'},
      {"î", 'i'}, {"ï", 'i'}, {"ô", 'o'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"É", 'e'},
      {"È", 'e'}, {"À", 'a'}, {"Ç", 'c'}, {"Ê", 'e'}, {"Ô", 'o'}, {"Î", 'i'}};
  std::string out;
  auto add = [&](char c) {
    if (c == '-' && (out.empty() || out.back() == '-')) return;
    out += c;
  };
  for (std::size_t i = 0; i < title.size();) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    if (c < 0x80) {
      add(std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '-');
      ++i;
      continue;
    }
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::string letter = title.substr(i, length);
    char plain = '-';
    for (const auto& [accented, base] : kAccents) {
      if (letter == accented) plain = base;
    }
    add(plain);
    i += length;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace pcn::report
