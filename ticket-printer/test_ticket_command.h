// `ticket-printer take --test [SERVICE]`: a test ticket, for the installer's checks of the printer
// and the link to the hub, at any hour (opening hours do not apply).
//
// The hub issues it outside the queue (docs/protocol.md, `take_ticket` with "test": true): no
// number of any service is used, no ticket row is added, so no queue, count, display or figure
// ever sees it; only the hub's event log records it (a `test_ticket` change). Its slip is printed
// through the configured printer like a visitor's, labelled "ESSAI" and marked
// "TICKET D’ESSAI — ne pas utiliser". No `report_print` is sent: there is no ticket to flag.
//
// Exit status as `take`: 0 printed; 1 refused or hub unreachable (nothing issued); 3 issued but
// not printed (the printer's French reason is printed).
#pragma once

#include <iosfwd>
#include <optional>

#include "client/client.h"
#include "printing/printer.h"
#include "slip/slip_content.h"
#include "ticket-printer/kiosk_controller.h"

namespace pcn::ticket_printer {

/// Asks the hub for a test ticket of `service` (nullopt: the hub's first service) and prints it.
/// `client` may follow the hub's events or not: service labels and the agency come from its
/// state when it has one, else from `settings` and the service's letter.
int take_test_ticket(std::optional<char> service, bool priority, client::Client& client,
                     printing::Printer& printer, const KioskSettings& settings, std::ostream& out,
                     std::ostream& err);

/// The slip of a test ticket from the hub's take_ticket `result` (its "ticket" is the test
/// ticket object, protocol::decode_test_ticket_at): number "ESSAI", test = true, no one ahead,
/// no estimate, the QR code (when settings.qr) of qr_payload(agency, day, "ESSAI", 0).
/// Fails with "bad_request" naming the field when the result is not a test ticket's.
util::Result<slip::SlipContent> test_slip(const protocol::Json& result,
                                          const client::QueueState& state,
                                          const KioskSettings& settings);

}  // namespace pcn::ticket_printer
