// The `cups` back-end: the slip is drawn as a PDF page of its own size and printed on a CUPS queue
// that has a driver (a receipt printer's PPD, an IPP printer, or cups-pdf in tests).
#pragma once

#include <chrono>
#include <string>

#include "printing/printer.h"

namespace pcn::printing {

class CupsPrinter final : public Printer {
 public:
  /// Prints on the local scheduler's queue `queue`; a slip not printed within `timeout` fails
  /// with "print_timeout" and its job is cancelled. Nothing is checked before the first print.
  CupsPrinter(std::string queue, std::chrono::milliseconds timeout);

  /// See Printer::print and print_on_cups_queue (cups_job.h) for the failures. The job asks for
  /// the PDF's own page size (PageSize=Custom.WxH, in points) so that the driver neither scales
  /// the slip nor puts it on A4.
  util::Status print(const PrintJob& job) override;
  /// check_cups_queue (cups_job.h) on the queue: the scheduler answers, the queue exists, is
  /// enabled and accepts jobs.
  util::Status check() override;
  /// "CUPS « ticket-80mm »".
  std::string describe() const override;

 private:
  std::string queue_;
  std::chrono::milliseconds timeout_;
};

}  // namespace pcn::printing
