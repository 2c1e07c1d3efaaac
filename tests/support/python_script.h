// Runs a small Python script with Debian's python3 (/usr/bin/python3, for which the Debian
// packages of .ci/packages such as python3-openpyxl are installed; a python3 of pyenv or a venv
// earlier in PATH would not have them). Used to read back the report's .xlsx workbook.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace pcn::testing {

/// Writes `code` to `folder`/`name` and runs it with `argument` (one argument, quoted); returns
/// what it printed on stdout and stderr (a traceback tells why it failed).
inline std::string run_python(const std::filesystem::path& folder, const std::string& name,
                              const std::string& code, const std::string& argument) {
  auto script = folder / name;
  std::ofstream(script) << code;
  std::string command = "/usr/bin/python3 '" + script.string() + "' '" + argument + "' 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  pclose(pipe);
  return out;
}

}  // namespace pcn::testing
