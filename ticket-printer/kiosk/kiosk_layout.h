// Where things are on the kiosk's touch screen, for one window size, and what a touch or a key
// means there. Pure geometry: no drawing, no fonts, so that it can be checked without a display.
//
// Sizes are relative to the window, from 1024x768 up to 1920x1080, landscape or portrait. The
// unit is 1 % of the window's smaller side. With up to six services, on 1024x768, every service
// button is at least 180 px tall; buttons, the priority toggle and the header never overlap and
// stay inside the window.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <cstddef>
#include <optional>
#include <vector>

#include "kiosk/kiosk_view.h"

namespace pcn::kiosk {

/// The inner zones of a service button.
struct ButtonParts {
  sf::FloatRect letter;   ///< top-left: the service letter ("C")
  sf::FloatRect key;      ///< top-right: a square holding the round number-key badge
  sf::FloatRect label;    ///< the middle: the service's label, very large
  sf::FloatRect waiting;  ///< bottom: how many people wait
};

/// The inner zones of the priority toggle.
struct ToggleParts {
  sf::FloatRect check;     ///< a square check box at the left, ticked when on
  sf::FloatRect sentence;  ///< "Ticket prioritaire : personnes âgées, …"
  sf::FloatRect state;     ///< right: "Oui" / "Non"
};

/// Type sizes in pixels (character sizes), the largest a text of that role may take.
enum class TextRole {
  header_small,  ///< agency name, clock
  title,         ///< "Choisissez votre démarche"; the message of closed/unreachable pages
  button,        ///< a service label
  large,         ///< lines of the confirmation page ("Gardez votre ticket")
  body,          ///< ordinary lines
  detail,        ///< reasons and hints
};

class KioskLayout {
 public:
  /// REQUIRES: both sides at least 200 px.
  explicit KioskLayout(sf::Vector2f window);

  sf::Vector2f window() const { return window_; }
  bool portrait() const { return window_.y > window_.x; }
  /// 1 % of the smaller side, in px.
  float unit() const { return unit_; }
  /// The space left between zones and around the screen's edge.
  float margin() const { return 2.f * unit_; }
  float text_size(TextRole role) const;

  // --- Home page ---
  /// The home page's header: agency name and clock on the first row, the title below.
  sf::FloatRect header() const { return header_; }
  sf::FloatRect header_name() const;
  sf::FloatRect header_clock() const;
  sf::FloatRect header_title() const;
  /// One rectangle per service, in the order of the view's services, filling a grid that keeps
  /// the buttons as large as possible (below the printer band when `banner`). Empty when `count`
  /// is 0.
  std::vector<sf::FloatRect> service_buttons(std::size_t count, bool banner = false) const;
  /// The band under the header saying that slips cannot be printed (view.printer_down).
  sf::FloatRect printer_banner() const { return banner_; }
  ButtonParts button_parts(const sf::FloatRect& button) const;
  sf::FloatRect priority_toggle() const { return toggle_; }
  ToggleParts toggle_parts() const;

  // --- Other pages ---
  /// A thin band at the top: agency name and clock (the first row of the home header).
  sf::FloatRect top_bar() const { return top_bar_; }
  /// confirmation / print_failed: the lines above the ticket number, the number itself (in
  /// landscape at least a quarter of the window's height; in portrait as wide as the window
  /// allows for a label like "C-042"), the lines below it, and the "touch to go back" hint.
  sf::FloatRect above_number() const { return above_; }
  sf::FloatRect ticket_number() const { return number_; }
  sf::FloatRect below_number() const { return below_; }
  sf::FloatRect footer() const { return footer_; }
  /// closed / unreachable: the message and its detail.
  sf::FloatRect message() const { return message_; }

  // --- Staff pages (staff_pin, staff) ---
  /// The page's title, under the top bar, and its message line at the bottom (left of close).
  sf::FloatRect staff_title() const { return staff_title_; }
  sf::FloatRect staff_message() const { return staff_message_; }
  sf::FloatRect staff_close() const { return staff_close_; }
  /// staff_pin: the dots of the code typed so far, and twelve keys in a 3 × 4 grid:
  /// "1"…"9", then Effacer, "0", Valider.
  sf::FloatRect pin_field() const { return pin_field_; }
  std::vector<sf::FloatRect> pin_keys() const;
  /// staff: how many ticket rows fit, and row `i`'s text and « Réimprimer » button.
  std::size_t staff_rows() const;
  sf::FloatRect staff_row_text(std::size_t i) const;
  sf::FloatRect staff_row_button(std::size_t i) const;
  /// Where a long press (3 s) opens the staff code page: the header on home, the top bar on
  /// closed and unreachable; nowhere on the other pages.
  bool staff_corner(const KioskView& view, sf::Vector2f point) const;

  // --- Input ---
  /// What a touch at `point` means on the view's page: a service button or the priority toggle
  /// on the home page (nothing while the view is busy); any touch dismisses confirmation and
  /// print_failed; nothing on closed and unreachable; keys, rows and « Fermer » on the staff
  /// pages.
  std::optional<Press> hit(const KioskView& view, sf::Vector2f point) const;
  /// What a key means: on the home page, 1–9 (top row or keypad) press the service whose key it
  /// is and P toggles priority (nothing while busy); Escape and Return dismiss confirmation and
  /// print_failed; F12 is the staff's reprint on every page, F11 opens the staff code page; on
  /// the code page digits type, Backspace erases, Return validates, Escape closes.
  std::optional<Press> key(const KioskView& view, sf::Keyboard::Key key) const;

 private:
  void place_home();
  void place_number_pages();
  void place_staff_pages();
  std::optional<Press> staff_hit(const KioskView& view, sf::Vector2f point) const;

  sf::Vector2f window_;
  float unit_;
  sf::FloatRect header_;
  sf::FloatRect grid_;
  sf::FloatRect banner_;
  sf::FloatRect grid_banner_;  ///< the grid below the printer band
  sf::FloatRect staff_title_, staff_message_, staff_close_, pin_field_, pin_keys_, staff_list_;
  sf::FloatRect toggle_;
  sf::FloatRect top_bar_;
  sf::FloatRect above_;
  sf::FloatRect number_;
  sf::FloatRect below_;
  sf::FloatRect footer_;
  sf::FloatRect message_;
};

}  // namespace pcn::kiosk
