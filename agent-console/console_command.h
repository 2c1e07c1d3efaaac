// The window's two ways of running from the command line, over the agency's config:
//   agent-console [--counter N] [--agent NAME] [--window WxH]      the window (no subcommand)
//   agent-console [--counter N] [--agent NAME] screenshot FILE [--size WxH] [--page PAGE]
// The counter and the agent come from --counter and --agent, else from the choice kept by the
// set-up page (console_choice.h: <data folder>/console-<host>.toml); when either is still
// missing the window opens on the set-up page. Problems are written to `err` as
// "agent-console : <French message>".
#pragma once

#include <ostream>
#include <string>

#include "agent-console/console_controller.h"
#include "client/client.h"
#include "config/agency_config.h"
#include "util/result.h"

namespace pcn::agent_console {

struct ConsoleRequest {
  std::string counter;  ///< as typed after --counter; "" when not given
  std::string agent;    ///< --agent; "" when not given
  std::string window;   ///< --window WxH; "" = full screen
};

struct ScreenshotRequest {
  std::string file;            ///< the PNG to write
  std::string size;            ///< "WxH"; "" = 1920x1080
  std::string page = "counter";  ///< counter, setup, transfer, call-number, statistics,
                                 ///< outcome, workshop
};

/// The window's settings: the config's agency, counters, hours and hub, the kept choice's file,
/// and the counter and agent known at start. Fails when --counter is not a configured counter.
/// A kept choice that cannot be read is reported on `err` and ignored.
util::Result<ConsoleSettings> console_settings(const config::AgencyConfig& config,
                                               const ConsoleRequest& request, std::ostream& err);

/// Runs the window until it is closed or Ctrl-C / SIGTERM. Returns 0; 1 when it cannot start.
int run_window(const config::AgencyConfig& config, client::ClientOptions options,
               const ConsoleRequest& request, std::ostream& err);

/// Writes the picture of the console for the request's counter and returns 0; 1 when the hub
/// did not answer, the page or size is unknown, or the file cannot be written.
int run_screenshot(const config::AgencyConfig& config, client::ClientOptions options,
                   const ConsoleRequest& request, const ScreenshotRequest& shot, std::ostream& err);

}  // namespace pcn::agent_console
