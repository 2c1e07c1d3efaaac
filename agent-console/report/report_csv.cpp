#include "report/report_csv.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <fstream>

#include "net/os_error.h"
#include "text/catalog.h"

namespace pcn::report {

namespace {

/// `value` with `decimals` digits after a comma, whatever the process's locale.
std::string fixed(double value, int decimals) {
  std::array<char, 64> buf{};
  auto [end, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
  if (ec != std::errc{}) return "";
  std::string out(buf.data(), end);
  if (auto dot = out.find('.'); dot != std::string::npos) out[dot] = ',';
  if (out.find_first_not_of("-0,") == std::string::npos) out.erase(0, out[0] == '-');  // "-0,00"
  return out;
}

}  // namespace

std::string csv_field(const std::string& value) {
  if (value.find_first_of(";\"\r\n") == std::string::npos) return value;
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
    if (i > 0) out += ';';
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

std::string csv_cell(const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::empty:
      return "";
    case Cell::Kind::text:
    case Cell::Kind::masked:
      return cell.text;
    case Cell::Kind::count:
      return std::to_string(std::lround(cell.number));
    case Cell::Kind::minutes:
      return fixed(cell.number, 2);
    case Cell::Kind::percent:
      return fixed(cell.number, 1);
  }
  return "";
}

CsvFile csv_file(const DataTable& table) {
  std::vector<std::string> titles;
  for (const auto& c : table.columns) titles.push_back(c.title);
  std::string content = std::string(kUtf8Bom) + csv_record(titles);
  for (const auto& row : table.rows) {
    std::vector<std::string> fields;
    for (const auto& cell : row) fields.push_back(csv_cell(cell));
    content += csv_record(fields);
  }
  return {table.file, std::move(content)};
}

std::vector<CsvFile> report_csv_files(const Figures& f, const std::string& agency) {
  std::vector<CsvFile> files;
  for (const auto& t : data_tables(f, agency)) files.push_back(csv_file(t));
  return files;
}

util::Status write_report_file(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  file.close();
  if (!file) {
    const int errnum = errno;
    return util::make_error("io_error", text::report_csv_failed(path, net::os_error_text(errnum)));
  }
  return util::Status::success();
}

}  // namespace pcn::report
