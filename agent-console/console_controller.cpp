#include "agent-console/console_controller.h"

#include <algorithm>

#include "agent-console/console_choice.h"
#include "agent-console/console_statistics.h"
#include "protocol/messages.h"
#include "queue/wait_text.h"
#include "text/catalog.h"

namespace pcn::agent_console {

using console::Control;
using console::Page;
using console::Tone;
using protocol::Json;

namespace {

constexpr std::size_t kNameMax = 40;    // code points
constexpr std::size_t kNumberMax = 8;   // "C-1005" and some room

std::string trimmed(const std::string& s) {
  auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

std::size_t code_points(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void erase_last(std::string& utf8) {
  while (!utf8.empty()) {
    const bool continuation = (static_cast<unsigned char>(utf8.back()) & 0xC0) == 0x80;
    utf8.pop_back();
    if (!continuation) return;
  }
}

bool printable(char32_t c) { return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0); }

/// The services of `counter` in the agency's order, as the hub's letters ("CFN").
std::string in_agency_order(const queue::ServiceList& services, const std::string& letters) {
  std::string out;
  for (const queue::Service& s : services) {
    if (letters.find(s.prefix) != std::string::npos) out += s.prefix;
  }
  return out;
}

std::string labels_of(const queue::ServiceList& services, const std::string& letters) {
  std::string out;
  for (char prefix : letters) {
    const queue::Service* s = queue::find_service(services, prefix);
    if (!out.empty()) out += ", ";
    out += s ? s->label : std::string(1, prefix);
  }
  return out;
}

std::string counter_services(const client::QueueState& state, const queue::Counter& c) {
  std::string ordered = in_agency_order(state.services, c.services);
  return labels_of(state.services, ordered.empty() ? c.services : ordered);
}

}  // namespace

ConsoleController::ConsoleController(client::Client& client, const util::Clock& clock,
                                     ConsoleSettings settings)
    : client_(client), clock_(clock), settings_(std::move(settings)) {
  counter_ = settings_.counter;
  agent_ = trimmed(settings_.agent);
  status_ = {Tone::neutral, text::console_ready()};
  if (counter_ && (!agent_.empty() || !settings_.ask_agent)) {
    announce_ = settings_.announce;
  } else {
    open_setup();
  }
}

// --- Input ---

void ConsoleController::press(const console::Press& p) {
  if (p.control == Control::erase) {
    if (!console::takes_text(page_)) return;
  } else {
    std::vector<console::Button> shown = console::buttons(view());
    const console::Button* b = console::find_button(shown, p.control, p.index);
    if (b == nullptr || !b->enabled) return;
  }
  switch (page_) {
    case Page::counter:
      counter_press(p);
      return;
    case Page::setup:
      setup_press(p);
      return;
    case Page::transfer:
      if (p.control == Control::pick_service && counter_) {
        const auto& services = client_.state().services;
        if (p.index < services.size()) {
          act({Action::transfer, *counter_, services[p.index].prefix, {}});
        }
      }
      page_ = Page::counter;
      return;
    case Page::call_number:
      call_number_press(p);
      return;
    case Page::reprint_number:
      reprint_number_press(p);
      return;
    case Page::unprinted:
      unprinted_press(p);
      return;
    case Page::statistics:
      statistics_press(p);
      return;
    case Page::outcome:
      form_press(p);
      return;
    case Page::outcome_number:
      outcome_number_press(p);
      return;
    case Page::workshop:
      workshop_press(p);
      return;
  }
}

void ConsoleController::counter_press(const console::Press& p) {
  if (!counter_) return;
  const queue::CounterNumber c = *counter_;
  switch (p.control) {
    case Control::call_next:
      if (serving()) return open_outcome(FormThen::call_next);  // their outcome first
      return act({Action::call_next, c, 'A', {}});
    case Control::recall: return act({Action::recall, c, 'A', {}});
    case Control::no_show: return act({Action::no_show, c, 'A', {}});
    case Control::finish: return open_outcome(FormThen::finish);
    case Control::pause: return act({Action::pause, c, 'A', {}});
    case Control::resume: return act({Action::resume, c, 'A', {}});
    case Control::transfer:
      page_ = Page::transfer;
      return;
    case Control::call_number:
      open_number(Page::call_number, Page::counter);
      return;
    case Control::reprint_number:
      open_number(Page::reprint_number, Page::counter);
      return;
    case Control::reprint:
      reprint(p.index);
      return;
    case Control::show_unprinted:
      page_ = Page::unprinted;
      unprinted_first_ = 0;
      return;
    case Control::statistics:
      page_ = Page::statistics;
      return;
    case Control::change_setup:
      open_setup();
      return;
    case Control::toggle_service:
      toggle_service(p.index);
      return;
    default:
      return;
  }
}

void ConsoleController::setup_press(const console::Press& p) {
  switch (p.control) {
    case Control::choose_counter:
      chosen_ = p.index;
      setup_hint_ = text::console_setup_hint();
      return;
    case Control::start:
      start();
      return;
    case Control::cancel:
      if (counter_ && !agent_.empty()) page_ = Page::counter;
      return;
    case Control::erase:
      erase_last(name_input_);
      return;
    default:
      return;
  }
}

bool ConsoleController::number_field_press(const console::Press& p) {
  switch (p.control) {
    case Control::cancel:
      page_ = number_back_;
      return true;
    case Control::erase:
      erase_last(number_input_);
      number_invalid_ = false;
      number_hint_ = text::console_number_example();
      return true;
    default:
      return false;
  }
}

void ConsoleController::call_number_press(const console::Press& p) {
  if (number_field_press(p) || p.control != Control::confirm) return;
  if (!queue::parse_ticket_label(number_input_)) {
    number_invalid_ = true;
    number_hint_ = text::console_number_invalid(number_input_);
    return;
  }
  page_ = number_back_;
  if (counter_) act({Action::call_number, *counter_, 'A', number_input_});
}

void ConsoleController::open_number(Page page, Page back) {
  page_ = page;
  number_back_ = back;
  number_input_.clear();
  number_hint_ = text::console_number_example();
  number_invalid_ = false;
}

void ConsoleController::reprint_number_press(const console::Press& p) {
  if (number_field_press(p) || p.control != Control::confirm || !counter_) return;
  util::Result<CounterAction> a = reprint_action(*counter_, number_input_, client_.state());
  if (!a.ok()) {  // not a label, or no ticket of today has it: nothing is sent
    number_invalid_ = true;
    number_hint_ = a.error().message;
    return;
  }
  page_ = number_back_;
  act(*a);
}

void ConsoleController::unprinted_press(const console::Press& p) {
  const std::size_t first = unprinted_first();
  switch (p.control) {
    case Control::reprint:
      reprint(p.index);
      return;
    case Control::previous_page:
      unprinted_first_ = first - std::min(first, console::kUnprintedPerPage);
      return;
    case Control::next_page:
      unprinted_first_ = first + console::kUnprintedPerPage;
      return;
    case Control::reprint_number:
      open_number(Page::reprint_number, Page::unprinted);
      return;
    case Control::cancel:
      page_ = Page::counter;
      return;
    default:
      return;
  }
}

void ConsoleController::reprint(std::size_t index) {
  std::vector<const queue::Ticket*> tickets = unprinted();
  if (!counter_ || index >= tickets.size()) return;
  const queue::Ticket& t = *tickets[index];
  CounterAction a;
  a.action = Action::reprint;
  a.counter = *counter_;
  a.number = t.label();
  a.ticket = t.id;
  act(a);
}

void ConsoleController::type(char32_t c) {
  if (!printable(c)) return;
  if (page_ == Page::setup) {
    if (code_points(name_input_) >= kNameMax) return;
    append_utf8(name_input_, c);
    setup_hint_ = text::console_setup_hint();
  } else if (page_ == Page::call_number || page_ == Page::reprint_number ||
             page_ == Page::outcome_number) {
    bool allowed = (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') ||
                   (c >= U'A' && c <= U'Z') || c == U'-' || c == U' ';
    if (!allowed || number_input_.size() >= kNumberMax) return;
    char ascii = static_cast<char>(c);
    if (ascii >= 'a' && ascii <= 'z') ascii = static_cast<char>(ascii - 'a' + 'A');
    number_input_ += ascii;
    number_invalid_ = false;
    number_hint_ = text::console_number_example();
  }
}

// --- Set-up ---

void ConsoleController::open_setup() {
  page_ = Page::setup;
  name_input_ = agent_;
  chosen_.reset();
  std::vector<queue::Counter> list = choices();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (counter_ && list[i].number == *counter_) chosen_ = i;
  }
  setup_hint_ = text::console_setup_hint();
}

void ConsoleController::start() {
  std::vector<queue::Counter> list = choices();
  const std::string name = trimmed(name_input_);
  if (!chosen_ || *chosen_ >= list.size()) {
    setup_hint_ = text::console_setup_need_counter();
    return;
  }
  if (name.empty()) {
    setup_hint_ = text::console_setup_need_name();
    return;
  }
  counter_ = list[*chosen_].number;
  agent_ = name;
  page_ = Page::counter;
  announce_ = settings_.announce;
  status_ = {Tone::neutral, text::console_ready()};
  if (settings_.choice_file.empty()) return;
  util::Status saved = save_choice(settings_.choice_file, {*counter_, agent_});
  if (!saved.ok()) status_ = {Tone::failure, saved.error().message};
}

std::vector<queue::Counter> ConsoleController::choices() const {
  std::vector<queue::Counter> list;
  for (const auto& [number, c] : client_.state().counters) list.push_back(c);
  if (list.empty()) list = settings_.counters;
  std::sort(list.begin(), list.end(),
            [](const queue::Counter& a, const queue::Counter& b) { return a.number < b.number; });
  return list;
}


// --- The outcome, correction and workshop pages ---

queue::Outcome ConsoleController::proposed(char service) const {
  queue::Outcome o;
  if (auto kept = remembered_.find(service); kept != remembered_.end()) {
    o.partner = kept->second.partner;
    o.theme = kept->second.theme;
  }
  if (!o.partner.empty()) return o;
  const queue::OutcomeLists& lists = settings_.outcomes;
  const queue::Service* configured = queue::find_service(settings_.services, service);
  if (configured != nullptr) {
    for (const std::string& code : configured->partners) {
      if (lists.find(queue::OutcomeList::partner, code)) o.partner.push_back(code);
    }
    return o;
  }
  const queue::Service* hub = client_.state().service(service);
  if (hub != nullptr && lists.find(queue::OutcomeList::partner, hub->code)) {
    o.partner.push_back(hub->code);
  }
  return o;
}

void ConsoleController::open_form(FormThen then, const queue::Ticket* ticket,
                                  queue::Outcome start) {
  VisitForm f{console::OutcomeForm(settings_.outcomes, console::outcome_lines(settings_.outcomes),
                                   std::move(start)),
              then};
  if (ticket != nullptr) {
    f.ticket = ticket->id;
    f.label = ticket->label();
    f.service = ticket->service;
    const queue::Service* s = client_.state().service(ticket->service);
    f.service_label = s ? s->label : std::string(1, ticket->service);
  }
  visit_.emplace(std::move(f));
  page_ = Page::outcome;
  if (status_.tone == Tone::failure) status_ = {};  // an old refusal is not this page's
}

void ConsoleController::open_outcome(FormThen then) {
  const queue::Counter* c = counter_state();
  const queue::Ticket* t = c && c->current ? client_.state().ticket(*c->current) : nullptr;
  if (t == nullptr) return;
  open_form(then, t, proposed(t->service));
}

void ConsoleController::open_outcome_page() {
  const queue::Counter* c = counter_state();
  const queue::Ticket* t = c && c->current ? client_.state().ticket(*c->current) : nullptr;
  if (t != nullptr) return open_form(FormThen::finish, t, proposed(t->service));
  const char first = c && !c->services.empty() ? c->services.front() : 'A';
  open_form(FormThen::finish, nullptr, proposed(first));
}

void ConsoleController::form_press(const console::Press& p) {
  if (!visit_) {
    page_ = Page::counter;
    return;
  }
  switch (p.control) {
    case Control::form_line:
      visit_->form.focus(p.index);
      return;
    case Control::form_choice:
      visit_->form.choose(p.index / console::kChoiceStride, p.index % console::kChoiceStride);
      return;
    case Control::confirm:
      submit_outcome(true);
      return;
    case Control::skip:
      if (visit_->then != FormThen::correct) submit_outcome(false);
      return;
    case Control::cancel:
      page_ = visit_->then == FormThen::correct ? Page::statistics : Page::counter;
      visit_.reset();
      return;
    default:
      return;
  }
}

void ConsoleController::submit_outcome(bool with_outcome) {
  if (!counter_ || !visit_ || pending_) return;
  std::optional<queue::Outcome> outcome;
  if (with_outcome && !visit_->form.outcome().empty()) outcome = visit_->form.outcome();
  CounterAction a{Action::finish, *counter_, 'A', {}};
  a.ticket = visit_->ticket;
  a.outcome = outcome;
  std::optional<CounterAction> then;
  if (visit_->then == FormThen::correct) {
    a.action = Action::outcome;
    a.number = visit_->label;
  } else {
    if (visit_->then == FormThen::call_next) {
      then = CounterAction{Action::call_next, *counter_, 'A', {}};
    }
  }
  sending_ = std::move(visit_);  // kept until the hub answers: reopened if it refuses
  visit_.reset();
  page_ = Page::counter;
  act(a, then);
}

void ConsoleController::settle_form(bool accepted) {
  if (!sending_) return;
  VisitForm f = std::move(*sending_);
  sending_.reset();
  if (accepted) {
    const queue::Outcome& o = f.form.outcome();
    if (f.then != FormThen::correct && !o.partner.empty()) {
      queue::Outcome kept;
      kept.partner = o.partner;
      kept.theme = o.theme;
      remembered_[f.service] = std::move(kept);
    }
    return;
  }
  // Refused or unanswered: the agent's choices come back, unless the visitor is gone.
  if (f.then != FormThen::correct && current_ticket() != f.ticket) return;
  visit_.emplace(std::move(f));
  page_ = Page::outcome;
}

std::optional<queue::TicketId> ConsoleController::current_ticket() const {
  const queue::Counter* c = counter_state();
  if (c == nullptr || !c->current) return std::nullopt;
  return *c->current;
}

void ConsoleController::close_stale_form() {
  if (page_ != Page::outcome || !visit_ || visit_->then == FormThen::correct ||
      visit_->ticket == 0 || current_ticket() == visit_->ticket) {
    return;
  }
  status_ = {Tone::failure, text::console_outcome_gone(visit_->label)};
  visit_.reset();
  page_ = Page::counter;
}

void ConsoleController::statistics_press(const console::Press& p) {
  switch (p.control) {
    case Control::correct_outcome:
      open_number(Page::outcome_number, Page::statistics);
      return;
    case Control::workshop:
      workshop_.emplace(settings_.outcomes, console::workshop_lines(settings_.outcomes),
                        queue::Outcome{}, true);
      participants_ = kWorkshopParticipants;
      minutes_ = kWorkshopMinutes;
      page_ = Page::workshop;
      return;
    default:
      page_ = Page::counter;
      return;
  }
}

void ConsoleController::outcome_number_press(const console::Press& p) {
  if (number_field_press(p) || p.control != Control::confirm || !counter_) return;
  const auto& state = client_.state();
  util::Result<CounterAction> a = outcome_action(*counter_, number_input_, std::nullopt, state);
  if (!a.ok()) {  // not a label, or no ticket of today has it
    number_invalid_ = true;
    number_hint_ = a.error().message;
    return;
  }
  const queue::Ticket* t = state.ticket(a->ticket);
  if (t == nullptr || t->state != queue::TicketState::done) {
    number_invalid_ = true;
    number_hint_ = text::console_outcome_not_served(a->number);
    return;
  }
  open_form(FormThen::correct, t, t->outcome.value_or(queue::Outcome{}));
}

void ConsoleController::workshop_press(const console::Press& p) {
  using queue::Workshop;
  if (!workshop_) {
    page_ = Page::counter;
    return;
  }
  switch (p.control) {
    case Control::form_line:
      workshop_->focus(p.index);
      return;
    case Control::form_choice:
      workshop_->choose(p.index / console::kChoiceStride, p.index % console::kChoiceStride);
      return;
    case Control::participants_less:
      participants_ = std::max(Workshop::kMinParticipants, participants_ - 1);
      return;
    case Control::participants_more:
      participants_ = std::min(Workshop::kMaxParticipants, participants_ + 1);
      return;
    case Control::minutes_less:
      minutes_ = std::max(kWorkshopStep, minutes_ - kWorkshopStep);
      return;
    case Control::minutes_more:
      minutes_ = std::min(Workshop::kMaxMinutes, minutes_ + kWorkshopStep);
      return;
    case Control::confirm: {
      if (!counter_ || workshop_->outcome().theme.empty()) return;
      CounterAction a;
      a.action = Action::workshop;
      a.counter = *counter_;
      a.workshop.theme = workshop_->outcome().theme.front();
      a.workshop.participants = participants_;
      a.workshop.minutes = minutes_;
      a.workshop.counter = *counter_;
      workshop_.reset();
      page_ = Page::counter;
      act(a);
      return;
    }
    case Control::cancel:
      workshop_.reset();
      page_ = Page::statistics;
      return;
    default:
      return;
  }
}

void ConsoleController::fill_form(console::ConsoleView& v) const {
  v.status = status_;  // a refusal is drawn in place of the title
  if (page_ == Page::workshop && workshop_) {
    v.form_title = text::console_workshop_title();
    v.form_rows = workshop_->rows();
    v.form_focus = workshop_->focused();
    v.form_ready = !workshop_->outcome().theme.empty();
    v.workshop_participants = text::console_workshop_participants(participants_);
    v.workshop_duration = text::console_workshop_duration(minutes_);
    return;
  }
  if (!visit_) return;
  v.form_title = visit_->then == FormThen::correct
                     ? text::console_outcome_correct_title(visit_->label, visit_->service_label)
                     : text::console_outcome_title(visit_->label, visit_->service_label);
  v.form_rows = visit_->form.rows();
  v.form_focus = visit_->form.focused();
  v.form_can_skip = visit_->then != FormThen::correct;
}

// --- Requests ---

void ConsoleController::act(const CounterAction& a, std::optional<CounterAction> then) {
  if (pending_) return;
  pending_ = true;
  status_ = {Tone::pending, text::console_pending(action_phrase(a, client_.state()))};
  RequestSpec spec = request_for(a);
  std::weak_ptr<bool> alive = alive_;
  client_.send(spec.type, spec.args, [this, alive, a, then](const util::Result<Json>& reply) {
    if (alive.expired()) return;
    pending_ = false;
    if (reply.ok()) {
      if (a.action == Action::reprint) {
        asked_[a.ticket] = settings_.zone.format(clock_.now(), "%H:%M");
      }
      if (a.action == Action::finish || a.action == Action::outcome) settle_form(true);
      std::string said = describe_success(a, *reply, client_.state());
      if (a.action == Action::finish && !a.outcome) said += text::console_skipped_note();
      status_ = {Tone::success, said};
      if (then) act(*then);
    } else {
      status_ = {Tone::failure,
                 describe_failure(a, reply.error(), settings_.hub_endpoint, client_.state())};
      if (a.action == Action::finish || a.action == Action::outcome) settle_form(false);
    }
  });
}

void ConsoleController::toggle_service(std::size_t index) {
  const auto& services = client_.state().services;
  const queue::Counter* c = counter_state();
  if (index >= services.size() || c == nullptr) return;
  std::string letters = c->services;
  const char prefix = services[index].prefix;
  if (c->serves(prefix)) {
    letters.erase(std::remove(letters.begin(), letters.end(), prefix), letters.end());
  } else {
    letters += prefix;
  }
  send_update(in_agency_order(services, letters), false);
}

void ConsoleController::send_update(const std::string& services, bool announcing) {
  if (pending_ || !counter_) return;
  pending_ = true;
  status_ = {Tone::pending, text::console_pending(text::console_update_phrase())};
  Json args{{"counter", *counter_}, {"services", services}, {"agent", agent_}};
  std::weak_ptr<bool> alive = alive_;
  client_.send(std::string(protocol::request_type::update_counter), args,
               [this, alive, announcing](const util::Result<Json>& reply) {
                 if (!alive.expired()) on_update(reply, announcing);
               });
}

void ConsoleController::on_update(const util::Result<Json>& reply, bool announcing) {
  pending_ = false;
  const auto& state = client_.state();
  if (reply.ok()) {
    std::string letters;
    if (reply->contains("counter")) letters = reply->at("counter").value("services", "");
    status_ = {Tone::success, announcing
                                  ? text::console_opened(counter_label(), agent_)
                                  : text::console_services_changed(counter_label(),
                                                                   labels_of(state.services, letters))};
    return;
  }
  if (reply.error().code == kUnreachable) {
    if (announcing) announce_ = true;  // again once the hub is back
    status_ = {Tone::failure, text::console_update_unreachable(counter_label())};
    return;
  }
  status_ = {Tone::failure, reply.error().message};
}

void ConsoleController::tick() {
  close_stale_form();
  if (!announce_ || pending_ || !counter_ || client_.connection() != client::Connection::live) {
    return;
  }
  announce_ = false;
  const queue::Counter* c = counter_state();
  std::string services = c ? c->services : std::string();
  if (!c) {
    for (const queue::Counter& configured : settings_.counters) {
      if (configured.number == *counter_) services = configured.services;
    }
  }
  send_update(services, true);
}

// --- The view ---

const queue::Counter* ConsoleController::counter_state() const {
  if (!counter_) return nullptr;
  auto it = client_.state().counters.find(*counter_);
  return it == client_.state().counters.end() ? nullptr : &it->second;
}

std::string ConsoleController::counter_label() const {
  if (!counter_) return {};
  if (const queue::Counter* c = counter_state(); c && !c->label.empty()) return c->label;
  for (const queue::Counter& c : settings_.counters) {
    if (c.number == *counter_ && !c.label.empty()) return c.label;
  }
  return text::counter_name(*counter_);
}

void ConsoleController::fill_header(console::ConsoleView& v) const {
  const auto& state = client_.state();
  v.agency_name = state.agency.name.empty() ? settings_.agency_name : state.agency.name;
  if (page_ != Page::setup) {
    v.counter_label = counter_label();
    v.agent_name = agent_;
  }
  const util::TimePoint now = clock_.now();
  const util::LocalDate today = settings_.zone.date_of(now);
  v.date_text = text::long_date(settings_.zone.weekday_of(now), today.day, today.month, today.year);
  v.time_text = settings_.zone.format(now, "%H:%M");
  v.connection_text = client::connection_text(client_.connection());
  v.live = client_.connection() == client::Connection::live;
  const auto& link = client_.central_link();
  if (link && client_.hub_time() && v.live) {  // not a stale « à jour » beside « Reconnexion… »
    v.central_text = client::central_link_text(*link, *client_.hub_time());
  }
}

std::optional<console::Serving> ConsoleController::serving() const {
  const queue::Counter* c = counter_state();
  if (c == nullptr || !c->current) return std::nullopt;
  const queue::Ticket* t = client_.state().ticket(*c->current);
  if (t == nullptr) return std::nullopt;
  console::Serving s;
  s.label = t->label();
  s.service_prefix = t->service;
  const queue::Service* service = client_.state().service(t->service);
  s.service = service ? service->label : std::string(1, t->service);
  s.colour = service ? service->colour : std::string();
  s.priority = t->priority;
  const util::TimePoint called = t->called_at.value_or(clock_.now());
  const auto waited = std::chrono::duration_cast<std::chrono::seconds>(called - t->issued_at);
  s.waited = text::console_waited(static_cast<int>(waited.count() / 60));
  const auto at = std::chrono::duration_cast<std::chrono::seconds>(clock_.now() - called);
  s.at_counter = text::console_at_counter(static_cast<int>(std::max<long long>(0, at.count())));
  if (t->calls > 1) s.calls = text::console_calls(t->calls);
  return s;
}

std::vector<const queue::Ticket*> ConsoleController::unprinted() const {
  std::vector<const queue::Ticket*> out;
  for (const auto& [id, t] : client_.state().tickets) {  // by id: oldest first
    if (t.print == queue::PrintState::failed) out.push_back(&t);
  }
  return out;
}

std::vector<console::UnprintedRow> ConsoleController::unprinted_rows() const {
  std::vector<console::UnprintedRow> rows;
  for (const queue::Ticket* t : unprinted()) {
    auto asked = asked_.find(t->id);
    rows.push_back({t->label(), t->print_error,
                    asked == asked_.end() ? "" : text::console_reprint_asked(asked->second)});
  }
  return rows;
}

std::size_t ConsoleController::unprinted_first() const {
  const std::size_t count = unprinted().size();
  if (count == 0) return 0;
  const std::size_t per_page = console::kUnprintedPerPage;
  const std::size_t last_page = (count - 1) / per_page * per_page;
  return std::min(unprinted_first_ / per_page * per_page, last_page);
}

void ConsoleController::fill_counter_page(console::ConsoleView& v) const {
  const auto& state = client_.state();
  const queue::Counter* c = counter_state();
  v.serving = serving();
  v.paused = c && c->paused;
  v.busy = pending_;
  for (const queue::Service& s : state.services) {
    const queue::ServiceLoad* load = state.load(s.prefix);
    v.services.push_back({s.prefix, s.label, s.colour, c && c->serves(s.prefix),
                          text::console_waiting(load ? load->waiting : 0),
                          load ? queue::queue_wait_text(load->wait) : text::wait_queue_no_counter()});
  }
  v.unprinted = unprinted_rows();
  v.unprinted_first = unprinted_first();
  v.status = status_;
  v.number_input = number_input_;
  v.number_hint = number_hint_;
  v.number_invalid = number_invalid_;
}

void ConsoleController::fill_setup(console::ConsoleView& v) const {
  const auto& state = client_.state();
  for (const queue::Counter& c : choices()) {
    v.counters.push_back({c.number, c.label.empty() ? text::counter_name(c.number) : c.label,
                          counter_services(state, c), c.agent});
  }
  v.chosen_counter = chosen_;
  v.name_input = name_input_;
  v.setup_hint = setup_hint_;
  v.setup_cancellable = counter_.has_value() && !agent_.empty();
}

void ConsoleController::fill_statistics(console::ConsoleView& v) const {
  TodayFigures today = today_figures(client_.state(), settings_.hours, settings_.zone,
                                     clock_.now(), settings_.outcomes);
  v.statistics_title = today.title;
  v.statistics = std::move(today.tables);
}

console::ConsoleView ConsoleController::view() const {
  console::ConsoleView v;
  v.page = page_;
  v.busy = pending_;
  fill_header(v);
  switch (page_) {
    case Page::outcome:
    case Page::workshop:
      fill_form(v);
      break;
    case Page::setup:
      fill_setup(v);
      break;
    case Page::statistics:
      fill_statistics(v);
      break;
    case Page::counter:
    case Page::transfer:
    case Page::call_number:
    case Page::reprint_number:
    case Page::outcome_number:
    case Page::unprinted:
      fill_counter_page(v);
      break;
  }
  return v;
}

}  // namespace pcn::agent_console
