// What the kiosk's touch screen shows at one moment: a plain value made by the KioskController
// from the queue and the printer, drawn by KioskScreen (kiosk_screen.h). Drawing is a function
// of this value alone, so that every screen can be rendered and checked in tests.
#pragma once

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
};

struct ServiceButton {
  char prefix = 'A';
  std::string label;   ///< "CAFAT"
  std::string colour;  ///< "#RRGGBB"
  int key = 1;         ///< number key (1–9) that presses it too
  int waiting = 0;     ///< people waiting for it now
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
  std::optional<int> wait_minutes;
  std::string detail;              ///< closed/unreachable/print_failed: the reason, in French
  bool operator==(const KioskView&) const = default;  ///< redraw only when it changed
};

/// What a touch (or key) on the screen means.
struct Press {
  enum class Kind { service, priority_toggle, dismiss, staff_reprint } kind = Kind::dismiss;
  char prefix = 'A';  ///< for Kind::service
};

}  // namespace pcn::kiosk
