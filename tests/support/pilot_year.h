// The benchmarks' year of the pilot (pcn-bench-central-report, pcn-bench-dashboard): SQL that
// fills agencies, agency_stores and pilot_tickets with `agencies` agencies × 365 days of 2025,
// 183 tickets per agency and day (about 4 million for 60), three services, waits and times at
// the counter that vary, outcomes on served tickets.
#pragma once

#include <string>

namespace pcn::testing {

std::string synthetic_year(int agencies);

}  // namespace pcn::testing
