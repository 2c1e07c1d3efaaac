// A Hub running on a thread of its own, for programs that also run a screen (the kiosk) and for
// tests. The hub, its sockets and its store are created, used and destroyed on that thread. With
// options.central, a Shipper (shipper.h) sends the event log to the centre from its own thread.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "hub/hub.h"
#include "store/store.h"
#include "util/clock.h"

namespace pcn::hub {

class HubThread {
 public:
  /// Opens the store it serves (on the hub's thread).
  using StoreFactory = std::function<util::Result<std::unique_ptr<store::Store>>()>;

  /// Starts the hub and waits until it serves or failed. `clock` must outlive the thread.
  static util::Result<std::unique_ptr<HubThread>> start(HubOptions options, StoreFactory open_store,
                                                        const util::Clock& clock);
  /// Stops serving and joins the thread (the store is closed).
  ~HubThread();
  HubThread(const HubThread&) = delete;
  HubThread& operator=(const HubThread&) = delete;

  const std::string& request_endpoint() const { return request_endpoint_; }
  const std::string& event_endpoint() const { return event_endpoint_; }
  const std::string& epoch() const { return epoch_; }
  /// Traffic counters of the running hub (atomics, safe to read from any thread).
  const HubStats& stats() const { return *stats_; }
  /// The link to the centre, when options.central was given (else nullopt).
  std::optional<ShipperState> central_state() const;

 private:
  HubThread() = default;

  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::string request_endpoint_;
  std::string event_endpoint_;
  std::string epoch_;
  const HubStats* stats_ = nullptr;
  bool ships_ = false;                // options.central was given
  mutable std::mutex shipper_mutex_;  // shipper_ is read by the hub's heartbeats
  std::unique_ptr<Shipper> shipper_;  // started once the hub serves, stopped before it
};

}  // namespace pcn::hub
