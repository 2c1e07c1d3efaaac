#include "kiosk/kiosk_layout.h"

#include <algorithm>
#include <cmath>

namespace pcn::kiosk {
namespace {

// Heights and widths, in units (1 % of the smaller side).
constexpr float kHeader = 16.f;
constexpr float kRowTop = 1.2f;  // the name/clock row in the header and the top bar
constexpr float kRowHeight = 4.6f;
constexpr float kTitleTop = 6.2f;
constexpr float kTitleHeight = 8.6f;
constexpr float kTopBar = 7.f;
constexpr float kToggle = 13.f;  // taller in portrait, where height is plentiful
constexpr float kTogglePortrait = 18.f;
constexpr float kFooter = 7.f;
constexpr float kAboveNumber = 10.f;
constexpr float kBelowNumberMax = 44.f;
constexpr float kBanner = 9.f;
constexpr float kStaffTitle = 9.f;
constexpr float kStaffBottom = 11.f;  // the message line and the close button
constexpr float kStaffRow = 12.f;     // a ticket row: finger-sized button

// A button is best a little wider than tall: the grid maximises min(width / 1.3, height).
constexpr float kButtonAspect = 1.3f;
// The ticket number takes this share of the window's height, in landscape.
constexpr float kNumberShare = 0.29f;
// Width of a label like "C-042" in DejaVu Sans Bold, in ems (a little over the real 3.24), and
// the caps' height in ems, with some air above and below.
constexpr float kLabelEms = 3.4f;
constexpr float kCapsWithAir = 0.73f * 1.12f;

struct Grid {
  std::size_t columns = 1;
  std::size_t rows = 1;
  sf::Vector2f cell;
};

Grid best_grid(std::size_t count, sf::FloatRect area, float gap) {
  Grid best;
  float best_score = -1.f;
  for (std::size_t columns = 1; columns <= count; ++columns) {
    std::size_t rows = (count + columns - 1) / columns;
    sf::Vector2f cell{
        (area.width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns),
        (area.height - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows)};
    float score = std::min(cell.x / kButtonAspect, cell.y);
    if (score > best_score) {
      best_score = score;
      best = Grid{columns, rows, cell};
    }
  }
  return best;
}

sf::FloatRect below(const sf::FloatRect& r) { return {r.left, r.top + r.height, r.width, 0.f}; }

std::optional<int> digit_of(sf::Keyboard::Key key) {
  if (key >= sf::Keyboard::Num1 && key <= sf::Keyboard::Num9) return key - sf::Keyboard::Num0;
  if (key >= sf::Keyboard::Numpad1 && key <= sf::Keyboard::Numpad9) {
    return key - sf::Keyboard::Numpad0;
  }
  return std::nullopt;
}

Press service_press(char prefix) { return Press{Press::Kind::service, prefix, 0}; }
Press simple_press(Press::Kind kind) { return Press{kind, 'A', 0}; }

}  // namespace

KioskLayout::KioskLayout(sf::Vector2f window)
    : window_(window), unit_(std::min(window.x, window.y) / 100.f) {
  place_home();
  place_number_pages();
  place_staff_pages();
}

float KioskLayout::text_size(TextRole role) const {
  switch (role) {
    case TextRole::header_small:
      return std::round(3.4f * unit_);
    case TextRole::title:
      return std::round(6.4f * unit_);
    case TextRole::button:
      return std::round(6.f * unit_);
    case TextRole::large:
      return std::round(5.6f * unit_);
    case TextRole::body:
      return std::round(4.6f * unit_);
    case TextRole::detail:
      return std::round(3.6f * unit_);
  }
  return std::round(4.6f * unit_);
}

void KioskLayout::place_home() {
  const float m = margin();
  header_ = {0.f, 0.f, window_.x, kHeader * unit_};
  const float toggle_height = (portrait() ? kTogglePortrait : kToggle) * unit_;
  toggle_ = {m, window_.y - m - toggle_height, window_.x - 2.f * m, toggle_height};
  float grid_top = header_.height + m;
  grid_ = {m, grid_top, window_.x - 2.f * m, toggle_.top - m - grid_top};
  banner_ = {m, grid_top, window_.x - 2.f * m, kBanner * unit_};
  float below_banner = banner_.top + banner_.height + m;
  grid_banner_ = {m, below_banner, grid_.width, toggle_.top - m - below_banner};
}

void KioskLayout::place_staff_pages() {
  const float m = margin();
  const float u = unit_;
  float top = kTopBar * u + m;
  staff_title_ = {m, top, window_.x - 2.f * m, kStaffTitle * u};
  float bottom_top = window_.y - m - kStaffBottom * u;
  float close_width = std::max(28.f * u, 0.22f * window_.x);
  staff_close_ = {window_.x - m - close_width, bottom_top, close_width, kStaffBottom * u};
  staff_message_ = {m, bottom_top, staff_close_.left - 2.f * m, kStaffBottom * u};
  float content_top = staff_title_.top + staff_title_.height + m;
  float content_height = bottom_top - m - content_top;
  staff_list_ = {m, content_top, window_.x - 2.f * m, content_height};
  // The code page: the dots, then a keypad as large as fits, centred.
  pin_field_ = {m, content_top, window_.x - 2.f * m, 9.f * u};
  float pad_top = pin_field_.top + pin_field_.height + m;
  float pad_height = bottom_top - m - pad_top;
  float key = std::min(pad_height / 4.f, (window_.x - 2.f * m) / 3.f / 1.6f);
  float pad_width = 3.f * key * 1.6f;
  pin_keys_ = {(window_.x - pad_width) / 2.f, pad_top, pad_width, 4.f * key};
}

std::vector<sf::FloatRect> KioskLayout::pin_keys() const {
  std::vector<sf::FloatRect> keys;
  float gap = 1.2f * unit_;
  float w = pin_keys_.width / 3.f;
  float h = pin_keys_.height / 4.f;
  for (int i = 0; i < 12; ++i) {
    keys.push_back({pin_keys_.left + static_cast<float>(i % 3) * w + gap / 2.f,
                    pin_keys_.top + static_cast<float>(i / 3) * h + gap / 2.f, w - gap, h - gap});
  }
  return keys;
}

std::size_t KioskLayout::staff_rows() const {
  return static_cast<std::size_t>(std::max(1.f, std::floor(staff_list_.height / (kStaffRow * unit_))));
}

sf::FloatRect KioskLayout::staff_row_text(std::size_t i) const {
  sf::FloatRect button = staff_row_button(i);
  return {staff_list_.left, button.top, button.left - margin() - staff_list_.left, button.height};
}

sf::FloatRect KioskLayout::staff_row_button(std::size_t i) const {
  float row = kStaffRow * unit_;
  float width = std::max(30.f * unit_, 0.24f * window_.x);
  return {staff_list_.left + staff_list_.width - width,
          staff_list_.top + static_cast<float>(i) * row + 0.8f * unit_, width, row - 1.6f * unit_};
}

bool KioskLayout::staff_corner(const KioskView& view, sf::Vector2f point) const {
  switch (view.page) {
    case Page::home:
      return header_.contains(point);
    case Page::closed:
    case Page::unreachable:
      return top_bar_.contains(point);
    default:
      return false;
  }
}

void KioskLayout::place_number_pages() {
  const float m = margin();
  const float u = unit_;
  top_bar_ = {0.f, 0.f, window_.x, kTopBar * u};
  footer_ = {m, window_.y - m - kFooter * u, window_.x - 2.f * m, kFooter * u};
  float content_top = top_bar_.height + m;
  float content_height = footer_.top - m - content_top;
  message_ = {4.f * u, content_top, window_.x - 8.f * u, content_height};

  float width = window_.x - 2.f * m;
  float number_height = std::min(kNumberShare * window_.y, width / kLabelEms * kCapsWithAir);
  float below_height =
      std::min(content_height - kAboveNumber * u - number_height, kBelowNumberMax * u);
  float group = kAboveNumber * u + number_height + below_height;
  float top = content_top + (content_height - group) / 2.f;
  above_ = {m, top, width, kAboveNumber * u};
  number_ = {m, top + above_.height, width, number_height};
  below_ = below(number_);
  below_.height = below_height;
}

sf::FloatRect KioskLayout::header_name() const {
  const float m = margin();
  return {m, kRowTop * unit_, 0.56f * (window_.x - 2.f * m), kRowHeight * unit_};
}

sf::FloatRect KioskLayout::header_clock() const {
  const float m = margin();
  float width = 0.4f * (window_.x - 2.f * m);
  return {window_.x - m - width, kRowTop * unit_, width, kRowHeight * unit_};
}

sf::FloatRect KioskLayout::header_title() const {
  const float m = margin();
  return {m, kTitleTop * unit_, window_.x - 2.f * m, kTitleHeight * unit_};
}

std::vector<sf::FloatRect> KioskLayout::service_buttons(std::size_t count, bool banner) const {
  std::vector<sf::FloatRect> buttons;
  if (count == 0) return buttons;
  const float gap = margin();
  const sf::FloatRect& area = banner ? grid_banner_ : grid_;
  Grid grid = best_grid(count, area, gap);
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t row = i / grid.columns;
    std::size_t column = i % grid.columns;
    // A last row that is not full is centred.
    std::size_t in_row = std::min(grid.columns, count - row * grid.columns);
    float row_width =
        static_cast<float>(in_row) * grid.cell.x + static_cast<float>(in_row - 1) * gap;
    float left = area.left + (area.width - row_width) / 2.f;
    buttons.push_back({left + static_cast<float>(column) * (grid.cell.x + gap),
                       area.top + static_cast<float>(row) * (grid.cell.y + gap), grid.cell.x,
                       grid.cell.y});
  }
  return buttons;
}

ButtonParts KioskLayout::button_parts(const sf::FloatRect& b) const {
  float pad = std::max(6.f, 0.05f * std::min(b.width, b.height));
  float corner = std::min(0.22f * b.height, 8.f * unit_);
  float bottom = std::min(0.14f * b.height, 4.5f * unit_);
  float gap = 0.03f * b.height;  // between the label and the waiting count
  float inner_width = b.width - 2.f * pad;
  ButtonParts parts;
  parts.letter = {b.left + pad, b.top + pad, corner * 1.2f, corner};
  parts.key = {b.left + b.width - pad - corner, b.top + pad, corner, corner};
  parts.label = {b.left + pad, b.top + pad + corner, inner_width,
                 b.height - 2.f * pad - corner - bottom - gap};
  parts.waiting = {b.left + pad, b.top + b.height - pad - bottom, inner_width, bottom};
  return parts;
}

ToggleParts KioskLayout::toggle_parts() const {
  const sf::FloatRect& t = toggle_;
  float pad = std::min(0.18f * t.height, 2.4f * unit_);
  float check = std::min(t.height - 2.f * pad, 9.f * unit_);
  float state_width = std::max(0.14f * t.width, 2.f * check);
  float middle = t.top + t.height / 2.f;
  ToggleParts parts;
  parts.check = {t.left + pad, middle - check / 2.f, check, check};
  parts.state = {t.left + t.width - pad - state_width, middle - check / 2.f, state_width, check};
  float sentence_left = parts.check.left + check + pad;
  parts.sentence = {sentence_left, t.top + 0.5f * pad, parts.state.left - pad - sentence_left,
                    t.height - pad};
  return parts;
}

std::optional<Press> KioskLayout::staff_hit(const KioskView& view, sf::Vector2f point) const {
  if (staff_close_.contains(point)) return simple_press(Press::Kind::staff_close);
  if (view.page == Page::staff_pin) {
    std::vector<sf::FloatRect> keys = pin_keys();
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!keys[i].contains(point)) continue;
      if (i == 9) return simple_press(Press::Kind::pin_erase);
      if (i == 11) return simple_press(Press::Kind::pin_enter);
      return Press{Press::Kind::pin_digit, static_cast<char>(i == 10 ? '0' : '1' + i), 0};
    }
    return std::nullopt;
  }
  std::size_t rows = std::min(staff_rows(), view.staff_tickets.size());
  for (std::size_t i = 0; i < rows; ++i) {
    if (staff_row_button(i).contains(point)) {
      return Press{Press::Kind::staff_reprint, 'A', view.staff_tickets[i].id};
    }
  }
  return std::nullopt;
}

std::optional<Press> KioskLayout::hit(const KioskView& view, sf::Vector2f point) const {
  switch (view.page) {
    case Page::confirmation:
    case Page::print_failed:
      return simple_press(Press::Kind::dismiss);
    case Page::closed:
    case Page::unreachable:
      return std::nullopt;
    case Page::staff_pin:
    case Page::staff:
      return staff_hit(view, point);
    case Page::home:
      break;
  }
  if (view.busy) return std::nullopt;
  std::vector<sf::FloatRect> buttons = service_buttons(view.services.size(), view.printer_down);
  for (std::size_t i = 0; i < buttons.size(); ++i) {
    if (buttons[i].contains(point)) return service_press(view.services[i].prefix);
  }
  if (toggle_.contains(point)) return simple_press(Press::Kind::priority_toggle);
  return std::nullopt;
}

std::optional<Press> KioskLayout::key(const KioskView& view, sf::Keyboard::Key key) const {
  if (key == sf::Keyboard::F12) return simple_press(Press::Kind::staff_reprint);
  if (view.page == Page::staff_pin || view.page == Page::staff) {
    if (key == sf::Keyboard::Escape) return simple_press(Press::Kind::staff_close);
    if (view.page == Page::staff) return std::nullopt;
    if (key == sf::Keyboard::BackSpace) return simple_press(Press::Kind::pin_erase);
    if (key == sf::Keyboard::Enter) return simple_press(Press::Kind::pin_enter);
    if (key == sf::Keyboard::Num0 || key == sf::Keyboard::Numpad0) {
      return Press{Press::Kind::pin_digit, '0', 0};
    }
    if (std::optional<int> digit = digit_of(key)) {
      return Press{Press::Kind::pin_digit, static_cast<char>('0' + *digit), 0};
    }
    return std::nullopt;
  }
  if (key == sf::Keyboard::F11) return simple_press(Press::Kind::staff_open);
  switch (view.page) {
    case Page::confirmation:
    case Page::print_failed:
      if (key == sf::Keyboard::Escape || key == sf::Keyboard::Enter) {
        return simple_press(Press::Kind::dismiss);
      }
      return std::nullopt;
    case Page::closed:
    case Page::unreachable:
    case Page::staff_pin:
    case Page::staff:
      return std::nullopt;
    case Page::home:
      break;
  }
  if (view.busy) return std::nullopt;
  if (key == sf::Keyboard::P) return simple_press(Press::Kind::priority_toggle);
  std::optional<int> digit = digit_of(key);
  if (!digit) return std::nullopt;
  for (const ServiceButton& button : view.services) {
    if (button.key == *digit) return service_press(button.prefix);
  }
  return std::nullopt;
}

}  // namespace pcn::kiosk
