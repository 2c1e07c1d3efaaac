// `agent-console report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--csv FOLDER_OR_PREFIX]
// [--xlsx FILE]`: the pilot's figures for a day or a date range. The tickets and workshops come
// from the hub (the `tickets` request of docs/protocol.md, which only the supervisor's key may
// send); the figures are computed with the config's services, counters, opening hours, time zone
// and outcome lists at the report's instant (report/figures.h), printed as the French text report
// (report/report_text.h) or, with --json, as one JSON object (report/report_json.h); --csv also
// writes one CSV file per table (report/report_csv.h), --xlsx a workbook (report/report_xlsx.h).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "client/client.h"
#include "config/agency_config.h"
#include "queue/ticket.h"
#include "report/date_range.h"
#include "report/figures.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::agent_console {

/// The key a report connects with unless --key says otherwise.
inline constexpr const char* kReportKey = "supervisor";

struct ReportRequest {
  std::string from;  ///< first day as typed, YYYY-MM-DD; "" = today in the agency's zone
  std::string to;    ///< last day as typed; "" = the first day
  /// Also write one CSV file per table (csv_paths); "" = no CSV.
  std::string csv;
  /// The instant of the report: what "today" means, the elapsed opening time, the waits of the
  /// people still waiting; nullopt = the machine's clock.
  std::optional<util::TimePoint> now;
  bool json = false;      ///< print the JSON object instead of the text
  std::string xlsx = {};  ///< also write the workbook there; "" = none
};

/// Where the CSV files go: with `target` an existing folder or ending with '/', FOLDER/NAME.csv;
/// otherwise `target` is a prefix, without its ".csv" if it has one: PREFIX-NAME.csv
/// ("out/rapport.csv" → "out/rapport-tickets-par-service.csv"). One path per name, in order.
std::vector<std::string> csv_paths(const std::string& target,
                                   const std::vector<std::string>& names);

using report::DateRange;

/// The days `request` asks for. Fails with "bad_date" (the message names the option and the
/// text) or "bad_range" (from after to).
util::Result<DateRange> report_dates(const ReportRequest& request, const util::TimeZone& zone,
                                     util::TimePoint now);

/// What the hub holds for a range.
struct ReportData {
  std::vector<queue::Ticket> tickets;
  std::vector<queue::Workshop> workshops;
};

/// The tickets and workshops of the range, asked from the hub in pieces of at most 31 days (the
/// protocol asks for short ranges). Fails with the hub's error as it came ("forbidden",
/// "unreachable"…), or "bad_request" when the reply does not decode.
util::Result<ReportData> fetch_report_data(client::Client& client, const DateRange& range);
/// The tickets alone (fetch_report_data).
util::Result<std::vector<queue::Ticket>> fetch_tickets(client::Client& client,
                                                       const DateRange& range);

/// The figures over `range` at `now` with the config's services, counters, hours, zone and
/// outcome lists.
report::Figures report_figures(const config::AgencyConfig& config, const DateRange& range,
                               const ReportData& data, std::optional<util::TimePoint> now);

/// Runs the report: writes the CSV files and the workbook asked for, then prints the text report
/// on `out` followed by a line for each kind of file written (with --json: the JSON object alone,
/// which lists the files). Returns 0 on success. On failure writes "agent-console : <French
/// message>" on `err`, nothing on `out`, and returns 2 for a bad date or range (before any
/// connection), 1 when the hub is unreachable, refuses (forbidden: the message says the
/// supervisor's key is needed), answers garbage, or a file cannot be written.
int run_report(const config::AgencyConfig& config, client::ClientOptions options,
               const ReportRequest& request, std::ostream& out, std::ostream& err);

}  // namespace pcn::agent_console
