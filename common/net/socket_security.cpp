#include "net/socket_security.h"

#include "net/os_error.h"
#include "text/catalog.h"

namespace pcn::net {

namespace {

util::Status check_own_pair(const KeyPair& pair) {
  if (!pair.has_secret()) {
    return util::make_error("missing_secret", text::curve_secret_missing(pair.name));
  }
  if (!decode_z85_key(pair.public_key) || !decode_z85_key(pair.secret_key)) {
    return util::make_error("bad_key", text::curve_key_invalid(pair.name));
  }
  return {};
}

util::Error zmq_failure(const std::string& operation, const zmq::error_t& e) {
  return util::make_error("zmq_error", text::zmq_failure(operation, os_error_text(e.num())));
}

}  // namespace

util::Status make_curve_server(zmq::socket_t& socket, const KeyPair& hub) {
  PCN_TRY(check_own_pair(hub));
  try {
    socket.set(zmq::sockopt::curve_server, true);
    socket.set(zmq::sockopt::curve_secretkey, hub.secret_key);
    socket.set(zmq::sockopt::zap_domain, std::string(kZapDomain));
  } catch (const zmq::error_t& e) {
    return zmq_failure(text::curve_server_setup(), e);
  }
  return {};
}

util::Status make_curve_client(zmq::socket_t& socket, const KeyPair& mine,
                               const std::string& server_public) {
  PCN_TRY(check_own_pair(mine));
  if (!decode_z85_key(server_public)) {
    return util::make_error("bad_key", text::server_key_invalid(server_public));
  }
  try {
    socket.set(zmq::sockopt::curve_serverkey, server_public);
    socket.set(zmq::sockopt::curve_publickey, mine.public_key);
    socket.set(zmq::sockopt::curve_secretkey, mine.secret_key);
  } catch (const zmq::error_t& e) {
    return zmq_failure(text::curve_client_setup(), e);
  }
  return {};
}

}  // namespace pcn::net
