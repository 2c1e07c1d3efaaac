// Turning CURVE on for the project's ZeroMQ sockets. The hub's sockets are CURVE servers that
// ask the ZAP authenticator (zap_authenticator.h) about every client; clients are CURVE clients
// that know the hub's public key.
#pragma once

#include <string>
#include <string_view>
#include <zmq.hpp>

#include "net/curve_keys.h"
#include "util/result.h"

namespace pcn::net {

/// The ZAP domain of every hub socket; the authenticator serves this domain only.
inline constexpr std::string_view kZapDomain = "pcn";

/// Makes `socket` a CURVE server with the hub's secret key and ZAP domain "pcn".
/// REQUIRES: called before the socket is bound, after a ZapAuthenticator exists in its context.
/// Fails ("missing_secret") when `hub` has no secret key (a .pub was read instead of the .key),
/// ("bad_key") when its keys are not Z85 keys, ("zmq_error") when libzmq refuses an option.
util::Status make_curve_server(zmq::socket_t& socket, const KeyPair& hub);

/// Makes `socket` a CURVE client with its own pair `mine` that trusts the server `server_public`
/// (Z85). REQUIRES: called before the socket connects. Fails ("missing_secret") when `mine` has
/// no secret key, ("bad_key") when a key is not a Z85 key, ("zmq_error") when libzmq refuses.
util::Status make_curve_client(zmq::socket_t& socket, const KeyPair& mine,
                               const std::string& server_public);

}  // namespace pcn::net
