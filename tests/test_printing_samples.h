// A slip as the kiosk of the Bourail agency prints it, for the printing tests.
#pragma once

#include <chrono>
#include <string>

#include "printing/printer.h"

namespace pcn::testing {

inline printing::PrintJob sample_print_job(int paper_mm = 80) {
  printing::PrintJob job;
  job.content.agency_name = "OPT Bourail — Point Conseil Numérique";
  job.content.issued_at = "23/11/2026 09:14";
  job.content.label = "C-042";
  job.content.service_label = "CAFAT";
  job.content.ahead = 3;
  job.content.wait_text = "Attente estimée : entre 10 et 15 min";
  job.content.message = "Un conseiller vous accompagne";
  job.content.qr_payload = "https://pcn.opt.nc/bourail/C-042";
  job.paper.width_mm = paper_mm;
  job.title = "ticket C-042";
  return job;
}

/// Seconds since `start`, for timing assertions and messages.
inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace pcn::testing
