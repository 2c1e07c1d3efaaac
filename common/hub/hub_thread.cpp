#include "hub/hub_thread.h"

#include <future>
#include <memory>

namespace pcn::hub {

util::Result<std::unique_ptr<HubThread>> HubThread::start(HubOptions options,
                                                          StoreFactory open_store,
                                                          const util::Clock& clock) {
  std::unique_ptr<HubThread> self(new HubThread());
  // Shared, so that the promise outlives both sides however the threads are scheduled.
  auto started = std::make_shared<std::promise<util::Status>>();
  auto ready = started->get_future();
  HubThread* raw = self.get();
  std::optional<ShipperOptions> central = options.central;
  auto log = options.log;
  self->ships_ = central.has_value();
  if (central) options.central_state = [raw] { return raw->central_state(); };
  self->thread_ = std::thread([raw, started, options = std::move(options),
                               open_store = std::move(open_store), &clock]() mutable {
    auto store = open_store();
    if (!store.ok()) {
      started->set_value(store.error());
      return;
    }
    auto hub = Hub::start(std::move(options), **store, clock);
    if (!hub.ok()) {
      started->set_value(hub.error());
      return;
    }
    raw->request_endpoint_ = (*hub)->request_endpoint();
    raw->event_endpoint_ = (*hub)->event_endpoint();
    raw->epoch_ = (*hub)->epoch();
    raw->stats_ = &(*hub)->stats();
    started->set_value(util::Status());
    (*hub)->run(raw->stop_);
  });
  util::Status status = ready.get();
  if (!status.ok()) {
    self->thread_.join();
    return status.error();
  }
  if (central) {
    auto shipper = std::make_unique<Shipper>(std::move(*central), clock, log);
    std::lock_guard<std::mutex> lock(self->shipper_mutex_);
    self->shipper_ = std::move(shipper);
  }
  return self;
}

std::optional<ShipperState> HubThread::central_state() const {
  if (!ships_) return std::nullopt;
  std::lock_guard<std::mutex> lock(shipper_mutex_);
  if (!shipper_) return ShipperState{};  // not started yet: never answered
  return shipper_->state();
}

HubThread::~HubThread() {
  std::unique_ptr<Shipper> shipper;
  {
    std::lock_guard<std::mutex> lock(shipper_mutex_);
    shipper = std::move(shipper_);
  }
  shipper.reset();
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

}  // namespace pcn::hub
