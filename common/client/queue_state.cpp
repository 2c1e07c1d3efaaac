#include "client/queue_state.h"

#include "protocol/fields.h"

namespace pcn::client {

namespace {

util::Result<queue::Service> service_item(const protocol::Json& j, const std::string&) {
  return protocol::decode_service(j);
}
util::Result<queue::Counter> counter_item(const protocol::Json& j, const std::string&) {
  return protocol::decode_counter(j);
}
util::Result<queue::Ticket> ticket_item(const protocol::Json& j, const std::string&) {
  return protocol::decode_ticket(j);
}
util::Result<queue::ServiceLoad> load_item(const protocol::Json& j, const std::string&) {
  return protocol::decode_service_load(j);
}

}  // namespace

util::Status QueueState::load_snapshot(const protocol::Json& result) {
  QueueState next;
  protocol::Fields f(result, "result");
  std::vector<queue::Counter> counters_list;
  std::vector<queue::Ticket> tickets_list;
  protocol::Json agency_json;
  f.read("epoch", next.epoch)
      .read("seq", next.seq, 0)
      .read("day", next.day)
      .read_object("agency", agency_json, true)
      .read_list("services", next.services, &service_item)
      .read_list("counters", counters_list, &counter_item)
      .read_list("tickets", tickets_list, &ticket_item)
      .read_list("loads", next.loads, &load_item);
  if (!f.ok()) return f.error();
  protocol::Fields a(agency_json, "result.agency");
  a.read("id", next.agency.id).read("name", next.agency.name).read("timezone", next.agency.timezone);
  if (!a.ok()) return a.error();
  for (auto& c : counters_list) next.counters[c.number] = std::move(c);
  for (auto& t : tickets_list) next.tickets[t.id] = std::move(t);
  *this = std::move(next);
  return {};
}

void QueueState::apply(std::int64_t event_seq, const queue::Change& change,
                       const std::vector<queue::ServiceLoad>& event_loads) {
  for (const auto& t : change.tickets) tickets[t.id] = t;
  for (const auto& c : change.counters) counters[c.number] = c;
  if (change.day != day) {
    day = change.day;
    std::erase_if(tickets, [&](const auto& kv) { return kv.second.day != day; });
  }
  loads = event_loads;
  seq = event_seq;
}

const queue::Ticket* QueueState::ticket(queue::TicketId id) const {
  auto it = tickets.find(id);
  return it == tickets.end() ? nullptr : &it->second;
}

const queue::ServiceLoad* QueueState::load(char prefix) const {
  for (const auto& l : loads) {
    if (l.service == prefix) return &l;
  }
  return nullptr;
}

}  // namespace pcn::client
