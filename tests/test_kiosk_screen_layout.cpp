// kiosk::KioskLayout: where the buttons are on every kiosk window size, and what touches and
// keys mean on each page. Pure geometry; no display needed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kiosk/kiosk_layout.h"
#include "test_kiosk_screen_samples.h"

namespace pcn::kiosk {
namespace {

using testing::bourail_home;

sf::Vector2f centre(const sf::FloatRect& r) {
  return {r.left + r.width / 2.f, r.top + r.height / 2.f};
}

bool inside(const sf::FloatRect& r, sf::Vector2f window) {
  return r.left >= 0.f && r.top >= 0.f && r.left + r.width <= window.x &&
         r.top + r.height <= window.y && r.width > 0.f && r.height > 0.f;
}

/// Sharing more than a rounding error.
bool overlap(const sf::FloatRect& a, const sf::FloatRect& b) {
  sf::FloatRect common;
  return a.intersects(b, common) && common.width > 0.01f && common.height > 0.01f;
}

bool contains(const sf::FloatRect& outer, const sf::FloatRect& inner) {
  return inner.left >= outer.left && inner.top >= outer.top &&
         inner.left + inner.width <= outer.left + outer.width + 0.01f &&
         inner.top + inner.height <= outer.top + outer.height + 0.01f;
}

std::vector<sf::Vector2f> all_sizes() {
  return {{1024, 768}, {1280, 1024}, {1920, 1080}, {768, 1024}, {1080, 1920}};
}

Press press_of(const std::optional<Press>& p) {
  REQUIRE(p.has_value());
  return *p;
}

}  // namespace

TEST_CASE("kiosk::KioskLayout keeps every button inside the window, apart from the others") {
  for (sf::Vector2f size : all_sizes()) {
    KioskLayout layout(size);
    for (std::size_t count = 1; count <= 9; ++count) {
      CAPTURE(size.x);
      CAPTURE(size.y);
      CAPTURE(count);
      std::vector<sf::FloatRect> zones = layout.service_buttons(count);
      REQUIRE(zones.size() == count);
      zones.push_back(layout.priority_toggle());
      zones.push_back(layout.header());
      for (std::size_t i = 0; i < zones.size(); ++i) {
        CHECK(inside(zones[i], size));
        for (std::size_t j = i + 1; j < zones.size(); ++j) CHECK_FALSE(overlap(zones[i], zones[j]));
      }
    }
  }
}

TEST_CASE("kiosk::KioskLayout gives six services buttons at least 180 px tall on 1024x768") {
  KioskLayout layout({1024, 768});
  for (const sf::FloatRect& button : layout.service_buttons(6)) {
    CHECK(button.height >= 180.f);
    CHECK(button.width >= 250.f);
  }
  // Same services on the other screens: bigger still.
  for (sf::Vector2f size : std::vector<sf::Vector2f>{{1920, 1080}, {1080, 1920}, {768, 1024}}) {
    for (const sf::FloatRect& button : KioskLayout(size).service_buttons(6)) {
      CHECK(button.height >= 180.f);
    }
  }
}

TEST_CASE("kiosk::KioskLayout keeps the parts of buttons and toggle inside them") {
  for (sf::Vector2f size : all_sizes()) {
    KioskLayout layout(size);
    for (const sf::FloatRect& button : layout.service_buttons(6)) {
      ButtonParts parts = layout.button_parts(button);
      for (const sf::FloatRect& part : {parts.letter, parts.key, parts.label, parts.waiting}) {
        CHECK(contains(button, part));
      }
      CHECK_FALSE(overlap(parts.letter, parts.key));
      CHECK_FALSE(overlap(parts.label, parts.key));
      CHECK_FALSE(overlap(parts.label, parts.waiting));
    }
    ToggleParts toggle = layout.toggle_parts();
    for (const sf::FloatRect& part : {toggle.check, toggle.sentence, toggle.state}) {
      CHECK(contains(layout.priority_toggle(), part));
    }
    CHECK_FALSE(overlap(toggle.check, toggle.sentence));
    CHECK_FALSE(overlap(toggle.sentence, toggle.state));
    CHECK(contains(layout.header(), layout.header_title()));
    CHECK_FALSE(overlap(layout.header_name(), layout.header_clock()));
  }
}

TEST_CASE("kiosk::KioskLayout gives the ticket number a quarter of a landscape screen's height") {
  for (sf::Vector2f size : all_sizes()) {
    CAPTURE(size.x);
    CAPTURE(size.y);
    KioskLayout layout(size);
    std::vector<sf::FloatRect> zones = {layout.top_bar(), layout.above_number(),
                                        layout.ticket_number(), layout.below_number(),
                                        layout.footer()};
    for (std::size_t i = 0; i < zones.size(); ++i) {
      CHECK(inside(zones[i], size));
      for (std::size_t j = i + 1; j < zones.size(); ++j) CHECK_FALSE(overlap(zones[i], zones[j]));
    }
    if (!layout.portrait()) CHECK(layout.ticket_number().height >= size.y / 4.f);
    CHECK(layout.ticket_number().width >= 0.9f * size.x);
    CHECK(inside(layout.message(), size));
    CHECK_FALSE(overlap(layout.message(), layout.top_bar()));
  }
}

TEST_CASE("kiosk::KioskLayout::hit maps each button's centre to its service") {
  KioskView view = bourail_home();
  for (sf::Vector2f size : all_sizes()) {
    KioskLayout layout(size);
    std::vector<sf::FloatRect> buttons = layout.service_buttons(view.services.size());
    for (std::size_t i = 0; i < buttons.size(); ++i) {
      Press p = press_of(layout.hit(view, centre(buttons[i])));
      CHECK(p.kind == Press::Kind::service);
      CHECK(p.prefix == view.services[i].prefix);
    }
    Press toggle = press_of(layout.hit(view, centre(layout.priority_toggle())));
    CHECK(toggle.kind == Press::Kind::priority_toggle);
    CHECK_FALSE(layout.hit(view, centre(layout.header())).has_value());
    // Between two buttons of the first row: nothing.
    sf::Vector2f gap{buttons[0].left + buttons[0].width + layout.margin() / 2.f,
                     centre(buttons[0]).y};
    CHECK_FALSE(layout.hit(view, gap).has_value());
  }
}

TEST_CASE("kiosk::KioskLayout::hit ignores touches while busy, and on closed/unreachable pages") {
  KioskView view = bourail_home();
  KioskLayout layout({1920, 1080});
  sf::Vector2f first = centre(layout.service_buttons(view.services.size()).front());
  view.busy = true;
  CHECK_FALSE(layout.hit(view, first).has_value());
  CHECK_FALSE(layout.hit(view, centre(layout.priority_toggle())).has_value());
  view.busy = false;
  for (Page page : {Page::closed, Page::unreachable}) {
    view.page = page;
    CHECK_FALSE(layout.hit(view, first).has_value());
  }
}

TEST_CASE("kiosk::KioskLayout::hit makes any touch dismiss confirmation and print_failed") {
  KioskView view = bourail_home();
  KioskLayout layout({1024, 768});
  for (Page page : {Page::confirmation, Page::print_failed}) {
    view.page = page;
    for (sf::Vector2f point : std::vector<sf::Vector2f>{
             {1.f, 1.f}, {512.f, 384.f}, centre(layout.priority_toggle()), {1023.f, 767.f}}) {
      CHECK(press_of(layout.hit(view, point)).kind == Press::Kind::dismiss);
    }
  }
}

TEST_CASE("kiosk::KioskLayout::key maps 1-9, top row and keypad, to the services in order") {
  KioskView view = bourail_home();
  // Nine services: the six of Bourail and three more.
  view.services.push_back({'B', "Banque postale", "#FFCC00", 7, 0});
  view.services.push_back({'D', "Douanes", "#333333", 8, 0});
  view.services.push_back({'E', "Emploi", "#00A0E0", 9, 0});
  KioskLayout layout({1024, 768});
  for (int digit = 1; digit <= 9; ++digit) {
    CAPTURE(digit);
    auto top = static_cast<sf::Keyboard::Key>(sf::Keyboard::Num0 + digit);
    auto pad = static_cast<sf::Keyboard::Key>(sf::Keyboard::Numpad0 + digit);
    char expected = view.services[static_cast<std::size_t>(digit - 1)].prefix;
    CHECK(press_of(layout.key(view, top)).prefix == expected);
    CHECK(press_of(layout.key(view, pad)).prefix == expected);
    CHECK(press_of(layout.key(view, pad)).kind == Press::Kind::service);
  }
  CHECK_FALSE(layout.key(view, sf::Keyboard::Num0).has_value());
  CHECK(press_of(layout.key(view, sf::Keyboard::P)).kind == Press::Kind::priority_toggle);
  CHECK_FALSE(layout.key(view, sf::Keyboard::Escape).has_value());
}

TEST_CASE("kiosk::KioskLayout::key: a key with no service does nothing; busy ignores keys") {
  KioskView view = bourail_home();  // keys 1-6
  KioskLayout layout({1024, 768});
  CHECK_FALSE(layout.key(view, sf::Keyboard::Num7).has_value());
  view.busy = true;
  CHECK_FALSE(layout.key(view, sf::Keyboard::Num1).has_value());
  CHECK_FALSE(layout.key(view, sf::Keyboard::P).has_value());
}

TEST_CASE("kiosk::KioskLayout::key: Escape and Return dismiss, F12 reprints on every page") {
  KioskView view = bourail_home();
  KioskLayout layout({1024, 768});
  for (Page page : {Page::confirmation, Page::print_failed}) {
    view.page = page;
    CHECK(press_of(layout.key(view, sf::Keyboard::Escape)).kind == Press::Kind::dismiss);
    CHECK(press_of(layout.key(view, sf::Keyboard::Enter)).kind == Press::Kind::dismiss);
    CHECK_FALSE(layout.key(view, sf::Keyboard::Num1).has_value());
  }
  for (Page page :
       {Page::home, Page::confirmation, Page::print_failed, Page::closed, Page::unreachable}) {
    view.page = page;
    CHECK(press_of(layout.key(view, sf::Keyboard::F12)).kind == Press::Kind::staff_reprint);
  }
}

}  // namespace pcn::kiosk
