// The pilot's agencies side by side: one row per agency and a last row for all of them together,
// from each one's report figures (report/figures.h: the same definitions everywhere). What
// `pcn-central report` prints first and writes as "agences.csv" and the workbook's first sheet.
//
// Columns: agency; tickets, served, absent, not served; the received visitors' median and 90 %
// wait; median time at the counter; accompaniments (served visits); the share "fait à la place"
// (of the served visits whose autonomy is recorded); workshops and their participants.
#pragma once

#include <string>
#include <vector>

#include "report/data_tables.h"
#include "report/figures.h"
#include "report/report_text.h"

namespace pcn::report {

struct NamedFigures {
  std::string name;  ///< "OPT Bourail"; the last row's "Toutes les agences"
  const Figures* figures = nullptr;
};

/// The comparison table, one row per entry in order (the caller puts the total last).
DataTable comparison_table(const std::vector<NamedFigures>& rows);

/// A data table as a text table (report_text.h): counts as integers, minutes as durations
/// ("12 min"), percents as "37 %", masked cells "< 5"; the last row marked as a total when
/// `last_row_is_total`.
Table text_table(const DataTable& table, bool last_row_is_total);

}  // namespace pcn::report
