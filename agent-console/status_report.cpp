#include "agent-console/status_report.h"

#include "client/client.h"
#include "queue/wait_text.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

std::string wait_text(const queue::ServiceLoad* load) {
  if (load == nullptr) return text::wait_queue_no_counter();
  return queue::queue_wait_text(load->wait);
}

std::string service_line(const client::QueueState& state, const queue::Service& service) {
  const queue::ServiceLoad* load = state.load(service.prefix);
  return text::console_status_service(service.label, load ? load->waiting : 0, wait_text(load));
}

std::string counter_line(const client::QueueState& state, const queue::Counter& counter) {
  const queue::Ticket* ticket = counter.current ? state.ticket(*counter.current) : nullptr;
  std::string serving =
      ticket ? text::console_serving(ticket->label()) : text::console_serving_nobody();
  std::string open =
      counter.paused ? text::console_counter_on_pause() : text::console_counter_open();
  return text::console_status_counter(counter.label, counter.agent, open, serving);
}

}  // namespace

std::string status_report(const client::QueueState& state,
                          const std::optional<protocol::CentralLink>& central,
                          std::optional<util::TimePoint> hub_now) {
  std::string out = text::console_status_agency(state.agency.name) + "\n";
  out += text::console_status_services() + "\n";
  for (const auto& service : state.services) out += "  " + service_line(state, service) + "\n";
  out += text::console_status_counters() + "\n";
  for (const auto& [number, counter] : state.counters) {
    out += "  " + counter_line(state, counter) + "\n";
  }
  if (central && hub_now) out += client::central_link_detail(*central, *hub_now) + "\n";
  return out;
}

}  // namespace pcn::agent_console
