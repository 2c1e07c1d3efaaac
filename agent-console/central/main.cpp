#include "central/central_command.h"

int main(int argc, char** argv) { return pcn::central::run_central_command_line(argc, argv); }
