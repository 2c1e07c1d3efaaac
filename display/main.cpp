#include "display/command_line.h"

int main(int argc, char** argv) { return pcn::display::run_command_line(argc, argv); }
