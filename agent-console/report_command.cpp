#include "agent-console/report_command.h"

#include <filesystem>

#include "protocol/codec.h"
#include "report/data_tables.h"
#include "report/date_range.h"
#include "report/report_csv.h"
#include "report/report_json.h"
#include "report/report_text.h"
#include "report/report_xlsx.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

constexpr int kLongestPiece = 31;  // days per `tickets` request

int fail(std::ostream& err, const std::string& message, int code) {
  err << "agent-console : " << message << std::endl;
  return code;
}

/// The last day of the piece starting at `from`: 31 days on at most, and never after `to`.
util::LocalDate piece_end(util::LocalDate from, util::LocalDate to) {
  util::LocalDate end = from;
  for (int i = 1; i < kLongestPiece && end < to; ++i) end = end.next();
  return end;
}

/// The array `name` of the reply, each element decoded by `decode` into `out`; a missing
/// workshops array (a hub before outcomes) is none.
template <typename T, typename Decode>
util::Status append_rows(const protocol::Json& result, const char* name, bool required,
                         Decode decode, std::vector<T>& out) {
  if (!result.is_object()) return util::make_error("bad_request", text::field_missing("result"));
  if (!result.contains(name)) {
    if (!required) return {};
    return util::make_error("bad_request", text::field_missing(std::string("result.") + name));
  }
  const auto& rows = result.at(name);
  if (!rows.is_array()) {
    return util::make_error("bad_request", text::field_missing(std::string("result.") + name));
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = decode(rows[i], std::string("result.") + name + "[" + std::to_string(i) + "]");
    if (!row.ok()) return row.error();
    out.push_back(std::move(*row));
  }
  return {};
}

util::Status append_reply(const protocol::Json& result, ReportData& out) {
  PCN_TRY(append_rows(result, "tickets", true, protocol::decode_ticket_at, out.tickets));
  return append_rows(result, "workshops", false, protocol::decode_workshop_at, out.workshops);
}

std::string failure_message(const util::Error& e, const std::string& endpoint) {
  if (e.code == "forbidden") return text::report_forbidden();
  if (e.code == "unreachable") return text::report_unreachable(endpoint);
  if (e.code == "bad_request") return text::report_bad_reply(e.message);
  return text::report_refused(e.message);
}

/// Writes every CSV file; returns their paths.
util::Result<std::vector<std::string>> write_csv_files(const std::string& target,
                                                       const report::Figures& figures,
                                                       const std::string& agency) {
  auto files = report::report_csv_files(figures, agency);
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.name);
  auto paths = csv_paths(target, names);
  if (!target.empty() && target.back() == '/') {
    std::error_code ignored;  // a folder that cannot be made fails below, naming the file
    std::filesystem::create_directories(target, ignored);
  }
  for (std::size_t i = 0; i < files.size(); ++i) PCN_TRY(report::write_report_file(paths[i], files[i].content));
  return paths;
}

/// The lines that say which files were written.
std::string written_lines(const std::vector<std::string>& csv, const std::string& xlsx) {
  std::string out;
  if (!csv.empty()) {
    auto first = std::filesystem::path(csv.front());
    std::string folder = first.parent_path().string();
    out += text::report_csv_tables_written(static_cast<int>(csv.size()), first.filename().string(),
                                           folder.empty() ? "." : folder) +
           "\n";
  }
  if (!xlsx.empty()) out += text::report_xlsx_written(xlsx) + "\n";
  return out;
}

}  // namespace

util::Result<DateRange> report_dates(const ReportRequest& request, const util::TimeZone& zone,
                                     util::TimePoint now) {
  return report::parse_date_range(request.from, request.to, zone, now);
}

std::vector<std::string> csv_paths(const std::string& target,
                                   const std::vector<std::string>& names) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  bool folder = (!target.empty() && target.back() == '/') || fs::is_directory(target, ignored);
  std::string prefix = target;
  const std::string extension = ".csv";
  if (!folder && prefix.size() > extension.size() &&
      prefix.compare(prefix.size() - extension.size(), extension.size(), extension) == 0) {
    prefix.erase(prefix.size() - extension.size());
  }
  std::vector<std::string> paths;
  for (const auto& name : names) {
    paths.push_back(folder ? (fs::path(target) / (name + extension)).string()
                           : prefix + "-" + name + extension);
  }
  return paths;
}

util::Result<ReportData> fetch_report_data(client::Client& client, const DateRange& range) {
  ReportData data;
  for (util::LocalDate from = range.from; from <= range.to;) {
    util::LocalDate to = piece_end(from, range.to);
    auto reply = client.request("tickets", {{"from", from.to_string()}, {"to", to.to_string()}});
    if (!reply.ok()) return reply.error();
    PCN_TRY(append_reply(*reply, data));
    if (to == range.to) break;
    from = to.next();
  }
  return data;
}

util::Result<std::vector<queue::Ticket>> fetch_tickets(client::Client& client,
                                                       const DateRange& range) {
  auto data = fetch_report_data(client, range);
  if (!data.ok()) return data.error();
  return std::move(data->tickets);
}

report::Figures report_figures(const config::AgencyConfig& config, const DateRange& range,
                               const ReportData& data, std::optional<util::TimePoint> now) {
  report::ReportInput input{
      range.from,   range.to, &config.services, &config.counters, &config.hours,
      &config.zone, now,      &config.outcomes};
  return report::compute(input, data.tickets, data.workshops);
}

int run_report(const config::AgencyConfig& config, client::ClientOptions options,
               const ReportRequest& request, std::ostream& out, std::ostream& err) {
  util::TimePoint now = request.now.value_or(util::SystemClock().now());
  auto range = report_dates(request, config.zone, now);
  if (!range.ok()) return fail(err, range.error().message, 2);
  options.follow = false;
  std::string endpoint = options.request_endpoint;
  auto client = client::Client::connect(std::move(options));
  if (!client.ok()) return fail(err, client.error().message, 1);
  auto data = fetch_report_data(**client, *range);
  if (!data.ok()) return fail(err, failure_message(data.error(), endpoint), 1);
  report::Figures figures = report_figures(config, *range, *data, now);

  std::vector<std::string> csv;
  if (!request.csv.empty()) {
    auto written = write_csv_files(request.csv, figures, config.name);
    if (!written.ok()) return fail(err, written.error().message, 1);
    csv = std::move(*written);
  }
  if (!request.xlsx.empty()) {
    auto written = report::write_xlsx(request.xlsx, report::data_tables(figures, config.name));
    if (!written.ok()) return fail(err, written.error().message, 1);
  }
  if (request.json) {
    std::vector<std::string> files = csv;
    if (!request.xlsx.empty()) files.push_back(request.xlsx);
    out << report::report_json(figures, config.name, files) << std::flush;
    return 0;
  }
  out << report::report_text(figures, config.name);
  std::string written = written_lines(csv, request.xlsx);
  if (!written.empty()) out << "\n" << written;
  out << std::flush;
  return 0;
}

}  // namespace pcn::agent_console
