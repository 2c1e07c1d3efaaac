#include "display/command_line.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "app/startup.h"
#include "display/run.h"
#include "text/catalog.h"

namespace pcn::display {

namespace {

struct Options {
  std::string config;
  bool plaintext = false;
  std::string key_name = "display";
  bool once = false;
};

int fail(const util::Error& e) {
  std::cerr << "display : " << e.message << std::endl;
  return 1;
}

int run(const Options& o) {
  auto config = app::load_config(o.config, std::filesystem::current_path());
  if (!config.ok()) return fail(config.error());
  auto options = app::client_options(*config, o.key_name, o.plaintext);
  if (!options.ok()) return fail(options.error());
  if (o.once) return print_once(*options, std::cout, std::cerr);
  return follow(*options, config->zone, std::cout, std::cerr, app::stop_on_signals());
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{text::display_about(), "display"};
  Options o;
  app.add_option("--config", o.config, text::option_config())->check(CLI::ExistingFile);
  app.add_flag("--plaintext", o.plaintext, text::option_plaintext());
  app.add_option("--key", o.key_name, text::option_client_key("display"));
  app.add_flag("--once", o.once, text::option_display_once());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return run(o);
}

}  // namespace pcn::display
