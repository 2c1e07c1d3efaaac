#include "display/board_lines.h"

#include "text/catalog.h"

namespace pcn::display {

namespace {

std::string counter_label(const client::QueueState& state, queue::CounterNumber number) {
  auto it = state.counters.find(number);
  if (it == state.counters.end() || it->second.label.empty()) {
    return text::display_counter_number(number);
  }
  return it->second.label;
}

}  // namespace

std::optional<std::string> call_line(const client::QueueState& state, const queue::Change& change,
                                     const util::TimeZone& zone) {
  bool recall = change.kind == queue::ChangeKind::ticket_recalled;
  if (change.kind != queue::ChangeKind::ticket_called && !recall) return std::nullopt;
  if (!change.ticket || !change.counter) return std::nullopt;
  const queue::Ticket* ticket = state.ticket(*change.ticket);
  if (ticket == nullptr) return std::nullopt;
  std::string time = zone.format(change.at, "%H:%M");
  std::string counter = counter_label(state, *change.counter);
  return recall ? text::display_recall(time, ticket->label(), counter)
                : text::display_call(time, ticket->label(), counter);
}

std::string waiting_summary(const client::QueueState& state) {
  std::string items;
  for (const auto& service : state.services) {
    const queue::ServiceLoad* load = state.load(service.prefix);
    if (!items.empty()) items += " · ";
    items += text::display_waiting_item(service.label, load ? load->waiting : 0);
  }
  return text::display_waiting_summary(items);
}

}  // namespace pcn::display
