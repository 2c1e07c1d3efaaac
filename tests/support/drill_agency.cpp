#include "support/drill_agency.h"

#include <fstream>
#include <stdexcept>

#include "app/startup.h"

namespace pcn::testing {

namespace {

using namespace std::chrono_literals;

constexpr const char* kConfigTemplate = R"toml(# Agence d’exercice (tests/support/drill_agency.h)
[agency]
id = "exercice"
name = "Agence d’exercice"
timezone = "Pacific/Noumea"

[[services]]
prefix = "C"
code = "cafat"
label = "CAFAT"
colour = "#0072BC"
typical_minutes = 15

[[services]]
prefix = "F"
code = "factures"
label = "Factures"
colour = "#F39200"
typical_minutes = 10

[[services]]
prefix = "N"
code = "identite"
label = "Identité numérique"
colour = "#6F2C91"
typical_minutes = 20

[[counters]]
number = 1
label = "Guichet 1"
services = ["C", "F", "N"]

[[counters]]
number = 2
label = "Guichet 2"
services = ["C", "F", "N"]

[[counters]]
number = 3
label = "Guichet 3"
services = ["N"]

[queue]
priority_max_in_row = 2
no_show_requeues = 1
transfer_placement = "arrival"

[network]
hub = "127.0.0.1"
bind = "127.0.0.1"
request_port = @REQUEST@
event_port = @EVENT@

[data]
folder = "data"

[keys]
folder = "keys"

[printer]
backend = "file"
folder = "tickets"
qr = false

[display]
message = "Bienvenue à l’agence d’exercice."
voice = false
)toml";

std::string replaced(std::string text, const std::string& what, const std::string& with) {
  text.replace(text.find(what), what.size(), with);
  return text;
}

}  // namespace

DrillAgency::DrillAgency(Programs programs, const std::string& tag)
    : programs_(std::move(programs)), dir_(tag) {
  request_port_ = free_tcp_port();
  do {
    event_port_ = free_tcp_port();
  } while (event_port_ == request_port_);
  std::filesystem::create_directories(logs());
  write_config();
  Finished keygen = run(programs_.ticket_printer,
                        {"keygen", "--agency", "--config", config().string()}, "keygen");
  if (keygen.exit_code != 0) {
    throw std::runtime_error("keygen --agency failed: " + keygen.err);
  }
}

void DrillAgency::write_config() const {
  std::string text = replaced(kConfigTemplate, "@REQUEST@", std::to_string(request_port_));
  text = replaced(text, "@EVENT@", std::to_string(event_port_));
  std::ofstream(config()) << text << central_;
}

void DrillAgency::set_central(const std::string& endpoint, const std::string& public_key) {
  central_ = "\n[central]\nendpoint = \"" + endpoint + "\"\npublic_key = \"" + public_key + "\"\n";
  write_config();
}

client::ClientOptions DrillAgency::client_options(const std::string& key) const {
  auto config = app::load_config(this->config(), dir_.path());
  if (!config.ok()) throw std::runtime_error(config.error().to_string());
  auto options = app::client_options(*config, key, false);
  if (!options.ok()) throw std::runtime_error(options.error().to_string());
  return *options;
}

std::unique_ptr<Process> DrillAgency::start_hub() {
  auto hub = spawn(programs_.ticket_printer, {"--headless", "--config", config().string()},
                   "hub-" + std::to_string(++hub_starts_));
  if (!hub->wait_for_err(kHubStartedLine, 15s)) {
    throw std::runtime_error("the hub did not start: " + hub->err());
  }
  return hub;
}

std::string DrillAgency::epoch_in_log(const std::string& log) {
  const std::string mark = "époque ";
  auto at = log.find(mark);
  return at == std::string::npos ? "" : log.substr(at + mark.size(), 16);
}

std::unique_ptr<Process> DrillAgency::spawn(const std::string& program,
                                            std::vector<std::string> args,
                                            const std::string& name) const {
  args.insert(args.begin(), program);
  return std::make_unique<Process>(std::move(args), logs() / name);
}

Finished DrillAgency::run(const std::string& program, std::vector<std::string> args,
                          const std::string& name, std::chrono::milliseconds limit) const {
  args.insert(args.begin(), program);
  return run_program(std::move(args), logs() / name, limit);
}

}  // namespace pcn::testing
