// Console views for the screen tests: the Bourail pilot agency's real services and counters
// (examples/agence-bourail.toml, as embedded in pcn_config), on each page.
#pragma once

#include <doctest/doctest.h>

#include <SFML/System/Vector2.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "config/agency_config.h"
#include "console/console_view.h"
#include "text/catalog.h"

namespace pcn::testing {

/// The window sizes an agent's PC may have: a small netbook, a 13" laptop, full HD.
inline std::vector<sf::Vector2u> console_window_sizes() {
  return {{1024, 600}, {1280, 800}, {1920, 1080}};
}

inline std::string console_size_name(sf::Vector2u size) {
  return std::to_string(size.x) + "x" + std::to_string(size.y);
}

inline void require_console_display() {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
}

inline config::AgencyConfig bourail_config() {
  auto config =
      config::parse_agency_config(config::default_config_text(), "agence-bourail.toml", {});
  REQUIRE(config.ok());
  return *config;
}

/// Guichet 1 (Marie) at 09:14, serving C-042 (CAFAT, priority, called twice); Guichet 1 calls
/// CAFAT, Factures and Identité numérique as in the file; one slip did not print (F-007).
inline console::ConsoleView bourail_counter() {
  config::AgencyConfig config = bourail_config();
  console::ConsoleView v;
  v.page = console::Page::counter;
  v.agency_name = config.name;
  v.counter_label = "Guichet 1";
  v.agent_name = "Marie";
  v.date_text = "lundi 23 novembre 2026";
  v.time_text = "09:14";
  v.connection_text = text::connection_live();
  v.live = true;
  v.serving = console::Serving{"C-042",
                               'C',
                               "CAFAT",
                               "#0072BC",
                               true,
                               text::console_waited(12),
                               text::console_at_counter(205),
                               text::console_calls(2)};
  const int waiting[] = {4, 2, 1, 0, 3, 1};
  const int minutes[] = {18, 9, 25, 0, 14, 6};
  std::size_t i = 0;
  for (const queue::Service& s : config.services) {
    bool served = std::string("CFN").find(s.prefix) != std::string::npos;
    v.services.push_back({s.prefix, s.label, s.colour, served, text::console_waiting(waiting[i]),
                          minutes[i] == 0 ? text::wait_queue_next()
                                          : text::wait_between(minutes[i] - minutes[i] / 3,
                                                               minutes[i] + minutes[i] / 3)});
    ++i;
  }
  v.unprinted = {{"F-007", "Plus de papier dans l’imprimante « Kiosque entrée »", ""}};
  v.status = {console::Tone::success,
              "Guichet 1 : C-042 (CAFAT) appelé"};
  return v;
}

inline console::ConsoleView bourail_setup() {
  console::ConsoleView v = bourail_counter();
  v.page = console::Page::setup;
  v.counter_label.clear();
  v.agent_name.clear();
  v.counters = {{1, "Guichet 1", "CAFAT, Factures EEC / Enercal / CDE, Identité numérique", ""},
                {2, "Guichet 2", "Factures EEC / Enercal / CDE, Impôts DFIP, Logement SIC", "Paul"},
                {3, "Guichet 3", "CAFAT, Identité numérique, Autre démarche", ""}};
  v.chosen_counter = 0;
  v.name_input = "Marie";
  v.setup_hint = text::console_setup_hint();
  return v;
}

/// `count` tickets whose slip did not print: C-004, F-011, N-018…, each with a reason as CUPS
/// gives them (long ones too), the second one's reprint already asked.
inline std::vector<console::UnprintedRow> unprinted_rows(std::size_t count) {
  const char prefixes[] = {'C', 'F', 'N', 'I', 'L', 'A'};
  const char* reasons[] = {
      "Plus de papier dans l’imprimante « Kiosque entrée »",
      "L’imprimante « ticket » est arrêtée : Printer is out of paper (media-empty-error)",
      "",
      "Le travail 1204 de l’imprimante « ticket » a été annulé",
  };
  std::vector<console::UnprintedRow> rows;
  for (std::size_t i = 0; i < count; ++i) {
    char label[8];
    std::snprintf(label, sizeof label, "%c-%03d", prefixes[i % 6], static_cast<int>(4 + 7 * i));
    rows.push_back({label, reasons[i % 4], i == 1 ? text::console_reprint_asked("09:12") : ""});
  }
  return rows;
}

}  // namespace pcn::testing
