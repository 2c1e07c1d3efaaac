// A counter (guichet) where an agent serves visitors, and its live state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "queue/ticket.h"

namespace pcn::queue {

/// A planned break of a counter, in local minutes of the day: [from, to).
struct CounterBreak {
  int from = 0;
  int to = 0;
};

struct Counter {
  CounterNumber number = 1;
  std::string label;              ///< "Guichet 2"
  std::string services;           ///< prefixes it calls from, e.g. "CFN"
  bool paused = false;
  std::optional<TicketId> current;  ///< ticket being served, if any
  std::string agent;              ///< agent's name, as given at the console
  /// Planned breaks from the config ([[counters]] breaks), the same every open day; the wait
  /// estimate expects the counter to pause at the first free moment in one and resume at its end.
  std::vector<CounterBreak> breaks{};

  bool serves(char prefix) const { return services.find(prefix) != std::string::npos; }
};

}  // namespace pcn::queue
