#include "ui/colour.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <utility>

namespace pcn::ui {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
  return -1;
}

std::optional<std::uint8_t> hex_byte(char high, char low) {
  int h = hex_digit(high);
  int l = hex_digit(low);
  if (h < 0 || l < 0) return std::nullopt;
  return static_cast<std::uint8_t>(h * 16 + l);
}

double linear(std::uint8_t channel) {
  double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(sf::Color c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

}  // namespace

std::optional<sf::Color> parse_colour(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  auto r = hex_byte(hex[1], hex[2]);
  auto g = hex_byte(hex[3], hex[4]);
  auto b = hex_byte(hex[5], hex[6]);
  if (!r || !g || !b) return std::nullopt;
  return sf::Color(*r, *g, *b);
}

double contrast_ratio(sf::Color a, sf::Color b) {
  double la = luminance(a);
  double lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

sf::Color text_on(sf::Color background, sf::Color dark_ink) {
  const sf::Color white = sf::Color::White;
  return contrast_ratio(dark_ink, background) > contrast_ratio(white, background) ? dark_ink
                                                                                   : white;
}

}  // namespace pcn::ui
