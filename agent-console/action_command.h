// `agent-console --counter N ACTION` and `agent-console status`, over client options, for the
// command line and for tests: one counter action sent to the hub, its outcome printed as one
// French sentence or as one JSON object. The visit's outcome (finish [options], outcome NUMBER
// [options], outcome --list) and workshops are read by outcome_options.h.
//
// Exit codes (kExit*): 0 done; 1 refused by the hub (its French reason is printed) or the client
// could not start (unusable key, invalid endpoint); 2 bad command line (nothing was sent);
// 4 the hub did not answer (nothing was changed).
//
// JSON (--json): exactly one object on `out` followed by a newline, nothing on `err`:
//   done:    {"ok":true,"action":"call-next","counter":2,"message":"Guichet 2 : C-042 (CAFAT)
//             appelé","ticket":<Ticket>|null,"counter_state":<Counter>|null,"seq":120}
//            (ticket and counter_state as in docs/protocol.md § 5, after the change; ticket is
//            null for pause, resume and workshop; counter_state is null for reprint and outcome;
//            "counter" is null for an outcome corrected without --counter)
//            workshop adds "workshop":<Workshop> (as the hub's reply has it)
//   outcome --list: the lists themselves, one object with no other member:
//            {"partner":[{"code":"cafat","label":"CAFAT"},…],"theme":[{"code":"papiers",
//             "label":"Papiers et identité","group":"Démarches"},…],"autonomy":[…],…}
//   status:  {"ok":true,"action":"status","counter":2|null,"message":"<the status text>",
//             "snapshot":<the hub's snapshot result, docs/protocol.md § 6>}
//   failed:  {"ok":false,"action":"call-next","counter":2,"error":{"code":"queue_empty",
//             "message":"Personne n’attend pour les services du guichet 2."}}
//            code: the hub's error code (docs/protocol.md § 7), "unreachable", or
//            "bad_command_line"; "counter" is null when none was given.
// Plain text: the sentence (or the status text) on `out`; failures as "agent-console : <French
// message>" on `err`, nothing on `out`.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "agent-console/counter_action.h"
#include "agent-console/outcome_options.h"
#include "client/client.h"
#include "queue/counter.h"
#include "queue/service.h"
#include "util/result.h"

namespace pcn::agent_console {

inline constexpr int kExitDone = 0;
inline constexpr int kExitRefused = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreachable = 4;

/// Error code of a command line that cannot be run (exit 2).
inline constexpr std::string_view kBadCommandLine = "bad_command_line";

/// Sends `action` once and prints its outcome. First says `hello` (a hub that does not answer
/// it is never sent the action), then sends the action's request. A reprint or an outcome whose
/// `ticket` is 0 is first resolved from its label (`number`) in a snapshot of the hub
/// (reprint_action, outcome_action): a label that is no ticket of the day is refused (exit 1,
/// "unknown_ticket") and nothing is sent. An outcome whose `counter` is 0 is sent without
/// args.counter. The client retries a request with the same number (the hub runs it once);
/// after its last try the request can no longer reach the hub, so "unreachable" means not done.
/// `options.follow` is ignored (one-shot client). `services` (the config's) give the service
/// labels of the sentences; without them, services are named by their letter.
int run_action(client::ClientOptions options, const CounterAction& action, bool json,
               std::ostream& out, std::ostream& err, const queue::ServiceList& services = {});

/// `outcome --list`: the agency's pick-lists on `out`, as outcome_lists_text or, with `json`, as
/// outcome_lists_json on one line. Needs no hub; returns kExitDone.
int run_outcome_list(const queue::OutcomeLists& lists, bool json, std::ostream& out);

/// `status`: the text of status_report (with `counter`, that counter's line first, then a blank
/// line). A counter the hub does not know is refused (exit 1, "Guichet inconnu : N.").
int run_status_command(client::ClientOptions options, std::optional<queue::CounterNumber> counter,
                       bool json, std::ostream& out, std::ostream& err);

/// Prints `error` as run_action does (text on `err`, or the JSON failure on `out`; `action`
/// nullopt means status) and returns its exit code: kExitUsage for kBadCommandLine,
/// kExitUnreachable for kUnreachable, else kExitRefused. For the command line's own failures
/// (bad words, unreadable config or key).
int print_failure(const util::Error& error, std::optional<Action> action,
                  std::optional<queue::CounterNumber> counter, bool json, std::ostream& out,
                  std::ostream& err);

// --- Reading the command line's words (pure; errors have code kBadCommandLine) ---

/// A counter number as typed after --counter (status: any number; the hub says if it exists).
util::Result<queue::CounterNumber> counter_number(const std::string& typed);

/// The counter after --counter: a number among `counters` (the agency's configuration). Fails
/// naming the known counters when it is empty, not a number, or not configured.
util::Result<queue::CounterNumber> counter_argument(const std::string& typed,
                                                    const std::vector<queue::Counter>& counters);

/// A service as typed for `transfer`: its prefix letter, its label or its code, ignoring case
/// (accented capitals included: "IDENTITÉ NUMÉRIQUE"), accents as written. Fails naming the
/// known services.
util::Result<char> service_argument(std::string_view typed, const queue::ServiceList& services);

/// A ticket number as typed for `call`: "C-042", "c42", "C 42"; returns the label "C-042".
util::Result<std::string> ticket_argument(std::string_view typed);

/// The action the command line asks for: `counter` as typed after --counter, `words` the
/// action's argument (SERVICE, or NUMBER for call and reprint; several words are joined with
/// spaces, so `transfer Identité numérique` needs no quotes). A reprint's ticket id is left 0:
/// run_action resolves it.
util::Result<CounterAction> counter_action_from(Action action, const std::string& counter,
                                                const std::vector<std::string>& words,
                                                const std::vector<queue::Counter>& counters,
                                                const queue::ServiceList& services);

/// counter_action_from for every action, with the options of finish, outcome and workshop read
/// against the agency's `lists` (outcome_options.h):
///  - finish: `outcome` gives CounterAction::outcome (none given: nullopt, "non renseigné");
///  - outcome: `words` is NUMBER (required, read as ticket_argument), `counter` optional ("" →
///    counter 0: none is sent), at least one outcome option (the new outcome replaces the old);
///    the ticket id is left 0 (run_action resolves it);
///  - workshop: --counter required, `workshop` gives theme, participants and minutes.
/// Other actions: counter_action_from. Every failure has code kBadCommandLine.
util::Result<CounterAction> visit_action_from(Action action, const std::string& counter,
                                              const std::vector<std::string>& words,
                                              const OutcomeOptions& outcome,
                                              const WorkshopOptions& workshop,
                                              const std::vector<queue::Counter>& counters,
                                              const queue::ServiceList& services,
                                              const queue::OutcomeLists& lists);

}  // namespace pcn::agent_console
