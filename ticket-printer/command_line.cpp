#include "ticket-printer/command_line.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "app/startup.h"
#include "net/keygen.h"
#include "text/catalog.h"
#include "ticket-printer/hub_service.h"

namespace pcn::ticket_printer {

namespace {

struct Options {
  std::string config;
  bool plaintext = false;
  bool headless = false;
  std::string key_name;
  std::string role;
  bool agency_keys = false;
};

int fail(const util::Error& e) {
  std::cerr << "ticket-printer : " << e.message << std::endl;
  return 1;
}

int serve(const Options& o) {
  auto config = app::load_config(o.config, std::filesystem::current_path());
  if (!config.ok()) return fail(config.error());
  // The kiosk screen comes with the kiosk issue; until then the hub runs on its own.
  auto served = serve_hub(*config, o.plaintext, app::stop_on_signals());
  return served.ok() ? 0 : fail(served.error());
}

int keygen(const Options& o) {
  auto config = app::load_config(o.config, std::filesystem::current_path());
  if (!config.ok()) return fail(config.error());
  auto folder = config->keys.folder;
  auto written = o.agency_keys ? net::keygen_agency(folder) : net::keygen(folder, o.key_name, o.role);
  if (!written.ok()) return fail(written.error());
  for (const auto& f : *written) std::cout << text::key_written(f.string()) << "\n";
  if (written->empty()) std::cout << text::keys_already_there(folder.string()) << "\n";
  return 0;
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{text::ticket_printer_about(), "ticket-printer"};
  Options o;
  app.add_option("--config", o.config, text::option_config())->check(CLI::ExistingFile);
  app.add_flag("--plaintext", o.plaintext, text::option_plaintext());
  app.add_flag("--headless", o.headless, text::option_headless());
  auto* kg = app.add_subcommand("keygen", text::keygen_about());
  kg->add_option("--config", o.config, text::option_config())->check(CLI::ExistingFile);
  kg->add_option("name", o.key_name, text::option_key_name());
  kg->add_option("--role", o.role, text::option_role());
  kg->add_flag("--agency", o.agency_keys, text::option_agency_keys());
  kg->callback([&]() {
    if (!o.agency_keys && (o.key_name.empty() || o.role.empty())) {
      throw CLI::ValidationError(text::keygen_usage());
    }
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return kg->parsed() ? keygen(o) : serve(o);
}

}  // namespace pcn::ticket_printer
