// Drawing the agent console's window: every Page of a ConsoleView, placed by ConsoleLayout, its
// buttons as console_controls.h lists them (label, shortcut badge, greyed when disabled), in
// high-contrast French type. Drawing depends on the view and the target's size alone.
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/Vector2.hpp>
#include <filesystem>
#include <memory>
#include <utility>

#include "console/console_view.h"
#include "ui/fonts.h"
#include "util/result.h"

namespace pcn::console {

/// Holds the fonts for as long as it lives. Movable, not copyable.
class ConsoleScreen {
 public:
  /// Loads the fonts; errors are those of ui::Fonts::load (they name the missing file).
  static util::Result<ConsoleScreen> open(const ui::FontFiles& files = ui::dejavu_font_files());

  /// Clears `target` and draws `view` over all of it, in pixel coordinates: the target's view is
  /// set to (0, 0)–(width, height), the space in which ConsoleLayout::hit() reads touches. The
  /// caller displays the target.
  ///  - every page: the header band (agency, counter and agent, date and time, the connection
  ///    badge: green when live, red otherwise).
  ///  - counter: the visitor served (number very large, service in its colour, "Prioritaire",
  ///    times), the unprinted slips' red row when there are some, the services' tiles
  ///    (checkbox, waiting, estimate), the action buttons ("Appeler le suivant" green and
  ///    largest), the status line coloured by its tone.
  ///  - transfer / call_number / reprint_number: the counter page dimmed under a dialog; the
  ///    status line stays readable.
  ///  - unprinted: the unprinted tickets of its page, each with its reason and Réimprimer, and
  ///    the status line.
  /// Texts about unprinted slips are never smaller than TextRole::body: too long, they are cut
  /// at their end with "…".
  ///  - setup: the counters to choose from, the name field, Commencer.
  ///  - statistics: today's tables, two a row.
  void draw(sf::RenderTarget& target, const ConsoleView& view) const;

 private:
  explicit ConsoleScreen(std::unique_ptr<ui::Fonts> fonts) : fonts_(std::move(fonts)) {}

  std::unique_ptr<ui::Fonts> fonts_;  // never null
};

/// Renders `view` at `size` off screen and saves it as a PNG file (tests, documentation, the
/// `screenshot` command). Needs an X display (Xvfb will do). Errors: those of
/// ConsoleScreen::open and ui::render_to_png.
util::Status save_screenshot(const ConsoleView& view, sf::Vector2u size,
                             const std::filesystem::path& png);

}  // namespace pcn::console
