#include "dashboard/pg_pool.h"

#include "text/catalog.h"

namespace pcn::dashboard {

util::Result<PgPool::Lease> PgPool::acquire() {
  std::size_t slot = 0;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    auto free_slot = [this, &slot] {
      for (std::size_t i = 0; i < lent_.size(); ++i) {
        if (!lent_[i]) {
          slot = i;
          return true;
        }
      }
      return false;
    };
    if (!free_.wait_for(lock, kWait, free_slot)) {
      return util::make_error("central_busy", text::dash_db_busy());
    }
    lent_[slot] = true;
  }
  Lease lease(*this, slot);  // given back on every path from here
  if (!slots_[slot] || !slots_[slot]->healthy()) {
    slots_[slot].reset();
    auto db = central::PgConnection::open(conninfo_);
    if (!db.ok()) return db.error();
    slots_[slot].emplace(std::move(*db));
  }
  return lease;
}

void PgPool::give_back(std::size_t slot) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    lent_[slot] = false;
  }
  free_.notify_one();
}

}  // namespace pcn::dashboard
