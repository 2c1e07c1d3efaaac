// How the queue orders and recycles tickets; set per agency in the config's [queue] table.
#pragma once

#include <optional>
#include <string_view>

namespace pcn::queue {

/// Where a transferred ticket goes in its new service's line.
enum class Placement {
  arrival,  ///< by its original issue time (it does not lose the time already waited)
  end,      ///< behind everybody waiting now
  front,    ///< before every waiting ticket of the same priority
};

std::string_view to_string(Placement p);
std::optional<Placement> placement_from(std::string_view s);

struct QueuePolicy {
  /// Priority tickets go first, but at most this many priority calls in a row while a normal
  /// ticket that the counter could call is waiting. 0 disables priority.
  int priority_max_in_row = 2;
  /// A no-show goes back to the waiting line this many times, then is closed as absent.
  int no_show_requeues = 1;
  Placement transfer_placement = Placement::arrival;
  /// How many of today's visits the wait estimate needs before it trusts today's times as much
  /// as the previous days' (wait_estimate.h).
  int wait_samples = 10;
};

/// The call rule's priority turn (engine.h): whether a counter calls its oldest priority ticket
/// rather than its oldest normal one. `streak`: priority calls made in a row while a normal ticket
/// was waiting.
inline bool priority_turn(bool priority_waiting, bool normal_waiting, int streak,
                          const QueuePolicy& policy) {
  return priority_waiting && (!normal_waiting || streak < policy.priority_max_in_row);
}

}  // namespace pcn::queue
