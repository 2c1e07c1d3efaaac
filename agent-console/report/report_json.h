// The report as one JSON object (`agent-console report --json`), for scripts:
//
//   {"agency": "OPT Bourail — …", "from": "2026-11-23", "to": "2026-11-23", "days": 1,
//    "open_days": 1, "opening_min": 480.0, "opening_elapsed_min": 156.0, "now": "10:06",
//    "tables": {"services": {"title": "Tickets par service", "rows": [{"prefix": "C", …}, …]},
//               "not_received": {…}, "counters": {…}, "arrivals": {…}, "days": {…},
//               "partner": {…}, …, "equipment": {…}, "workshops": {…}},
//    "files": ["/tmp/rapport-tickets-par-service.csv", …]}
//
// Every table of report/data_tables.h but the summary (whose rows are the top-level members) is a
// member of "tables", in that order, with its French title and its rows as objects keyed by the
// columns' keys. Values: counts are integers, durations (…_min) minutes and shares (…_pct)
// percents as numbers rounded to two and one decimals, a value without a sample is null, a
// masked count is the string "< 5" (and its share null). "now" is null without the report's
// instant; "files" lists the CSV files and workbook written, [] when none.
#pragma once

#include <string>
#include <vector>

#include "report/figures.h"

namespace pcn::report {

/// The object above, on one line, with a final newline.
std::string report_json(const Figures& f, const std::string& agency,
                        const std::vector<std::string>& files = {});

}  // namespace pcn::report
