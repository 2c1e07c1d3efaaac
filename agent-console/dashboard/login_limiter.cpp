#include "dashboard/login_limiter.h"

namespace pcn::dashboard {

bool LoginLimiter::full(const std::string& key, util::TimePoint now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return false;
  std::deque<util::TimePoint>& times = it->second;
  while (!times.empty() && now - times.front() >= kWindow) times.pop_front();
  return static_cast<int>(times.size()) >= kFailures;
}

void LoginLimiter::add(const std::string& key, util::TimePoint now) {
  auto [it, fresh] = failures_.try_emplace(key);
  if (fresh) {
    order_.push_back(key);
    while (order_.size() > kMaxKeys) {
      failures_.erase(order_.front());
      order_.pop_front();
    }
  }
  if (auto found = failures_.find(key); found != failures_.end()) found->second.push_back(now);
}

void LoginLimiter::take_back(const std::string& key) {
  auto it = failures_.find(key);
  if (it != failures_.end() && !it->second.empty()) it->second.pop_back();
}

bool LoginLimiter::begin(const std::string& login, const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  const util::TimePoint now = clock_.now();
  if (full("l:" + login, now) || full("a:" + address, now)) return false;
  add("l:" + login, now);
  add("a:" + address, now);
  return true;
}

void LoginLimiter::succeeded(const std::string& login, const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  take_back("l:" + login);
  take_back("a:" + address);
}

}  // namespace pcn::dashboard
