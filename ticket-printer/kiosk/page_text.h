// What the kiosk's pages other than home say, in French from the text catalog, line by line and
// in order: the words KioskScreen draws, as a plain value that tests can read.
#pragma once

#include <string>
#include <vector>

#include "kiosk/kiosk_view.h"

namespace pcn::kiosk {

/// How a line looks; KioskScreen gives each a type size and colour.
enum class LineStyle {
  heading,   ///< bold, large: "Votre numéro"
  message,   ///< bold, the largest, up to two lines: "L’agence est fermée"
  alert,     ///< bold, large, red: "Notez votre numéro"
  service,   ///< the ticket's service, on a pill of the service's colour
  priority,  ///< "Prioritaire", on a dark pill
  emphasis,  ///< bold, large: "Gardez votre ticket"
  body,      ///< regular: "3 personnes avant vous"
  detail,    ///< smaller, up to three lines: a reason, the opening hours
};

struct PageLine {
  LineStyle style = LineStyle::body;
  std::string text;
};

struct PageText {
  std::vector<PageLine> before;  ///< above the ticket number, or the whole message without one
  std::string number;            ///< the ticket label, drawn huge; empty on closed/unreachable
  std::vector<PageLine> after;   ///< below the number
  std::string footer;            ///< "Touchez l’écran pour revenir"; may be empty
};

/// The lines of a confirmation, print_failed, closed or unreachable page (print_failed never
/// shows the technical reason). Empty lines are left
/// out (no estimated wait when it is unknown, no detail when there is none). Home has none: its
/// words are on its buttons.
PageText page_text(const KioskView& view);

}  // namespace pcn::kiosk
