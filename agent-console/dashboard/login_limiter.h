// Limits password guessing on the dashboard's login: at most kFailures failed attempts per login
// and per client address within kWindow; beyond, every attempt is refused unchecked (HTTP 429,
// French page) until the oldest failure leaves the window. A success does not clear the address's
// count (one person's good password does not open the door to another's guesses). In memory: a
// restart forgets it; at most kMaxKeys keys are kept (the oldest dropped first), so a flood of
// invented logins cannot fill the memory. Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "util/clock.h"

namespace pcn::dashboard {

class LoginLimiter {
 public:
  static constexpr int kFailures = 5;
  static constexpr std::chrono::minutes kWindow{15};
  static constexpr std::size_t kMaxKeys = 10000;

  explicit LoginLimiter(const util::Clock& clock) : clock_(clock) {}

  /// Whether an attempt for `login` from `address` may be checked now.
  bool allowed(const std::string& login, const std::string& address);
  /// Counts a failed attempt.
  void failed(const std::string& login, const std::string& address);

 private:
  bool full(const std::string& key, util::TimePoint now);
  void add(const std::string& key, util::TimePoint now);

  const util::Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, std::deque<util::TimePoint>> failures_;
  std::deque<std::string> order_;  ///< keys in the order they were first counted
};

}  // namespace pcn::dashboard
