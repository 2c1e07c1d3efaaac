#include "ticket-printer/command_line.h"

int main(int argc, char** argv) { return pcn::ticket_printer::run_command_line(argc, argv); }
