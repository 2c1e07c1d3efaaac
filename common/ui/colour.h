// Colours as the configuration writes them, and the contrast rules every screen follows
// (WCAG 2 relative luminance), so that text stays readable on any service colour.
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <optional>
#include <string>

namespace pcn::ui {

/// "#RRGGBB" (either case) as a colour; nullopt for anything else.
std::optional<sf::Color> parse_colour(const std::string& hex);

/// WCAG contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).
double contrast_ratio(sf::Color a, sf::Color b);

/// `dark_ink` or white, whichever reads better on `background`.
sf::Color text_on(sf::Color background, sf::Color dark_ink);

}  // namespace pcn::ui
