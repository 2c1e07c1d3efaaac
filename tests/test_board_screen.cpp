// board::BoardScreen and board::save_screenshot under Xvfb: sample views rendered at 1280x720,
// 1920x1080 and 3840x2160 into real PNG files, read back and checked where a visitor would look:
// the latest call huge (and highlighted or not), the alert band, fitted long texts, the message
// clipped to its band.
//
// With PCN_WRITE_DOCS=<folder> set, the busy Bourail screen is also saved as
// <folder>/display-1920x1080.png (how docs/display-1920x1080.png is made).
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "board/board_layout.h"
#include "board/board_screen.h"
#include "support/temp_dir.h"
#include "test_board_samples.h"

namespace pcn::board {
namespace {

using testing::board_size_name;
using testing::board_window_sizes;

struct Shot {
  sf::Image image;
  BoardLayout layout;
};

/// Saves `view` as a PNG through save_screenshot and reads the file back.
Shot shoot(const BoardView& view, sf::Vector2u size, const testing::TempDir& dir,
           const std::string& name) {
  testing::require_board_display();
  std::filesystem::path png = dir / (name + "-" + board_size_name(size) + ".png");
  util::Status saved = save_screenshot(view, size, png);
  REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
  REQUIRE(std::filesystem::file_size(png) > 1000);
  Shot shot{sf::Image(), BoardLayout(sf::Vector2f(size), !view.alert.empty())};
  REQUIRE(shot.image.loadFromFile(png.string()));
  REQUIRE(shot.image.getSize() == size);
  return shot;
}

bool same_rgb(sf::Color a, sf::Color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

int distance(sf::Color a, sf::Color b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

template <typename F>
void each_pixel(const sf::Image& image, const sf::FloatRect& r, F&& f) {
  const auto x0 = static_cast<unsigned>(std::max(0.f, std::ceil(r.left)));
  const auto y0 = static_cast<unsigned>(std::max(0.f, std::ceil(r.top)));
  const auto x1 = std::min(image.getSize().x, static_cast<unsigned>(r.left + r.width));
  const auto y1 = std::min(image.getSize().y, static_cast<unsigned>(r.top + r.height));
  for (unsigned y = y0; y < y1; ++y) {
    for (unsigned x = x0; x < x1; ++x) f(x, y, image.getPixel(x, y));
  }
}

/// The share of pixels of `r` that are exactly `colour`.
double share(const sf::Image& image, const sf::FloatRect& r, sf::Color colour) {
  long hits = 0;
  long all = 0;
  each_pixel(image, r, [&](unsigned, unsigned, sf::Color c) {
    ++all;
    if (same_rgb(c, colour)) ++hits;
  });
  return all == 0 ? 0.0 : static_cast<double>(hits) / static_cast<double>(all);
}

/// The bounding box of the pixels of `r` that stand out from `background`.
struct Ink {
  long pixels = 0;
  unsigned top = ~0u, bottom = 0;
  float height() const { return pixels ? static_cast<float>(bottom - top + 1) : 0.f; }
};

Ink ink_in(const sf::Image& image, const sf::FloatRect& r, sf::Color background) {
  Ink ink;
  each_pixel(image, r, [&](unsigned, unsigned y, sf::Color c) {
    if (distance(c, background) < 150) return;
    ++ink.pixels;
    ink.top = std::min(ink.top, y);
    ink.bottom = std::max(ink.bottom, y);
  });
  return ink;
}

/// How many pixels of `r` differ between two images of the same size.
long differences(const sf::Image& a, const sf::Image& b, const sf::FloatRect& r) {
  long count = 0;
  each_pixel(a, r, [&](unsigned x, unsigned y, sf::Color c) {
    if (!same_rgb(c, b.getPixel(x, y))) ++count;
  });
  return count;
}

/// The strip between two boxes of a row, where no text may spill.
sf::FloatRect gap_between(const sf::FloatRect& left, const sf::FloatRect& right) {
  float from = left.left + left.width + 1.f;
  return {from, left.top, right.left - from - 1.f, left.height};
}

}  // namespace

TEST_CASE("board::save_screenshot writes the busy screen with the latest call huge") {
  testing::TempDir dir("pcn-board-screen");
  const BoardView view = testing::bourail_board();
  for (sf::Vector2u size : board_window_sizes()) {
    CAPTURE(board_size_name(size));
    Shot shot = shoot(view, size, dir, "busy");
    // Highlighted: the panel is bright yellow, the number dark on it, at least a quarter of the
    // window's height tall.
    CHECK(share(shot.image, shot.layout.latest(), colours::kHighlight) > 0.5);
    Ink number = ink_in(shot.image, shot.layout.latest_number(), colours::kHighlight);
    CHECK(number.pixels > 5000);
    CHECK(number.height() >= 0.25f * static_cast<float>(size.y));
    CHECK(ink_in(shot.image, shot.layout.latest_counter(), colours::kHighlight).pixels > 2000);
    // Header, previous calls and queues have text.
    CHECK(ink_in(shot.image, shot.layout.header_name(), colours::kBand).pixels > 500);
    CHECK(ink_in(shot.image, shot.layout.header_time(), colours::kBand).pixels > 200);
    for (const sf::FloatRect& row : shot.layout.previous_rows(view.previous.size())) {
      CHECK(ink_in(shot.image, shot.layout.call_row_parts(row).ticket, colours::kBand).pixels >
            200);
    }
    std::vector<sf::FloatRect> rows = shot.layout.queue_rows(view.queues.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CAPTURE(view.queues[i].label);
      QueueRowParts parts = shot.layout.queue_row_parts(rows[i]);
      CHECK(ink_in(shot.image, parts.label, colours::kBand).pixels > 200);
      CHECK(ink_in(shot.image, parts.waiting, colours::kBand).pixels > 100);
      CHECK(ink_in(shot.image, parts.estimate, colours::kBand).pixels > 20);
    }
    // The message is drawn in its band.
    CHECK(ink_in(shot.image, shot.layout.message(), colours::kBand).pixels > 500);
  }
}

TEST_CASE("board::BoardScreen draws the latest call differently when highlighted") {
  testing::TempDir dir("pcn-board-screen");
  BoardView view = testing::bourail_board();
  view.highlight = false;
  for (sf::Vector2u size : board_window_sizes()) {
    CAPTURE(board_size_name(size));
    Shot plain = shoot(view, size, dir, "plain");
    CHECK(share(plain.image, plain.layout.latest(), colours::kHighlight) == 0.0);
    CHECK(share(plain.image, plain.layout.latest(), colours::kPanel) > 0.5);
    Ink number = ink_in(plain.image, plain.layout.latest_number(), colours::kPanel);
    CHECK(number.height() >= 0.25f * static_cast<float>(size.y));
    view.highlight = true;
    Shot bright = shoot(view, size, dir, "bright");
    view.highlight = false;
    CHECK(differences(plain.image, bright.image, plain.layout.latest()) >
          static_cast<long>(plain.layout.latest().width * plain.layout.latest().height / 2.f));
    // Nothing else changes.
    CHECK(differences(plain.image, bright.image, plain.layout.queues()) == 0);
  }
}

TEST_CASE("board::BoardScreen shows the red alert band only with an alert") {
  testing::TempDir dir("pcn-board-screen");
  BoardView view = testing::bourail_board();
  for (sf::Vector2u size : board_window_sizes()) {
    CAPTURE(board_size_name(size));
    Shot calm = shoot(view, size, dir, "calm");
    const sf::FloatRect all{0.f, 0.f, static_cast<float>(size.x), static_cast<float>(size.y)};
    CHECK(share(calm.image, all, colours::kAlert) == 0.0);
    view.alert = "Imprimante : le ticket C-043 n’a pas été imprimé ; un agent a été prévenu.";
    Shot alarmed = shoot(view, size, dir, "alert");
    view.alert.clear();
    REQUIRE(alarmed.layout.alert().height > 0.f);
    CHECK(share(alarmed.image, alarmed.layout.alert(), colours::kAlert) > 0.6);
    CHECK(ink_in(alarmed.image, alarmed.layout.alert(), colours::kAlert).pixels > 1000);
    // With the alert, the number is still a quarter of the height.
    Ink number = ink_in(alarmed.image, alarmed.layout.latest_number(), colours::kHighlight);
    CHECK(number.height() >= 0.25f * static_cast<float>(size.y));
  }
}

TEST_CASE("board::BoardScreen says no call yet on an empty screen") {
  testing::TempDir dir("pcn-board-screen");
  for (sf::Vector2u size : board_window_sizes()) {
    CAPTURE(board_size_name(size));
    Shot shot = shoot(testing::empty_board(), size, dir, "empty");
    CHECK(share(shot.image, shot.layout.latest(), colours::kPanel) > 0.8);
    CHECK(ink_in(shot.image, shot.layout.latest(), colours::kPanel).pixels > 1000);
    CHECK(ink_in(shot.image, shot.layout.previous_rows(5).front(), colours::kBackground).pixels ==
          0);
  }
}

TEST_CASE("board::BoardScreen fits a long agency name and a long service label in their zones") {
  testing::TempDir dir("pcn-board-screen");
  BoardView normal = testing::bourail_board();
  BoardView verbose = normal;
  verbose.agency_name =
      "Office des Postes et Télécommunications de Nouvelle-Calédonie — Agence de Bourail, "
      "Point Conseil Numérique et Maison de services au public";
  verbose.queues[1].label =
      "Factures EEC / Enercal / CDE / Calédonienne des Eaux / Mairie de Bourail / Cantine";
  for (sf::Vector2u size : board_window_sizes()) {
    CAPTURE(board_size_name(size));
    Shot a = shoot(normal, size, dir, "normal");
    Shot b = shoot(verbose, size, dir, "verbose");
    const BoardLayout& layout = a.layout;
    // The name is drawn, and only in its box: date and time untouched, nothing in the gap.
    CHECK(differences(a.image, b.image, layout.header_name()) > 0);
    CHECK(ink_in(b.image, layout.header_name(), colours::kBand).pixels > 500);
    CHECK(differences(a.image, b.image, layout.header_date()) == 0);
    CHECK(differences(a.image, b.image, layout.header_time()) == 0);
    CHECK(ink_in(b.image, gap_between(layout.header_name(), layout.header_date()),
                 colours::kBand).pixels == 0);
    // The label likewise, in its row.
    sf::FloatRect row = layout.queue_rows(normal.queues.size())[1];
    QueueRowParts parts = layout.queue_row_parts(row);
    CHECK(differences(a.image, b.image, parts.label) > 0);
    CHECK(ink_in(b.image, parts.label, colours::kBand).pixels > 200);
    CHECK(differences(a.image, b.image, parts.waiting) == 0);
    CHECK(ink_in(b.image, gap_between(parts.label, parts.waiting), colours::kBand).pixels == 0);
    // The other labels share its (smaller) size, so that the column reads evenly; the other
    // rows' counts are untouched.
    QueueRowParts next = layout.queue_row_parts(layout.queue_rows(normal.queues.size())[2]);
    CHECK(differences(a.image, b.image, next.label) > 0);
    CHECK(differences(a.image, b.image, next.waiting) == 0);
    CHECK(differences(a.image, b.image, next.estimate) == 0);
  }
}

TEST_CASE("board::BoardScreen scrolls the message inside its band only") {
  testing::TempDir dir("pcn-board-screen");
  BoardView view = testing::bourail_board();
  const sf::Vector2u size{1920, 1080};
  const BoardLayout layout{sf::Vector2f(size)};
  auto screen = BoardScreen::open();
  REQUIRE(screen.ok());
  const float width = screen->message_width(view.message, sf::Vector2f(size));
  REQUIRE(width > layout.message().width);  // the Bourail message does scroll at 1080p
  // Offset 0: the message waits just right of the band, invisible.
  view.message_offset = 0.f;
  Shot before = shoot(view, size, dir, "offset-0");
  CHECK(ink_in(before.image, layout.message(), colours::kBand).pixels == 0);
  // Half-way in: text in the left of the band, none in the connection corner.
  view.message_offset = layout.message().width / 2.f;
  Shot half = shoot(view, size, dir, "offset-half");
  sf::FloatRect left_half = layout.message();
  left_half.width /= 2.f;
  CHECK(ink_in(half.image, left_half, colours::kBand).pixels == 0);
  CHECK(ink_in(half.image, layout.message(), colours::kBand).pixels > 500);
  CHECK(share(half.image, layout.connection(), colours::kBand) == 1.0);
  // Far along: moved left; once past band width + text width, gone again.
  view.message_offset = layout.message().width;
  Shot along = shoot(view, size, dir, "offset-band");
  CHECK(ink_in(along.image, left_half, colours::kBand).pixels > 500);
  view.message_offset = layout.message().width + width + 1.f;
  Shot gone = shoot(view, size, dir, "offset-gone");
  CHECK(ink_in(gone.image, layout.message(), colours::kBand).pixels == 0);
  CHECK(differences(before.image, gone.image, layout.header()) == 0);
}

TEST_CASE("board::BoardScreen shows the connection state discreetly in its corner") {
  testing::TempDir dir("pcn-board-screen");
  BoardView view = testing::bourail_board();
  Shot live = shoot(view, {1920, 1080}, dir, "live");
  CHECK(share(live.image, live.layout.connection(), colours::kBand) == 1.0);
  view.connection = "Reconnexion…";
  Shot lost = shoot(view, {1920, 1080}, dir, "lost");
  CHECK(share(lost.image, lost.layout.connection(), colours::kBand) < 1.0);
  CHECK(differences(live.image, lost.image, lost.layout.latest()) == 0);
}

TEST_CASE("board::save_screenshot reports an unwritable file") {
  testing::require_board_display();
  util::Status saved = save_screenshot(testing::bourail_board(), {1280, 720},
                                       "/nonexistent-folder/board.png");
  REQUIRE_FALSE(saved.ok());
  CHECK(saved.error().code == "io_error");
  CHECK(saved.error().message.find("/nonexistent-folder/board.png") != std::string::npos);
}

TEST_CASE("board::save_screenshot writes the documentation picture when asked") {
  const char* folder = std::getenv("PCN_WRITE_DOCS");
  if (folder == nullptr || *folder == '\0') return;
  testing::require_board_display();
  BoardView view = testing::bourail_board();
  const BoardLayout layout({1920.f, 1080.f});
  view.message_offset = layout.message().width - 2.f * layout.margin();
  std::filesystem::path png = std::filesystem::path(folder) / "display-1920x1080.png";
  util::Status saved = save_screenshot(view, {1920, 1080}, png);
  REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
}

}  // namespace pcn::board
