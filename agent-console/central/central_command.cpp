#include "central/central_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <thread>

#include "app/cli_french.h"
#include "app/startup.h"
#include "central/central_config.h"
#include "central/central_report.h"
#include "central/central_server.h"
#include "dashboard/account_command.h"
#include "dashboard/web_server.h"
#include "net/key_files.h"
#include "net/roles.h"
#include "text/catalog.h"
#include "util/clock.h"

namespace pcn::central {

namespace {

namespace fs = std::filesystem;

int fail(const util::Error& e, std::ostream& err) {
  err << "pcn-central : " << e.message << "\n";
  return 1;
}

util::Status make_folder(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return util::make_error("io_error", text::folder_not_created(folder.string(), ec.message()));
  return util::Status::success();
}

int serve(const std::string& config_file) {
  auto config = load_central_config(config_file);
  if (!config.ok()) return fail(config.error(), std::cerr);
  auto key = net::read_key_file(net::secret_key_path(config->keys, "centre"));
  if (!key.ok()) return fail(key.error(), std::cerr);
  auto agencies = net::AllowList::load(config->agencies_folder(), net::is_agency_role);
  if (!agencies.ok()) return fail(agencies.error(), std::cerr);
  const std::atomic<bool>& stop = app::stop_on_signals();
  const util::SystemClock clock;
  const util::TimeZone zone = util::TimeZone::noumea();  // the pilot's; logs in local time
  auto log = [&clock, zone](const std::string& line) {
    std::cerr << zone.format(clock.now(), "%Y-%m-%d %H:%M:%S") << " " << line << std::endl;
  };
  CentralOptions options{config->bind, *key, std::move(*agencies), config->database};
  auto server = CentralServer::start(std::move(options), log);
  if (!server.ok()) return fail(server.error(), std::cerr);
  std::unique_ptr<dashboard::WebServer> web;
  if (config->web) {
    dashboard::WebOptions web_options;
    web_options.config = *config->web;
    web_options.database = config->database;
    web_options.clock = &clock;
    web_options.log = log;
    auto started = dashboard::WebServer::start(std::move(web_options));
    if (!started.ok()) return fail(started.error(), std::cerr);
    web = std::move(*started);
  }
  (*server)->run(stop);
  log(text::central_stopped());
  return 0;
}

}  // namespace

int run_keygen(const std::string& config_file, const std::string& agency, std::ostream& out,
               std::ostream& err) {
  auto config = load_central_config(config_file);
  if (!config.ok()) return fail(config.error(), err);
  if (auto made = make_folder(config->agencies_folder()); !made.ok()) return fail(made.error(), err);
  if (agency.empty()) {
    auto pair = net::generate_key_pair("centre", std::string(net::kCentralRole));
    if (!pair.ok()) return fail(pair.error(), err);
    if (auto w = net::write_key_pair(*pair, config->keys); !w.ok()) return fail(w.error(), err);
    out << text::central_keygen_centre(net::secret_key_path(config->keys, "centre").string(),
                                       net::public_key_path(config->keys, "centre").string(),
                                       pair->public_key)
        << "\n";
    return 0;
  }
  auto pair = net::generate_key_pair(agency, std::string(net::kAgencyRole));
  if (!pair.ok()) return fail(pair.error(), err);
  const fs::path handover = config->keys / "pour-les-agences";
  if (auto made = make_folder(handover); !made.ok()) return fail(made.error(), err);
  const fs::path admitted = net::public_key_path(config->agencies_folder(), agency);
  if (auto w = net::write_public_key_file(*pair, admitted); !w.ok()) return fail(w.error(), err);
  if (auto w = net::write_key_pair(*pair, handover); !w.ok()) {
    std::error_code ec;
    fs::remove(admitted, ec);  // nothing half done
    return fail(w.error(), err);
  }
  out << text::central_keygen_agency(agency, net::secret_key_path(handover, agency).string(),
                                     admitted.string())
      << "\n";
  return 0;
}

int run_central_command_line(int argc, char** argv) {
  CLI::App cli{text::central_about(), "pcn-central"};
  app::speak_french(cli);
  std::string config_file = "central.toml";
  cli.add_option("--config", config_file, text::option_central_config());
  std::string agency;
  CLI::App* keygen = cli.add_subcommand("keygen", text::central_keygen_about());
  keygen->add_option("--agency", agency, text::option_central_agency())->type_name("ID");
  CentralReportRequest report;
  CLI::App* report_command = cli.add_subcommand("report", text::central_report_about());
  report_command->add_option("--from", report.from, text::option_report_from())->type_name("AAAA-MM-JJ");
  report_command->add_option("--to", report.to, text::option_report_to())->type_name("AAAA-MM-JJ");
  report_command->add_option("--agency", report.agency, text::option_central_report_agency())
      ->type_name("ID");
  report_command->add_option("--csv", report.csv, text::option_central_report_csv())
      ->type_name("DOSSIER");
  report_command->add_option("--xlsx", report.xlsx, text::option_central_report_xlsx())
      ->type_name("FICHIER");
  dashboard::AccountRequest account;
  CLI::App* account_command = cli.add_subcommand("account", text::dash_account_about());
  account_command->require_subcommand(1);
  CLI::App* add = account_command->add_subcommand("add", text::dash_account_add_about());
  add->add_option("--login", account.login, text::option_account_login())->required()->type_name("IDENTIFIANT");
  add->add_option("--name", account.name, text::option_account_name())->required()->type_name("NOM");
  add->add_option("--role", account.role, text::option_account_role())->required()->type_name("RÔLE");
  add->add_option("--agency", account.agency, text::option_account_agency())->type_name("ID");
  add->add_option("--partner", account.partner, text::option_account_partner())->type_name("CODE");
  CLI::App* disable = account_command->add_subcommand("disable", text::dash_account_disable_about());
  disable->add_option("--login", account.login, text::option_account_login())->required()->type_name("IDENTIFIANT");
  CLI::App* list = account_command->add_subcommand("list", text::dash_account_list_about());
  cli.require_subcommand(0, 1);
  cli.fallthrough();
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }
  if (keygen->parsed()) return run_keygen(config_file, agency, std::cout, std::cerr);
  if (account_command->parsed()) {
    auto config = load_central_config(config_file);
    if (!config.ok()) return fail(config.error(), std::cerr);
    account.action = add->parsed() ? "add" : disable->parsed() ? "disable" : "list";
    (void)list;
    return dashboard::run_account_command(*config, account, std::cin, std::cout, std::cerr);
  }
  if (report_command->parsed()) {
    auto config = load_central_config(config_file);
    if (!config.ok()) return fail(config.error(), std::cerr);
    return run_central_report(*config, report, std::cout, std::cerr);
  }
  return serve(config_file);
}

}  // namespace pcn::central
