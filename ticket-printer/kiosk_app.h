// The kiosk's window: a borderless full-screen SFML window (or a plain window of a given size)
// that shows the KioskController's view and turns touches and keys into presses.
#pragma once

#include <atomic>
#include <string>

#include "client/client.h"
#include "printing/printer.h"
#include "ticket-printer/kiosk_controller.h"
#include "util/result.h"

namespace pcn::ticket_printer {

struct KioskWindow {
  std::string size;  ///< "WxH" for a window of that size; empty = full screen, borderless
};

/// Runs the kiosk until the window is closed or `stop`. The client is pumped here (at most
/// ~30 ms per frame); the screen is redrawn only when the view changes. Fails when the window
/// size is malformed or the fonts are missing.
util::Status run_kiosk(client::Client& client, printing::Printer& printer, KioskSettings settings,
                       const KioskWindow& window, const std::atomic<bool>& stop);

}  // namespace pcn::ticket_printer
