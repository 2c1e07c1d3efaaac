// Shared by the test_slip_* files: example slips and running the poppler/zbar command-line tools.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "slip/slip_content.h"

namespace pcn::slip::testing {

/// The example slip of docs/slip-example.png.
inline SlipContent bourail_slip() {
  SlipContent c;
  c.agency_name = "OPT Bourail — Point Conseil Numérique";
  c.issued_at = "23/11/2026 09:14";
  c.label = "C-042";
  c.service_label = "CAFAT";
  c.ahead = 3;
  c.wait_text = "Attente estimée : entre 10 et 15 min";
  c.message = "Un conseiller vous accompagne";
  c.qr_payload = "https://pcn.opt.nc/file/bourail?ticket=C-042";
  return c;
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

struct CommandOutput {
  int exit_code = -1;
  std::string out;  ///< standard output
};

/// Runs `command` through the shell, at most 20 s, and returns its standard output.
inline CommandOutput run_command(const std::string& command) {
  struct Close {
    void operator()(FILE* f) const { pclose(f); }
  };
  CommandOutput result;
  FILE* raw = popen(("timeout 20 " + command).c_str(), "r");
  if (raw == nullptr) return result;
  std::unique_ptr<FILE, Close> pipe(raw);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) result.out.append(buffer, n);
  const int status = pclose(pipe.release());
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline bool have_program(const std::string& name) {
  return run_command("sh -c 'command -v " + name + "' >/dev/null").exit_code == 0;
}

}  // namespace pcn::slip::testing
