// ticket-printer's command line: a table of subcommands over the library.
//   ticket-printer [--config FILE] [--plaintext]            the kiosk screen, hosting the hub
//   ticket-printer --headless [--config FILE]               the hub alone, no screen
//   ticket-printer --hub HOST[:PORT] [--key NAME]           a second kiosk, client of a hub
//   ticket-printer take SERVICE [--priority] [--hub …]      take one ticket and print it
//   ticket-printer take --test [SERVICE] [--hub …]          a test ticket, at any hour, printed
//   ticket-printer screenshot FILE [--size WxH]             PNG of the kiosk's home page now
//   ticket-printer keygen NAME --role ROLE | --agency       make CurveZMQ key pairs
// Exit status: 0 on success, 1 when the work failed, 2 for a bad command line, 3 when a ticket was
// issued but its slip did not print.
#pragma once

namespace pcn::ticket_printer {

int run_command_line(int argc, char** argv);

}  // namespace pcn::ticket_printer
