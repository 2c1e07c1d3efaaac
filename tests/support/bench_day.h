// A busy business day for the benchmarks: `total` tickets of today (in the agency's time zone),
// spread from midnight to now over the given services in turn, one in twenty priority; all served
// (done, printed, at counter 1 or 2) except the last `waiting`, still waiting. Written through
// the real SqliteStore, so a hub started on the file loads them as it would after a crash.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "queue/engine.h"
#include "queue/ticket.h"
#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::bench {

struct DayShape {
  int total = 20000;
  int waiting = 2000;           ///< the last ones; REQUIRES: waiting <= total
  std::string services = "CF";  ///< prefixes, used in turn
};

/// The day's tickets, ids 1..total.
std::vector<queue::Ticket> busy_day(const DayShape& shape, const util::TimeZone& zone,
                                    util::TimePoint now);

/// The same day as an engine restores it from the store.
queue::EngineState busy_day_state(const DayShape& shape, const util::TimeZone& zone,
                                  util::TimePoint now);

/// Commits busy_day() to the SQLite store at `file` (created if missing), 500 tickets per
/// transaction; ends pcn-bench with a message when the store refuses.
void write_busy_day(const std::filesystem::path& file, const DayShape& shape,
                    const util::TimeZone& zone, util::TimePoint now);

}  // namespace pcn::bench
