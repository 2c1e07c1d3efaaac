// The kiosk's behaviour, without drawing: what a press does, what the screen shows, when to go
// back home, printing the slip and reporting its outcome to the hub.
//
// Rules:
//  - A service press on the home page asks the hub for a ticket (take_ticket). Until the reply,
//    the kiosk is busy and ignores further presses: a double tap or a held finger gives one ticket.
//  - The ticket is shown at once (confirmation) while its slip prints on a worker thread. If the
//    print fails, the page turns to print_failed: the number very large, "Notez votre numéro",
//    and that an agent has been told — never the technical reason, which goes to the log and,
//    through report_print, to the agents and the display. A success is reported too. Every
//    issued ticket is thus either printed or flagged.
//  - A touch on the confirmation page returns home, but not during its first moments (so the
//    second tap of a double tap does not skip it); the page also returns home by itself. The
//    print_failed page stays until touched (after its own guard), or print_failed_time.
//  - The printer is checked (Printer::check) when the kiosk starts and every check_interval
//    while it rests, on a worker thread: while it fails, or after a slip failed and until a check
//    succeeds, the home page says that slips cannot be printed and the number will be shown.
//  - Outside opening hours, or while the hub is not reachable, the home page is replaced by the
//    closed / unreachable page and nothing is issued.
//  - Duplicates ("Duplicata", reported with duplicate = true): F12 reprints the last ticket; a
//    member of staff opens the staff page with a long press on the top bar and the kiosk's code
//    ([printer] staff_pin; no code, no staff page) and reprints any unprinted ticket of today or
//    the last one; and when `reprints_from_hub` is set, every reprint an agent asks for at the
//    console (a reprint_requested event, passed to on_change) is printed here. Slips print one
//    after the other, in the order asked.
//  - A slip's QR code is the ticket's address on the centre's « suivre mon ticket » page when
//    one is known (KioskSettings::follow, or the hub's take_ticket reply for the tickets issued
//    here), else qr_payload.
// Single-threaded: call press() and tick() from the UI loop; the Client must be pumped there too.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <future>
#include <map>
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
  std::chrono::milliseconds print_failed_time{120000};  ///< at least 60 s: time to note it
  std::chrono::milliseconds touch_guard{1500};         ///< touches ignored after a page appears
  std::chrono::milliseconds print_failed_guard{4000};  ///< the same, on the print_failed page
  std::chrono::milliseconds check_interval{20000};     ///< the printer's check, while at rest
  std::chrono::milliseconds staff_time{60000};         ///< staff pages close when left alone
  std::string staff_pin;          ///< the staff page's code; empty: no staff page
  bool reprints_from_hub = false;  ///< print the reprints agents ask for (the hub's kiosk)
  /// The address of a ticket on the centre's « suivre mon ticket » page, for its slip's QR code,
  /// or "": set for the kiosk that hosts the hub, which knows the agency's follow key
  /// (follow_of). Unset, or "" for a ticket: the address the hub's take_ticket reply gave
  /// ("suivi") for the tickets this kiosk issued today, else qr_payload.
  std::function<std::string(const queue::Ticket&)> follow{};
  /// Where the kiosk writes what the staff need and the visitor must not read (the print
  /// failures' reasons); stderr when empty.
  std::function<void(const std::string&)> log;
};

/// What a slip's QR code holds when there is no « suivre mon ticket » address for it (no
/// [central] suivi, or neither the kiosk nor its hub has the follow key; the test slip always):
/// "pcn-queue:AGENCY:DAY:LABEL:ID", e.g. "pcn-queue:bourail:2026-11-23:C-042:1042" — enough for
/// staff to find the ticket. Otherwise the QR code holds that address
/// ("https://pcn-central.example.nc/suivre/bourail.20261123.1042.q3X…": KioskSettings::follow).
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
  /// Timers, the print and check workers' outcomes; call at least a few times per second.
  void tick();
  /// Call from the Client's on_change: a reprint_requested change is printed here when
  /// `reprints_from_hub` is set.
  void on_change(const queue::Change& change);
  /// What to draw now.
  KioskView view() const;
  /// True while a request or a print is in progress (for tests and the `take` command).
  bool idle() const { return !request_pending_ && !printing_.valid() && to_print_.empty(); }
  /// What the QR code of the last slip issued here holds ("" before any): the `take` command
  /// prints it when it is the ticket's follow address.
  std::string last_qr() const { return last_ ? last_->slip.qr_payload : std::string(); }

 private:
  struct Issued {
    std::int64_t id = 0;
    slip::SlipContent slip;
  };
  /// One slip to print: the visitor's own (a failure turns their page to print_failed) or a
  /// duplicate asked by staff.
  struct PrintTask {
    std::int64_t id = 0;
    slip::SlipContent slip;
    bool visitor = false;
  };

  void take(char prefix);
  void on_ticket(const util::Result<protocol::Json>& reply);
  void queue_print(PrintTask task);
  void start_next_print();
  void on_printed(const PrintTask& task, const util::Status& outcome);
  void reprint(std::int64_t ticket);
  void staff_press(const Press& p);
  void check_printer();
  void log(const std::string& line) const;
  void show(Page page, std::string detail = {});
  Page resting_page(std::string* detail) const;
  /// The slip of `ticket` as the state knows it, without ahead, wait or duplicate.
  slip::SlipContent slip_from(const queue::Ticket& ticket) const;
  /// What the QR code of `ticket` (labelled `label`) holds: its follow address, else qr_payload.
  std::string qr_of(const queue::Ticket& ticket, const std::string& label) const;
  /// Keeps the follow address the hub gave for `ticket` (today's tickets only).
  void remember_follow(const queue::Ticket& ticket, const protocol::Json& reply);
  std::optional<slip::SlipContent> slip_of(std::int64_t ticket) const;
  std::vector<kiosk::StaffTicket> staff_tickets() const;

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
  // The follow addresses the hub gave for the tickets issued here on follow_day_ (reprints).
  std::map<std::int64_t, std::string> follow_urls_;
  util::LocalDate follow_day_{};
  std::deque<PrintTask> to_print_;
  std::optional<PrintTask> printing_task_;
  std::future<util::Status> printing_;
  std::future<util::Status> checking_;
  util::TimePoint next_check_{};
  bool printer_ok_ = true;
  std::string printer_problem_;
  // staff pages
  std::string pin_typed_;
  int pin_failures_ = 0;
  util::TimePoint pin_locked_until_{};
  std::string staff_message_;
};

}  // namespace pcn::ticket_printer
