// An agency's configuration: one TOML file (see examples/agence-bourail.toml, which documents
// every key) describes the agency, its opening hours, services, counters, queue policy, network,
// folders, printer and display.
//
// Loading is all or nothing: the first problem stops it, before anything else happens, with one
// Error of code "bad_config" whose French message names the file, the line when known and the key
// path, e.g. "agence.toml, ligne 14 : services[2].prefix : le préfixe « C » est déjà utilisé par
// « CAFAT »". Key paths number array elements from 1, as a person counts them.
//
// Unknown keys are errors (a typo such as `prefx` is reported, never ignored). Optional keys take
// the defaults written below. Relative folders are resolved against the config file's folder.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/counter.h"
#include "queue/engine.h"
#include "queue/opening_hours.h"
#include "queue/policy.h"
#include "queue/service.h"
#include "text/catalog.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::config {

/// [network]: where the hub listens and where clients connect (ZeroMQ over TCP).
struct NetworkConfig {
  std::string hub_host = "127.0.0.1";  ///< key `hub`: where clients connect
  std::string bind = "127.0.0.1";      ///< where the hub binds ("*" = all interfaces)
  int request_port = 5555;             ///< 1..65535, different from event_port
  int event_port = 5556;

  std::string request_endpoint() const;  ///< "tcp://hub_host:request_port" (client side)
  std::string event_endpoint() const;    ///< "tcp://hub_host:event_port" (client side)
  std::string request_bind() const;      ///< "tcp://bind:request_port" (hub side)
  std::string event_bind() const;        ///< "tcp://bind:event_port" (hub side)
};

/// [keys]: the folder of the CurveZMQ key files (hub.key, hub.pub, <client>.key, allowed/*.pub).
struct KeysConfig {
  std::filesystem::path folder;  ///< default "keys", resolved against the config's folder
};

/// [printer]: how the kiosk prints the ticket slips.
struct PrinterConfig {
  std::string backend = "file";  ///< "cups" | "escpos" | "file"
  std::string queue;             ///< CUPS queue name; required by the cups and escpos backends
  int paper_mm = 80;             ///< 58 or 80
  std::filesystem::path folder;  ///< file backend output folder (default "tickets", resolved)
  std::string message = text::default_slip_message();  ///< printed under the number
  bool qr = true;                ///< print a QR code to follow the queue on a phone
  int timeout_seconds = 20;      ///< 1..300: a print taking longer has failed
  std::string staff_pin;         ///< 4 to 8 digits: the kiosk's staff page; "" = no staff page
};

/// [display]: the waiting-room screen.
struct DisplayConfig {
  std::string message;  ///< welcome line shown under the calls
  bool voice = true;    ///< announce calls aloud
};

/// [central]: where the hub ships its event log (pcn-central, issue #12). Outbound only.
struct CentralConfig {
  std::string endpoint;    ///< "tcp://centre.pcn.nc:7470", required
  std::string public_key;  ///< the centre's public key (Z85, 40 characters), required
  std::string key;         ///< the agency's shipping key in the keys folder; default: the agency id
  /// Key `suivi`: the URL base of the centre's public page « suivre mon ticket »
  /// ("https://pcn-central.example.nc/suivre/"); a slip's QR code is this followed by the
  /// ticket's token (protocol/follow_token.h). http:// or https://, no space, at most
  /// kMaxFollowBaseBytes; "" (the default): the QR code names the ticket for staff, as before.
  std::string follow_base{};
};

inline constexpr std::size_t kMaxFollowBaseBytes = 200;

struct AgencyConfig {
  std::filesystem::path source;          ///< the file it was read from ("" when parsed from text)
  std::string id;                        ///< [agency] id, required, e.g. "bourail"
  std::string name;                      ///< [agency] name, required
  util::TimeZone zone = util::TimeZone::noumea();  ///< [agency] timezone
  queue::OpeningHours hours = queue::OpeningHours::always();  ///< no [hours] = always open
  queue::ServiceList services;           ///< at least one, in the file's order
  std::vector<queue::Counter> counters;  ///< number, label, services (prefixes); not paused
  queue::QueuePolicy policy;
  NetworkConfig network;
  std::filesystem::path data_folder;     ///< [data] folder, default "data", resolved
  KeysConfig keys;
  PrinterConfig printer;
  DisplayConfig display;
  /// [outcome]: the pick-lists of a visit's outcome (defaults when left out); each service's
  /// `partners` are resolved against them (config/outcome_section.h).
  queue::OutcomeLists outcomes = queue::OutcomeLists::defaults();
  /// [central]; nullopt without the section (the agency works alone, ships nothing).
  std::optional<CentralConfig> central;

  /// What the queue Engine needs: services, counters, policy, hours, zone and outcome lists.
  queue::AgencyRules rules() const;
  /// The agency's SQLite database: data_folder / "queue.sqlite".
  std::filesystem::path database() const;
};

/// Reads and checks the agency file. Messages name the file as given; relative folders are
/// resolved against the file's (absolute) folder; `source` is `file`. Fails with "bad_config"
/// when the file is missing or unreadable (naming the path) or when its content is not valid.
util::Result<AgencyConfig> load_agency_config(const std::filesystem::path& file);

/// Checks a configuration text. `source_name` names it in error messages; relative folders are
/// resolved against `base_folder` (left relative when it is empty); `source` is left empty.
util::Result<AgencyConfig> parse_agency_config(std::string_view text,
                                               const std::string& source_name,
                                               const std::filesystem::path& base_folder);

/// The text of examples/agence-bourail.toml, embedded in the library at build time: a starting
/// point for a new agency's file, and a configuration that is known to load.
std::string_view default_config_text();

}  // namespace pcn::config
