// The agent console and the slips that did not print: with 1, 3 and 8 unprinted tickets at
// 1024x600, 1280x800 and 1920x1080, the counter page's red row and the list's rows have text
// boxes at least a body line high, inside the window and their row, and a finger-sized
// Réimprimer; every ticket is on one of the list's pages. Rendered under Xvfb, the texts are read
// back with tesseract (French) and measured: the tickets are there, at the body size or more, a
// long reason cut with "…" inside its box. Against a real hub, the controller sends a reprint
// from the list and from "Réimprimer un numéro…", greys its buttons meanwhile, and a kiosk
// client following the feed sees reprint_requested for that ticket; the ticket stays listed
// until the hub says it printed.
//
// Screenshots and what tesseract read stay in the temp folder with PCN_KEEP_TEMP=1.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "agent-console/console_controller.h"
#include "agent-console/counter_action.h"
#include "console/console_controls.h"
#include "console/console_layout.h"
#include "console/console_screen.h"
#include "console/palette.h"
#include "support/hub_fixture.h"
#include "support/temp_dir.h"
#include "test_console_screen_samples.h"
#include "text/catalog.h"
#include "ui/colour.h"

using namespace std::chrono_literals;

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

ConsoleView counter_with(std::size_t count) {
  ConsoleView view = testing::bourail_counter();
  view.unprinted = testing::unprinted_rows(count);
  return view;
}

ConsoleView list_with(std::size_t count, std::size_t first = 0) {
  ConsoleView view = counter_with(count);
  view.page = Page::unprinted;
  view.unprinted_first = first;
  return view;
}

int distance(sf::Color a, sf::Color b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

struct Ink {
  long pixels = 0;
  unsigned top = ~0u, bottom = 0, left = ~0u, right = 0;
  float height() const { return pixels ? static_cast<float>(bottom - top + 1) : 0.f; }
};

/// The pixels of `r` close to `ink` (text drawn in that colour), and their bounding box.
Ink ink_of(const sf::Image& image, const sf::FloatRect& r, sf::Color ink) {
  Ink out;
  const auto x0 = static_cast<unsigned>(std::max(0.f, std::ceil(r.left)));
  const auto y0 = static_cast<unsigned>(std::max(0.f, std::ceil(r.top)));
  const auto x1 = std::min(image.getSize().x, static_cast<unsigned>(r.left + r.width));
  const auto y1 = std::min(image.getSize().y, static_cast<unsigned>(r.top + r.height));
  for (unsigned y = y0; y < y1; ++y) {
    for (unsigned x = x0; x < x1; ++x) {
      if (distance(image.getPixel(x, y), ink) >= 90) continue;
      ++out.pixels;
      out.top = std::min(out.top, y);
      out.bottom = std::max(out.bottom, y);
      out.left = std::min(out.left, x);
      out.right = std::max(out.right, x);
    }
  }
  return out;
}

bool have_tesseract() {
  return std::system("tesseract --list-langs 2>/dev/null | grep -qx fra") == 0;
}

/// What tesseract (French) reads in `zone` of `image`: the pixels near `ink` in black on white,
/// twice as large; one line, single spaces.
std::string read_zone(const sf::Image& image, const sf::FloatRect& zone, sf::Color ink,
                      const std::filesystem::path& png) {
  const auto left = static_cast<unsigned>(zone.left);
  const auto top = static_cast<unsigned>(zone.top);
  const auto width = static_cast<unsigned>(zone.width);
  const auto height = static_cast<unsigned>(zone.height);
  sf::Image bw;
  bw.create(2 * width, 2 * height, sf::Color::White);
  for (unsigned y = 0; y < 2 * height; ++y) {
    for (unsigned x = 0; x < 2 * width; ++x) {
      if (distance(image.getPixel(left + x / 2, top + y / 2), ink) < 200) {
        bw.setPixel(x, y, sf::Color::Black);
      }
    }
  }
  REQUIRE(bw.saveToFile(png.string()));
  const std::string out = png.string() + "-ocr";
  const std::string cmd =
      "tesseract '" + png.string() + "' '" + out + "' -l fra --psm 6 >/dev/null 2>&1";
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
  std::ifstream in(out + ".txt");
  std::stringstream words;
  words << in.rdbuf();
  std::string all, word;
  while (words >> word) all += (all.empty() ? "" : " ") + word;
  return all;
}

/// `text` with the letters OCR mixes up in DejaVu Sans folded together: I, l and | as 1, O as
/// 0, lower case as upper case.
std::string folded(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == 'I' || c == 'l' || c == '|') c = '1';
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    out += c;
  }
  return out;
}

/// `label` in what OCR read, up to the confusions folded() forgives.
bool has_label(const std::string& read, const std::string& label) {
  return folded(read).find(folded(label)) != std::string::npos;
}

/// `text` as OCR may give it back: without spaces, with straight apostrophes.
std::string plain(const std::string& text) {
  std::string out;
  const std::string curly = "\u2019";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, curly.size(), curly) == 0) {
      out += '\'';
      i += curly.size() - 1;
    } else if (text[i] != ' ') {
      out += text[i];
    }
  }
  return out;
}

sf::Image shoot(const ConsoleView& view, sf::Vector2u size, const testing::TempDir& dir,
                const std::string& name) {
  testing::require_console_display();
  const std::filesystem::path png = dir / (name + "-" + console_size_name(size) + ".png");
  util::Status saved = save_screenshot(view, size, png);
  REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
  sf::Image image;
  REQUIRE(image.loadFromFile(png.string()));
  return image;
}

}  // namespace

TEST_CASE("console::ConsoleLayout gives the unprinted slips' texts a body line, inside their row") {
  for (sf::Vector2u size : console_window_sizes()) {
    const sf::FloatRect window{0.f, 0.f, float(size.x), float(size.y)};
    for (std::size_t count : {1u, 3u, 8u}) {
      CAPTURE(console_size_name(size));
      CAPTURE(count);
      // The counter page: one red row, its text beside its button, under the ticket panel.
      ConsoleView counter = counter_with(count);
      ConsoleLayout layout(sf::Vector2f(size), counter);
      const float body = layout.text_size(TextRole::body);
      CHECK(layout.alerts().height >= kTouch);
      CHECK(layout.alert_text().height >= body);
      CHECK(layout.alert_detail().height >= body);
      CHECK(inside(layout.alert_text(), layout.alerts()));
      CHECK(inside(layout.alert_detail(), layout.alerts()));
      CHECK_FALSE(overlap(layout.alert_text(), layout.alert_detail()));
      CHECK(inside(layout.alerts(), window));
      CHECK_FALSE(overlap(layout.alerts(), layout.ticket_panel()));
      CHECK(layout.alert_text().width >= 0.4f * layout.alerts().width);
      const Control control = count == 1 ? Control::reprint : Control::show_unprinted;
      REQUIRE(find_button(buttons(counter), control) != nullptr);
      const sf::FloatRect button = *layout.rect(control);
      CHECK(button.height >= kTouch);
      CHECK(button.width >= 2.f * kTouch);
      CHECK(inside(button, layout.alerts()));
      CHECK_FALSE(overlap(button, layout.alert_text()));
      CHECK_FALSE(overlap(button, layout.alert_detail()));
      CHECK(layout.hit(counter, {button.left + 5.f, button.top + 5.f}) == Press{control, 0});

      // The list: every ticket on one of its pages, each row with its texts and Réimprimer.
      std::vector<bool> seen(count, false);
      for (std::size_t first = 0; first < count; first += kUnprintedPerPage) {
        ConsoleView list = list_with(count, first);
        ConsoleLayout page(sf::Vector2f(size), list);
        const sf::FloatRect buttons_top = *page.rect(Control::cancel);
        for (std::size_t i = 0; i < count; ++i) {
          std::optional<sf::FloatRect> row = page.unprinted_row(i);
          if (!row) continue;
          CAPTURE(i);
          seen[i] = true;
          CHECK(inside(*row, window));
          CHECK(row->top >= page.unprinted_title().top + page.unprinted_title().height);
          CHECK(row->top + row->height <= buttons_top.top);
          const sf::FloatRect label = *page.unprinted_label(i);
          const sf::FloatRect detail = *page.unprinted_detail(i);
          const sf::FloatRect reprint = *page.rect(Control::reprint, i);
          CHECK(label.height >= page.text_size(TextRole::button));
          CHECK(detail.height >= body);
          CHECK(detail.width >= 4.f * body);
          for (const sf::FloatRect& part : {label, detail, reprint}) CHECK(inside(part, *row));
          CHECK_FALSE(overlap(label, detail));
          CHECK_FALSE(overlap(detail, reprint));
          CHECK(reprint.height >= kTouch);
          CHECK(page.hit(list, {reprint.left + reprint.width / 2, reprint.top + 5.f}) ==
                Press{Control::reprint, i});
          // Its key: the row's place on the page, 1 to 4.
          const auto key = static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + (i - first));
          CHECK(page.key(list, key) == Press{Control::reprint, i});
        }
        // Précédents and Suivants as there is something there.
        CHECK(find_button(buttons(list), Control::previous_page)->enabled == (first > 0));
        CHECK(find_button(buttons(list), Control::next_page)->enabled ==
              (first + kUnprintedPerPage < count));
      }
      CHECK(std::all_of(seen.begin(), seen.end(), [](bool b) { return b; }));
    }
  }
}

TEST_CASE(
    "console::ConsoleLayout: I opens Réimprimer un numéro…, L the list, greyed when pending") {
  ConsoleView view = counter_with(3);
  ConsoleLayout layout({1280.f, 800.f}, view);
  CHECK(layout.key(view, sf::Keyboard::I) == Press{Control::reprint_number, 0});
  CHECK(layout.key(view, sf::Keyboard::L) == Press{Control::show_unprinted, 0});
  CHECK(find_button(buttons(view), Control::reprint_number)->shortcut == "I");
  CHECK(find_button(buttons(view), Control::show_unprinted)->shortcut == "L");
  view.busy = true;
  CHECK_FALSE(layout.key(view, sf::Keyboard::I).has_value());
  CHECK(layout.key(view, sf::Keyboard::L) == Press{Control::show_unprinted, 0});  // only reads

  ConsoleView one = counter_with(1);
  one.busy = true;
  ConsoleLayout one_layout({1024.f, 600.f}, one);
  const sf::FloatRect reprint = *one_layout.rect(Control::reprint, 0);
  CHECK_FALSE(find_button(buttons(one), Control::reprint)->enabled);
  CHECK_FALSE(one_layout.hit(one, {reprint.left + 5.f, reprint.top + 5.f}).has_value());

  ConsoleView list = list_with(8, 4);
  list.busy = true;
  ConsoleLayout list_layout({1024.f, 600.f}, list);
  CHECK_FALSE(list_layout.key(list, sf::Keyboard::Num1).has_value());
  CHECK(list_layout.key(list, sf::Keyboard::Left) == Press{Control::previous_page, 0});
  CHECK(list_layout.key(list, sf::Keyboard::Escape) == Press{Control::cancel, 0});
  list.busy = false;
  CHECK(list_layout.key(list, sf::Keyboard::Num2) == Press{Control::reprint, 5});
  CHECK_FALSE(list_layout.key(list, sf::Keyboard::Right).has_value());  // the last page

  ConsoleView dialog = counter_with(1);
  dialog.page = Page::reprint_number;
  ConsoleLayout dialog_layout({1024.f, 600.f}, dialog);
  CHECK(takes_text(dialog.page));
  CHECK_FALSE(dialog_layout.key(dialog, sf::Keyboard::I).has_value());      // typed, not a key
  CHECK_FALSE(dialog_layout.key(dialog, sf::Keyboard::Enter).has_value());  // nothing typed
  dialog.number_input = "C4";
  CHECK(dialog_layout.key(dialog, sf::Keyboard::Enter) == Press{Control::confirm, 0});
  CHECK(find_button(buttons(dialog), Control::confirm)->label == text::console_button_reprint());
}

TEST_CASE("console::save_screenshot: the unprinted slips read from the screen, at body size") {
  REQUIRE_MESSAGE(have_tesseract(),
                  "tesseract-ocr-fra is needed (apt-get install tesseract-ocr-fra)");
  CHECK(ui::contrast_ratio(colours::kAlertInk, colours::kPanel) >= 4.5);
  testing::TempDir dir("pcn-console-unprinted");
  for (sf::Vector2u size : console_window_sizes()) {
    for (std::size_t count : {1u, 3u, 8u}) {
      const std::string name = "counter-" + std::to_string(count);
      CAPTURE(console_size_name(size));
      CAPTURE(count);
      // The counter page's red row.
      const ConsoleView counter = counter_with(count);
      const ConsoleLayout layout(sf::Vector2f(size), counter);
      const sf::Image image = shoot(counter, size, dir, name);
      const sf::FloatRect what = layout.alert_text();
      const sf::FloatRect detail = layout.alert_detail();
      const sf::FloatRect band = layout.alerts();
      // Inside its boxes, never cut: nothing of it over the button or out of the row (from the
      // text's left edge: the row's red edge is at its left).
      const Ink ink =
          ink_of(image, {what.left, band.top, band.width - (what.left - band.left), band.height},
                 colours::kAlertInk);
      REQUIRE(ink.pixels > 200);
      CHECK(static_cast<float>(ink.top) >= what.top - 1.f);
      CHECK(static_cast<float>(ink.bottom) <= detail.top + detail.height + 1.f);
      CHECK(static_cast<float>(ink.right) <= what.left + what.width + 1.f);
      const float body = layout.text_size(TextRole::body);
      const std::string png = dir / (name + "-" + console_size_name(size));
      const std::string read_what = read_zone(image, what, colours::kAlertInk, png + "-what.png");
      const std::string read_detail =
          read_zone(image, detail, colours::kAlertInk, png + "-detail.png");
      CAPTURE(read_what);
      CAPTURE(read_detail);
      if (count == 1) {
        CHECK(read_what.find("Ticket C-004 non imprimé") != std::string::npos);
        CHECK(read_detail.find("Plus de papier") != std::string::npos);
      } else {
        CHECK(read_what.find(std::to_string(count) + " tickets non imprimés") != std::string::npos);
        CHECK(has_label(read_detail, "C-004"));
        CHECK(has_label(read_detail, "F-011"));
        CHECK(read_detail.find("C-0…") == std::string::npos);  // cut between tickets only
      }
      // A capital's height is the body size's (DejaVu's capitals are 0.73 em): the "T" of
      // "Ticket", the digit of "3 tickets".
      const Ink capital =
          ink_of(image, {what.left, what.top, 0.55f * body, what.height}, colours::kAlertInk);
      CHECK(capital.height() >= 0.7f * body);
    }
    // The list's pages: every ticket read on its page, with its reason or "…".
    const std::size_t count = 8;
    for (std::size_t first = 0; first < count; first += kUnprintedPerPage) {
      const ConsoleView list = list_with(count, first);
      const ConsoleLayout layout(sf::Vector2f(size), list);
      const std::string name = "list-" + std::to_string(first);
      CAPTURE(console_size_name(size));
      CAPTURE(first);
      const sf::Image image = shoot(list, size, dir, name);
      const float body = layout.text_size(TextRole::body);
      for (std::size_t i = first; i < first + kUnprintedPerPage; ++i) {
        CAPTURE(i);
        const sf::FloatRect label = *layout.unprinted_label(i);
        const sf::FloatRect detail = *layout.unprinted_detail(i);
        const std::string png = name + "-" + console_size_name(size) + "-" + std::to_string(i);
        const std::string read_label =
            read_zone(image, label, colours::kInk, dir / (png + "-l.png"));
        CAPTURE(read_label);
        CHECK(has_label(read_label, list.unprinted[i].label));
        CHECK(ink_of(image, label, colours::kInk).height() >=
              0.7f * layout.text_size(TextRole::button));
        const std::string shown =
            text::console_unprinted_detail(list.unprinted[i].asked, list.unprinted[i].reason);
        if (shown.empty()) continue;
        const sf::FloatRect row = *layout.unprinted_row(i);
        const float after_label = label.left + label.width;
        const Ink ink =
            ink_of(image, {after_label, row.top, row.left + row.width - after_label, row.height},
                   colours::kAlertInk);
        REQUIRE(ink.pixels > 100);
        CHECK(static_cast<float>(ink.left) >= detail.left - 1.f);
        CHECK(static_cast<float>(ink.right) <= detail.left + detail.width + 1.f);
        CHECK(ink.height() >= 0.7f * body);
        const std::string read =
            read_zone(image, detail, colours::kAlertInk, dir / (png + "-d.png"));
        CAPTURE(read);
        const std::string start = shown.substr(0, shown.find(' ', 6));  // its first words
        CHECK(plain(read).find(plain(start)) != std::string::npos);
      }
      // The range says which rows these are.
      const std::string range =
          read_zone(image, layout.unprinted_range(), colours::kSoftInk,
                    dir / (name + "-" + console_size_name(size) + "-range.png"));
      CAPTURE(range);
      CHECK(plain(range).find("sur8") != std::string::npos);
    }
  }
}

}  // namespace pcn::console

// --- The controller against a real hub ---

namespace {

using namespace pcn;
using console::Control;
using console::Page;

/// A kiosk client following the feed, and the reprints it has seen (ticket, counter).
struct KioskWatch {
  std::unique_ptr<client::Client> client;
  std::vector<std::pair<queue::TicketId, std::optional<int>>> reprints;

  explicit KioskWatch(testing::TestHub& hub) : client(hub.client("kiosk")) {
    REQUIRE(client->wait_live(5s));
    client->on_change([this](const queue::Change& c) {
      if (c.kind == queue::ChangeKind::reprint_requested)
        reprints.emplace_back(*c.ticket, c.counter);
    });
  }
  void pump_until(std::size_t count) {
    for (int i = 0; i < 250 && reprints.size() < count; ++i) client->pump(20ms);
  }
  queue::TicketId take(const char* service, bool printed) {
    auto r = client->request("take_ticket", {{"service", service}});
    REQUIRE_MESSAGE(r.ok(), r.error().to_string());
    const auto id = r->at("ticket").at("id").get<queue::TicketId>();
    auto reported = client->request(
        "report_print", {{"ticket", id}, {"printed", printed}, {"error", "plus de papier"}});
    REQUIRE_MESSAGE(reported.ok(), reported.error().to_string());
    return id;
  }
};

struct AgentConsole {
  explicit AgentConsole(testing::TestHub& hub)
      : client(hub.client("agent")), controller(*client, hub.clock(), settings()) {
    REQUIRE(client->wait_live(5s));
  }
  static agent_console::ConsoleSettings settings() {
    agent_console::ConsoleSettings s;
    s.counter = 2;
    s.agent = "Paul";
    s.agency_name = "OPT Test";
    return s;
  }
  template <typename Pred>
  bool until(Pred done) {
    const auto deadline = std::chrono::steady_clock::now() + 8s;
    while (std::chrono::steady_clock::now() < deadline) {
      client->pump(20ms);
      controller.tick();
      if (done()) return true;
    }
    return false;
  }
  bool settle() {
    return until([&] { return controller.idle(); });
  }
  void press(Control c, std::size_t index = 0) { controller.press({c, index}); }
  void type(const std::string& ascii) {
    for (char c : ascii) controller.type(static_cast<char32_t>(c));
  }
  console::ConsoleView view() const { return controller.view(); }

  std::unique_ptr<client::Client> client;
  agent_console::ConsoleController controller;
};

std::vector<std::string> labels_of(const console::ConsoleView& v) {
  std::vector<std::string> out;
  for (const auto& row : v.unprinted) out.push_back(row.label);
  return out;
}

}  // namespace

TEST_CASE("agent_console::ConsoleController lists every unprinted ticket and reprints from it") {
  testing::TestHub hub;
  hub.start();
  KioskWatch kiosk(hub);
  // Eight slips fail (C-001…C-004, F-001…F-003, N-001), two print.
  std::vector<queue::TicketId> failed;
  for (const char* service : {"C", "C", "F", "C", "N", "F", "C", "F"}) {
    failed.push_back(kiosk.take(service, false));
  }
  kiosk.take("C", true);
  kiosk.take("N", true);
  AgentConsole console(hub);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return console.view().unprinted.size() == 8; }));
  const std::vector<std::string> all = {"C-001", "C-002", "F-001", "C-003",
                                        "N-001", "F-002", "C-004", "F-003"};
  CHECK(labels_of(console.view()) == all);
  CHECK(console.view().unprinted[0].reason == "plus de papier");

  // Voir la liste: four a page; Suivants to the second.
  console.press(Control::show_unprinted);
  REQUIRE(console.view().page == Page::unprinted);
  CHECK(console.view().unprinted_first == 0);
  console.press(Control::next_page);
  CHECK(console.view().unprinted_first == 4);
  console.press(Control::next_page);  // greyed on the last page: nothing
  CHECK(console.view().unprinted_first == 4);

  // Réimprimer F-002 (the second row of the second page): the buttons grey until the reply,
  // the kiosk sees the request for that ticket from counter 2.
  console.press(Control::reprint, 5);
  auto pending = console.view();
  CHECK(pending.busy);
  const auto* row_button = console::find_button(console::buttons(pending), Control::reprint, 5);
  REQUIRE(row_button != nullptr);
  CHECK_FALSE(row_button->enabled);
  console.press(Control::reprint, 6);  // a second tap meanwhile sends nothing
  REQUIRE(console.settle());
  CHECK(console.view().status.text == text::reprint_requested("F-002"));
  kiosk.pump_until(1);
  REQUIRE(kiosk.reprints.size() == 1);
  CHECK(kiosk.reprints[0].first == failed[5]);
  CHECK(kiosk.reprints[0].second == 2);
  // Still listed until the hub says it printed, marked as asked.
  CHECK(console.view().unprinted.size() == 8);
  CHECK(console.view().unprinted[5].asked == text::console_reprint_asked("09:00"));
  CHECK(console.view().unprinted[6].asked.empty());

  // The kiosk prints the duplicate: F-002 leaves the list; the page stays where it was.
  REQUIRE(
      kiosk.client
          ->request("report_print", {{"ticket", failed[5]}, {"printed", true}, {"duplicate", true}})
          .ok());
  REQUIRE(console.until([&] { return console.view().unprinted.size() == 7; }));
  std::vector<std::string> left = all;
  left.erase(left.begin() + 5);
  CHECK(labels_of(console.view()) == left);
  CHECK(console.view().unprinted_first == 4);
  console.press(Control::previous_page);
  CHECK(console.view().unprinted_first == 0);
  console.press(Control::cancel);
  CHECK(console.view().page == Page::counter);
}

TEST_CASE("agent_console::ConsoleController reprints any ticket of today by its number") {
  testing::TestHub hub;
  hub.start();
  KioskWatch kiosk(hub);
  const queue::TicketId printed = kiosk.take("C", true);
  const queue::TicketId unprinted = kiosk.take("F", false);
  AgentConsole console(hub);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return console.view().unprinted.size() == 1; }));

  // The counter page's row: the one ticket and its Réimprimer.
  console.press(Control::reprint, 0);
  REQUIRE(console.settle());
  kiosk.pump_until(1);
  REQUIRE(kiosk.reprints.size() == 1);
  CHECK(kiosk.reprints[0].first == unprinted);

  // Réimprimer un numéro…: a number nobody took today is said in the dialog, nothing sent.
  console.press(Control::reprint_number);
  REQUIRE(console.view().page == Page::reprint_number);
  console.type("c9");
  console.press(Control::confirm);
  auto v = console.view();
  CHECK(v.page == Page::reprint_number);
  CHECK(v.number_invalid);
  CHECK(v.number_hint == text::unknown_ticket("C-009"));
  CHECK(console.controller.idle());
  // A printed ticket may be reprinted too (a visitor who lost the slip).
  console.press(Control::erase);
  console.press(Control::erase);
  console.type("c1");
  console.press(Control::confirm);
  CHECK(console.view().page == Page::counter);
  CHECK(console.view().busy);
  REQUIRE(console.settle());
  CHECK(console.view().status.text == text::reprint_requested("C-001"));
  kiosk.pump_until(2);
  REQUIRE(kiosk.reprints.size() == 2);
  CHECK(kiosk.reprints[1].first == printed);
  CHECK(kiosk.reprints[1].second == 2);
}
