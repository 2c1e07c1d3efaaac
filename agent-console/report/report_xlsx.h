// The report's tables as an .xlsx workbook (`agent-console report --xlsx FILE`), one sheet per
// table of report/data_tables.h in that order, named with its French sheet name (at most 31
// characters). Each sheet: the column titles in bold on row 1 (frozen), then one row per table
// row. Counts are numbers, durations minutes as numbers shown with two decimals, shares percents
// shown with one decimal, a masked count the text "< 5", a value without a sample an empty cell.
//
// Written with Debian's libxlsxwriter (libxlsxwriter-dev), which does the Office Open XML
// packaging; the adapter translates its errors into French messages.
#pragma once

#include <string>
#include <vector>

#include "report/data_tables.h"
#include "util/result.h"

namespace pcn::report {

/// Writes `tables` to `path` (replaced if it exists). Fails with "io_error" (French message
/// naming the file and libxlsxwriter's reason) when the file cannot be written, or "bad_request"
/// when a sheet name is refused (empty, too long, repeated, or with []:*?/\).
util::Status write_xlsx(const std::string& path, const std::vector<DataTable>& tables);

}  // namespace pcn::report
