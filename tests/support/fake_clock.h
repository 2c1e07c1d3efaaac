// A clock that tests move by hand.
#pragma once

#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::testing {

class FakeClock final : public util::Clock {
 public:
  explicit FakeClock(util::TimePoint start) : now_(start) {}
  util::TimePoint now() const override { return now_; }
  void advance(util::Millis d) { now_ += d; }
  void set(util::TimePoint t) { now_ = t; }

 private:
  util::TimePoint now_;
};

/// The instant of a local wall-clock time in Nouméa: noumea_time(2026, 11, 23, 9, 30).
util::TimePoint noumea_time(int y, unsigned mo, unsigned d, int h, int mi, int s = 0);

}  // namespace pcn::testing
