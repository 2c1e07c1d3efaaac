#include "ticket-printer/test_ticket_command.h"

#include <ostream>

#include "protocol/codec.h"
#include "protocol/fields.h"
#include "text/catalog.h"

namespace pcn::ticket_printer {

namespace {

constexpr int kExitPrinted = 0;
constexpr int kExitFailed = 1;
constexpr int kExitNotPrinted = 3;

std::string service_label(const client::QueueState& state, char prefix) {
  const queue::Service* s = state.service(prefix);
  return s ? s->label : std::string(1, prefix);
}

}  // namespace

util::Result<slip::SlipContent> test_slip(const protocol::Json& result,
                                          const client::QueueState& state,
                                          const KioskSettings& settings) {
  protocol::Json ticket;
  protocol::Fields f(result, "result");
  f.read_object("ticket", ticket, true);
  if (!f.ok()) return f.error();
  auto t = protocol::decode_test_ticket_at(ticket, "result.ticket");
  if (!t.ok()) return t.error();
  const std::string label(protocol::kTestTicketLabel);
  slip::SlipContent s;
  s.agency_name = state.agency.name.empty() ? settings.agency_name : state.agency.name;
  s.issued_at = settings.zone.format(t->issued_at, "%d/%m/%Y %H:%M");
  s.label = label;
  s.service_label = service_label(state, t->service);
  s.priority = t->priority;
  s.ahead = 0;
  s.message = settings.slip_message;
  if (settings.qr) s.qr_payload = qr_payload(state.agency.id, t->day.to_string(), label, 0);
  s.test = true;
  return s;
}

int take_test_ticket(std::optional<char> service, bool priority, client::Client& client,
                     printing::Printer& printer, const KioskSettings& settings, std::ostream& out,
                     std::ostream& err) {
  protocol::Json args{{"test", true}, {"priority", priority}};
  if (service) args["service"] = std::string(1, *service);
  auto reply = client.request(std::string(protocol::request_type::take_ticket), args);
  if (!reply.ok()) {
    err << "ticket-printer : " << reply.error().message << std::endl;
    return kExitFailed;
  }
  auto content = test_slip(*reply, client.state(), settings);
  if (!content.ok()) {
    err << "ticket-printer : " << content.error().message << std::endl;
    return kExitFailed;
  }
  printing::PrintJob job{*content, settings.paper, text::print_job_title(content->label)};
  util::Status printed = printer.print(job);
  if (!printed.ok()) {
    err << "ticket-printer : " << text::take_test_not_printed(printed.error().message) << std::endl;
    return kExitNotPrinted;
  }
  out << text::take_test_printed(content->service_label) << std::endl;
  return kExitPrinted;
}

}  // namespace pcn::ticket_printer
