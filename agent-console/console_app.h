// The agent console's window: a borderless full-screen SFML window (or a plain window of a
// given size) that shows the ConsoleController's view and turns touches, clicks and keys into
// presses. Redrawn only when the view changes (the clock and the running time at the counter
// change it at most once a second), so that an idle console costs little on a small PC.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "agent-console/console_controller.h"
#include "client/client.h"
#include "console/console_view.h"
#include "util/result.h"

namespace pcn::agent_console {

struct ConsoleWindow {
  std::string size;  ///< "WxH" for a window of that size; empty = full screen, borderless
  /// Called with each view after it is drawn and shown (tests read what the agent sees); may
  /// be empty. Runs on the window's thread.
  std::function<void(const console::ConsoleView&)> on_frame;
};

/// Runs the console until the window is closed or `stop`. The client is pumped here. Fails when
/// the window size is malformed or the fonts are missing.
util::Status run_console(client::Client& client, ConsoleSettings settings,
                         const ConsoleWindow& window, const std::atomic<bool>& stop);

/// Which page a screenshot shows.
enum class ShotPage { counter, setup, transfer, call_number, statistics, outcome, workshop };

/// Waits until the client is live (at most `timeout`), then renders the console for the
/// settings' counter on `page` at `size` ("WxH", default 1920x1080) into `png`. Changes nothing
/// at the hub. Fails when the hub did not answer, the size is malformed, or the file cannot be
/// written.
util::Status console_screenshot(client::Client& client, ConsoleSettings settings, ShotPage page,
                                const std::string& size, const std::filesystem::path& png,
                                std::chrono::milliseconds timeout);

/// "counter", "setup", "transfer", "call-number", "statistics", "outcome" (the outcome page of
/// the visitor at the counter, as « Terminé » opens it; empty when nobody is there),
/// "workshop".
std::optional<ShotPage> shot_page_from(const std::string& word);

}  // namespace pcn::agent_console
