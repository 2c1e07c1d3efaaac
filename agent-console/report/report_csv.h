// The report's tables as CSV files, one table per file, the way a French spreadsheet (LibreOffice
// Calc, Excel set to French) opens them with a double click.
//
// Format: fields separated by semicolons (';'); a field holding a semicolon, a double quote, a
// CR or a LF is enclosed in double quotes, with its quotes doubled (RFC 4180 otherwise); every
// line ends with CRLF. Text is UTF-8 and each file starts with a byte-order mark (EF BB BF), which
// is how spreadsheets recognise UTF-8. First line: the column titles; then one line per row.
// Numbers use a decimal comma: durations are minutes with two decimals ("12,50"), shares are
// percents with one decimal ("37,5"), counts are integers; a masked count is "< 5"; a value
// without a sample is an empty field. The tables, their columns and their file names are those
// of report/data_tables.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/data_tables.h"
#include "report/figures.h"
#include "util/result.h"

namespace pcn::report {

/// The byte-order mark that starts every file.
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

/// `value` as one field: quoted (quotes doubled) when it holds ; " CR or LF.
std::string csv_field(const std::string& value);
/// The fields as one record: joined by ';' and ended by CRLF.
std::string csv_record(const std::vector<std::string>& fields);
/// Seconds as minutes with two decimals and a comma ("12,50"); "" for nullopt.
std::string csv_minutes(std::optional<double> seconds);
/// A 0..1 share as a percent with one decimal and a comma ("37,5"); "" for nullopt.
std::string csv_percent(std::optional<double> share);
/// One cell as its field.
std::string csv_cell(const Cell& cell);

struct CsvFile {
  std::string name;     ///< the table's file name part ("tickets-par-service"), no extension
  std::string content;  ///< BOM, titles, rows
};

/// One table as a file.
CsvFile csv_file(const DataTable& table);
/// Writes `content` to `path` (replaced when it exists). Fails with "io_error", the message
/// naming the file and the system's reason.
util::Status write_report_file(const std::string& path, const std::string& content);

/// Every table of the report (report/data_tables.h), in order.
std::vector<CsvFile> report_csv_files(const Figures& f, const std::string& agency);

}  // namespace pcn::report
