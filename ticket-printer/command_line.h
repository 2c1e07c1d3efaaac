// ticket-printer's command line: a table of subcommands over the library.
//   ticket-printer [--config FILE] [--plaintext] [--headless]   serve the agency's queue (hub)
//   ticket-printer keygen NAME --role ROLE [--config FILE]      make a CurveZMQ key pair
//   ticket-printer keygen --agency [--config FILE]              make every pair of an agency
// Exit status: 0 on success, 1 when the work failed, 2 for a bad command line.
#pragma once

namespace pcn::ticket_printer {

int run_command_line(int argc, char** argv);

}  // namespace pcn::ticket_printer
