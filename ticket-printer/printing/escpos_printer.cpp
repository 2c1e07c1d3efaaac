#include "printing/escpos_printer.h"

#include <cups/cups.h>

#include "printing/cups_job.h"
#include "slip/escpos.h"
#include "slip/slip_renderer.h"
#include "text/catalog.h"

namespace pcn::printing {

EscposPrinter::EscposPrinter(std::string queue, std::chrono::milliseconds timeout)
    : queue_(std::move(queue)), timeout_(timeout) {}

util::Status EscposPrinter::print(const PrintJob& job) {
  auto raster = slip::render_raster(job.content, job.paper);
  if (!raster.ok()) {
    return util::make_error("print_failed",
                            text::print_render_failed(describe(), raster.error().message));
  }
  const std::string bytes = slip::escpos_job(*raster);
  return print_on_cups_queue(queue_, job.title, CupsDocument{bytes, CUPS_FORMAT_RAW, {}}, timeout_);
}

util::Status EscposPrinter::check() { return check_cups_queue(queue_, timeout_); }

std::string EscposPrinter::describe() const { return text::printer_escpos_name(queue_); }

}  // namespace pcn::printing
