// The wall display's behaviour, without drawing: which calls to show, what to announce, which
// alert to raise, built from the hub's state as the Client keeps it.
//
// Rules:
//  - Each call or recall event becomes the latest call (highlighted for a few seconds) and is
//    announced (chime and voice), in order; the previous calls move down, newest first, one line
//    per ticket.
//  - After a (re)sync, the calls are rebuilt from the tickets' call times, silently: a display
//    that starts or reconnects never replays old announcements.
//  - Every ticket whose slip failed to print and that is still open is listed on the alert line
//    (oldest first: "Tickets non imprimés : C-004, F-007 — adressez-vous à un agent"); a ticket
//    leaves it when its slip is reprinted or it leaves the queue, and the line clears with the
//    last one.
// Single-threaded: construct it on the UI thread; it registers callbacks on the Client, which
// must be pumped there too, and must outlive it.
#pragma once

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "board/board_view.h"
#include "client/client.h"
#include "speech/announcer.h"
#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::display {

struct DisplaySettings {
  util::TimeZone zone = util::TimeZone::noumea();
  std::string agency_name;  ///< until the hub's snapshot gives it
  std::string message;      ///< the scrolling line, from the config
  std::chrono::milliseconds highlight_time{6000};
  std::size_t previous_calls = 5;
};

class DisplayController {
 public:
  /// `announcer` may be null (no sound). `client`, `announcer` and `clock` must outlive this.
  DisplayController(client::Client& client, speech::Announcer* announcer, const util::Clock& clock,
                    DisplaySettings settings);
  ~DisplayController();
  DisplayController(const DisplayController&) = delete;
  DisplayController& operator=(const DisplayController&) = delete;

  /// What to draw now (the message offset is left at 0 for the caller to animate).
  board::BoardView view() const;
  /// True while the latest call is highlighted: the screen must redraw when it ends.
  bool highlighting() const;

 private:
  void on_change(const queue::Change& change);
  void on_sync();
  void refresh_alert();
  board::CallLine call_line(const queue::Ticket& t) const;
  void push_call(const board::CallLine& line);

  client::Client& client_;
  speech::Announcer* announcer_;
  const util::Clock& clock_;
  DisplaySettings settings_;
  std::deque<board::CallLine> calls_;  // newest first
  std::optional<util::TimePoint> highlight_since_;
  std::string alert_;
  std::vector<std::string> unprinted_;  // labels, oldest first
};

}  // namespace pcn::display
