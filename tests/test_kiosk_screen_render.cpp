// kiosk::KioskScreen and kiosk::save_screenshot under Xvfb: every page rendered at 1024x768,
// 1920x1080 and 1080x1920 into real PNG files, read back and checked pixel by pixel where a
// visitor would look: each service's colour on its button, the huge ticket number, the toggle.
//
// With PCN_WRITE_DOCS=<folder> set, the Bourail home screen is also saved as
// <folder>/kiosk-home.png (how docs/kiosk-home.png is made).
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/kiosk_layout.h"
#include "kiosk/kiosk_screen.h"
#include "kiosk/palette.h"
#include "support/temp_dir.h"
#include "test_kiosk_screen_samples.h"

namespace pcn::kiosk {
namespace {

using testing::kiosk_window_sizes;
using testing::size_name;

struct Shot {
  sf::Image image;
  KioskLayout layout;
};

/// Saves `view` as a PNG through save_screenshot and reads the file back.
Shot shoot(const KioskView& view, sf::Vector2u size, const testing::TempDir& dir,
           const std::string& name) {
  testing::require_display();
  std::filesystem::path png = dir / (name + "-" + size_name(size) + ".png");
  util::Status saved = save_screenshot(view, size, png);
  REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
  REQUIRE(std::filesystem::file_size(png) > 1000);
  Shot shot{sf::Image(), KioskLayout(sf::Vector2f(size))};
  REQUIRE(shot.image.loadFromFile(png.string()));
  REQUIRE(shot.image.getSize() == size);
  return shot;
}

bool same_rgb(sf::Color a, sf::Color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

int distance(sf::Color a, sf::Color b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

/// The share of pixels of `r` that are exactly `colour`.
double share(const sf::Image& image, const sf::FloatRect& r, sf::Color colour) {
  long hits = 0;
  long all = 0;
  for (auto y = static_cast<unsigned>(r.top); y < static_cast<unsigned>(r.top + r.height); ++y) {
    for (auto x = static_cast<unsigned>(r.left); x < static_cast<unsigned>(r.left + r.width); ++x) {
      ++all;
      if (same_rgb(image.getPixel(x, y), colour)) ++hits;
    }
  }
  return all == 0 ? 0.0 : static_cast<double>(hits) / static_cast<double>(all);
}

/// The bounding box of the pixels of `r` that stand out from `background`.
struct Ink {
  long pixels = 0;
  unsigned left = ~0u, top = ~0u, right = 0, bottom = 0;
  float width() const { return pixels ? static_cast<float>(right - left + 1) : 0.f; }
  float height() const { return pixels ? static_cast<float>(bottom - top + 1) : 0.f; }
};

Ink ink_in(const sf::Image& image, const sf::FloatRect& r, sf::Color background) {
  Ink ink;
  for (auto y = static_cast<unsigned>(r.top); y < static_cast<unsigned>(r.top + r.height); ++y) {
    for (auto x = static_cast<unsigned>(r.left); x < static_cast<unsigned>(r.left + r.width); ++x) {
      if (distance(image.getPixel(x, y), background) < 150) continue;
      ++ink.pixels;
      ink.left = std::min(ink.left, x);
      ink.right = std::max(ink.right, x);
      ink.top = std::min(ink.top, y);
      ink.bottom = std::max(ink.bottom, y);
    }
  }
  return ink;
}

sf::FloatRect around_centre(const sf::FloatRect& r, float fraction) {
  return {r.left + r.width * (1.f - fraction) / 2.f, r.top + r.height * (1.f - fraction) / 2.f,
          r.width * fraction, r.height * fraction};
}

sf::Color colour_of(const std::string& hex) {
  auto c = parse_colour(hex);
  REQUIRE(c.has_value());
  return *c;
}

/// The huge number is there: in landscape at least a quarter of the window's height, in
/// portrait most of its width.
void check_big_number(const Shot& shot, sf::Color background) {
  sf::Vector2u size = shot.image.getSize();
  Ink number = ink_in(shot.image, shot.layout.ticket_number(), background);
  CHECK(number.pixels > 1000);
  if (shot.layout.portrait()) {
    CHECK(number.width() >= 0.8f * static_cast<float>(size.x));
  } else {
    CHECK(number.height() >= static_cast<float>(size.y) / 4.f);
  }
}

}  // namespace

TEST_CASE("kiosk::KioskScreen draws each service button in its colour, labelled") {
  testing::TempDir dir("pcn-kiosk-screen");
  KioskView view = testing::bourail_home();
  for (sf::Vector2u size : kiosk_window_sizes()) {
    CAPTURE(size_name(size));
    Shot shot = shoot(view, size, dir, "home");
    std::vector<sf::FloatRect> buttons = shot.layout.service_buttons(view.services.size());
    for (std::size_t i = 0; i < buttons.size(); ++i) {
      CAPTURE(view.services[i].label);
      sf::Color colour = colour_of(view.services[i].colour);
      CHECK(same_rgb(
          shot.image.getPixel(static_cast<unsigned>(buttons[i].left + 3.f),
                              static_cast<unsigned>(buttons[i].top + buttons[i].height / 2.f)),
          colour));
      CHECK(share(shot.image, around_centre(buttons[i], 0.4f), colour) > 0.4);
      // The label is written in the button, in ink that contrasts with its colour.
      Ink label = ink_in(shot.image, shot.layout.button_parts(buttons[i]).label, colour);
      CHECK(label.pixels > 300);
    }
    // Header band and its white title.
    sf::FloatRect header = shot.layout.header();
    CHECK(same_rgb(shot.image.getPixel(2, 2), colours::kHeader));
    CHECK(ink_in(shot.image, shot.layout.header_title(), colours::kHeader).pixels > 500);
    CHECK(ink_in(shot.image, shot.layout.header_clock(), colours::kHeader).pixels > 200);
    CHECK(header.height < static_cast<float>(size.y) / 4.f);
  }
}

TEST_CASE("kiosk::KioskScreen shows the priority toggle's state") {
  testing::TempDir dir("pcn-kiosk-screen");
  KioskView view = testing::bourail_home();
  for (sf::Vector2u size : kiosk_window_sizes()) {
    CAPTURE(size_name(size));
    Shot off = shoot(view, size, dir, "toggle-off");
    view.priority_selected = true;
    Shot on = shoot(view, size, dir, "toggle-on");
    view.priority_selected = false;
    sf::FloatRect toggle = off.layout.priority_toggle();
    CHECK(share(off.image, toggle, colours::kPaper) > 0.5);
    CHECK(share(on.image, toggle, colours::kHeader) > 0.5);
    // Ticked box: the check box has dark ink in it only when on.
    sf::FloatRect check = around_centre(off.layout.toggle_parts().check, 0.6f);
    CHECK(ink_in(off.image, check, colours::kPaper).pixels == 0);
    CHECK(ink_in(on.image, check, colours::kPaper).pixels > 50);
  }
}

TEST_CASE("kiosk::KioskScreen dims the buttons while busy") {
  testing::TempDir dir("pcn-kiosk-screen");
  KioskView view = testing::bourail_home();
  view.busy = true;
  Shot shot = shoot(view, {1024, 768}, dir, "busy");
  std::vector<sf::FloatRect> buttons = shot.layout.service_buttons(view.services.size());
  for (std::size_t i = 0; i < buttons.size(); ++i) {
    sf::Color colour = colour_of(view.services[i].colour);
    sf::Color seen =
        shot.image.getPixel(static_cast<unsigned>(buttons[i].left + 3.f),
                            static_cast<unsigned>(buttons[i].top + buttons[i].height / 2.f));
    CHECK_FALSE(same_rgb(seen, colour));
    CHECK(seen.r + seen.g + seen.b > colour.r + colour.g + colour.b);  // washed out, lighter
  }
}

TEST_CASE("kiosk::KioskScreen shows the ticket number huge on the confirmation page") {
  testing::TempDir dir("pcn-kiosk-screen");
  for (sf::Vector2u size : kiosk_window_sizes()) {
    CAPTURE(size_name(size));
    Shot shot = shoot(testing::bourail_confirmation(), size, dir, "confirmation");
    CHECK(same_rgb(shot.image.getPixel(size.x / 2, size.y - 2), colours::kPaper));
    check_big_number(shot, colours::kPaper);
    CHECK(ink_in(shot.image, shot.layout.above_number(), colours::kPaper).pixels > 300);
    CHECK(ink_in(shot.image, shot.layout.below_number(), colours::kPaper).pixels > 2000);
    CHECK(ink_in(shot.image, shot.layout.footer(), colours::kPaper).pixels > 200);
    // The service is on a pill of its colour (CAFAT blue).
    CHECK(share(shot.image, shot.layout.below_number(), colour_of("#0072BC")) > 0.01);
  }
}

TEST_CASE("kiosk::KioskScreen's number region is empty without a number") {
  // The check above can fail: with no label, nothing is drawn where the number goes.
  testing::TempDir dir("pcn-kiosk-screen");
  KioskView view = testing::bourail_confirmation();
  view.ticket_label.clear();
  Shot shot = shoot(view, {1024, 768}, dir, "no-number");
  CHECK(ink_in(shot.image, shot.layout.ticket_number(), colours::kPaper).pixels == 0);
}

TEST_CASE("kiosk::KioskScreen shows the number huge when the slip did not print") {
  testing::TempDir dir("pcn-kiosk-screen");
  for (sf::Vector2u size : kiosk_window_sizes()) {
    CAPTURE(size_name(size));
    Shot shot = shoot(testing::bourail_print_failed(), size, dir, "print-failed");
    CHECK(same_rgb(shot.image.getPixel(size.x / 2, size.y - 2), colours::kWarning));
    check_big_number(shot, colours::kWarning);
    // "Notez votre numéro", in red, above it.
    CHECK(share(shot.image, shot.layout.above_number(), colours::kAlert) > 0.02);
    CHECK(ink_in(shot.image, shot.layout.below_number(), colours::kWarning).pixels > 2000);
  }
}

TEST_CASE("kiosk::KioskScreen shows closed and unreachable pages with their detail") {
  testing::TempDir dir("pcn-kiosk-screen");
  for (const KioskView& view : {testing::bourail_closed(), testing::bourail_unreachable()}) {
    for (sf::Vector2u size : kiosk_window_sizes()) {
      CAPTURE(size_name(size));
      Shot shot = shoot(view, size, dir, view.page == Page::closed ? "closed" : "unreachable");
      sf::FloatRect message = shot.layout.message();
      Ink ink = ink_in(shot.image, message, colours::kPage);
      CHECK(ink.pixels > 3000);
      CHECK(ink.height() > 4.f * shot.layout.unit());  // a heading and a detail below it
      CHECK(same_rgb(shot.image.getPixel(2, 2), colours::kHeader));
      // No service button here.
      sf::FloatRect first = shot.layout.service_buttons(view.services.size()).front();
      CHECK(share(shot.image, first, colour_of(view.services.front().colour)) < 0.01);
    }
  }
}

TEST_CASE("kiosk::save_screenshot reports a file it cannot write") {
  testing::require_display();
  testing::TempDir dir("pcn-kiosk-screen");
  std::filesystem::path png = dir / "no-such-folder" / "home.png";
  util::Status saved = save_screenshot(testing::bourail_home(), {1024, 768}, png);
  REQUIRE_FALSE(saved.ok());
  CHECK(saved.error().code == "io_error");
  CHECK(saved.error().message.find(png.string()) != std::string::npos);
}

TEST_CASE("kiosk::save_screenshot saves the Bourail home screen for the documentation") {
  testing::TempDir dir("pcn-kiosk-screen");
  Shot shot = shoot(testing::bourail_home(), {1920, 1080}, dir, "kiosk-home");
  CHECK(shot.image.getSize() == sf::Vector2u(1920, 1080));
  if (const char* docs = std::getenv("PCN_WRITE_DOCS")) {
    util::Status saved = save_screenshot(testing::bourail_home(), {1920, 1080},
                                         std::filesystem::path(docs) / "kiosk-home.png");
    CHECK(saved.ok());
  }
}

}  // namespace pcn::kiosk
