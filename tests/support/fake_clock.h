// A clock that tests move by hand.
#pragma once

#include <atomic>
#include <cstdint>

#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::testing {

/// Safe to read from a hub's thread while the test moves it.
class FakeClock final : public util::Clock {
 public:
  explicit FakeClock(util::TimePoint start) : ms_(util::to_unix_ms(start)) {}
  util::TimePoint now() const override { return util::from_unix_ms(ms_.load()); }
  void advance(util::Millis d) { ms_ += d.count(); }
  void set(util::TimePoint t) { ms_ = util::to_unix_ms(t); }

 private:
  std::atomic<std::int64_t> ms_;
};

/// The instant of a local wall-clock time in Nouméa: noumea_time(2026, 11, 23, 9, 30).
util::TimePoint noumea_time(int y, unsigned mo, unsigned d, int h, int mi, int s = 0);

}  // namespace pcn::testing
