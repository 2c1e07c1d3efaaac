// Limits password guessing on the dashboard's login: at most kFailures failed attempts per login
// and per client address within kWindow; beyond, every attempt is refused unchecked (HTTP 429,
// French page) until the oldest failure leaves the window. An attempt is counted as failed when
// it is let through (begin(), under the lock), and taken back by succeeded(): attempts sent in
// parallel cannot all pass before the first failure is counted. A success does not clear the address's
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

  /// Whether an attempt for `login` from `address` may be checked now; if so, it is counted as
  /// failed until succeeded() says otherwise.
  bool begin(const std::string& login, const std::string& address);
  /// Takes back the count of an attempt begin() let through whose password was right.
  void succeeded(const std::string& login, const std::string& address);

 private:
  bool full(const std::string& key, util::TimePoint now);
  void add(const std::string& key, util::TimePoint now);
  void take_back(const std::string& key);

  const util::Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, std::deque<util::TimePoint>> failures_;
  std::deque<std::string> order_;  ///< keys in the order they were first counted
};

}  // namespace pcn::dashboard
