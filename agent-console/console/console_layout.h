// Where things are in the agent console's window, for one window size and one view, and what a
// touch or a key means there. Pure geometry: no drawing, no fonts, so that it can be checked
// without a display.
//
// Window sizes from 1024x600 to 1920x1080 and beyond (landscape). The unit is 1 % of the
// window's smaller side. Every button is at least kTouch (64 px) high and wide, the largest being
// "Appeler le suivant"; buttons stay inside the window and never overlap one another; the header
// (agency, counter, agent, clock, connection) is on every page and the status line on the
// counter page and its dialogs.
//
// Counter page (landscape):
//   +-----------------------------------------------------------------------+
//   | agency / Guichet 2 · Marie   [Changer F2]      clock       connection  |
//   +-----------------------------------+-----------------------------------+
//   | the visitor served: C-042 (huge), | [      Appeler le suivant        ] |
//   | service, Prioritaire, times       | [ Terminé T ]     [ Rappeler R ]  |
//   | unprinted slips' row [Réimprimer] | [ Absent A ]      [ Transférer V ]|
//   | services: checkbox, waiting,      | [ Appeler un n° N][ Pause P ]     |
//   | estimate (a grid)                 | [ Statistiques S ][Réimprimer… I] |
//   +-----------------------------------+-----------------------------------+
//   | status line: the last action's outcome                                |
//   +-----------------------------------------------------------------------+
// The unprinted slips' row, only when there are some, is one finger-sized red row of two body
// lines: the ticket, the kiosk's reason and its Réimprimer, or with several, how many, which,
// and "Voir la liste".
//
// Outcome page (and the workshop page, its themes and its − / + buttons): a slimmer header,
// then one band per line of choices, each with its title cell at the left (title, note, F-key)
// and its choices side by side, as wide as their labels need; the profile lines after a gap.
// When the lines would be too low, two short lines of one choice share a band. At the bottom
// the form's title, then [Passer F12] [Retour Échap] [Valider Entrée] at the right.
//   +-----------------------------------------------------------------------+
//   | agency · Guichet 2 · Marie                      09:14     connection   |
//   | [F1 Partenaire  ] [CAFAT] [EEC] [Enercal] [Calédonienne des eaux] …    |
//   | [F2 Démarches   ] [Papiers et identité] [Social-santé] …              |
//   |  …                                                                     |
//   | [F8 Tranche d’âge] [Moins de 18 ans] …          (profile: pale, apart) |
//   | Bilan de la visite C-042 · CAFAT     [Passer F12][Retour Échap][Valider]|
//   +-----------------------------------------------------------------------+
//
// Unprinted tickets' page: the title and which rows ("1 à 4 sur 8"), kUnprintedPerPage rows
// (the ticket, the reason, [Réimprimer 1…4]), then [Précédents][Suivants] at the left and
// [Réimprimer un numéro… I][Retour] at the right.
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <cstddef>
#include <optional>
#include <vector>

#include "console/console_controls.h"
#include "console/console_view.h"

namespace pcn::console {

/// The smallest side of a touch target, in px.
inline constexpr float kTouch = 64.f;

/// Type sizes, the largest a text of that role may take (TextBlock shrinks to fit).
enum class TextRole {
  small,   ///< the agency's name, the clock, hints, table cells
  body,    ///< ordinary lines, service tiles
  button,  ///< the action buttons' labels
  title,   ///< page and dialog titles, the counter in the header
};

/// A button's inner zones: its label and the badge of its keyboard shortcut.
struct ButtonParts {
  sf::FloatRect label;
  sf::FloatRect shortcut;  ///< empty width when the button has no shortcut
  sf::FloatRect check;     ///< a service tile's checkbox; empty for other buttons
  sf::FloatRect detail;    ///< a tile's second line (waiting, estimate); empty for others
};

class ConsoleLayout {
 public:
  /// The layout of `view`'s page (it depends on its counts of services, counters, unprinted
  /// tickets and statistics rows). REQUIRES: both sides at least 200 px.
  ConsoleLayout(sf::Vector2f window, const ConsoleView& view);

  sf::Vector2f window() const { return window_; }
  float unit() const { return unit_; }
  float margin() const { return margin_; }
  float text_size(TextRole role) const;

  // --- The header ---
  sf::FloatRect header() const { return header_; }
  sf::FloatRect header_agency() const;      ///< small, above the counter
  sf::FloatRect header_counter() const;     ///< "Guichet 2 · Marie"
  sf::FloatRect header_date() const;  ///< small, above the time
  sf::FloatRect header_time() const;
  sf::FloatRect header_connection() const;  ///< a badge: coloured dot and the link's state

  // --- The counter page ---
  sf::FloatRect ticket_panel() const { return panel_; }
  sf::FloatRect ticket_caption() const;  ///< "Au guichet", "Aucun visiteur", "Guichet en pause"
  sf::FloatRect ticket_number() const;   ///< the number, as large as the panel allows
  sf::FloatRect ticket_badges() const;   ///< the service and "Prioritaire"
  sf::FloatRect ticket_times() const;    ///< waiting time, time at the counter, calls
  /// The unprinted slips' row: zero height when there are none; finger-sized otherwise.
  sf::FloatRect alerts() const { return alerts_; }
  /// Its two lines' boxes, beside its button, each at least a body line high: what (the
  /// ticket, or how many), then the detail (the reason, or the tickets).
  sf::FloatRect alert_text() const { return alert_text_; }
  sf::FloatRect alert_detail() const { return alert_detail_; }
  sf::FloatRect services_title() const { return services_title_; }
  sf::FloatRect status_line() const { return status_; }

  // --- Dialogs (transfer, call a number) over the counter page ---
  sf::FloatRect dialog() const { return dialog_; }
  sf::FloatRect dialog_title() const { return dialog_title_; }
  sf::FloatRect number_field() const { return number_field_; }
  sf::FloatRect number_hint() const { return number_hint_; }

  // --- The set-up page ---
  sf::FloatRect setup_title() const { return setup_title_; }
  sf::FloatRect name_label() const { return name_label_; }
  sf::FloatRect name_field() const { return name_field_; }
  sf::FloatRect setup_hint() const { return setup_hint_; }

  // --- The unprinted tickets' page ---
  sf::FloatRect unprinted_title() const { return unprinted_title_; }
  sf::FloatRect unprinted_range() const { return unprinted_range_; }  ///< "1 à 4 sur 8"
  /// The row of view.unprinted[index] and its parts (the ticket's label, the detail: reprint
  /// asked, the reason), when that row is on the page shown; its button is rect(reprint, index).
  std::optional<sf::FloatRect> unprinted_row(std::size_t index) const;
  std::optional<sf::FloatRect> unprinted_label(std::size_t index) const;
  std::optional<sf::FloatRect> unprinted_detail(std::size_t index) const;

  // --- The statistics page ---
  sf::FloatRect statistics_title() const { return statistics_title_; }
  /// One zone per table of view.statistics, in two columns balanced by their lines (a table
  /// stays whole in its column, the columns keep the tables' order); every table has the same
  /// line height, statistics_line(), and a zone just as high as its lines need.
  const std::vector<sf::FloatRect>& statistics_tables() const { return tables_; }
  float statistics_line() const { return table_line_; }
  /// The lines a table takes: its title, a row of groups when it has some, its column titles and
  /// its rows.
  static std::size_t table_lines(const StatsTable& table);

  // --- The outcome and workshop pages ---
  sf::FloatRect form_title() const { return form_title_; }
  /// The band of line `line` (its title cell and its choices), when the page has that line.
  std::optional<sf::FloatRect> form_row(std::size_t line) const;
  /// The largest size of the choices' labels (two lines each): one size for all of them.
  float form_text_size() const { return form_text_; }
  /// The workshop page's titles and values: "Participants" and "8 participants", "Durée" and
  /// "1 h 30", between their − and + buttons.
  sf::FloatRect participants_label() const { return participants_label_; }
  sf::FloatRect participants_value() const { return participants_value_; }
  sf::FloatRect minutes_label() const { return minutes_label_; }
  sf::FloatRect minutes_value() const { return minutes_value_; }

  // --- Buttons and input ---
  /// Where the button `control` (index: for the per-service and per-counter ones) is on the
  /// view's page; nullopt when the page has no such place.
  std::optional<sf::FloatRect> rect(Control control, std::size_t index = 0) const;
  ButtonParts parts(const Button& button, const sf::FloatRect& r) const;
  /// The enabled button of the view's page at `point`, if any.
  std::optional<Press> hit(const ConsoleView& view, sf::Vector2f point) const;
  /// What a key means on the view's page (see console_controls.h); nothing for a disabled button.
  std::optional<Press> key(const ConsoleView& view, sf::Keyboard::Key key) const;

 private:
  void place_counter_page(const ConsoleView& view);
  void place_left_column(const ConsoleView& view, const sf::FloatRect& left);
  void place_actions(const sf::FloatRect& right);
  void place_dialog(const ConsoleView& view);
  void place_setup(const ConsoleView& view);
  void place_statistics(const ConsoleView& view);
  void place_unprinted(const ConsoleView& view);
  std::optional<std::size_t> slot_of(std::size_t index) const;  // row on the unprinted page
  std::optional<Press> unprinted_key(const ConsoleView& view, sf::Keyboard::Key key) const;
  std::optional<Press> counter_key(const ConsoleView& view, sf::Keyboard::Key key) const;
  std::optional<Press> form_key(const ConsoleView& view, sf::Keyboard::Key key) const;
  void place_form(const ConsoleView& view);
  void place_form_line(const FormRow& row, const sf::FloatRect& box, float gap);
  void place_workshop_counts(const sf::FloatRect& band, float gap);

  sf::Vector2f window_;
  float unit_;
  float margin_;
  Page page_;
  sf::FloatRect header_;
  sf::FloatRect body_;  // between the header and the status line
  sf::FloatRect status_;
  // counter page
  sf::FloatRect panel_, alerts_, alert_text_, alert_detail_, alert_button_, services_title_;
  sf::FloatRect call_next_, finish_, recall_, no_show_, transfer_, call_number_, pause_,
      statistics_, reprint_number_, change_;
  std::vector<sf::FloatRect> service_tiles_;
  // dialogs
  sf::FloatRect dialog_, dialog_title_, number_field_, number_hint_, dialog_cancel_, confirm_;
  std::vector<sf::FloatRect> transfer_buttons_;
  // set-up
  sf::FloatRect setup_title_, name_label_, name_field_, setup_hint_, start_, setup_cancel_;
  std::vector<sf::FloatRect> counter_buttons_;
  // the unprinted tickets' page
  std::size_t unprinted_first_ = 0;
  std::size_t unprinted_shown_ = 0;  // rows on the page shown
  sf::FloatRect unprinted_title_, unprinted_range_, previous_, next_, list_reprint_number_,
      list_back_;
  std::vector<sf::FloatRect> rows_, row_labels_, row_details_, row_buttons_;
  // the outcome and workshop pages: per line, its band, title cell and choices
  std::vector<sf::FloatRect> form_rows_, form_titles_;
  std::vector<std::vector<sf::FloatRect>> form_choices_;
  sf::FloatRect form_title_, skip_, form_back_, validate_;
  sf::FloatRect participants_less_, participants_more_, minutes_less_, minutes_more_;
  sf::FloatRect participants_label_, participants_value_, minutes_label_, minutes_value_;
  float form_text_ = 0.f;
  // statistics
  sf::FloatRect statistics_title_, back_, correct_outcome_, workshop_;
  std::vector<sf::FloatRect> tables_;
  float table_line_ = 0.f;
};

}  // namespace pcn::console
