// A counter (guichet) where an agent serves visitors, and its live state.
#pragma once

#include <optional>
#include <string>

#include "queue/ticket.h"

namespace pcn::queue {

struct Counter {
  CounterNumber number = 1;
  std::string label;              ///< "Guichet 2"
  std::string services;           ///< prefixes it calls from, e.g. "CFN"
  bool paused = false;
  std::optional<TicketId> current;  ///< ticket being served, if any
  std::string agent;              ///< agent's name, as given at the console

  bool serves(char prefix) const { return services.find(prefix) != std::string::npos; }
};

}  // namespace pcn::queue
