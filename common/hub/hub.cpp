#include "hub/hub.h"

#include "net/open_files.h"

#include <random>

#include "hub/request_handlers.h"
#include "net/socket_security.h"
#include "text/catalog.h"

namespace pcn::hub {

namespace {

std::string new_epoch() {
  std::random_device rd;
  std::uint64_t v = (std::uint64_t(rd()) << 32) ^ rd() ^
                    std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string last_endpoint(zmq::socket_t& s) {
  return s.get(zmq::sockopt::last_endpoint);
}

}  // namespace

Hub::Hub(HubOptions options, store::Store& store, const util::Clock& clock)
    : options_(std::move(options)),
      store_(store),
      clock_(clock),
      engine_(options_.rules, options_.rules.zone.date_of(clock.now())),
      epoch_(new_epoch()) {}

Hub::~Hub() = default;

util::Result<std::unique_ptr<Hub>> Hub::start(HubOptions options, store::Store& store,
                                              const util::Clock& clock) {
  std::unique_ptr<Hub> hub(new Hub(std::move(options), store, clock));
  // every connection, even one that never speaks, is a file: room for kOpenFiles of them
  hub->log(text::hub_open_files(net::raise_open_files_limit(kOpenFiles)));
  PCN_TRY(hub->restore());
  PCN_TRY(hub->open_sockets());
  hub->roll_over_if_due();
  util::LocalDate today = hub->options_.rules.zone.date_of(clock.now());
  if (hub->engine_.day() > today) {
    // The machine's clock is behind the data: every decision would be refused until it catches up.
    hub->log(text::hub_clock_behind(hub->engine_.day().to_string(), today.to_string()));
  }
  hub->log(text::hub_started(hub->request_endpoint_, hub->event_endpoint_, hub->epoch_,
                             hub->options_.plaintext));
  return hub;
}

util::Status Hub::restore() {
  auto loaded = store_.load();
  if (!loaded.ok()) return loaded.error();
  if (loaded->has_value()) engine_.restore(**loaded);
  learn_times();
  auto seq = store_.last_seq();
  if (!seq.ok()) return seq.error();
  seq_ = *seq;
  return {};
}

util::Status Hub::open_sockets() {
  try {
    if (!options_.plaintext) {
      // The ZAP handler must exist before any CURVE socket is bound, or libzmq admits everyone.
      zap_ = std::make_unique<net::ZapAuthenticator>(context_, options_.allow_list,
                                                     [this](const std::string& l) { log(l); });
    }
    router_ = zmq::socket_t(context_, zmq::socket_type::router);
    // XPUB in manual mode: the hub sees every subscription and applies only the documented
    // topics (protocol/messages.h kSubscriptions), so a key-holder cannot make it keep megabytes
    // of invented ones
    publisher_ = zmq::socket_t(context_, zmq::socket_type::xpub);
    publisher_.set(zmq::sockopt::xpub_manual, 1);
    publisher_.set(zmq::sockopt::rcvhwm, kQueuedSubscriptions);
    for (zmq::socket_t* s : {&router_, &publisher_}) {
      s->set(zmq::sockopt::linger, 0);
      if (!options_.plaintext) PCN_TRY(net::make_curve_server(*s, options_.hub_key));
      // Also bounds what a peer may announce before its handshake: without it, anyone reaching
      // the event port could make the hub hold a frame of any size it claims and streams.
      // (under CURVE the limit counts the encrypted frame: a body of kMaxRequestBytes must pass,
      // larger ones up to the overhead get too_large from the parser)
      s->set(zmq::sockopt::maxmsgsize,
             std::int64_t(protocol::kMaxRequestBytes + protocol::kCurveOverheadBytes));
    }
    for (zmq::socket_t* s : {&router_, &publisher_}) {
      // a connection that has not finished its handshake after kHandshake is dropped (libzmq's
      // default is 30 s: 1,100 silent connections held every file the hub had)
      s->set(zmq::sockopt::handshake_ivl, static_cast<int>(kHandshake.count()));
    }
    // what comes in on the event port is subscriptions only (and the handshake's commands):
    // libzmq keeps every subscription in a trie, even in manual mode, so a 60 kB one made it
    // hold gigabytes; a frame over kMaxSubscriptionBytes disconnects its peer
    publisher_.set(zmq::sockopt::maxmsgsize, std::int64_t(kMaxSubscriptionBytes));
    // replies a peer does not read wait in its own queue of kQueuedReplies; beyond, libzmq drops
    // them (the ROUTER never blocks): unread snapshots cannot pile up in the hub's memory
    router_.set(zmq::sockopt::sndhwm, kQueuedReplies);
    publisher_.set(zmq::sockopt::sndhwm, 10000);
    router_.bind(options_.request_bind);
    publisher_.bind(options_.event_bind);
  } catch (const zmq::error_t& e) {
    return util::make_error("bind_failed",
                            text::hub_bind_failed(options_.request_bind, options_.event_bind, e.what()));
  }
  request_endpoint_ = last_endpoint(router_);
  event_endpoint_ = last_endpoint(publisher_);
  return {};
}

void Hub::run(const std::atomic<bool>& stop) {
  while (!stop.load()) poll_once(std::chrono::milliseconds(100));
}

void Hub::poll_once(std::chrono::milliseconds timeout) {
  std::vector<zmq::pollitem_t> items{{router_.handle(), 0, ZMQ_POLLIN, 0},
                                     {publisher_.handle(), 0, ZMQ_POLLIN, 0}};
  if (zap_) items.push_back({zap_->socket().handle(), 0, ZMQ_POLLIN, 0});
  auto until_beat = std::chrono::duration_cast<std::chrono::milliseconds>(
      next_heartbeat_ - std::chrono::steady_clock::now());
  timeout = std::max(std::chrono::milliseconds(0), std::min(timeout, until_beat));
  try {
    zmq::poll(items.data(), items.size(), timeout);
  } catch (const zmq::error_t& e) {
    if (e.num() != EINTR) log(text::hub_socket_error(e.what()));
    return;
  }
  if (zap_ && (items[2].revents & ZMQ_POLLIN)) zap_->handle_one();
  if (items[1].revents & ZMQ_POLLIN) on_subscriptions();
  // Bounded batch, so heartbeats keep their rhythm under load.
  for (int i = 0; i < 256 && (items[0].revents & ZMQ_POLLIN); ++i) {
    if (!(router_.get(zmq::sockopt::events) & ZMQ_POLLIN)) break;
    on_request();
  }
  heartbeat_if_due();
}

void Hub::on_subscriptions() {
  for (int i = 0; i < 256; ++i) {
    zmq::message_t message;
    try {
      if (!publisher_.recv(message, zmq::recv_flags::dontwait)) return;
      // [1 = subscribe | 0 = unsubscribe][topic]; applied (manual mode) to the peer that sent it
      if (message.size() < 1) continue;
      const auto* bytes = static_cast<const char*>(message.data());
      const std::string_view topic(bytes + 1, message.size() - 1);
      if (!protocol::is_subscription(topic)) {
        ++stats_.dropped;
        continue;
      }
      if (bytes[0] == 1) {
        publisher_.set(zmq::sockopt::subscribe, topic);
      } else if (bytes[0] == 0) {
        publisher_.set(zmq::sockopt::unsubscribe, topic);
      }
    } catch (const zmq::error_t& e) {
      log(text::hub_socket_error(e.what()));
      return;
    }
  }
}

void Hub::on_request() {
  std::vector<zmq::message_t> frames;
  try {
    while (true) {
      zmq::message_t frame;
      if (!router_.recv(frame, zmq::recv_flags::dontwait)) break;
      bool more = frame.more();
      if (frames.size() < 4) frames.push_back(std::move(frame));
      if (!more) break;
    }
  } catch (const zmq::error_t& e) {
    log(text::hub_socket_error(e.what()));
    return;
  }
  ++stats_.requests;
  if (frames.empty()) return;
  // [identity][body] from a DEALER, or [identity][empty][body] from a REQ.
  bool delimited = frames.size() == 3 && frames[1].size() == 0;
  if (frames.size() != 2 && !delimited) {
    ++stats_.refused;
    if (frames.size() >= 2) {
      send_reply(frames[0], frames[1].size() == 0,
                 protocol::reply_error(std::nullopt, util::make_error("bad_request", text::hub_bad_frames())));
    } else {
      ++stats_.dropped;
    }
    return;
  }
  const zmq::message_t& body = frames.back();
  std::string role = "supervisor";
  std::string key;  // the client key's name: it owns the client ids it sends
  if (!options_.plaintext) {
    auto who = net::identity_of(body);
    if (!who) {
      ++stats_.dropped;
      return;
    }
    role = who->role;
    key = who->name;
  }
  std::string reply;
  auto parsed = protocol::parse_request(body.to_string_view());
  if (!parsed.ok()) {
    ++stats_.refused;
    reply = protocol::reply_error(parsed.req, parsed.request.error());
  } else {
    // stored replies are kept per (key, client id, req): a key that sends another key's client
    // id neither gets nor pre-fills that client's replies
    protocol::Request request = std::move(parsed.request).value();
    if (!key.empty()) request.client = key + "/" + request.client;
    handle(request, role, &reply);
  }
  send_reply(frames[0], delimited, reply);
}

void Hub::send_reply(const zmq::message_t& identity, bool delimited, const std::string& body) {
  try {
    router_.send(zmq::buffer(identity.data(), identity.size()), zmq::send_flags::sndmore |
                                                                    zmq::send_flags::dontwait);
    if (delimited) router_.send(zmq::message_t(), zmq::send_flags::sndmore | zmq::send_flags::dontwait);
    router_.send(zmq::buffer(body), zmq::send_flags::dontwait);
  } catch (const zmq::error_t& e) {
    ++stats_.dropped;
  }
}

void Hub::handle(const protocol::Request& request, const std::string& role, std::string* reply) {
  auto allowed = protocol::role_from_string(role);
  if (!allowed || !protocol::role_may(*allowed, request.type)) {
    ++stats_.refused;
    *reply = protocol::reply_error(
        request.req, util::make_error("forbidden", text::request_forbidden(request.type, role)));
    return;
  }
  if (protocol::changes_state(request.type)) {
    auto stored = store_.find_reply(request.client, request.req);
    if (!stored.ok()) {  // cannot tell whether it already ran: do not run it again
      ++stats_.refused;
      *reply = protocol::reply_error(request.req, stored.error());
      return;
    }
    if (stored->has_value()) {
      ++stats_.replayed;
      *reply = **stored;
      return;
    }
    roll_over_if_due();
  }
  RequestHandlers handlers(*this, role);
  try {
    *reply = handlers.handle(request);
  } catch (const std::exception& e) {  // a bug must not stop the agency's queue
    ++stats_.refused;
    log(text::hub_internal_error(request.type, e.what()));
    *reply = protocol::reply_error(
        request.req, util::make_error("internal", text::hub_internal_error(request.type, e.what())));
  }
}

std::string Hub::commit(const queue::Change& change, const protocol::Request* request,
                        const std::function<protocol::Json(std::int64_t seq)>& make_result) {
  std::int64_t seq = seq_ + 1;
  std::optional<store::StoredReply> stored;
  std::string reply;
  if (request) {
    reply = protocol::reply_ok(request->req, make_result(seq));
    stored = store::StoredReply{request->client, request->req, reply};
  }
  auto committed = store_.commit(change, stored);
  if (!committed.ok()) {
    ++stats_.refused;
    log(committed.error().to_string());
    return request ? protocol::reply_error(request->req, committed.error()) : "";
  }
  seq_ = *committed;
  engine_.apply(change);
  publish(seq_, change);
  return reply;
}

void Hub::publish(std::int64_t seq, const queue::Change& change) {
  if (send_published(protocol::kEventTopic,
                     protocol::event_message(epoch_, seq, change, loads_for(change)))) {
    ++stats_.events;
  }
}

const std::vector<queue::ServiceLoad>& Hub::loads_for(const queue::Change& change) {
  using K = queue::ChangeKind;
  const bool queue_unchanged = change.kind == K::ticket_printed || change.kind == K::ticket_reprinted ||
                               change.kind == K::reprint_requested || change.kind == K::test_ticket ||
                               change.kind == K::outcome_recorded || change.kind == K::workshop_recorded;
  const auto now = std::chrono::steady_clock::now();
  if (!queue_unchanged || !loads_at_ || now - *loads_at_ >= kLoadsReuse) {
    loads_ = engine_.loads(clock_.now());
    loads_at_ = now;
  }
  return loads_;
}

bool Hub::send_published(std::string_view topic, const std::string& body) {
  try {
    publisher_.send(zmq::buffer(topic), zmq::send_flags::sndmore | zmq::send_flags::dontwait);
    publisher_.send(zmq::buffer(body), zmq::send_flags::dontwait);
    return true;
  } catch (const zmq::error_t& e) {
    log(text::hub_socket_error(e.what()));
    return false;
  }
}

std::optional<protocol::CentralLink> Hub::central_link() const {
  if (!options_.central_state) return std::nullopt;
  const std::optional<ShipperState> s = options_.central_state();
  if (!s) return std::nullopt;
  return protocol::CentralLink{s->connected, s->acknowledged, std::max(s->last_seq, seq_),
                               s->last_ack, s->last_error};
}

void Hub::heartbeat_if_due() {
  auto now = std::chrono::steady_clock::now();
  if (now < next_heartbeat_) return;
  next_heartbeat_ = now + options_.heartbeat;
  roll_over_if_due();
  if (send_published(protocol::kHeartbeatTopic,
                     protocol::heartbeat_message(epoch_, seq_, clock_.now(), central_link()))) {
    ++stats_.heartbeats;
  }
}

void Hub::roll_over_if_due() {
  auto change = engine_.roll_over(clock_.now());
  if (!change) return;
  std::int64_t before = seq_;
  commit(*change, nullptr, {});
  if (seq_ != before) {
    log(text::hub_day_rolled(change->day.to_string(), int(change->tickets.size())));
    learn_times();
  }
}

void Hub::learn_times() {
  const util::TimeZone& zone = options_.rules.zone;
  const util::TimePoint start = zone.start_of(engine_.day());
  const util::LocalDate from = zone.date_of(start - std::chrono::hours(24 * kHistoryDays));
  const util::LocalDate to = zone.date_of(start - std::chrono::hours(1));
  auto previous = store_.tickets_between(from, to);
  if (!previous.ok()) {
    log(text::hub_history_unreadable(previous.error().message));
    return;
  }
  engine_.learn_times(*previous);
}

void Hub::log(const std::string& line) const {
  if (options_.log) options_.log(line);
}

}  // namespace pcn::hub
