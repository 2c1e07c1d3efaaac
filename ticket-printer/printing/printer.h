// Printing a slip. One interface, one real implementation per back-end ([printer] backend in the
// agency config): CupsPrinter (a CUPS queue with a driver, the slip sent as PDF), EscposPrinter
// (an ESC/POS receipt printer behind a raw CUPS queue), FilePrinter (PDF and PNG in a folder).
#pragma once

#include <memory>
#include <string>

#include "slip/slip_content.h"
#include "util/result.h"

namespace pcn::printing {

struct PrintJob {
  slip::SlipContent content;
  slip::Paper paper;
  std::string title;  ///< the job's name in CUPS, e.g. "pcn-C-042" (made safe by the back-end)
};

class Printer {
 public:
  virtual ~Printer() = default;
  /// Prints `job` and waits for the outcome (at most the configured timeout). Succeeds only when
  /// the slip is printed (CUPS: job completed; file: files written). Fails with a French message
  /// naming the printer and the problem, codes: "printer_missing" (no such queue),
  /// "printer_stopped" (queue stopped/disabled, out of paper, offline), "print_aborted" (job
  /// aborted or cancelled), "print_timeout", "print_failed" (anything else, e.g. rendering).
  /// Blocking: call it off the UI thread.
  virtual util::Status print(const PrintJob& job) = 0;
  /// Whether a slip could print now, printing nothing: success, or the failure print() would
  /// give ("printer_missing", "printer_stopped", "print_failed"), so that the kiosk can warn
  /// before a visitor presses. A success does not promise the next print (paper may run out).
  /// Blocking (at most the timeout): call it off the UI thread, never while print() runs.
  virtual util::Status check() = 0;
  /// "CUPS « ticket-80mm »", for logs and the staff screen.
  virtual std::string describe() const = 0;
};

}  // namespace pcn::printing
