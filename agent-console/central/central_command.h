// pcn-central's command line:
//   pcn-central [--config central.toml]            serves: the agencies ship, PostgreSQL keeps
//   pcn-central [--config …] keygen                the centre's key pair (keys/centre.key, .pub)
//   pcn-central [--config …] keygen --agency ID    an agency's shipping pair, its public key
//                                                  admitted (keys/agences/ID.pub)
// Exit codes: 0 done (or stopped by SIGINT/SIGTERM), 1 failed (the French reason on stderr),
// 2 a mistake on the command line.
#pragma once

#include <iosfwd>
#include <string>

namespace pcn::central {

int run_central_command_line(int argc, char** argv);

/// `keygen`: writes the centre's pair, or with an agency id that agency's pair into
/// keys/pour-les-agences/ and its public key into keys/agences/; never overwrites. Says what it
/// wrote, and what to do with it, on `out`.
int run_keygen(const std::string& config_file, const std::string& agency, std::ostream& out,
               std::ostream& err);

}  // namespace pcn::central
