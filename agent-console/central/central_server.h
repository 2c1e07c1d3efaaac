// pcn-central's socket: the agencies' hubs connect to it (they open no port themselves) and ship
// their event logs (protocol/ship.h); each batch is stored (central_store.h) and acknowledged.
//
// Guards, as on the hub's sockets: CurveZMQ with a ZAP handler made before the socket is bound,
// admitting only the agency keys of the centre's folder (role "agency", named after the
// agency); a key may ship only its own agency's events (the batch's id is checked against the
// key's name; anything else is refused and logged, nothing stored); frames over
// protocol::kMaxShipBytes are dropped by libzmq before they are read; a handshake must end within
// kHandshake; replies wait in a bounded queue (kQueuedReplies), beyond which libzmq drops them
// (the hub asks again). A database that fails is reopened at the next batch; meanwhile batches
// are refused with its French reason and the hubs retry later.
//
// Single-threaded: poll_once() or run() from one thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <zmq.hpp>

#include "central/central_store.h"
#include "net/allow_list.h"
#include "net/curve_keys.h"
#include "net/zap_authenticator.h"
#include "util/result.h"

namespace pcn::central {

struct CentralOptions {
  std::string bind = "tcp://0.0.0.0:7470";  ///< where the hubs connect
  net::KeyPair key;                          ///< the centre's pair (role "central"), with secret
  net::AllowList agencies{net::is_agency_role};  ///< the agencies' shipping keys
  std::string database;                      ///< libpq's connection string
};

struct CentralStats {
  std::uint64_t batches = 0;   ///< stored (acknowledged), empty ones included
  std::uint64_t refused = 0;   ///< answered with a refusal
  std::uint64_t dropped = 0;   ///< frames without an identity, or of the wrong shape
};

class CentralServer {
 public:
  using LogSink = std::function<void(const std::string&)>;
  static constexpr std::chrono::milliseconds kHandshake{5000};
  /// Its open files (connections included) are raised to this, or to the hard limit.
  static constexpr std::size_t kOpenFiles = 65536;
  static constexpr int kQueuedReplies = 1000;

  /// Binds the socket (after its ZAP handler) and connects to the database (a database that is
  /// down does not stop the start: batches are refused until it answers). Fails with
  /// "bind_failed" or "missing_secret" / "bad_key".
  static util::Result<std::unique_ptr<CentralServer>> start(CentralOptions options, LogSink log);

  /// The bound endpoint (with the port chosen when the bind said 0 or *).
  const std::string& endpoint() const { return endpoint_; }
  void poll_once(std::chrono::milliseconds timeout);
  void run(const std::atomic<bool>& stop);
  const CentralStats& stats() const { return stats_; }

 private:
  CentralServer(CentralOptions options, LogSink log);
  util::Status open_socket();
  void on_message();
  std::string answer(const zmq::message_t& payload);
  util::Result<std::int64_t> store(const protocol::ShipBatch& batch);
  void log(const std::string& line) const;

  CentralOptions options_;
  LogSink log_;
  zmq::context_t context_;
  std::unique_ptr<net::ZapAuthenticator> zap_;
  zmq::socket_t router_;
  std::string endpoint_;
  std::optional<CentralStore> store_;
  CentralStats stats_;
};

}  // namespace pcn::central
