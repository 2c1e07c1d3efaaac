// The `escpos` back-end: the slip is drawn as a 1-bit raster, wrapped in ESC/POS commands
// (initialise, raster image, feed and cut; see slip/escpos.h) and sent unchanged to a raw CUPS
// queue whose device is the receipt printer (socket://, usb://…). No driver is involved.
#pragma once

#include <chrono>
#include <string>

#include "printing/printer.h"

namespace pcn::printing {

class EscposPrinter final : public Printer {
 public:
  /// Prints on the raw queue `queue` of the local scheduler; a slip not printed within `timeout`
  /// fails with "print_timeout" and its job is cancelled.
  EscposPrinter(std::string queue, std::chrono::milliseconds timeout);

  /// See Printer::print and print_on_cups_queue (cups_job.h) for the failures. The job is sent
  /// as application/vnd.cups-raw.
  util::Status print(const PrintJob& job) override;
  /// check_cups_queue (cups_job.h) on the queue: the scheduler answers, the queue exists, is
  /// enabled and accepts jobs.
  util::Status check() override;
  /// "ESC/POS « ticket-raw »".
  std::string describe() const override;

 private:
  std::string queue_;
  std::chrono::milliseconds timeout_;
};

}  // namespace pcn::printing
