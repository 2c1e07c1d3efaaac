#include "report/report_csv.h"

#include <array>
#include <charconv>

#include "text/catalog.h"

namespace pcn::report {

namespace {

using Record = std::vector<std::string>;

/// `value` with `decimals` digits after a dot, whatever the process's locale.
std::string fixed(double value, int decimals) {
  std::array<char, 64> buf{};
  auto [end, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
  if (ec != std::errc{}) return "";
  return std::string(buf.data(), end);
}

std::string count(int n) { return std::to_string(n); }

std::string section(const std::string& title, const Record& columns,
                    const std::vector<Record>& rows) {
  std::string out = csv_record({title}) + csv_record(columns);
  for (const auto& r : rows) out += csv_record(r);
  return out;
}

std::string summary_section(const Figures& f, const std::string& agency) {
  double opening = std::chrono::duration<double>(f.opening_time).count();
  return csv_record({text::report_csv_summary_title()}) +
         csv_record({text::report_csv_agency(), agency}) +
         csv_record({text::report_csv_from(), f.from.to_string()}) +
         csv_record({text::report_csv_to(), f.to.to_string()}) +
         csv_record(
             {text::report_csv_minutes(text::report_csv_opening_time()), csv_minutes(opening)});
}

Record service_record(const ServiceFigures& s) {
  return {std::string(1, s.prefix),
          s.label,
          count(s.tickets),
          count(s.served),
          count(s.no_show),
          count(s.not_served),
          count(s.open),
          count(s.priority),
          count(s.transferred_in),
          csv_minutes(s.wait.mean),
          csv_minutes(s.wait.median),
          csv_minutes(s.wait.p90),
          csv_minutes(s.at_counter.mean),
          csv_minutes(s.at_counter.median),
          csv_minutes(s.at_counter.p90)};
}

std::string services_section(const Figures& f) {
  auto minutes = [](const std::string& what) { return text::report_csv_minutes(what); };
  Record columns{text::report_csv_prefix(),
                 text::report_col_service(),
                 text::report_col_tickets(),
                 text::report_col_served(),
                 text::report_col_no_show(),
                 text::report_col_not_served(),
                 text::report_col_open(),
                 text::report_csv_priority(),
                 text::report_csv_transferred(),
                 minutes(text::report_csv_wait_mean()),
                 minutes(text::report_csv_wait_median()),
                 minutes(text::report_csv_wait_p90()),
                 minutes(text::report_csv_counter_mean()),
                 minutes(text::report_csv_counter_median()),
                 minutes(text::report_csv_counter_p90())};
  std::vector<Record> rows;
  for (const auto& s : f.services) rows.push_back(service_record(s));
  rows.push_back(service_record(f.total));
  return section(text::report_services_title(), columns, rows);
}

std::string counters_section(const Figures& f) {
  Record columns{text::report_csv_number(),
                 text::report_col_counter(),
                 text::report_col_served(),
                 text::report_col_no_show(),
                 text::report_csv_minutes(text::report_col_busy()),
                 text::report_csv_percent(text::report_col_busy_share())};
  std::vector<Record> rows;
  for (const auto& c : f.counters) {
    double busy = std::chrono::duration<double>(c.busy).count();
    rows.push_back({count(c.number), c.label, count(c.served), count(c.no_show), csv_minutes(busy),
                    csv_percent(c.busy_share)});
  }
  return section(text::report_counters_title(), columns, rows);
}

std::string arrivals_section(const Figures& f) {
  std::vector<Record> rows;
  for (int h = 0; h < 24; ++h) {
    rows.push_back({count(h), count(f.arrivals_per_hour[static_cast<std::size_t>(h)])});
  }
  return section(text::report_arrivals_title(),
                 {text::report_csv_hour_start(), text::report_col_arrivals()}, rows);
}

}  // namespace

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

std::string csv_minutes(std::optional<double> seconds) {
  return seconds ? fixed(*seconds / 60.0, 2) : "";
}

std::string csv_percent(std::optional<double> share) {
  return share ? fixed(*share * 100.0, 1) : "";
}

std::string report_csv(const Figures& f, const std::string& agency) {
  const std::string blank = "\r\n";
  return summary_section(f, agency) + blank + services_section(f) + blank + counters_section(f) +
         blank + arrivals_section(f);
}

}  // namespace pcn::report
