// Counters the hub keeps about its traffic, readable from another thread (tests, benchmarks).
#pragma once

#include <atomic>
#include <cstdint>

namespace pcn::hub {

struct HubStats {
  std::atomic<std::uint64_t> requests{0};   ///< request messages received
  std::atomic<std::uint64_t> replayed{0};   ///< retries answered from the stored reply
  std::atomic<std::uint64_t> refused{0};    ///< error replies (bad requests, refusals, forbidden)
  std::atomic<std::uint64_t> dropped{0};    ///< messages that could not even be answered
  std::atomic<std::uint64_t> events{0};     ///< events published
  std::atomic<std::uint64_t> heartbeats{0};
};

}  // namespace pcn::hub
