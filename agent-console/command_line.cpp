#include "agent-console/command_line.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>

#include "agent-console/report_command.h"
#include "agent-console/status_command.h"
#include "app/startup.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

struct Options {
  std::string config;
  bool plaintext = false;
  std::string key_name = "agent";
};

int fail(const util::Error& e) {
  std::cerr << "agent-console : " << e.message << std::endl;
  return 1;
}

/// Runs `command` with the client options of the config and key named in `o`.
int with_client(const Options& o, const std::function<int(const client::ClientOptions&)>& command) {
  auto config = app::load_config(o.config, std::filesystem::current_path());
  if (!config.ok()) return fail(config.error());
  auto options = app::client_options(*config, o.key_name, o.plaintext);
  if (!options.ok()) return fail(options.error());
  return command(*options);
}

int status(const client::ClientOptions& options) {
  return run_status(options, std::cout, std::cerr);
}

/// `report`: needs the config itself (services, hours, zone) and the supervisor's key, unless
/// --key named another.
int report(const Options& o, bool key_given, const ReportRequest& request) {
  auto config = app::load_config(o.config, std::filesystem::current_path());
  if (!config.ok()) return fail(config.error());
  auto options = app::client_options(*config, key_given ? o.key_name : kReportKey, o.plaintext);
  if (!options.ok()) return fail(options.error());
  return run_report(*config, *options, request, std::cout, std::cerr);
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{text::agent_console_about(), "agent-console"};
  Options o;
  app.add_option("--config", o.config, text::option_config())->check(CLI::ExistingFile);
  app.add_flag("--plaintext", o.plaintext, text::option_plaintext());
  CLI::Option* key_option = app.add_option("--key", o.key_name, text::option_client_key("agent"));
  app.require_subcommand(0, 1);
  app.fallthrough();  // the options above may also follow the subcommand
  // The subcommands: the full set (call-next, recall, …) comes with the console's issue.
  const std::map<CLI::App*, std::function<int(const client::ClientOptions&)>> commands{
      {app.add_subcommand("status", text::console_status_about()), status},
  };
  ReportRequest report_request;
  CLI::App* report_command = app.add_subcommand("report", text::report_about());
  report_command->add_option("--from", report_request.from, text::option_report_from());
  report_command->add_option("--to", report_request.to, text::option_report_to());
  report_command->add_option("--csv", report_request.csv_file, text::option_report_csv());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (report_command->parsed()) return report(o, key_option->count() > 0, report_request);
  for (const auto& [sub, command] : commands) {
    if (sub->parsed()) return with_client(o, command);
  }
  std::cerr << "agent-console : " << text::console_command_required() << std::endl;
  return 2;
}

}  // namespace pcn::agent_console
