#include "agent-console/report_command.h"

#include <cerrno>
#include <fstream>

#include "net/os_error.h"
#include "protocol/codec.h"
#include "report/report_csv.h"
#include "report/report_text.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

constexpr int kLongestPiece = 31;  // days per `tickets` request

int fail(std::ostream& err, const std::string& message, int code) {
  err << "agent-console : " << message << std::endl;
  return code;
}

util::Result<util::LocalDate> parse_option(const std::string& option, const std::string& text) {
  auto d = util::LocalDate::parse(text);
  if (!d.ok())
    return util::make_error("bad_date", text::report_option_error(option, d.error().message));
  return d;
}

/// The last day of the piece starting at `from`: 31 days on at most, and never after `to`.
util::LocalDate piece_end(util::LocalDate from, util::LocalDate to) {
  util::LocalDate end = from;
  for (int i = 1; i < kLongestPiece && end < to; ++i) end = end.next();
  return end;
}

util::Status append_tickets(const protocol::Json& result, std::vector<queue::Ticket>& out) {
  if (!result.is_object() || !result.contains("tickets") || !result.at("tickets").is_array()) {
    return util::make_error("bad_request", text::field_missing("result.tickets"));
  }
  const auto& rows = result.at("tickets");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto t = protocol::decode_ticket_at(rows[i], "result.tickets[" + std::to_string(i) + "]");
    if (!t.ok()) return t.error();
    out.push_back(std::move(*t));
  }
  return {};
}

std::string failure_message(const util::Error& e, const std::string& endpoint) {
  if (e.code == "forbidden") return text::report_forbidden();
  if (e.code == "unreachable") return text::report_unreachable(endpoint);
  if (e.code == "bad_request") return text::report_bad_reply(e.message);
  return text::report_refused(e.message);
}

util::Status write_file(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  file.close();
  if (!file) {
    int errnum = errno;
    return util::make_error("io_error", text::report_csv_failed(path, net::os_error_text(errnum)));
  }
  return {};
}

}  // namespace

util::Result<DateRange> report_dates(const ReportRequest& request, const util::TimeZone& zone,
                                     util::TimePoint now) {
  DateRange range{zone.date_of(now), zone.date_of(now)};
  if (!request.from.empty()) {
    auto from = parse_option("--from", request.from);
    if (!from.ok()) return from.error();
    range.from = range.to = *from;
  }
  if (!request.to.empty()) {
    auto to = parse_option("--to", request.to);
    if (!to.ok()) return to.error();
    range.to = *to;
  }
  if (range.to < range.from) {
    return util::make_error(
        "bad_range", text::report_range_reversed(range.from.to_string(), range.to.to_string()));
  }
  return range;
}

util::Result<std::vector<queue::Ticket>> fetch_tickets(client::Client& client,
                                                       const DateRange& range) {
  std::vector<queue::Ticket> tickets;
  for (util::LocalDate from = range.from; from <= range.to;) {
    util::LocalDate to = piece_end(from, range.to);
    auto reply = client.request("tickets", {{"from", from.to_string()}, {"to", to.to_string()}});
    if (!reply.ok()) return reply.error();
    PCN_TRY(append_tickets(*reply, tickets));
    if (to == range.to) break;
    from = to.next();
  }
  return tickets;
}

report::Figures report_figures(const config::AgencyConfig& config, const DateRange& range,
                               const std::vector<queue::Ticket>& tickets) {
  report::ReportInput input{range.from,       range.to,      &config.services,
                            &config.counters, &config.hours, &config.zone};
  return report::compute(input, tickets);
}

int run_report(const config::AgencyConfig& config, client::ClientOptions options,
               const ReportRequest& request, std::ostream& out, std::ostream& err) {
  auto range = report_dates(request, config.zone, request.now.value_or(util::SystemClock().now()));
  if (!range.ok()) return fail(err, range.error().message, 2);
  options.follow = false;
  std::string endpoint = options.request_endpoint;
  auto client = client::Client::connect(std::move(options));
  if (!client.ok()) return fail(err, client.error().message, 1);
  auto tickets = fetch_tickets(**client, *range);
  if (!tickets.ok()) return fail(err, failure_message(tickets.error(), endpoint), 1);
  report::Figures figures = report_figures(config, *range, *tickets);
  out << report::report_text(figures, config.name) << std::flush;
  if (request.csv_file.empty()) return 0;
  auto written = write_file(request.csv_file, report::report_csv(figures, config.name));
  if (!written.ok()) return fail(err, written.error().message, 1);
  out << "\n" << text::report_csv_written(request.csv_file) << std::endl;
  return 0;
}

}  // namespace pcn::agent_console
