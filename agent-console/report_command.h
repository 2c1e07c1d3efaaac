// `agent-console report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE]`: the pilot's figures
// for a day or a date range. The tickets come from the hub (the `tickets` request of
// docs/protocol.md, which only the supervisor's key may send); the figures are computed with the
// config's services, counters, opening hours and time zone (report/figures.h), printed as the
// French text report (report/report_text.h) and, with --csv, also written as CSV
// (report/report_csv.h).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "client/client.h"
#include "config/agency_config.h"
#include "queue/ticket.h"
#include "report/figures.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::agent_console {

/// The key a report connects with unless --key says otherwise.
inline constexpr const char* kReportKey = "supervisor";

struct ReportRequest {
  std::string from;      ///< first day as typed, YYYY-MM-DD; "" = today in the agency's zone
  std::string to;        ///< last day as typed; "" = the first day
  std::string csv_file;  ///< also write the CSV there; "" = no CSV
  /// The instant that "today" means; nullopt = the machine's clock.
  std::optional<util::TimePoint> now;
};

struct DateRange {
  util::LocalDate from;
  util::LocalDate to;  ///< inclusive, from <= to
};

/// The days `request` asks for. Fails with "bad_date" (the message names the option and the
/// text) or "bad_range" (from after to).
util::Result<DateRange> report_dates(const ReportRequest& request, const util::TimeZone& zone,
                                     util::TimePoint now);

/// The tickets of the range, asked from the hub in pieces of at most 31 days (the protocol asks
/// for short ranges). Fails with the hub's error as it came ("forbidden", "unreachable"…), or
/// "bad_request" when the reply does not decode.
util::Result<std::vector<queue::Ticket>> fetch_tickets(client::Client& client,
                                                       const DateRange& range);

/// The figures of `tickets` over `range` with the config's services, counters, hours and zone.
report::Figures report_figures(const config::AgencyConfig& config, const DateRange& range,
                               const std::vector<queue::Ticket>& tickets);

/// Runs the report: prints the text report on `out`; with a CSV file, writes it and adds a line
/// saying where. Returns 0 on success. On failure writes "agent-console : <French message>" on
/// `err`, nothing on `out`, and returns 2 for a bad date or range (before any connection), 1
/// when the hub is unreachable, refuses (forbidden: the message says the supervisor's key is
/// needed), answers garbage, or the CSV file cannot be written (the text is printed first).
int run_report(const config::AgencyConfig& config, client::ClientOptions options,
               const ReportRequest& request, std::ostream& out, std::ostream& err);

}  // namespace pcn::agent_console
