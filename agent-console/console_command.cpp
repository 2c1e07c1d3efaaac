#include "agent-console/console_command.h"

#include "agent-console/action_command.h"
#include "agent-console/console_app.h"
#include "agent-console/console_choice.h"
#include "app/display_check.h"
#include "app/startup.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

int fail(std::ostream& err, const util::Error& e) {
  err << "agent-console : " << e.message << std::endl;
  return 1;
}

bool configured(const config::AgencyConfig& config, queue::CounterNumber n) {
  for (const queue::Counter& c : config.counters) {
    if (c.number == n) return true;
  }
  return false;
}

}  // namespace

util::Result<ConsoleSettings> console_settings(const config::AgencyConfig& config,
                                               const ConsoleRequest& request, std::ostream& err) {
  ConsoleSettings s;
  s.zone = config.zone;
  s.hours = config.hours;
  s.agency_name = config.name;
  s.counters = config.counters;
  s.outcomes = config.outcomes;
  s.services = config.services;
  s.hub_endpoint = config.network.request_endpoint();
  s.choice_file = choice_file(config.data_folder);
  auto kept = load_choice(s.choice_file);
  if (!kept.ok()) err << "agent-console : " << kept.error().message << std::endl;
  if (kept.ok() && kept->has_value() && configured(config, (*kept)->counter)) {
    s.counter = (*kept)->counter;
    s.agent = (*kept)->agent;
  }
  if (!request.counter.empty()) {
    auto counter = counter_argument(request.counter, config.counters);
    if (!counter.ok()) return counter.error();
    s.counter = *counter;
  }
  if (!request.agent.empty()) s.agent = request.agent;
  return s;
}

int run_window(const config::AgencyConfig& config, client::ClientOptions options,
               const ConsoleRequest& request, std::ostream& err) {
  auto settings = console_settings(config, request, err);
  if (!settings.ok()) return fail(err, settings.error());
  if (settings->counter) options.name = "console-" + std::to_string(*settings->counter);
  auto client = client::Client::connect(std::move(options));
  if (!client.ok()) return fail(err, client.error());
  // checked here, before the window: without an X server SFML aborts the program
  if (auto screen = app::require_display(); !screen.ok()) return fail(err, screen.error());
  auto shown = run_console(**client, *settings, {request.window, {}}, app::stop_on_signals());
  return shown.ok() ? 0 : fail(err, shown.error());
}

int run_screenshot(const config::AgencyConfig& config, client::ClientOptions options,
                   const ConsoleRequest& request, const ScreenshotRequest& shot,
                   std::ostream& err) {
  auto page = shot_page_from(shot.page);
  if (!page) return fail(err, util::Error{"bad_page", text::console_bad_screenshot_page(shot.page)});
  auto settings = console_settings(config, request, err);
  if (!settings.ok()) return fail(err, settings.error());
  auto client = client::Client::connect(std::move(options));
  if (!client.ok()) return fail(err, client.error());
  auto saved = console_screenshot(**client, *settings, *page, shot.size, shot.file,
                                  std::chrono::seconds(5));
  return saved.ok() ? 0 : fail(err, saved.error());
}

}  // namespace pcn::agent_console
