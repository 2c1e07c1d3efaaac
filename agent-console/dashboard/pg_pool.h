// A few PostgreSQL connections shared by the web server's threads: acquire() lends one (waiting
// at most kWait while all are lent, then "central_busy"), the Lease gives it back; a connection found broken (a restarted server)
// is opened again at the next loan.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "central/pg_connection.h"
#include "util/result.h"

namespace pcn::dashboard {

class PgPool {
 public:
  static constexpr std::chrono::seconds kWait{5};

  PgPool(std::string conninfo, std::size_t size) : conninfo_(std::move(conninfo)), slots_(size) {}

  class Lease {
   public:
    Lease(PgPool& pool, std::size_t slot) : pool_(&pool), slot_(slot) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), slot_(o.slot_) { o.pool_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() { if (pool_) pool_->give_back(slot_); }
    const central::PgConnection& db() const { return *pool_->slots_[slot_]; }

   private:
    PgPool* pool_;
    std::size_t slot_;
  };

  /// A connection; "central_db" (French) when the database cannot be reached, "central_busy"
  /// when none was given back within kWait.
  util::Result<Lease> acquire();

 private:
  void give_back(std::size_t slot);

  std::string conninfo_;
  std::mutex mutex_;
  std::condition_variable free_;
  std::vector<std::optional<central::PgConnection>> slots_;
  std::vector<bool> lent_ = std::vector<bool>(slots_.size(), false);
};

}  // namespace pcn::dashboard
