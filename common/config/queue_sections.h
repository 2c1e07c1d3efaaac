// The queue part of the agency configuration: [hours], [[services]], [[counters]] and [queue].
// Each reader checks its section completely and fails with the first bad_config Error (see
// table_reader.h for how errors are placed).
#pragma once

#include <vector>

#include "config/table_reader.h"
#include "queue/counter.h"
#include "queue/opening_hours.h"
#include "queue/policy.h"
#include "queue/service.h"
#include "util/result.h"

namespace pcn::config {

/// [hours] monday … sunday = "07:30-11:30, 12:15-15:30" | "fermé". No [hours] table: always
/// open; a day left out: closed.
util::Result<queue::OpeningHours> read_hours(const TableReader& root);

/// [[services]]: at least one; prefix a single letter A–Z, prefix and code unique, label
/// required, colour #RRGGBB, typical_minutes 1..240 (default 10).
util::Result<queue::ServiceList> read_services(const TableReader& root);

/// [[counters]]: at least one; number 1..99 and unique, label required, services a non-empty
/// list of prefixes of `services` (kept in the file's order, repeats dropped). Not paused.
util::Result<std::vector<queue::Counter>> read_counters(const TableReader& root,
                                                        const queue::ServiceList& services);

/// [queue]: priority_max_in_row >= 0, no_show_requeues >= 0, transfer_placement
/// "arrival" | "end" | "front", wait_samples 1..100. Absent keys keep QueuePolicy's defaults.
util::Result<queue::QueuePolicy> read_policy(const TableReader& root);

}  // namespace pcn::config
