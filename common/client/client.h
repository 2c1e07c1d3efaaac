// The client side of docs/protocol.md, used by the kiosk, the display and the agent console.
//
// A Client keeps a replica of the hub's queue (QueueState) in step by the Clone pattern:
// subscribe to events, ask for a snapshot, apply the events after it, and resync by itself on a
// sequence gap, a new hub epoch (restarted hub) or 3 s of silence. Requests are retried with the
// same request number when no reply comes (Lazy Pirate: the socket is closed and reopened between
// tries), so the hub never executes one twice; after the last try the request fails with
// "unreachable" and its message can no longer reach the hub.
//
// Single-threaded: call pump() often (from a UI loop or a command); callbacks and reply handlers
// run inside pump() or request(). Not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <zmq.hpp>

#include "client/queue_state.h"
#include "net/curve_keys.h"
#include "protocol/messages.h"
#include "util/result.h"

namespace pcn::client {

/// What a screen shows about the link to the hub.
enum class Connection {
  connecting,  ///< no state yet
  live,        ///< state current, and the event feed heard since
  lost,        ///< hub silent or unreachable; the last state is kept while it reconnects
};

std::string connection_text(Connection c);  ///< French, for screens

/// The link from the hub to the centre in a few words, for a header ("Centre : à jour",
/// "Centre : dernier envoi il y a 3 h", "Centre : pas encore joint"): up to date when connected
/// with nothing waiting; else the age of the centre's last answer at `hub_now` (both the hub's
/// clock).
std::string central_link_text(const protocol::CentralLink& link, util::TimePoint hub_now);
/// What a snapshot says of the link: its "central" member (nullopt when absent or malformed)
/// and the hub's clock ("now") that its times compare with.
struct SnapshotLink {
  std::optional<protocol::CentralLink> link;
  std::optional<util::TimePoint> hub_now;
};
SnapshotLink central_link_of(const protocol::Json& snapshot);

/// The same at length, for a status page or command: adds how many events wait and the reason
/// the centre cannot be reached.
std::string central_link_detail(const protocol::CentralLink& link, util::TimePoint hub_now);

struct ClientOptions {
  std::string name = "client";  ///< readable part of the client id, e.g. "console-2"
  std::string request_endpoint = "tcp://127.0.0.1:5555";
  std::string event_endpoint = "tcp://127.0.0.1:5556";
  bool plaintext = false;
  net::KeyPair key;        ///< this client's pair, with its secret (unless plaintext)
  std::string hub_public;  ///< the hub's public key, Z85 (unless plaintext)
  std::chrono::milliseconds request_timeout{1500};
  int retries = 3;  ///< tries after the first before "unreachable"
  std::chrono::milliseconds silence_limit{3000};
  /// Follow the event feed and keep state(); off for one-shot commands.
  bool follow = true;
};

class Client {
 public:
  using Json = protocol::Json;
  using ReplyHandler = std::function<void(const util::Result<Json>& result)>;

  /// Creates the sockets and starts syncing. Fails when a key is unusable or an endpoint invalid.
  static util::Result<std::unique_ptr<Client>> connect(ClientOptions options);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  /// Sends a request; `on_reply` gets the result (or the hub's refusal, or "unreachable").
  void send(const std::string& type, Json args, ReplyHandler on_reply);
  /// Sends a request and pumps until its reply or its last retry.
  util::Result<Json> request(const std::string& type, Json args = Json::object());

  /// Handles what arrived and what timed out, waiting at most `timeout` for something.
  void pump(std::chrono::milliseconds timeout);
  /// Pumps until the state is live, or `timeout`; returns whether it is.
  bool wait_live(std::chrono::milliseconds timeout);

  const QueueState& state() const { return state_; }
  /// The hub's link to the centre from its last snapshot or heartbeat; nullopt when it does not
  /// ship (or before the first snapshot).
  const std::optional<protocol::CentralLink>& central_link() const { return central_; }
  /// The hub's clock at its last snapshot or heartbeat (what central_link's times compare with).
  std::optional<util::TimePoint> hub_time() const { return hub_time_; }
  Connection connection() const { return connection_; }
  const std::string& id() const { return id_; }
  /// Requests sent and not yet answered nor given up.
  std::size_t pending_requests() const { return pending_.size(); }

  /// Called after each event is applied to state().
  void on_change(std::function<void(const queue::Change&)> f) { on_change_ = std::move(f); }
  /// Called after a snapshot replaced state().
  void on_sync(std::function<void()> f) { on_sync_ = std::move(f); }
  void on_connection(std::function<void(Connection)> f) { on_connection_ = std::move(f); }

 private:
  using Clock = std::chrono::steady_clock;
  struct Pending {
    std::string body;
    ReplyHandler handler;
    Clock::time_point deadline;
    int tries = 1;
  };

  explicit Client(ClientOptions options);
  util::Status open_requests();
  util::Status open_events();
  void transmit(const std::string& body);
  void on_reply_frame();
  void on_event_frames();
  void on_published(const protocol::Published& p);
  void check_timers();
  void resync();
  void on_snapshot(const util::Result<Json>& result);
  void set_connection(Connection c);

  ClientOptions options_;
  std::string id_;
  std::int64_t next_req_ = 1;
  std::map<std::int64_t, Pending> pending_;
  QueueState state_;
  Connection connection_ = Connection::connecting;
  bool synced_ = false;            // state_ holds a snapshot
  bool snapshot_pending_ = false;
  bool need_sync_ = true;          // no snapshot since the last one failed or was asked for
  bool feed_heard_ = false;        // a message came on the event socket since it last fell silent
  Clock::time_point last_heard_;
  Clock::time_point next_sync_try_{};
  std::deque<protocol::Published> buffered_;  // events received while syncing
  std::optional<protocol::CentralLink> central_;
  std::optional<util::TimePoint> hub_time_;

  std::function<void(const queue::Change&)> on_change_;
  std::function<void()> on_sync_;
  std::function<void(Connection)> on_connection_;

  zmq::context_t context_;
  zmq::socket_t dealer_;
  zmq::socket_t subscriber_;
};

}  // namespace pcn::client
