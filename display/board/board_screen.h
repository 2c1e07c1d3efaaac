// Drawing the waiting-room screen: a BoardView in large, high-contrast French type (white and
// yellow on dark blue), placed by BoardLayout. Drawing depends on the view and the target's size
// alone. Fonts, text fitting and service colours are the kiosk's (pcn_kiosk).
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/Vector2.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "board/board_layout.h"
#include "board/board_view.h"
#include "ui/fonts.h"
#include "util/result.h"

namespace pcn::board {

namespace colours {
inline const sf::Color kBackground{8, 20, 38};
inline const sf::Color kBand{20, 44, 78};          ///< header, message band, panels' titles
inline const sf::Color kPanel{24, 54, 96};         ///< the latest call, not highlighted
inline const sf::Color kHighlight{255, 212, 0};    ///< the latest call, just arrived
inline const sf::Color kText{255, 255, 255};
inline const sf::Color kSoftText{200, 214, 230};   ///< counters, titles: 10:1 on kBackground
inline const sf::Color kDarkText{8, 20, 38};       ///< on kHighlight
inline const sf::Color kAlert{185, 20, 20};
inline const sf::Color kDiscreet{140, 156, 176};   ///< the connection corner
}  // namespace colours

/// How the alert band is drawn for one view in one window.
struct AlertFit {
  BoardLayout layout;      ///< with the band as tall as its text needs
  std::string text;        ///< what the band says; "" without an alert
  float size = 0.f;        ///< its character size, in px
  float queue_size = 0.f;  ///< the largest character size of the queues' lines, in that layout
  int lines = 0;           ///< 1 or 2
  float width = 0.f;       ///< of the text's box, centred in the band (two lines: balanced)
};

/// Holds the fonts for as long as it lives. Movable, not copyable.
class BoardScreen {
 public:
  /// Loads DejaVu Sans; errors are those of ui::Fonts::load (they name the missing file).
  static util::Result<BoardScreen> open(
      const ui::FontFiles& files = ui::dejavu_font_files());

  /// Clears `target` and draws `view` over all of it, in pixel coordinates (the target's view
  /// is set to (0, 0)–(width, height)). The caller displays the target.
  ///  - header: agency name (fitted, up to two lines), date, time.
  ///  - latest call: the number huge, "→ counter" below, a bar in the service's colour; on a
  ///    bright yellow panel with dark text when `view.highlight`, else white on blue; without a
  ///    latest call, "Aucun appel pour le moment".
  ///  - up to BoardLayout::kPreviousRows previous calls; one row per queue (colour chip and
  ///    letter, label, "N en attente", "≈ N min" or "—"); all labels at one size, the
  ///    largest at which each fits its box (up to two lines).
  ///  - the alert band in red, only when `view.alert` or `view.unprinted` is not empty, as
  ///    alert_fit() places it.
  ///  - the message, clipped to its band: centred when it fits, otherwise its left edge at
  ///    band.right - view.message_offset (so it moves right to left as the offset grows).
  ///  - the connection text, small, in the bottom-right corner.
  void draw(sf::RenderTarget& target, const BoardView& view) const;

  /// Width in px of `message` as drawn in the message band of a window of `window`. The message
  /// scrolls when this exceeds BoardLayout(window).message().width; it has left the band once
  /// message_offset > band width + message_width, when the controller may restart it at 0.
  float message_width(const std::string& message, sf::Vector2f window) const;

  /// The alert band for `view` in a window of `window`, readable from the room: its text never
  /// smaller than the queues' lines (size >= queue_size) and never cut. One line in the standard
  /// band when the sentence fits it at that size or larger; otherwise two lines at the queues'
  /// size in a taller band, and when even two lines cannot hold every unprinted ticket, the
  /// list is shortened to "C-004, F-007 et 6 autres" (the agents' consoles list them all).
  AlertFit alert_fit(const BoardView& view, sf::Vector2f window) const;

 private:
  explicit BoardScreen(std::unique_ptr<ui::Fonts> fonts) : fonts_(std::move(fonts)) {}

  std::unique_ptr<ui::Fonts> fonts_;  // never null
};

/// Renders `view` at `size` off screen and saves it as a PNG file (tests, documentation).
/// Needs an OpenGL context, hence an X display (Xvfb will do). Errors: those of
/// BoardScreen::open, "render_failed" (no off-screen surface of that size), "io_error" (the file
/// could not be written).
util::Status save_screenshot(const BoardView& view, sf::Vector2u size,
                             const std::filesystem::path& png);

}  // namespace pcn::board
