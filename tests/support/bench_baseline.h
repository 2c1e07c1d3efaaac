// The baselines pcn-bench measures the hub against, in the same run and on the same machine:
//  - CommitLog: bare SQLite, one small row per transaction, with the store's settings (WAL,
//    synchronous=FULL), so one commit costs what the file system's fsync costs;
//  - EchoServer: a bare ZeroMQ ROUTER on 127.0.0.1 that answers each DEALER request with its own
//    bytes, optionally after one CommitLog commit, with the hub's CURVE security (its key, its ZAP
//    authenticator and allow-list) or none.
// Figures are printed, never asserted; a failure to set up ends pcn-bench (bench::die).
#pragma once

#include <atomic>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>
#include <zmq.hpp>

#include "store/sqlite_handle.h"

namespace pcn::bench {

class CommitLog {
 public:
  /// Opens (creates) `file` with journal_mode=WAL and synchronous=FULL, and a table of small rows.
  explicit CommitLog(const std::filesystem::path& file);
  /// One INSERT of a small row in its own transaction (BEGIN IMMEDIATE … COMMIT).
  void commit_one();
  /// Commits until the write-ahead log has reached its working size and been reused (an
  /// automatic checkpoint), as a hub's log is after its first minutes: while the log file grows,
  /// each fsync also writes the file's new size, which a running hub no longer pays.
  void warm_up();

 private:
  std::filesystem::path wal_;
  store::Database db_;
  std::optional<store::Statement> insert_;
  std::int64_t next_ = 0;
};

/// How the echo server and its client talk.
struct EchoSetup {
  bool curve = true;
  std::filesystem::path keys;  ///< keygen_agency folder: hub.key, agent.key, hub.pub, allowed/
  std::optional<std::filesystem::path> commit_file;  ///< commit once per request into this file
};

class EchoServer {
 public:
  /// Starts serving on its own thread, bound to tcp://127.0.0.1:* (returns once bound).
  explicit EchoServer(EchoSetup setup);
  /// Stops serving and joins the thread.
  ~EchoServer();
  EchoServer(const EchoServer&) = delete;
  EchoServer& operator=(const EchoServer&) = delete;

  const std::string& endpoint() const { return endpoint_; }

 private:
  void serve(std::promise<std::string>& bound);

  EchoSetup setup_;
  std::atomic<bool> stop_{false};
  std::string endpoint_;
  std::thread thread_;
};

/// A DEALER (the "agent" key when CURVE is on) that sends a 120-byte request to an EchoServer and
/// waits for the answer, one at a time. Connected, and handshake done, once constructed.
class EchoClient {
 public:
  EchoClient(const EchoServer& server, const EchoSetup& setup);
  /// `n` round trips; appends the microseconds each took to `out`.
  void time(int n, std::vector<double>& out);

 private:
  void trip();

  zmq::context_t context_;
  zmq::socket_t dealer_;
};

}  // namespace pcn::bench
