// The kiosk's settings from the agency config.
#pragma once

#include "config/agency_config.h"
#include "ticket-printer/kiosk_controller.h"

namespace pcn::ticket_printer {

KioskSettings kiosk_settings(const config::AgencyConfig& config);

}  // namespace pcn::ticket_printer
