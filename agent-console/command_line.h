// agent-console's command line: a table of subcommands over the library.
//   agent-console [--config FILE] [--plaintext] [--key NAME] [--json] [--counter N] status
//       the queue and the counters (with --counter, that counter first)
//   agent-console [...] [--json] --counter N ACTION     one counter action, ACTION among
//       call-next, recall, no-show, finish, transfer SERVICE, call NUMBER, pause, resume,
//       reprint NUMBER (the kiosk prints that ticket of today again)
//       (SERVICE: a letter or a label, e.g. F or "Identité numérique"; NUMBER: C-042, c42, "C 42";
//       action_command.h: what is printed, and the JSON shape of --json)
//   agent-console [...] --counter N finish [--partner CODE]… [--theme CODE]… [--autonomy CODE]
//       [--result CODE] [--orientation CODE] [--first-visit CODE] [--age-band CODE]
//       [--situation CODE] [--commune CODE] [--equipment CODE]   finish with the visit's outcome
//   agent-console [...] [--counter N] outcome NUMBER [the same options]   corrects today's ticket
//   agent-console [...] outcome --list [--json]     the agency's codes (no hub needed)
//   agent-console [...] --counter N workshop --theme CODE --participants P --minutes M
//       (outcome_options.h: how the codes are read; an unknown one exits 2, nothing sent)
//   agent-console [...] report [--from DAY] [--to DAY] [--csv FILE]    the pilot's figures
//     (report_command.h; the supervisor's key unless --key names another)
//   agent-console [...] [--counter N] [--agent NAME] [--window WxH]   the window (no subcommand)
//   agent-console [...] [--counter N] screenshot FILE [--size WxH] [--page PAGE]   its picture
//     (console_command.h; the set-up page's kept choice: console_choice.h)
// Exit status: 0 on success, 1 when the work failed (an action or status refused by the hub),
// 2 for a bad command line, 4 when the hub did not answer an action or status (nothing changed).
#pragma once

namespace pcn::agent_console {

int run_command_line(int argc, char** argv);

}  // namespace pcn::agent_console
