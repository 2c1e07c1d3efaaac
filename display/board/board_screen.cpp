#include "board/board_screen.h"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/View.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

#include "board/board_layout.h"
#include "kiosk/palette.h"
#include "ui/text_block.h"
#include "text/catalog.h"
#include "ui/screenshot.h"

namespace pcn::board {
namespace {

using ui::Align;
using ui::TextBlock;

// A TextBlock may start this many times its box's height: its ink then shrinks to fit the box.
constexpr float kFill = 1.5f;
constexpr float kMinSize = 8.f;
// The message's character size, as a share of its band's height.
constexpr float kMessageSize = 0.55f;

sf::FloatRect inset(const sf::FloatRect& r, float dx, float dy) {
  return {r.left + dx, r.top + dy, r.width - 2.f * dx, r.height - 2.f * dy};
}

sf::Color service_colour(const std::string& hex) {
  return kiosk::parse_colour(hex).value_or(kiosk::colours::kFallback);
}

sf::String utf8(const std::string& s) { return sf::String::fromUtf8(s.begin(), s.end()); }

float message_size(const BoardLayout& layout) {
  return std::floor(layout.message().height * kMessageSize);
}

/// What a text looks like, apart from its box.
struct Look {
  bool bold = false;
  sf::Color colour = colours::kText;
  Align align = Align::left;
  int max_lines = 1;
};

/// Draws one BoardView on one target.
class Painter {
 public:
  Painter(sf::RenderTarget& target, const ui::Fonts& fonts, const BoardLayout& layout)
      : target_(target), fonts_(fonts), layout_(layout) {}

  void header(const BoardView& view) const;
  void latest(const BoardView& view) const;
  void previous(const BoardView& view) const;
  void queues(const BoardView& view) const;
  void alert(const BoardView& view) const;
  void message(const BoardView& view) const;
  void connection(const BoardView& view) const;

 private:
  /// `size`: the largest character size; 0 = as large as the box allows.
  void text(const std::string& s, const sf::FloatRect& box, const Look& look,
            float size = 0.f) const;
  /// The largest size at which each text fits its box, so that a column reads evenly.
  float common_size(const std::vector<std::string>& texts, const std::vector<sf::FloatRect>& boxes,
                    const Look& look) const;
  static sf::FloatRect label_box(const QueueRowParts& parts, float pad);
  void fill(const sf::FloatRect& r, sf::Color colour) const;
  void queue_row(const QueueLine& queue, const sf::FloatRect& row, float label_size) const;

  sf::RenderTarget& target_;
  const ui::Fonts& fonts_;
  const BoardLayout& layout_;
};

void Painter::text(const std::string& s, const sf::FloatRect& box, const Look& look,
                   float size) const {
  if (s.empty()) return;
  ui::TextStyle style{look.bold ? &fonts_.bold() : &fonts_.regular(),
                         size > 0.f ? size : box.height * kFill, kMinSize, look.colour,
                         look.align, look.max_lines};
  target_.draw(TextBlock(s, style, box));
}

float Painter::common_size(const std::vector<std::string>& texts,
                           const std::vector<sf::FloatRect>& boxes, const Look& look) const {
  float size = 0.f;
  for (std::size_t i = 0; i < texts.size() && i < boxes.size(); ++i) {
    ui::TextStyle style{look.bold ? &fonts_.bold() : &fonts_.regular(),
                           boxes[i].height * kFill, kMinSize, look.colour, look.align,
                           look.max_lines};
    const float fitted = TextBlock(texts[i], style, boxes[i]).size();
    size = i == 0 ? fitted : std::min(size, fitted);
  }
  return size;
}

sf::FloatRect Painter::label_box(const QueueRowParts& parts, float pad) {
  // Glyph advances grow by hinting at small sizes: a little room keeps long labels in their box.
  return {parts.label.left, parts.label.top + pad * 0.6f, parts.label.width * 0.94f,
          parts.label.height - pad * 1.2f};
}

void Painter::fill(const sf::FloatRect& r, sf::Color colour) const {
  sf::RectangleShape shape({r.width, r.height});
  shape.setPosition(r.left, r.top);
  shape.setFillColor(colour);
  target_.draw(shape);
}

void Painter::header(const BoardView& view) const {
  fill(layout_.header(), colours::kBand);
  text(view.agency_name, layout_.header_name(), {true, colours::kText, Align::left, 2});
  text(view.date_text, layout_.header_date(), {false, colours::kSoftText, Align::right, 1});
  text(view.time_text, layout_.header_time(), {true, colours::kText, Align::right, 1});
}

void Painter::latest(const BoardView& view) const {
  const bool bright = view.latest && view.highlight;
  fill(layout_.latest(), bright ? colours::kHighlight : colours::kPanel);
  if (!view.latest) {
    sf::FloatRect area = layout_.latest_number();
    text(text::board_no_call(), inset(area, 0.f, area.height * 0.3f),
         {false, colours::kSoftText, Align::centre, 1});
    return;
  }
  fill(layout_.latest_bar(), service_colour(view.latest->colour));
  const sf::Color ink = bright ? colours::kDarkText : colours::kText;
  text(view.latest->ticket, layout_.latest_number(), {true, ink, Align::centre, 1});
  text(text::board_to_counter(view.latest->counter), layout_.latest_counter(),
       {true, ink, Align::centre, 1});
}

void Painter::previous(const BoardView& view) const {
  const float pad = layout_.unit();
  text(text::board_previous_title(), inset(layout_.previous_title(), 0.f, pad / 2.f),
       {false, colours::kSoftText, Align::left, 1});
  std::vector<sf::FloatRect> rows = layout_.previous_rows(view.previous.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const CallLine& call = view.previous[i];
    CallRowParts parts = layout_.call_row_parts(rows[i]);
    fill(rows[i], colours::kBand);
    fill(parts.bar, service_colour(call.colour));
    text(call.ticket, inset(parts.ticket, 0.f, rows[i].height * 0.16f),
         {true, colours::kText, Align::left, 1});
    text(text::board_to_counter(call.counter), inset(parts.counter, pad, rows[i].height * 0.2f),
         {false, colours::kSoftText, Align::left, 1});
  }
}

void Painter::queue_row(const QueueLine& queue, const sf::FloatRect& row,
                        float label_size) const {
  QueueRowParts parts = layout_.queue_row_parts(row);
  const float pad = row.height * 0.2f;
  fill(row, colours::kBand);
  const sf::Color chip = service_colour(queue.colour);
  fill(parts.chip, chip);
  text(std::string(1, queue.prefix), inset(parts.chip, pad, pad * 1.2f),
       {true, kiosk::text_on(chip), Align::centre, 1});
  text(queue.label, label_box(parts, pad), {true, colours::kText, Align::left, 2}, label_size);
  text(text::board_waiting(queue.waiting), inset(parts.waiting, 0.f, pad),
       {false, colours::kText, Align::left, 1});
  text(text::board_estimate(queue.wait_minutes),
       inset(parts.estimate, layout_.unit(), pad), {true, colours::kHighlight, Align::right, 1});
}

void Painter::queues(const BoardView& view) const {
  text(text::board_queues_title(), inset(layout_.queues_title(), 0.f, layout_.unit() / 2.f),
       {false, colours::kSoftText, Align::left, 1});
  std::vector<sf::FloatRect> rows = layout_.queue_rows(view.queues.size());
  std::vector<std::string> labels;
  std::vector<sf::FloatRect> boxes;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    labels.push_back(view.queues[i].label);
    boxes.push_back(label_box(layout_.queue_row_parts(rows[i]), rows[i].height * 0.2f));
  }
  const float size = common_size(labels, boxes, {true, colours::kText, Align::left, 2});
  for (std::size_t i = 0; i < rows.size(); ++i) queue_row(view.queues[i], rows[i], size);
}

void Painter::alert(const BoardView& view) const {
  if (view.alert.empty()) return;
  const sf::FloatRect band = layout_.alert();
  fill(band, colours::kAlert);
  text(view.alert, inset(band, 2.f * layout_.margin(), band.height * 0.2f),
       {true, colours::kText, Align::centre, 1});
}

void Painter::message(const BoardView& view) const {
  const sf::FloatRect band = layout_.message();
  fill(band, colours::kBand);
  if (view.message.empty()) return;
  sf::Text line(utf8(view.message), fonts_.regular(), static_cast<unsigned>(message_size(layout_)));
  line.setFillColor(colours::kText);
  const float width = line.findCharacterPos(line.getString().getSize()).x;
  const float inner = band.width - 2.f * layout_.margin();
  const float left = width <= inner ? band.left + (band.width - width) / 2.f
                                    : band.left + band.width - view.message_offset;
  const sf::FloatRect ink = line.getLocalBounds();
  line.setPosition(std::round(left), std::round(band.top + (band.height - ink.height) / 2.f -
                                                ink.top));
  // Clipped to the band: a view that maps the band onto the same pixels.
  const sf::Vector2f size = layout_.window();
  sf::View clip(band);
  clip.setViewport({band.left / size.x, band.top / size.y, band.width / size.x,
                    band.height / size.y});
  const sf::View whole = target_.getView();
  target_.setView(clip);
  target_.draw(line);
  target_.setView(whole);
}

void Painter::connection(const BoardView& view) const {
  const sf::FloatRect corner = layout_.connection();
  fill(corner, colours::kBand);
  text(view.connection, inset(corner, layout_.margin(), corner.height * 0.3f),
       {false, colours::kDiscreet, Align::right, 1});
}

}  // namespace

util::Result<BoardScreen> BoardScreen::open(const ui::FontFiles& files) {
  auto fonts = ui::Fonts::load(files);
  if (!fonts.ok()) return fonts.error();
  return BoardScreen(std::move(*fonts));
}

void BoardScreen::draw(sf::RenderTarget& target, const BoardView& view) const {
  const sf::Vector2f size(target.getSize());
  target.setView(sf::View(sf::FloatRect(0.f, 0.f, size.x, size.y)));
  target.clear(colours::kBackground);
  const BoardLayout layout(size, !view.alert.empty());
  const Painter painter(target, *fonts_, layout);
  painter.header(view);
  painter.latest(view);
  painter.previous(view);
  painter.queues(view);
  painter.alert(view);
  painter.message(view);
  painter.connection(view);
}

float BoardScreen::message_width(const std::string& message, sf::Vector2f window) const {
  const BoardLayout layout(window);
  sf::Text line(utf8(message), fonts_->regular(), static_cast<unsigned>(message_size(layout)));
  return line.findCharacterPos(line.getString().getSize()).x;
}

util::Status save_screenshot(const BoardView& view, sf::Vector2u size,
                             const std::filesystem::path& png) {
  auto screen = BoardScreen::open();
  if (!screen.ok()) return screen.error();
  return ui::render_to_png(size, [&](sf::RenderTarget& target) { screen->draw(target, view); }, png);
}

}  // namespace pcn::board
