// Kiosk views for the screen tests: the Bourail pilot agency's real services (from
// examples/agence-bourail.toml, as embedded in pcn_config), on each page.
#pragma once

#include <doctest/doctest.h>

#include <SFML/System/Vector2.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "config/agency_config.h"
#include "kiosk/kiosk_view.h"

namespace pcn::testing {

/// The window sizes a kiosk screen must serve: small landscape, full HD, full HD portrait.
inline std::vector<sf::Vector2u> kiosk_window_sizes() {
  return {{1024, 768}, {1920, 1080}, {1080, 1920}};
}

inline std::string size_name(sf::Vector2u size) {
  return std::to_string(size.x) + "x" + std::to_string(size.y);
}

/// The home page of the Bourail agency at 09:14, keys 1–6 in the file's order.
inline kiosk::KioskView bourail_home() {
  auto config =
      config::parse_agency_config(config::default_config_text(), "agence-bourail.toml", {});
  REQUIRE(config.ok());
  kiosk::KioskView view;
  view.agency_name = config->name;
  view.clock_text = "lundi 23 novembre 2026 — 09:14";
  const int waiting[] = {4, 0, 1, 7, 2, 3};
  int key = 1;
  for (const queue::Service& service : config->services) {
    view.services.push_back(kiosk::ServiceButton{service.prefix, service.label, service.colour, key,
                                                 waiting[(key - 1) % 6]});
    ++key;
  }
  return view;
}

/// C-042 (CAFAT) just taken: 3 people ahead, about 12 minutes.
inline kiosk::KioskView bourail_confirmation() {
  kiosk::KioskView view = bourail_home();
  view.page = kiosk::Page::confirmation;
  view.ticket_label = "C-042";
  view.ticket_service = "CAFAT";
  view.ahead = 3;
  view.wait_text = "Attente estimée : entre 10 et 15 min";
  return view;
}

inline kiosk::KioskView bourail_print_failed() {
  kiosk::KioskView view = bourail_confirmation();
  view.page = kiosk::Page::print_failed;
  view.detail = "Plus de papier dans l’imprimante « Kiosque entrée »";
  return view;
}

inline kiosk::KioskView bourail_closed() {
  kiosk::KioskView view = bourail_home();
  view.page = kiosk::Page::closed;
  view.detail =
      "Horaires : du lundi au jeudi 07:30-11:30 et 12:15-15:30, le vendredi "
      "07:30-11:30 et 12:15-14:30.";
  return view;
}

inline kiosk::KioskView bourail_unreachable() {
  kiosk::KioskView view = bourail_home();
  view.page = kiosk::Page::unreachable;
  view.detail = "Le serveur de la file ne répond pas. Adressez-vous à l’accueil.";
  return view;
}

/// SFML aborts the whole program without an X display: the ctest entry runs the tests under
/// xvfb-run; run by hand, use  xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" tests/test_kiosk
/// (without -noreset, Xvfb resets whenever SFML closes its last connection, and the next test
/// may find no display).
inline void require_display() {
  const char* display = std::getenv("DISPLAY");
  REQUIRE_MESSAGE((display != nullptr && *display != '\0'),
                  "no X display: run under xvfb-run -a -s \"-screen 0 1920x1080x24 -noreset\"");
}

}  // namespace pcn::testing
