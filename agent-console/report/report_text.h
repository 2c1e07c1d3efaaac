// The pilot's figures in French, for an agency manager: as tables of cells (what the window's
// "Statistiques" page draws) and as a plain-text report (what `agent-console report` prints).
//
// Text report, in this order: a header (agency, the day or the range in dd/mm/yyyy, opening
// time, and on a day not over the part of it elapsed at the report's time), then the tables,
// each with its title and, under it, notes that say how to read it:
//  1. "Tickets par service": tickets, servis, absents, non servis (and "en cours" when some are
//     still open), one row per service and a Total row.
//  2. "Temps par service": waiting time and time at the counter (moyenne, médiane, 90 %) of the
//     received visitors, per service and in total.
//  3. "Attente des personnes non reçues": how many, of which absents, non servis and still
//     waiting, and their waits (moyenne, médiane, 90 %), per service and in total.
//  4. "Arrivées par heure": the local hours from the earliest of (opening, first arrival) to the
//     latest of (closing, last arrival), with a bar; "Aucune arrivée." when there is none.
//  5. "Guichets": served and no-show tickets, busy time and busy share (%) of each counter over
//     the elapsed opening time.
//  6. "Jour par jour" (a range of several days only): tickets, served, waits, accompaniments and
//     the share "fait à la place" of each day.
//  7. One table per outcome list (partner … equipment): every code, "non renseigné", visits and
//     share of the served visits; masked counts as "< 5" (report/figures.h).
//  8. "Ateliers collectifs": the themes that had workshops, and the total.
// Durations are rounded to the minute: "12 min", "1 h 05", "< 1 min" under 30 s, "—" without a
// sample. Shares are whole percents: "37 %".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/figures.h"

namespace pcn::report {

enum class Align { left, right };

struct Column {
  std::string title;  ///< "médiane"
  std::string group;  ///< a title shared by adjacent columns ("Attente"); "" when none
  Align align = Align::right;
};

/// One table of the report, as text cells.
struct Table {
  std::string title;  ///< "Tickets par service"
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  ///< each has one cell per column
  bool last_row_is_total = false;              ///< the last row sums up the others
  std::vector<std::string> notes;              ///< how to read it, a sentence a line
};

/// "12 min", "1 h 05", "< 1 min" (under 30 s), "0 min", "—" for nullopt. Rounded to the minute.
std::string format_duration(std::optional<double> seconds);
/// "37 %" (whole percent of a 0..1 share), "—" for nullopt.
std::string format_share(std::optional<double> share);
/// "23/11/2026".
std::string format_date(const util::LocalDate& d);

/// The header lines: title with the agency's name, the day or the range, the opening time.
std::vector<std::string> report_header(const Figures& f, const std::string& agency);

Table services_table(const Figures& f);
Table times_table(const Figures& f);
Table arrivals_table(const Figures& f);
Table counters_table(const Figures& f);
Table not_received_table(const Figures& f);
Table days_table(const Figures& f);
Table outcome_table(const OutcomeTable& o);
Table workshops_table(const Figures& f);
/// The queue tables 1, 2, 4 and 5 (what the window's "Statistiques" page shows).
std::vector<Table> report_tables(const Figures& f);
/// Every table of the text report, in its order.
std::vector<Table> all_report_tables(const Figures& f);

/// The table in monospace lines: title, group row (when any column has a group), column
/// titles, a rule, the rows (a rule before a total row), the notes. Widths count code points,
/// so accented letters line up. No trailing spaces.
std::vector<std::string> table_lines(const Table& table);

/// The whole report: the header lines, then each table after a blank line. Ends with a newline.
std::string report_text(const Figures& f, const std::string& agency);

}  // namespace pcn::report
