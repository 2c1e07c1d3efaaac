// A small agency for engine and hub tests: services C (CAFAT), F (Factures), N (Identité
// numérique); counters 1 (C F), 2 (C N), 3 (F); open every day 07:30–15:30 in Nouméa.
#pragma once

#include "queue/engine.h"

namespace pcn::testing {

queue::AgencyRules test_rules();

/// Decides with `decision` and applies it; REQUIREs that it was accepted. Returns the change.
queue::Change accept(queue::Engine& engine, const queue::Engine::Decision& decision);

}  // namespace pcn::testing
