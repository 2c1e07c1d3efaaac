#include "board/board_layout.h"

#include <algorithm>

namespace pcn::board {
namespace {

// Heights as fractions of the window's height.
constexpr float kHeader = 0.085f;
constexpr float kMessage = 0.075f;
constexpr float kAlert = 0.07f;
constexpr float kAlertMost = 0.16f;  // a band as tall as its text (two lines), up to this
constexpr float kLatest = 0.44f;
constexpr float kLatestWithAlert = 0.41f;
// Portrait: the same bands, thinner, and the panels stacked.
constexpr float kHeaderPortrait = 0.06f;
constexpr float kMessagePortrait = 0.05f;
constexpr float kAlertPortrait = 0.05f;
constexpr float kLatestPortrait = 0.24f;
constexpr float kPreviousPortrait = 0.24f;
// Widths as fractions of the window's width.
constexpr float kConnection = 0.15f;
constexpr float kPreviousShare = 0.36f;  // of the lower area, the rest is the queues'
// Inside the latest panel: the number's share of its height.
constexpr float kNumberShare = 0.70f;
// Inside a panel: the title's share of the panel's height.
constexpr float kTitleShare = 0.15f;

float right(const sf::FloatRect& r) { return r.left + r.width; }
float bottom(const sf::FloatRect& r) { return r.top + r.height; }

sf::FloatRect columns(const sf::FloatRect& row, float from, float to) {
  return {row.left + row.width * from, row.top, row.width * (to - from), row.height};
}

}  // namespace

BoardLayout::BoardLayout(sf::Vector2f window, bool alert, float alert_height)
    : window_(window), unit_(std::min(window.x, window.y) / 100.f) {
  header_ = {0.f, 0.f, window_.x, window_.y * (portrait() ? kHeaderPortrait : kHeader)};
  place_bottom(alert, alert_height);
  if (portrait()) {
    place_portrait();
  } else {
    place_landscape(alert);
  }
}

void BoardLayout::place_bottom(bool alert, float alert_height) {
  const float height = window_.y * (portrait() ? kMessagePortrait : kMessage);
  const float top = window_.y - height;
  const float split = window_.x * (1.f - kConnection);
  message_ = {0.f, top, split, height};
  connection_ = {split, top, window_.x - split, height};
  free_top_ = bottom(header_) + margin();
  free_bottom_ = top - margin();
  if (alert) {
    const float standard = window_.y * (portrait() ? kAlertPortrait : kAlert);
    const float band =
        std::min(alert_height > 0.f ? alert_height : standard, window_.y * kAlertMost);
    alert_ = {0.f, free_bottom_ - band, window_.x, band};
    free_bottom_ = alert_.top - margin();
  }
}

void BoardLayout::place_landscape(bool alert) {
  const float m = margin();
  const float width = window_.x - 2.f * m;
  latest_ = {m, free_top_, width, window_.y * (alert ? kLatestWithAlert : kLatest)};
  const float lower_top = bottom(latest_) + m;
  const float lower_height = free_bottom_ - lower_top;
  previous_ = {m, lower_top, width * kPreviousShare - m / 2.f, lower_height};
  const float queues_left = right(previous_) + m;
  queues_ = {queues_left, lower_top, window_.x - m - queues_left, lower_height};
}

void BoardLayout::place_portrait() {
  const float m = margin();
  const float width = window_.x - 2.f * m;
  latest_ = {m, free_top_, width, window_.y * kLatestPortrait};
  previous_ = {m, bottom(latest_) + m, width, window_.y * kPreviousPortrait};
  const float queues_top = bottom(previous_) + m;
  queues_ = {m, queues_top, width, free_bottom_ - queues_top};
}

sf::FloatRect BoardLayout::header_name() const {
  const float m = 2.f * margin();
  return {m, header_.top + header_.height * 0.15f, window_.x * 0.55f - m, header_.height * 0.7f};
}

sf::FloatRect BoardLayout::header_date() const {
  const float left = window_.x * 0.57f;
  return {left, header_.top + header_.height * 0.25f, window_.x * 0.28f, header_.height * 0.5f};
}

sf::FloatRect BoardLayout::header_time() const {
  const float left = right(header_date()) + margin();
  return {left, header_.top + header_.height * 0.12f, window_.x - 2.f * margin() - left,
          header_.height * 0.76f};
}

sf::FloatRect BoardLayout::latest_bar() const {
  return {latest_.left, latest_.top, 1.6f * unit_, latest_.height};
}

sf::FloatRect BoardLayout::latest_number() const {
  const float inset = 3.f * unit_;
  return {latest_.left + inset, latest_.top + unit_, latest_.width - 2.f * inset,
          latest_.height * kNumberShare - unit_};
}

sf::FloatRect BoardLayout::latest_counter() const {
  const sf::FloatRect number = latest_number();
  const float top = bottom(number) + unit_ / 2.f;
  return {number.left, top, number.width, bottom(latest_) - unit_ - top};
}

sf::FloatRect BoardLayout::title_of(const sf::FloatRect& panel) const {
  return {panel.left, panel.top, panel.width, panel.height * kTitleShare};
}

sf::FloatRect BoardLayout::rows_of(const sf::FloatRect& panel) const {
  const float top = bottom(title_of(panel)) + unit_ / 2.f;
  return {panel.left, top, panel.width, bottom(panel) - top};
}

sf::FloatRect BoardLayout::previous_title() const { return title_of(previous_); }
sf::FloatRect BoardLayout::queues_title() const { return title_of(queues_); }

std::vector<sf::FloatRect> BoardLayout::previous_rows(std::size_t count) const {
  const sf::FloatRect area = rows_of(previous_);
  const float pitch = area.height / static_cast<float>(kPreviousRows);
  std::vector<sf::FloatRect> rows;
  for (std::size_t i = 0; i < std::min(count, kPreviousRows); ++i) {
    rows.push_back({area.left, area.top + pitch * static_cast<float>(i), area.width,
                    pitch - unit_ / 2.f});
  }
  return rows;
}

CallRowParts BoardLayout::call_row_parts(const sf::FloatRect& row) const {
  const sf::FloatRect text{row.left + 2.f * unit_, row.top, row.width - 2.f * unit_, row.height};
  return {{row.left, row.top, unit_, row.height}, columns(text, 0.f, 0.42f),
          columns(text, 0.44f, 1.f)};
}

std::vector<sf::FloatRect> BoardLayout::queue_rows(std::size_t count) const {
  std::vector<sf::FloatRect> rows;
  if (count == 0) return rows;
  const sf::FloatRect area = rows_of(queues_);
  const float pitch = std::min(area.height / static_cast<float>(count), area.height / 4.f);
  for (std::size_t i = 0; i < count; ++i) {
    rows.push_back({area.left, area.top + pitch * static_cast<float>(i), area.width,
                    pitch - unit_ / 2.f});
  }
  return rows;
}

QueueRowParts BoardLayout::queue_row_parts(const sf::FloatRect& row) const {
  const float side = row.height;
  const float gap = 1.5f * unit_;
  const sf::FloatRect text{row.left + side + gap, row.top, row.width - side - gap, row.height};
  return {{row.left, row.top, side, side}, columns(text, 0.f, 0.54f), columns(text, 0.56f, 0.80f),
          columns(text, 0.82f, 1.f)};
}

std::vector<sf::FloatRect> BoardLayout::zones() const {
  std::vector<sf::FloatRect> all{header_, latest_, previous_, queues_};
  if (alert_.height > 0.f) all.push_back(alert_);
  all.push_back(message_);
  all.push_back(connection_);
  return all;
}

}  // namespace pcn::board
