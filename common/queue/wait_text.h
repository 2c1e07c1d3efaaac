// The one way every screen words a forecast (wait_estimate.h): the slip, the kiosk's
// confirmation and buttons, the wall display, the console and the « suivre mon ticket » page
// call these, so that no screen contradicts another. The French words are the catalog's.
#pragma once

#include <string>

#include "queue/wait_estimate.h"

namespace pcn::queue {

/// The range alone: "entre 20 et 35 min", "moins de 5 min", "entre 1 h 10 et 1 h 40".
/// REQUIRES: w.kind == range.
std::string range_text(const WaitRange& w);

/// For a visitor's own ticket: "Attente estimée : entre 20 et 35 min", "Vous êtes le prochain",
/// "Aucun guichet ouvert pour ce service pour l’instant", "Reprise à 12 h 15 ; attente estimée …".
std::string ticket_wait_text(const WaitRange& w);

/// For a queue, someone taking a ticket now: "entre 20 et 35 min", "pas d’attente",
/// "aucun guichet ouvert" (beside the service's name), "reprise à 12 h 15, entre
/// 25 et 40 min".
std::string queue_wait_text(const WaitRange& w);

/// A kiosk button's bottom line for a service with `waiting` people: "3 personnes attendent ·
/// entre 20 et 35 min"; the forecast alone when nobody waits or no counter is open ("Pas
/// d’attente", "Aucun guichet ouvert").
std::string button_wait_text(int waiting, const WaitRange& w);

}  // namespace pcn::queue
