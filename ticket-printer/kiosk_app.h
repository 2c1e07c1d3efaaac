// The kiosk's window: a borderless full-screen SFML window (or a plain window of a given size)
// that shows the KioskController's view and turns touches and keys into presses.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "client/client.h"
#include "printing/printer.h"
#include "ticket-printer/kiosk_controller.h"
#include "util/result.h"

namespace pcn::ticket_printer {

struct KioskWindow {
  std::string size;  ///< "WxH" for a window of that size; empty = full screen, borderless
  /// Called with each view after it is drawn and shown (tests read what the visitor sees); may
  /// be empty. Runs on the window's thread.
  std::function<void(const kiosk::KioskView&)> on_frame;
};

/// Runs the kiosk until the window is closed or `stop`. The client is pumped here (at most
/// ~30 ms per frame); the screen is redrawn only when the view changes. Fails when the window
/// size is malformed or the fonts are missing.
util::Status run_kiosk(client::Client& client, printing::Printer& printer, KioskSettings settings,
                       const KioskWindow& window, const std::atomic<bool>& stop);

/// Writes a PNG of the kiosk's home page as it is now (the services open or closed, from the
/// hub's live state), `size` "WxH" (default 1920x1080). Fails with
/// "unreachable" when the hub does not answer within `timeout`, or with render_to_png's errors.
util::Status screenshot(client::Client& client, printing::Printer& printer, KioskSettings settings,
                        const std::string& size, const std::filesystem::path& png,
                        std::chrono::milliseconds timeout);

}  // namespace pcn::ticket_printer
