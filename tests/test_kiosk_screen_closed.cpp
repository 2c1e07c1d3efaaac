// The kiosk's closed page says when to come back, as queue::closed_detail words it from the
// Bourail hours (examples/agence-bourail.toml) at fake times in Nouméa; under Xvfb the page is
// rendered at each kiosk size and read back with tesseract (French): the whole sentence is on
// the screen, times unbroken ("12 h 15"), inside the page's message zone.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "config/agency_config.h"
#include "kiosk/kiosk_layout.h"
#include "kiosk/kiosk_screen.h"
#include "kiosk/palette.h"
#include "queue/opening_hours.h"
#include "support/fake_clock.h"
#include "support/temp_dir.h"
#include "test_kiosk_screen_samples.h"

namespace pcn::kiosk {
namespace {

using testing::kiosk_window_sizes;
using testing::noumea_time;
using testing::size_name;

int distance(sf::Color a, sf::Color b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

/// The text of `zone` of the screenshot as tesseract reads it, on one line, with single spaces:
/// read from a black-on-white copy, twice as large, so that the grey detail reads as well as
/// the heading.
std::string read_zone(const sf::Image& shot, const sf::FloatRect& zone,
                      const std::filesystem::path& png) {
  const auto left = static_cast<unsigned>(zone.left);
  const auto top = static_cast<unsigned>(zone.top);
  const auto width = static_cast<unsigned>(zone.width);
  const auto height = static_cast<unsigned>(zone.height);
  sf::Image bw;
  bw.create(2 * width, 2 * height, sf::Color::White);
  for (unsigned y = 0; y < 2 * height; ++y) {
    for (unsigned x = 0; x < 2 * width; ++x) {
      if (distance(shot.getPixel(left + x / 2, top + y / 2), colours::kPage) > 200) {
        bw.setPixel(x, y, sf::Color::Black);
      }
    }
  }
  REQUIRE(bw.saveToFile(png.string()));
  const std::string out = png.string() + "-ocr";
  const std::string cmd = "tesseract '" + png.string() + "' '" + out + "' -l fra >/dev/null 2>&1";
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
  std::ifstream in(out + ".txt");
  std::stringstream words;
  words << in.rdbuf();
  std::string all;
  std::string word;
  while (words >> word) all += (all.empty() ? "" : " ") + word;
  return all;
}

/// `text` as OCR may give it back: without its spaces (OCR reads "11 h 30 et de" as often as
/// "11h30etde"), and l, I and | as 1 (DejaVu Sans draws them alike).
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') continue;
    out += (c == 'l' || c == 'I' || c == '|') ? '1' : c;
  }
  return out;
}

/// `sentence` with its no-break spaces as plain ones, as OCR gives them.
std::string plain(std::string sentence) {
  const std::string nbsp = "\u00A0";
  for (auto at = sentence.find(nbsp); at != std::string::npos; at = sentence.find(nbsp)) {
    sentence.replace(at, nbsp.size(), " ");
  }
  return sentence;
}

/// Whether any pixel of `image` outside `zone` and below the header differs from the page.
long ink_outside(const sf::Image& image, const sf::FloatRect& zone, float header) {
  long n = 0;
  for (unsigned y = static_cast<unsigned>(header) + 1; y < image.getSize().y; ++y) {
    for (unsigned x = 0; x < image.getSize().x; ++x) {
      if (zone.contains(static_cast<float>(x), static_cast<float>(y))) continue;
      if (distance(image.getPixel(x, y), colours::kPage) > 150) ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("kiosk::KioskScreen's closed page shows when the agency opens again, whole") {
  testing::require_display();
  REQUIRE_MESSAGE(std::system("tesseract --list-langs 2>/dev/null | grep -qx fra") == 0,
                  "tesseract-ocr-fra is needed (apt-get install tesseract-ocr-fra)");
  auto config =
      config::parse_agency_config(config::default_config_text(), "agence-bourail.toml", {});
  REQUIRE(config.ok());
  const util::TimeZone zone = util::TimeZone::noumea();
  struct Moment {
    util::TimePoint at;
    std::string expected;
  };
  const Moment moments[] = {
      {noumea_time(2026, 11, 23, 11, 40), "Reprise à 12 h 15"},  // Monday, the lunch break
      {noumea_time(2026, 11, 23, 16, 0),  // Monday after hours: Tuesday's two intervals
       "Ouvert demain de 7 h 30 à 11 h 30 et de 12 h 15 à 15 h 30"},
      {noumea_time(2026, 11, 27, 14, 45),  // Friday after hours, the weekend is closed
       "Ouvert lundi de 7 h 30 à 11 h 30 et de 12 h 15 à 15 h 30"},
  };
  testing::TempDir dir("pcn-kiosk-closed");
  for (const Moment& m : moments) {
    REQUIRE_FALSE(config->hours.is_open(zone, m.at));
    KioskView view = testing::bourail_closed();
    view.detail = queue::closed_detail(config->hours, zone, m.at);
    CHECK(plain(view.detail) == m.expected);
    for (sf::Vector2u size : kiosk_window_sizes()) {
      CAPTURE(size_name(size));
      CAPTURE(m.expected);
      const std::filesystem::path png =
          dir / ("closed-" + std::to_string(&m - moments) + "-" + size_name(size) + ".png");
      util::Status saved = save_screenshot(view, size, png);
      REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
      sf::Image image;
      REQUIRE(image.loadFromFile(png.string()));
      const KioskLayout layout{sf::Vector2f(size)};
      const std::filesystem::path ocr = png.string() + "-message.png";
      const std::string read = read_zone(image, layout.message(), ocr);
      CAPTURE(read);
      CHECK(squeezed(read).find(squeezed(m.expected)) != std::string::npos);
      CHECK(ink_outside(image, layout.message(), layout.header().height) == 0);
    }
  }
}

}  // namespace pcn::kiosk
