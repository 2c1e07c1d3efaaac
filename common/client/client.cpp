#include "client/client.h"

#include <algorithm>
#include <random>

#include "net/socket_security.h"
#include "text/catalog.h"

namespace pcn::client {

namespace {

constexpr std::size_t kMaxBuffered = 10000;

std::string random_suffix() {
  std::random_device rd;
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", rd());
  return buf;
}

util::Error unreachable() { return util::make_error("unreachable", text::hub_unreachable()); }

}  // namespace

std::string connection_text(Connection c) {
  switch (c) {
    case Connection::connecting: return text::connection_connecting();
    case Connection::live: return text::connection_live();
    case Connection::lost: return text::connection_lost();
  }
  return "?";
}

namespace {

/// "il y a 3 h" from the age of the centre's last answer.
std::string age_text(util::TimePoint then, util::TimePoint now) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - then).count();
  return text::central_link_ago(static_cast<long long>(std::max<long long>(0, minutes)));
}

bool up_to_date(const protocol::CentralLink& link) {
  return link.connected && link.acknowledged >= link.last_seq;
}

}  // namespace

std::string central_link_text(const protocol::CentralLink& link, util::TimePoint hub_now) {
  if (up_to_date(link)) return text::central_link_up_to_date();
  if (!link.last_ack) return text::central_link_never();
  return text::central_link_last(age_text(*link.last_ack, hub_now));
}

SnapshotLink central_link_of(const protocol::Json& snapshot) {
  SnapshotLink out;
  if (!snapshot.is_object()) return out;
  if (auto link = snapshot.find("central"); link != snapshot.end() && !link->is_null()) {
    if (auto read = protocol::decode_central_link_at(*link, "central"); read.ok()) out.link = *read;
  }
  if (auto now = snapshot.find("now"); now != snapshot.end() && now->is_number_integer()) {
    out.hub_now = util::from_unix_ms(now->get<std::int64_t>());
  }
  return out;
}

std::string central_link_detail(const protocol::CentralLink& link, util::TimePoint hub_now) {
  std::string out = central_link_text(link, hub_now);
  const std::int64_t waiting = std::max<std::int64_t>(0, link.last_seq - link.acknowledged);
  if (waiting > 0) out += text::central_link_waiting(static_cast<long long>(waiting));
  if (!link.connected && !link.error.empty()) out += text::central_link_reason(link.error);
  return out;
}

Client::Client(ClientOptions options)
    : options_(std::move(options)),
      id_(options_.name + "/" + random_suffix()),
      last_heard_(Clock::now()) {}

Client::~Client() = default;

util::Result<std::unique_ptr<Client>> Client::connect(ClientOptions options) {
  std::unique_ptr<Client> client(new Client(std::move(options)));
  PCN_TRY(client->open_requests());
  if (client->options_.follow) {
    PCN_TRY(client->open_events());
    client->resync();
  }
  return client;
}

util::Status Client::open_requests() {
  try {
    dealer_ = zmq::socket_t(context_, zmq::socket_type::dealer);
    dealer_.set(zmq::sockopt::linger, 0);
    if (!options_.plaintext) PCN_TRY(net::make_curve_client(dealer_, options_.key, options_.hub_public));
    dealer_.connect(options_.request_endpoint);
  } catch (const zmq::error_t& e) {
    return util::make_error("bad_endpoint", text::bad_endpoint(options_.request_endpoint, e.what()));
  }
  return {};
}

util::Status Client::open_events() {
  try {
    subscriber_ = zmq::socket_t(context_, zmq::socket_type::sub);
    subscriber_.set(zmq::sockopt::linger, 0);
    subscriber_.set(zmq::sockopt::subscribe, "");
    if (!options_.plaintext) {
      PCN_TRY(net::make_curve_client(subscriber_, options_.key, options_.hub_public));
    }
    subscriber_.connect(options_.event_endpoint);
  } catch (const zmq::error_t& e) {
    return util::make_error("bad_endpoint", text::bad_endpoint(options_.event_endpoint, e.what()));
  }
  return {};
}

// --- Requests ------------------------------------------------------------------------------

void Client::send(const std::string& type, Json args, ReplyHandler on_reply) {
  std::int64_t req = next_req_++;
  Pending p{protocol::request_message(type, id_, req, args), std::move(on_reply),
            Clock::now() + options_.request_timeout, 1};
  transmit(p.body);
  pending_.emplace(req, std::move(p));
}

util::Result<Client::Json> Client::request(const std::string& type, Json args) {
  std::optional<util::Result<Json>> outcome;
  send(type, std::move(args), [&](const util::Result<Json>& r) { outcome = r; });
  while (!outcome) pump(std::chrono::milliseconds(50));
  return *outcome;
}

void Client::transmit(const std::string& body) {
  try {
    dealer_.send(zmq::buffer(body), zmq::send_flags::dontwait);
  } catch (const zmq::error_t&) {
    // Not sent: the request's timer retries it.
  }
}

void Client::on_reply_frame() {
  zmq::message_t frame;
  while (dealer_.recv(frame, zmq::recv_flags::dontwait)) {
    if (frame.size() == 0 && frame.more()) continue;  // a delimiter, from a REQ-style peer
    auto reply = protocol::parse_reply(frame.to_string_view());
    if (!reply.ok() || !reply->req) continue;  // garbage, or an answer to no request of ours
    auto it = pending_.find(*reply->req);
    if (it == pending_.end()) continue;  // a late duplicate of an answered request
    ReplyHandler handler = std::move(it->second.handler);
    pending_.erase(it);
    if (reply->ok) {
      handler(reply->result);
    } else {
      handler(reply->error);
    }
  }
}

// --- Events --------------------------------------------------------------------------------

void Client::on_event_frames() {
  while (true) {
    zmq::message_t topic, body;
    if (!subscriber_.recv(topic, zmq::recv_flags::dontwait)) return;
    if (!topic.more()) continue;
    if (!subscriber_.recv(body, zmq::recv_flags::dontwait)) return;
    while (body.more()) {  // extra frames: drain them; the message is malformed
      zmq::message_t extra;
      if (!subscriber_.recv(extra, zmq::recv_flags::dontwait)) break;
      body = std::move(extra);
    }
    auto published = protocol::parse_published(topic.to_string_view(), body.to_string_view());
    if (!published.ok()) continue;
    last_heard_ = Clock::now();
    feed_heard_ = true;
    on_published(*published);
  }
}

void Client::on_published(const protocol::Published& p) {
  if (!p.change) {  // a heartbeat: the link to the centre as the hub sees it now
    central_ = p.central;
    hub_time_ = p.at;
  }
  if (!synced_ || snapshot_pending_) {
    if (p.change && buffered_.size() < kMaxBuffered) buffered_.push_back(p);
    if (!snapshot_pending_ && Clock::now() >= next_sync_try_) resync();
    return;
  }
  bool new_epoch = p.epoch != state_.epoch;
  if (!p.change) {  // heartbeat
    if (new_epoch || p.seq > state_.seq) {
      if (Clock::now() >= next_sync_try_) resync();
    } else if (connection_ != Connection::live) {
      set_connection(Connection::live);  // the feed flows again, and nothing was missed
    }
    return;
  }
  if (!new_epoch && p.seq <= state_.seq) return;  // already in the snapshot
  if (new_epoch || p.seq != state_.seq + 1) {
    buffered_.push_back(p);
    resync();
    return;
  }
  state_.apply(p.seq, *p.change, p.loads);
  if (connection_ != Connection::live) set_connection(Connection::live);
  if (on_change_) on_change_(*p.change);
}

void Client::resync() {
  if (snapshot_pending_) return;
  snapshot_pending_ = true;
  need_sync_ = true;
  send("snapshot", Json::object(), [this](const util::Result<Json>& r) { on_snapshot(r); });
}

void Client::on_snapshot(const util::Result<Json>& result) {
  snapshot_pending_ = false;
  util::Status loaded = result.ok() ? state_.load_snapshot(*result) : util::Status(result.error());
  if (!loaded.ok()) {
    next_sync_try_ = Clock::now() + options_.request_timeout;
    set_connection(synced_ ? Connection::lost : Connection::connecting);
    return;
  }
  synced_ = true;
  need_sync_ = false;
  last_heard_ = Clock::now();
  SnapshotLink link = central_link_of(*result);
  central_ = link.link;
  if (link.hub_now) hub_time_ = link.hub_now;
  std::deque<protocol::Published> later;
  later.swap(buffered_);
  // Live only once the event feed is heard too: events published before the subscriber was
  // connected would be missed silently otherwise (the next heartbeat then says live).
  if (feed_heard_) set_connection(Connection::live);
  if (on_sync_) on_sync_();
  for (const auto& p : later) {
    if (p.epoch == state_.epoch) on_published(p);  // events of a previous hub life are stale
  }
}

// --- Timers --------------------------------------------------------------------------------

void Client::check_timers() {
  auto now = Clock::now();
  bool reopen = false;
  std::vector<std::int64_t> failed;
  for (auto& [req, p] : pending_) {
    if (now < p.deadline) continue;
    reopen = true;
    if (p.tries > options_.retries) {
      failed.push_back(req);
    } else {
      ++p.tries;
      p.deadline = now + options_.request_timeout;
    }
  }
  if (reopen) {
    // Lazy Pirate: a fresh socket drops whatever the old one still queued, so a request that
    // was given up can never reach the hub later. Requests still pending are sent again.
    dealer_.close();
    if (!open_requests().ok()) {
      // The endpoint was valid at connect(); if libzmq refuses now, keep a socket to poll.
      dealer_ = zmq::socket_t(context_, zmq::socket_type::dealer);
    } else {
      for (auto& [req, p] : pending_) {
        if (std::find(failed.begin(), failed.end(), req) == failed.end()) transmit(p.body);
      }
    }
  }
  for (std::int64_t req : failed) {
    auto it = pending_.find(req);
    if (it == pending_.end()) continue;  // answered meanwhile by a nested pump
    ReplyHandler handler = std::move(it->second.handler);
    pending_.erase(it);
    handler(unreachable());
  }
  if (!options_.follow) return;
  if (synced_ && connection_ == Connection::live && now - last_heard_ > options_.silence_limit) {
    feed_heard_ = false;
    set_connection(Connection::lost);
    resync();
  }
  if (!snapshot_pending_ && need_sync_ && now >= next_sync_try_) resync();
}

void Client::pump(std::chrono::milliseconds timeout) {
  auto now = Clock::now();
  for (const auto& [req, p] : pending_) {
    timeout = std::min(timeout, std::chrono::duration_cast<std::chrono::milliseconds>(p.deadline - now));
  }
  timeout = std::max(timeout, std::chrono::milliseconds(0));
  std::vector<zmq::pollitem_t> items{{dealer_.handle(), 0, ZMQ_POLLIN, 0}};
  if (options_.follow) items.push_back({subscriber_.handle(), 0, ZMQ_POLLIN, 0});
  try {
    zmq::poll(items.data(), items.size(), timeout);
    if (items[0].revents & ZMQ_POLLIN) on_reply_frame();
    if (options_.follow && (items[1].revents & ZMQ_POLLIN)) on_event_frames();
  } catch (const zmq::error_t& e) {
    if (e.num() != EINTR) throw;
  }
  check_timers();
}

bool Client::wait_live(std::chrono::milliseconds timeout) {
  auto until = Clock::now() + timeout;
  while (connection_ != Connection::live && Clock::now() < until) {
    pump(std::chrono::milliseconds(50));
  }
  return connection_ == Connection::live;
}

void Client::set_connection(Connection c) {
  if (c == connection_) return;
  connection_ = c;
  if (on_connection_) on_connection_(c);
}

}  // namespace pcn::client
