// The kiosk's behaviour, without drawing: what a press does, what the screen shows, when to go
// back home, printing the slip and reporting its outcome to the hub.
//
// Rules:
//  - A service press on the home page asks the hub for a ticket (take_ticket). Until the reply,
//    the kiosk is busy and ignores further presses: a double tap or a held finger gives one ticket.
//  - The ticket is shown at once (confirmation) while its slip prints on a worker thread. If the
//    print fails, the page turns to print_failed ("Notez votre numéro"), and the failure is
//    reported to the hub (report_print) so that agents and the display can raise an alert; a
//    success is reported too. Every issued ticket is thus either printed or flagged.
//  - A touch on the confirmation page returns home, but not during its first moments (so the
//    second tap of a double tap does not skip it); the page also returns home by itself.
//  - Outside opening hours, or while the hub is not reachable, the home page is replaced by the
//    closed / unreachable page and nothing is issued.
//  - staff_reprint prints the last ticket again, marked "Duplicata".
// Single-threaded: call press() and tick() from the UI loop; the Client must be pumped there too.
#pragma once

#include <chrono>
#include <future>
#include <optional>
#include <string>

#include "client/client.h"
#include "kiosk/kiosk_view.h"
#include "printing/printer.h"
#include "queue/opening_hours.h"
#include "slip/slip_content.h"
#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::ticket_printer {

using kiosk::KioskView;
using kiosk::Page;
using kiosk::Press;

struct KioskSettings {
  util::TimeZone zone = util::TimeZone::noumea();
  queue::OpeningHours hours = queue::OpeningHours::always();
  std::string agency_name;        ///< until the hub's snapshot gives it
  slip::Paper paper;
  std::string slip_message;
  bool qr = true;
  std::chrono::milliseconds confirmation_time{8000};   ///< back home after this
  std::chrono::milliseconds print_failed_time{30000};
  std::chrono::milliseconds touch_guard{1500};         ///< touches ignored after a page appears
};

/// What a slip's QR code holds: "pcn-queue:AGENCY:DAY:LABEL:ID", e.g.
/// "pcn-queue:bourail:2026-11-23:C-042:1042" — enough for staff to find the ticket.
std::string qr_payload(const std::string& agency, const std::string& day, const std::string& label,
                       std::int64_t id);

class KioskController {
 public:
  /// `client`, `printer` and `clock` must outlive the controller.
  KioskController(client::Client& client, printing::Printer& printer, const util::Clock& clock,
                  KioskSettings settings);
  ~KioskController();
  KioskController(const KioskController&) = delete;
  KioskController& operator=(const KioskController&) = delete;

  void press(const Press& p);
  /// Timers and the print worker's outcome; call at least a few times per second.
  void tick();
  /// What to draw now.
  KioskView view() const;
  /// True while a request or a print is in progress (for tests and the `take` command).
  bool idle() const { return !request_pending_ && !printing_.valid(); }

 private:
  struct Issued {
    protocol::Json ticket;  ///< the ticket as the hub replied
    std::int64_t id = 0;
    slip::SlipContent slip;
  };

  void take(char prefix);
  void on_ticket(const util::Result<protocol::Json>& reply);
  void start_print(const slip::SlipContent& content);
  void on_printed(const util::Status& outcome);
  void show(Page page, std::string detail = {});
  Page resting_page(std::string* detail) const;
  slip::SlipContent slip_for(const protocol::Json& result) const;

  client::Client& client_;
  printing::Printer& printer_;
  const util::Clock& clock_;
  KioskSettings settings_;

  Page page_ = Page::home;
  std::string detail_;
  bool priority_ = false;
  bool request_pending_ = false;
  util::TimePoint page_since_{};
  util::TimePoint hold_until_{};  // a refusal stays on screen until then
  std::optional<Issued> last_;
  bool last_is_duplicate_ = false;
  std::future<util::Status> printing_;
};

}  // namespace pcn::ticket_printer
