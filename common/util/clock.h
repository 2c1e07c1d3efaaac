// The only way project code reads the time. Queue logic receives a Clock so that tests can use a
// fake one they advance by hand (tests/support/fake_clock.h), across midnight in Nouméa too.
#pragma once

#include <chrono>

namespace pcn::util {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;
using Millis = std::chrono::milliseconds;

class Clock {
 public:
  virtual ~Clock() = default;
  /// Current UTC instant, millisecond resolution.
  virtual TimePoint now() const = 0;
};

/// The machine's real-time clock.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
};

/// Milliseconds since the Unix epoch, and back: the storage and wire form of instants.
std::int64_t to_unix_ms(TimePoint t);
TimePoint from_unix_ms(std::int64_t ms);

}  // namespace pcn::util
