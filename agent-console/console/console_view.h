// What the agent console's window shows at one moment: a plain value made by the
// ConsoleController (agent-console/console_controller.h) from the hub's state and the agent's
// input, drawn by ConsoleScreen (console_screen.h). Every sentence in it is French, ready to
// draw; drawing depends on this value and the window's size alone, so that every page can be
// rendered and checked in tests.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pcn::console {

enum class Page {
  setup,        ///< choose the counter and type the agent's name
  counter,      ///< the counter's work: the visitor being served, the actions, the queues
  transfer,     ///< over the counter page: which service to send the visitor to
  call_number,  ///< over the counter page: the ticket number to call, typed
  statistics,   ///< today's figures
  unprinted,    ///< every ticket of today whose slip did not print, kUnprintedPerPage a page
  reprint_number,  ///< over the counter page: the number of any ticket of today to reprint
  outcome,         ///< the visit's outcome, one line of choices per list (form_rows)
  outcome_number,  ///< over the statistics page: the number of today's ticket to correct
  workshop,        ///< a collective workshop without a ticket: theme, participants, duration
};

/// The rows of one page of the unprinted tickets' list (the smallest window holds this many
/// finger-sized rows).
inline constexpr std::size_t kUnprintedPerPage = 4;

/// A choice's index in Press and Button: line * kChoiceStride + choice (the outcome and
/// workshop pages; a line holds at most queue::OutcomeLists::kMaxChoices choices).
inline constexpr std::size_t kChoiceStride = 64;
inline constexpr std::size_t choice_index(std::size_t line, std::size_t choice) {
  return line * kChoiceStride + choice;
}

/// Whether `page` takes typed text (the agent's name, a ticket number to call or to reprint):
/// there, letter keys type and are not shortcuts.
bool takes_text(Page page);

/// How the status line reads: the outcome of the last action.
enum class Tone {
  neutral,  ///< nothing done yet, or a hint
  pending,  ///< a request is on its way to the hub
  success,
  failure,  ///< the hub refused (its reason) or did not answer (nothing changed)
};

struct StatusLine {
  Tone tone = Tone::neutral;
  std::string text;
  bool operator==(const StatusLine&) const = default;
};

/// The visitor being served at this counter.
struct Serving {
  std::string label;       ///< "C-042"
  char service_prefix = 'A';  ///< the service it is served for now (after transfers)
  std::string service;     ///< "CAFAT"
  std::string colour;      ///< the service's "#RRGGBB"
  bool priority = false;   ///< drawn as a "Prioritaire" badge
  std::string waited;      ///< "Attente : 12 min" (ticket taken → called)
  std::string at_counter;  ///< "Au guichet depuis 3:25" (called → now; runs)
  std::string calls;       ///< "Appelé 2 fois" after a recall; "" otherwise
  bool operator==(const Serving&) const = default;
};

/// One service of the agency on the counter page: its checkbox and its queue.
struct ServiceRow {
  char prefix = 'A';
  std::string label;     ///< "CAFAT"
  std::string colour;    ///< "#RRGGBB"
  bool served = false;   ///< this counter calls from it (the box is ticked)
  std::string waiting;   ///< "4 en attente", "Personne"
  std::string estimate;  ///< "≈ 12 min", "aucun guichet ouvert"
  bool operator==(const ServiceRow&) const = default;
};

/// A ticket of today whose slip did not print (print failed, as the hub last said), until a
/// reprint prints.
struct UnprintedRow {
  std::string label;   ///< "F-007"
  std::string reason;  ///< the kiosk's print error, "Plus de papier…"; "" when it gave none
  std::string asked;   ///< "Réimpression demandée à 09:14" once asked from this console; ""
  bool operator==(const UnprintedRow&) const = default;
};

/// A counter the agent may choose on the set-up page.
struct CounterChoice {
  int number = 1;
  std::string label;     ///< "Guichet 2"
  std::string services;  ///< "CAFAT, Factures, Identité numérique"
  std::string agent;     ///< who the hub says is at it now; "" when nobody
  bool operator==(const CounterChoice&) const = default;
};

/// A table of today's figures, as text cells (from report::Table).
struct StatsTable {
  std::string title;                           ///< "Tickets par service"
  std::vector<std::string> columns;            ///< column titles: "moyenne"
  std::vector<std::string> groups;             ///< per column, a title over several: "Attente"
  std::vector<bool> right_aligned;             ///< per column
  std::vector<std::vector<std::string>> rows;  ///< one cell per column
  bool last_row_is_total = false;
  bool operator==(const StatsTable&) const = default;
};

/// One choice of a line of the outcome or workshop page.
struct FormChoice {
  std::string label;    ///< from the agency's lists: "CAFAT", "Accompagné pas à pas"
  bool chosen = false;
  bool operator==(const FormChoice&) const = default;
};

/// One line of the outcome or workshop page: a pick-list, or one group of the themes.
struct FormRow {
  std::string title;  ///< "Partenaire"; for a group of themes, the group: "Démarches"
  std::string note;   ///< "plusieurs choix", "facultatif", "thème, plusieurs choix"
  bool optional = false;  ///< a profile line: drawn apart, visibly optional
  std::vector<FormChoice> choices;
  bool operator==(const FormRow&) const = default;
};

struct ConsoleView {
  Page page = Page::counter;

  // --- The header, on every page ---
  std::string agency_name;
  std::string counter_label;  ///< "Guichet 2"; "" on the set-up page before a choice
  std::string agent_name;
  std::string date_text;       ///< "lundi 23 novembre 2026", agency time zone
  std::string time_text;       ///< "09:14"
  std::string connection_text; ///< client::connection_text(): "Connecté", "Reconnexion…"
  bool live = false;           ///< the link to the hub is live (the connection badge's colour)
  /// The hub's link to the centre, under the connection in its badge ("Centre : à jour",
  /// "Centre : dernier envoi il y a 3 h"); "" when the agency does not ship to a centre, and
  /// while the link to the hub is not live (what the hub last said may be stale).
  std::string central_text = {};

  // --- The counter page (under its dialogs too) ---
  std::optional<Serving> serving;
  bool paused = false;
  bool busy = false;  ///< a request is pending: the action buttons are disabled
  std::vector<ServiceRow> services;  ///< every service of the agency, in the config's order
  /// Every ticket of today whose slip did not print, oldest first: one red row on the counter
  /// page (the ticket and its Réimprimer, or how many and "Voir la liste"), the whole list on
  /// the unprinted page.
  std::vector<UnprintedRow> unprinted;
  std::size_t unprinted_first = 0;  ///< the unprinted page: the index of its first row
  StatusLine status;

  // --- The set-up page ---
  std::vector<CounterChoice> counters;
  std::optional<std::size_t> chosen_counter;  ///< index in `counters`
  std::string name_input;                     ///< the agent's name as typed
  std::string setup_hint;        ///< what is missing, or why the choice was not saved
  bool setup_cancellable = false;  ///< already set up once: "Annuler" goes back

  // --- The transfer dialog: `services` are its buttons; the visitor's own is disabled ---
  // --- The call-number and reprint-number dialogs ---
  std::string number_input;  ///< as typed: "C42"
  std::string number_hint;   ///< "Exemple : C-042", or why the number is not valid
  bool number_invalid = false;

  // --- The statistics page ---
  std::string statistics_title;  ///< "Statistiques du lundi 23 novembre 2026"
  std::vector<StatsTable> statistics;

  // --- The outcome and workshop pages ---
  std::string form_title;  ///< "Bilan de la visite C-042 · CAFAT", "Atelier collectif…"
  std::vector<FormRow> form_rows;
  std::size_t form_focus = 0;   ///< the line whose choices the digit keys pick
  bool form_can_skip = false;   ///< "Passer" is offered (finishing a visit, not a correction)
  bool form_ready = true;       ///< "Valider" answers (a workshop needs its theme)
  std::string workshop_participants;  ///< "8 participants"
  std::string workshop_duration;      ///< "1 h 30"

  bool operator==(const ConsoleView&) const = default;  ///< redraw only when it changed
};

}  // namespace pcn::console
