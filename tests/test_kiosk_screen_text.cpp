// What the kiosk's pages say (kiosk::page_text), how labels are fitted into their zones
// (ui::TextBlock, real DejaVu fonts under Xvfb) and what a missing font file tells the
// installer.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ui/fonts.h"
#include "kiosk/kiosk_layout.h"
#include "kiosk/page_text.h"
#include "ui/text_block.h"
#include "support/temp_dir.h"
#include "test_kiosk_screen_samples.h"

namespace pcn::kiosk {
namespace {

using testing::bourail_confirmation;

std::vector<std::string> texts(const std::vector<PageLine>& lines) {
  std::vector<std::string> out;
  for (const PageLine& line : lines) out.push_back(line.text);
  return out;
}

bool within(const sf::FloatRect& outer, const sf::FloatRect& inner, float slack) {
  return inner.left >= outer.left - slack && inner.top >= outer.top - slack &&
         inner.left + inner.width <= outer.left + outer.width + slack &&
         inner.top + inner.height <= outer.top + outer.height + slack;
}

std::unique_ptr<ui::Fonts> dejavu() {
  auto fonts = ui::Fonts::load();
  REQUIRE_MESSAGE(fonts.ok(), (fonts.ok() ? "" : fonts.error().to_string()));
  return std::move(fonts).value();
}

}  // namespace

TEST_CASE("kiosk::page_text: the confirmation says the number, the wait and to keep the ticket") {
  PageText page = page_text(bourail_confirmation());
  CHECK(texts(page.before) == std::vector<std::string>{"Votre numéro"});
  CHECK(page.number == "C-042");
  CHECK(texts(page.after) == std::vector<std::string>{"CAFAT", "3 personnes avant vous",
                                                      "Attente estimée : entre 10 et 15 min",
                                                      "Gardez votre ticket"});
  CHECK(page.after.front().style == LineStyle::service);
  CHECK(page.footer == "Touchez l’écran pour revenir");
}

TEST_CASE("kiosk::page_text: one person ahead, nobody ahead, unknown wait, priority ticket") {
  KioskView view = bourail_confirmation();
  view.ahead = 1;
  view.wait_text.clear();
  view.ticket_priority = true;
  PageText page = page_text(view);
  CHECK(texts(page.after) == std::vector<std::string>{"Prioritaire", "CAFAT",
                                                      "1 personne avant vous",
                                                      "Gardez votre ticket"});
  view.ahead = 0;
  view.wait_text = "Vous êtes le prochain";
  page = page_text(view);
  CHECK(texts(page.after)[2] == "Personne avant vous");
  CHECK(texts(page.after)[3] == "Vous êtes le prochain");
}

TEST_CASE("kiosk::page_text: a failed print asks to note the number, never says why") {
  // The view may carry a technical detail; the visitor's page shows none of it.
  PageText page = page_text(testing::bourail_print_failed());
  CHECK(texts(page.before) == std::vector<std::string>{"Notez votre numéro"});
  CHECK(page.before.front().style == LineStyle::alert);
  CHECK(page.number == "C-042");
  CHECK(texts(page.after) ==
        std::vector<std::string>{"CAFAT", "Un agent a été prévenu : il vous appellera avec ce numéro."});
  CHECK(page.footer == "Touchez l’écran quand vous l’avez noté");
}

TEST_CASE("kiosk::page_text: closed and unreachable pages give their message and detail") {
  PageText closed = page_text(testing::bourail_closed());
  REQUIRE(closed.before.size() == 2);
  CHECK(closed.before[0].text == "L’agence est fermée");
  CHECK(closed.before[0].style == LineStyle::message);
  CHECK(closed.before[1].text.find("07:30-11:30") != std::string::npos);
  CHECK(closed.number.empty());
  PageText unreachable = page_text(testing::bourail_unreachable());
  CHECK(unreachable.before.front().text == "Service momentanément indisponible");
  KioskView no_detail = testing::bourail_unreachable();
  no_detail.detail.clear();
  CHECK(page_text(no_detail).before.size() == 1);
  CHECK(page_text(testing::bourail_home()).before.empty());
}

TEST_CASE("ui::Fonts::load names the missing font file") {
  testing::TempDir dir("pcn-kiosk-fonts");
  ui::FontFiles files = ui::dejavu_font_files();
  files.bold = dir / "DejaVuSans-Bold.ttf";
  auto fonts = ui::Fonts::load(files);
  REQUIRE_FALSE(fonts.ok());
  CHECK(fonts.error().code == "font_missing");
  CHECK(fonts.error().message.find((dir / "DejaVuSans-Bold.ttf").string()) != std::string::npos);
  CHECK(fonts.error().message.find("fonts-dejavu-core") != std::string::npos);
}

TEST_CASE("ui::Fonts::load refuses a file that is not a font") {
  testing::TempDir dir("pcn-kiosk-fonts");
  std::FILE* f = std::fopen((dir / "fake.ttf").c_str(), "w");
  REQUIRE(f != nullptr);
  std::fputs("not a font", f);
  std::fclose(f);
  auto fonts = ui::Fonts::load({dir / "fake.ttf", ui::dejavu_font_files().bold});
  REQUIRE_FALSE(fonts.ok());
  CHECK(fonts.error().code == "font_unreadable");
  CHECK(fonts.error().message.find("fake.ttf") != std::string::npos);
}

TEST_CASE("ui::TextBlock fits every Bourail label into its button, large enough to read") {
  testing::require_display();
  auto fonts = dejavu();
  KioskView view = testing::bourail_home();
  for (sf::Vector2u size : testing::kiosk_window_sizes()) {
    KioskLayout layout{sf::Vector2f(size)};
    std::vector<sf::FloatRect> buttons = layout.service_buttons(view.services.size());
    for (std::size_t i = 0; i < buttons.size(); ++i) {
      CAPTURE(testing::size_name(size));
      CAPTURE(view.services[i].label);
      sf::FloatRect box = layout.button_parts(buttons[i]).label;
      ui::TextBlock label(view.services[i].label,
                      {&fonts->bold(), layout.text_size(TextRole::button), 12.f, sf::Color::White,
                       ui::Align::centre, 3},
                      box);
      CHECK(within(box, label.ink(), 1.f));
      CHECK(label.line_count() <= 3);
      // Readable at arm's length: at least 4 % of the smaller side (31 px on 1024x768).
      CHECK(label.size() >= 4.f * layout.unit());
    }
  }
}

TEST_CASE("ui::TextBlock wraps a long sentence at spaces and shrinks it only as needed") {
  testing::require_display();
  auto fonts = dejavu();
  const std::string sentence =
      "Ticket prioritaire : personnes âgées, handicapées, femmes enceintes";
  sf::FloatRect wide{0.f, 0.f, 4000.f, 200.f};
  ui::TextBlock one(sentence, {&fonts->bold(), 40.f, 10.f, sf::Color::Black, ui::Align::left, 1}, wide);
  CHECK(one.size() == 40.f);
  CHECK(one.line_count() == 1);
  sf::FloatRect narrow{100.f, 100.f, 600.f, 120.f};
  ui::TextBlock two(sentence, {&fonts->bold(), 40.f, 10.f, sf::Color::Black, ui::Align::left, 2}, narrow);
  CHECK(two.line_count() == 2);
  CHECK(two.size() < 40.f);
  CHECK(two.size() > 20.f);
  CHECK(within(narrow, two.ink(), 1.f));
  CHECK(two.ink().left == doctest::Approx(100.f).epsilon(0.02));  // left-aligned
  ui::TextBlock empty("", {&fonts->bold(), 40.f, 10.f, sf::Color::Black, ui::Align::left, 2}, narrow);
  CHECK(empty.line_count() == 0);
}

}  // namespace pcn::kiosk
