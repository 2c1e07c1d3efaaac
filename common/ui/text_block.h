// A sentence fitted into a rectangle of a screen: wrapped at spaces and as large as
// the rectangle allows, so that labels of any length stay inside their button.
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Text.hpp>
#include <string>
#include <vector>

namespace pcn::ui {

enum class Align { left, centre, right };

struct TextStyle {
  const sf::Font* font = nullptr;  ///< REQUIRED; must outlive the TextBlock
  float max_size = 40.f;           ///< character size in px when everything fits
  float min_size = 12.f;           ///< never smaller; the text may then overflow the box
  sf::Color colour = sf::Color::Black;
  Align align = Align::centre;
  int max_lines = 1;
};

/// `utf8` drawn in `box`: wrapped at spaces (never at no-break spaces, U+00A0, drawn as spaces)
/// into at most `max_lines` lines, at the largest size no bigger than `max_size` at which every
/// line fits the box's width and the inked block its height, and centred vertically on the ink.
/// Sizes come from a fixed ladder below max_size, so a screen that runs for weeks rasterises few
/// distinct glyph sizes.
class TextBlock : public sf::Drawable {
 public:
  TextBlock(const std::string& utf8, const TextStyle& style, const sf::FloatRect& box);

  /// The character size chosen.
  float size() const { return size_; }
  std::size_t line_count() const { return lines_.size(); }
  /// The inked area, in the target's coordinates (empty for empty text).
  sf::FloatRect ink() const;

 private:
  void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

  float size_ = 0.f;
  std::vector<sf::Text> lines_;
};

}  // namespace pcn::ui
