// The text display: watches a following Client and writes to a stream one line per call or
// recall, one line each time the link to the hub changes ("Reconnexion…", "Connecté"), and the
// waiting counts after each sync (board_lines.h). Stands in for the SFML screen until its issue.
#pragma once

#include <ostream>

#include "client/client.h"
#include "util/time_zone.h"

namespace pcn::display {

class TextBoard {
 public:
  /// Installs its callbacks on `client` (replacing any), and writes the link's current state.
  /// REQUIRES: `client` follows the hub, and it and `out` outlive the board.
  TextBoard(client::Client& client, util::TimeZone zone, std::ostream& out);
  /// Removes its callbacks from the client.
  ~TextBoard();
  TextBoard(const TextBoard&) = delete;
  TextBoard& operator=(const TextBoard&) = delete;

 private:
  void write(const std::string& line);

  client::Client& client_;
  util::TimeZone zone_;
  std::ostream& out_;
};

}  // namespace pcn::display
