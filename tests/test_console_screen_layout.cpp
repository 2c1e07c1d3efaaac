// console::ConsoleLayout and console::buttons: at 1024x600, 1280x800 and 1920x1080, every
// button of every page is inside the window, large enough for a finger, apart from the others,
// and answers a touch at its centre; "Appeler le suivant" is the largest; keys do what the
// buttons say, and typing in a field triggers no shortcut.
#include <doctest/doctest.h>

#include <algorithm>

#include "console/console_controls.h"
#include "console/console_layout.h"
#include "test_console_screen_samples.h"

namespace pcn::console {
namespace {

using testing::console_size_name;
using testing::console_window_sizes;

bool inside(const sf::FloatRect& inner, const sf::FloatRect& outer) {
  const float eps = 0.01f;
  return inner.left >= outer.left - eps && inner.top >= outer.top - eps &&
         inner.left + inner.width <= outer.left + outer.width + eps &&
         inner.top + inner.height <= outer.top + outer.height + eps;
}

bool overlap(const sf::FloatRect& a, const sf::FloatRect& b) {
  sf::FloatRect shared;
  return a.intersects(b, shared) && shared.width > 0.01f && shared.height > 0.01f;
}

sf::Vector2f centre(const sf::FloatRect& r) { return {r.left + r.width / 2, r.top + r.height / 2}; }

StatsTable sample_table(const std::string& title, std::size_t rows) {
  StatsTable t;
  t.title = title;
  t.columns = {"Service", "Tickets", "Servis"};
  t.right_aligned = {false, true, true};
  for (std::size_t i = 0; i < rows; ++i) t.rows.push_back({"CAFAT", "12", "10"});
  t.last_row_is_total = true;
  return t;
}

/// Every page of the Bourail console, with three unprinted slips on the counter page (its
/// tightest: the red row and the other buttons), one on another.
std::vector<ConsoleView> every_page() {
  std::vector<ConsoleView> views;
  ConsoleView counter = testing::bourail_counter();
  counter.unprinted = testing::unprinted_rows(3);
  views.push_back(counter);
  views.push_back(testing::bourail_counter());  // one: its Réimprimer on the counter page
  ConsoleView nobody = testing::bourail_counter();
  nobody.serving.reset();
  nobody.unprinted.clear();
  views.push_back(nobody);
  ConsoleView list = counter;
  list.page = Page::unprinted;
  list.unprinted = testing::unprinted_rows(8);
  views.push_back(list);
  list.unprinted_first = 4;  // its second page
  views.push_back(list);
  list.unprinted = testing::unprinted_rows(6);  // a last page of two
  views.push_back(list);
  ConsoleView reprint = counter;
  reprint.page = Page::reprint_number;
  reprint.number_input = "F7";
  views.push_back(reprint);
  views.push_back(testing::bourail_setup());
  ConsoleView transfer = counter;
  transfer.page = Page::transfer;
  views.push_back(transfer);
  ConsoleView number = counter;
  number.page = Page::call_number;
  number.number_input = "C42";
  views.push_back(number);
  ConsoleView stats = counter;
  stats.page = Page::statistics;
  stats.statistics_title = "Statistiques du lundi 23 novembre 2026";
  stats.statistics = {sample_table("Tickets par service", 7), sample_table("Temps par service", 7),
                      sample_table("Arrivées par heure", 9), sample_table("Guichets", 3)};
  views.push_back(stats);
  return views;
}

}  // namespace

TEST_CASE("console::ConsoleLayout keeps every button inside the window, apart, and finger-sized") {
  for (sf::Vector2u size : console_window_sizes()) {
    const sf::FloatRect window{0.f, 0.f, float(size.x), float(size.y)};
    for (const ConsoleView& view : every_page()) {
      CAPTURE(console_size_name(size));
      CAPTURE(static_cast<int>(view.page));
      ConsoleLayout layout(sf::Vector2f(size), view);
      std::vector<Button> all = buttons(view);
      REQUIRE_FALSE(all.empty());
      std::vector<sf::FloatRect> placed;
      for (const Button& b : all) {
        CAPTURE(b.label);
        auto r = layout.rect(b.control, b.index);
        REQUIRE(r.has_value());
        CHECK(inside(*r, window));
        CHECK(r->height >= kTouch);
        CHECK(r->width >= kTouch);
        for (const sf::FloatRect& other : placed) CHECK_FALSE(overlap(*r, other));
        placed.push_back(*r);
        if (b.enabled) {
          auto press = layout.hit(view, centre(*r));
          REQUIRE(press.has_value());
          CHECK(press->control == b.control);
          CHECK(press->index == b.index);
        }
      }
    }
  }
}

TEST_CASE("console::ConsoleLayout makes Appeler le suivant the largest button of the counter page") {
  for (sf::Vector2u size : console_window_sizes()) {
    CAPTURE(console_size_name(size));
    ConsoleView view = testing::bourail_counter();
    ConsoleLayout layout(sf::Vector2f(size), view);
    const sf::FloatRect call = *layout.rect(Control::call_next);
    for (const Button& b : buttons(view)) {
      if (b.control == Control::call_next) continue;
      const sf::FloatRect r = *layout.rect(b.control, b.index);
      CHECK(r.width * r.height < call.width * call.height);
      CHECK(r.height < call.height);
    }
    CHECK(call.height >= 2.f * kTouch);
  }
}

TEST_CASE("console::ConsoleLayout keeps the header, the ticket, the alerts and the status apart") {
  for (sf::Vector2u size : console_window_sizes()) {
    CAPTURE(console_size_name(size));
    ConsoleView view = every_page().front();  // three unprinted slips
    ConsoleLayout layout(sf::Vector2f(size), view);
    const sf::FloatRect window{0.f, 0.f, float(size.x), float(size.y)};
    // The red row's text beside its button ("Voir la liste"), both inside the row.
    CHECK(inside(layout.alert_text(), layout.alerts()));
    CHECK(inside(*layout.rect(Control::show_unprinted), layout.alerts()));
    std::vector<sf::FloatRect> zones = {layout.header(), layout.ticket_panel(), layout.alert_text(),
                                        layout.services_title(), layout.status_line()};
    for (const Button& b : buttons(view)) {
      if (b.control != Control::change_setup) zones.push_back(*layout.rect(b.control, b.index));
    }
    for (std::size_t i = 0; i < zones.size(); ++i) {
      CHECK(inside(zones[i], window));
      for (std::size_t j = i + 1; j < zones.size(); ++j) CHECK_FALSE(overlap(zones[i], zones[j]));
    }
    for (const sf::FloatRect& part : {layout.header_agency(), layout.header_counter(),
                                      layout.header_date(), layout.header_time(),
                                      layout.header_connection(), *layout.rect(Control::change_setup)}) {
      CHECK(inside(part, layout.header()));
    }
    CHECK(layout.alerts().height > 0.f);
    // The ticket's number stays large even with the red row on the smallest screen.
    CHECK(layout.ticket_number().height >= 50.f);
    for (const sf::FloatRect& part : {layout.ticket_caption(), layout.ticket_number(),
                                      layout.ticket_badges(), layout.ticket_times()}) {
      CHECK(inside(part, layout.ticket_panel()));
    }
    // Without unprinted slips, no room is taken for them.
    ConsoleView quiet = testing::bourail_counter();
    quiet.unprinted.clear();
    CHECK(ConsoleLayout(sf::Vector2f(size), quiet).alerts().height == 0.f);
  }
}

TEST_CASE("console::ConsoleLayout balances the statistics tables in two columns, one line height") {
  ConsoleView view = testing::bourail_counter();
  view.page = Page::statistics;
  view.statistics = {sample_table("Tickets par service", 7), sample_table("Temps par service", 7),
                     sample_table("Arrivées par heure", 24), sample_table("Guichets", 3)};
  view.statistics[1].groups = {"", "Attente", "Attente"};
  for (sf::Vector2u size : console_window_sizes()) {
    CAPTURE(console_size_name(size));
    ConsoleLayout layout(sf::Vector2f(size), view);
    const auto& zones = layout.statistics_tables();
    REQUIRE(zones.size() == 4);
    const sf::FloatRect back = *layout.rect(Control::cancel);
    for (std::size_t i = 0; i < zones.size(); ++i) {
      CHECK(inside(zones[i], {0.f, 0.f, float(size.x), back.top}));
      CHECK(zones[i].top >= layout.statistics_title().top + layout.statistics_title().height);
      CHECK(zones[i].height >= float(ConsoleLayout::table_lines(view.statistics[i])) *
                                   layout.statistics_line());
      for (std::size_t j = i + 1; j < zones.size(); ++j) CHECK_FALSE(overlap(zones[i], zones[j]));
    }
    // The long arrivals table alone in one column, the three others in order in the other.
    CHECK(zones[2].left != zones[0].left);
    CHECK(zones[0].left == zones[1].left);
    CHECK(zones[1].left == zones[3].left);
    CHECK(zones[0].top < zones[1].top);
    CHECK(zones[1].top < zones[3].top);
    CHECK(ConsoleLayout::table_lines(view.statistics[1]) == 7 + 3);  // with its groups' row
    CHECK(layout.statistics_line() >= 12.f);  // an agency open all day and night: 24 hours
    // Opening hours like Bourail's: ten hours of arrivals leave lines of 16 px or more.
    ConsoleView day = view;
    day.statistics[2] = sample_table("Arrivées par heure", 10);
    CHECK(ConsoleLayout(sf::Vector2f(size), day).statistics_line() >= 16.f);
  }
}

TEST_CASE("console::ConsoleLayout::key maps the shortcuts printed on the counter page's buttons") {
  ConsoleView view = testing::bourail_counter();
  ConsoleLayout layout({1280.f, 800.f}, view);
  auto key = [&](sf::Keyboard::Key k) { return layout.key(view, k); };
  CHECK(key(sf::Keyboard::Space) == Press{Control::call_next, 0});
  CHECK(key(sf::Keyboard::Enter) == Press{Control::call_next, 0});
  CHECK(key(sf::Keyboard::R) == Press{Control::recall, 0});
  CHECK(key(sf::Keyboard::A) == Press{Control::no_show, 0});
  CHECK(key(sf::Keyboard::T) == Press{Control::finish, 0});
  CHECK(key(sf::Keyboard::V) == Press{Control::transfer, 0});
  CHECK(key(sf::Keyboard::N) == Press{Control::call_number, 0});
  CHECK(key(sf::Keyboard::S) == Press{Control::statistics, 0});
  CHECK(key(sf::Keyboard::F2) == Press{Control::change_setup, 0});
  CHECK_FALSE(key(sf::Keyboard::P).has_value());  // no pause while a visitor is served
  CHECK_FALSE(key(sf::Keyboard::X).has_value());
  // The shortcuts are the ones printed on the buttons.
  std::vector<Button> all = buttons(view);
  CHECK(find_button(all, Control::recall)->shortcut == "R");
  CHECK(find_button(all, Control::no_show)->shortcut == "A");
  CHECK(find_button(all, Control::finish)->shortcut == "T");
  CHECK(find_button(all, Control::transfer)->shortcut == "V");
  CHECK(find_button(all, Control::call_number)->shortcut == "N");
  CHECK(find_button(all, Control::statistics)->shortcut == "S");
  CHECK(find_button(all, Control::call_next)->shortcut == text::console_key_space_or_enter());

  view.serving.reset();
  CHECK(layout.key(view, sf::Keyboard::P) == Press{Control::pause, 0});
  CHECK_FALSE(layout.key(view, sf::Keyboard::T).has_value());  // nobody to finish
  view.paused = true;
  CHECK(layout.key(view, sf::Keyboard::P) == Press{Control::resume, 0});
  CHECK(find_button(buttons(view), Control::resume)->label == text::console_button_resume());
  CHECK_FALSE(layout.key(view, sf::Keyboard::Space).has_value());  // paused: no call
}

TEST_CASE("console::ConsoleLayout ignores every action while a request is pending") {
  ConsoleView view = testing::bourail_counter();
  view.busy = true;
  ConsoleLayout layout({1024.f, 600.f}, view);
  for (sf::Keyboard::Key k : {sf::Keyboard::Space, sf::Keyboard::R, sf::Keyboard::A,
                              sf::Keyboard::T, sf::Keyboard::V, sf::Keyboard::N}) {
    CHECK_FALSE(layout.key(view, k).has_value());
  }
  CHECK_FALSE(layout.hit(view, centre(*layout.rect(Control::call_next))).has_value());
  CHECK_FALSE(layout.hit(view, centre(*layout.rect(Control::toggle_service, 0))).has_value());
  CHECK(layout.key(view, sf::Keyboard::S) == Press{Control::statistics, 0});  // only reads
}

TEST_CASE("console::ConsoleLayout::key types into fields: letters are no shortcuts there") {
  ConsoleView view = testing::bourail_counter();
  view.page = Page::call_number;
  view.number_input = "C4";
  ConsoleLayout layout({1280.f, 800.f}, view);
  CHECK(takes_text(view.page));
  for (sf::Keyboard::Key k : {sf::Keyboard::R, sf::Keyboard::A, sf::Keyboard::T, sf::Keyboard::N,
                              sf::Keyboard::P, sf::Keyboard::S, sf::Keyboard::Space}) {
    CHECK_FALSE(layout.key(view, k).has_value());
  }
  CHECK(layout.key(view, sf::Keyboard::Enter) == Press{Control::confirm, 0});
  CHECK(layout.key(view, sf::Keyboard::Escape) == Press{Control::cancel, 0});
  CHECK(layout.key(view, sf::Keyboard::BackSpace) == Press{Control::erase, 0});

  ConsoleView setup = testing::bourail_setup();
  ConsoleLayout setup_layout({1280.f, 800.f}, setup);
  CHECK(takes_text(setup.page));
  CHECK_FALSE(setup_layout.key(setup, sf::Keyboard::Space).has_value());
  CHECK_FALSE(setup_layout.key(setup, sf::Keyboard::R).has_value());
  CHECK(setup_layout.key(setup, sf::Keyboard::F3) == Press{Control::choose_counter, 2});
  CHECK(setup_layout.key(setup, sf::Keyboard::Enter) == Press{Control::start, 0});
  CHECK_FALSE(setup_layout.key(setup, sf::Keyboard::F5).has_value());  // three counters only
}

TEST_CASE("console::buttons in the transfer dialog: a letter per service, the visitor's own greyed") {
  ConsoleView view = testing::bourail_counter();
  view.page = Page::transfer;
  ConsoleLayout layout({1024.f, 600.f}, view);
  std::vector<Button> all = buttons(view);
  const Button* cafat = find_button(all, Control::pick_service, 0);
  const Button* factures = find_button(all, Control::pick_service, 1);
  REQUIRE(cafat != nullptr);
  REQUIRE(factures != nullptr);
  CHECK_FALSE(cafat->enabled);  // C-042 is a CAFAT ticket
  CHECK(factures->enabled);
  CHECK(factures->shortcut == "F");
  CHECK(layout.key(view, sf::Keyboard::F) == Press{Control::pick_service, 1});
  CHECK_FALSE(layout.key(view, sf::Keyboard::C).has_value());
  CHECK(layout.key(view, sf::Keyboard::Escape) == Press{Control::cancel, 0});
  CHECK_FALSE(layout.hit(view, centre(*layout.rect(Control::pick_service, 0))).has_value());
  // The counter page's buttons under the dialog do not answer.
  for (Control c : {Control::call_next, Control::finish, Control::recall, Control::statistics,
                    Control::change_setup}) {
    auto press = layout.hit(view, centre(*layout.rect(c)));
    if (press) CHECK((press->control == Control::pick_service || press->control == Control::cancel));
  }
}

}  // namespace pcn::console
