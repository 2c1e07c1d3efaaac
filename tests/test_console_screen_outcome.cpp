// The console's outcome page (issue #11) and its workshop page: the lines made from the agency's
// pick-lists (console::OutcomeForm); at 1024x600, 1280x800 and 1920x1080 every line and button
// inside the window, apart, large enough for a finger and its labels readable; the keys printed
// on the buttons; rendered under Xvfb, the lists' labels read back with tesseract (French).
// Against a real hub, the controller: « Terminé » opens the page with the service's partner
// proposed, Valider finishes with exactly the outcome chosen, Passer with none, Retour sends
// nothing; « Appeler le suivant » asks for the outcome first; what was chosen is proposed again
// for the same service; a bilan is corrected from the statistics page; a workshop is recorded.
//
// Screenshots and what tesseract read stay in the temp folder with PCN_KEEP_TEMP=1. With
// PCN_WRITE_DOCS=<folder>, the outcome page at 1280x800 is also saved as
// <folder>/console-outcome.png (the `screenshot --page outcome` command makes the same page from
// a live hub).
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "agent-console/console_controller.h"
#include "console/console_controls.h"
#include "console/console_layout.h"
#include "console/console_screen.h"
#include "console/outcome_form.h"
#include "support/hub_fixture.h"
#include "support/temp_dir.h"
#include "test_console_screen_samples.h"
#include "text/catalog.h"

using namespace std::chrono_literals;

namespace pcn::console {
namespace {

using queue::OutcomeList;
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


bool have_tesseract() {
  return std::system("tesseract --list-langs 2>/dev/null | grep -qx fra") == 0;
}

/// What tesseract (French) reads in `zone`: dark text on a light ground, or light text on a
/// dark one (`light_ink`), as black on white and three times as large (the luma interpolated
/// between pixels, so that the glyphs' edges stay smooth); single spaces.
std::string ocr(const sf::Image& image, const sf::FloatRect& zone, bool light_ink,
                const std::filesystem::path& png) {
  constexpr unsigned kScale = 3;
  const auto left = static_cast<unsigned>(zone.left);
  const auto top = static_cast<unsigned>(zone.top);
  const auto width = static_cast<unsigned>(zone.width);
  const auto height = static_cast<unsigned>(zone.height);
  auto luma = [&](unsigned x, unsigned y) {
    const sf::Color c = image.getPixel(std::min(left + x, left + width - 1),
                                       std::min(top + y, top + height - 1));
    return (299.f * c.r + 587.f * c.g + 114.f * c.b) / 1000.f;
  };
  sf::Image bw;
  bw.create(kScale * width + 40, kScale * height + 40, sf::Color::White);
  for (unsigned y = 0; y < kScale * height; ++y) {
    for (unsigned x = 0; x < kScale * width; ++x) {
      const float fx = (static_cast<float>(x) + 0.5f) / kScale - 0.5f;
      const float fy = (static_cast<float>(y) + 0.5f) / kScale - 0.5f;
      const auto x0 = static_cast<unsigned>(std::max(0.f, fx));
      const auto y0 = static_cast<unsigned>(std::max(0.f, fy));
      const float ax = std::clamp(fx - static_cast<float>(x0), 0.f, 1.f);
      const float ay = std::clamp(fy - static_cast<float>(y0), 0.f, 1.f);
      const float l = (1 - ay) * ((1 - ax) * luma(x0, y0) + ax * luma(x0 + 1, y0)) +
                      ay * ((1 - ax) * luma(x0, y0 + 1) + ax * luma(x0 + 1, y0 + 1));
      if (light_ink ? l > 150.f : l < 150.f) bw.setPixel(x + 20, y + 20, sf::Color::Black);
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

/// `text` without spaces, with straight apostrophes and hyphens, without accents, I, i, l and | as
/// 1, O as 0, in capitals (what OCR mixes up in DejaVu Sans), so that a read label compares with
/// the drawn one.
std::string folded(const std::string& text) {
  static const std::vector<std::pair<std::string, char>> kFolds = {
      {"\u2019", '\''}, {"\u2013", '-'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"É", 'E'},
      {"à", 'a'},       {"â", 'a'},     {"À", 'A'}, {"Â", 'A'}, {"ô", 'o'}, {"ï", 'i'},
      {"î", 'i'},       {"û", 'u'},     {"ù", 'u'}, {"ç", 'c'}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool done = false;
    for (const auto& [from, to] : kFolds) {
      if (text.compare(i, from.size(), from) != 0) continue;
      c = to;
      i += from.size() - 1;
      done = true;
      break;
    }
    if (!done && (static_cast<unsigned char>(c) & 0x80) != 0) continue;
    if (c == ' ') continue;
    if (c == 'I' || c == 'i' || c == 'l' || c == '|') c = '1';
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    out += c;
  }
  return out;
}

bool reads(const std::string& read, const std::string& label) {
  return folded(read).find(folded(label)) != std::string::npos;
}

/// The outcome page of C-042 (CAFAT) with the pilot's default lists, partner CAFAT proposed
/// and, when `chosen`, a theme, an autonomy and a result chosen.
ConsoleView outcome_page(bool chosen = false) {
  static const queue::OutcomeLists lists = queue::OutcomeLists::defaults();
  queue::Outcome start;
  start.partner = {"cafat"};
  OutcomeForm form(lists, outcome_lines(lists), start);
  if (chosen) {
    form.choose(1, 4);  // Argent et impôts
    form.choose(3, 0);  // Fait à la place…
    form.choose(4, 0);  // Démarche aboutie
    form.focus(0);
  }
  ConsoleView v = testing::bourail_counter();
  v.page = Page::outcome;
  v.form_title = text::console_outcome_title("C-042", "CAFAT");
  v.form_rows = form.rows();
  v.form_focus = form.focused();
  v.form_can_skip = true;
  return v;
}

ConsoleView workshop_page() {
  static const queue::OutcomeLists lists = queue::OutcomeLists::defaults();
  OutcomeForm form(lists, workshop_lines(lists), {}, true);
  form.choose(1, 1);  // Smartphone
  ConsoleView v = testing::bourail_counter();
  v.page = Page::workshop;
  v.form_title = text::console_workshop_title();
  v.form_rows = form.rows();
  v.form_focus = form.focused();
  v.workshop_participants = text::console_workshop_participants(8);
  v.workshop_duration = text::console_workshop_duration(90);
  return v;
}

}  // namespace

TEST_CASE("console::outcome_lines: one line per list, the themes by group, the profile optional") {
  const queue::OutcomeLists lists = queue::OutcomeLists::defaults();
  std::vector<FormLine> lines = outcome_lines(lists);
  REQUIRE(lines.size() == 11);
  CHECK(lines[0].list == OutcomeList::partner);
  CHECK(lines[1].list == OutcomeList::theme);
  CHECK(lines[1].group == "Démarches");
  CHECK(lines[1].choices.size() == 9);
  CHECK(lines[2].group == "Numérique");
  CHECK(lines[2].choices.size() == 6);
  CHECK(lines[3].list == OutcomeList::autonomy);
  CHECK(lines[10].list == OutcomeList::equipment);
  OutcomeForm form(lists, lines, {});
  std::vector<FormRow> rows = form.rows();
  CHECK(rows[0].title == "Partenaire");
  CHECK(rows[0].note == text::console_outcome_note_multiple());
  CHECK(rows[1].title == "Démarches");
  CHECK(rows[2].title == "Numérique");
  CHECK(rows[3].choices[0].label ==
        "Fait à la place par l’agent (avec l’accord de la personne)");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(rows[i].title);
    CHECK(rows[i].optional == (i >= 7));  // âge, situation, commune, équipement
  }
  CHECK(rows[7].note == text::console_outcome_note_optional());
  CHECK(workshop_lines(lists).size() == 2);
}

TEST_CASE("console::OutcomeForm: several partners and themes, one of the others, the next line") {
  const queue::OutcomeLists lists = queue::OutcomeLists::defaults();
  queue::Outcome start;
  start.partner = {"cafat"};
  OutcomeForm form(lists, outcome_lines(lists), start);
  form.choose(0, 6);  // DFIP beside CAFAT
  CHECK(form.outcome().partner == std::vector<std::string>{"cafat", "dfip"});
  CHECK(form.focused() == 0);  // several: the digits stay on the partners
  form.choose(0, 0);           // CAFAT off
  CHECK(form.outcome().partner == std::vector<std::string>{"dfip"});
  form.choose(2, 1);  // Smartphone, then Papiers et identité: both themes, in the list's order
  form.choose(1, 0);
  CHECK(form.outcome().theme == std::vector<std::string>{"papiers", "smartphone"});
  form.choose(3, 1);  // Accompagné pas à pas: one autonomy, then the next line
  CHECK(form.outcome().autonomy == "pas_a_pas");
  CHECK(form.focused() == 4);
  form.choose(3, 3);  // Autonome replaces it
  CHECK(form.outcome().autonomy == "autonome");
  form.choose(3, 3);  // touched again: cleared
  CHECK(form.outcome().autonomy.empty());
  CHECK(form.focused() == 3);
  form.choose(3, 99);  // no such choice
  form.choose(40, 0);
  CHECK(form.outcome().autonomy.empty());
  std::vector<FormRow> rows = form.rows();
  CHECK(rows[0].choices[6].chosen);
  CHECK_FALSE(rows[0].choices[0].chosen);

  OutcomeForm workshop(lists, workshop_lines(lists), {}, true);  // one theme across groups
  workshop.choose(0, 2);
  workshop.choose(1, 0);
  CHECK(workshop.outcome().theme == std::vector<std::string>{"messagerie"});
}

TEST_CASE("console::ConsoleLayout places the outcome and workshop pages at every size") {
  for (sf::Vector2u size : console_window_sizes()) {
    const sf::FloatRect window{0.f, 0.f, float(size.x), float(size.y)};
    for (const ConsoleView& view : {outcome_page(), outcome_page(true), workshop_page()}) {
      CAPTURE(console_size_name(size));
      CAPTURE(static_cast<int>(view.page));
      ConsoleLayout layout(sf::Vector2f(size), view);
      std::vector<Button> all = buttons(view);
      std::vector<sf::FloatRect> placed;
      std::size_t choices = 0;
      for (const Button& b : all) {
        CAPTURE(b.label);
        auto r = layout.rect(b.control, b.index);
        REQUIRE(r.has_value());
        CHECK(inside(*r, window));
        // The lines (titles and choices) are at least 40 px high (about 8 mm on a 10" netbook),
        // the choices 48 wide; the page's other buttons finger-sized.
        const bool in_line = b.control == Control::form_choice || b.control == Control::form_line;
        const float least = in_line ? 40.f : kTouch;
        CHECK(r->height >= least);
        CHECK(r->width >= (b.control == Control::form_choice ? 48.f : kTouch));
        CHECK_FALSE(overlap(*r, layout.header()));
        for (const sf::FloatRect& other : placed) CHECK_FALSE(overlap(*r, other));
        placed.push_back(*r);
        if (b.control == Control::form_choice) {
          ++choices;
          const std::size_t line = b.index / kChoiceStride;
          REQUIRE(layout.form_row(line).has_value());
          CHECK(inside(*r, *layout.form_row(line)));
          ButtonParts parts = layout.parts(b, *r);
          CHECK(inside(parts.label, *r));
          CHECK(inside(parts.shortcut, *r));
          CHECK(parts.label.height >= 2.f * layout.form_text_size());  // two lines of labels
        }
        if (b.enabled) {
          auto press = layout.hit(view, centre(*r));
          REQUIRE(press.has_value());
          CHECK(press->control == b.control);
          CHECK(press->index == b.index);
        }
      }
      std::size_t listed = 0;
      for (const FormRow& row : view.form_rows) listed += row.choices.size();
      CHECK(choices == listed);  // every choice has its place
      CHECK_FALSE(overlap(layout.form_title(), *layout.rect(Control::confirm)));
      CHECK(inside(layout.form_title(), window));
      // One size for every choice's label: readable at every size.
      const float least_text = size.x <= 1024 ? 13.f : size.x <= 1280 ? 16.f : 20.f;
      CHECK(layout.form_text_size() >= least_text);
      for (std::size_t i = 0; i < view.form_rows.size(); ++i) {
        for (std::size_t j = i + 1; j < view.form_rows.size(); ++j) {
          CHECK_FALSE(overlap(*layout.form_row(i), *layout.form_row(j)));
        }
      }
    }
  }
}

TEST_CASE("console::ConsoleLayout sets the profile lines apart, after the visit's lines") {
  for (sf::Vector2u size : console_window_sizes()) {
    CAPTURE(console_size_name(size));
    ConsoleView view = outcome_page();
    ConsoleLayout layout(sf::Vector2f(size), view);
    const sf::FloatRect last_visit = *layout.form_row(6);  // première visite
    const sf::FloatRect first_profile = *layout.form_row(7);  // tranche d'âge
    CHECK(first_profile.top >= last_visit.top + last_visit.height + layout.margin() - 0.01f);
  }
}

TEST_CASE("console::ConsoleLayout::key on the outcome page: F-keys, digits, Entrée, F12, Échap") {
  ConsoleView view = outcome_page();
  ConsoleLayout layout({1280.f, 800.f}, view);
  auto key = [&](sf::Keyboard::Key k) { return layout.key(view, k); };
  CHECK(key(sf::Keyboard::Num1) == Press{Control::form_choice, choice_index(0, 0)});
  CHECK(key(sf::Keyboard::Num0) == Press{Control::form_choice, choice_index(0, 9)});
  CHECK(key(sf::Keyboard::Numpad3) == Press{Control::form_choice, choice_index(0, 2)});
  CHECK(key(sf::Keyboard::F4) == Press{Control::form_line, 3});
  CHECK(key(sf::Keyboard::Down) == Press{Control::form_line, 1});
  CHECK_FALSE(key(sf::Keyboard::Up).has_value());
  CHECK(key(sf::Keyboard::Enter) == Press{Control::confirm, 0});
  CHECK(key(sf::Keyboard::F12) == Press{Control::skip, 0});
  CHECK(key(sf::Keyboard::Escape) == Press{Control::cancel, 0});
  CHECK_FALSE(key(sf::Keyboard::T).has_value());  // no counter-page key here
  // The keys printed: F1… on the lines' titles, digits on the focused line's choices only.
  std::vector<Button> all = buttons(view);
  CHECK(find_button(all, Control::form_line, 3)->shortcut == "F4");
  CHECK(find_button(all, Control::form_choice, choice_index(0, 0))->shortcut == "1");
  CHECK(find_button(all, Control::form_choice, choice_index(0, 9))->shortcut == "0");
  CHECK(find_button(all, Control::form_choice, choice_index(1, 0))->shortcut.empty());
  CHECK(find_button(all, Control::skip)->shortcut == "F12");
  CHECK(find_button(all, Control::confirm)->label == text::console_button_validate());
  view.form_focus = 5;  // orientation: five choices
  CHECK(layout.key(view, sf::Keyboard::Num5) == Press{Control::form_choice, choice_index(5, 4)});
  CHECK_FALSE(layout.key(view, sf::Keyboard::Num6).has_value());
  CHECK(layout.key(view, sf::Keyboard::Up) == Press{Control::form_line, 4});
  // A correction cannot be skipped; pending, nothing answers but Retour.
  view.form_can_skip = false;
  CHECK_FALSE(layout.key(view, sf::Keyboard::F12).has_value());
  view.busy = true;
  CHECK_FALSE(layout.key(view, sf::Keyboard::Enter).has_value());
  CHECK_FALSE(layout.key(view, sf::Keyboard::Num1).has_value());
  CHECK(layout.key(view, sf::Keyboard::Escape) == Press{Control::cancel, 0});

  ConsoleView workshop = workshop_page();
  ConsoleLayout wl({1024.f, 600.f}, workshop);
  CHECK(wl.key(workshop, sf::Keyboard::Hyphen) == Press{Control::participants_less, 0});
  CHECK(wl.key(workshop, sf::Keyboard::Add) == Press{Control::participants_more, 0});
  CHECK(wl.key(workshop, sf::Keyboard::Equal) == Press{Control::participants_more, 0});
  CHECK(wl.key(workshop, sf::Keyboard::Left) == Press{Control::minutes_less, 0});
  CHECK(wl.key(workshop, sf::Keyboard::Right) == Press{Control::minutes_more, 0});
  CHECK(wl.key(workshop, sf::Keyboard::F2) == Press{Control::form_line, 1});
  CHECK_FALSE(wl.key(workshop, sf::Keyboard::F12).has_value());  // no Passer for a workshop

  ConsoleView stats = testing::bourail_counter();
  stats.page = Page::statistics;
  ConsoleLayout sl({1024.f, 600.f}, stats);
  CHECK(sl.key(stats, sf::Keyboard::C) == Press{Control::correct_outcome, 0});
  CHECK(sl.key(stats, sf::Keyboard::A) == Press{Control::workshop, 0});
  CHECK(find_button(buttons(stats), Control::correct_outcome)->shortcut == "C");
}


TEST_CASE("console::save_screenshot draws the outcome page: tesseract reads the lists' labels") {
  testing::require_console_display();
  if (!have_tesseract()) {
    MESSAGE("tesseract with French (tesseract-ocr-fra) is missing: .ci/install-deps");
    REQUIRE(have_tesseract());
  }
  testing::TempDir dir("pcn-console-outcome");
  const ConsoleView view = outcome_page(true);
  if (const char* folder = std::getenv("PCN_WRITE_DOCS")) {
    util::Status saved =
        save_screenshot(view, {1280, 800}, std::filesystem::path(folder) / "console-outcome.png");
    CHECK_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
  }
  for (sf::Vector2u size : {sf::Vector2u{1280, 800}, sf::Vector2u{1920, 1080}}) {
    CAPTURE(console_size_name(size));
    const std::filesystem::path png = dir / ("outcome-" + console_size_name(size) + ".png");
    util::Status saved = save_screenshot(view, size, png);
    REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().to_string()));
    sf::Image image;
    REQUIRE(image.loadFromFile(png.string()));
    ConsoleLayout layout(sf::Vector2f(size), view);
    int n = 0;
    auto zone_png = [&] { return dir / ("zone-" + std::to_string(n++) + ".png"); };
    // Every line's title, and every choice's label (chosen ones light on dark).
    std::vector<std::string> missed;
    std::size_t labels = 0;
    for (const Button& b : buttons(view)) {
      if (b.control != Control::form_line && b.control != Control::form_choice) continue;
      const sf::FloatRect r = *layout.rect(b.control, b.index);
      ButtonParts parts = layout.parts(b, r);
      if (b.control == Control::form_line) {
        const std::string read = ocr(image, parts.label, false, zone_png());
        CHECK_MESSAGE(reads(read, b.label), "title « " << b.label << " », read « " << read << " »");
        continue;
      }
      ++labels;
      const std::string read = ocr(image, parts.label, b.selected, zone_png());
      if (!reads(read, b.label)) missed.push_back(b.label + " → « " + read + " »");
    }
    // OCR may trip on a word or two at the smallest size; the labels are drawn whole, not cut.
    std::string all;
    for (const std::string& m : missed) all += "\n  " + m;
    MESSAGE(console_size_name(size) << ": " << labels - missed.size() << " of " << labels
                                    << " labels read back" << all);
    CHECK(missed.size() * 10 <= labels);
    // The bar: the title, Passer, Retour, Valider (white on dark blue).
    CHECK(reads(ocr(image, layout.form_title(), false, zone_png()), "C-042"));
    for (Control c : {Control::skip, Control::cancel}) {
      const Button* b = find_button(buttons(view), c);
      const ButtonParts parts = layout.parts(*b, *layout.rect(c));
      CHECK(reads(ocr(image, parts.label, false, zone_png()), b->label));
    }
    const Button* validate = find_button(buttons(view), Control::confirm);
    const ButtonParts parts = layout.parts(*validate, *layout.rect(Control::confirm));
    CHECK(reads(ocr(image, parts.label, true, zone_png()), text::console_button_validate()));
  }
}

namespace {

/// A console for counter 1 (CAFAT and Factures in the test agency), Marie at it, pumped by the
/// test.
struct Console {
  explicit Console(testing::TestHub& hub, agent_console::ConsoleSettings s = settings())
      : client(hub.client("agent")), controller(*client, hub.clock(), std::move(s)) {
    REQUIRE(client->wait_live(5s));
    REQUIRE(settle());
  }
  static agent_console::ConsoleSettings settings() {
    agent_console::ConsoleSettings s;
    s.counter = 1;
    s.agent = "Marie";
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
  bool settle() { return until([&] { return controller.idle(); }); }
  void press(Control c, std::size_t index = 0) { controller.press({c, index}); }
  /// « Appeler le suivant » with nobody at the counter, until the visitor is shown.
  void call_first() {
    press(Control::call_next);
    REQUIRE(settle());
    REQUIRE(until([&] { return view().serving.has_value(); }));
  }
  void choose(std::size_t line, std::size_t choice) {
    press(Control::form_choice, choice_index(line, choice));
  }
  ConsoleView view() const { return controller.view(); }
  const queue::Ticket& ticket(const std::string& label) {
    for (const auto& [id, t] : client->state().tickets) {
      if (t.label() == label) return t;
    }
    FAIL("no ticket " << label);
    throw std::logic_error("unreachable");
  }
  void type(const std::string& ascii) {
    for (char c : ascii) controller.type(static_cast<char32_t>(c));
  }

  std::unique_ptr<client::Client> client;
  agent_console::ConsoleController controller;
};

/// The hub's own record of ticket `label` (a fresh snapshot, not the console's replica).
protocol::Json hub_ticket(testing::TestHub& hub, const std::string& label) {
  auto snap = hub.client("supervisor", false)->request("snapshot");
  REQUIRE(snap.ok());
  for (const auto& t : snap->at("tickets")) {
    if (t.at("label") == label) return t;
  }
  FAIL("no ticket " << label);
  return {};
}

void take(testing::TestHub& hub, const std::string& service, int n = 1) {
  auto kiosk = hub.client("kiosk", false);
  for (int i = 0; i < n; ++i) REQUIRE(kiosk->request("take_ticket", {{"service", service}}).ok());
}

std::vector<std::string> labels_chosen(const FormRow& row) {
  std::vector<std::string> out;
  for (const FormChoice& c : row.choices) {
    if (c.chosen) out.push_back(c.label);
  }
  return out;
}

}  // namespace

TEST_CASE("agent_console::ConsoleController: Terminé asks for the outcome, Valider sends it") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 3);
  Console console(hub);
  console.press(Control::call_next);  // nobody at the counter: calls at once
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return console.view().serving.has_value(); }));

  // Échap on the outcome page goes back and sends nothing.
  console.press(Control::finish);
  ConsoleView v = console.view();
  REQUIRE(v.page == Page::outcome);
  CHECK(v.form_title == text::console_outcome_title("C-001", "CAFAT"));
  CHECK(v.form_can_skip);
  CHECK(labels_chosen(v.form_rows[0]) == std::vector<std::string>{"CAFAT"});  // proposed
  console.press(Control::cancel);
  CHECK(console.view().page == Page::counter);
  CHECK(console.controller.idle());
  CHECK(hub_ticket(hub, "C-001").at("state") == "called");

  // Terminé again: Enercal beside CAFAT, a theme, autonomy, result; Valider.
  console.press(Control::finish);
  console.choose(0, 2);  // Enercal
  console.choose(2, 3);  // Identité numérique (Numérique)
  console.choose(3, 1);  // Accompagné pas à pas
  console.choose(4, 3);  // À poursuivre
  console.choose(8, 2);  // Retraité (profile, optional)
  console.press(Control::confirm);
  CHECK(console.view().page == Page::counter);
  REQUIRE(console.settle());
  const protocol::Json done = hub_ticket(hub, "C-001");
  CHECK(done.at("state") == "done");
  CHECK(done.at("outcome").at("partner") == protocol::Json::array({"cafat", "enercal"}));
  CHECK(done.at("outcome").at("theme") == protocol::Json::array({"identite_numerique"}));
  CHECK(done.at("outcome").at("autonomy") == "pas_a_pas");
  CHECK(done.at("outcome").at("result") == "a_poursuivre");
  CHECK(done.at("outcome").at("situation") == "retraite");
  CHECK(done.at("outcome").at("orientation").is_null());
  CHECK(console.view().status.text == text::counter_action_finished("Guichet 1", "C-001"));

  // The next CAFAT visitor: the partners and themes chosen are proposed again, not the person's
  // autonomy, result or situation.
  console.call_first();
  // « Appeler le suivant » with C-002 still there: the outcome page first, nothing sent.
  console.press(Control::call_next);
  v = console.view();
  REQUIRE(v.page == Page::outcome);
  CHECK(console.controller.idle());
  CHECK(v.form_title == text::console_outcome_title("C-002", "CAFAT"));
  CHECK(labels_chosen(v.form_rows[0]) == std::vector<std::string>{"CAFAT", "Enercal"});
  CHECK(labels_chosen(v.form_rows[2]) == std::vector<std::string>{"Identité numérique"});
  CHECK(labels_chosen(v.form_rows[3]).empty());
  CHECK(labels_chosen(v.form_rows[4]).empty());
  CHECK(labels_chosen(v.form_rows[8]).empty());
  // Passer: C-002 done with no outcome, then C-003 called.
  console.press(Control::skip);
  REQUIRE(console.until([&] {
    return console.controller.idle() && console.view().serving &&
           console.view().serving->label == "C-003";
  }));
  CHECK(hub_ticket(hub, "C-002").at("state") == "done");
  CHECK(hub_ticket(hub, "C-002").at("outcome").is_null());
  CHECK(hub_ticket(hub, "C-003").at("state") == "called");
  CHECK(console.view().status.text == text::counter_action_called("Guichet 1", "C-003", "CAFAT"));
}

TEST_CASE("agent_console::ConsoleController corrects a bilan of today from the statistics page") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 2);
  Console console(hub);
  console.call_first();
  console.press(Control::finish);
  console.choose(3, 3);  // Autonome
  console.press(Control::confirm);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return console.ticket("C-001").outcome.has_value(); }));

  console.press(Control::statistics);
  REQUIRE(console.view().page == Page::statistics);
  console.press(Control::correct_outcome);
  REQUIRE(console.view().page == Page::outcome_number);
  console.type("c2");  // waiting: not served, nothing to correct
  console.press(Control::confirm);
  CHECK(console.view().page == Page::outcome_number);
  CHECK(console.view().number_invalid);
  CHECK(console.view().number_hint == text::console_outcome_not_served("C-002"));
  console.press(Control::erase);
  console.type("1");
  console.press(Control::confirm);
  ConsoleView v = console.view();
  REQUIRE(v.page == Page::outcome);
  CHECK(v.form_title == text::console_outcome_correct_title("C-001", "CAFAT"));
  CHECK_FALSE(v.form_can_skip);  // a correction has no Passer
  CHECK(labels_chosen(v.form_rows[0]) == std::vector<std::string>{"CAFAT"});
  CHECK(labels_chosen(v.form_rows[3]) == std::vector<std::string>{"Autonome"});  // as stored
  console.choose(3, 0);  // in fact done for them
  console.choose(1, 0);  // Papiers et identité
  console.press(Control::confirm);
  REQUIRE(console.settle());
  CHECK(console.view().status.tone == console::Tone::success);
  CHECK(console.view().status.text == text::outcome_corrected("C-001"));
  const protocol::Json corrected = hub_ticket(hub, "C-001").at("outcome");
  CHECK(corrected.at("autonomy") == "fait_a_la_place");
  CHECK(corrected.at("theme") == protocol::Json::array({"papiers"}));
  CHECK(corrected.at("partner") == protocol::Json::array({"cafat"}));
}

TEST_CASE("agent_console::ConsoleController records a workshop from the statistics page") {
  testing::TestHub hub;
  hub.start();
  Console console(hub);
  console.press(Control::statistics);
  console.press(Control::workshop);
  ConsoleView v = console.view();
  REQUIRE(v.page == Page::workshop);
  CHECK_FALSE(v.form_ready);  // no theme yet: Valider greyed
  CHECK_FALSE(find_button(buttons(v), Control::confirm)->enabled);
  CHECK(v.workshop_participants == text::console_workshop_participants(5));
  CHECK(v.workshop_duration == text::console_workshop_duration(60));
  console.choose(1, 2);  // Sécurité et arnaques
  for (int i = 0; i < 3; ++i) console.press(Control::participants_more);
  console.press(Control::participants_less);
  console.press(Control::minutes_more);
  console.press(Control::minutes_more);
  v = console.view();
  CHECK(v.form_ready);
  CHECK(v.workshop_participants == text::console_workshop_participants(7));
  CHECK(v.workshop_duration == "1 h 30");
  console.press(Control::confirm);
  REQUIRE(console.settle());
  CHECK(console.view().status.text == text::workshop_recorded(7, 90));
  auto rows = hub.client("supervisor", false)
                  ->request("tickets", {{"from", "2026-11-23"}, {"to", "2026-11-23"}});
  REQUIRE(rows.ok());
  REQUIRE(rows->at("workshops").size() == 1);
  const protocol::Json w = rows->at("workshops")[0];
  CHECK(w.at("theme") == "securite");
  CHECK(w.at("participants") == 7);
  CHECK(w.at("minutes") == 90);
  CHECK(w.at("counter") == 1);
}


TEST_CASE("agent_console::ConsoleController: a refused finish brings the page back as it was") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 2);
  // The console's lists have a partner the hub's do not (a config changed on one machine only).
  agent_console::ConsoleSettings s = Console::settings();
  s.outcomes.choices(OutcomeList::partner).push_back({"mairie", "Mairie", ""});
  Console console(hub, s);
  console.call_first();
  console.press(Control::finish);
  const std::size_t mairie = console.view().form_rows[0].choices.size() - 1;
  console.choose(0, mairie);
  console.choose(3, 1);  // Accompagné pas à pas
  console.press(Control::confirm);
  REQUIRE(console.settle());
  // The hub refused (unknown_code): C-001 is still at the counter, the page is back with every
  // choice the agent made, and the status says why.
  CHECK(hub_ticket(hub, "C-001").at("state") == "called");
  ConsoleView v = console.view();
  REQUIRE(v.page == Page::outcome);
  CHECK(labels_chosen(v.form_rows[0]) == std::vector<std::string>{"CAFAT", "Mairie"});
  CHECK(labels_chosen(v.form_rows[3]) == std::vector<std::string>{"Accompagné pas à pas"});
  CHECK(v.status.tone == Tone::failure);
  CHECK(v.status.text.find("mairie") != std::string::npos);
  // Without Mairie, Valider goes through.
  console.choose(0, mairie);
  console.press(Control::confirm);
  REQUIRE(console.settle());
  CHECK(hub_ticket(hub, "C-001").at("state") == "done");
  CHECK(hub_ticket(hub, "C-001").at("outcome").at("partner") == protocol::Json::array({"cafat"}));
}

TEST_CASE("agent_console::ConsoleController: the outcome page of a visitor gone elsewhere closes") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 2);
  Console console(hub);
  console.call_first();
  console.press(Control::finish);
  console.choose(3, 3);  // Autonome
  REQUIRE(console.view().page == Page::outcome);
  // Meanwhile the supervisor calls the next one at counter 1 (C-001 is finished with it).
  auto supervisor = hub.client("supervisor", false);
  REQUIRE(supervisor->request("call_next", {{"counter", 1}}).ok());
  REQUIRE(console.until([&] { return console.view().page == Page::counter; }));
  CHECK(console.view().status.text == text::console_outcome_gone("C-001"));
  CHECK(console.view().serving->label == "C-002");
  // Nothing was recorded on either: C-001's outcome did not land on C-002.
  CHECK(hub_ticket(hub, "C-001").at("outcome").is_null());
  CHECK(hub_ticket(hub, "C-002").at("state") == "called");
}

TEST_CASE("agent_console::ConsoleController proposes the partners again after an empty Valider") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 2);
  Console console(hub);
  console.call_first();
  console.press(Control::finish);
  console.choose(0, 0);   // CAFAT off: nothing chosen
  console.choose(10, 1);  // Smartphone de la personne (equipment)
  console.choose(10, 1);  // and off again
  console.choose(10, 0);  // Ordinateur du PCN
  console.press(Control::confirm);
  REQUIRE(console.settle());
  console.press(Control::call_next);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] {
    return console.view().serving && console.view().serving->label == "C-002";
  }));
  console.press(Control::finish);
  const ConsoleView v = console.view();
  REQUIRE(v.page == Page::outcome);
  CHECK(labels_chosen(v.form_rows[0]) == std::vector<std::string>{"CAFAT"});  // the service's
  CHECK(labels_chosen(v.form_rows[10]).empty());  // the equipment is the person's: not proposed
}

}  // namespace pcn::console
