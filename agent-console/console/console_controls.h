// The touchable things of the agent console's pages: which buttons a page has, what they say,
// their keyboard shortcut, and whether they answer now. A plain list that ConsoleLayout places,
// ConsoleScreen draws and tests read, so that the words on a button and what a touch or a key
// does there never disagree.
//
// Shortcuts, chosen for one hand on the keyboard's left and the space bar:
//   counter page: Espace or Entrée = Appeler le suivant, R = Rappeler, A = Absent, T = Terminé,
//                 V = Transférer vers…, N = Appeler un numéro…, P = Pause / Reprendre,
//                 S = Statistiques, I = Réimprimer un numéro…, L = the list of unprinted
//                 tickets (when there are several), F2 = Changer (counter or name)
//   transfer dialog: the service's letter; Échap = Annuler
//   call-number and reprint-number dialogs: typing goes into the field; Entrée = Appeler or
//                 Réimprimer, Échap = Annuler
//   unprinted tickets' page: 1…4 = Réimprimer that row, ← or Page précédente / → or Page
//                 suivante = the previous / next rows, I = Réimprimer un numéro…,
//                 Échap or Entrée = Retour
//   set-up page: typing goes into the name; F1…F9 = the counters; Entrée = Commencer,
//                Échap = Annuler (when already set up)
//   statistics: Échap, Entrée or S = Retour, C = Corriger un bilan…, A = Noter un atelier…
//   outcome page: F1…F11 or ↑ / ↓ = the line the digits choose in; 1…9, 0 = that line's
//                 choices (a line of one choice then moves to the next line); Entrée = Valider,
//                 F12 = Passer, Échap = Retour (nothing sent)
//   workshop page: F1, F2 or ↑ / ↓ and 1…9, 0 = the theme (one for the workshop); - / + =
//                 one participant less / more, ← / → = 15 min less / more; Entrée = Valider,
//                 Échap = Retour
// On pages that take text (takes_text()), letter keys only type.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "console/console_view.h"

namespace pcn::console {

enum class Control {
  // the counter page
  call_next,
  recall,
  no_show,
  finish,
  transfer,     ///< opens the transfer dialog
  call_number,  ///< opens the call-number dialog
  pause,
  resume,
  statistics,      ///< opens the statistics page
  change_setup,    ///< the header's "Changer": back to the set-up page
  toggle_service,  ///< a service's checkbox (index: in view.services)
  reprint,         ///< reprint view.unprinted[index] (the counter page's row, the list's rows)
  show_unprinted,  ///< opens the list of unprinted tickets
  reprint_number,  ///< opens the reprint-number dialog
  // the unprinted tickets' page
  previous_page,
  next_page,
  // the set-up page
  choose_counter,  ///< index: in view.counters
  start,
  // dialogs and pages over the counter page
  pick_service,  ///< transfer to view.services[index]
  confirm,       ///< call, or reprint, the typed number
  cancel,        ///< leave a dialog, the statistics page, or a set-up that changes nothing
  erase,         ///< delete the last typed character (Backspace)
  // the statistics page
  correct_outcome,  ///< opens the outcome-number dialog (« Corriger un bilan… »)
  workshop,         ///< opens the workshop page (« Noter un atelier… »)
  // the outcome and workshop pages
  form_line,    ///< a line's title: its line takes the digit keys (index: the line)
  form_choice,  ///< choose or un-choose a choice (index: choice_index(line, choice))
  skip,         ///< « Passer »: finish with no outcome ("non renseigné")
  participants_less,
  participants_more,
  minutes_less,  ///< 15 min less
  minutes_more,
};

/// What a touch or a key asks for.
struct Press {
  Control control = Control::call_next;
  std::size_t index = 0;  ///< toggle_service, choose_counter, pick_service, reprint
  bool operator==(const Press&) const = default;
};

struct Button {
  Control control = Control::call_next;
  std::size_t index = 0;
  std::string label;     ///< "Appeler le suivant"
  std::string shortcut;  ///< "Espace / Entrée", "R", "F1", "Échap"; "" when none
  bool enabled = true;   ///< a disabled button is drawn greyed and ignores touches and keys
  bool selected = false; ///< a ticked service, the chosen counter
  bool operator==(const Button&) const = default;
};

/// The buttons of the view's page, in drawing order. The counter page's actions are disabled
/// while a request is pending (view.busy), so that a double tap sends one request; those that
/// need a visitor at the counter (Rappeler, Absent, Terminé, Transférer) are disabled without
/// one, Pause while serving. The transfer dialog disables the visitor's own service. With one
/// unprinted ticket the counter page has its Réimprimer (reprint 0), with several "Voir la
/// liste"; the unprinted page has a Réimprimer for each of its rows (reprint, index in
/// view.unprinted), greyed while a request is pending like every request's button. The outcome
/// and workshop pages have, for each line, its title (form_line, F1…F11) and its choices
/// (form_choice; the focused line's carry the digits 1…9, 0), then Passer (F12, when
/// view.form_can_skip), Retour and Valider (greyed while a request is pending or the form is not
/// ready); the workshop page also its four − / + buttons.
std::vector<Button> buttons(const ConsoleView& view);

/// The button for `press` on the view's page, if it is there.
const Button* find_button(const std::vector<Button>& all, Control control, std::size_t index = 0);

}  // namespace pcn::console
