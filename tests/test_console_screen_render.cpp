// console::ConsoleScreen and console::save_screenshot under Xvfb: every page rendered at
// 1024x600, 1280x800 and 1920x1080 into real PNG files, read back and checked pixel by pixel
// where an agent would look: the green call button, the inked ticket number, the connection
// badge, greyed buttons while a request is pending, a refusal in red, the dialogs.
//
// With PCN_WRITE_DOCS=<folder> set, the Bourail counter page at 1920x1080 is also saved as
// <folder>/console-1920x1080.png (how docs/console-1920x1080.png is made).
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "console/console_controls.h"
#include "console/console_layout.h"
#include "console/console_screen.h"
#include "console/palette.h"
#include "support/temp_dir.h"
#include "test_console_screen_samples.h"
#include "ui/colour.h"

namespace pcn::console {
namespace {

using testing::console_size_name;
using testing::console_window_sizes;

struct Shot {
  sf::Image image;
  ConsoleLayout layout;
};

Shot shoot(const ConsoleView& view, sf::Vector2u size, const testing::TempDir& dir,
           const std::string& name) {
  testing::require_console_display();
  std::filesystem::path png = dir / (name + "-" + console_size_name(size) + ".png");
  util::Status saved = save_screenshot(view, size, png);
  REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
  Shot shot{sf::Image(), ConsoleLayout(sf::Vector2f(size), view)};
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

/// Pixels of `r` close to `ink` (text drawn in that colour, anti-aliased edges excluded).
long inked(const sf::Image& image, const sf::FloatRect& r, sf::Color ink) {
  long n = 0;
  for (auto y = static_cast<unsigned>(r.top); y < static_cast<unsigned>(r.top + r.height); ++y) {
    for (auto x = static_cast<unsigned>(r.left); x < static_cast<unsigned>(r.left + r.width); ++x) {
      if (distance(image.getPixel(x, y), ink) < 60) ++n;
    }
  }
  return n;
}

sf::FloatRect rect_of(const ConsoleLayout& layout, Control c, std::size_t index = 0) {
  auto r = layout.rect(c, index);
  REQUIRE(r.has_value());
  return *r;
}

void write_docs(const ConsoleView& view, sf::Vector2u size, const std::string& name) {
  const char* folder = std::getenv("PCN_WRITE_DOCS");
  if (folder == nullptr) return;
  util::Status saved =
      save_screenshot(view, size, std::filesystem::path(folder) / (name + ".png"));
  CHECK_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
}

}  // namespace

TEST_CASE("console::save_screenshot draws the counter page: green call button, ticket, badge") {
  testing::TempDir dir("pcn-console-shots");
  for (sf::Vector2u size : console_window_sizes()) {
    CAPTURE(console_size_name(size));
    ConsoleView view = testing::bourail_counter();
    Shot shot = shoot(view, size, dir, "counter");
    const ConsoleLayout& layout = shot.layout;
    const sf::FloatRect call = rect_of(layout, Control::call_next);
    // The call button is green, its label in white on it.
    CHECK(share(shot.image, call, colours::kCall) > 0.55);
    ButtonParts parts = layout.parts(*find_button(buttons(view), Control::call_next), call);
    CHECK(inked(shot.image, parts.label, sf::Color::White) > 300);
    CHECK(inked(shot.image, parts.shortcut, sf::Color::White) > 60);  // "Espace / Entrée" badge
    // The ticket number: dark ink filling much of its box.
    const sf::FloatRect number = layout.ticket_number();
    CHECK(inked(shot.image, number, colours::kInk) > number.width * number.height * 0.05);
    // The service badge in CAFAT's blue, and the priority badge.
    const sf::FloatRect badges = layout.ticket_badges();
    CHECK(share(shot.image, badges, *ui::parse_colour("#0072BC")) > 0.05);
    CHECK(share(shot.image, badges, colours::kPriority) > 0.03);
    // The header is the dark band, the connection badge green ("Connecté").
    CHECK(share(shot.image, layout.header(), colours::kHeader) > 0.5);
    CHECK(share(shot.image, layout.header_connection(), colours::kLive) > 0.4);
    CHECK(inked(shot.image, layout.header_time(), sf::Color::White) > 50);
    // The alert in red ink on its pale band; the status line's success in green.
    CHECK(inked(shot.image, layout.alerts(), colours::kAlertInk) > 100);
    CHECK(inked(shot.image, layout.status_line(), colours::kSuccess) > 100);
    // Ticked services (C, F, N) show a filled box; the others an empty one.
    for (std::size_t i = 0; i < view.services.size(); ++i) {
      Button tile = *find_button(buttons(view), Control::toggle_service, i);
      ButtonParts p = layout.parts(tile, rect_of(layout, Control::toggle_service, i));
      CAPTURE(view.services[i].label);
      if (view.services[i].served) {
        CHECK(share(shot.image, p.check, colours::kHeader) > 0.4);
      } else {
        CHECK(share(shot.image, p.check, colours::kHeader) < 0.4);
      }
      CHECK(inked(shot.image, p.label, colours::kInk) > 50);
    }
  }
  write_docs(testing::bourail_counter(), {1920, 1080}, "console-1920x1080");
}

TEST_CASE("console::save_screenshot greys the actions while a request is pending") {
  testing::TempDir dir("pcn-console-shots");
  ConsoleView view = testing::bourail_counter();
  view.busy = true;
  view.status = {Tone::pending, text::console_pending("appeler le suivant")};
  Shot shot = shoot(view, {1280, 800}, dir, "busy");
  CHECK(share(shot.image, rect_of(shot.layout, Control::call_next), colours::kCall) < 0.01);
  CHECK(share(shot.image, rect_of(shot.layout, Control::call_next), colours::kDisabled) > 0.5);
  CHECK(share(shot.image, rect_of(shot.layout, Control::finish), colours::kDisabled) > 0.5);
  // Statistics only reads: it stays usable.
  CHECK(share(shot.image, rect_of(shot.layout, Control::statistics), colours::kDisabled) < 0.1);
}

TEST_CASE("console::save_screenshot shows a refusal in red and a lost link in red") {
  testing::TempDir dir("pcn-console-shots");
  ConsoleView view = testing::bourail_counter();
  view.serving.reset();
  view.status = {Tone::failure, text::queue_empty(1)};
  view.live = false;
  view.connection_text = text::connection_lost();
  Shot shot = shoot(view, {1024, 600}, dir, "refused");
  CHECK(inked(shot.image, shot.layout.status_line(), colours::kFailure) > 150);
  CHECK(share(shot.image, shot.layout.header_connection(), colours::kLost) > 0.4);
  CHECK(share(shot.image, shot.layout.header_connection(), colours::kLive) == 0.0);
  // Nobody served: the hint is written where the number goes.
  CHECK(inked(shot.image, shot.layout.ticket_number(), colours::kSoftInk) > 200);
}

TEST_CASE("console::save_screenshot draws the dialogs over the dimmed counter page") {
  testing::TempDir dir("pcn-console-shots");
  for (sf::Vector2u size : console_window_sizes()) {
    CAPTURE(console_size_name(size));
    ConsoleView view = testing::bourail_counter();
    view.page = Page::transfer;
    Shot shot = shoot(view, size, dir, "transfer");
    const sf::FloatRect dialog = shot.layout.dialog();
    CHECK(inked(shot.image, shot.layout.dialog_title(), colours::kInk) > 200);
    // Factures' button: white, with the letter badge; CAFAT's (the visitor's own) greyed.
    CHECK(share(shot.image, rect_of(shot.layout, Control::pick_service, 1), colours::kAction) >
          0.4);
    CHECK(share(shot.image, rect_of(shot.layout, Control::pick_service, 0), colours::kDisabled) >
          0.4);
    // Outside the dialog, the page is dimmed: no pure page colour left beside it.
    sf::FloatRect beside{1.f, dialog.top + 5.f, std::max(1.f, dialog.left - 2.f), 20.f};
    CHECK(share(shot.image, beside, colours::kPage) < 0.05);

    view.page = Page::call_number;
    view.number_input = "C4";
    view.number_invalid = true;
    view.number_hint = text::console_number_invalid("C4X");
    Shot number = shoot(view, size, dir, "number");
    CHECK(inked(number.image, number.layout.number_field(), colours::kInk) > 100);
    CHECK(inked(number.image, number.layout.number_hint(), colours::kFailure) > 100);
  }
}

TEST_CASE("console::save_screenshot draws the set-up page with the chosen counter") {
  testing::TempDir dir("pcn-console-shots");
  for (sf::Vector2u size : console_window_sizes()) {
    CAPTURE(console_size_name(size));
    ConsoleView view = testing::bourail_setup();
    Shot shot = shoot(view, size, dir, "setup");
    CHECK(share(shot.image, rect_of(shot.layout, Control::choose_counter, 0), colours::kHeader) >
          0.5);
    CHECK(share(shot.image, rect_of(shot.layout, Control::choose_counter, 1), colours::kAction) >
          0.5);
    CHECK(inked(shot.image, shot.layout.name_field(), colours::kInk) > 100);  // "Marie"
    CHECK(share(shot.image, rect_of(shot.layout, Control::start), colours::kHeader) > 0.4);
    CHECK(inked(shot.image, shot.layout.setup_title(), colours::kInk) > 200);
  }
}

TEST_CASE("console::save_screenshot draws the statistics tables") {
  testing::TempDir dir("pcn-console-shots");
  ConsoleView view = testing::bourail_counter();
  view.page = Page::statistics;
  view.statistics_title = "Statistiques du lundi 23 novembre 2026";
  StatsTable t;
  t.title = "Tickets par service";
  t.columns = {"Service", "moyenne", "90 %"};
  t.groups = {"", "Attente", "Attente"};
  t.right_aligned = {false, true, true};
  t.rows = {{"CAFAT", "12 min", "25 min"}, {"Factures", "8 min", "9 min"},
            {"Total", "10 min", "22 min"}};
  t.last_row_is_total = true;
  StatsTable bars = t;
  bars.groups.clear();
  bars.title = "Arrivées par heure";
  auto blocks = [](int n) {
    std::string bar;
    for (int i = 0; i < n; ++i) bar += "\u2588";
    return bar;
  };
  bars.rows = {{"07 h", "3", blocks(3)}, {"08 h", "10", blocks(10)}};
  view.statistics = {t, bars};
  for (sf::Vector2u size : console_window_sizes()) {
    CAPTURE(console_size_name(size));
    Shot shot = shoot(view, size, dir, "statistics");
    REQUIRE(shot.layout.statistics_tables().size() == 2);
    for (const sf::FloatRect& table : shot.layout.statistics_tables()) {
      CHECK(inked(shot.image, table, colours::kInk) > 300);
    }
    CHECK(inked(shot.image, shot.layout.statistics_tables()[1], colours::kHeader) > 100);  // bars
    CHECK(inked(shot.image, shot.layout.statistics_title(), colours::kInk) > 200);
  }
}

TEST_CASE("console colours: every text reads at a WCAG ratio of 4.5 or more on its background") {
  CHECK(ui::contrast_ratio(colours::kHeaderText, colours::kCall) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kHeaderText, colours::kHeader) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kHeaderText, colours::kLive) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kHeaderText, colours::kLost) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kInk, colours::kPanel) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kSoftInk, colours::kPage) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kDisabledInk, colours::kDisabled) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kAlertInk, colours::kAlertBack) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kSuccess, colours::kStatusBack) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kFailure, colours::kStatusBack) >= 4.5);
  CHECK(ui::contrast_ratio(colours::kInk, colours::kPriority) >= 4.5);
}

}  // namespace pcn::console
