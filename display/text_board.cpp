#include "display/text_board.h"

#include "display/board_lines.h"

namespace pcn::display {

TextBoard::TextBoard(client::Client& client, util::TimeZone zone, std::ostream& out)
    : client_(client), zone_(std::move(zone)), out_(out) {
  client_.on_connection([this](client::Connection c) { write(client::connection_text(c)); });
  client_.on_sync([this]() { write(waiting_summary(client_.state())); });
  client_.on_change([this](const queue::Change& change) {
    if (auto line = call_line(client_.state(), change, zone_)) write(*line);
  });
  write(client::connection_text(client_.connection()));
}

TextBoard::~TextBoard() {
  client_.on_connection(nullptr);
  client_.on_sync(nullptr);
  client_.on_change(nullptr);
}

void TextBoard::write(const std::string& line) { out_ << line << std::endl; }

}  // namespace pcn::display
