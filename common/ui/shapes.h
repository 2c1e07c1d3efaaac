// Shapes the screens share: rectangles with rounded corners (buttons, cards, badges) and insets.
#pragma once

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <cstddef>

namespace pcn::ui {

/// `r` with corners of `radius` (clamped to 0 .. half the shorter side), each corner drawn with
/// `corner_points` points, filled with `fill`. REQUIRES: corner_points >= 2.
sf::ConvexShape rounded(const sf::FloatRect& r, float radius, sf::Color fill,
                        std::size_t corner_points = 10);

/// `r` shrunk by `dx` on the left and right and `dy` on the top and bottom.
sf::FloatRect inset(const sf::FloatRect& r, float dx, float dy);

}  // namespace pcn::ui
