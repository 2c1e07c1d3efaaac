// Ships the agency's event log to the centre (issue #12), from a thread of its own that reads the
// hub's database through a second connection (store/event_reader.h): the hub's loop never waits
// for it, and works the same with the link down.
//
// Outbound only: a DEALER, CURVE client with the agency's shipping key (role "agency", named after
// the agency) that trusts the centre's public key. After every (re)connection it asks what the
// centre holds (an empty ship, the hello, with the agency's profile and follow key), then sends
// the events after that acknowledgement, `batch` at a time, one batch in flight: memory stays
// bounded whatever the backlog. Caught up, it looks for new events every `idle` (so an event
// reaches the centre within about that while the link is up) and sends an empty ship at least
// every `keepalive`, so that the centre knows the link is up; its ack counts as any. A reply not
// received within `timeout` drops the socket (and any late reply with it) and retries after a
// back-off that doubles from `retry` up to `retry_max`. A refusal is logged, in French, and retried
// the same way. So every event reaches the centre once, whatever is lost or restarted: the centre
// stores by (agency, store id, sequence) and acknowledges the highest.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "net/curve_keys.h"
#include "protocol/profile.h"
#include "util/clock.h"

namespace pcn::hub {

struct ShipperOptions {
  std::string endpoint;         ///< the centre: "tcp://centre.example.nc:7470"
  std::string central_public;   ///< its public key (Z85)
  net::KeyPair key;             ///< the agency's shipping pair, with its secret
  std::string agency;           ///< the agency's id (= key.name)
  std::string name;             ///< "OPT Bourail"
  std::string time_zone = "Pacific/Noumea";
  std::filesystem::path database;  ///< the hub's SQLite file
  std::chrono::milliseconds timeout{10000};
  std::chrono::milliseconds retry{1000};
  std::chrono::milliseconds retry_max{60000};
  std::chrono::milliseconds idle{250};  ///< how often a caught-up shipper looks for new events
  /// A caught-up shipper sends an empty ship (no profile) when it exchanged nothing for this
  /// long: the centre's sign that the link is up.
  std::chrono::milliseconds keepalive{10000};
  int batch = 500;
  /// Sent with the hello of every connection (the centre's report uses it); none: not sent.
  std::optional<protocol::AgencyProfile> profile = std::nullopt;
  /// The agency's follow key (protocol/follow_token.h, 64 hex digits), sent with the hello of
  /// every connection: the centre checks the slips' tokens with it. "": not sent.
  std::string follow_key{};
};

/// What staff see of the link ("centre : dernier envoi il y a 3 h").
struct ShipperState {
  std::int64_t acknowledged = 0;            ///< the centre holds every event up to this one
  std::int64_t last_seq = 0;                ///< the hub's newest event, when last looked at
  std::optional<util::TimePoint> last_ack;  ///< when the centre last answered
  std::string last_error;                   ///< French; empty while all goes well
  bool connected = false;                   ///< the last exchange succeeded
};

class Shipper {
 public:
  using LogSink = std::function<void(const std::string&)>;
  /// Starts the thread. `clock` stamps last_ack; it must outlive the shipper.
  Shipper(ShipperOptions options, const util::Clock& clock, LogSink log = {});
  ~Shipper();  ///< stops and joins within about 100 ms
  Shipper(const Shipper&) = delete;
  Shipper& operator=(const Shipper&) = delete;

  ShipperState state() const;

 private:
  void run();
  /// One connection's life: hello, then batches until a failure; returns the failure (French).
  std::string session();
  /// The centre holds every event up to `ack`; the hub's newest is `last`.
  void record_ack(std::int64_t ack, std::int64_t last);
  void record_last_seq(std::int64_t last);
  void set_error(const std::string& error);
  void sleep_for(std::chrono::milliseconds d);

  ShipperOptions options_;
  const util::Clock& clock_;
  LogSink log_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  ShipperState state_;
  std::thread thread_;
};

}  // namespace pcn::hub
