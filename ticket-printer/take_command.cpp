#include "ticket-printer/take_command.h"

#include <ostream>

#include "text/catalog.h"

namespace pcn::ticket_printer {

namespace {

constexpr auto kStep = std::chrono::milliseconds(20);
constexpr auto kLimit = std::chrono::seconds(120);

/// Pumps until the controller and the client have nothing left in flight.
void settle(client::Client& client, KioskController& kiosk) {
  auto until = std::chrono::steady_clock::now() + kLimit;
  while (std::chrono::steady_clock::now() < until) {
    client.pump(kStep);
    kiosk.tick();
    if (kiosk.idle() && client.pending_requests() == 0) return;
  }
}

}  // namespace

int take_ticket(char service, bool priority, client::Client& client, printing::Printer& printer,
                const KioskSettings& settings, std::ostream& out, std::ostream& err) {
  util::SystemClock clock;
  KioskSettings s = settings;
  s.touch_guard = std::chrono::milliseconds(0);
  s.confirmation_time = s.print_failed_time = kLimit * 2;  // the outcome must stay readable
  KioskController kiosk(client, printer, clock, s);
  kiosk.tick();
  if (kiosk.view().page != kiosk::Page::home) {
    err << "ticket-printer : " << kiosk.view().detail << std::endl;
    return 1;
  }
  if (priority) kiosk.press({kiosk::Press::Kind::priority_toggle, 'A'});
  kiosk.press({kiosk::Press::Kind::service, service});
  settle(client, kiosk);
  kiosk::KioskView v = kiosk.view();
  switch (v.page) {
    case kiosk::Page::confirmation:
      out << text::take_printed(v.ticket_label, v.ticket_service) << std::endl;
      if (const std::string qr = kiosk.last_qr(); qr.rfind("http", 0) == 0) {
        out << text::take_follow(qr) << std::endl;
      }
      return 0;
    case kiosk::Page::print_failed:
      err << "ticket-printer : " << text::take_not_printed(v.ticket_label, v.detail) << std::endl;
      return 3;
    default:
      err << "ticket-printer : " << v.detail << std::endl;
      return 1;
  }
}

}  // namespace pcn::ticket_printer
