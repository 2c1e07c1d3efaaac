#include "kiosk/kiosk_screen.h"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/View.hpp>
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/kiosk_layout.h"
#include "kiosk/page_text.h"
#include "kiosk/palette.h"
#include "ui/text_block.h"
#include "text/catalog.h"
#include "ui/shapes.h"
#include "ui/screenshot.h"

namespace pcn::kiosk {
namespace {

// closed / unreachable pages have the whole screen for a sentence or two: larger type.
constexpr float kMessageScale = 1.5f;

sf::ConvexShape rounded(const sf::FloatRect& r, float radius, sf::Color fill) {
  return ui::rounded(r, radius, fill, 10);
}
using ui::inset;

sf::Color darker(sf::Color c, float factor) {
  auto scale = [factor](sf::Uint8 v) { return static_cast<sf::Uint8>(std::lround(v * factor)); };
  return {scale(c.r), scale(c.g), scale(c.b), c.a};
}

sf::Color service_colour(const std::string& hex) {
  return parse_colour(hex).value_or(colours::kFallback);
}

/// The colour of the service whose prefix starts `ticket_label`, if it is on the view.
std::optional<sf::Color> ticket_colour(const KioskView& view) {
  if (view.ticket_label.empty()) return std::nullopt;
  for (const ServiceButton& button : view.services) {
    if (button.prefix == view.ticket_label.front()) return service_colour(button.colour);
  }
  return std::nullopt;
}

sf::Color page_background(Page page) {
  switch (page) {
    case Page::confirmation:
      return colours::kPaper;
    case Page::print_failed:
      return colours::kWarning;
    case Page::home:
    case Page::closed:
    case Page::unreachable:
    case Page::staff_pin:
    case Page::staff:
      break;
  }
  return colours::kPage;
}

/// How a PageLine looks.
struct LineLook {
  TextRole role = TextRole::body;
  bool bold = false;
  sf::Color colour = colours::kInk;
  int max_lines = 1;
  float slot = 1.4f;  ///< the line's height, in multiples of its type size
};

LineLook look_of(LineStyle style) {
  switch (style) {
    case LineStyle::heading:
      return {TextRole::title, true, colours::kInk, 1, 1.5f};
    case LineStyle::message:
      return {TextRole::title, true, colours::kInk, 2, 2.8f};
    case LineStyle::alert:
      return {TextRole::title, true, colours::kAlert, 1, 1.5f};
    case LineStyle::service:
      return {TextRole::large, true, colours::kInk, 1, 1.8f};
    case LineStyle::priority:
      return {TextRole::body, true, colours::kHeaderText, 1, 1.7f};
    case LineStyle::emphasis:
      return {TextRole::large, true, colours::kInk, 1, 1.5f};
    case LineStyle::body:
      return {TextRole::large, false, colours::kInk, 1, 1.4f};
    case LineStyle::detail:
      return {TextRole::body, false, colours::kSoftInk, 3, 2.8f};
  }
  return {};
}

/// Draws one KioskView on one target.
class Painter {
 public:
  Painter(sf::RenderTarget& target, const ui::Fonts& fonts, const KioskLayout& layout)
      : target_(target), fonts_(fonts), layout_(layout) {}

  void home(const KioskView& view);
  void number_page(const KioskView& view, const PageText& text);
  void message_page(const KioskView& view, const PageText& text);
  void pin_page(const KioskView& view);
  void staff_page(const KioskView& view);

 private:
  ui::TextBlock block(const std::string& utf8, const sf::FloatRect& box, bool bold, float size,
                  sf::Color colour, ui::Align align = ui::Align::centre, int max_lines = 1) const;
  void fill(const sf::FloatRect& r, sf::Color colour) const;
  void header_row(const KioskView& view) const;
  void service_button(const ServiceButton& service, const sf::FloatRect& r) const;
  void key_badge(int key, const sf::FloatRect& square) const;
  void toggle(bool on) const;
  void printer_banner() const;
  /// A flat button with a dark frame and its word, centred.
  void staff_button(const sf::FloatRect& r, const std::string& word, bool primary) const;
  void staff_frame(const KioskView& view, const std::string& title) const;
  /// The lines stacked and centred in `area`, at `scale` times their type size or smaller.
  void lines(const std::vector<PageLine>& page_lines, const sf::FloatRect& area,
             const KioskView& view, float scale = 1.f) const;
  void line(const PageLine& page_line, const sf::FloatRect& slot, float size,
            const KioskView& view) const;

  sf::RenderTarget& target_;
  const ui::Fonts& fonts_;
  const KioskLayout& layout_;
};

ui::TextBlock Painter::block(const std::string& utf8, const sf::FloatRect& box, bool bold, float size,
                         sf::Color colour, ui::Align align, int max_lines) const {
  ui::TextStyle style;
  style.font = bold ? &fonts_.bold() : &fonts_.regular();
  style.max_size = size;
  style.min_size = std::min(size, std::max(12.f, 2.f * layout_.unit()));
  style.colour = colour;
  style.align = align;
  style.max_lines = max_lines;
  return ui::TextBlock(utf8, style, box);
}

void Painter::fill(const sf::FloatRect& r, sf::Color colour) const {
  sf::RectangleShape shape({r.width, r.height});
  shape.setPosition(r.left, r.top);
  shape.setFillColor(colour);
  target_.draw(shape);
}

void Painter::header_row(const KioskView& view) const {
  const float size = layout_.text_size(TextRole::header_small);
  target_.draw(block(view.agency_name, layout_.header_name(), false, size, colours::kHeaderText,
                     ui::Align::left));
  target_.draw(block(view.clock_text, layout_.header_clock(), false, size, colours::kHeaderText,
                     ui::Align::right));
}

void Painter::home(const KioskView& view) {
  fill(layout_.header(), colours::kHeader);
  header_row(view);
  target_.draw(block(text::kiosk_choose_service(), layout_.header_title(), true,
                     layout_.text_size(TextRole::title), colours::kHeaderText, ui::Align::left));
  std::vector<sf::FloatRect> buttons =
      layout_.service_buttons(view.services.size(), view.printer_down);
  for (std::size_t i = 0; i < buttons.size(); ++i) service_button(view.services[i], buttons[i]);
  if (view.printer_down) printer_banner();
  toggle(view.priority_selected);
  if (view.busy) {  // everything under the header, washed out: presses are not taken
    const sf::FloatRect& h = layout_.header();
    sf::Vector2f window = layout_.window();
    fill({0.f, h.height, window.x, window.y - h.height}, colours::kDimmed);
  }
}

void Painter::service_button(const ServiceButton& service, const sf::FloatRect& r) const {
  const sf::Color colour = service_colour(service.colour);
  const sf::Color ink = text_on(colour);
  const float radius = 1.6f * layout_.unit();
  sf::FloatRect shadow = r;
  shadow.top += 0.6f * layout_.unit();
  target_.draw(rounded(shadow, radius, darker(colour, 0.6f)));
  target_.draw(rounded(r, radius, colour));

  ButtonParts parts = layout_.button_parts(r);
  target_.draw(block(std::string(1, service.prefix), parts.letter, true, parts.letter.height * 1.1f,
                     ink, ui::Align::left));
  if (service.key >= 1 && service.key <= 9) key_badge(service.key, parts.key);
  target_.draw(block(service.label, parts.label, true, layout_.text_size(TextRole::button), ink,
                     ui::Align::centre, 3));
  const std::string bottom = service.wait.empty() ? text::kiosk_waiting(service.waiting) : service.wait;
  target_.draw(block(bottom, parts.waiting, false,
                     layout_.text_size(TextRole::detail), ink, ui::Align::centre, 2));
}

void Painter::key_badge(int key, const sf::FloatRect& square) const {
  const float radius = square.width / 2.f;
  sf::CircleShape circle(radius, 48);
  circle.setPosition(square.left, square.top);
  circle.setFillColor(sf::Color::White);
  circle.setOutlineThickness(-0.06f * square.width);
  circle.setOutlineColor(colours::kInk);
  target_.draw(circle);
  target_.draw(block(std::to_string(key), inset(square, 0.25f * radius, 0.3f * radius), true,
                     0.7f * square.height, colours::kInk));
}

void Painter::toggle(bool on) const {
  const sf::FloatRect& r = layout_.priority_toggle();
  const float radius = 1.6f * layout_.unit();
  const sf::Color background = on ? colours::kHeader : colours::kPaper;
  const sf::Color ink = on ? colours::kHeaderText : colours::kInk;
  sf::ConvexShape frame = rounded(r, radius, background);
  frame.setOutlineThickness(-0.5f * layout_.unit());
  frame.setOutlineColor(colours::kHeader);
  target_.draw(frame);

  ToggleParts parts = layout_.toggle_parts();
  sf::ConvexShape box = rounded(parts.check, 0.8f * layout_.unit(), colours::kPaper);
  box.setOutlineThickness(-0.6f * layout_.unit());
  box.setOutlineColor(on ? colours::kPaper : colours::kHeader);
  target_.draw(box);
  if (on) {
    target_.draw(block("\u2713",
                       inset(parts.check, 0.12f * parts.check.width, 0.12f * parts.check.height),
                       true, parts.check.height, colours::kHeader));
  }
  target_.draw(block(text::kiosk_priority_toggle(), parts.sentence, true,
                     layout_.text_size(TextRole::body), ink, ui::Align::left, 3));
  const sf::Color pill = on ? sf::Color(255, 210, 63) : colours::kPage;
  target_.draw(rounded(parts.state, parts.state.height / 2.f, pill));
  target_.draw(block(on ? text::kiosk_priority_yes() : text::kiosk_priority_no(),
                     inset(parts.state, 0.1f * parts.state.width, 0.18f * parts.state.height), true,
                     layout_.text_size(TextRole::large), colours::kInk));
}

void Painter::printer_banner() const {
  const sf::FloatRect& r = layout_.printer_banner();
  target_.draw(rounded(r, 1.2f * layout_.unit(), colours::kWarning));
  sf::ConvexShape frame = rounded(r, 1.2f * layout_.unit(), sf::Color::Transparent);
  frame.setOutlineThickness(-0.5f * layout_.unit());
  frame.setOutlineColor(colours::kAlert);
  target_.draw(frame);
  target_.draw(block(text::kiosk_printer_down_banner(), inset(r, 2.f * layout_.unit(), 0.8f * layout_.unit()),
                     true, layout_.text_size(TextRole::body), colours::kAlert, ui::Align::centre,
                     2));
}

void Painter::staff_button(const sf::FloatRect& r, const std::string& word, bool primary) const {
  const float radius = 1.2f * layout_.unit();
  sf::ConvexShape shape = rounded(r, radius, primary ? colours::kHeader : colours::kPaper);
  shape.setOutlineThickness(-0.4f * layout_.unit());
  shape.setOutlineColor(colours::kHeader);
  target_.draw(shape);
  target_.draw(block(word, inset(r, 0.08f * r.width, 0.22f * r.height), true,
                     layout_.text_size(TextRole::large),
                     primary ? colours::kHeaderText : colours::kInk));
}

void Painter::staff_frame(const KioskView& view, const std::string& title) const {
  fill(layout_.top_bar(), colours::kHeader);
  header_row(view);
  target_.draw(block(title, layout_.staff_title(), true, layout_.text_size(TextRole::title),
                     colours::kInk, ui::Align::left));
  std::string message = view.staff_message.empty() && !view.printer_problem.empty()
                                   ? text::kiosk_staff_printer_problem(view.printer_problem)
                                   : view.staff_message;
  target_.draw(block(message, layout_.staff_message(), true,
                     layout_.text_size(TextRole::body), colours::kInk, ui::Align::left, 2));
  staff_button(layout_.staff_close(), text::kiosk_staff_close(), false);
}

void Painter::pin_page(const KioskView& view) {
  staff_frame(view, text::kiosk_staff_pin_title());
  std::string dots;
  for (int i = 0; i < view.pin_length; ++i) dots += "\u25CF ";
  target_.draw(block(dots.empty() ? "_" : dots, layout_.pin_field(), true,
                     layout_.text_size(TextRole::title), colours::kInk));
  std::vector<sf::FloatRect> keys = layout_.pin_keys();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::string word = i == 9    ? text::kiosk_staff_erase()
                       : i == 10 ? std::string("0")
                       : i == 11 ? text::kiosk_staff_enter()
                                 : std::to_string(i + 1);
    staff_button(keys[i], word, i == 11);
  }
}

void Painter::staff_page(const KioskView& view) {
  staff_frame(view, text::kiosk_staff_title());
  if (view.staff_tickets.empty()) {
    target_.draw(block(text::kiosk_staff_none(), layout_.staff_row_text(0), false,
                       layout_.text_size(TextRole::large), colours::kSoftInk, ui::Align::left));
  }
  std::size_t rows = std::min(layout_.staff_rows(), view.staff_tickets.size());
  for (std::size_t i = 0; i < rows; ++i) {
    const StaffTicket& t = view.staff_tickets[i];
    std::string words = t.label + " — " + t.service + " — " +
                        (t.reason.empty() ? text::kiosk_staff_printed() : t.reason);
    target_.draw(block(words, layout_.staff_row_text(i), false, layout_.text_size(TextRole::body),
                       t.reason.empty() ? colours::kInk : colours::kAlert, ui::Align::left, 2));
    staff_button(layout_.staff_row_button(i), text::kiosk_staff_reprint_button(), true);
  }
}

void Painter::lines(const std::vector<PageLine>& page_lines, const sf::FloatRect& area,
                    const KioskView& view, float scale) const {
  float total = 0.f;
  for (const PageLine& l : page_lines) {
    LineLook look = look_of(l.style);
    total += look.slot * layout_.text_size(look.role) * scale;
  }
  if (total > area.height) {
    scale *= area.height / total;
    total = area.height;
  }
  float y = area.top + (area.height - total) / 2.f;
  for (const PageLine& l : page_lines) {
    LineLook look = look_of(l.style);
    float size = layout_.text_size(look.role) * scale;
    sf::FloatRect slot{area.left, y, area.width, look.slot * size};
    line(l, slot, size, view);
    y += slot.height;
  }
}

void Painter::line(const PageLine& page_line, const sf::FloatRect& slot, float size,
                   const KioskView& view) const {
  LineLook look = look_of(page_line.style);
  bool on_pill = page_line.style == LineStyle::service || page_line.style == LineStyle::priority;
  if (!on_pill) {
    target_.draw(block(page_line.text, inset(slot, 0.f, 0.1f * size), look.bold, size, look.colour,
                       ui::Align::centre, look.max_lines));
    return;
  }
  sf::Color pill = colours::kHeader;
  if (page_line.style == LineStyle::service) pill = ticket_colour(view).value_or(colours::kHeader);
  float pill_height = std::min(slot.height * 0.85f, 1.45f * size);
  sf::FloatRect inner = inset(slot, 1.f * size, (slot.height - pill_height) / 2.f + 0.2f * size);
  ui::TextBlock words = block(page_line.text, inner, look.bold, size, text_on(pill));
  sf::FloatRect ink = words.ink();
  float pill_width = ink.width + 1.4f * size;
  sf::FloatRect back{slot.left + (slot.width - pill_width) / 2.f,
                     slot.top + (slot.height - pill_height) / 2.f, pill_width, pill_height};
  target_.draw(rounded(back, pill_height / 2.f, pill));
  target_.draw(words);
}

void Painter::number_page(const KioskView& view, const PageText& page) {
  fill(layout_.top_bar(), colours::kHeader);
  header_row(view);
  lines(page.before, layout_.above_number(), view);
  const sf::FloatRect& number = layout_.ticket_number();
  target_.draw(block(page.number, number, true, number.height * 1.5f, colours::kInk));
  lines(page.after, layout_.below_number(), view);
  target_.draw(block(page.footer, layout_.footer(), false, layout_.text_size(TextRole::body),
                     colours::kSoftInk));
}

void Painter::message_page(const KioskView& view, const PageText& page) {
  fill(layout_.top_bar(), colours::kHeader);
  header_row(view);
  lines(page.before, layout_.message(), view, kMessageScale);
}

}  // namespace

util::Result<KioskScreen> KioskScreen::open(const ui::FontFiles& files) {
  auto fonts = ui::Fonts::load(files);
  if (!fonts.ok()) return fonts.error();
  return KioskScreen(std::move(fonts).value());
}

void KioskScreen::draw(sf::RenderTarget& target, const KioskView& view) const {
  const sf::Vector2f size(target.getSize());
  target.setView(sf::View(sf::FloatRect(0.f, 0.f, size.x, size.y)));
  target.clear(page_background(view.page));
  const KioskLayout layout(size);
  Painter painter(target, *fonts_, layout);
  switch (view.page) {
    case Page::home:
      painter.home(view);
      return;
    case Page::confirmation:
    case Page::print_failed:
      painter.number_page(view, page_text(view));
      return;
    case Page::closed:
    case Page::unreachable:
      painter.message_page(view, page_text(view));
      return;
    case Page::staff_pin:
      painter.pin_page(view);
      return;
    case Page::staff:
      painter.staff_page(view);
      return;
  }
}

util::Status save_screenshot(const KioskView& view, sf::Vector2u size,
                             const std::filesystem::path& png) {
  auto screen = KioskScreen::open();
  if (!screen.ok()) return screen.error();
  return ui::render_to_png(size, [&](sf::RenderTarget& target) { screen->draw(target, view); }, png);
}

}  // namespace pcn::kiosk
