// The wall display's red band for slips that did not print, under Xvfb: with 1, 3, 8 and 30
// unprinted tickets at 1280x720, 1920x1080 and 3840x2160, the band lists the tickets as the room
// reads them (OCR, tesseract's French model), its letters are at least as tall as the queues'
// lines, nothing of it is cut at the band's edges, and the band stays apart from the other
// zones. Screenshots are kept in the temp folder when PCN_KEEP_TEMP=1.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "board/board_layout.h"
#include "board/board_screen.h"
#include "support/temp_dir.h"
#include "test_board_samples.h"
#include "text/catalog.h"

namespace pcn::board {
namespace {

using testing::board_size_name;
using testing::board_window_sizes;

int distance(sf::Color a, sf::Color b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

struct Ink {
  long pixels = 0;
  unsigned top = ~0u, bottom = 0, left = ~0u, right = 0;
  float height() const { return pixels ? static_cast<float>(bottom - top + 1) : 0.f; }
};

/// The pixels of `r` that stand out from `background` (text), and their bounding box.
Ink ink_in(const sf::Image& image, const sf::FloatRect& r, sf::Color background) {
  Ink ink;
  const auto x0 = static_cast<unsigned>(std::max(0.f, std::ceil(r.left)));
  const auto y0 = static_cast<unsigned>(std::max(0.f, std::ceil(r.top)));
  const auto x1 = std::min(image.getSize().x, static_cast<unsigned>(r.left + r.width));
  const auto y1 = std::min(image.getSize().y, static_cast<unsigned>(r.top + r.height));
  for (unsigned y = y0; y < y1; ++y) {
    for (unsigned x = x0; x < x1; ++x) {
      if (distance(image.getPixel(x, y), background) < 150) continue;
      ++ink.pixels;
      ink.top = std::min(ink.top, y);
      ink.bottom = std::max(ink.bottom, y);
      ink.left = std::min(ink.left, x);
      ink.right = std::max(ink.right, x);
    }
  }
  return ink;
}

/// A word tesseract read, with its box in the screenshot's pixels.
struct Word {
  std::string text;
  sf::FloatRect box;
};

bool have_tesseract() {
  return std::system("tesseract --list-langs 2>/dev/null | grep -qx fra") == 0;
}

/// The words of the band, read by tesseract (French) from a black-on-white copy of it, scaled so
/// that small text reads as well as large.
std::vector<Word> read_band(const sf::Image& shot, const sf::FloatRect& band,
                            const std::filesystem::path& dir, const std::string& name) {
  const auto left = static_cast<unsigned>(band.left);
  const auto top = static_cast<unsigned>(band.top);
  const auto width = static_cast<unsigned>(band.width);
  const auto height = static_cast<unsigned>(band.height);
  const unsigned scale = height < 150 ? 2 : 1;
  sf::Image bw;
  bw.create(width * scale, height * scale, sf::Color::White);
  for (unsigned y = 0; y < height * scale; ++y) {
    for (unsigned x = 0; x < width * scale; ++x) {
      sf::Color c = shot.getPixel(left + x / scale, top + y / scale);
      if (distance(c, colours::kAlert) >= 300) bw.setPixel(x, y, sf::Color::Black);
    }
  }
  const std::filesystem::path png = dir / (name + "-band.png");
  REQUIRE(bw.saveToFile(png.string()));
  const std::filesystem::path out = dir / (name + "-band");
  const std::string cmd =
      "tesseract '" + png.string() + "' '" + out.string() + "' -l fra --psm 6 tsv >/dev/null 2>&1";
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
  std::ifstream tsv(out.string() + ".tsv");
  std::vector<Word> words;
  std::string line;
  std::getline(tsv, line);  // the column titles
  while (std::getline(tsv, line)) {
    std::vector<std::string> cells;
    std::stringstream in(line);
    std::string cell;
    while (std::getline(in, cell, '\t')) cells.push_back(cell);
    if (cells.size() < 12 || cells[0] != "5" || cells[11].empty()) continue;
    const float s = static_cast<float>(scale);
    words.push_back({cells[11],
                     {band.left + std::stof(cells[6]) / s, band.top + std::stof(cells[7]) / s,
                      std::stof(cells[8]) / s, std::stof(cells[9]) / s}});
  }
  return words;
}

/// Whether `read` has `label`, allowing for OCR's one confusion here: a capital I read as 1, l
/// or | (DejaVu Sans draws I as a plain bar).
bool has_label(const std::string& read, const std::string& label) {
  if (read.find(label) != std::string::npos) return true;
  if (label.empty() || label[0] != 'I') return false;
  for (char bar : {'1', 'l', '|'}) {
    if (read.find(bar + label.substr(1)) != std::string::npos) return true;
  }
  return false;
}

std::string joined(const std::vector<Word>& words) {
  std::string all;
  for (const Word& w : words) all += (all.empty() ? "" : " ") + w.text;
  return all;
}

/// "C-004", "F-011"…: `count` labels over the Bourail services.
std::vector<std::string> labels(std::size_t count) {
  const char prefixes[] = {'C', 'F', 'N', 'I', 'L', 'A'};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    char label[8];
    std::snprintf(label, sizeof label, "%c-%03d", prefixes[i % 6], static_cast<int>(4 + 7 * i));
    out.push_back(label);
  }
  return out;
}

BoardView with_unprinted(std::size_t count) {
  BoardView view = testing::bourail_board();
  view.unprinted = labels(count);
  view.alert = text::display_unprinted_alert(view.unprinted);
  return view;
}

bool overlap(const sf::FloatRect& a, const sf::FloatRect& b) {
  sf::FloatRect shared;
  return a.intersects(b, shared) && shared.width > 0.01f && shared.height > 0.01f;
}

bool inside(const sf::FloatRect& inner, const sf::FloatRect& outer) {
  return inner.left >= outer.left - 0.01f && inner.top >= outer.top - 0.01f &&
         inner.left + inner.width <= outer.left + outer.width + 0.01f &&
         inner.top + inner.height <= outer.top + outer.height + 0.01f;
}

}  // namespace

TEST_CASE("board::BoardLayout gives the alert band the height asked, up to 16 % of the window") {
  for (sf::Vector2u size : board_window_sizes()) {
    CAPTURE(board_size_name(size));
    const sf::Vector2f window(size);
    const sf::FloatRect all{0.f, 0.f, window.x, window.y};
    for (float asked : {0.f, 0.1f * window.y, 0.16f * window.y, 0.5f * window.y}) {
      CAPTURE(asked);
      BoardLayout layout(window, true, asked);
      const float expected = asked == 0.f ? 0.07f * window.y : std::min(asked, 0.16f * window.y);
      CHECK(layout.alert().height == doctest::Approx(expected));
      std::vector<sf::FloatRect> zones = layout.zones();
      for (std::size_t i = 0; i < zones.size(); ++i) {
        CHECK(inside(zones[i], all));
        CHECK(zones[i].height > 0.f);
        for (std::size_t j = i + 1; j < zones.size(); ++j) CHECK_FALSE(overlap(zones[i], zones[j]));
      }
      CHECK(layout.queue_rows(6).back().height > 0.f);
    }
  }
}

TEST_CASE("board::BoardScreen lists the unprinted tickets in a band the room can read") {
  testing::require_board_display();
  REQUIRE_MESSAGE(have_tesseract(),
                  "tesseract-ocr-fra is needed (apt-get install tesseract-ocr-fra)");
  testing::TempDir dir("pcn-board-alert");
  auto screen = BoardScreen::open();
  REQUIRE(screen.ok());
  for (sf::Vector2u size : board_window_sizes()) {
    for (std::size_t count : {1u, 3u, 8u, 30u}) {
      const std::string name = board_size_name(size) + "-" + std::to_string(count);
      CAPTURE(name);
      const BoardView view = with_unprinted(count);
      const AlertFit fit = screen->alert_fit(view, sf::Vector2f(size));
      const BoardLayout& layout = fit.layout;
      const sf::FloatRect band = layout.alert();
      // The band: as wide as the window, apart from the other zones.
      REQUIRE(band.height > 0.f);
      CHECK(fit.size >= fit.queue_size);
      CHECK(fit.queue_size >= 12.f);
      for (const sf::FloatRect& zone : layout.zones()) {
        if (zone != band) CHECK_FALSE(overlap(zone, band));
      }
      const std::filesystem::path png = dir / (name + ".png");
      util::Status saved = save_screenshot(view, size, png);
      REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
      sf::Image image;
      REQUIRE(image.loadFromFile(png.string()));

      // Never cut: the text's ink stays off the band's edges.
      const Ink text = ink_in(image, band, colours::kAlert);
      REQUIRE(text.pixels > 500);
      CHECK(static_cast<float>(text.top) >= band.top + 2.f);
      CHECK(static_cast<float>(text.bottom) <= band.top + band.height - 3.f);
      CHECK(static_cast<float>(text.left) >= band.left + 4.f);
      CHECK(static_cast<float>(text.right) <= band.left + band.width - 5.f);

      // What the room reads: every ticket, or the first ones and "autres", and what to do.
      const std::vector<Word> words = read_band(image, band, dir.path(), name);
      const std::string read = joined(words);
      CAPTURE(read);
      CHECK(read.find("imprim") != std::string::npos);
      CHECK(read.find("agent") != std::string::npos);
      const bool whole = fit.text == view.alert;
      if (count <= 8 || whole) {
        CHECK(whole);
        for (const std::string& label : view.unprinted) CHECK(has_label(read, label));
      } else {
        CHECK(fit.text.find(" autres") != std::string::npos);
        CHECK(read.find("autres") != std::string::npos);
        CHECK(has_label(read, view.unprinted.front()));
      }
      // Its letters at least as tall as a queue line's: the digits of "C-004" against those of
      // the first row's "4 en attente" (same glyph heights at the same size).
      QueueRowParts row = layout.queue_row_parts(layout.queue_rows(view.queues.size()).front());
      const Ink queue_ink = ink_in(image, row.waiting, colours::kBand);
      REQUIRE(queue_ink.pixels > 0);
      const std::string& first = view.unprinted.front();
      auto word = std::find_if(words.begin(), words.end(), [&](const Word& w) {
        return w.text.find(first) != std::string::npos;
      });
      REQUIRE(word != words.end());
      // Its first quarter: the "C" (a capital, no comma below the line).
      sf::FloatRect around{word->box.left - 2.f, word->box.top - 4.f, 0.25f * word->box.width,
                           word->box.height + 8.f};
      const Ink label_ink = ink_in(image, around, colours::kAlert);
      CHECK(label_ink.height() >= queue_ink.height() - 1.f);
    }
  }
}

}  // namespace pcn::board
