#include "console/console_layout.h"

#include <algorithm>
#include <cmath>

namespace pcn::console {
namespace {

// Sizes in units (1 % of the window's smaller side), each with a floor in px so that the
// smallest windows keep readable text and touchable buttons.
constexpr float kHeaderUnits = 10.f;
constexpr float kStatusUnits = 6.f;
constexpr float kStatusMin = 44.f;
constexpr float kActionRowUnits = 11.f;  // the smaller action buttons, at most
constexpr float kTileUnits = 9.5f;       // service tiles
constexpr float kTileMinWidth = 230.f;
constexpr float kTitleUnits = 7.f;
constexpr float kTitleMin = 40.f;
constexpr float kLineUnits = 4.4f;  // a line of small text
constexpr float kLineMin = 26.f;
constexpr float kAlertMin = 24.f;       // the services' title
constexpr float kAlertLine = 1.25f;     // the unprinted slips' row: a line, in body sizes
constexpr float kRowButtonUnits = 30.f; // its Réimprimer, at least 3 kTouch wide
constexpr float kListRowUnits = 11.f;   // a row of the unprinted tickets' page, at most
constexpr float kLeftShare = 0.54f;  // the counter page's left column, of the width
constexpr float kWideButton = 280.f;   // dialog and set-up buttons (label and a word badge)

sf::FloatRect bottom_of(const sf::FloatRect& r, float height) {
  return {r.left, r.top + r.height - height, r.width, height};
}

float bottom(const sf::FloatRect& r) { return r.top + r.height; }
float right(const sf::FloatRect& r) { return r.left + r.width; }

/// `count` cells of `cell_height` in rows of `columns`, from the top of `area`.
std::vector<sf::FloatRect> grid(const sf::FloatRect& area, std::size_t count, std::size_t columns,
                                float cell_height, float gap) {
  std::vector<sf::FloatRect> cells;
  if (count == 0) return cells;
  columns = std::max<std::size_t>(1, columns);
  const float width =
      (area.width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  for (std::size_t i = 0; i < count; ++i) {
    const auto row = static_cast<float>(i / columns);
    const auto column = static_cast<float>(i % columns);
    cells.push_back({area.left + column * (width + gap), area.top + row * (cell_height + gap),
                     width, cell_height});
  }
  return cells;
}

/// Characters (code points) of a UTF-8 text.
std::size_t chars_of(const std::string& utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t rows_of(std::size_t count, std::size_t columns) {
  return columns == 0 ? 0 : (count + columns - 1) / columns;
}

/// The height of `rows` rows of cells, as large as `preferred` when `area_height` allows, never
/// under kTouch.
float cell_height(float area_height, std::size_t rows, float preferred, float gap) {
  if (rows == 0) return 0.f;
  const float fit = (area_height - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  return std::max(kTouch, std::min(preferred, fit));
}

std::optional<Press> enabled(const ConsoleView& view, Control control, std::size_t index = 0) {
  std::vector<Button> all = buttons(view);
  const Button* b = find_button(all, control, index);
  if (b == nullptr || !b->enabled) return std::nullopt;
  return Press{control, index};
}

bool is_form(Page page) { return page == Page::outcome || page == Page::workshop; }

// The outcome and workshop pages.
constexpr float kFormHeaderUnits = 6.f;  // a slimmer header: the lines need the height
constexpr float kFormHeaderMin = 40.f;
constexpr float kFormComfort = 48.f;     // lines lower than this: two short ones share a band
constexpr float kFormPairAt = 13.f;      // the label size at which a pair must fit
constexpr float kCharEm = 0.64f;  // a character's width, in em (DejaVu Sans Bold, estimated)
constexpr float kTwoLines = 2.3f;        // two lines' ink, in em
constexpr std::size_t kPairMax = 5;      // choices of a line that may share its band
constexpr float kStretchMax = 2.5f;      // a line's choices grow at most this much to fill it

/// The characters of the longer line when `label` is cut at its best space into two lines.
float two_line_chars(const std::string& label) {
  const std::size_t total = chars_of(label);
  std::size_t best = total;
  std::size_t before = 0;
  for (char c : label) {
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
    if (c == ' ') best = std::min(best, std::max(before, total - before - 1));
    ++before;
  }
  return static_cast<float>(best);
}

/// A choice's inner padding and its key badge's width, for lines `height` high in a window of
/// `unit`: they grow with the line up to a size, then the label takes the room.
float badge_base(float height, float unit) { return std::min(height, std::max(44.f, 5.5f * unit)); }
float choice_pad(float height, float unit) {
  return std::max(4.f, 0.12f * badge_base(height, unit));
}
float choice_badge(float height, float unit) { return 0.3f * badge_base(height, unit); }

/// The width of a line's title cell (its F-key, title and note), in a window of `unit`.
float form_title_width(float unit) { return std::clamp(17.f * unit, 112.f, 250.f); }

/// The width a choice needs at label size `size` in a line `height` high.
float choice_need(const FormChoice& c, float size, float height, float unit) {
  return two_line_chars(c.label) * kCharEm * size + 2.f * choice_pad(height, unit) +
         choice_badge(height, unit);
}

/// The digit a key of the top row or of the keypad types. On a French (AZERTY) keyboard SFML
/// reports the top row's 4 and 6 as the characters they type unshifted (Quote, Hyphen): they
/// count as 4 and 6 unless `hyphen_is_minus` (the workshop page's − key).
std::optional<std::size_t> digit_of(sf::Keyboard::Key key, bool hyphen_is_minus = false) {
  if (key >= sf::Keyboard::Num0 && key <= sf::Keyboard::Num9) {
    return static_cast<std::size_t>(key - sf::Keyboard::Num0);
  }
  if (key >= sf::Keyboard::Numpad0 && key <= sf::Keyboard::Numpad9) {
    return static_cast<std::size_t>(key - sf::Keyboard::Numpad0);
  }
  if (key == sf::Keyboard::Quote) return 4;
  if (key == sf::Keyboard::Hyphen && !hyphen_is_minus) return 6;
  return std::nullopt;
}

std::optional<char> letter_of(sf::Keyboard::Key key) {
  if (key >= sf::Keyboard::A && key <= sf::Keyboard::Z) {
    return static_cast<char>('A' + (key - sf::Keyboard::A));
  }
  return std::nullopt;
}

}  // namespace

ConsoleLayout::ConsoleLayout(sf::Vector2f window, const ConsoleView& view)
    : window_(window),
      unit_(std::min(window.x, window.y) / 100.f),
      margin_(std::max(8.f, 1.2f * unit_)),
      page_(view.page) {
  const float pad = std::max(6.f, 0.8f * unit_);
  header_ = {0.f, 0.f, window_.x, std::max(kTouch + 2.f * pad, kHeaderUnits * unit_)};
  if (is_form(page_)) header_.height = std::max(kFormHeaderMin, kFormHeaderUnits * unit_);
  const float status_height = std::max(kStatusMin, kStatusUnits * unit_);
  status_ = {0.f, window_.y - status_height, window_.x, status_height};
  const float top = bottom(header_) + margin_;
  body_ = {margin_, top, window_.x - 2.f * margin_, status_.top - margin_ - top};
  const float inner = window_.x - 2.f * margin_;
  const float header_pad = is_form(page_) ? 0.12f * header_.height : pad;
  change_ = {margin_ + 0.36f * inner, header_pad, std::max(2.f * kTouch, 0.14f * inner),
             header_.height - 2.f * header_pad};
  place_counter_page(view);
  place_dialog(view);
  place_setup(view);
  place_statistics(view);
  place_unprinted(view);
  place_form(view);
}

float ConsoleLayout::text_size(TextRole role) const {
  switch (role) {
    case TextRole::small:
      return std::round(std::max(15.f, 2.9f * unit_));
    case TextRole::body:
      return std::round(std::max(18.f, 3.4f * unit_));
    case TextRole::button:
      return std::round(std::max(22.f, 4.2f * unit_));
    case TextRole::title:
      return std::round(std::max(24.f, 5.f * unit_));
  }
  return 16.f;
}

// --- The header ---

sf::FloatRect ConsoleLayout::header_agency() const {
  const float inner = window_.x - 2.f * margin_;
  return {margin_, change_.top, 0.36f * inner - margin_, 0.38f * change_.height};
}

sf::FloatRect ConsoleLayout::header_counter() const {
  sf::FloatRect agency = header_agency();
  return {agency.left, bottom(agency), agency.width, change_.height - agency.height};
}

sf::FloatRect ConsoleLayout::header_date() const {
  const float inner = window_.x - 2.f * margin_;
  const float left = right(change_) + margin_;
  return {left, change_.top, margin_ + 0.78f * inner - left, 0.38f * change_.height};
}

sf::FloatRect ConsoleLayout::header_time() const {
  sf::FloatRect date = header_date();
  return {date.left, bottom(date), date.width, change_.height - date.height};
}

sf::FloatRect ConsoleLayout::header_connection() const {
  const float inner = window_.x - 2.f * margin_;
  const float left = margin_ + 0.78f * inner + margin_;
  return {left, change_.top, window_.x - margin_ - left, change_.height};
}

// --- The counter page ---

void ConsoleLayout::place_counter_page(const ConsoleView& view) {
  const float inner = body_.width - margin_;
  const float left_width = kLeftShare * inner;
  place_left_column(view, {body_.left, body_.top, left_width, body_.height});
  place_actions({body_.left + left_width + margin_, body_.top, inner - left_width, body_.height});
}

void ConsoleLayout::place_left_column(const ConsoleView& view, const sf::FloatRect& left) {
  const std::size_t count = view.services.size();
  const float tile_width = std::max(kTileMinWidth, 40.f * unit_);
  std::size_t columns = static_cast<std::size_t>((left.width + margin_) / (tile_width + margin_));
  columns = std::clamp<std::size_t>(columns, 1, 3);
  const std::size_t rows = rows_of(count, columns);
  const float tile = std::max(kTouch, kTileUnits * unit_);
  const float grid_height = static_cast<float>(rows) * (tile + margin_) - (rows ? margin_ : 0.f);
  sf::FloatRect grid_area = bottom_of(left, grid_height);
  service_tiles_ = grid(grid_area, count, columns, tile, margin_);
  const float title_height = std::max(kAlertMin, 3.6f * unit_);
  services_title_ = {left.left, grid_area.top - title_height - 0.3f * margin_, left.width,
                     title_height};

  const bool alert = !view.unprinted.empty();
  const float pad = std::max(6.f, 0.8f * unit_);
  const float line = kAlertLine * text_size(TextRole::body);
  const float alerts_height = alert ? std::max(kTouch, 2.f * line + 2.f * pad) : 0.f;
  const float alerts_bottom = services_title_.top - (alert ? margin_ : 0.f);
  alerts_ = {left.left, alerts_bottom - alerts_height, left.width, alerts_height};
  panel_ = {left.left, left.top, left.width, alerts_.top - margin_ - left.top};
  const float button = std::max(3.f * kTouch, kRowButtonUnits * unit_);
  alert_button_ = {right(alerts_) - button, alerts_.top, button, alerts_height};
  const float text_left = alerts_.left + 1.5f * pad;
  const float text_width = alert ? alert_button_.left - pad - text_left : 0.f;
  const float half = alert ? (alerts_height - 2.f * pad) / 2.f : 0.f;
  alert_text_ = {text_left, alerts_.top + pad, text_width, half};
  alert_detail_ = {text_left, alerts_.top + pad + half, text_width, half};
}

void ConsoleLayout::place_actions(const sf::FloatRect& r) {
  const float half = (r.width - margin_) / 2.f;
  const float row = std::max(
      kTouch, std::min(kActionRowUnits * unit_, (r.height - 4.f * margin_ - 2.f * kTouch) / 4.f));
  const float call = r.height - 4.f * row - 4.f * margin_;
  call_next_ = {r.left, r.top, r.width, call};
  float y = bottom(call_next_) + margin_;
  auto pair = [&](sf::FloatRect& a, sf::FloatRect& b) {
    a = {r.left, y, half, row};
    b = {r.left + half + margin_, y, half, row};
    y += row + margin_;
  };
  pair(finish_, recall_);
  pair(no_show_, transfer_);
  pair(call_number_, pause_);
  pair(statistics_, reprint_number_);
}

sf::FloatRect ConsoleLayout::ticket_caption() const {
  const float pad = std::max(8.f, 1.2f * unit_);
  return {panel_.left + pad, panel_.top + pad, panel_.width - 2.f * pad,
          0.14f * (panel_.height - 2.f * pad)};
}

sf::FloatRect ConsoleLayout::ticket_number() const {
  sf::FloatRect caption = ticket_caption();
  const float inner = caption.height / 0.14f;
  return {caption.left, bottom(caption), caption.width, 0.46f * inner};
}

sf::FloatRect ConsoleLayout::ticket_badges() const {
  sf::FloatRect number = ticket_number();
  const float inner = ticket_caption().height / 0.14f;
  return {number.left, bottom(number) + 0.02f * inner, number.width, 0.16f * inner};
}

sf::FloatRect ConsoleLayout::ticket_times() const {
  sf::FloatRect badges = ticket_badges();
  const float inner = ticket_caption().height / 0.14f;
  return {badges.left, bottom(badges) + 0.02f * inner, badges.width, 0.2f * inner};
}

// --- Dialogs ---

void ConsoleLayout::place_dialog(const ConsoleView& view) {
  const float width = std::min(body_.width, std::max(600.f, 0.7f * window_.x));
  dialog_ = {(window_.x - width) / 2.f, body_.top, width, body_.height};
  const float pad = std::max(12.f, 2.f * unit_);
  const float inner_left = dialog_.left + pad;
  const float inner_width = dialog_.width - 2.f * pad;
  dialog_title_ = {inner_left, dialog_.top + pad, inner_width,
                   std::max(kTitleMin, kTitleUnits * unit_)};
  const float button_height = std::max(kTouch, 10.f * unit_);
  const float button_width = std::max(kWideButton, 28.f * unit_);
  const float buttons_top = bottom(dialog_) - pad - button_height;
  dialog_cancel_ = {right(dialog_) - pad - button_width, buttons_top, button_width, button_height};
  confirm_ = {dialog_cancel_.left - margin_ - button_width, buttons_top, button_width,
              button_height};
  number_field_ = {inner_left, bottom(dialog_title_) + margin_, inner_width,
                   std::max(kTouch + 16.f, 14.f * unit_)};
  number_hint_ = {inner_left, bottom(number_field_) + 0.5f * margin_, inner_width,
                  std::max(kLineMin, kLineUnits * unit_) * 2.f};

  const std::size_t count = view.services.size();
  const std::size_t columns = count <= 4 ? 2 : 3;
  const std::size_t rows = rows_of(count, columns);
  sf::FloatRect area{inner_left, bottom(dialog_title_) + margin_, inner_width,
                     buttons_top - margin_ - bottom(dialog_title_) - margin_};
  transfer_buttons_ =
      grid(area, count, columns, cell_height(area.height, rows, 14.f * unit_, margin_), margin_);
}

// --- The set-up page ---

void ConsoleLayout::place_setup(const ConsoleView& view) {
  // Top down: the title, the counters, the name (label, field, hint), then the buttons at the
  // right; the counters' grid gives up height first when there are many.
  const float line = std::max(kLineMin, kLineUnits * unit_);
  setup_title_ = {body_.left, body_.top, body_.width, std::max(kTitleMin, kTitleUnits * unit_)};
  const float button_height = std::max(kTouch, 10.f * unit_);
  const float button_width = std::max(kWideButton, 28.f * unit_);
  const float field_height = std::max(kTouch + 8.f, 11.f * unit_);
  const float below_grid = line + field_height + 0.5f * margin_ + line + 2.f * margin_ + button_height;

  const std::size_t count = view.counters.size();
  const std::size_t columns = std::min<std::size_t>(std::max<std::size_t>(count, 1), 3);
  const std::size_t rows = rows_of(count, columns);
  const float grid_top = bottom(setup_title_) + margin_;
  const float room = bottom(body_) - below_grid - margin_ - grid_top;
  const float cell = cell_height(room, rows, 14.f * unit_, margin_);
  counter_buttons_ = grid({body_.left, grid_top, body_.width, room}, count, columns, cell, margin_);
  const float grid_bottom =
      counter_buttons_.empty() ? grid_top : bottom(counter_buttons_.back());

  name_label_ = {body_.left, grid_bottom + margin_, body_.width, line};
  name_field_ = {body_.left, bottom(name_label_),
                 std::min(body_.width, std::max(480.f, 0.6f * body_.width)), field_height};
  setup_hint_ = {body_.left, bottom(name_field_) + 0.5f * margin_, body_.width, line};
  const float buttons_top = bottom(setup_hint_) + margin_;
  start_ = {right(body_) - button_width, buttons_top, button_width, button_height};
  setup_cancel_ = {start_.left - margin_ - button_width, buttons_top, button_width,
                   button_height};
}

// --- The statistics page ---

std::size_t ConsoleLayout::table_lines(const StatsTable& table) {
  bool grouped = std::any_of(table.groups.begin(), table.groups.end(),
                             [](const std::string& g) { return !g.empty(); });
  return table.rows.size() + 2 + (grouped ? 1 : 0);
}

void ConsoleLayout::place_statistics(const ConsoleView& view) {
  statistics_title_ = {body_.left, body_.top, body_.width, std::max(kTitleMin, 6.f * unit_)};
  const float button_height = std::max(kTouch, 10.f * unit_);
  const float button_width = std::max(kWideButton, 28.f * unit_);
  back_ = {right(body_) - button_width, bottom(body_) - button_height, button_width,
           button_height};
  workshop_ = {back_.left - margin_ - button_width, back_.top, button_width, button_height};
  correct_outcome_ = {workshop_.left - margin_ - button_width, back_.top, button_width,
                      button_height};
  const float top = bottom(statistics_title_) + margin_;
  const sf::FloatRect area{body_.left, top, body_.width, back_.top - margin_ - top};

  // Two columns, the longest tables placed first, each in the column with fewer lines.
  const std::size_t count = view.statistics.size();
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return table_lines(view.statistics[a]) > table_lines(view.statistics[b]);
  });
  std::vector<int> column(count, 0);
  std::size_t lines[2] = {0, 0};
  std::size_t tables[2] = {0, 0};
  for (std::size_t i : order) {
    const int c = lines[1] < lines[0] ? 1 : 0;
    column[i] = c;
    lines[c] += table_lines(view.statistics[i]);
    ++tables[c];
  }
  // One line height for all, the largest both columns allow, no taller than comfortable.
  const float pad = 0.8f * unit_;
  table_line_ = 2.f * text_size(TextRole::small);
  for (int c = 0; c < 2; ++c) {
    if (tables[c] == 0) continue;
    const float fixed = static_cast<float>(tables[c]) * 2.f * pad +
                        static_cast<float>(tables[c] - 1) * margin_;
    table_line_ = std::min(table_line_, (area.height - fixed) / static_cast<float>(lines[c]));
  }
  const float width = (area.width - margin_) / 2.f;
  float y[2] = {area.top, area.top};
  tables_.assign(count, {});
  for (std::size_t i = 0; i < count; ++i) {
    const int c = column[i];
    const float height =
        static_cast<float>(table_lines(view.statistics[i])) * table_line_ + 2.f * pad;
    tables_[i] = {area.left + static_cast<float>(c) * (width + margin_), y[c], width, height};
    y[c] += height + margin_;
  }
}

// --- The unprinted tickets' page ---

void ConsoleLayout::place_unprinted(const ConsoleView& view) {
  // Top down: the title and the range, kUnprintedPerPage rows, the buttons.
  const float title_height = std::max(kTouch, kTitleUnits * unit_);
  const float range_width = std::max(200.f, 0.22f * body_.width);
  unprinted_title_ = {body_.left, body_.top, body_.width - range_width - margin_, title_height};
  unprinted_range_ = {right(body_) - range_width, body_.top, range_width, title_height};
  const float button_height = std::max(kTouch, 10.f * unit_);
  const float button_width = std::min(std::max(kWideButton, 28.f * unit_),
                                      (body_.width - 3.f * margin_) / 4.f);
  const float buttons_top = bottom(body_) - button_height;
  previous_ = {body_.left, buttons_top, button_width, button_height};
  next_ = {right(previous_) + margin_, buttons_top, button_width, button_height};
  list_back_ = {right(body_) - button_width, buttons_top, button_width, button_height};
  list_reprint_number_ = {list_back_.left - margin_ - button_width, buttons_top, button_width,
                          button_height};

  const float top = bottom(unprinted_title_) + margin_;
  const float room = buttons_top - margin_ - top;
  const float gaps = margin_ * static_cast<float>(kUnprintedPerPage - 1);
  const float fit = (room - gaps) / static_cast<float>(kUnprintedPerPage);
  const float row = std::max(kTouch, std::min(kListRowUnits * unit_, fit));
  unprinted_first_ = view.unprinted_first;
  unprinted_shown_ = view.unprinted_first < view.unprinted.size()
                         ? std::min(kUnprintedPerPage, view.unprinted.size() - view.unprinted_first)
                         : 0;
  rows_ = grid({body_.left, top, body_.width, room}, unprinted_shown_, 1, row, margin_);
  const float pad = std::max(6.f, 0.8f * unit_);
  const float button = std::max(3.f * kTouch, kRowButtonUnits * unit_);
  const float label = std::max(110.f, 5.5f * text_size(TextRole::button));
  row_labels_.clear();
  row_details_.clear();
  row_buttons_.clear();
  for (const sf::FloatRect& r : rows_) {
    row_buttons_.push_back({right(r) - button, r.top, button, r.height});
    row_labels_.push_back({r.left + 2.f * pad, r.top + pad, label, r.height - 2.f * pad});
    const float detail_left = right(row_labels_.back()) + pad;
    row_details_.push_back({detail_left, r.top + pad, row_buttons_.back().left - pad - detail_left,
                            r.height - 2.f * pad});
  }
}

std::optional<std::size_t> ConsoleLayout::slot_of(std::size_t index) const {
  if (page_ != Page::unprinted || index < unprinted_first_ ||
      index >= unprinted_first_ + unprinted_shown_) {
    return std::nullopt;
  }
  return index - unprinted_first_;
}

std::optional<sf::FloatRect> ConsoleLayout::unprinted_row(std::size_t index) const {
  if (auto slot = slot_of(index)) return rows_[*slot];
  return std::nullopt;
}

std::optional<sf::FloatRect> ConsoleLayout::unprinted_label(std::size_t index) const {
  if (auto slot = slot_of(index)) return row_labels_[*slot];
  return std::nullopt;
}

std::optional<sf::FloatRect> ConsoleLayout::unprinted_detail(std::size_t index) const {
  if (auto slot = slot_of(index)) return row_details_[*slot];
  return std::nullopt;
}


// --- The outcome and workshop pages ---

void ConsoleLayout::place_form(const ConsoleView& view) {
  form_rows_.clear();
  form_titles_.clear();
  form_choices_.clear();
  if (!is_form(view.page)) return;
  const float top = bottom(header_) + margin_;
  const sf::FloatRect area{margin_, top, window_.x - 2.f * margin_, window_.y - margin_ - top};
  const float bar = std::max(kTouch, 9.f * unit_);
  const float button_width = std::max(220.f, 24.f * unit_);
  const float bar_top = bottom(area) - bar;
  validate_ = {right(area) - button_width, bar_top, button_width, bar};
  form_back_ = {validate_.left - margin_ - button_width, bar_top, button_width, bar};
  skip_ = {form_back_.left - margin_ - button_width, bar_top, button_width, bar};
  const float title_right = (view.form_can_skip ? skip_.left : form_back_.left) - margin_;
  form_title_ = {area.left, bar_top, title_right - area.left, bar};

  const std::vector<FormRow>& rows = view.form_rows;
  const bool workshop = view.page == Page::workshop;
  const float gap = std::max(3.f, 0.5f * margin_);
  const float room = bar_top - margin_ - top;
  const float title_width = form_title_width(unit_);
  bool apart = false;  // the profile lines after a wider gap
  for (std::size_t i = 1; i < rows.size(); ++i) apart |= rows[i].optional && !rows[i - 1].optional;
  const float extra = apart ? margin_ : 0.f;
  const float highest = std::max(kTouch, 12.f * unit_);
  auto height_for = [&](std::size_t bands) {
    const auto n = static_cast<float>(bands + (workshop ? 1 : 0));
    return std::min(highest, (room - (n - 1.f) * gap - extra) / n);
  };
  auto need = [&](const FormRow& row, float size, float height) {
    float w = title_width + gap;
    for (const FormChoice& c : row.choices) w += choice_need(c, size, height, unit_) + gap;
    return w - gap;
  };

  // Bands of one line, or of two short lines of the same kind when the lines would be low.
  std::vector<std::vector<std::size_t>> bands;
  for (std::size_t i = 0; i < rows.size(); ++i) bands.push_back({i});
  for (std::size_t b = 0; b + 1 < bands.size() && height_for(bands.size()) < kFormComfort;) {
    const FormRow& first = rows[bands[b].front()];
    const FormRow& second = rows[bands[b + 1].front()];
    const float h = height_for(bands.size() - 1);
    const bool pairable = bands[b].size() == 1 && first.optional == second.optional &&
                          first.choices.size() <= kPairMax && second.choices.size() <= kPairMax &&
                          need(first, kFormPairAt, h) + margin_ + need(second, kFormPairAt, h) <=
                              area.width;
    if (pairable) {
      bands[b].push_back(bands[b + 1].front());
      bands.erase(bands.begin() + static_cast<std::ptrdiff_t>(b) + 1);
    }
    ++b;
  }
  const float h = height_for(bands.size());

  // Where each line goes: its band split in proportion to what the lines need.
  form_rows_.assign(rows.size(), {});
  float y = top;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    if (b > 0 && rows[bands[b].front()].optional && !rows[bands[b - 1].front()].optional) {
      y += extra;
    }
    float x = area.left;
    float total = 0.f;
    for (std::size_t line : bands[b]) total += need(rows[line], kFormPairAt, h);
    const float shared = area.width - margin_ * static_cast<float>(bands[b].size() - 1);
    for (std::size_t line : bands[b]) {
      const float width = bands[b].size() == 1
                              ? area.width
                              : shared * need(rows[line], kFormPairAt, h) / total;
      form_rows_[line] = {x, y, width, h};
      x += width + margin_;
    }
    y += h + gap;
  }

  // One label size for every choice: two lines in the height, every line's labels in its width.
  form_text_ = std::min(text_size(TextRole::small), (h - 2.f * choice_pad(h, unit_)) / kTwoLines);
  for (std::size_t line = 0; line < rows.size(); ++line) {
    const FormRow& row = rows[line];
    if (row.choices.empty()) continue;
    const float fixed = title_width + gap +
                        static_cast<float>(row.choices.size()) *
                            (2.f * choice_pad(h, unit_) + choice_badge(h, unit_) + gap) - gap;
    float chars = 0.f;
    for (const FormChoice& c : row.choices) chars += two_line_chars(c.label);
    if (chars > 0.f) {
      form_text_ = std::min(form_text_, (form_rows_[line].width - fixed) / (chars * kCharEm));
    }
  }
  form_text_ = std::floor(std::max(form_text_, 1.f));
  for (std::size_t line = 0; line < rows.size(); ++line) {
    place_form_line(rows[line], form_rows_[line], gap);
  }
  if (workshop) place_workshop_counts({area.left, y, area.width, std::max(kTouch, h)}, gap);
}

void ConsoleLayout::place_form_line(const FormRow& row, const sf::FloatRect& box, float gap) {
  const float title_width = form_title_width(unit_);
  form_titles_.push_back({box.left, box.top, title_width, box.height});
  std::vector<float> widths;
  float total = 0.f;
  for (const FormChoice& c : row.choices) {
    widths.push_back(choice_need(c, form_text_, box.height, unit_));
    total += widths.back();
  }
  const float left = box.left + title_width + gap;
  const float room =
      right(box) - left - gap * static_cast<float>(std::max<std::size_t>(1, widths.size()) - 1);
  const float scale = total > 0.f ? std::min(kStretchMax, room / total) : 1.f;
  std::vector<sf::FloatRect> cells;
  float x = left;
  for (float w : widths) {
    cells.push_back({x, box.top, w * scale, box.height});
    x += w * scale + gap;
  }
  form_choices_.push_back(std::move(cells));
}

void ConsoleLayout::place_workshop_counts(const sf::FloatRect& band, float gap) {
  const float half = (band.width - margin_) / 2.f;
  const float label = form_title_width(unit_);
  const float button = std::max(kTouch, 1.2f * band.height);
  auto place = [&](float left, sf::FloatRect& title, sf::FloatRect& less, sf::FloatRect& value,
                   sf::FloatRect& more) {
    title = {left, band.top, label, band.height};
    less = {left + label + gap, band.top, button, band.height};
    more = {left + half - button, band.top, button, band.height};
    value = {right(less) + gap, band.top, more.left - gap - right(less) - gap, band.height};
  };
  place(band.left, participants_label_, participants_less_, participants_value_,
        participants_more_);
  place(band.left + half + margin_, minutes_label_, minutes_less_, minutes_value_, minutes_more_);
}

std::optional<sf::FloatRect> ConsoleLayout::form_row(std::size_t line) const {
  if (line < form_rows_.size()) return form_rows_[line];
  return std::nullopt;
}

// --- Buttons and input ---

std::optional<sf::FloatRect> ConsoleLayout::rect(Control control, std::size_t index) const {
  auto at = [index](const std::vector<sf::FloatRect>& v) -> std::optional<sf::FloatRect> {
    if (index < v.size()) return v[index];
    return std::nullopt;
  };
  switch (control) {
    case Control::call_next: return call_next_;
    case Control::finish: return finish_;
    case Control::recall: return recall_;
    case Control::no_show: return no_show_;
    case Control::transfer: return transfer_;
    case Control::call_number: return call_number_;
    case Control::pause:
    case Control::resume: return pause_;
    case Control::statistics: return statistics_;
    case Control::reprint_number:
      return page_ == Page::unprinted ? list_reprint_number_ : reprint_number_;
    case Control::reprint:
      if (page_ == Page::unprinted) {
        if (auto slot = slot_of(index)) return row_buttons_[*slot];
        return std::nullopt;
      }
      if (index == 0 && alerts_.height > 0.f) return alert_button_;
      return std::nullopt;
    case Control::show_unprinted:
      if (alerts_.height > 0.f) return alert_button_;
      return std::nullopt;
    case Control::previous_page: return previous_;
    case Control::next_page: return next_;
    case Control::change_setup: return change_;
    case Control::toggle_service: return at(service_tiles_);
    case Control::choose_counter: return at(counter_buttons_);
    case Control::start: return start_;
    case Control::pick_service: return at(transfer_buttons_);
    case Control::confirm: return is_form(page_) ? validate_ : confirm_;
    case Control::cancel:
      if (is_form(page_)) return form_back_;
      if (page_ == Page::setup) return setup_cancel_;
      if (page_ == Page::statistics) return back_;
      if (page_ == Page::unprinted) return list_back_;
      return dialog_cancel_;
    case Control::erase: break;
    case Control::correct_outcome: return correct_outcome_;
    case Control::workshop: return workshop_;
    case Control::form_line: return at(form_titles_);
    case Control::form_choice: {
      const std::size_t line = index / kChoiceStride;
      const std::size_t choice = index % kChoiceStride;
      if (line < form_choices_.size() && choice < form_choices_[line].size()) {
        return form_choices_[line][choice];
      }
      return std::nullopt;
    }
    case Control::skip: return skip_;
    case Control::participants_less: return participants_less_;
    case Control::participants_more: return participants_more_;
    case Control::minutes_less: return minutes_less_;
    case Control::minutes_more: return minutes_more_;
  }
  return std::nullopt;
}

ButtonParts ConsoleLayout::parts(const Button& button, const sf::FloatRect& r) const {
  ButtonParts p;
  const float pad = std::max(6.f, std::min(0.12f * r.height, 1.4f * unit_));
  if (button.control == Control::toggle_service) {
    const float box = std::min(r.height - 2.f * pad, 5.f * unit_ + 12.f);
    p.check = {r.left + pad, r.top + (r.height - box) / 2.f, box, box};
    const float text_left = right(p.check) + pad;
    const float text_width = right(r) - pad - text_left;
    const float inner = r.height - 2.f * pad;
    p.label = {text_left, r.top + pad, text_width, 0.6f * inner};
    p.detail = {text_left, bottom(p.label), text_width, inner - p.label.height};
    return p;
  }
  if (button.control == Control::form_choice) {  // the key's badge at the left, kept when empty
    const float cpad = choice_pad(r.height, unit_);
    const float badge = choice_badge(r.height, unit_);
    p.shortcut = {r.left + cpad, r.top + (r.height - badge) / 2.f, badge, badge};
    p.label = {right(p.shortcut), r.top + cpad, right(r) - cpad - right(p.shortcut),
               r.height - 2.f * cpad};
    return p;
  }
  if (button.control == Control::form_line) {  // F-key at the left, the title and note beside
    const float badge = std::min(0.5f * r.height, 0.3f * r.width);
    p.shortcut = {r.left + pad, r.top + (r.height - badge) / 2.f, badge, badge};
    const float text_left = right(p.shortcut) + pad;
    const float inner = r.height - 2.f * pad;
    p.label = {text_left, r.top + pad, right(r) - pad - text_left, 0.58f * inner};
    p.detail = {text_left, bottom(p.label), p.label.width, inner - p.label.height};
    return p;
  }
  sf::FloatRect inner{r.left + pad, r.top + pad, r.width - 2.f * pad, r.height - 2.f * pad};
  if (button.shortcut.empty()) {
    p.label = inner;
    return p;
  }
  if (button.control == Control::call_next) {  // tall: the shortcut under the label
    const float badge = std::max(28.f, 0.2f * inner.height);
    p.shortcut = {inner.left, bottom(inner) - badge, inner.width, badge};
    p.label = {inner.left, inner.top, inner.width, inner.height - badge - pad};
    return p;
  }
  // The badge at the right, as wide as its characters ("T", "F2", "Entrée").
  const float badge_height =
      std::min(inner.height, std::max(26.f, (chars_of(button.shortcut) > 2 ? 0.46f : 0.56f) *
                                                inner.height));
  const float chars = static_cast<float>(chars_of(button.shortcut));
  const float badge_width = std::max(badge_height, badge_height * (0.4f + 0.37f * chars));
  p.shortcut = {right(inner) - badge_width, inner.top + (inner.height - badge_height) / 2.f,
                badge_width, badge_height};
  p.label = {inner.left, inner.top, p.shortcut.left - pad - inner.left, inner.height};
  return p;
}

std::optional<Press> ConsoleLayout::hit(const ConsoleView& view, sf::Vector2f point) const {
  for (const Button& b : buttons(view)) {
    std::optional<sf::FloatRect> r = rect(b.control, b.index);
    if (r && r->contains(point)) {
      if (!b.enabled) return std::nullopt;
      return Press{b.control, b.index};
    }
  }
  return std::nullopt;
}

std::optional<Press> ConsoleLayout::counter_key(const ConsoleView& view,
                                                sf::Keyboard::Key key) const {
  switch (key) {
    case sf::Keyboard::Space:
    case sf::Keyboard::Enter: return enabled(view, Control::call_next);
    case sf::Keyboard::R: return enabled(view, Control::recall);
    case sf::Keyboard::A: return enabled(view, Control::no_show);
    case sf::Keyboard::T: return enabled(view, Control::finish);
    case sf::Keyboard::V: return enabled(view, Control::transfer);
    case sf::Keyboard::N: return enabled(view, Control::call_number);
    case sf::Keyboard::P: return enabled(view, view.paused ? Control::resume : Control::pause);
    case sf::Keyboard::S: return enabled(view, Control::statistics);
    case sf::Keyboard::I: return enabled(view, Control::reprint_number);
    case sf::Keyboard::L: return enabled(view, Control::show_unprinted);
    case sf::Keyboard::F2: return enabled(view, Control::change_setup);
    default: return std::nullopt;
  }
}

std::optional<Press> ConsoleLayout::unprinted_key(const ConsoleView& view,
                                                  sf::Keyboard::Key key) const {
  switch (key) {
    case sf::Keyboard::Escape:
    case sf::Keyboard::Enter: return enabled(view, Control::cancel);
    case sf::Keyboard::Left:
    case sf::Keyboard::PageUp: return enabled(view, Control::previous_page);
    case sf::Keyboard::Right:
    case sf::Keyboard::PageDown: return enabled(view, Control::next_page);
    case sf::Keyboard::I: return enabled(view, Control::reprint_number);
    default: break;
  }
  const std::optional<std::size_t> digit = digit_of(key);
  if (!digit || *digit == 0 || *digit > kUnprintedPerPage) return std::nullopt;
  return enabled(view, Control::reprint, view.unprinted_first + *digit - 1);
}

std::optional<Press> ConsoleLayout::form_key(const ConsoleView& view,
                                             sf::Keyboard::Key key) const {
  const std::size_t lines = view.form_rows.size();
  switch (key) {
    case sf::Keyboard::Enter: return enabled(view, Control::confirm);
    case sf::Keyboard::Escape: return enabled(view, Control::cancel);
    case sf::Keyboard::F12: return enabled(view, Control::skip);
    case sf::Keyboard::Up:
      if (view.form_focus == 0) return std::nullopt;
      return enabled(view, Control::form_line, view.form_focus - 1);
    case sf::Keyboard::Down:
    case sf::Keyboard::Tab:
      if (view.form_focus + 1 >= lines) return std::nullopt;
      return enabled(view, Control::form_line, view.form_focus + 1);
    default: break;
  }
  if (view.page == Page::workshop) {
    switch (key) {
      case sf::Keyboard::Hyphen:
      case sf::Keyboard::Subtract: return enabled(view, Control::participants_less);
      case sf::Keyboard::Equal:
      case sf::Keyboard::Add: return enabled(view, Control::participants_more);
      case sf::Keyboard::Left: return enabled(view, Control::minutes_less);
      case sf::Keyboard::Right: return enabled(view, Control::minutes_more);
      default: break;
    }
  }
  if (key >= sf::Keyboard::F1 && key <= sf::Keyboard::F11) {
    return enabled(view, Control::form_line, static_cast<std::size_t>(key - sf::Keyboard::F1));
  }
  const std::optional<std::size_t> digit = digit_of(key, view.page == Page::workshop);
  if (!digit) return std::nullopt;
  const std::size_t choice = *digit == 0 ? 9 : *digit - 1;
  return enabled(view, Control::form_choice, choice_index(view.form_focus, choice));
}

std::optional<Press> ConsoleLayout::key(const ConsoleView& view, sf::Keyboard::Key key) const {
  switch (view.page) {
    case Page::outcome:
    case Page::workshop:
      return form_key(view, key);
    case Page::counter:
      return counter_key(view, key);
    case Page::transfer: {
      if (key == sf::Keyboard::Escape) return enabled(view, Control::cancel);
      std::optional<char> letter = letter_of(key);
      for (std::size_t i = 0; letter && i < view.services.size(); ++i) {
        if (view.services[i].prefix == *letter) return enabled(view, Control::pick_service, i);
      }
      return std::nullopt;
    }
    case Page::unprinted:
      return unprinted_key(view, key);
    case Page::call_number:
    case Page::reprint_number:
    case Page::outcome_number:
    case Page::setup:
      if (key == sf::Keyboard::BackSpace) return Press{Control::erase, 0};
      if (key == sf::Keyboard::Escape) return enabled(view, Control::cancel);
      if (key == sf::Keyboard::Enter) {
        return enabled(view, view.page == Page::setup ? Control::start : Control::confirm);
      }
      if (view.page == Page::setup && key >= sf::Keyboard::F1 && key <= sf::Keyboard::F9) {
        return enabled(view, Control::choose_counter,
                       static_cast<std::size_t>(key - sf::Keyboard::F1));
      }
      return std::nullopt;
    case Page::statistics:
      if (key == sf::Keyboard::Escape || key == sf::Keyboard::Enter || key == sf::Keyboard::S) {
        return enabled(view, Control::cancel);
      }
      if (key == sf::Keyboard::C) return enabled(view, Control::correct_outcome);
      if (key == sf::Keyboard::A) return enabled(view, Control::workshop);
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace pcn::console
