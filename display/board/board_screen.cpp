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

ui::TextStyle style_of(const ui::Fonts& fonts, const Look& look, float max_size,
                       float min_size = kMinSize) {
  return {look.bold ? &fonts.bold() : &fonts.regular(), max_size, min_size, look.colour,
          look.align, look.max_lines};
}

/// Where a queue row's texts go: its letter, label, count and estimate.
struct QueueBoxes {
  sf::FloatRect letter, label, waiting, estimate;
};

sf::FloatRect label_box(const QueueRowParts& parts, float pad) {
  // Glyph advances grow by hinting at small sizes: a little room keeps long labels in their box.
  return {parts.label.left, parts.label.top + pad * 0.6f, parts.label.width * 0.94f,
          parts.label.height - pad * 1.2f};
}

QueueBoxes queue_boxes(const BoardLayout& layout, const sf::FloatRect& row) {
  const QueueRowParts parts = layout.queue_row_parts(row);
  const float pad = row.height * 0.2f;
  return {inset(parts.chip, pad, pad * 1.2f), label_box(parts, pad),
          inset(parts.waiting, 0.f, pad), inset(parts.estimate, layout.unit(), pad)};
}

const Look kLabelLook{true, colours::kText, Align::left, 2};
const Look kWaitingLook{false, colours::kText, Align::left, 1};
const Look kEstimateLook{true, colours::kHighlight, Align::right, 1};
const Look kAlertLook{true, colours::kText, Align::centre, 1};
/// The share of a width the alert's lines are wrapped in (fits_exactly).
constexpr float kWrapMargin = 0.975f;

/// The largest size at which each text fits its box, so that a column reads evenly.
float common_size(const ui::Fonts& fonts, const std::vector<std::string>& texts,
                  const std::vector<sf::FloatRect>& boxes, const Look& look) {
  float size = 0.f;
  for (std::size_t i = 0; i < texts.size() && i < boxes.size(); ++i) {
    const float fitted =
        TextBlock(texts[i], style_of(fonts, look, boxes[i].height * kFill), boxes[i]).size();
    size = i == 0 ? fitted : std::min(size, fitted);
  }
  return size;
}

/// The queues' labels' common size in `layout`.
float labels_size(const ui::Fonts& fonts, const BoardLayout& layout, const BoardView& view) {
  std::vector<sf::FloatRect> rows = layout.queue_rows(view.queues.size());
  std::vector<std::string> labels;
  std::vector<sf::FloatRect> boxes;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    labels.push_back(view.queues[i].label);
    boxes.push_back(queue_boxes(layout, rows[i]).label);
  }
  return common_size(fonts, labels, boxes, kLabelLook);
}

/// The largest character size of the queues' lines (label, count, estimate) in `layout`.
float queue_text_size(const ui::Fonts& fonts, const BoardLayout& layout, const BoardView& view) {
  float size = labels_size(fonts, layout, view);
  std::vector<sf::FloatRect> rows = layout.queue_rows(view.queues.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const QueueBoxes boxes = queue_boxes(layout, rows[i]);
    const sf::FloatRect& w = boxes.waiting;
    const sf::FloatRect& e = boxes.estimate;
    size = std::max(size, TextBlock(text::board_waiting(view.queues[i].waiting),
                                    style_of(fonts, kWaitingLook, w.height * kFill), w).size());
    size = std::max(size, TextBlock(text::board_estimate(view.queues[i].wait_text),
                                    style_of(fonts, kEstimateLook, e.height * kFill), e).size());
  }
  return size;
}

// --- The alert band ---

/// The band's inner box: its text's room.
sf::FloatRect alert_box(const BoardLayout& layout, float pad) {
  return inset(layout.alert(), 2.f * layout.margin(), pad);
}

float alert_pad(float size) { return std::ceil(0.25f * size); }

/// `text` at exactly `size`, wrapped into at most `lines` lines of `width`, within `height`.
bool fits_exactly(const ui::Fonts& fonts, const std::string& text, float size, int lines,
                  float width, float height) {
  Look look = kAlertLook;
  look.max_lines = lines;
  // TextBlock wraps on widths scaled from one reference size; hinted at `size`, a line can come
  // out about 1 % wider than planned: wrap a little short of the width, check the ink against it
  const TextBlock block(text, style_of(fonts, look, size, size), {0.f, 0.f, width * kWrapMargin, height});
  const sf::FloatRect ink = block.ink();
  return static_cast<int>(block.line_count()) <= lines && ink.width <= width + 0.5f &&
         ink.height <= height + 0.5f;
}

/// The band's sentence at `size` in two lines of `width` and at most `height`: every unprinted
/// ticket when they fit, else as many as fit and "et N autres" (one at least).
std::string shortened(const ui::Fonts& fonts, const BoardView& view, float size, float width,
                      float height) {
  if (view.unprinted.empty()) return view.alert;
  const std::size_t n = view.unprinted.size();
  for (std::size_t k = n; k >= 1; --k) {
    std::vector<std::string> shown(view.unprinted.begin(),
                                   view.unprinted.begin() + static_cast<std::ptrdiff_t>(k));
    std::string sentence = text::display_unprinted_alert(shown, static_cast<int>(n - k));
    if (k == 1 || fits_exactly(fonts, sentence, size, 2, width, height)) return sentence;
  }
  return {};
}

/// The narrowest width, down to half of `width`, in which `text` still takes two lines: the
/// lines then share the words evenly, rather than one word left alone on the second.
float balanced_width(const ui::Fonts& fonts, const std::string& text, float size, float width,
                     float height) {
  float fits = width;
  float fails = width / 2.f;
  for (int i = 0; i < 12 && fits - fails > 1.f; ++i) {
    const float middle = (fits + fails) / 2.f;
    (fits_exactly(fonts, text, size, 2, middle, height) ? fits : fails) = middle;
  }
  return std::ceil(fits);
}

AlertFit fit_alert(const ui::Fonts& fonts, const BoardView& view, sf::Vector2f window) {
  if (view.alert.empty() && view.unprinted.empty()) {
    return {BoardLayout(window), "", 0.f, 0.f, 0, 0.f};
  }
  const std::string all =
      view.unprinted.empty() ? view.alert : text::display_unprinted_alert(view.unprinted);
  // One line in the standard band, as large as it allows, never below the queues' size.
  const BoardLayout standard(window, true);
  const float queues = queue_text_size(fonts, standard, view);
  const sf::FloatRect box = inset(standard.alert(), 2.f * standard.margin(),
                                  standard.alert().height * 0.2f);
  const TextBlock one(all, style_of(fonts, kAlertLook, box.height * kFill, queues), box);
  if (one.size() >= queues && fits_exactly(fonts, all, one.size(), 1, box.width, box.height)) {
    return {standard, all, one.size(), queues, 1, box.width};
  }
  // Two lines at the queues' size, in a band as tall as they need: the band grows, the queues'
  // rows shrink, so their size only goes down and this settles in a few rounds.
  float height = standard.alert().height;
  for (int round = 0;; ++round) {
    const BoardLayout layout(window, true, height);
    const float size = queue_text_size(fonts, layout, view);
    const float pad = alert_pad(size);
    const float most = BoardLayout(window, true, window.y).alert().height - 2.f * pad;
    const float width = alert_box(layout, pad).width;
    const std::string sentence = shortened(fonts, view, size, width, most);
    Look look = kAlertLook;
    look.max_lines = 2;
    const TextBlock two(sentence, style_of(fonts, look, size, size), {0.f, 0.f, width * kWrapMargin, most});
    const float need = std::ceil(two.ink().height) + 2.f * pad + 2.f;
    if (need <= layout.alert().height + 0.5f || round == 5) {
      AlertFit fit{layout, sentence, size, size, static_cast<int>(two.line_count()), width};
      if (fit.lines == 2) fit.width = balanced_width(fonts, sentence, size, width, most);
      return fit;
    }
    height = std::max(height, need);
  }
}

/// Draws one BoardView on one target.
class Painter {
 public:
  Painter(sf::RenderTarget& target, const ui::Fonts& fonts, const BoardLayout& layout)
      : target_(target), fonts_(fonts), layout_(layout) {}

  void header(const BoardView& view) const;
  void latest(const BoardView& view) const;
  void previous(const BoardView& view) const;
  void queues(const BoardView& view) const;
  void alert(const AlertFit& fit) const;
  void message(const BoardView& view) const;
  void connection(const BoardView& view) const;

 private:
  /// `size`: the largest character size; 0 = as large as the box allows.
  void text(const std::string& s, const sf::FloatRect& box, const Look& look,
            float size = 0.f) const;
  void fill(const sf::FloatRect& r, sf::Color colour) const;
  void queue_row(const QueueLine& queue, const sf::FloatRect& row, float label_size) const;

  sf::RenderTarget& target_;
  const ui::Fonts& fonts_;
  const BoardLayout& layout_;
};

void Painter::text(const std::string& s, const sf::FloatRect& box, const Look& look,
                   float size) const {
  if (s.empty()) return;
  target_.draw(TextBlock(s, style_of(fonts_, look, size > 0.f ? size : box.height * kFill), box));
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
  const QueueBoxes boxes = queue_boxes(layout_, row);
  fill(row, colours::kBand);
  const sf::Color chip = service_colour(queue.colour);
  fill(parts.chip, chip);
  text(std::string(1, queue.prefix), boxes.letter, {true, kiosk::text_on(chip), Align::centre, 1});
  text(queue.label, boxes.label, kLabelLook, label_size);
  text(text::board_waiting(queue.waiting), boxes.waiting, kWaitingLook);
  text(text::board_estimate(queue.wait_text), boxes.estimate, kEstimateLook);
}

void Painter::queues(const BoardView& view) const {
  text(text::board_queues_title(), inset(layout_.queues_title(), 0.f, layout_.unit() / 2.f),
       {false, colours::kSoftText, Align::left, 1});
  std::vector<sf::FloatRect> rows = layout_.queue_rows(view.queues.size());
  const float size = labels_size(fonts_, layout_, view);
  for (std::size_t i = 0; i < rows.size(); ++i) queue_row(view.queues[i], rows[i], size);
}

void Painter::alert(const AlertFit& fit) const {
  if (fit.text.empty()) return;
  const sf::FloatRect band = layout_.alert();
  fill(band, colours::kAlert);
  Look look = kAlertLook;
  look.max_lines = fit.lines;
  sf::FloatRect box = fit.lines == 1 ? inset(band, 2.f * layout_.margin(), band.height * 0.2f)
                                     : alert_box(layout_, alert_pad(fit.size));
  box.left += std::max(0.f, (box.width - fit.width) / 2.f);  // balanced lines, centred
  box.width = std::min(box.width, fit.width);
  if (fit.lines > 1) {  // wrapped as fits_exactly() did, a little short of the width
    box.left += box.width * (1.f - kWrapMargin) / 2.f;
    box.width *= kWrapMargin;
  }
  target_.draw(TextBlock(fit.text, style_of(fonts_, look, fit.size, fit.size), box));
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
  const AlertFit fit = fit_alert(*fonts_, view, size);
  const BoardLayout& layout = fit.layout;
  const Painter painter(target, *fonts_, layout);
  painter.header(view);
  painter.latest(view);
  painter.previous(view);
  painter.queues(view);
  painter.alert(fit);
  painter.message(view);
  painter.connection(view);
}

float BoardScreen::message_width(const std::string& message, sf::Vector2f window) const {
  const BoardLayout layout(window);
  sf::Text line(utf8(message), fonts_->regular(), static_cast<unsigned>(message_size(layout)));
  return line.findCharacterPos(line.getString().getSize()).x;
}

AlertFit BoardScreen::alert_fit(const BoardView& view, sf::Vector2f window) const {
  return fit_alert(*fonts_, view, window);
}

util::Status save_screenshot(const BoardView& view, sf::Vector2u size,
                             const std::filesystem::path& png) {
  auto screen = BoardScreen::open();
  if (!screen.ok()) return screen.error();
  return ui::render_to_png(size, [&](sf::RenderTarget& target) { screen->draw(target, view); }, png);
}

}  // namespace pcn::board
