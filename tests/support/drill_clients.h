// Busy clients for the drills: each ClientLoop owns one following client::Client on a thread of
// its own, created once, and keeps sending one kind of request in a loop (a kiosk taking tickets,
// or an agent calling the next visitor and finishing), whatever happens to the hub. It records
// every reply it received, so that the test can check them against the hub's database after.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "client/client.h"
#include "queue/ticket.h"

namespace pcn::testing {

/// One successful reply.
struct Received {
  std::string type;          ///< take_ticket, call_next or finish
  queue::TicketId ticket = 0;
  std::string label;
  std::string state;         ///< the ticket's state in the reply
  int counter = 0;           ///< the ticket's counter in the reply (0 when none)
  std::chrono::steady_clock::time_point at;  ///< when the reply came
};

/// How a loop ended: the client's own view once the test stopped it.
struct LoopEnd {
  bool live = false;  ///< connection live, state at the epoch and seq asked for
  std::string epoch;
  std::int64_t seq = 0;
  std::map<queue::TicketId, std::string> states;  ///< every ticket of its state: id → state
};

class ClientLoop {
 public:
  enum class Kind {
    taker,   ///< take_ticket C, F, N in turn (every fifth a priority one)
    caller,  ///< call_next on `counter`, then finish; waits a little when the queue is empty
  };

  /// Starts the thread; the client is created on it with `options`.
  ClientLoop(client::ClientOptions options, Kind kind, int counter = 0);
  /// Stops and joins (see finish()).
  ~ClientLoop();
  ClientLoop(const ClientLoop&) = delete;
  ClientLoop& operator=(const ClientLoop&) = delete;

  /// Successful replies so far (safe from any thread).
  int successes() const { return successes_; }
  /// Refusals and failures so far, by error code ("unreachable" included).
  std::map<std::string, int> failures() const;

  /// Stops sending (the current request runs to its end), then pumps until the client's state
  /// is live at `epoch` and `seq`, or `limit`; then joins. REQUIRES: called once.
  void finish(const std::string& epoch, std::int64_t seq, std::chrono::milliseconds limit);
  /// True once the loop stopped sending and only follows the hub.
  bool idle() const { return idle_; }
  /// Stops sending without joining yet (finish() joins).
  void stop_sending() { stop_sending_ = true; }

  // After finish():
  const std::vector<Received>& received() const { return received_; }
  const LoopEnd& end() const { return end_; }
  const std::string& setup_error() const { return setup_error_; }

 private:
  void run(client::ClientOptions options);
  void act(client::Client& c, int i);
  void take(client::Client& c, int i);
  void call(client::Client& c);
  bool record(const std::string& type, const util::Result<protocol::Json>& reply);
  void follow_until_target(client::Client& c);

  const Kind kind_;
  const int counter_;
  std::atomic<int> successes_{0};
  std::atomic<bool> stop_sending_{false};
  std::atomic<bool> idle_{false};
  std::atomic<bool> target_set_{false};
  std::string target_epoch_;  // written before target_set_
  std::int64_t target_seq_ = 0;
  std::chrono::milliseconds target_limit_{0};
  mutable std::mutex failures_mutex_;
  std::map<std::string, int> failures_;
  std::vector<Received> received_;  // the loop's thread only, until joined
  LoopEnd end_;
  std::string setup_error_;
  std::thread thread_;
};

}  // namespace pcn::testing
