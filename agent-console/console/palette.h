// The agent console's colours: fixed ones chosen for high contrast (WCAG ratio of 4.5 or more
// for every text on its background), and the services' own colours from the configuration.
#pragma once

#include <SFML/Graphics/Color.hpp>

#include "ui/colour.h"

namespace pcn::console::colours {

inline const sf::Color kPage{233, 237, 242};
inline const sf::Color kPanel{255, 255, 255};     ///< the ticket panel, tiles, dialogs
inline const sf::Color kInk{17, 24, 39};
inline const sf::Color kSoftInk{55, 65, 81};
inline const sf::Color kHeader{11, 37, 69};       ///< header band; chosen counter, ticked box
inline const sf::Color kHeaderText{255, 255, 255};
inline const sf::Color kCall{21, 110, 52};        ///< "Appeler le suivant": white text 6.3:1
inline const sf::Color kAction{255, 255, 255};    ///< the other buttons, with a dark border
inline const sf::Color kBorder{11, 37, 69};
inline const sf::Color kDisabled{214, 219, 226};  ///< a button that does not answer now
inline const sf::Color kDisabledInk{72, 80, 94};
inline const sf::Color kLive{21, 128, 61};        ///< connection badges, white text
inline const sf::Color kLost{190, 30, 30};
inline const sf::Color kAlertBack{253, 230, 228};
inline const sf::Color kAlertInk{150, 25, 18};
inline const sf::Color kSuccess{20, 90, 45};
inline const sf::Color kFailure{160, 26, 18};
inline const sf::Color kStatusBack{248, 250, 252};
inline const sf::Color kShadow{0, 0, 0, 110};     ///< laid over the counter page under a dialog
inline const sf::Color kPriority{255, 210, 63};   ///< "Prioritaire" badge, with dark text
inline const sf::Color kFallback{91, 103, 112};   ///< a service whose colour is unreadable

}  // namespace pcn::console::colours
