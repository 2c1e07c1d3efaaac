// The wall display's window: a borderless full-screen SFML window (or a plain window of a given
// size) that shows the DisplayController's view, plays the announcements, and redraws only when
// the view changes or an animation runs (the latest call's highlight, the scrolling message), so
// that an idle display costs little CPU on a small PC that runs for weeks.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>

#include <SFML/System/Vector2.hpp>

#include "client/client.h"
#include "display/display_controller.h"
#include "util/result.h"

namespace pcn::display {

struct BoardOptions {
  std::string size;   ///< "WxH" for a window of that size; empty = full screen, borderless
  bool voice = true;  ///< French voice after the chime (espeak-ng)
  bool sound = true;  ///< chime and voice at all
  /// Called after each frame is shown (benchmarks measure call → frame with it); may be empty.
  std::function<void()> on_frame;
};

/// Runs until the window is closed or `stop`.
util::Status run_board(client::Client& client, DisplaySettings settings, const BoardOptions& o,
                       const std::atomic<bool>& stop);

/// Connects, syncs (at most `timeout`), renders one frame at `size` ("WxH", default 1920x1080)
/// into `png`, and returns. Fails when the hub did not answer or the file cannot be written.
util::Status screenshot(client::Client& client, DisplaySettings settings, const std::string& size,
                        const std::filesystem::path& png, std::chrono::milliseconds timeout);

/// "WxH" → (W, H); fails with a French message naming the text.
util::Result<sf::Vector2u> parse_size(const std::string& text);

}  // namespace pcn::display
