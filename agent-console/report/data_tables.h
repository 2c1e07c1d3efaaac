// The report's tables as typed cells, for the machine outputs: JSON (report_json.h), one CSV file
// per table (report_csv.h) and the workbook (report_xlsx.h). Every output shows the same tables,
// columns and cells; only the way a cell is written differs.
//
// Tables, in order (key · French title · sheet · file name part):
//   summary        · Rapport (agency, range, opening time, elapsed opening time, days, now)
//   services       · Tickets par service (one row per service, then the total, prefix "*")
//   not_received   · Attente des personnes non reçues (per service, then the total)
//   counters       · Guichets
//   arrivals       · Arrivées par heure (hours 0 to 23, local time)
//   days           · Jour par jour (every day of the range)
//   partner … equipment · one per outcome list (queue::kOutcomeLists order): every code of the
//                    list, then codes no longer in it, then "non renseigné" (code "")
//   workshops      · Ateliers collectifs (every theme, then the total, code "*")
// Values: counts are integers; durations are minutes (two decimals); shares are percents (one
// decimal); a duration or share without a sample is empty; a masked count (profile tables,
// report/figures.h) is the text "< 5" and its share is empty. Dates are ISO (YYYY-MM-DD).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/figures.h"

namespace pcn::report {

struct Cell {
  enum class Kind { empty, text, count, minutes, percent, masked };
  Kind kind = Kind::empty;
  std::string text;   ///< kind text
  double number = 0;  ///< kind count (whole), minutes, percent (0–100)

  static Cell of_text(std::string text);
  static Cell of_count(int n);
  /// A count that may be masked: nullopt gives a masked cell.
  static Cell of_count(std::optional<int> n);
  /// Seconds, as minutes; empty for nullopt.
  static Cell of_minutes(std::optional<double> seconds);
  /// A 0..1 share, as a percent; empty for nullopt.
  static Cell of_percent(std::optional<double> share);
  static Cell masked();

  friend bool operator==(const Cell&, const Cell&) = default;
};

struct DataColumn {
  std::string key;    ///< JSON member: "tickets", "wait_mean_min"
  std::string title;  ///< French column title: "Tickets", "Attente moyenne (min)"
};

struct DataTable {
  std::string key;    ///< "services": the JSON member
  std::string title;  ///< "Tickets par service"
  std::string sheet;  ///< the workbook's sheet: at most 31 characters, unique, no []:*?/\ .
  std::string file;   ///< the CSV file's name part, ASCII: "tickets-par-service"
  std::vector<DataColumn> columns;
  std::vector<std::vector<Cell>> rows;  ///< one cell per column
};

/// The tables described above.
std::vector<DataTable> data_tables(const Figures& f, const std::string& agency);

/// `title` as an ASCII file name part: lower case, accents dropped, other characters as '-'
/// ("Première visite dans un PCN" → "premiere-visite-dans-un-pcn").
std::string file_name_part(const std::string& title);

}  // namespace pcn::report
