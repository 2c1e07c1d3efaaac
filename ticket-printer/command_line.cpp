#include "ticket-printer/command_line.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "app/startup.h"
#include "net/keygen.h"
#include "printing/make_printer.h"
#include "text/catalog.h"
#include "ticket-printer/hub_service.h"
#include "ticket-printer/kiosk_app.h"
#include "ticket-printer/kiosk_settings.h"
#include "ticket-printer/take_command.h"
#include "ticket-printer/test_ticket_command.h"

namespace pcn::ticket_printer {

namespace {

struct Options {
  std::string config;
  bool plaintext = false;
  bool headless = false;
  std::string hub;  // HOST[:PORT] of a remote hub
  std::string key = "kiosk";
  std::string window;  // WxH: a window instead of full screen (tests, demos)
  std::string service;
  bool priority = false;
  bool test = false;  // take --test: a test ticket (test_ticket_command.h)
  std::string key_name;
  std::string role;
  bool agency_keys = false;
  std::string png;   // screenshot FILE
  std::string size;  // screenshot --size WxH
};

int fail(const util::Error& e) {
  std::cerr << "ticket-printer : " << e.message << std::endl;
  return 1;
}

/// The config, with [network] hub and request_port replaced by --hub HOST[:PORT].
util::Result<config::AgencyConfig> config_for(const Options& o) {
  auto config = app::load_config(o.config, std::filesystem::current_path());
  if (!config.ok() || o.hub.empty()) return config;
  std::string hub = o.hub;
  if (hub.rfind("tcp://", 0) == 0) hub = hub.substr(6);
  auto colon = hub.rfind(':');
  if (colon != std::string::npos) {
    try {
      config->network.request_port = std::stoi(hub.substr(colon + 1));
    } catch (const std::exception&) {
      return util::make_error("bad_endpoint", text::bad_endpoint(o.hub, "port"));
    }
    hub = hub.substr(0, colon);
  }
  config->network.hub_host = hub;
  return config;
}

util::Result<std::unique_ptr<client::Client>> connect(const config::AgencyConfig& config,
                                                      const Options& o) {
  auto options = app::client_options(config, o.key, o.plaintext);
  if (!options.ok()) return options.error();
  return client::Client::connect(*options);
}

int serve(const Options& o) {
  auto config = config_for(o);
  if (!config.ok()) return fail(config.error());
  const auto& stop = app::stop_on_signals();
  if (o.headless) {
    auto served = serve_hub(*config, o.plaintext, stop);
    return served.ok() ? 0 : fail(served.error());
  }
  std::unique_ptr<hub::HubThread> hub;
  if (o.hub.empty()) {
    auto started = start_hub(*config, o.plaintext);
    if (!started.ok()) return fail(started.error());
    hub = std::move(*started);
  }
  auto client = connect(*config, o);
  if (!client.ok()) return fail(client.error());
  auto printer = printing::make_printer(config->printer, config->zone);
  KioskWindow window{o.window, {}};
  KioskSettings settings = kiosk_settings(*config);
  settings.reprints_from_hub = o.hub.empty();  // the hub's own kiosk prints agents' reprints
  if (o.hub.empty()) {  // it has the agency's keys: it links any ticket it prints itself
    auto link = app::follow_link(*config, o.plaintext);
    if (!link.ok()) return fail(link.error());
    settings.follow = follow_of(std::move(*link), config->id);
  }
  auto shown = run_kiosk(**client, *printer, settings, window, stop);
  return shown.ok() ? 0 : fail(shown.error());
}

int take(const Options& o) {
  auto config = config_for(o);
  if (!config.ok()) return fail(config.error());
  auto options = app::client_options(*config, o.key, o.plaintext);
  if (!options.ok()) return fail(options.error());
  auto client = app::connect_live(*options, std::chrono::seconds(5));
  if (!client.ok()) return fail(client.error());
  auto printer = printing::make_printer(config->printer, config->zone);
  char service = o.service.size() == 1 ? char(std::toupper(static_cast<unsigned char>(o.service[0])))
                                       : '?';
  if (o.test) {
    std::optional<char> wanted;
    if (!o.service.empty()) wanted = service;
    return take_test_ticket(wanted, o.priority, **client, *printer, kiosk_settings(*config),
                            std::cout, std::cerr);
  }
  return take_ticket(service, o.priority, **client, *printer, kiosk_settings(*config), std::cout,
                     std::cerr);
}

int picture(const Options& o) {
  auto config = config_for(o);
  if (!config.ok()) return fail(config.error());
  auto client = connect(*config, o);
  if (!client.ok()) return fail(client.error());
  auto printer = printing::make_printer(config->printer, config->zone);
  auto shot = screenshot(**client, *printer, kiosk_settings(*config), o.size, o.png,
                         std::chrono::seconds(5));
  if (!shot.ok()) return fail(shot.error());
  std::cout << text::screenshot_written(o.png) << std::endl;
  return 0;
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

void connection_options(CLI::App& app, Options& o) {
  app.add_option("--config", o.config, text::option_config())->check(CLI::ExistingFile);
  app.add_flag("--plaintext", o.plaintext, text::option_plaintext());
  app.add_option("--hub", o.hub, text::option_hub());
  app.add_option("--key", o.key, text::option_key());
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{text::ticket_printer_about(), "ticket-printer"};
  Options o;
  connection_options(app, o);
  app.add_flag("--headless", o.headless, text::option_headless());
  app.add_option("--window", o.window, text::option_window());

  auto* tk = app.add_subcommand("take", text::take_about());
  connection_options(*tk, o);
  tk->add_option("service", o.service, text::option_service());
  tk->add_flag("--priority", o.priority, text::option_priority());
  tk->add_flag("--test", o.test, text::option_test());
  tk->callback([&]() {
    if (!o.test && o.service.empty()) throw CLI::RequiredError("service");
  });

  auto* shot = app.add_subcommand("screenshot", text::kiosk_screenshot_about());
  connection_options(*shot, o);
  shot->add_option("file", o.png, text::option_screenshot())->required();
  shot->add_option("--size", o.size, text::option_screenshot_size());

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
  if (kg->parsed()) return keygen(o);
  if (tk->parsed()) return take(o);
  if (shot->parsed()) return picture(o);
  return serve(o);
}

}  // namespace pcn::ticket_printer
