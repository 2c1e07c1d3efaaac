// What a ticket slip says. Filled by the kiosk from the hub's reply; drawn by slip_renderer.h.
#pragma once

#include <optional>
#include <string>

namespace pcn::slip {

struct SlipContent {
  std::string agency_name;      ///< "OPT Bourail — Point Conseil Numérique"
  std::string issued_at;        ///< local date and time, already formatted: "23/11/2026 09:14"
  std::string label;            ///< "C-042", printed very large
  std::string service_label;    ///< "CAFAT"
  bool priority = false;        ///< prints "Prioritaire"
  int ahead = 0;                ///< people before the visitor
  /// The forecast as queue::ticket_wait_text words it; empty when unknown (a duplicate).
  std::string wait_text;
  std::string message;          ///< one line from the config ("Un conseiller vous accompagne")
  std::string qr_payload;       ///< encoded as a QR code; empty = no QR code
  bool duplicate = false;       ///< a staff reprint: prints "Duplicata"
  bool test = false;            ///< a test ticket: prints "TICKET D’ESSAI — ne pas utiliser"
};

/// The slip's paper: 58 or 80 mm wide receipt rolls.
struct Paper {
  int width_mm = 80;
  /// Printable width in dots at 8 dots/mm (203 dpi): 384 for 58 mm, 576 for 80 mm.
  int printable_dots() const { return width_mm == 58 ? 384 : 576; }
};

}  // namespace pcn::slip
