// The kiosk's settings from the agency config.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "config/agency_config.h"
#include "protocol/follow_link.h"
#include "ticket-printer/kiosk_controller.h"

namespace pcn::ticket_printer {

KioskSettings kiosk_settings(const config::AgencyConfig& config);

/// KioskSettings::follow for the kiosk that hosts the hub of agency `agency`: each ticket's
/// address on the centre's page made with `link`; an empty function without a link.
std::function<std::string(const queue::Ticket&)> follow_of(std::optional<protocol::FollowLink> link,
                                                           std::string agency);

}  // namespace pcn::ticket_printer
