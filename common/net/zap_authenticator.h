// The hub's ZAP handler (ZeroMQ RFC 27): decides which CURVE clients may connect.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <zmq.hpp>

#include "net/allow_list.h"

namespace pcn::net {

/// Answers libzmq's authentication requests for domain "pcn" (socket_security.h): a CURVE client
/// whose public key is on the AllowList is accepted with user id "ROLE:NAME"; every other request
/// (unknown key, other mechanism or domain, malformed request) is refused with status 400, counted
/// and logged. Refused clients never get a message through.
///
/// ORDER MATTERS: construct the authenticator BEFORE binding any CURVE server socket of the same
/// context, and destroy it AFTER them. Without a ZAP handler libzmq admits every CURVE client.
/// Not thread-safe: use it from the thread that polls socket().
class ZapAuthenticator {
 public:
  /// Receives one French line per decision, for the hub's log.
  using LogSink = std::function<void(const std::string&)>;

  /// Binds a REP socket at inproc://zeromq.zap.01 in `context`. Throws zmq::error_t when that
  /// endpoint is taken (another authenticator in this context): a fatal start-up problem.
  ZapAuthenticator(zmq::context_t& context, AllowList allow_list, LogSink log = {});
  ZapAuthenticator(const ZapAuthenticator&) = delete;
  ZapAuthenticator& operator=(const ZapAuthenticator&) = delete;

  /// The REP socket, to put in the caller's zmq::poll set (ZMQ_POLLIN means a request waits).
  zmq::socket_t& socket() { return socket_; }

  /// Answers one pending request, if any; returns at once when none waits. Never throws.
  void handle_one();

  /// Replaces the admitted keys (e.g. after the allowed/ folder changed); affects new connections.
  void set_allow_list(AllowList allow_list) { allow_list_ = std::move(allow_list); }

  std::uint64_t accepted() const { return accepted_; }
  std::uint64_t refused() const { return refused_; }  ///< includes malformed requests

 private:
  struct Verdict {
    bool accepted = false;
    std::string user_id;      ///< "ROLE:NAME" when accepted
    std::string status_text;  ///< "OK", or a snake_case reason when refused
    std::string log_line;     ///< French, for the log sink
  };
  Verdict judge(const std::vector<zmq::message_t>& request) const;
  void reply(const std::vector<zmq::message_t>& request, const Verdict& verdict);
  void record(const Verdict& verdict);

  zmq::socket_t socket_;
  AllowList allow_list_;
  LogSink log_;
  std::uint64_t accepted_ = 0;
  std::uint64_t refused_ = 0;
};

/// The identity a ZapAuthenticator gave the sender of `received` (any frame received on a CURVE
/// server socket), read from its "User-Id" metadata; nullopt when absent or not "ROLE:NAME".
std::optional<ClientIdentity> identity_of(const zmq::message_t& received,
                                          RoleFilter roles = is_known_role);

}  // namespace pcn::net
