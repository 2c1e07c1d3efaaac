#include "slip/text_fit.h"

#include <algorithm>
#include <cstddef>

namespace pcn::slip {
namespace {

constexpr double kStep = 0.9;  // each try is 10 % smaller

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string join(const std::vector<std::string>& words) {
  std::string line;
  for (const std::string& w : words) line += line.empty() ? w : " " + w;
  return line;
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0u) == 0x80u; }

/// Combining diacritics U+0300–U+036F start with 0xCC or 0xCD: they stay with their letter.
bool is_combining_lead(unsigned char byte) { return byte == 0xCCu || byte == 0xCDu; }

/// End of the character (code point plus following combining marks) that starts at `at`.
std::size_t next_character(const std::string& s, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  std::size_t end = at + 1;
  while (end < s.size() && is_continuation(byte(end))) ++end;
  while (end < s.size() && is_combining_lead(byte(end))) {
    ++end;
    while (end < s.size() && is_continuation(byte(end))) ++end;
  }
  return end;
}

/// Pieces of `word`, each as many characters as fit (at least one).
std::vector<std::string> break_word(cairo_t* cr, const std::string& word, double max_width) {
  std::vector<std::string> pieces;
  std::string piece;
  for (std::size_t at = 0; at < word.size();) {
    const std::size_t end = next_character(word, at);
    std::string longer = piece + word.substr(at, end - at);
    if (!piece.empty() && ink_width(cr, longer) > max_width) {
      pieces.push_back(std::move(piece));
      piece = word.substr(at, end - at);
    } else {
      piece = std::move(longer);
    }
    at = end;
  }
  if (!piece.empty()) pieces.push_back(std::move(piece));
  return pieces;
}

bool every_word_fits(cairo_t* cr, const std::vector<std::string>& words, double max_width) {
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string& w) { return ink_width(cr, w) <= max_width; });
}

std::vector<std::string> wrap(cairo_t* cr, const std::vector<std::string>& words,
                              double max_width) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& word : words) {
    std::vector<std::string> pieces{word};
    if (ink_width(cr, word) > max_width) pieces = break_word(cr, word, max_width);
    for (std::string& piece : pieces) {
      std::string longer = line.empty() ? piece : line + " " + piece;
      if (!line.empty() && ink_width(cr, longer) > max_width) {
        lines.push_back(std::move(line));
        line = std::move(piece);
      } else {
        line = std::move(longer);
      }
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace

double ink_width(cairo_t* cr, const std::string& text) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.width;
}

FittedText fit_text(cairo_t* cr, const std::string& text, double max_width, double size,
                    double min_size) {
  const std::vector<std::string> words = split_words(text);
  const std::string one_line = join(words);
  for (double s = size;; s = std::max(min_size, s * kStep)) {
    cairo_set_font_size(cr, s);
    if (ink_width(cr, one_line) <= max_width) return FittedText{s, {one_line}};
    if (s <= min_size) break;
  }
  double s = size;
  cairo_set_font_size(cr, s);
  while (s > min_size && !every_word_fits(cr, words, max_width)) {
    s = std::max(min_size, s * kStep);
    cairo_set_font_size(cr, s);
  }
  return FittedText{s, wrap(cr, words, max_width)};
}

}  // namespace pcn::slip
