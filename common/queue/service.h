// A service is one kind of need a visitor comes for (CAFAT, bills, digital identity…). Its
// one-letter prefix numbers its tickets: C-001, C-002…
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace pcn::queue {

struct Service {
  char prefix = 'A';           ///< upper-case letter, unique in the agency
  std::string code;            ///< short identifier, e.g. "cafat"
  std::string label;           ///< French label shown to visitors, e.g. "CAFAT"
  std::string colour;          ///< "#RRGGBB", the button and display colour
  std::chrono::minutes typical_duration{10};  ///< time at the counter before any is measured
  /// Partner codes the outcome screen proposes for a ticket of this service (a CAFAT ticket:
  /// partner CAFAT) until the agent chooses others.
  std::vector<std::string> partners{};
};

using ServiceList = std::vector<Service>;

/// The service with `prefix`, or nullptr.
const Service* find_service(const ServiceList& services, char prefix);

}  // namespace pcn::queue
