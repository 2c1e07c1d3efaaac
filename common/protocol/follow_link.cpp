#include "protocol/follow_link.h"

namespace pcn::protocol {

std::string FollowLink::url(const std::string& agency, util::LocalDate day,
                            std::int64_t ticket) const {
  return base + follow_token(key, agency, day, ticket);
}

}  // namespace pcn::protocol
