// agent-console's command line: a table of subcommands over the library.
//   agent-console [--config FILE] [--plaintext] [--key NAME] status   the queue and the counters
//   agent-console [...] report [--from DAY] [--to DAY] [--csv FILE]    the pilot's figures
//     (report_command.h; the supervisor's key unless --key names another)
// Exit status: 0 on success, 1 when the work failed, 2 for a bad command line.
#pragma once

namespace pcn::agent_console {

int run_command_line(int argc, char** argv);

}  // namespace pcn::agent_console
