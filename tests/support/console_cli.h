// agent-console's whole command line in a test: run_command_line with argv, what it wrote on
// stdout and stderr, and an agency file for a TestHub (its services and counters, ports, keys).
#pragma once

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "agent-console/command_line.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"

namespace pcn::testing {

/// Replaces std::cout and std::cerr while alive, keeping what was written.
class CapturedOutput {
 public:
  CapturedOutput()
      : out_old_(std::cout.rdbuf(out_.rdbuf())), err_old_(std::cerr.rdbuf(err_.rdbuf())) {}
  ~CapturedOutput() {
    std::cout.rdbuf(out_old_);
    std::cerr.rdbuf(err_old_);
  }
  CapturedOutput(const CapturedOutput&) = delete;
  CapturedOutput& operator=(const CapturedOutput&) = delete;
  std::string out() const { return out_.str(); }
  std::string err() const { return err_.str(); }

 private:
  std::ostringstream out_, err_;
  std::streambuf* out_old_;
  std::streambuf* err_old_;
};

/// What one run of the command line did.
struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

/// `agent-console ARGS…` (the program's name is added).
inline CliRun run_console_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "agent-console");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  CapturedOutput captured;
  CliRun r;
  r.code = agent_console::run_command_line(int(argv.size()), argv.data());
  r.out = captured.out();
  r.err = captured.err();
  return r;
}

/// Writes `hub`'s agency file, agence.toml in its folder: the services and counters of
/// test_rules(), its ports (REQUIRES: started once) and keys, then `extra` (more TOML, e.g. an
/// [outcome] table). Returns its path.
inline std::string write_console_config(const TestHub& hub, const std::string& extra = "") {
  const auto rules = test_rules();
  auto options = hub.client_options("agent");
  auto port_of = [](const std::string& endpoint) {
    return endpoint.substr(endpoint.rfind(':') + 1);
  };
  auto file = hub.dir() / "agence.toml";
  std::ofstream f(file);
  f << "[agency]\nid = \"test\"\nname = \"OPT Test\"\ntimezone = \"Pacific/Noumea\"\n";
  for (const auto& s : rules.services) {
    f << "[[services]]\nprefix = \"" << s.prefix << "\"\ncode = \"" << s.code << "\"\nlabel = \""
      << s.label << "\"\ncolour = \"" << s.colour << "\"\ntypical_minutes = 10\n";
  }
  for (const auto& c : rules.counters) {
    f << "[[counters]]\nnumber = " << c.number << "\nlabel = \"" << c.label << "\"\nservices = [";
    for (std::size_t i = 0; i < c.services.size(); ++i) {
      f << (i ? ", " : "") << '"' << c.services[i] << '"';
    }
    f << "]\n";
  }
  f << "[network]\nhub = \"127.0.0.1\"\nrequest_port = " << port_of(options.request_endpoint)
    << "\nevent_port = " << port_of(options.event_endpoint) << "\n";
  f << "[keys]\nfolder = \"" << (hub.dir() / "keys").string() << "\"\n";
  f << "[data]\nfolder = \"" << (hub.dir() / "console-data").string() << "\"\n";
  f << extra;
  return file.string();
}

}  // namespace pcn::testing
