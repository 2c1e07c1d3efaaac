#include "agent-console/command_line.h"

int main(int argc, char** argv) { return pcn::agent_console::run_command_line(argc, argv); }
