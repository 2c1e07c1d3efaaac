// The kiosk's colours: the services' own colours from the configuration, and a few fixed ones
// chosen for high contrast (dark ink on light pages, white on the dark header).
#pragma once

#include <SFML/Graphics/Color.hpp>

#include "ui/colour.h"

namespace pcn::kiosk {

using ui::contrast_ratio;
using ui::parse_colour;

namespace colours {
inline const sf::Color kPage{233, 237, 242};     ///< home, closed, unreachable
inline const sf::Color kPaper{255, 255, 255};    ///< the confirmation page
inline const sf::Color kWarning{255, 244, 222};  ///< the print_failed page
inline const sf::Color kInk{17, 24, 39};         ///< main text
inline const sf::Color kSoftInk{55, 65, 81};     ///< secondary text, still 10:1 on white
inline const sf::Color kHeader{11, 37, 69};      ///< header band and the toggle when on
inline const sf::Color kHeaderText{255, 255, 255};
inline const sf::Color kAlert{165, 29, 20};          ///< "Notez votre numéro"
inline const sf::Color kFallback{91, 103, 112};      ///< a service whose colour is unreadable
inline const sf::Color kDimmed{233, 237, 242, 170};  ///< laid over the buttons while busy
}  // namespace colours

/// The kiosk's ink or white, whichever reads better on `background`.
inline sf::Color text_on(sf::Color background) { return ui::text_on(background, colours::kInk); }

}  // namespace pcn::kiosk
