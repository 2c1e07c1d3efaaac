// The centre of the pilot for the drills (issue #12): a real PostgreSQL 15 (postgres_harness.h)
// and the real `pcn-central --config central.toml` as a child process, set up as
// docs/installation-centre.md says (its keys made by `pcn-central keygen`, the agency's by
// `pcn-central keygen --agency`), bound to 127.0.0.1 on a free port. An agency (drill_agency.h)
// is linked to it by DrillCentre::link, which hands over the agency's key and writes its
// [central] section. Also what the drills read of processes (/proc) and of the centre's tables.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/drill_agency.h"
#include "support/drill_process.h"
#include "support/postgres_harness.h"
#include "support/temp_dir.h"

namespace pcn::testing {

class DrillCentre {
 public:
  /// Writes central.toml (database: `pg`), runs `pcn-central keygen` and `keygen --agency
  /// exercice`; throws std::runtime_error when that fails. `pg` must outlive the centre.
  DrillCentre(std::string program, const TestPostgres& pg);

  /// Starts `pcn-central --config central.toml` and waits (at most 15 s) for its "started" line.
  /// Each start gets its own log files logs/central-N.{out,err}. Throws when it does not start.
  void start();
  /// SIGKILLs the running centre (nothing when none runs).
  void kill();
  /// SIGTERM, and waits for its clean exit.
  void stop();
  Process* process() { return process_.get(); }
  /// What every start of the centre wrote on standard error so far, in order.
  std::string log() const;

  std::string endpoint() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
  std::string public_key() const;
  /// Hands the agency's shipping key (keygen --agency exercice) to `agency` and gives it a
  /// [central] section naming this centre (or `via`, e.g. a TcpTap's endpoint).
  void link(DrillAgency& agency, const std::string& via = "") const;
  int port() const { return port_; }

 private:
  std::string program_;
  const TestPostgres& pg_;
  TempDir dir_{"pcn-centre"};
  int port_ = 0;
  int starts_ = 0;
  std::unique_ptr<Process> process_;
};

/// A wire tap on 127.0.0.1: listens on a free port and relays every connection, both ways, to
/// `to_port` (the centre), counting the bytes the clients (the hubs) sent through it. Stops and
/// cuts every relayed connection when destroyed.
class TcpTap {
 public:
  explicit TcpTap(int to_port);  ///< throws std::runtime_error when it cannot listen
  ~TcpTap();
  TcpTap(const TcpTap&) = delete;
  TcpTap& operator=(const TcpTap&) = delete;
  std::string endpoint() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
  /// Bytes received from the clients and passed on, all connections so far.
  std::int64_t upstream_bytes() const { return upstream_; }

 private:
  void accept_loop();
  void pump(int from, int to, bool count);

  int to_port_;
  int port_ = 0;
  int listen_fd_ = -1;
  std::atomic<bool> stop_{false};
  std::atomic<std::int64_t> upstream_{0};
  std::mutex mutex_;  // guards fds_ and pumps_
  std::vector<int> fds_;
  std::vector<std::thread> pumps_;
  std::thread acceptor_;
};

/// VmRSS and VmHWM of process `pid`, in KiB (from /proc/PID/status; 0 when unreadable).
struct Memory {
  long rss_kib = 0;
  long hwm_kib = 0;
};
Memory memory_of(pid_t pid);

/// What the centre holds of one hub database (PostgreSQL, through psql).
struct CentreHolds {
  std::int64_t events = 0;
  std::int64_t distinct = 0;
  std::int64_t max_seq = 0;
  std::int64_t tickets = 0;       ///< pilot_tickets rows
  std::int64_t acknowledged = 0;  ///< agency_stores.acknowledged
  bool operator==(const CentreHolds&) const = default;
};
/// For the agency "exercice" and hub database `store` ("" for every store of the agency).
CentreHolds centre_holds(const TestPostgres& pg, const std::string& store = "");
std::string to_string(const CentreHolds& h);

/// A psql session that holds `LOCK TABLE events IN ACCESS EXCLUSIVE MODE` in an open
/// transaction: the centre's next batch waits inside its own transaction (mid-batch) until the
/// lock is released. Released (its backend terminated) when destroyed.
class EventsLock {
 public:
  EventsLock(const TestPostgres& pg, const std::filesystem::path& logs);
  ~EventsLock();
  EventsLock(const EventsLock&) = delete;
  EventsLock& operator=(const EventsLock&) = delete;
  /// Waits (at most `limit`) until another session waits for the lock: a batch is mid-way.
  bool wait_for_waiter(std::chrono::milliseconds limit) const;
  /// Ends the locking transaction (nothing once released).
  void release();

 private:
  const TestPostgres& pg_;
  std::unique_ptr<Process> psql_;
};

}  // namespace pcn::testing
