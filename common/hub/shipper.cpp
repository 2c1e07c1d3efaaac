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
  while (!stop_ && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(kSlice);
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

std::string Shipper::session() {
  auto reader = store::EventReader::open(options_.database);
  if (!reader.ok()) return reader.error().message;
  auto store_id = reader->store_id();
  if (!store_id.ok()) return store_id.error().message;
  zmq::context_t context(1);
  zmq::socket_t dealer(context, zmq::socket_type::dealer);
  try {
    dealer.set(zmq::sockopt::linger, 0);
    dealer.set(zmq::sockopt::immediate, 1);  // nothing queued for a centre not connected
    dealer.set(zmq::sockopt::sndhwm, 1);
    dealer.set(zmq::sockopt::maxmsgsize, kMaxReplyBytes);
    auto secured = net::make_curve_client(dealer, options_.key, options_.central_public);
    if (!secured.ok()) return secured.error().message;
    dealer.connect(options_.endpoint);
  } catch (const zmq::error_t& e) {
    return text::shipper_socket_error(options_.endpoint, e.what());
  }

  protocol::ShipBatch batch{options_.agency, options_.name, options_.time_zone, *store_id, {}};
  // Sends `batch`, waits for the answer; the acknowledgement, or the failure in French.
  auto exchange = [&](const std::string& frame) -> util::Result<std::int64_t> {
    const auto deadline = std::chrono::steady_clock::now() + options_.timeout;
    try {
      while (!dealer.send(zmq::buffer(frame), zmq::send_flags::dontwait)) {
        if (stop_ || std::chrono::steady_clock::now() >= deadline) {
          return util::make_error("unreachable", text::shipper_unreachable(options_.endpoint));
        }
        // Until the connection is made (immediate: nothing is queued before), at most kSlice.
        zmq::pollitem_t item{dealer.handle(), 0, ZMQ_POLLOUT, 0};
        zmq::poll(&item, 1, kSlice);
      }
      zmq::message_t reply;
      while (!dealer.recv(reply, zmq::recv_flags::dontwait)) {
        if (stop_ || std::chrono::steady_clock::now() >= deadline) {
          return util::make_error("unreachable", text::shipper_no_answer(options_.endpoint));
        }
        zmq::pollitem_t item{dealer.handle(), 0, ZMQ_POLLIN, 0};
        zmq::poll(&item, 1, kSlice);
      }
      auto ack = protocol::decode_ack(reply.to_string_view());
      if (!ack.ok()) return util::make_error(ack.error().code, text::shipper_refused(ack.error().message));
      if (ack->store != batch.store) {
        return util::make_error("bad_reply", text::shipper_refused(ack->store));
      }
      return ack->acknowledged;
    } catch (const zmq::error_t& e) {
      return util::make_error("unreachable", text::shipper_socket_error(options_.endpoint, e.what()));
    }
  };
  auto acknowledged = [&](std::int64_t ack, std::int64_t last) {
    std::lock_guard<std::mutex> lock(mutex_);
    state_.acknowledged = ack;
    state_.last_seq = std::max(last, ack);
    state_.last_ack = clock_.now();
    state_.last_error.clear();
    state_.connected = true;
  };

  batch.profile = options_.profile;
  auto ack = exchange(protocol::encode_ship(batch));  // what the centre holds already
  batch.profile.reset();
  if (!ack.ok()) return ack.error().message;
  std::int64_t held = *ack;
  acknowledged(held, held);
  while (!stop_) {
    auto last = reader->last_seq();
    if (!last.ok()) return last.error().message;
    if (*last <= held) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        state_.last_seq = *last;
      }
      sleep_for(options_.idle);
      continue;
    }
    // As stored, not decoded and encoded again; one batch held at a time, within a frame.
    auto events = reader->after_raw(held, options_.batch, kMaxEventBytes);
    if (!events.ok()) return events.error().message;
    if (events->empty()) {  // none after all (cannot happen with an append-only log)
      sleep_for(options_.idle);
      continue;
    }
    if (events->front().change.size() > kMaxEventBytes) {
      return text::shipper_event_too_large(events->front().seq,
                                           static_cast<long long>(events->front().change.size()));
    }
    auto next = exchange(protocol::encode_ship_raw(batch, *events));
    if (!next.ok()) return next.error().message;
    held = *next;
    acknowledged(held, *last);
  }
  return {};
}

}  // namespace pcn::hub
