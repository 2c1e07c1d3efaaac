#include "queue/change.h"

#include "util/enum_names.h"

namespace pcn::queue {

namespace {

constexpr util::EnumNames<ChangeKind, 17> kKinds{{
    {ChangeKind::ticket_issued, "ticket_issued"},
    {ChangeKind::ticket_called, "ticket_called"},
    {ChangeKind::ticket_recalled, "ticket_recalled"},
    {ChangeKind::ticket_no_show, "ticket_no_show"},
    {ChangeKind::ticket_finished, "ticket_finished"},
    {ChangeKind::ticket_transferred, "ticket_transferred"},
    {ChangeKind::ticket_printed, "ticket_printed"},
    {ChangeKind::counter_paused, "counter_paused"},
    {ChangeKind::counter_resumed, "counter_resumed"},
    {ChangeKind::counter_updated, "counter_updated"},
    {ChangeKind::day_closed, "day_closed"},
    {ChangeKind::day_rolled, "day_rolled"},
    {ChangeKind::reprint_requested, "reprint_requested"},
    {ChangeKind::ticket_reprinted, "ticket_reprinted"},
    {ChangeKind::test_ticket, "test_ticket"},
    {ChangeKind::outcome_recorded, "outcome_recorded"},
    {ChangeKind::workshop_recorded, "workshop_recorded"},
}};

}  // namespace

std::string_view to_string(ChangeKind k) { return util::enum_name(kKinds, k); }

std::optional<ChangeKind> change_kind_from(std::string_view s) {
  return util::enum_value(kKinds, s);
}

}  // namespace pcn::queue
