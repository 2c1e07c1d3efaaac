#include "dashboard/follow_status.h"

#include <map>

#include "central/central_report.h"
#include "protocol/follow_token.h"
#include "queue/wait_estimate.h"
#include "queue/wait_text.h"
#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

using central::PgConnection;

struct AgencyLink {
  protocol::FollowKey key{};
  util::TimeZone zone = util::TimeZone::noumea();
  std::string name;
  long long last_contact_ms = -1;
};

util::Result<std::optional<AgencyLink>> agency_link(const PgConnection& db, const std::string& id) {
  auto rows = db.exec("SELECT follow_key, time_zone, name, "
                      "coalesce((date_part('epoch', last_contact) * 1000)::bigint, -1) "
                      "FROM agencies WHERE id = $1 AND follow_key IS NOT NULL",
                      {id}, text::dash_db_follow());
  if (!rows.ok()) return rows.error();
  if (rows->size() == 0) return std::optional<AgencyLink>{};
  auto key = protocol::follow_key_from_hex(rows->view(0, 0));
  if (!key) return std::optional<AgencyLink>{};
  AgencyLink link;
  link.key = *key;
  if (auto zone = util::TimeZone::find(rows->text(0, 1)); zone.ok()) link.zone = *zone;
  link.name = rows->text(0, 2);
  link.last_contact_ms = rows->integer(0, 3);
  return std::optional<AgencyLink>{link};
}

/// The profile's counters, open when they called someone in the last kOpenCounterWindow.
std::map<queue::CounterNumber, queue::Counter> recent_counters(
    const central::AgencyData& a, const std::map<queue::TicketId, queue::Ticket>& tickets,
    util::TimePoint now) {
  std::map<queue::CounterNumber, queue::Counter> counters;
  for (const queue::Counter& c : a.profile.counters) {
    queue::Counter open = c;
    open.paused = true;
    counters[c.number] = open;
  }
  for (const auto& [id, t] : tickets) {
    if (!t.counter || !t.called_at || now - *t.called_at > kOpenCounterWindow) continue;
    auto it = counters.find(*t.counter);
    if (it == counters.end()) {  // not in the profile (none received): what it called today
      queue::Counter seen;
      seen.number = *t.counter;
      it = counters.emplace(seen.number, seen).first;
    }
    if (!it->second.serves(t.service) && a.profile.counters.empty()) it->second.services += t.service;
    it->second.paused = false;
    if (t.state == queue::TicketState::called) it->second.current = t.id;
  }
  return counters;
}

void describe(FollowStatus& s, const central::AgencyData& a, const queue::Ticket& t,
              util::TimePoint now) {
  std::map<queue::TicketId, queue::Ticket> tickets;
  for (const queue::Ticket& each : a.tickets) tickets[each.id] = each;
  s.label = t.label();
  const queue::Service* service = queue::find_service(a.profile.services, t.service);
  s.service_label = service ? service->label : std::string(1, t.service);
  switch (t.state) {
    case queue::TicketState::waiting: {
      s.kind = FollowStatus::Kind::waiting;
      s.ahead = queue::tickets_ahead(tickets, t, true);
      // the hub's method on what the centre knows: today's visits, the config's typical
      // durations (no previous days, no planned breaks, pauses not shipped)
      const queue::QueuePolicy policy;
      const queue::WaitEstimator estimator(a.profile.services, policy, a.zone);
      const auto counters = recent_counters(a, tickets, now);
      const queue::WaitRange wait = estimator.for_ticket(t, {tickets, counters, 0, now});
      // the centre knows the counters only by their calls: none yet says nothing of the agency
      if (wait.kind == queue::WaitRange::Kind::no_counter) {
        s.wait_text = text::follow_no_estimate();
      } else if (wait.kind != queue::WaitRange::Kind::next) {
        s.wait_text = queue::ticket_wait_text(wait);
      }
      break;
    }
    case queue::TicketState::called: {
      s.kind = FollowStatus::Kind::called;
      s.counter_label = t.counter ? text::dash_counter_label(*t.counter) : std::string();
      for (const queue::Counter& c : a.profile.counters) {
        if (t.counter && c.number == *t.counter && !c.label.empty()) s.counter_label = c.label;
      }
      break;
    }
    default:
      s.kind = FollowStatus::Kind::finished;
      s.state = std::string(queue::to_string(t.state));
  }
}

}  // namespace

util::Result<FollowStatus> follow_status(const PgConnection& db, const std::string& token,
                                         util::TimePoint now) {
  FollowStatus s;
  auto named = protocol::parse_follow_token(token);
  if (!named) return s;
  auto link = agency_link(db, named->agency);
  if (!link.ok()) return link.error();
  if (!*link || !protocol::follow_token_valid((*link)->key, token)) return s;
  s.agency_name = (*link)->name;
  s.day = named->day;
  if ((*link)->zone.date_of(now) != named->day) {
    s.kind = FollowStatus::Kind::other_day;
    return s;
  }
  const long long silent_ms = util::to_unix_ms(now) - (*link)->last_contact_ms;
  if ((*link)->last_contact_ms < 0 ||
      silent_ms > std::chrono::duration_cast<std::chrono::milliseconds>(kLinkTimeout).count()) {
    s.kind = FollowStatus::Kind::link_down;
    return s;
  }
  s.updated = (*link)->zone.format(util::from_unix_ms((*link)->last_contact_ms), "%H:%M:%S");
  auto agencies = central::load_agencies(db, {named->day, named->day}, named->agency);
  if (!agencies.ok()) return agencies.error();
  s.kind = FollowStatus::Kind::pending;
  if (agencies->empty()) return s;
  for (const queue::Ticket& t : agencies->front().tickets) {
    if (t.id == named->ticket) {
      describe(s, agencies->front(), t, now);
      return s;
    }
  }
  return s;  // not shipped yet
}

}  // namespace pcn::dashboard
