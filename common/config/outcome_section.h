// The outcome part of the agency configuration: the [outcome] table's pick-lists, and the
// partners each service proposes (services[N].partners). See examples/agence-bourail.toml.
//
//   [outcome]
//   partner = [ { code = "cafat", label = "CAFAT" }, … ]
//   theme = [ { code = "papiers", label = "Papiers et identité", group = "Démarches" }, … ]
//
// A list given replaces that list's default entirely; a list left out keeps the pilot's defaults
// (queue::OutcomeLists::defaults()). Each entry: code [a-z0-9_] of 1–32 bytes, unique in its
// list; label not empty; group (themes only) optional. A list has 1 to 60 entries. Problems fail
// with bad_config naming the file, line and key, e.g. "outcome.partner[3].code".
#pragma once

#include "config/table_reader.h"
#include "queue/outcome.h"
#include "queue/service.h"
#include "util/result.h"

namespace pcn::config {

/// [outcome]: the lists, each checked completely.
util::Result<queue::OutcomeLists> read_outcome_lists(const TableReader& root);

/// Sets each service's proposed partners: services[N].partners when given (codes of the partner
/// list, checked, each at most once), else the partner whose code is the service's code, if any.
/// REQUIRES: `services` were read from the same root, in the file's order.
util::Status resolve_partners(const TableReader& root, const queue::OutcomeLists& lists,
                              queue::ServiceList& services);

}  // namespace pcn::config
