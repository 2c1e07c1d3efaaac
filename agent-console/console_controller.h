// The agent console's behaviour, without drawing: what a touch or a key does, and what the
// window shows (a console::ConsoleView) from the hub's state as the Client keeps it.
//
// Rules:
//  - Set-up: the counter and the agent's name come from ConsoleSettings (the command line, or
//    the choice kept from a previous start, console_choice.h). When either is missing the set-up
//    page asks for them; "Commencer" keeps the choice in the settings' file. "Changer" (F2)
//    brings the set-up page back.
//  - Once set up, and as soon as the hub is live, the controller tells the hub who is at the
//    counter: update_counter with the agent's name and the counter's services (as the hub has
//    them). Ticking a service's box sends update_counter with the new list.
//  - Every action goes through counter_action.h (the same requests and sentences as the command
//    line). The UI never waits: the request is sent with a handler; until its reply the status
//    line says "…" and every action button is disabled, so that a double tap sends one request.
//    The reply's sentence, the hub's refusal (its French reason), or "the hub did not answer,
//    nothing was changed" then stays on the status line until the next action.
//  - "Appeler un numéro…" checks the typed label (C-042, c42, C 42) before sending it.
//  - Unprinted slips: every ticket of today whose print is failed in the client's state (in any
//    state, oldest first) is listed, until the hub says it printed (a reprint that is asked
//    stays listed until then, marked "réimpression demandée à 09:14" once the hub accepted it
//    from this console). The counter page's red row reprints the only one, or opens the list
//    ("Voir la liste", L) of all of them, kUnprintedPerPage a page, each with its Réimprimer.
//    "Réimprimer un numéro…" (I) reprints any ticket of today by its number: the label is
//    looked up in the client's state first (counter_action.h reprint_action), an unknown one is
//    said in the dialog and nothing is sent. A reprint is a request like the others: one at a
//    time, buttons greyed meanwhile.
//  - "Statistiques" shows today's figures (report::compute over the client's tickets).
//  - The visit's outcome (issue #11): « Terminé » opens the outcome page (console/outcome_form.h)
//    for the visitor at the counter, and so does « Appeler le suivant » while one is still
//    there. « Valider » sends finish with the outcome (an outcome with nothing chosen is sent
//    as none), « Passer » finish without one ("non renseigné"); after « Appeler le suivant »
//    the call follows once the hub accepted the finish. « Retour » (Échap) goes back to the
//    counter page and sends nothing. Proposed: the partners and themes this console last
//    validated for the ticket's service (kept for the session), or else the service's partners
//    (ConsoleSettings::services; without them the service's code when it is a partner code: a
//    CAFAT ticket proposes CAFAT). Autonomy, result, orientation, first visit, the profile and
//    the equipment describe one person and are never proposed. The finish names the ticket: if
//    the counter holds another one by then, the hub refuses and nothing changes; the page closes
//    by itself when its ticket leaves the counter. A refused or unanswered finish brings the
//    page back with the agent's choices.
//  - On the statistics page, « Corriger un bilan… » (C) asks for the number of a ticket of today
//    that was served, then opens the outcome page filled with its outcome (the client's state);
//    « Valider » sends the correction (record_outcome). « Noter un atelier… » (A) opens the
//    workshop page: one theme, participants and duration (15 min steps); « Valider » sends it.
// Single-threaded: call press(), type() and tick() from the UI loop, where the Client is pumped.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agent-console/counter_action.h"
#include "client/client.h"
#include "console/console_controls.h"
#include "console/console_view.h"
#include "console/outcome_form.h"
#include "queue/counter.h"
#include "queue/opening_hours.h"
#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::agent_console {

struct ConsoleSettings {
  util::TimeZone zone = util::TimeZone::noumea();
  queue::OpeningHours hours = queue::OpeningHours::always();  ///< for the busy shares
  std::string agency_name;               ///< until the hub's snapshot gives it
  std::vector<queue::Counter> counters;  ///< the config's, until the snapshot gives the hub's
  std::string hub_endpoint;              ///< named when the hub does not answer
  /// Where "Commencer" keeps the choice (console_choice.h); empty: not kept.
  std::filesystem::path choice_file;
  std::optional<queue::CounterNumber> counter;  ///< known at start: no set-up page for it
  std::string agent;                            ///< known at start when not empty
  /// Send update_counter once set up (off for screenshots, which must change nothing).
  bool announce = true;
  /// Without an agent's name, open on the set-up page even when the counter is known (off for
  /// screenshots of a counter nobody set up at a console).
  bool ask_agent = true;
  /// The agency's pick-lists (the config's [outcome]): the outcome and workshop pages' lines.
  queue::OutcomeLists outcomes = queue::OutcomeLists::defaults();
  /// The config's services, for the partners each proposes (the hub's snapshot has none).
  queue::ServiceList services;
};

class ConsoleController {
 public:
  /// `client` and `clock` must outlive the controller.
  ConsoleController(client::Client& client, const util::Clock& clock, ConsoleSettings settings);
  ConsoleController(const ConsoleController&) = delete;
  ConsoleController& operator=(const ConsoleController&) = delete;

  /// A touch or a key (from console::ConsoleLayout). Ignored unless it is an enabled button of
  /// the page shown now.
  void press(const console::Press& p);
  /// A typed character, on the pages that take text (console::takes_text).
  void type(char32_t c);
  /// Sends what waits for the hub to be live (the counter's update); call a few times a second.
  void tick();
  console::ConsoleView view() const;

  /// No request is pending.
  bool idle() const { return !pending_; }
  std::optional<queue::CounterNumber> counter() const { return counter_; }
  const std::string& agent() const { return agent_; }
  /// Opens the outcome page as « Terminé » does, or, with nobody at the counter, an empty one
  /// for no ticket (screenshots). Sends nothing.
  void open_outcome_page();

 private:
  void counter_press(const console::Press& p);
  void setup_press(const console::Press& p);
  /// Cancel and erase, the same in both number dialogs; false for any other press.
  bool number_field_press(const console::Press& p);
  void call_number_press(const console::Press& p);
  void reprint_number_press(const console::Press& p);
  void unprinted_press(const console::Press& p);
  void open_number(console::Page page, console::Page back);
  void reprint(std::size_t index);
  void open_setup();
  void start();
  /// Sends `a`; once the hub accepted it, sends `then` (finish, then call the next visitor).
  void act(const CounterAction& a, std::optional<CounterAction> then = std::nullopt);
  // the outcome, correction and workshop pages
  enum class FormThen { finish, call_next, correct };
  struct VisitForm {
    console::OutcomeForm form;
    FormThen then = FormThen::finish;
    queue::TicketId ticket = 0;
    std::string label{};          // "C-042"
    char service = 'A';
    std::string service_label{};  // "CAFAT"
  };
  void open_outcome(FormThen then);
  void open_form(FormThen then, const queue::Ticket* ticket, queue::Outcome start);
  queue::Outcome proposed(char service) const;
  void form_press(const console::Press& p);
  void submit_outcome(bool with_outcome);
  /// The hub answered the finish or correction sent from the page: remember the choice, or
  /// bring the page back with the agent's choices (unless the visitor left the counter).
  void settle_form(bool accepted);
  std::optional<queue::TicketId> current_ticket() const;
  /// The outcome page of a ticket the counter no longer holds (another console called or
  /// finished, a transfer) closes, saying so: its outcome would land on someone else.
  void close_stale_form();
  void statistics_press(const console::Press& p);
  void outcome_number_press(const console::Press& p);
  void workshop_press(const console::Press& p);
  void fill_form(console::ConsoleView& v) const;
  void toggle_service(std::size_t index);
  void send_update(const std::string& services, bool announcing);
  void on_update(const util::Result<protocol::Json>& reply, bool announcing);

  std::vector<queue::Counter> choices() const;
  const queue::Counter* counter_state() const;
  std::string counter_label() const;
  void fill_header(console::ConsoleView& v) const;
  void fill_counter_page(console::ConsoleView& v) const;
  void fill_setup(console::ConsoleView& v) const;
  void fill_statistics(console::ConsoleView& v) const;
  std::optional<console::Serving> serving() const;
  std::vector<const queue::Ticket*> unprinted() const;  // print failed, oldest first
  std::vector<console::UnprintedRow> unprinted_rows() const;
  std::size_t unprinted_first() const;  // unprinted_first_, on a page that still exists

  client::Client& client_;
  const util::Clock& clock_;
  ConsoleSettings settings_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // replies after destruction

  console::Page page_ = console::Page::counter;
  std::optional<queue::CounterNumber> counter_;
  std::string agent_;
  bool announce_ = false;  // update_counter to send once live
  bool pending_ = false;
  console::StatusLine status_;
  // set-up page
  std::optional<std::size_t> chosen_;
  std::string name_input_;
  std::string setup_hint_;
  // unprinted tickets: the page's first row; when this console's reprints were accepted
  std::size_t unprinted_first_ = 0;
  std::map<queue::TicketId, std::string> asked_;  // "09:14"
  // call-number and reprint-number dialogs
  console::Page number_back_ = console::Page::counter;  // where the dialog goes back to
  std::string number_input_;
  std::string number_hint_;
  bool number_invalid_ = false;
  // the outcome page (finish, call next, correction) and the workshop page
  std::optional<VisitForm> visit_;
  std::optional<VisitForm> sending_;  // the form whose finish or correction is on its way
  std::map<char, queue::Outcome> remembered_;  // what was last validated, per service
  std::optional<console::OutcomeForm> workshop_;
  int participants_ = kWorkshopParticipants;
  int minutes_ = kWorkshopMinutes;
  static constexpr int kWorkshopParticipants = 5;  // proposed on opening the workshop page
  static constexpr int kWorkshopMinutes = 60;
  static constexpr int kWorkshopStep = 15;
};

}  // namespace pcn::agent_console
