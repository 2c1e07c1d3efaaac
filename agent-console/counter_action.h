// What an agent does at a counter, as the command line and the window both send it: one action,
// the request it becomes (docs/protocol.md), and the French sentence that tells the agent what
// happened. The window and `agent-console --counter N ACTION` share this, so they say the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "client/client.h"
#include "protocol/messages.h"
#include "queue/counter.h"
#include "util/result.h"

namespace pcn::agent_console {

enum class Action {
  call_next,
  recall,
  no_show,
  finish,
  transfer,
  call_number,
  pause,
  resume,
  reprint,  ///< the kiosk prints a ticket's slip again (a duplicate); see reprint_action()
  outcome,   ///< corrects the outcome of one of today's served tickets (request record_outcome)
  workshop,  ///< records a collective workshop without a ticket (request record_workshop)
};

/// The command-line word: "call-next", "recall", "no-show", "finish", "transfer", "call",
/// "pause", "resume", "reprint", "outcome", "workshop".
std::string_view command_word(Action a);
std::optional<Action> action_from_word(std::string_view word);

struct CounterAction {
  Action action = Action::call_next;
  queue::CounterNumber counter = 1;
  char service = 'A';   ///< transfer: the service to send the visitor to
  std::string number;   ///< call_number: the ticket as typed, e.g. "C-042" or "c42";
                        ///< reprint: the ticket's label, "C-042"
  queue::TicketId ticket = 0;  ///< reprint, outcome: today's ticket labelled `number`; finish:
                               ///< when not 0, the ticket it must be (else refused)
  /// finish: the visit's outcome (nullopt: "non renseigné", as "Passer"); outcome: the new one.
  std::optional<queue::Outcome> outcome{};
  queue::Workshop workshop{};  ///< workshop: theme, participants, minutes (counter: `counter`)
};

/// The reprint of today's ticket `label` ("C-042", "c42" or "C 42"), asked from `counter`: the
/// label is looked up among the tickets of `state` (a live client's state, or a snapshot loaded
/// into a QueueState), in any state. Fails with code "unknown_ticket" and the hub's French
/// sentence ("Aucun ticket « C-042 » aujourd’hui.") when no ticket of the day has that label or
/// when `label` is not a ticket label. The result goes to request_for() (request "reprint",
/// args {"ticket": id, "counter": counter}) like any other action; describe_success() then says
/// "Réimpression du ticket C-042 demandée à la borne.".
util::Result<CounterAction> reprint_action(queue::CounterNumber counter, std::string_view label,
                                           const client::QueueState& state);

/// The correction of the outcome of today's ticket `label`, from `counter`: the ticket is found
/// as reprint_action finds it (same refusals); request "record_outcome", args {"ticket": id,
/// "counter": counter, "outcome": <Outcome>|null}.
util::Result<CounterAction> outcome_action(queue::CounterNumber counter, std::string_view label,
                                           std::optional<queue::Outcome> outcome,
                                           const client::QueueState& state);

/// The request type and args for `a` (e.g. "transfer", {"counter":2,"service":"F"}; finish with
/// an outcome adds "outcome"; workshop: {"counter","theme","participants","minutes"}).
struct RequestSpec {
  std::string type;
  protocol::Json args;
};
RequestSpec request_for(const CounterAction& a);

/// The French sentence for a successful reply's result ({"ticket":…, "counter":…}), e.g.
/// "Guichet 2 : C-042 (CAFAT) appelé", "Guichet 2 : C-042 envoyé vers Factures",
/// "Guichet 2 en pause". `state` gives service labels (may be empty: prefixes are used).
std::string describe_success(const CounterAction& a, const protocol::Json& result,
                             const client::QueueState& state);

/// The French sentence for a failure: the hub's refusal message as it came (already French), or
/// for "unreachable" (code kUnreachable, from client::Client) a sentence saying the hub (at
/// `hub_endpoint`, when given) did not answer, what was not done, and that nothing was changed.
/// `state` gives service labels for that sentence (may be empty).
std::string describe_failure(const CounterAction& a, const util::Error& error,
                             const std::string& hub_endpoint = {},
                             const client::QueueState& state = client::QueueState{});

/// The error code of a request the hub never answered (client::Client, after its last try).
inline constexpr std::string_view kUnreachable = "unreachable";

/// What `a` does, as a short French phrase: "appeler le suivant", "transférer vers Factures",
/// "appeler C-042"… (for sentences such as the unreachable one).
std::string action_phrase(const CounterAction& a,
                          const client::QueueState& state = client::QueueState{});

}  // namespace pcn::agent_console
