#include "display/command_line.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "app/startup.h"
#include "display/board_app.h"
#include "display/run.h"
#include "text/catalog.h"

namespace pcn::display {

namespace {

struct Options {
  std::string config;
  bool plaintext = false;
  std::string key_name = "display";
  bool once = false;
  bool text_mode = false;
  bool no_sound = false;
  std::string window;
  std::string screenshot;
  std::string size;
};

DisplaySettings settings_of(const config::AgencyConfig& config) {
  DisplaySettings s;
  s.zone = config.zone;
  s.agency_name = config.name;
  s.message = config.display.message;
  return s;
}

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
  if (o.text_mode) return follow(*options, config->zone, std::cout, std::cerr, app::stop_on_signals());
  auto client = client::Client::connect(*options);
  if (!client.ok()) return fail(client.error());
  if (!o.screenshot.empty()) {
    auto shot = screenshot(**client, settings_of(*config), o.size, o.screenshot, std::chrono::seconds(5));
    return shot.ok() ? 0 : fail(shot.error());
  }
  BoardOptions board{o.window, config->display.voice, !o.no_sound, {}};
  auto shown = run_board(**client, settings_of(*config), board, app::stop_on_signals());
  return shown.ok() ? 0 : fail(shown.error());
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{text::display_about(), "display"};
  Options o;
  app.add_option("--config", o.config, text::option_config())->check(CLI::ExistingFile);
  app.add_flag("--plaintext", o.plaintext, text::option_plaintext());
  app.add_option("--key", o.key_name, text::option_client_key("display"));
  app.add_flag("--once", o.once, text::option_display_once());
  app.add_flag("--text", o.text_mode, text::option_display_text());
  app.add_flag("--no-sound", o.no_sound, text::option_no_sound());
  app.add_option("--window", o.window, text::option_window());
  app.add_option("--screenshot", o.screenshot, text::option_screenshot());
  app.add_option("--size", o.size, text::option_screenshot_size());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return run(o);
}

}  // namespace pcn::display
