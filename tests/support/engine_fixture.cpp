#include "support/engine_fixture.h"

#include <doctest/doctest.h>

namespace pcn::testing {

queue::AgencyRules test_rules() {
  queue::AgencyRules rules;
  rules.services = {
      {'C', "cafat", "CAFAT", "#0072BC", std::chrono::minutes(15)},
      {'F', "factures", "Factures EEC / Enercal / CDE", "#F39200", std::chrono::minutes(10)},
      {'N', "identite", "Identité numérique", "#009A44", std::chrono::minutes(20)},
  };
  rules.counters = {
      {1, "Guichet 1", "CF", false, std::nullopt, ""},
      {2, "Guichet 2", "CN", false, std::nullopt, ""},
      {3, "Guichet 3", "F", false, std::nullopt, ""},
  };
  for (int d = 0; d < 7; ++d) rules.hours.set_day(d, {{7 * 60 + 30, 15 * 60 + 30}});
  return rules;
}

queue::Change accept(queue::Engine& engine, const queue::Engine::Decision& decision) {
  if (!decision.ok()) FAIL("refused: " << decision.error().to_string());
  engine.apply(decision.value());
  return decision.value();
}

}  // namespace pcn::testing
