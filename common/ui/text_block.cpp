#include "ui/text_block.h"

#include <SFML/Graphics/RenderTarget.hpp>
#include <algorithm>
#include <cmath>
#include <string_view>

namespace pcn::ui {
namespace {

// Words are measured once at this size; other sizes scale linearly.
constexpr float kReference = 100.f;
constexpr float kLineSpacing = 1.18f;

// A word and its measures at the reference size; ink is relative to the baseline (up < 0).
struct Word {
  sf::String text;
  float advance = 0.f;
  float ink_top = 0.f;
  float ink_bottom = 0.f;
};

struct Line {
  std::size_t first = 0;
  std::size_t end = 0;  // one past the last word
  float advance = 0.f;
};

bool is_single(const sf::String& s, std::u32string_view among) {
  return s.getSize() == 1 && among.find(static_cast<char32_t>(s[0])) != std::u32string_view::npos;
}

/// Tokens split at spaces (not at no-break spaces, U+00A0, which join "12 h 15"); French
/// punctuation that follows a space (" :", " ?", " »", " /") stays with the word before it,
/// and « with the word after it.
std::vector<sf::String> tokens(const std::string& utf8) {
  sf::String all = sf::String::fromUtf8(utf8.begin(), utf8.end());
  std::vector<sf::String> out;
  sf::String current;
  auto flush = [&] {
    if (current.isEmpty()) return;
    bool glued = !out.empty() && (is_single(current, U":;!?»/") || is_single(out.back(), U"«"));
    if (glued) {
      out.back() += sf::String(" ") + current;
    } else {
      out.push_back(current);
    }
    current.clear();
  };
  for (sf::Uint32 c : all) {
    if (c == U' ') {
      flush();
    } else {
      current += c == U'\u00A0' ? U' ' : c;  // a no-break space: drawn as a space, never split
    }
  }
  flush();
  return out;
}

Word measure(const sf::Font& font, const sf::String& text) {
  sf::Text t(text, font, static_cast<unsigned>(kReference));
  sf::FloatRect ink = t.getLocalBounds();
  return Word{text, t.findCharacterPos(text.getSize()).x, ink.top - kReference,
              ink.top + ink.height - kReference};
}

std::vector<Line> wrap(const std::vector<Word>& words, float space, float limit) {
  std::vector<Line> lines;
  for (std::size_t i = 0; i < words.size(); ++i) {
    bool joins = !lines.empty() && lines.back().advance + space + words[i].advance <= limit;
    if (joins) {
      lines.back().advance += space + words[i].advance;
      lines.back().end = i + 1;
    } else {
      lines.push_back(Line{i, i + 1, words[i].advance});
    }
  }
  return lines;
}

float line_top(const std::vector<Word>& words, const Line& line) {
  float top = 0.f;
  for (std::size_t i = line.first; i < line.end; ++i) top = std::min(top, words[i].ink_top);
  return top;
}

float line_bottom(const std::vector<Word>& words, const Line& line) {
  float bottom = 0.f;
  for (std::size_t i = line.first; i < line.end; ++i) {
    bottom = std::max(bottom, words[i].ink_bottom);
  }
  return bottom;
}

/// Ink height of the wrapped block, at the reference size.
float block_height(const std::vector<Word>& words, const std::vector<Line>& lines) {
  float last_baseline = kLineSpacing * kReference * static_cast<float>(lines.size() - 1);
  return last_baseline + line_bottom(words, lines.back()) - line_top(words, lines.front());
}

bool fits(const std::vector<Word>& words, const std::vector<Line>& lines, float limit,
          float height_limit, int max_lines) {
  if (lines.empty()) return true;
  if (static_cast<int>(lines.size()) > max_lines) return false;
  for (const Line& line : lines) {
    if (line.advance > limit) return false;
  }
  return block_height(words, lines) <= height_limit;
}

float next_smaller(float size) { return size - std::max(1.f, std::floor(size / 32.f)); }

sf::String joined(const std::vector<Word>& words, const Line& line) {
  sf::String text;
  for (std::size_t i = line.first; i < line.end; ++i) {
    if (i > line.first) text += sf::String(" ");
    text += words[i].text;
  }
  return text;
}

float aligned_left(Align align, const sf::FloatRect& box, float width) {
  switch (align) {
    case Align::left:
      return box.left;
    case Align::right:
      return box.left + box.width - width;
    case Align::centre:
      break;
  }
  return box.left + (box.width - width) / 2.f;
}

}  // namespace

TextBlock::TextBlock(const std::string& utf8, const TextStyle& style, const sf::FloatRect& box) {
  const sf::Font& font = *style.font;
  std::vector<Word> words;
  for (const sf::String& token : tokens(utf8)) words.push_back(measure(font, token));
  const float space = font.getGlyph(U' ', static_cast<unsigned>(kReference), false).advance;

  float size = std::floor(style.max_size);
  std::vector<Line> lines;
  while (true) {
    float scale = size / kReference;
    lines = wrap(words, space, box.width / scale);
    if (fits(words, lines, box.width / scale, box.height / scale, style.max_lines)) break;
    float smaller = next_smaller(size);
    if (smaller < style.min_size) break;
    size = smaller;
  }
  size_ = size;
  if (lines.empty()) return;

  const float scale = size / kReference;
  const float pitch = kLineSpacing * size;
  const float ink_top = line_top(words, lines.front()) * scale;
  const float ink_height = block_height(words, lines) * scale;
  const float first_baseline = box.top + (box.height - ink_height) / 2.f - ink_top;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    sf::Text text(joined(words, lines[i]), font, static_cast<unsigned>(size));
    text.setFillColor(style.colour);
    float x = aligned_left(style.align, box, lines[i].advance * scale);
    float baseline = first_baseline + pitch * static_cast<float>(i);
    text.setPosition(std::round(x), std::round(baseline - size));
    lines_.push_back(std::move(text));
  }
}

sf::FloatRect TextBlock::ink() const {
  if (lines_.empty()) return {};
  sf::FloatRect all = lines_.front().getGlobalBounds();
  for (const sf::Text& line : lines_) {
    sf::FloatRect b = line.getGlobalBounds();
    float right = std::max(all.left + all.width, b.left + b.width);
    float bottom = std::max(all.top + all.height, b.top + b.height);
    all.left = std::min(all.left, b.left);
    all.top = std::min(all.top, b.top);
    all.width = right - all.left;
    all.height = bottom - all.top;
  }
  return all;
}

void TextBlock::draw(sf::RenderTarget& target, sf::RenderStates states) const {
  for (const sf::Text& line : lines_) target.draw(line, states);
}

}  // namespace pcn::ui
