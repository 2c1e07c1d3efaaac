// What the kiosk's touch screen shows at one moment: a plain value made by the KioskController
// from the queue and the printer, drawn by KioskScreen (kiosk_screen.h). Drawing is a function
// of this value alone, so that every screen can be rendered and checked in tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pcn::kiosk {

enum class Page {
  home,          ///< one big button per service, and the priority choice
  confirmation,  ///< the ticket just taken, very large; back home after a few seconds or a touch
  print_failed,  ///< the ticket is valid but its slip did not print: "Notez votre numéro"
  closed,        ///< outside opening hours: nothing is issued
  unreachable,   ///< the hub cannot be reached: nothing is issued
  staff_pin,     ///< a member of staff types the kiosk's code (after a long press on the top bar)
  staff,         ///< staff: today's unprinted tickets and the last one, each with « Réimprimer »
};

/// A ticket on the staff page.
struct StaffTicket {
  std::int64_t id = 0;
  std::string label;    ///< "C-042"
  std::string service;  ///< "CAFAT"
  std::string reason;   ///< why its slip did not print; empty for a printed one
  bool operator==(const StaffTicket&) const = default;
};

struct ServiceButton {
  char prefix = 'A';
  std::string label;   ///< "CAFAT"
  std::string colour;  ///< "#RRGGBB"
  int key = 1;         ///< number key (1–9) that presses it too
  int waiting = 0;     ///< people waiting for it now
  std::string wait{};  ///< queue::button_wait_text of its forecast; empty before any is known
  bool operator==(const ServiceButton&) const = default;
};

struct KioskView {
  Page page = Page::home;
  std::string agency_name;
  std::string clock_text;  ///< "lundi 23 novembre 2026 — 09:14", agency time zone
  std::vector<ServiceButton> services;
  bool priority_selected = false;  ///< the priority toggle on the home page
  bool busy = false;               ///< a press is being handled: buttons look disabled
  // confirmation / print_failed
  std::string ticket_label;        ///< "C-042"
  std::string ticket_service;      ///< "CAFAT"
  bool ticket_priority = false;
  int ahead = 0;
  std::string wait_text;  ///< queue::ticket_wait_text of the forecast; empty: not shown
  std::string detail;              ///< closed/unreachable: the reason, in French
  /// home: slips cannot be printed now (the printer's check or last slip failed): a band says
  /// that the number will be shown on screen. Visitors never see the technical reason.
  bool printer_down = false;
  // staff_pin / staff
  int pin_length = 0;                      ///< digits typed so far (shown as dots)
  std::string staff_message;               ///< "Code incorrect", "Duplicata de C-004 imprimé"…
  std::vector<StaffTicket> staff_tickets;  ///< unprinted tickets first, then the last one
  std::string printer_problem;             ///< staff page: the printer's technical state
  bool operator==(const KioskView&) const = default;  ///< redraw only when it changed
};

/// What a touch (or key) on the screen means.
struct Press {
  enum class Kind {
    service,
    priority_toggle,
    dismiss,
    staff_reprint,  ///< F12: reprint the last ticket; on the staff page, the ticket `ticket`
    staff_open,     ///< a long press on the top bar (or F11): the code page
    pin_digit,      ///< a digit of the code, in `prefix` ('0'…'9')
    pin_erase,
    pin_enter,
    staff_close,    ///< back to the visitors' pages
  } kind = Kind::dismiss;
  char prefix = 'A';         ///< Kind::service: the service; Kind::pin_digit: the digit
  std::int64_t ticket = 0;   ///< Kind::staff_reprint on the staff page; 0 = the last ticket
};

}  // namespace pcn::kiosk
