// agent_console::console_settings and run_screenshot: where the window's counter and agent come
// from (--counter, --agent, the kept choice), and a picture of the live console that changes
// nothing at the hub.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <fstream>
#include <sstream>

#include "agent-console/console_choice.h"
#include "agent-console/console_command.h"
#include "config/agency_config.h"
#include "support/hub_fixture.h"
#include "support/temp_dir.h"

using namespace pcn;
using namespace std::chrono_literals;
using agent_console::ConsoleRequest;

namespace {

config::AgencyConfig bourail_in(const std::filesystem::path& folder) {
  auto config =
      config::parse_agency_config(config::default_config_text(), "agence-bourail.toml", folder);
  REQUIRE(config.ok());
  return *config;
}

}  // namespace

TEST_CASE("agent_console::console_settings takes --counter and --agent over the kept choice") {
  testing::TempDir dir("pcn-console-settings");
  config::AgencyConfig config = bourail_in(dir.path());
  std::ostringstream err;
  auto none = agent_console::console_settings(config, {}, err);
  REQUIRE(none.ok());
  CHECK_FALSE(none->counter.has_value());  // the set-up page will ask
  CHECK(none->choice_file == agent_console::choice_file(config.data_folder));
  CHECK(none->hub_endpoint == config.network.request_endpoint());
  CHECK(none->counters.size() == 3);

  REQUIRE(agent_console::save_choice(none->choice_file, {2, "Paul"}).ok());
  auto kept = agent_console::console_settings(config, {}, err);
  REQUIRE(kept.ok());
  CHECK(kept->counter == std::optional<queue::CounterNumber>(2));
  CHECK(kept->agent == "Paul");
  auto other = agent_console::console_settings(config, ConsoleRequest{"3", "", ""}, err);
  REQUIRE(other.ok());
  CHECK(other->counter == std::optional<queue::CounterNumber>(3));
  CHECK(other->agent == "Paul");
  auto named = agent_console::console_settings(config, ConsoleRequest{"3", "Zoé", ""}, err);
  REQUIRE(named.ok());
  CHECK(named->agent == "Zoé");
  CHECK(err.str().empty());

  auto unknown = agent_console::console_settings(config, ConsoleRequest{"9", "", ""}, err);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message.find('9') != std::string::npos);

  std::ofstream(none->choice_file) << "counter = [\n";  // damaged: said, then ignored
  auto damaged = agent_console::console_settings(config, {}, err);
  REQUIRE(damaged.ok());
  CHECK_FALSE(damaged->counter.has_value());
  CHECK(err.str().find(none->choice_file.string()) != std::string::npos);
}

TEST_CASE("agent_console::run_screenshot draws the live console of a counter and changes nothing") {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
  testing::TestHub hub;
  hub.start();
  REQUIRE(hub.client("kiosk", false)->request("take_ticket", {{"service", "C"}}).ok());
  REQUIRE(hub.client("agent", false)->request("call_next", {{"counter", 1}}).ok());
  testing::TempDir dir("pcn-console-shot");
  config::AgencyConfig config = bourail_in(dir.path());
  std::ostringstream err;
  for (const char* page : {"counter", "statistics", "transfer"}) {
    CAPTURE(page);
    auto png = dir / (std::string(page) + ".png");
    agent_console::ScreenshotRequest shot{png.string(), "1024x600", page};
    CHECK(agent_console::run_screenshot(config, hub.client_options("agent"),
                                        ConsoleRequest{"1", "", ""}, shot, err) == 0);
    sf::Image image;
    REQUIRE(image.loadFromFile(png.string()));
    CHECK(image.getSize() == sf::Vector2u(1024, 600));
  }
  CHECK(err.str().empty());
  auto snap = hub.client("supervisor", false)->request("snapshot");
  REQUIRE(snap.ok());
  CHECK(snap->at("counters")[0].at("agent") == "");  // no update_counter was sent
  CHECK(snap->at("seq") == 2);                        // the ticket and its call: nothing more

  agent_console::ScreenshotRequest bad{(dir / "x.png").string(), "", "accueil"};
  CHECK(agent_console::run_screenshot(config, hub.client_options("agent"), {}, bad, err) == 1);
  CHECK(err.str().find("accueil") != std::string::npos);
}
