#include "ticket-printer/kiosk_settings.h"

namespace pcn::ticket_printer {

KioskSettings kiosk_settings(const config::AgencyConfig& config) {
  KioskSettings s;
  s.zone = config.zone;
  s.hours = config.hours;
  s.agency_name = config.name;
  s.paper.width_mm = config.printer.paper_mm;
  s.slip_message = config.printer.message;
  s.qr = config.printer.qr;
  s.staff_pin = config.printer.staff_pin;
  return s;
}

std::function<std::string(const queue::Ticket&)> follow_of(std::optional<protocol::FollowLink> link,
                                                           std::string agency) {
  if (!link) return {};
  return [link = std::move(*link), agency = std::move(agency)](const queue::Ticket& t) {
    return link.url(agency, t.day, t.id);
  };
}

}  // namespace pcn::ticket_printer
