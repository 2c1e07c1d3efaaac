// One print job on a CUPS queue, from submission to its outcome: the flow the two CUPS back-ends
// share (CupsPrinter sends the slip as PDF to a queue with a driver, EscposPrinter sends ESC/POS
// bytes to a raw queue). This is the adapter boundary: every CUPS failure becomes an Error with a
// code of printer.h and a French message naming the queue.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"

namespace pcn::printing {

/// What to print, as CUPS receives it.
struct CupsDocument {
  std::string_view data;  ///< the bytes of the document; must outlive the call
  std::string format;     ///< MIME type, e.g. "application/pdf", "application/vnd.cups-raw"
  /// Job options, e.g. {"PageSize", "Custom.226.77x340.16"}.
  std::vector<std::pair<std::string, std::string>> options;
};

/// The name given to CUPS for a job and its document: `title` with every byte other than an ASCII
/// letter, digit, '-', '_' or '.' replaced by '-', cut to 64 bytes; "pcn-slip" when nothing is
/// left. Why: Debian 12's cupsd 2.4.2-3+deb12u10 crashes (segfault, scheduler gone) on a
/// Send-Document whose document-name holds a space, so nothing else is ever sent as a name.
std::string cups_safe_name(std::string_view title);

/// Whether a job option can be sent as it is: its name and value are 1 to 64 bytes of ASCII
/// letters, digits, '-', '_' and '.' (e.g. PageSize=Custom.226.77x340.16). Options are never
/// rewritten: one that fails this check makes the print fail before anything reaches CUPS.
bool cups_safe_option(std::string_view name, std::string_view value);

/// Prints `document` as one job named cups_safe_name(`title`) on `queue` of the machine's CUPS scheduler
/// (cupsServer(): the CUPS_SERVER variable or client.conf, else the local socket), then follows
/// the job and the queue about every 200 ms until the job is completed (success) or:
///  - the scheduler cannot be reached or refuses the job: "print_failed";
///  - no queue has that name: "printer_missing";
///  - an option fails cups_safe_option: "print_failed", and nothing is sent;
///  - the queue is stopped (cupsdisable) or rejects jobs (cupsreject), before submission or while
///    waiting: "printer_stopped", within one poll, not after the timeout;
///  - the job is aborted or cancelled: "print_aborted";
///  - `timeout` passes: "print_timeout".
/// A job that did not complete is cancelled before returning, so it never prints later. Blocks
/// for about `timeout` at most while the scheduler answers (each exchange with a scheduler that
/// stops answering is itself abandoned after `timeout`, 1 s at least). The timeout message
/// carries the queue's state message (e.g. why the backend cannot reach the printer).
util::Status print_on_cups_queue(const std::string& queue, const std::string& title,
                                 const CupsDocument& document, std::chrono::milliseconds timeout);

/// Whether `queue` of the machine's scheduler could print now, without printing anything: the
/// scheduler answers, the queue exists, is not stopped and accepts jobs. Fails with the codes and
/// messages of print_on_cups_queue ("print_failed", "printer_missing", "printer_stopped").
/// Blocks for about `timeout` at most.
util::Status check_cups_queue(const std::string& queue, std::chrono::milliseconds timeout);

}  // namespace pcn::printing
