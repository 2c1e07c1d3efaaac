#include "support/bench_day.h"

#include <algorithm>
#include <map>

#include "store/sqlite_store.h"
#include "support/bench_util.h"

namespace pcn::bench {

namespace {

queue::Ticket served(queue::Ticket t, int counter) {
  t.state = queue::TicketState::done;
  t.called_at = t.issued_at + std::chrono::minutes(10);
  t.finished_at = *t.called_at + std::chrono::minutes(12);
  t.counter = counter;
  t.calls = 1;
  return t;
}

}  // namespace

std::vector<queue::Ticket> busy_day(const DayShape& shape, const util::TimeZone& zone,
                                    util::TimePoint now) {
  util::LocalDate day = zone.date_of(now);
  util::TimePoint start = zone.start_of(day);
  util::Millis step = std::max(util::Millis(1), (now - start) / std::max(1, shape.total));
  std::map<char, int> numbers;
  std::vector<queue::Ticket> out;
  out.reserve(std::size_t(shape.total));
  for (int i = 0; i < shape.total; ++i) {
    queue::Ticket t;
    t.id = i + 1;
    t.day = day;
    t.prefix = t.service = shape.services[std::size_t(i) % shape.services.size()];
    t.number = ++numbers[t.prefix];
    t.priority = i % 20 == 0;
    t.issued_at = t.queued_at = start + step * i;
    t.print = queue::PrintState::printed;
    out.push_back(i < shape.total - shape.waiting ? served(t, 1 + i % 2) : t);
  }
  return out;
}

queue::EngineState busy_day_state(const DayShape& shape, const util::TimeZone& zone,
                                  util::TimePoint now) {
  queue::EngineState s;
  s.day = zone.date_of(now);
  s.tickets = busy_day(shape, zone, now);
  s.last_ticket_id = shape.total;
  return s;
}

void write_busy_day(const std::filesystem::path& file, const DayShape& shape,
                    const util::TimeZone& zone, util::TimePoint now) {
  auto store = must(store::SqliteStore::open(file));
  std::vector<queue::Ticket> tickets = busy_day(shape, zone, now);
  constexpr std::size_t kBatch = 500;
  for (std::size_t first = 0; first < tickets.size(); first += kBatch) {
    queue::Change c;
    c.kind = queue::ChangeKind::ticket_issued;
    c.at = now;
    c.day = zone.date_of(now);
    c.tickets.assign(tickets.begin() + long(first),
                     tickets.begin() + long(std::min(tickets.size(), first + kBatch)));
    must(store->commit(c, std::nullopt));
  }
}

}  // namespace pcn::bench
