#include "util/clock.h"

namespace pcn::util {

TimePoint SystemClock::now() const {
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

std::int64_t to_unix_ms(TimePoint t) { return t.time_since_epoch().count(); }

TimePoint from_unix_ms(std::int64_t ms) { return TimePoint(Millis(ms)); }

}  // namespace pcn::util
