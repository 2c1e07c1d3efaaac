// Drawing the kiosk's touch screen: every Page of a KioskView, in large, high-contrast French
// type, placed by KioskLayout. Drawing depends on the view and the target's size alone.
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/Vector2.hpp>
#include <filesystem>
#include <memory>
#include <utility>

#include "ui/fonts.h"
#include "kiosk/kiosk_view.h"
#include "util/result.h"

namespace pcn::kiosk {

/// Holds the fonts for as long as it lives. Movable, not copyable.
class KioskScreen {
 public:
  /// Loads the fonts; errors are those of Fonts::load (they name the missing file).
  static util::Result<KioskScreen> open(const ui::FontFiles& files = ui::dejavu_font_files());

  /// Clears `target` and draws `view` over all of it, in pixel coordinates: the target's view
  /// is set to (0, 0)–(width, height), the space in which KioskLayout::hit() reads touches.
  /// The caller displays the target.
  ///  - home: the header (agency name, clock, "Choisissez votre démarche"), one button per
  ///    service in its colour (letter, number key, label, people waiting) and the priority
  ///    toggle; all dimmed while the view is busy.
  ///  - confirmation / print_failed: the ticket number huge (KioskLayout::ticket_number()) with
  ///    the lines of page_text() above and below it.
  ///  - closed / unreachable: the message and its detail.
  void draw(sf::RenderTarget& target, const KioskView& view) const;

 private:
  explicit KioskScreen(std::unique_ptr<ui::Fonts> fonts) : fonts_(std::move(fonts)) {}

  std::unique_ptr<ui::Fonts> fonts_;  // never null
};

/// Renders `view` at `size` off screen and saves it as a PNG file (tests, documentation).
/// Needs an OpenGL context, hence an X display (Xvfb will do). Errors: those of
/// KioskScreen::open, "render_failed" (no off-screen surface of that size), "io_error" (the file
/// could not be written).
util::Status save_screenshot(const KioskView& view, sf::Vector2u size,
                             const std::filesystem::path& png);

}  // namespace pcn::kiosk
