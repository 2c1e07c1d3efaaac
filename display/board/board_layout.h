// Where things are on the waiting-room screen, for one window size. Pure geometry: no drawing,
// no fonts, so that it can be checked without a display.
//
// Sizes are fractions of the window, from 1280x720 up to 3840x2160 in landscape; portrait
// windows get a stacked layout that stays inside the window. In landscape the latest call's
// number box is at least 27 % of the window's height (readable at ten metres). Top-level zones
// (zones()) stay inside the window and never overlap; a row's parts stay inside its row.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>
#include <cstddef>
#include <vector>

namespace pcn::board {

/// The parts of a row of the queues panel.
struct QueueRowParts {
  sf::FloatRect chip;      ///< a square in the service's colour, holding its letter
  sf::FloatRect label;     ///< "CAFAT"
  sf::FloatRect waiting;   ///< "4 en attente"
  sf::FloatRect estimate;  ///< "≈ 12 min" or "—"
};

/// The parts of a row of the previous calls.
struct CallRowParts {
  sf::FloatRect bar;      ///< a thin bar in the service's colour
  sf::FloatRect ticket;   ///< "C-041"
  sf::FloatRect counter;  ///< "→ Guichet 1"
};

class BoardLayout {
 public:
  /// How many previous calls the screen has rows for.
  static constexpr std::size_t kPreviousRows = 5;

  /// `alert`: whether the view has an alert (the red band takes room only then);
  /// `alert_height`: the band's height in px, as its text needs (BoardScreen::alert_fit), or 0
  /// for the default, 7 % of the window's height (5 % in portrait). The band never takes more
  /// than 16 % of the window's height. REQUIRES: both sides at least 200 px.
  explicit BoardLayout(sf::Vector2f window, bool alert = false, float alert_height = 0.f);

  sf::Vector2f window() const { return window_; }
  bool portrait() const { return window_.y > window_.x; }
  /// 1 % of the smaller side, in px.
  float unit() const { return unit_; }
  /// The gap between zones and at the window's edges.
  float margin() const { return 1.2f * unit_; }

  /// The top band: the agency's name at the left, date and time at the right.
  sf::FloatRect header() const { return header_; }
  sf::FloatRect header_name() const;
  sf::FloatRect header_date() const;
  sf::FloatRect header_time() const;

  /// The latest call's panel; inside it, the ticket number (huge) above the counter.
  sf::FloatRect latest() const { return latest_; }
  sf::FloatRect latest_bar() const;
  sf::FloatRect latest_number() const;
  sf::FloatRect latest_counter() const;

  /// The previous calls: a title and kPreviousRows rows, newest first.
  sf::FloatRect previous() const { return previous_; }
  sf::FloatRect previous_title() const;
  /// The first min(count, kPreviousRows) rows.
  std::vector<sf::FloatRect> previous_rows(std::size_t count) const;
  CallRowParts call_row_parts(const sf::FloatRect& row) const;

  /// The queues: a title and one row per service, as tall as room allows (at most a quarter of
  /// the rows' area each). Empty when `count` is 0.
  sf::FloatRect queues() const { return queues_; }
  sf::FloatRect queues_title() const;
  std::vector<sf::FloatRect> queue_rows(std::size_t count) const;
  QueueRowParts queue_row_parts(const sf::FloatRect& row) const;

  /// The red alert band, above the message, the window's width; empty (0x0) when constructed
  /// without an alert.
  sf::FloatRect alert() const { return alert_; }
  /// The message band at the bottom, in which the message scrolls (clipped to it).
  sf::FloatRect message() const { return message_; }
  /// The small bottom-right corner for the connection state.
  sf::FloatRect connection() const { return connection_; }

  /// Every top-level zone present: header, latest, previous, queues, [alert,] message,
  /// connection.
  std::vector<sf::FloatRect> zones() const;

 private:
  void place_bottom(bool alert, float alert_height);
  void place_landscape(bool alert);
  void place_portrait();
  sf::FloatRect title_of(const sf::FloatRect& panel) const;
  sf::FloatRect rows_of(const sf::FloatRect& panel) const;

  sf::Vector2f window_;
  float unit_;
  sf::FloatRect header_;
  sf::FloatRect latest_;
  sf::FloatRect previous_;
  sf::FloatRect queues_;
  sf::FloatRect alert_;
  sf::FloatRect message_;
  sf::FloatRect connection_;
  float free_top_ = 0.f;     // the area between the header and the bottom bands
  float free_bottom_ = 0.f;
};

}  // namespace pcn::board
