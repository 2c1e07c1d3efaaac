// The roles a CurveZMQ key may carry. Net keeps them as validated strings so that it does not
// depend on the protocol module; the hub maps a client role onto protocol::Role.
#pragma once

#include <array>
#include <string_view>

namespace pcn::net {

/// The role of the hub's own key pair. Never a client role: the hub is not on its allow-list.
inline constexpr std::string_view kHubRole = "hub";

/// The client roles, in the order keygen_agency creates them.
inline constexpr std::array<std::string_view, 4> kClientRoles = {"kiosk", "display", "agent",
                                                                 "supervisor"};

/// The centre's own key pair (pcn-central): the server the agencies' hubs ship to.
inline constexpr std::string_view kCentralRole = "central";
/// An agency's shipping key, named after the agency's id: the centre's only client role.
inline constexpr std::string_view kAgencyRole = "agency";

/// True for a client role: "kiosk", "agent", "display" or "supervisor".
bool is_known_role(std::string_view role);

/// True for the centre's client role, "agency".
bool is_agency_role(std::string_view role);

/// Which client roles an allow-list admits: the hub's (is_known_role) or the centre's.
using RoleFilter = bool (*)(std::string_view role);

/// True for a role a key file may carry: a client role, "hub", "central" or "agency".
bool is_key_role(std::string_view role);

}  // namespace pcn::net
