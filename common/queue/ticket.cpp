#include "queue/ticket.h"

#include "util/enum_names.h"

#include <cctype>
#include <cstdio>

namespace pcn::queue {

namespace {

constexpr util::EnumNames<TicketState, 5> kStates{{
    {TicketState::waiting, "waiting"},
    {TicketState::called, "called"},
    {TicketState::done, "done"},
    {TicketState::absent, "absent"},
    {TicketState::unserved, "unserved"},
}};

constexpr util::EnumNames<PrintState, 3> kPrintStates{{
    {PrintState::pending, "pending"},
    {PrintState::printed, "printed"},
    {PrintState::failed, "failed"},
}};

}  // namespace

std::string_view to_string(TicketState s) { return util::enum_name(kStates, s); }
std::optional<TicketState> ticket_state_from(std::string_view s) { return util::enum_value(kStates, s); }
std::string_view to_string(PrintState s) { return util::enum_name(kPrintStates, s); }
std::optional<PrintState> print_state_from(std::string_view s) { return util::enum_value(kPrintStates, s); }

bool before_in_line(const Ticket& a, const Ticket& b) {
  if (a.queued_at != b.queued_at) return a.queued_at < b.queued_at;
  return a.id < b.id;
}

int tickets_ahead(const std::map<TicketId, Ticket>& tickets, const Ticket& ticket,
                  bool use_priority) {
  int ahead = 0;
  for (const auto& [id, t] : tickets) {
    if (t.state != TicketState::waiting || t.service != ticket.service || t.id == ticket.id) continue;
    bool before = (use_priority && t.priority != ticket.priority) ? t.priority
                                                                   : before_in_line(t, ticket);
    if (before) ++ahead;
  }
  return ahead;
}

std::string ticket_label(char prefix, int number) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%c-%03d", prefix, number);
  return buf;
}

std::string Ticket::label() const { return ticket_label(prefix, number); }

std::optional<TicketLabel> parse_ticket_label(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || !std::isalpha(static_cast<unsigned char>(text[i]))) return std::nullopt;
  char prefix = char(std::toupper(static_cast<unsigned char>(text[i++])));
  if (i < text.size() && (text[i] == '-' || text[i] == ' ')) ++i;
  int number = 0;
  std::size_t digits = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits) {
    if (number > 99999) return std::nullopt;
    number = number * 10 + (text[i] - '0');
  }
  while (i < text.size() && text[i] == ' ') ++i;
  if (digits == 0 || i != text.size() || number == 0) return std::nullopt;
  return TicketLabel{prefix, number};
}

}  // namespace pcn::queue
