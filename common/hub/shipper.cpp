#include "hub/shipper.h"

#include <zmq.hpp>

#include <algorithm>

#include "net/socket_security.h"
#include "protocol/ship.h"
#include "store/event_reader.h"
#include "text/catalog.h"

namespace pcn::hub {

namespace {

constexpr auto kSlice = std::chrono::milliseconds(100);  // how often a wait looks at stop
constexpr std::int64_t kMaxReplyBytes = 65536;
// The events' bodies of one frame: the frame's limit less room for its head and the wrapping.
constexpr std::size_t kMaxEventBytes = protocol::kMaxShipBytes - (64u << 10);

}  // namespace

Shipper::Shipper(ShipperOptions options, const util::Clock& clock, LogSink log)
    : options_(std::move(options)), clock_(clock), log_(std::move(log)),
      thread_([this] { run(); }) {}

Shipper::~Shipper() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

ShipperState Shipper::state() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return state_;
}

void Shipper::set_error(const std::string& error) {
  bool changed = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    changed = state_.last_error != error;
    state_.last_error = error;
    state_.connected = false;
  }
  if (changed && log_) log_(error);  // once per new reason, not at every retry
}

void Shipper::sleep_for(std::chrono::milliseconds d) {
  const auto until = std::chrono::steady_clock::now() + d;
  while (!stop_) {
    const auto left = until - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) break;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, kSlice));
  }
}

void Shipper::run() {
  std::chrono::milliseconds wait = options_.retry;
  while (!stop_) {
    const std::optional<util::TimePoint> answered = state().last_ack;
    const std::string failure = session();
    if (stop_) break;
    set_error(failure);
    // A session the centre answered starts the back-off again from its shortest wait.
    if (state().last_ack != answered) wait = options_.retry;
    sleep_for(wait);
    wait = std::min(options_.retry_max, wait * 2);
  }
}

void Shipper::record_ack(std::int64_t ack, std::int64_t last) {
  std::lock_guard<std::mutex> lock(mutex_);
  state_.acknowledged = ack;
  state_.last_seq = std::max(last, ack);
  state_.last_ack = clock_.now();
  state_.last_error.clear();
  state_.connected = true;
}

void Shipper::record_last_seq(std::int64_t last) {
  std::lock_guard<std::mutex> lock(mutex_);
  state_.last_seq = last;
}

namespace {

/// The DEALER's options, its CURVE client keys, and its connection to the centre; "" when done,
/// else the failure (French).
std::string connect_dealer(zmq::socket_t& dealer, const ShipperOptions& options) {
  try {
    dealer.set(zmq::sockopt::linger, 0);
    dealer.set(zmq::sockopt::immediate, 1);  // nothing queued for a centre not connected
    dealer.set(zmq::sockopt::sndhwm, 1);
    dealer.set(zmq::sockopt::maxmsgsize, kMaxReplyBytes);
    auto secured = net::make_curve_client(dealer, options.key, options.central_public);
    if (!secured.ok()) return secured.error().message;
    dealer.connect(options.endpoint);
  } catch (const zmq::error_t& e) {
    return text::shipper_socket_error(options.endpoint, e.what());
  }
  return {};
}

/// Waits until `dealer` is ready for `events`, at most until `deadline`; false when it is
/// passed or `stop` was set.
bool wait_for(zmq::socket_t& dealer, short events, std::chrono::steady_clock::time_point deadline,
              const std::atomic<bool>& stop) {
  if (stop || std::chrono::steady_clock::now() >= deadline) return false;
  zmq::pollitem_t item{dealer.handle(), 0, events, 0};
  zmq::poll(&item, 1, kSlice);
  return true;
}

/// Sends `frame`, waits for the answer (at most options.timeout); the acknowledgement of
/// `store`, or the failure (French).
util::Result<std::int64_t> exchange(zmq::socket_t& dealer, const std::string& frame,
                                    const std::string& store, const ShipperOptions& options,
                                    const std::atomic<bool>& stop) {
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  try {
    // Until the connection is made (immediate: nothing is queued before).
    while (!dealer.send(zmq::buffer(frame), zmq::send_flags::dontwait)) {
      if (!wait_for(dealer, ZMQ_POLLOUT, deadline, stop)) {
        return util::make_error("unreachable", text::shipper_unreachable(options.endpoint));
      }
    }
    zmq::message_t reply;
    while (!dealer.recv(reply, zmq::recv_flags::dontwait)) {
      if (!wait_for(dealer, ZMQ_POLLIN, deadline, stop)) {
        return util::make_error("unreachable", text::shipper_no_answer(options.endpoint));
      }
    }
    auto ack = protocol::decode_ack(reply.to_string_view());
    if (!ack.ok()) {
      return util::make_error(ack.error().code, text::shipper_refused(ack.error().message));
    }
    if (ack->store != store) {
      return util::make_error("bad_reply", text::shipper_refused(ack->store));
    }
    return ack->acknowledged;
  } catch (const zmq::error_t& e) {
    return util::make_error("unreachable", text::shipper_socket_error(options.endpoint, e.what()));
  }
}

/// The frame of the events after `held`, as stored (not decoded and encoded again), at most
/// `batch` of them within a frame; "" when there are none; or the failure (French).
util::Result<std::string> events_frame(store::EventReader& reader, const protocol::ShipBatch& head,
                                       std::int64_t held, int batch) {
  auto events = reader.after_raw(held, batch, kMaxEventBytes);
  if (!events.ok()) return events.error();
  if (events->empty()) return std::string();  // cannot happen with an append-only log
  if (events->front().change.size() > kMaxEventBytes) {
    return util::make_error(
        "too_large",
        text::shipper_event_too_large(events->front().seq,
                                      static_cast<long long>(events->front().change.size())));
  }
  return protocol::encode_ship_raw(head, *events);
}

}  // namespace

std::string Shipper::session() {
  auto reader = store::EventReader::open(options_.database);
  if (!reader.ok()) return reader.error().message;
  auto store_id = reader->store_id();
  if (!store_id.ok()) return store_id.error().message;
  zmq::context_t context(1);
  zmq::socket_t dealer(context, zmq::socket_type::dealer);
  if (auto failure = connect_dealer(dealer, options_); !failure.empty()) return failure;
  auto send = [&](const std::string& frame) {
    return exchange(dealer, frame, *store_id, options_, stop_);
  };

  protocol::ShipBatch head{options_.agency, options_.name, options_.time_zone, *store_id, {}};
  head.profile = options_.profile;
  head.follow_key = options_.follow_key;
  auto ack = send(protocol::encode_ship(head));  // the hello: what the centre holds already
  if (!ack.ok()) return ack.error().message;
  head.profile.reset();
  head.follow_key.clear();
  const std::string keepalive = protocol::encode_ship(head);
  std::int64_t held = *ack;
  record_ack(held, held);
  auto heard = std::chrono::steady_clock::now();  // the centre's last answer
  while (!stop_) {
    auto last = reader->last_seq();
    if (!last.ok()) return last.error().message;
    const auto quiet = std::chrono::steady_clock::now() - heard;
    std::string frame;
    if (*last > held) {
      auto events = events_frame(*reader, head, held, options_.batch);
      if (!events.ok()) return events.error().message;
      frame = std::move(*events);
    } else if (quiet >= options_.keepalive) {
      frame = keepalive;  // nothing new: the centre hears that the link is up
    }
    if (frame.empty()) {
      record_last_seq(*last);
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(options_.keepalive - quiet);
      sleep_for(std::max(std::chrono::milliseconds(1), std::min(options_.idle, left)));
      continue;
    }
    auto next = send(frame);
    if (!next.ok()) return next.error().message;
    held = *next;
    heard = std::chrono::steady_clock::now();
    record_ack(held, *last);
  }
  return {};
}

}  // namespace pcn::hub
