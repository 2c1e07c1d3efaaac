// The address a slip's QR code carries for « suivre mon ticket » (issue #13): the centre's
// public page (the agency config's [central] suivi) followed by the ticket's token
// (protocol/follow_token.h), e.g.
// "https://pcn-central.example.nc/suivre/bourail.20261203.1042.q3X…".
#pragma once

#include <cstdint>
#include <string>

#include "protocol/follow_token.h"
#include "util/time_zone.h"

namespace pcn::protocol {

struct FollowLink {
  std::string base;  ///< "https://pcn-central.example.nc/suivre/", as configured (checked there)
  FollowKey key{};   ///< the agency's follow key

  /// base + follow_token(key, agency, day, ticket).
  std::string url(const std::string& agency, util::LocalDate day, std::int64_t ticket) const;
};

}  // namespace pcn::protocol
