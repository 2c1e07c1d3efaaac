#include "display/display_controller.h"

#include <algorithm>

#include "queue/wait_text.h"
#include "text/catalog.h"

namespace pcn::display {

DisplayController::DisplayController(client::Client& client, speech::Announcer* announcer,
                                     const util::Clock& clock, DisplaySettings settings)
    : client_(client), announcer_(announcer), clock_(clock), settings_(std::move(settings)) {
  client_.on_change([this](const queue::Change& c) { on_change(c); });
  client_.on_sync([this] { on_sync(); });
  on_sync();
}

DisplayController::~DisplayController() {
  client_.on_change({});
  client_.on_sync({});
}

board::CallLine DisplayController::call_line(const queue::Ticket& t) const {
  const auto& state = client_.state();
  board::CallLine line;
  line.ticket = t.label();
  if (t.counter) {
    auto c = state.counters.find(*t.counter);
    line.counter = c != state.counters.end() ? c->second.label : text::counter_name(*t.counter);
  }
  const queue::Service* s = state.service(t.service);
  line.colour = s ? s->colour : "#444444";
  return line;
}

void DisplayController::push_call(const board::CallLine& line) {
  std::erase_if(calls_, [&](const board::CallLine& c) { return c.ticket == line.ticket; });
  calls_.push_front(line);
  while (calls_.size() > settings_.previous_calls + 1) calls_.pop_back();
}

void DisplayController::on_change(const queue::Change& change) {
  bool call = change.kind == queue::ChangeKind::ticket_called ||
              change.kind == queue::ChangeKind::ticket_recalled;
  if (call && change.ticket) {
    if (const queue::Ticket* t = client_.state().ticket(*change.ticket)) {
      push_call(call_line(*t));
      highlight_since_ = clock_.now();
      if (announcer_ && t->counter) {
        announcer_->announce({t->label(), *t->counter, calls_.front().counter});
      }
    }
  }
  if (change.kind == queue::ChangeKind::day_rolled) calls_.clear();
  refresh_alert();
}

void DisplayController::on_sync() {
  std::vector<const queue::Ticket*> called;
  for (const auto& [id, t] : client_.state().tickets) {
    if (t.called_at && t.counter) called.push_back(&t);
  }
  std::sort(called.begin(), called.end(), [](const queue::Ticket* a, const queue::Ticket* b) {
    return *a->called_at > *b->called_at;
  });
  calls_.clear();
  for (const queue::Ticket* t : called) {
    if (calls_.size() > settings_.previous_calls) break;
    calls_.push_back(call_line(*t));
  }
  refresh_alert();
}

void DisplayController::refresh_alert() {
  unprinted_.clear();
  for (const auto& [id, t] : client_.state().tickets) {  // by id: oldest first
    if (t.print == queue::PrintState::failed && t.is_open()) unprinted_.push_back(t.label());
  }
  alert_ = unprinted_.empty() ? "" : text::display_unprinted_alert(unprinted_);
}

bool DisplayController::highlighting() const {
  return highlight_since_ && clock_.now() - *highlight_since_ < settings_.highlight_time;
}

board::BoardView DisplayController::view() const {
  const auto& state = client_.state();
  board::BoardView v;
  v.agency_name = state.agency.name.empty() ? settings_.agency_name : state.agency.name;
  util::TimePoint now = clock_.now();
  util::LocalDate today = settings_.zone.date_of(now);
  v.date_text = text::long_date(settings_.zone.weekday_of(now), today.day, today.month, today.year);
  v.time_text = settings_.zone.format(now, "%H:%M");
  if (!calls_.empty()) {
    v.latest = calls_.front();
    v.previous.assign(calls_.begin() + 1, calls_.end());
  }
  v.highlight = highlighting();
  for (const auto& s : state.services) {
    board::QueueLine q{s.prefix, s.label, s.colour, 0, ""};
    if (const queue::ServiceLoad* l = state.load(s.prefix)) {
      q.waiting = l->waiting;
      q.wait_text = queue::queue_wait_text(l->wait);
    }
    v.queues.push_back(q);
  }
  v.message = settings_.message;
  v.alert = alert_;
  v.unprinted = unprinted_;
  if (client_.connection() != client::Connection::live) {
    v.connection = client::connection_text(client_.connection());
  }
  return v;
}

}  // namespace pcn::display
