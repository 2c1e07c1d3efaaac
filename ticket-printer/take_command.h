// `ticket-printer take SERVICE [--priority]`: takes one ticket from a running hub and prints it,
// as the kiosk would (for scripts and button boxes).
// Exit status: 0 printed; 1 refused or hub unreachable (nothing issued); 3 issued but not printed
// (the ticket is valid and flagged on the hub).
#pragma once

#include <iosfwd>

#include "client/client.h"
#include "printing/printer.h"
#include "ticket-printer/kiosk_controller.h"

namespace pcn::ticket_printer {

int take_ticket(char service, bool priority, client::Client& client, printing::Printer& printer,
                const KioskSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace pcn::ticket_printer
