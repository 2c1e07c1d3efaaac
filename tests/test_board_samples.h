// Board views for the board tests: the Bourail pilot agency's real services (from
// examples/agence-bourail.toml, as embedded in pcn_config), busy and empty, and the window sizes
// a wall screen must serve.
#pragma once

#include <doctest/doctest.h>

#include <SFML/System/Vector2.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "board/board_view.h"
#include "config/agency_config.h"
#include "text/catalog.h"

namespace pcn::testing {

/// 720p, full HD and 4K, landscape.
inline std::vector<sf::Vector2u> board_window_sizes() {
  return {{1280, 720}, {1920, 1080}, {3840, 2160}};
}

inline std::string board_size_name(sf::Vector2u size) {
  return std::to_string(size.x) + "x" + std::to_string(size.y);
}

/// Bourail at 09:14: C-042 just called to Guichet 2 (highlighted), four previous calls, every
/// service's queue (Autre démarche without an open counter), the config's welcome message.
inline board::BoardView bourail_board() {
  auto config =
      config::parse_agency_config(config::default_config_text(), "agence-bourail.toml", {});
  REQUIRE(config.ok());
  board::BoardView view;
  view.agency_name = config->name;
  view.date_text = "lundi 23 novembre 2026";
  view.time_text = "09:14";
  const int waiting[] = {4, 2, 1, 7, 0, 3};
  const int minutes[] = {12, 8, 25, 35, 0, -1};
  std::size_t i = 0;
  for (const queue::Service& service : config->services) {
    board::QueueLine line{service.prefix, service.label, service.colour, waiting[i % 6], {}};
    const int m = minutes[i % 6];
    line.wait_text = m < 0 ? text::wait_queue_no_counter()
                     : m == 0 ? text::wait_queue_next()
                              : text::wait_between(m - m / 3, m + m / 3);
    view.queues.push_back(line);
    ++i;
  }
  auto colour_of = [&view](char prefix) {
    for (const auto& q : view.queues) {
      if (q.prefix == prefix) return q.colour;
    }
    return std::string("#5B6770");
  };
  view.latest = board::CallLine{"C-042", "Guichet 2", colour_of('C')};
  view.highlight = true;
  view.previous = {{"I-017", "Guichet 1", colour_of('I')},
                   {"F-023", "Guichet 3", colour_of('F')},
                   {"C-041", "Guichet 1", colour_of('C')},
                   {"N-008", "Guichet 2", colour_of('N')}};
  view.message = "Bienvenue au Point Conseil Numérique de Bourail : prenez un ticket à la borne.";
  view.message_offset = 600.f;  // partly scrolled in
  return view;
}

/// The screen at opening: nobody called yet, nobody waiting.
inline board::BoardView empty_board() {
  board::BoardView view = bourail_board();
  view.latest.reset();
  view.highlight = false;
  view.previous.clear();
  for (auto& q : view.queues) {
    q.waiting = 0;
    q.wait_text = text::wait_queue_next();
  }
  return view;
}

/// SFML aborts the whole program without an X display: ctest runs these tests under xvfb-run;
/// by hand: xvfb-run -a -s "-screen 0 3840x2160x24 -noreset" tests/test_board
inline void require_board_display() {
  const char* display = std::getenv("DISPLAY");
  REQUIRE_MESSAGE((display != nullptr && *display != '\0'),
                  "no X display: run under xvfb-run -a -s \"-screen 0 3840x2160x24 -noreset\"");
}

}  // namespace pcn::testing
