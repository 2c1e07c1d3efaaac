#include "central/central_server.h"

#include "net/open_files.h"

#include <array>
#include <vector>

#include "net/socket_security.h"
#include "protocol/ship.h"
#include "text/catalog.h"

namespace pcn::central {

CentralServer::CentralServer(CentralOptions options, LogSink log)
    : options_(std::move(options)), log_(std::move(log)) {}

util::Result<std::unique_ptr<CentralServer>> CentralServer::start(CentralOptions options,
                                                                  LogSink log) {
  std::unique_ptr<CentralServer> server(new CentralServer(std::move(options), std::move(log)));
  server->log(text::hub_open_files(net::raise_open_files_limit(kOpenFiles)));
  PCN_TRY(server->open_socket());
  auto store = CentralStore::open(server->options_.database);
  if (store.ok()) {
    server->store_.emplace(std::move(*store));
  } else {
    server->log(store.error().message);
  }
  server->log(text::central_started(server->endpoint_, server->options_.agencies.size()));
  return server;
}

util::Status CentralServer::open_socket() {
  try {
    // The ZAP handler first: without it libzmq would admit every CURVE client.
    zap_ = std::make_unique<net::ZapAuthenticator>(context_, options_.agencies,
                                                   [this](const std::string& l) { log(l); });
    router_ = zmq::socket_t(context_, zmq::socket_type::router);
    router_.set(zmq::sockopt::linger, 0);
    PCN_TRY(net::make_curve_server(router_, options_.key));
    router_.set(zmq::sockopt::maxmsgsize, std::int64_t(protocol::kMaxShipBytes));
    router_.set(zmq::sockopt::handshake_ivl, static_cast<int>(kHandshake.count()));
    router_.set(zmq::sockopt::sndhwm, kQueuedReplies);
    router_.set(zmq::sockopt::rcvhwm, kQueuedReplies);
    router_.bind(options_.bind);
    endpoint_ = router_.get(zmq::sockopt::last_endpoint);
  } catch (const zmq::error_t& e) {
    return util::make_error("bind_failed", text::central_bind_failed(options_.bind, e.what()));
  }
  return util::Status::success();
}

void CentralServer::run(const std::atomic<bool>& stop) {
  while (!stop.load()) poll_once(std::chrono::milliseconds(100));
}

void CentralServer::poll_once(std::chrono::milliseconds timeout) {
  std::array<zmq::pollitem_t, 2> items{{{router_.handle(), 0, ZMQ_POLLIN, 0},
                                        {zap_->socket().handle(), 0, ZMQ_POLLIN, 0}}};
  try {
    zmq::poll(items.data(), items.size(), timeout);
  } catch (const zmq::error_t& e) {
    if (e.num() != EINTR) log(text::central_socket_error(e.what()));
    return;
  }
  if (items[1].revents & ZMQ_POLLIN) zap_->handle_one();
  for (int i = 0; i < 64 && (items[0].revents & ZMQ_POLLIN); ++i) {
    if (!(router_.get(zmq::sockopt::events) & ZMQ_POLLIN)) break;
    on_message();
  }
}

void CentralServer::on_message() {
  std::vector<zmq::message_t> frames;
  try {
    while (true) {
      zmq::message_t frame;
      if (!router_.recv(frame, zmq::recv_flags::dontwait)) break;
      const bool more = frame.more();
      if (frames.size() < 3) frames.push_back(std::move(frame));
      if (!more) break;
    }
  } catch (const zmq::error_t& e) {
    log(text::central_socket_error(e.what()));
    return;
  }
  if (frames.size() != 2) {  // [routing id, payload] from a DEALER
    ++stats_.dropped;
    return;
  }
  const std::string reply = answer(frames[1]);
  try {
    router_.send(frames[0], zmq::send_flags::sndmore | zmq::send_flags::dontwait);
    router_.send(zmq::buffer(reply), zmq::send_flags::dontwait);
  } catch (const zmq::error_t& e) {
    log(text::central_socket_error(e.what()));
  }
}

std::string CentralServer::answer(const zmq::message_t& payload) {
  auto refuse = [this](const util::Error& error) {
    ++stats_.refused;
    return protocol::encode_ship_refusal(error);
  };
  const auto who = net::identity_of(payload, net::is_agency_role);
  if (!who) {
    ++stats_.dropped;
    return refuse(util::make_error("forbidden", text::central_no_identity()));
  }
  auto batch = protocol::decode_ship(payload.to_string_view());
  if (!batch.ok()) {
    log(text::central_batch_refused(who->name, batch.error().message));
    return refuse(batch.error());
  }
  if (!batch->profile_error.empty()) {  // its events are fine: stored, the profile kept
    log(text::central_profile_refused(who->name, batch->profile_error));
  }
  if (!batch->follow_key_error.empty()) {  // the same: the key the centre had is kept
    log(text::central_follow_key_refused(who->name, batch->follow_key_error));
  }
  if (batch->agency != who->name) {  // a key ships its own agency only
    auto error = util::make_error("forbidden", text::central_wrong_agency(who->name, batch->agency));
    log(error.message);
    return refuse(error);
  }
  auto ack = store(*batch);
  if (!ack.ok()) {
    log(text::central_batch_refused(who->name, ack.error().message));
    return refuse(ack.error());
  }
  ++stats_.batches;
  return protocol::encode_ack({batch->store, *ack});
}

util::Result<std::int64_t> CentralServer::store(const protocol::ShipBatch& batch) {
  if (!store_ || !store_->connection().healthy()) {
    store_.reset();
    auto reopened = CentralStore::open(options_.database);
    if (!reopened.ok()) return reopened.error();
    store_.emplace(std::move(*reopened));
  }
  auto ack = store_->store(batch);
  if (!ack.ok() && ack.error().code == "central_db") store_.reset();  // reopened next time
  return ack;
}

void CentralServer::log(const std::string& line) const {
  if (!log_) return;
  try {
    log_(line);
  } catch (const std::exception&) {
    // A failing log sink must not stop the centre.
  }
}

}  // namespace pcn::central
