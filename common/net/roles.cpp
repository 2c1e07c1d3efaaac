#include "net/roles.h"

#include <algorithm>

namespace pcn::net {

bool is_known_role(std::string_view role) {
  return std::find(kClientRoles.begin(), kClientRoles.end(), role) != kClientRoles.end();
}

bool is_agency_role(std::string_view role) { return role == kAgencyRole; }

bool is_key_role(std::string_view role) {
  return role == kHubRole || role == kCentralRole || is_agency_role(role) || is_known_role(role);
}

}  // namespace pcn::net
