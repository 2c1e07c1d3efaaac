#include "console/console_screen.h"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/View.hpp>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "console/console_controls.h"
#include "console/console_layout.h"
#include "console/palette.h"
#include "text/catalog.h"
#include "ui/shapes.h"
#include "ui/colour.h"
#include "ui/screenshot.h"
#include "ui/text_block.h"

namespace pcn::console {
namespace {


sf::ConvexShape rounded(const sf::FloatRect& r, float radius, sf::Color fill) {
  return ui::rounded(r, radius, fill, 8);
}
using ui::inset;

sf::Color service_colour(const std::string& hex) {
  return ui::parse_colour(hex).value_or(colours::kFallback);
}

sf::Color ink_on(sf::Color background) { return ui::text_on(background, colours::kInk); }

/// How a button looks.
struct Look {
  sf::Color fill = colours::kAction;
  sf::Color ink = colours::kInk;
  sf::Color border = colours::kBorder;
  bool bold = true;
};

Look look_of(const Button& b) {
  if (!b.enabled) return {colours::kDisabled, colours::kDisabledInk, colours::kDisabled, true};
  switch (b.control) {
    case Control::call_next:
      return {colours::kCall, colours::kHeaderText, colours::kCall, true};
    case Control::change_setup:
      return {colours::kHeader, colours::kHeaderText, colours::kHeaderText, true};
    case Control::start:
    case Control::confirm:
      return {colours::kHeader, colours::kHeaderText, colours::kHeader, true};
    case Control::choose_counter:
      if (b.selected) return {colours::kHeader, colours::kHeaderText, colours::kHeader, true};
      break;
    default:
      break;
  }
  return {};
}

/// The number of full blocks ("█") when `cell` is nothing but blocks (a bar of the arrivals
/// table); -1 otherwise.
int bar_blocks(const std::string& cell) {
  static const std::string block = "\u2588";
  if (cell.empty() || cell.size() % block.size() != 0) return -1;
  for (std::size_t i = 0; i < cell.size(); i += block.size()) {
    if (cell.compare(i, block.size(), block) != 0) return -1;
  }
  return static_cast<int>(cell.size() / block.size());
}

/// Draws one ConsoleView on one target.
class Painter {
 public:
  Painter(sf::RenderTarget& target, const ui::Fonts& fonts, const ConsoleLayout& layout,
          const ConsoleView& view)
      : target_(target), fonts_(fonts), layout_(layout), view_(view), buttons_(buttons(view)) {}

  void header() const;
  void counter_page() const;
  void dialog_shade() const;
  void transfer_dialog() const;
  void call_number_dialog() const;
  void reprint_number_dialog() const;
  void unprinted_page() const;
  void setup_page() const;
  void statistics_page() const;
  void status_line() const;
  void form_page() const;
  void outcome_number_dialog() const;

 private:
  ui::TextBlock block(const std::string& utf8, const sf::FloatRect& box, bool bold, float size,
                      sf::Color colour, ui::Align align = ui::Align::centre,
                      int max_lines = 1) const;
  void text(const std::string& utf8, const sf::FloatRect& box, bool bold, float size,
            sf::Color colour, ui::Align align = ui::Align::centre, int max_lines = 1) const {
    target_.draw(block(utf8, box, bold, size, colour, align, max_lines));
  }
  /// `utf8` cut at its end ("…") so that it fits `box`'s width on one line at exactly `size`.
  std::string fitting(const std::string& utf8, const sf::FloatRect& box, bool bold,
                      float size) const;
  /// One line at exactly `size`, shortened to fit (never smaller: readable before complete).
  void line(const std::string& utf8, const sf::FloatRect& box, bool bold, float size,
            sf::Color colour, ui::Align align = ui::Align::left) const;
  void fill(const sf::FloatRect& r, sf::Color colour) const;
  float radius() const { return 1.2f * layout_.unit(); }
  float size(TextRole role) const { return layout_.text_size(role); }

  void button(const Button& b) const;
  void badge(const std::string& shortcut, const sf::FloatRect& zone, const Look& look,
             bool centred) const;
  void service_tile(const Button& b, const sf::FloatRect& r) const;
  void counter_choice(const Button& b, const sf::FloatRect& r) const;
  void ticket_panel() const;
  void alerts() const;
  void unprinted_row(std::size_t index) const;
  void field(const std::string& typed, const sf::FloatRect& r, bool invalid) const;
  void table(const StatsTable& t, const sf::FloatRect& r) const;
  void table_row(const StatsTable& t, const std::vector<std::string>& cells, const sf::FloatRect& r,
                 float text_size, bool bold, sf::Color ink, bool groups = false) const;
  void draw_buttons(bool (*which)(Control)) const;
  /// `utf8` in at most two lines in `box`, no larger than `size`, cut at its end with "…" when
  /// even the smallest size does not hold it.
  void two_lines(const std::string& utf8, const sf::FloatRect& box, bool bold, float size,
                 sf::Color colour) const;
  void form_line(const Button& b, const sf::FloatRect& r) const;
  void form_choice(const Button& b, const sf::FloatRect& r) const;
  void form_rows() const;
  void workshop_counts() const;

  sf::RenderTarget& target_;
  const ui::Fonts& fonts_;
  const ConsoleLayout& layout_;
  const ConsoleView& view_;
  std::vector<Button> buttons_;
  mutable float tile_label_size_ = 0.f;  // one size for every service's label
  mutable float form_title_size_ = 0.f;  // one size for every line's title, one for the notes
  mutable float form_note_size_ = 0.f;
};

ui::TextBlock Painter::block(const std::string& utf8, const sf::FloatRect& box, bool bold,
                             float size, sf::Color colour, ui::Align align, int max_lines) const {
  ui::TextStyle style;
  style.font = bold ? &fonts_.bold() : &fonts_.regular();
  style.max_size = size;
  style.min_size = std::min(size, 11.f);
  style.colour = colour;
  style.align = align;
  style.max_lines = max_lines;
  return ui::TextBlock(utf8, style, box);
}

std::string Painter::fitting(const std::string& utf8, const sf::FloatRect& box, bool bold,
                             float size) const {
  auto width = [&](const std::string& t) {
    return block(t, {box.left, box.top, 1e6f, box.height}, bold, size, colours::kInk,
                 ui::Align::left, 1).ink().width;
  };
  if (utf8.empty() || width(utf8) <= box.width) return utf8;
  // Cut between words ("C-004, F-011…", never "C-0…"); inside the first word only when even
  // that one does not fit.
  std::vector<std::size_t> ends;
  for (std::size_t i = 1; i < utf8.size(); ++i) {
    if (utf8[i] == ' ') ends.push_back(i);
  }
  auto cut = [&](std::size_t end) {
    std::string head = utf8.substr(0, end);
    while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == ':')) {
      head.pop_back();
    }
    return head + "\u2026";
  };
  if (ends.empty() || width(cut(ends.front())) > box.width) {
    ends.clear();
    for (std::size_t i = 1; i < utf8.size(); ++i) {
      if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) ends.push_back(i);
    }
  }
  if (ends.empty()) return utf8;
  std::size_t fits = 0, fails = ends.size();  // ends[fits] fits (or nothing does)
  while (fails - fits > 1) {
    const std::size_t middle = (fits + fails) / 2;
    (width(cut(ends[middle])) <= box.width ? fits : fails) = middle;
  }
  return cut(ends[fits]);
}

void Painter::line(const std::string& utf8, const sf::FloatRect& box, bool bold, float size,
                   sf::Color colour, ui::Align align) const {
  ui::TextStyle style;
  style.font = bold ? &fonts_.bold() : &fonts_.regular();
  style.max_size = size;
  style.min_size = size;
  style.colour = colour;
  style.align = align;
  style.max_lines = 1;
  target_.draw(ui::TextBlock(fitting(utf8, box, bold, size), style, box));
}

void Painter::fill(const sf::FloatRect& r, sf::Color colour) const {
  sf::RectangleShape shape({r.width, r.height});
  shape.setPosition(r.left, r.top);
  shape.setFillColor(colour);
  target_.draw(shape);
}

// --- Header ---

void Painter::header() const {
  fill(layout_.header(), colours::kHeader);
  const sf::Color white = colours::kHeaderText;
  text(view_.agency_name, layout_.header_agency(), false, size(TextRole::small), white,
       ui::Align::left);
  std::string who = view_.counter_label;
  if (!view_.agent_name.empty() && !who.empty()) who += " · " + view_.agent_name;
  text(who, layout_.header_counter(), true, size(TextRole::title), white, ui::Align::left);
  text(view_.date_text, layout_.header_date(), false, size(TextRole::small), white,
       ui::Align::centre);
  text(view_.time_text, layout_.header_time(), true, size(TextRole::title), white,
       ui::Align::centre);

  const sf::FloatRect r = layout_.header_connection();
  const sf::Color state = view_.live ? colours::kLive : colours::kLost;
  target_.draw(rounded(r, r.height / 2.f, state));
  const float dot = 0.28f * r.height;
  sf::CircleShape circle(dot / 2.f, 24);
  circle.setPosition(r.left + 0.3f * r.height, r.top + (r.height - dot) / 2.f);
  circle.setFillColor(white);
  target_.draw(circle);
  const float text_left = r.left + 0.3f * r.height + dot + 0.2f * r.height;
  const float text_width = r.left + r.width - 0.3f * r.height - text_left;
  if (view_.central_text.empty()) {
    text(view_.connection_text, {text_left, r.top + 0.15f * r.height, text_width, 0.7f * r.height},
         true, size(TextRole::body), white, ui::Align::left, 2);
  } else {  // the hub on the first line, the centre under it
    line(view_.connection_text, {text_left, r.top + 0.08f * r.height, text_width, 0.46f * r.height},
         true, size(TextRole::body), white);
    line(view_.central_text, {text_left, r.top + 0.52f * r.height, text_width, 0.42f * r.height},
         false, size(TextRole::small), white);
  }
  if (view_.page != Page::counter) return;
  for (const Button& b : buttons_) {
    if (b.control == Control::change_setup) button(b);
  }
}

// --- Buttons ---

void Painter::badge(const std::string& shortcut, const sf::FloatRect& zone, const Look& look,
                    bool centred) const {
  ui::TextBlock words = block(shortcut, inset(zone, 0.25f * zone.height, 0.2f * zone.height), true,
                              0.55f * zone.height, look.fill);
  sf::FloatRect ink = words.ink();
  float width = centred ? ink.width + 0.9f * zone.height : zone.width;
  width = std::max(width, zone.height);
  sf::FloatRect back{zone.left + (zone.width - width) / 2.f, zone.top, width, zone.height};
  target_.draw(rounded(back, 0.25f * zone.height, look.ink));
  target_.draw(block(shortcut, inset(back, 0.2f * zone.height, 0.2f * zone.height), true,
                     0.55f * zone.height, look.fill));
}

void Painter::button(const Button& b) const {
  std::optional<sf::FloatRect> at = layout_.rect(b.control, b.index);
  if (!at) return;
  if (b.control == Control::form_line) return form_line(b, *at);
  if (b.control == Control::form_choice) return form_choice(b, *at);
  if (b.control == Control::toggle_service) return service_tile(b, *at);
  if (b.control == Control::choose_counter) return counter_choice(b, *at);
  const Look look = look_of(b);
  sf::ConvexShape shape = rounded(*at, radius(), look.fill);
  if (look.border != look.fill) {
    shape.setOutlineThickness(-std::max(2.f, 0.3f * layout_.unit()));
    shape.setOutlineColor(look.border);
  }
  target_.draw(shape);
  ButtonParts parts = layout_.parts(b, *at);
  const bool big = b.control == Control::call_next;
  const float label_size = big ? 2.f * size(TextRole::title) : size(TextRole::button);
  text(b.label, parts.label, look.bold, label_size, look.ink, ui::Align::centre, 2);
  if (!b.shortcut.empty()) badge(b.shortcut, parts.shortcut, look, big);
}

void Painter::service_tile(const Button& b, const sf::FloatRect& r) const {
  const ServiceRow& row = view_.services.at(b.index);
  const sf::Color colour = service_colour(row.colour);
  target_.draw(rounded(r, radius(), colour));  // the service's colour shows as a left edge
  const float edge = std::max(6.f, 0.9f * layout_.unit());
  sf::ConvexShape face = rounded({r.left + edge, r.top, r.width - edge, r.height}, radius(),
                                 b.enabled ? colours::kPanel : colours::kDisabled);
  face.setOutlineThickness(-std::max(1.f, 0.2f * layout_.unit()));
  face.setOutlineColor(row.served ? colours::kBorder : colours::kDisabled);
  target_.draw(face);
  ButtonParts parts = layout_.parts(b, r);
  sf::ConvexShape box = rounded(parts.check, 0.15f * parts.check.width,
                                row.served ? colours::kHeader : colours::kPanel);
  box.setOutlineThickness(-std::max(2.f, 0.12f * parts.check.width));
  box.setOutlineColor(colours::kHeader);
  target_.draw(box);
  if (row.served) {
    text("\u2713", inset(parts.check, 0.12f * parts.check.width, 0.12f * parts.check.height),
         true, parts.check.height, colours::kHeaderText);
  }
  const sf::Color ink = b.enabled ? colours::kInk : colours::kDisabledInk;
  text(row.label, parts.label, true, tile_label_size_ > 0.f ? tile_label_size_ : size(TextRole::body),
       ink, ui::Align::left, 2);
  const float detail_size =
      std::min(size(TextRole::small), tile_label_size_ > 0.f ? 0.9f * tile_label_size_ : 1e6f);
  text(row.waiting + " · " + row.estimate, parts.detail, false, detail_size,
       b.enabled ? colours::kSoftInk : colours::kDisabledInk, ui::Align::left);
}

void Painter::counter_choice(const Button& b, const sf::FloatRect& r) const {
  const Look look = look_of(b);
  sf::ConvexShape shape = rounded(r, radius(), look.fill);
  shape.setOutlineThickness(-std::max(2.f, 0.3f * layout_.unit()));
  shape.setOutlineColor(look.border);
  target_.draw(shape);
  ButtonParts parts = layout_.parts(b, r);
  const CounterChoice& choice = view_.counters.at(b.index);
  sf::FloatRect top = parts.label;
  top.height *= 0.5f;
  sf::FloatRect below{top.left, top.top + top.height, top.width, parts.label.height - top.height};
  text(choice.label, top, true, size(TextRole::title), look.ink, ui::Align::left);
  std::string detail = choice.services;
  if (!choice.agent.empty()) detail += " — " + text::console_counter_taken_by(choice.agent);
  text(detail, below, false, size(TextRole::small), look.ink, ui::Align::left, 2);
  if (!b.shortcut.empty()) badge(b.shortcut, parts.shortcut, look, false);
}

void Painter::draw_buttons(bool (*which)(Control)) const {
  for (const Button& b : buttons_) {
    if (which(b.control)) button(b);
  }
}

// --- The counter page ---

void Painter::ticket_panel() const {
  const sf::FloatRect panel = layout_.ticket_panel();
  target_.draw(rounded(panel, radius(), colours::kPanel));
  const sf::FloatRect caption = layout_.ticket_caption();
  const sf::FloatRect number = layout_.ticket_number();
  if (!view_.serving) {
    text(view_.paused ? text::console_paused_caption() : text::console_nobody_caption(), caption,
         true, size(TextRole::title), colours::kSoftInk, ui::Align::left);
    text(view_.paused ? text::console_paused_hint() : text::console_nobody_hint(),
         inset(number, 0.f, 0.2f * number.height), true, size(TextRole::title),
         view_.paused ? colours::kFailure : colours::kSoftInk, ui::Align::centre, 2);
    return;
  }
  const Serving& s = *view_.serving;
  text(text::console_serving_caption(), caption, true, size(TextRole::title), colours::kSoftInk,
       ui::Align::left);
  text(s.label, number, true, number.height * 1.4f, colours::kInk);

  const sf::FloatRect badges = layout_.ticket_badges();
  const float pill_size = std::min(size(TextRole::title), 0.55f * badges.height);
  const sf::Color colour = service_colour(s.colour);
  ui::TextBlock service = block(s.service, inset(badges, 0.f, 0.2f * badges.height), true,
                                pill_size, ink_on(colour));
  ui::TextBlock priority = block(text::console_priority(), inset(badges, 0.f, 0.2f * badges.height),
                                 true, pill_size, colours::kInk);
  const float gap = 0.8f * pill_size;
  const float service_width = service.ink().width + 2.f * gap;
  const float priority_width = s.priority ? priority.ink().width + 2.f * gap : 0.f;
  const float total = service_width + (s.priority ? gap + priority_width : 0.f);
  float x = badges.left + (badges.width - total) / 2.f;
  auto pill = [&](float width, sf::Color back, const std::string& words, sf::Color ink) {
    sf::FloatRect r{x, badges.top, width, badges.height};
    target_.draw(rounded(r, badges.height / 2.f, back));
    text(words, inset(r, 0.5f * gap, 0.2f * badges.height), true, pill_size, ink);
    x += width + gap;
  };
  pill(service_width, colour, s.service, ink_on(colour));
  if (s.priority) pill(priority_width, colours::kPriority, text::console_priority(), colours::kInk);

  std::string times = s.waited + "   ·   " + s.at_counter;
  if (!s.calls.empty()) times += "   ·   " + s.calls;
  text(times, layout_.ticket_times(), false, size(TextRole::body), colours::kSoftInk,
       ui::Align::centre, 2);
}

void Painter::alerts() const {
  const sf::FloatRect zone = layout_.alerts();
  if (view_.unprinted.empty() || zone.height <= 0.f) return;
  target_.draw(rounded(zone, radius(), colours::kAlertBack));
  fill({zone.left, zone.top + radius(), std::max(4.f, 0.6f * layout_.unit()),
        zone.height - 2.f * radius()},
       colours::kAlertInk);
  std::string what;
  std::string detail;
  if (view_.unprinted.size() == 1) {
    const UnprintedRow& row = view_.unprinted.front();
    what = text::console_print_alert(row.label, "");
    detail = text::console_unprinted_detail(row.asked, row.reason);
  } else {
    std::vector<std::string> labels;
    for (const UnprintedRow& row : view_.unprinted) labels.push_back(row.label);
    what = text::console_unprinted_count(static_cast<int>(labels.size()));
    detail = text::console_ticket_list(labels);
  }
  line(what, layout_.alert_text(), true, size(TextRole::body), colours::kAlertInk);
  line(detail, layout_.alert_detail(), false, size(TextRole::body), colours::kAlertInk);
}

void Painter::unprinted_row(std::size_t index) const {
  const std::optional<sf::FloatRect> r = layout_.unprinted_row(index);
  if (!r) return;
  const UnprintedRow& row = view_.unprinted.at(index);
  target_.draw(rounded(*r, radius(), colours::kPanel));
  fill({r->left, r->top + radius(), std::max(4.f, 0.6f * layout_.unit()),
        r->height - 2.f * radius()},
       colours::kAlertInk);
  line(row.label, *layout_.unprinted_label(index), true, size(TextRole::button), colours::kInk);
  line(text::console_unprinted_detail(row.asked, row.reason), *layout_.unprinted_detail(index),
       false, size(TextRole::body), colours::kAlertInk);
}

bool counter_page_control(Control c) {
  return c != Control::pick_service && c != Control::confirm && c != Control::cancel &&
         c != Control::choose_counter && c != Control::start && c != Control::change_setup;
}

void Painter::counter_page() const {
  tile_label_size_ = size(TextRole::body);
  for (const Button& b : buttons_) {
    if (b.control != Control::toggle_service) continue;
    std::optional<sf::FloatRect> r = layout_.rect(b.control, b.index);
    if (!r) continue;
    const ButtonParts parts = layout_.parts(b, *r);
    tile_label_size_ = std::min(
        tile_label_size_, block(b.label, parts.label, true, tile_label_size_, colours::kInk,
                                ui::Align::left, 2).size());
  }
  ticket_panel();
  alerts();
  text(text::console_services_title(), layout_.services_title(), true, size(TextRole::small),
       colours::kSoftInk, ui::Align::left);
  draw_buttons(counter_page_control);
}

void Painter::status_line() const {
  const sf::FloatRect r = layout_.status_line();
  fill(r, colours::kStatusBack);
  fill({r.left, r.top, r.width, std::max(1.f, 0.2f * layout_.unit())}, colours::kDisabled);
  sf::Color ink = colours::kSoftInk;
  bool bold = false;
  if (view_.status.tone == Tone::success) ink = colours::kSuccess;
  if (view_.status.tone == Tone::failure) {
    ink = colours::kFailure;
    bold = true;
  }
  text(view_.status.text, inset(r, layout_.margin(), 0.12f * r.height), bold,
       size(TextRole::body), ink, ui::Align::left, 2);
}

// --- Dialogs ---

void Painter::dialog_shade() const {
  const sf::Vector2f w = layout_.window();
  const float top = layout_.header().height;
  fill({0.f, top, w.x, w.y - top}, colours::kShadow);
  sf::ConvexShape panel = rounded(layout_.dialog(), radius(), colours::kPanel);
  panel.setOutlineThickness(-std::max(2.f, 0.3f * layout_.unit()));
  panel.setOutlineColor(colours::kBorder);
  target_.draw(panel);
}

bool dialog_control(Control c) {
  return c == Control::pick_service || c == Control::confirm || c == Control::cancel;
}

void Painter::transfer_dialog() const {
  dialog_shade();
  const std::string label = view_.serving ? view_.serving->label : std::string();
  text(text::console_transfer_title(label), layout_.dialog_title(), true, size(TextRole::title),
       colours::kInk, ui::Align::left);
  draw_buttons(dialog_control);
  for (const Button& b : buttons_) {  // the services' colours, as a bar at the left
    if (b.control != Control::pick_service || !b.enabled) continue;
    std::optional<sf::FloatRect> r = layout_.rect(b.control, b.index);
    if (!r) continue;
    const float bar = std::max(6.f, 0.9f * layout_.unit());
    fill({r->left + 0.4f * radius(), r->top + 0.25f * r->height, bar, 0.5f * r->height},
         service_colour(view_.services.at(b.index).colour));
  }
}

void Painter::field(const std::string& typed, const sf::FloatRect& r, bool invalid) const {
  sf::ConvexShape box = rounded(r, 0.5f * radius(), colours::kPanel);
  box.setOutlineThickness(-std::max(3.f, 0.4f * layout_.unit()));
  box.setOutlineColor(invalid ? colours::kFailure : colours::kBorder);
  target_.draw(box);
  const float pad = 0.2f * r.height;
  sf::FloatRect inner = inset(r, pad, 0.16f * r.height);
  ui::TextBlock words = block(typed.empty() ? " " : typed, inner, true, 0.6f * r.height,
                              colours::kInk, ui::Align::left);
  target_.draw(words);
  sf::FloatRect ink = words.ink();
  const float caret_left = typed.empty() ? inner.left : ink.left + ink.width + 0.08f * r.height;
  fill({caret_left, r.top + 0.18f * r.height, std::max(2.f, 0.04f * r.height), 0.64f * r.height},
       colours::kInk);
}

void Painter::call_number_dialog() const {
  dialog_shade();
  text(text::console_call_number_title(), layout_.dialog_title(), true, size(TextRole::title),
       colours::kInk, ui::Align::left);
  field(view_.number_input, layout_.number_field(), view_.number_invalid);
  text(view_.number_hint, layout_.number_hint(), view_.number_invalid, size(TextRole::body),
       view_.number_invalid ? colours::kFailure : colours::kSoftInk, ui::Align::left, 2);
  draw_buttons(dialog_control);
}

void Painter::reprint_number_dialog() const {
  dialog_shade();
  text(text::console_reprint_number_title(), layout_.dialog_title(), true, size(TextRole::title),
       colours::kInk, ui::Align::left);
  field(view_.number_input, layout_.number_field(), view_.number_invalid);
  text(view_.number_hint, layout_.number_hint(), view_.number_invalid, size(TextRole::body),
       view_.number_invalid ? colours::kFailure : colours::kSoftInk, ui::Align::left, 2);
  draw_buttons(dialog_control);
}

// --- The unprinted tickets' page ---

bool unprinted_control(Control c) {
  return c == Control::reprint || c == Control::previous_page || c == Control::next_page ||
         c == Control::reprint_number || c == Control::cancel;
}

void Painter::unprinted_page() const {
  const auto count = static_cast<int>(view_.unprinted.size());
  line(text::console_unprinted_title(count), layout_.unprinted_title(), true,
       size(TextRole::title), colours::kInk);
  if (count > 0) {
    const auto first = static_cast<int>(view_.unprinted_first);
    const int last = std::min(count, first + static_cast<int>(kUnprintedPerPage));
    line(text::console_unprinted_range(first + 1, last, count), layout_.unprinted_range(),
         false, size(TextRole::body), colours::kSoftInk, ui::Align::right);
  }
  for (std::size_t i = 0; i < view_.unprinted.size(); ++i) unprinted_row(i);
  draw_buttons(unprinted_control);
}

// --- The set-up page ---

bool setup_control(Control c) {
  return c == Control::choose_counter || c == Control::start || c == Control::cancel;
}

void Painter::setup_page() const {
  text(text::console_setup_title(), layout_.setup_title(), true, size(TextRole::title),
       colours::kInk, ui::Align::left);
  text(text::console_setup_name(), layout_.name_label(), true, size(TextRole::body),
       colours::kSoftInk, ui::Align::left);
  field(view_.name_input, layout_.name_field(), false);
  text(view_.setup_hint, layout_.setup_hint(), false, size(TextRole::body), colours::kSoftInk,
       ui::Align::left, 2);
  draw_buttons(setup_control);
}

// --- The statistics page ---

void Painter::table_row(const StatsTable& t, const std::vector<std::string>& cells,
                        const sf::FloatRect& r, float text_size, bool bold, sf::Color ink,
                        bool groups) const {
  const std::size_t n = std::max<std::size_t>(1, t.columns.size());
  const float first = n == 1 ? r.width : 0.3f * r.width;
  const float other = n == 1 ? 0.f : (r.width - first) / static_cast<float>(n - 1);
  const float pad = 0.3f * text_size;
  for (std::size_t c = 0; c < cells.size() && c < n; ++c) {
    const float left = c == 0 ? r.left : r.left + first + other * static_cast<float>(c - 1);
    sf::FloatRect cell{left + pad, r.top, (c == 0 ? first : other) - 2.f * pad, r.height};
    if (groups) {  // a group's title, centred over the columns that share it
      if (cells[c].empty()) continue;
      std::size_t span = 1;
      while (c + span < n && c + span < t.groups.size() && t.groups[c + span] == t.groups[c]) {
        ++span;
      }
      cell.width = other * static_cast<float>(span) - 2.f * pad;
      text(cells[c], cell, bold, text_size, ink, ui::Align::centre);
      fill({cell.left, cell.top + cell.height - 1.f, cell.width, 1.f}, colours::kDisabled);
      continue;
    }
    int blocks = bar_blocks(cells[c]);
    if (blocks >= 0) {  // a bar: a rectangle in proportion (30 blocks = the whole cell)
      float length = cell.width * static_cast<float>(std::min(blocks, 30)) / 30.f;
      fill({cell.left, cell.top + 0.25f * cell.height, length, 0.5f * cell.height}, colours::kHeader);
      continue;
    }
    bool right_aligned = c < t.right_aligned.size() && t.right_aligned[c];
    text(cells[c], cell, bold, text_size, ink, right_aligned ? ui::Align::right : ui::Align::left);
  }
}

void Painter::table(const StatsTable& t, const sf::FloatRect& r) const {
  target_.draw(rounded(r, radius(), colours::kPanel));
  const float line = layout_.statistics_line();
  const float lines = static_cast<float>(ConsoleLayout::table_lines(t));
  const float pad = std::max(0.f, (r.height - lines * line) / 2.f);
  const sf::FloatRect inner{r.left + pad, r.top + pad, r.width - 2.f * pad, lines * line};
  const float cell_size = std::min(size(TextRole::small), 0.66f * line);
  float y = inner.top;
  text(t.title, {inner.left, y, inner.width, line}, true, std::min(size(TextRole::body), 0.75f * line),
       colours::kInk, ui::Align::left);
  y += line;
  if (ConsoleLayout::table_lines(t) > t.rows.size() + 2) {  // a row of groups over the titles
    std::vector<std::string> groups = t.groups;
    for (std::size_t c = 1; c < groups.size(); ++c) {
      if (groups[c] == t.groups[c - 1]) groups[c].clear();  // drawn once, over its first column
    }
    table_row(t, groups, {inner.left, y, inner.width, line}, 0.9f * cell_size, true,
              colours::kSoftInk, true);
    y += line;
  }
  table_row(t, t.columns, {inner.left, y, inner.width, line}, 0.9f * cell_size, true,
            colours::kSoftInk);
  y += line;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    sf::FloatRect row{inner.left, y, inner.width, line};
    const bool total = t.last_row_is_total && i + 1 == t.rows.size();
    if (i % 2 == 0) fill(row, colours::kStatusBack);
    if (total) {
      fill({row.left, row.top, row.width, std::max(1.f, 0.15f * layout_.unit())},
           colours::kSoftInk);
    }
    table_row(t, t.rows[i], row, cell_size, total, colours::kInk);
    y += line;
  }
}

bool statistics_control(Control c) {
  return c == Control::cancel || c == Control::correct_outcome || c == Control::workshop;
}

void Painter::statistics_page() const {
  text(view_.statistics_title, layout_.statistics_title(), true, size(TextRole::title),
       colours::kInk, ui::Align::left);
  const auto& zones = layout_.statistics_tables();
  for (std::size_t i = 0; i < zones.size() && i < view_.statistics.size(); ++i) {
    table(view_.statistics[i], zones[i]);
  }
  draw_buttons(statistics_control);
}


// --- The outcome and workshop pages ---

void Painter::two_lines(const std::string& utf8, const sf::FloatRect& box, bool bold, float size,
                        sf::Color colour) const {
  ui::TextStyle style;  // shrinks a little before it cuts, so that the choices look alike
  style.font = bold ? &fonts_.bold() : &fonts_.regular();
  style.max_size = size;
  style.min_size = std::max(std::min(size, 11.f), 0.8f * size);
  style.colour = colour;
  style.align = ui::Align::centre;
  style.max_lines = 2;
  // TextBlock measures at a reference size and scales: a line it deems just fitting may come
  // out a few pixels wider. It lays out in a slightly narrower box; the fit is checked on `box`.
  const sf::FloatRect narrower{box.left + 0.03f * box.width, box.top, 0.94f * box.width,
                               box.height};
  auto fits = [&](const std::string& t) {
    ui::TextBlock b(t, style, narrower);
    const sf::FloatRect ink = b.ink();
    return ink.width <= box.width + 0.5f && ink.height <= box.height + 0.5f;
  };
  if (utf8.empty() || fits(utf8)) {
    target_.draw(ui::TextBlock(utf8, style, narrower));
    return;
  }
  std::vector<std::size_t> ends;  // cut between words, as fitting() does
  for (std::size_t i = 1; i < utf8.size(); ++i) {
    if (utf8[i] == ' ') ends.push_back(i);
  }
  auto cut = [&](std::size_t end) {
    std::string head = utf8.substr(0, end);
    while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == '(')) {
      head.pop_back();
    }
    return head + "\u2026";
  };
  std::size_t best = 0;
  for (std::size_t k = 0; k < ends.size(); ++k) {
    if (fits(cut(ends[k]))) best = k + 1;
  }
  if (best == 0) {
    line(utf8, box, bold, style.min_size, colour, ui::Align::centre);
    return;
  }
  target_.draw(ui::TextBlock(cut(ends[best - 1]), style, narrower));
}

void Painter::form_line(const Button& b, const sf::FloatRect& r) const {
  const FormRow& row = view_.form_rows.at(b.index);
  const ButtonParts parts = layout_.parts(b, r);
  const Look look{colours::kHeader, colours::kHeaderText, colours::kHeader, true};
  if (!b.shortcut.empty()) {
    Look key = look;
    if (!b.selected) key = {colours::kSoftInk, colours::kPanel, colours::kSoftInk, true};
    target_.draw(rounded(parts.shortcut, 0.2f * parts.shortcut.height, key.fill));
    text(b.shortcut, inset(parts.shortcut, 0.12f * parts.shortcut.width, 0.2f * parts.shortcut.height),
         true, 0.5f * parts.shortcut.height, key.ink);
  }
  const sf::Color ink = row.optional ? colours::kSoftInk : colours::kInk;
  line(row.title, parts.label, true, form_title_size_, ink);
  text(row.note, parts.detail, false, form_note_size_, colours::kSoftInk, ui::Align::left, 2);
}

void Painter::form_choice(const Button& b, const sf::FloatRect& r) const {
  const sf::Color fill = !b.enabled ? colours::kDisabled
                         : b.selected ? colours::kHeader
                                      : colours::kPanel;
  const sf::Color ink = !b.enabled ? colours::kDisabledInk
                        : b.selected ? colours::kHeaderText
                                     : colours::kInk;
  sf::ConvexShape shape = rounded(r, 0.7f * radius(), fill);
  shape.setOutlineThickness(-std::max(1.5f, 0.22f * layout_.unit()));
  shape.setOutlineColor(b.selected ? colours::kHeader : colours::kSoftInk);
  target_.draw(shape);
  const ButtonParts parts = layout_.parts(b, r);
  const sf::FloatRect badge = parts.shortcut;
  if (!b.shortcut.empty()) {  // the digit, dark on a light choice and light on a chosen one
    target_.draw(rounded(badge, 0.2f * badge.height, ink));
    text(b.shortcut, inset(badge, 0.15f * badge.width, 0.15f * badge.height), true,
         0.7f * badge.height, fill);
  } else if (b.selected) {
    text("\u2713", badge, true, badge.height, ink);
  }
  two_lines(b.label, parts.label, b.selected, layout_.form_text_size(), ink);
}

void Painter::form_rows() const {
  form_title_size_ = size(TextRole::body);
  form_note_size_ = size(TextRole::small);
  for (const Button& b : buttons_) {
    if (b.control != Control::form_line) continue;
    const ButtonParts parts = layout_.parts(b, *layout_.rect(b.control, b.index));
    const FormRow& row = view_.form_rows.at(b.index);
    form_title_size_ = std::min(form_title_size_, block(row.title, parts.label, true,
                                                        form_title_size_, colours::kInk,
                                                        ui::Align::left, 1).size());
    if (!row.note.empty()) {
      form_note_size_ = std::min(form_note_size_, block(row.note, parts.detail, false,
                                                        form_note_size_, colours::kInk,
                                                        ui::Align::left, 2).size());
    }
  }
  form_note_size_ = std::min(form_note_size_, form_title_size_);
  for (std::size_t line = 0; line < view_.form_rows.size(); ++line) {
    const std::optional<sf::FloatRect> r = layout_.form_row(line);
    if (!r) continue;
    const bool optional = view_.form_rows[line].optional;
    const sf::FloatRect band = inset(*r, -0.25f * layout_.margin(), -0.25f * layout_.margin());
    sf::ConvexShape back = rounded(band, radius(), optional ? colours::kStatusBack : colours::kPanel);
    if (line == view_.form_focus) {
      back.setOutlineThickness(std::max(2.f, 0.35f * layout_.unit()));
      back.setOutlineColor(colours::kCall);
    }
    target_.draw(back);
  }
  for (const Button& b : buttons_) {
    if (b.control == Control::form_line || b.control == Control::form_choice) button(b);
  }
}

void Painter::workshop_counts() const {
  const float title = size(TextRole::body);
  text(text::console_workshop_participants_title(), layout_.participants_label(), true, title,
       colours::kInk, ui::Align::left);
  text(text::console_workshop_duration_title(), layout_.minutes_label(), true, title,
       colours::kInk, ui::Align::left);
  text(view_.workshop_participants, layout_.participants_value(), true, size(TextRole::title),
       colours::kInk);
  text(view_.workshop_duration, layout_.minutes_value(), true, size(TextRole::title),
       colours::kInk);
}

bool form_bar_control(Control c) {
  return c == Control::skip || c == Control::cancel || c == Control::confirm ||
         c == Control::participants_less || c == Control::participants_more ||
         c == Control::minutes_less || c == Control::minutes_more;
}

void Painter::form_page() const {
  form_rows();
  if (view_.page == Page::workshop) workshop_counts();
  if (view_.status.tone == Tone::failure) {  // the hub refused the page's request: why, in red
    text(view_.status.text, layout_.form_title(), true, size(TextRole::body), colours::kFailure,
         ui::Align::left, 2);
  } else {
    text(view_.form_title, layout_.form_title(), true, size(TextRole::title), colours::kInk,
         ui::Align::left, 2);
  }
  draw_buttons(form_bar_control);
}

void Painter::outcome_number_dialog() const {
  dialog_shade();
  text(text::console_outcome_number_title(), layout_.dialog_title(), true, size(TextRole::title),
       colours::kInk, ui::Align::left);
  field(view_.number_input, layout_.number_field(), view_.number_invalid);
  text(view_.number_hint, layout_.number_hint(), view_.number_invalid, size(TextRole::body),
       view_.number_invalid ? colours::kFailure : colours::kSoftInk, ui::Align::left, 2);
  draw_buttons(dialog_control);
}

}  // namespace

util::Result<ConsoleScreen> ConsoleScreen::open(const ui::FontFiles& files) {
  auto fonts = ui::Fonts::load(files);
  if (!fonts.ok()) return fonts.error();
  return ConsoleScreen(std::move(fonts).value());
}

void ConsoleScreen::draw(sf::RenderTarget& target, const ConsoleView& view) const {
  const sf::Vector2f size(target.getSize());
  target.setView(sf::View(sf::FloatRect(0.f, 0.f, size.x, size.y)));
  target.clear(colours::kPage);
  const ConsoleLayout layout(size, view);
  Painter painter(target, *fonts_, layout, view);
  painter.header();
  switch (view.page) {
    case Page::setup:
      painter.setup_page();
      break;
    case Page::counter:
      painter.counter_page();
      painter.status_line();
      break;
    case Page::transfer:
    case Page::call_number:
    case Page::reprint_number: {
      ConsoleView under = view;  // the counter page, dimmed, under the dialog
      under.page = Page::counter;
      Painter(target, *fonts_, ConsoleLayout(size, under), under).counter_page();
      if (view.page == Page::transfer) {
        painter.transfer_dialog();
      } else if (view.page == Page::call_number) {
        painter.call_number_dialog();
      } else {
        painter.reprint_number_dialog();
      }
      painter.status_line();
      break;
    }
    case Page::unprinted:
      painter.unprinted_page();
      painter.status_line();
      break;
    case Page::statistics:
      painter.statistics_page();
      break;
    case Page::outcome:
    case Page::workshop:
      painter.form_page();
      break;
    case Page::outcome_number: {
      ConsoleView under = view;  // the counter page, dimmed, under the dialog
      under.page = Page::counter;
      Painter(target, *fonts_, ConsoleLayout(size, under), under).counter_page();
      painter.outcome_number_dialog();
      painter.status_line();
      break;
    }
  }
}

util::Status save_screenshot(const ConsoleView& view, sf::Vector2u size,
                             const std::filesystem::path& png) {
  auto screen = ConsoleScreen::open();
  if (!screen.ok()) return screen.error();
  return ui::render_to_png(size, [&](sf::RenderTarget& target) { screen->draw(target, view); },
                           png);
}

}  // namespace pcn::console
