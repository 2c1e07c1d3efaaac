#include "printing/make_printer.h"

#include <chrono>

#include "printing/cups_printer.h"
#include "printing/escpos_printer.h"
#include "printing/file_printer.h"

namespace pcn::printing {

std::unique_ptr<Printer> make_printer(const config::PrinterConfig& config,
                                      const util::TimeZone& zone) {
  std::chrono::milliseconds timeout = std::chrono::seconds(config.timeout_seconds);
  if (config.backend == "cups") return std::make_unique<CupsPrinter>(config.queue, timeout);
  if (config.backend == "escpos") return std::make_unique<EscposPrinter>(config.queue, timeout);
  return std::make_unique<FilePrinter>(config.folder, zone);
}

}  // namespace pcn::printing
