// The agency's queue service: one process (hosted by ticket-printer) that owns the queue.
//
// It binds a ROUTER socket for requests and a PUB socket for events (docs/protocol.md), decides
// with the queue Engine, commits every change to the Store before it replies or publishes, and
// follows the Clone pattern: snapshots stamped with (epoch, seq), events numbered by the store,
// a heartbeat every second. It is single-threaded: run() polls the sockets and does everything;
// two requests are never handled at once, so two agents can never get the same ticket.
//
// Robustness: a garbage frame, a wrong version, an unknown type or a refused transition gets an
// error reply (or is dropped and counted when no reply can be addressed); nothing a client sends
// stops the hub or blocks it. Replies of state-changing requests are stored with the change, so a
// retried request (same client id and request number) gets the stored reply, even after a crash.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <zmq.hpp>

#include "hub/hub_stats.h"
#include "hub/shipper.h"
#include "net/allow_list.h"
#include "net/curve_keys.h"
#include "net/zap_authenticator.h"
#include "protocol/codec.h"
#include "protocol/follow_link.h"
#include "protocol/messages.h"
#include "queue/engine.h"
#include "store/store.h"
#include "util/clock.h"

namespace pcn::hub {

struct AgencyInfo {
  std::string id;
  std::string name;
};

struct HubOptions {
  AgencyInfo agency;
  queue::AgencyRules rules;
  std::string request_bind = "tcp://127.0.0.1:5555";  ///< "tcp://127.0.0.1:*" picks a free port
  std::string event_bind = "tcp://127.0.0.1:5556";
  /// CURVE on both sockets unless plaintext (local development only: every client is supervisor).
  bool plaintext = false;
  net::KeyPair hub_key;       ///< with its secret; REQUIRED unless plaintext
  net::AllowList allow_list;  ///< clients admitted, with their roles
  std::chrono::milliseconds heartbeat{1000};
  std::function<void(const std::string&)> log;  ///< one line per notable event; may be empty
  /// Where the event log is shipped (the agency config's [central]); HubThread runs the shipper.
  std::optional<ShipperOptions> central;
  /// The shipper's state, read at each heartbeat and sent in it ("central"); empty: none sent.
  /// Called on the hub's thread: it must be thread-safe (HubThread sets it).
  std::function<std::optional<ShipperState>()> central_state{};
  /// The slips' link to the centre's « suivre mon ticket » page ([central] suivi and the
  /// agency's follow key): take_ticket's reply then carries each ticket's address ("suivi"), for
  /// the kiosks that have no key. None: not sent.
  std::optional<protocol::FollowLink> follow{};
};

class Hub {
 public:
  /// Guards of the two sockets: a handshake must end within kHandshake; the hub raises its
  /// limit of open files (connections) to kOpenFiles, or to the hard limit when lower.
  static constexpr std::chrono::milliseconds kHandshake{5000};
  static constexpr std::size_t kOpenFiles = 65536;
  /// Subscriptions waiting to be read, per peer of the event port.
  static constexpr int kQueuedSubscriptions = 100;
  /// Replies waiting for a peer that does not read them (each client has a few in flight).
  static constexpr int kQueuedReplies = 32;
  /// The largest frame the event port takes from a peer: a subscription ("heartbeat" is 10
  /// bytes) or a CURVE handshake command (INITIATE with its metadata: about 300).
  static constexpr std::size_t kMaxSubscriptionBytes = 512;

  /// Binds the sockets (the ZAP handler first), restores the engine from `store`, and closes the
  /// previous business day if the date has changed. `store` and `clock` must outlive the hub.
  /// Fails (nothing left bound) when a port is taken, a key is unusable or the store cannot load.
  static util::Result<std::unique_ptr<Hub>> start(HubOptions options, store::Store& store,
                                                  const util::Clock& clock);
  ~Hub();
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  /// Serves until `stop` becomes true (checked at least every 100 ms).
  void run(const std::atomic<bool>& stop);
  /// Serves what is pending, waiting at most `timeout`; for tests and embedding.
  void poll_once(std::chrono::milliseconds timeout);

  /// The endpoints actually bound (ports resolved when "*" was asked).
  const std::string& request_endpoint() const { return request_endpoint_; }
  const std::string& event_endpoint() const { return event_endpoint_; }
  const std::string& epoch() const { return epoch_; }
  const HubStats& stats() const { return stats_; }
  const queue::Engine& engine() const { return engine_; }

 private:
  Hub(HubOptions options, store::Store& store, const util::Clock& clock);
  util::Status open_sockets();
  util::Status restore();

  void on_request();
  /// Reads the subscriptions of the event port's peers; applies only the documented topics.
  void on_subscriptions();
  void handle(const protocol::Request& request, const std::string& role, std::string* reply);
  void send_reply(const zmq::message_t& identity, bool delimited, const std::string& body);
  void heartbeat_if_due();
  /// The shipper's state as the heartbeat and the snapshot carry it; nullopt when not shipping.
  std::optional<protocol::CentralLink> central_link() const;
  void roll_over_if_due();
  /// Teaches the engine the visit times of the kHistoryDays days before its day (a failure to
  /// read them is logged: the estimate then starts from the config's typical durations).
  void learn_times();
  static constexpr int kHistoryDays = 42;

  /// Commits `change` (and the reply made by `make_reply` from the seq it will get), applies it
  /// and publishes it. Returns the reply text, or an error reply when the store refused.
  std::string commit(const queue::Change& change, const protocol::Request* request,
                     const std::function<protocol::Json(std::int64_t seq)>& make_result);
  void publish(std::int64_t seq, const queue::Change& change);
  /// The loads for an event: the forecasts again after a change of the queue, else (a print
  /// outcome, an outcome corrected, a workshop…) the last ones while under kLoadsReuse old.
  const std::vector<queue::ServiceLoad>& loads_for(const queue::Change& change);
  static constexpr std::chrono::seconds kLoadsReuse{1};
  /// Puts [topic][body] on the PUB socket without blocking; false (and logged) when it failed.
  bool send_published(std::string_view topic, const std::string& body);
  void log(const std::string& line) const;

  friend class RequestHandlers;

  HubOptions options_;
  store::Store& store_;
  const util::Clock& clock_;
  queue::Engine engine_;
  std::string epoch_;
  std::int64_t seq_ = 0;  // last committed event
  std::chrono::steady_clock::time_point next_heartbeat_{};
  HubStats stats_;

  // Declared in this order so that the ZAP handler is bound before, and closed after, the
  // CURVE sockets of the same context.
  zmq::context_t context_;
  std::unique_ptr<net::ZapAuthenticator> zap_;
  zmq::socket_t router_;
  zmq::socket_t publisher_;
  std::vector<queue::ServiceLoad> loads_;
  std::optional<std::chrono::steady_clock::time_point> loads_at_;
  std::string request_endpoint_;
  std::string event_endpoint_;
};

}  // namespace pcn::hub
