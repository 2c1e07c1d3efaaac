// "Suivre mon ticket": what the public page of a slip's QR code shows (issue #13), from what the
// agency's hub shipped to the centre (near real time while its link is up).
//
// The token (protocol/follow_token.h) names the agency, the day and the ticket and is checked
// against the agency's follow key; nothing else is looked up. It is good only on its own
// business day (the agency's time zone). When the centre has heard nothing from the agency for
// kLinkTimeout (a caught-up hub sends a keep-alive every 10 s), the page says the information
// is not available rather than showing figures that may be stale.
//
// People ahead: queue::tickets_ahead (priority turns, as the hub's default). Estimate: the hub's
// own method (queue/wait_estimate.h) over the day's tickets, the counters of the agency's
// profile counting as open when they called someone in the last kOpenCounterWindow (the centre
// does not receive the counters' pauses as such; without a profile, the counters seen in the
// day's calls, serving what they called); no estimate when none did.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "central/pg_connection.h"
#include "util/clock.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::dashboard {

inline constexpr std::chrono::seconds kLinkTimeout{30};
inline constexpr std::chrono::minutes kOpenCounterWindow{30};

struct FollowStatus {
  enum class Kind {
    invalid,    ///< not a token, unknown agency, wrong mac, unknown ticket
    other_day,  ///< the token's day is not today
    link_down,  ///< the agency's link is silent: nothing shown
    waiting,
    called,     ///< at a counter now
    finished,   ///< served, absent or not served: the visit is over
    pending,    ///< a good token whose ticket has not reached the centre yet (a second or so)
  };
  Kind kind = Kind::invalid;
  std::string agency_name{};
  util::LocalDate day{};
  std::string label{};          ///< "C-017"
  std::string service_label{};
  int ahead = 0;
  /// queue::ticket_wait_text of the forecast; empty when it would repeat "Vous êtes le prochain".
  std::string wait_text{};
  std::string counter_label{};  ///< called: "Guichet 2"
  std::string state{};          ///< finished: "done", "absent", "unserved"
  std::string updated{};        ///< "14:02": when the centre last heard from the agency
};

/// What the page of `token` shows at `now`. "central_db" when the database fails.
util::Result<FollowStatus> follow_status(const central::PgConnection& db, const std::string& token,
                                         util::TimePoint now);

}  // namespace pcn::dashboard
