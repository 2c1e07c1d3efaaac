// display's command line:
//   display [--config FILE] [--plaintext] [--key NAME] [--once]
// Without --once it follows the hub until SIGINT/SIGTERM; with it, prints the waiting counts once.
// Exit status: 0 on success, 1 when the work failed, 2 for a bad command line.
#pragma once

namespace pcn::display {

int run_command_line(int argc, char** argv);

}  // namespace pcn::display
