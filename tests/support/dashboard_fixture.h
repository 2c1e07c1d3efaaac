// The dashboard's test bench: a real PostgreSQL 15 (postgres_harness.h) with the centre's schema
// and a scripted dataset of three agencies over four weeks (2026-11-02 to 2026-11-29, written by
// SQL into pilot_tickets, every day listed stale as the store lists it), three accounts, and
// the real web server (dashboard/web_server.h) on a free port of 127.0.0.1.
//
// Dataset, per day: bourail 12 tickets, kone 7, tadine 3 (small: its profile counts are masked).
// Ticket k of a day: service C/F/N by k % 3; state absent when k % 7 = 6, unserved when
// k % 11 = 10, else done; wait (k * 331 + day) % 2700 s; partner cafat (k % 3 = 0), eec
// (k % 3 = 1, and cafat too when k % 6 = 1), none otherwise; autonomy cycling
// fait_a_la_place, pas_a_pas, un_peu_aide, autonome; age band 60_69 / 40_59 / 70_plus;
// slip not printed when k % 9 = 4.
//
// Accounts (password kPassword): "coord" coordination, "bourail" agence of bourail,
// "cafat" partenaire cafat.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "central/central_store.h"
#include "dashboard/web_server.h"
#include "protocol/follow_token.h"
#include "queue/engine.h"
#include "support/postgres_harness.h"
#include "util/clock.h"

namespace pcn::testing {

inline constexpr const char* kPassword = "mot-de-passe-du-pilote";
inline constexpr const char* kFrom = "2026-11-02";
inline constexpr const char* kTo = "2026-11-29";

class DashboardFixture {
 public:
  /// `session_hours` for the server's sessions. Throws std::runtime_error on a setup failure.
  explicit DashboardFixture(int session_hours = 8);
  ~DashboardFixture();

  std::string url() const { return "http://127.0.0.1:" + std::to_string(web_->port()); }
  int port() const { return web_->port(); }
  TestPostgres& pg() { return pg_; }
  std::string log() const {
    std::lock_guard<std::mutex> lock(log_mutex_);
    return log_;
  }

 private:
  TestPostgres pg_;
  util::SystemClock clock_;
  mutable std::mutex log_mutex_;
  std::string log_;
  std::unique_ptr<dashboard::WebServer> web_;
};

/// The dataset's SQL (above).
std::string dashboard_dataset_sql();

/// The follow key of the tests' Bourail.
protocol::FollowKey test_follow_key();

/// Bourail's hub today, as the centre receives it: a real queue::Engine whose changes are
/// shipped one per batch through central::CentralStore (the follow key with every batch, the
/// profile with the first), as the shipper does while the link is up.
class TodayHub {
 public:
  explicit TodayHub(central::CentralStore& centre);
  static util::LocalDate today();
  /// Applies `decision` (REQUIREd accepted) and ships the change.
  queue::Change ship(const queue::Engine::Decision& decision);
  /// An empty ship (the shipper's keep-alive while caught up): the link stays "up".
  void keep_alive();
  queue::Engine& engine() { return engine_; }
  util::TimePoint now() const { return clock_.now(); }

 private:
  util::SystemClock clock_;
  central::CentralStore& store_;
  queue::Engine engine_;
  std::int64_t seq_ = 0;
};

}  // namespace pcn::testing
