// What the waiting-room screen shows at one moment: a plain value made by the DisplayController
// from the hub's state, drawn by BoardScreen (board_screen.h). Drawing depends on this value and
// the window size alone, so that every state can be rendered and checked in tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pcn::board {

struct CallLine {
  std::string ticket;        ///< "C-042"
  std::string counter;       ///< "Guichet 2"
  std::string colour;        ///< the service's "#RRGGBB"
  bool operator==(const CallLine&) const = default;
};

struct QueueLine {
  char prefix = 'A';
  std::string label;         ///< "CAFAT"
  std::string colour;        ///< "#RRGGBB"
  int waiting = 0;
  /// queue::queue_wait_text of its forecast ("entre 20 et 35 min", "pas d’attente"…); empty
  /// before the hub gave one (shown as "—").
  std::string wait_text;
  bool operator==(const QueueLine&) const = default;
};

struct BoardView {
  std::string agency_name;
  std::string date_text;     ///< "lundi 23 novembre 2026"
  std::string time_text;     ///< "09:14"
  std::optional<CallLine> latest;   ///< the latest call, very large
  bool highlight = false;           ///< the latest call just arrived: draw it highlighted
  std::vector<CallLine> previous;   ///< the calls before it, newest first (about five)
  std::vector<QueueLine> queues;    ///< per service, in the config's order
  std::string message;              ///< the scrolling line from the config
  float message_offset = 0;         ///< scroll position of the message, in pixels
  std::string alert;                ///< e.g. a printer failure; empty = none
  /// The open tickets whose slip did not print ("C-004"), oldest first; `alert` then lists them
  /// all (text::display_unprinted_alert), and the screen may shorten the list to
  /// "C-004, F-007 et 6 autres" when the band cannot hold it at a readable size.
  std::vector<std::string> unprinted;
  std::string connection;           ///< "" when live; "Reconnexion…" otherwise (shown discreetly)
  bool operator==(const BoardView&) const = default;
};

}  // namespace pcn::board
