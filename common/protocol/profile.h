// What the centre needs of an agency's config to compute its report with the agency's own
// definitions (report/figures.h): its services, counters, opening hours and outcome pick-lists.
// A hub sends it with its first ship after every (re)connection (protocol/ship.h); the centre
// keeps the one it received last for the agency (agencies.profile: an agency ships from one
// hub). Codes and labels only: nothing about a person.
//
//   {"services": [<Service, § 5>…], "counters": [{"number": 1, "label": "Guichet 1",
//    "services": "CFN"}…], "hours": [[{"open": 450, "close": 690}…] × 7, Monday first],
//    "outcomes": {"partner": [{"code": "cafat", "label": "CAFAT", "group": ""}…], …}}
#pragma once

#include <string>
#include <vector>

#include "protocol/fields.h"
#include "queue/counter.h"
#include "queue/opening_hours.h"
#include "queue/outcome.h"
#include "queue/service.h"
#include "util/result.h"

namespace pcn::protocol {

struct AgencyProfile {
  queue::ServiceList services{};
  std::vector<queue::Counter> counters{};  ///< number, label, services (no live state)
  queue::OpeningHours hours = queue::OpeningHours::always();
  queue::OutcomeLists outcomes = queue::OutcomeLists::defaults();
};

inline constexpr std::size_t kMaxProfileServices = 26;
inline constexpr std::size_t kMaxProfileCounters = 99;
inline constexpr std::size_t kMaxProfileIntervals = 48;  ///< per weekday

Json encode(const AgencyProfile& profile);
/// Reads a profile; fails naming the first wrong member ("profile.hours[2][0].close"…), or a list
/// longer than its cap above (OutcomeLists::kMaxChoices per pick-list).
util::Result<AgencyProfile> decode_profile_at(const Json& j, const std::string& path);

}  // namespace pcn::protocol
