#include "agent-console/command_line.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <tuple>

#include "agent-console/action_command.h"
#include "agent-console/console_command.h"
#include "agent-console/report_command.h"
#include "app/cli_french.h"
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

// --- Counter actions (`--counter N ACTION`) and `status` ---

struct ActionOptions {
  std::string counter;  ///< as typed after --counter; "" when not given
  bool json = false;
  std::vector<std::string> words;  ///< the argument of transfer (SERVICE), call, reprint and
                                   ///< outcome (NUMBER)
  OutcomeOptions outcome;          ///< finish, outcome: --partner, --theme… (outcome_options.h)
  WorkshopOptions workshop;        ///< workshop: --theme, --participants, --minutes
  bool list = false;               ///< outcome --list
};

int status(const client::ClientOptions& options, const ActionOptions& ao) {
  std::optional<queue::CounterNumber> counter;
  if (!ao.counter.empty()) {
    auto number = counter_number(ao.counter);
    if (!number.ok()) {
      return print_failure(number.error(), std::nullopt, std::nullopt, ao.json, std::cout,
                           std::cerr);
    }
    counter = *number;
  }
  return run_status_command(options, counter, ao.json, std::cout, std::cerr);
}

/// finish's and outcome's options (one per pick-list, repeatable; each takes one value, so that
/// NUMBER may follow), outcome's NUMBER and --list, workshop's options.
void add_visit_options(CLI::App& sub, Action action, ActionOptions& ao) {
  if (action == Action::finish || action == Action::outcome) {
    for (queue::OutcomeList list : queue::kOutcomeLists) {
      const std::string title = text::outcome_list_title(std::string(queue::to_string(list)));
      sub.add_option(queue::option_name(list), ao.outcome.typed(list),
                     text::option_outcome_code(title, queue::is_multiple(list)))
          ->allow_extra_args(false)
          ->type_name("CODE");
    }
  }
  if (action == Action::outcome) {
    sub.add_option("NUMBER", ao.words, text::argument_outcome_ticket());
    sub.add_flag("--list", ao.list, text::option_outcome_list());
  }
  if (action == Action::workshop) {
    const std::tuple<const char*, std::vector<std::string>*, std::string, const char*> options[] = {
        {"--theme", &ao.workshop.theme, text::option_workshop_theme(), "CODE"},
        {"--participants", &ao.workshop.participants, text::option_workshop_participants(), "N"},
        {"--minutes", &ao.workshop.minutes, text::option_workshop_minutes(), "N"}};
    for (const auto& [name, values, help, type] : options) {
      sub.add_option(name, *values, help)->allow_extra_args(false)->type_name(type);
    }
  }
}

/// One subcommand per counter action; transfer, call, reprint and outcome take their argument
/// in `ao.words`.
std::map<CLI::App*, Action> add_actions(CLI::App& app, ActionOptions& ao) {
  const std::pair<Action, std::string> actions[] = {
      {Action::call_next, text::console_call_next_about()},
      {Action::recall, text::console_recall_about()},
      {Action::no_show, text::console_no_show_about()},
      {Action::finish, text::console_finish_about()},
      {Action::transfer, text::console_transfer_about()},
      {Action::call_number, text::console_call_about()},
      {Action::pause, text::console_pause_about()},
      {Action::resume, text::console_resume_about()},
      {Action::reprint, text::console_reprint_about()},
      {Action::outcome, text::console_outcome_about()},
      {Action::workshop, text::console_workshop_about()},
  };
  std::map<CLI::App*, Action> subs;
  for (const auto& [action, about] : actions) {
    CLI::App* sub = app.add_subcommand(std::string(command_word(action)), about);
    if (action == Action::transfer) sub->add_option("SERVICE", ao.words, text::argument_service());
    if (action == Action::call_number || action == Action::reprint) {
      sub->add_option("NUMBER", ao.words, text::argument_ticket_number());
    }
    add_visit_options(*sub, action, ao);
    subs.emplace(sub, action);
  }
  return subs;
}

/// Checks the words against the config's counters and services, then runs the action.
int counter_action(const Options& o, const ActionOptions& ao, Action action) {
  auto failed = [&](const util::Error& e) {
    return print_failure(e, action, std::nullopt, ao.json, std::cout, std::cerr);
  };
  auto config = app::load_config(o.config, std::filesystem::current_path());
  if (!config.ok()) return failed(config.error());
  if (action == Action::outcome && ao.list) {  // the codes: no hub, no key
    if (!ao.words.empty() || !ao.outcome.empty()) {
      return failed(util::make_error(std::string(kBadCommandLine), text::cli_outcome_list_alone()));
    }
    return run_outcome_list(config->outcomes, ao.json, std::cout);
  }
  auto wanted = visit_action_from(action, ao.counter, ao.words, ao.outcome, ao.workshop,
                                  config->counters, config->services, config->outcomes);
  if (!wanted.ok()) return failed(wanted.error());
  auto options = app::client_options(*config, o.key_name, o.plaintext);
  if (!options.ok()) return failed(options.error());
  return run_action(*options, *wanted, ao.json, std::cout, std::cerr, config->services);
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

/// The window (no subcommand), or its picture with `shot`: the agent key's client options.
int console_window(const Options& o, const ConsoleRequest& request,
                   const ScreenshotRequest* shot) {
  auto config = app::load_config(o.config, std::filesystem::current_path());
  if (!config.ok()) return fail(config.error());
  auto options = app::client_options(*config, o.key_name, o.plaintext);
  if (!options.ok()) return fail(options.error());
  if (shot != nullptr) return run_screenshot(*config, *options, request, *shot, std::cerr);
  return run_window(*config, *options, request, std::cerr);
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{text::agent_console_about(), "agent-console"};
  app::speak_french(app);
  Options o;
  app.add_option("--config", o.config, text::option_config())->check(CLI::ExistingFile);
  app.add_flag("--plaintext", o.plaintext, text::option_plaintext());
  CLI::Option* key_option = app.add_option("--key", o.key_name, text::option_client_key("agent"));
  ActionOptions ao;
  app.add_option("--counter", ao.counter, text::option_counter())->type_name("N");
  app.add_flag("--json", ao.json, text::option_json());
  // The window: no subcommand; `screenshot FILE` draws it into a PNG (console_command.h).
  ConsoleRequest window_request;
  app.add_option("--agent", window_request.agent, text::option_agent())->type_name("NOM");
  app.add_option("--window", window_request.window, text::option_console_window())
      ->type_name("LxH");
  ScreenshotRequest shot;
  CLI::App* screenshot_command =
      app.add_subcommand("screenshot", text::console_screenshot_about());
  screenshot_command->add_option("FILE", shot.file, text::option_console_screenshot_file())
      ->required();
  screenshot_command->add_option("--size", shot.size, text::option_screenshot_size());
  screenshot_command->add_option("--page", shot.page, text::option_console_screenshot_page());
  app.require_subcommand(0, 1);
  app.fallthrough();  // the options above may also follow the subcommand
  // The subcommands: status, report and the counter actions (add_actions).
  const std::map<CLI::App*, std::function<int(const client::ClientOptions&)>> commands{
      {app.add_subcommand("status", text::console_status_about()),
       [&ao](const client::ClientOptions& c) { return status(c, ao); }},
  };
  ReportRequest report_request;
  CLI::App* report_command = app.add_subcommand("report", text::report_about());
  report_command->add_option("--from", report_request.from, text::option_report_from());
  report_command->add_option("--to", report_request.to, text::option_report_to());
  report_command->add_option("--csv", report_request.csv, text::option_report_csv_tables())
      ->type_name("DOSSIER_OU_PRÉFIXE");
  report_command->add_option("--xlsx", report_request.xlsx, text::option_report_xlsx())
      ->type_name("FICHIER");
  const std::map<CLI::App*, Action> actions = add_actions(app, ao);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (report_command->parsed()) {
    report_request.json = ao.json;  // --json is the program's flag, before or after `report`
    return report(o, key_option->count() > 0, report_request);
  }
  for (const auto& [sub, action] : actions) {
    if (sub->parsed()) return counter_action(o, ao, action);
  }
  for (const auto& [sub, command] : commands) {
    if (sub->parsed()) return with_client(o, command);
  }
  window_request.counter = ao.counter;
  if (screenshot_command->parsed()) return console_window(o, window_request, &shot);
  return console_window(o, window_request, nullptr);
}

}  // namespace pcn::agent_console
