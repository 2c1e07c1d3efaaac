// Chooses the printing back-end named by the agency's [printer] section.
#pragma once

#include <memory>

#include "config/agency_config.h"
#include "printing/printer.h"
#include "util/time_zone.h"

namespace pcn::printing {

/// backend "cups" → CupsPrinter(queue), "escpos" → EscposPrinter(queue), "file" →
/// FilePrinter(folder, zone, system clock); CUPS back-ends wait at most timeout_seconds per slip.
/// `zone` is the agency's (it dates the file back-end's file names).
/// REQUIRES: `config` passed load_agency_config's checks (known backend, queue when needed).
std::unique_ptr<Printer> make_printer(const config::PrinterConfig& config,
                                      const util::TimeZone& zone = util::TimeZone::noumea());

}  // namespace pcn::printing
