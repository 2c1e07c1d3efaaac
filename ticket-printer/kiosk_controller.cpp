#include "ticket-printer/kiosk_controller.h"

#include <algorithm>
#include <iostream>

#include "protocol/codec.h"
#include "protocol/messages.h"
#include "protocol/fields.h"
#include "queue/wait_text.h"
#include "text/catalog.h"

namespace pcn::ticket_printer {

using kiosk::KioskView;
using kiosk::Page;
using kiosk::Press;

namespace {

using protocol::Json;

// [central] suivi (200 bytes at most) and a token (96 at most), with room to spare.
constexpr std::size_t kMaxFollowUrlBytes = 512;

/// `text` cut to at most `max` bytes, at a UTF-8 character boundary, with "…" when cut.
std::string within_bytes(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  const std::string ellipsis = "…";
  std::size_t end = max - ellipsis.size();
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + ellipsis;
}

}  // namespace

std::string qr_payload(const std::string& agency, const std::string& day, const std::string& label,
                       std::int64_t id) {
  return "pcn-queue:" + agency + ":" + day + ":" + label + ":" + std::to_string(id);
}

KioskController::KioskController(client::Client& client, printing::Printer& printer,
                                 const util::Clock& clock, KioskSettings settings)
    : client_(client), printer_(printer), clock_(clock), settings_(std::move(settings)) {
  page_since_ = clock_.now();
  next_check_ = page_since_;  // the first tick checks the printer
}

KioskController::~KioskController() {
  // The workers use printer_: let them finish.
  if (printing_.valid()) printing_.wait();
  if (checking_.valid()) checking_.wait();
}

void KioskController::press(const Press& p) {
  if (page_ == Page::staff_pin || page_ == Page::staff) return staff_press(p);
  auto guard = page_ == Page::print_failed ? settings_.print_failed_guard : settings_.touch_guard;
  bool guarded = clock_.now() - page_since_ < guard;
  switch (p.kind) {
    case Press::Kind::service:
      if (page_ == Page::home && idle()) take(p.prefix);
      break;
    case Press::Kind::priority_toggle:
      if (page_ == Page::home && idle()) priority_ = !priority_;
      break;
    case Press::Kind::dismiss:
      if ((page_ == Page::confirmation || page_ == Page::print_failed) && !guarded) show(Page::home);
      break;
    case Press::Kind::staff_reprint:
      if (last_) reprint(last_->id);
      break;
    case Press::Kind::staff_open:
      if (!settings_.staff_pin.empty() && !request_pending_) {
        pin_typed_.clear();
        staff_message_.clear();
        show(Page::staff_pin);
      }
      break;
    default:
      break;
  }
}

void KioskController::staff_press(const Press& p) {
  page_since_ = clock_.now();  // the staff pages close when left alone, not while used
  switch (p.kind) {
    case Press::Kind::pin_digit:
      if (page_ == Page::staff_pin && pin_typed_.size() < 12) pin_typed_ += p.prefix;
      break;
    case Press::Kind::pin_erase:
      if (!pin_typed_.empty()) pin_typed_.pop_back();
      break;
    case Press::Kind::pin_enter:
      if (page_ != Page::staff_pin) break;
      if (clock_.now() < pin_locked_until_) {
        staff_message_ = text::kiosk_staff_locked();
      } else if (pin_typed_ == settings_.staff_pin) {
        pin_failures_ = 0;
        staff_message_.clear();
        show(Page::staff);
      } else {
        staff_message_ = text::kiosk_staff_wrong_pin();
        if (++pin_failures_ >= 5) {  // five wrong codes: a pause, so it cannot be guessed
          pin_failures_ = 0;
          pin_locked_until_ = clock_.now() + std::chrono::minutes(5);
          staff_message_ = text::kiosk_staff_locked();
          log(text::kiosk_staff_pin_locked_log());
        }
      }
      pin_typed_.clear();
      break;
    case Press::Kind::staff_reprint:
      if (page_ == Page::staff) {
        reprint(p.ticket != 0 ? p.ticket : (last_ ? last_->id : 0));
      }
      break;
    case Press::Kind::staff_close:
    case Press::Kind::dismiss:
      pin_typed_.clear();
      staff_message_.clear();
      show(Page::home);
      break;
    default:
      break;
  }
}

void KioskController::take(char prefix) {
  if (resting_page(nullptr) != Page::home) return;
  request_pending_ = true;
  Json args{{"service", std::string(1, prefix)}, {"priority", priority_}};
  client_.send("take_ticket", args, [this](const util::Result<Json>& r) { on_ticket(r); });
}

void KioskController::on_ticket(const util::Result<Json>& reply) {
  request_pending_ = false;
  priority_ = false;
  if (!reply.ok()) {
    const auto& e = reply.error();
    show(e.code == "agency_closed" ? Page::closed : Page::unreachable, e.message);
    hold_until_ = page_since_ + settings_.confirmation_time;  // let the visitor read why
    return;
  }
  auto ticket = protocol::decode_ticket(reply->at("ticket"));
  if (!ticket.ok()) {  // a hub that answers what it should not: nothing to print
    show(Page::unreachable, ticket.error().message);
    hold_until_ = page_since_ + settings_.confirmation_time;
    return;
  }
  remember_follow(*ticket, *reply);
  Issued issued;
  issued.id = ticket->id;
  issued.slip = slip_from(*ticket);
  issued.slip.ahead = reply->value("ahead", 0);
  protocol::Fields wait_fields(*reply, "");
  queue::WaitRange wait;
  protocol::read_wait(*reply, wait_fields, wait);
  issued.slip.wait_text = wait_fields.ok() ? queue::ticket_wait_text(wait) : "";
  last_ = issued;
  show(Page::confirmation);
  queue_print({issued.id, issued.slip, true});
}

slip::SlipContent KioskController::slip_from(const queue::Ticket& t) const {
  const auto& state = client_.state();
  slip::SlipContent s;
  s.agency_name = state.agency.name.empty() ? settings_.agency_name : state.agency.name;
  s.issued_at = settings_.zone.format(t.issued_at, "%d/%m/%Y %H:%M");
  s.label = t.label();
  const queue::Service* service = state.service(t.service);
  s.service_label = service ? service->label : std::string(1, t.service);
  s.priority = t.priority;
  s.message = settings_.slip_message;
  if (settings_.qr) s.qr_payload = qr_of(t, s.label);
  return s;
}

std::string KioskController::qr_of(const queue::Ticket& t, const std::string& label) const {
  std::string url = settings_.follow ? settings_.follow(t) : std::string();
  if (auto known = follow_urls_.find(t.id); url.empty() && known != follow_urls_.end()) {
    url = known->second;
  }
  return url.empty() ? qr_payload(client_.state().agency.id, t.day.to_string(), label, t.id) : url;
}

void KioskController::remember_follow(const queue::Ticket& t, const Json& reply) {
  auto given = reply.find("suivi");
  if (given == reply.end() || !given->is_string()) return;
  std::string url = given->get<std::string>();
  // An address, and short enough for a QR code; else the slip keeps the staff's payload.
  if (url.rfind("http", 0) != 0 || url.size() > kMaxFollowUrlBytes) return;
  if (t.day != follow_day_) {  // a new day: yesterday's tickets cannot be reprinted
    follow_urls_.clear();
    follow_day_ = t.day;
  }
  follow_urls_[t.id] = std::move(url);
}

std::optional<slip::SlipContent> KioskController::slip_of(std::int64_t id) const {
  const auto& state = client_.state();
  const queue::Ticket* t = state.ticket(id);
  if (t == nullptr) return std::nullopt;
  slip::SlipContent s = slip_from(*t);
  // A duplicate says how many are ahead now, by the engine's own rule (the snapshot does not
  // carry the policy: priority turns, the default, are assumed); no estimate made for another
  // moment.
  if (t->state == queue::TicketState::waiting) s.ahead = queue::tickets_ahead(state.tickets, *t, true);
  s.duplicate = true;
  return s;
}

void KioskController::reprint(std::int64_t ticket) {
  std::optional<slip::SlipContent> slip = slip_of(ticket);
  if (!slip && last_ && last_->id == ticket) {
    slip = last_->slip;
    slip->duplicate = true;
  }
  if (!slip) {
    staff_message_ = text::kiosk_staff_unknown_ticket();
    return;
  }
  staff_message_ = text::kiosk_staff_reprinting(slip->label);
  queue_print({ticket, *slip, false});
}

void KioskController::on_change(const queue::Change& change) {
  if (!settings_.reprints_from_hub || change.kind != queue::ChangeKind::reprint_requested ||
      !change.ticket) {
    return;
  }
  const queue::Ticket* t = client_.state().ticket(*change.ticket);
  log(text::kiosk_reprint_asked_log(t ? t->label() : std::to_string(*change.ticket),
                                    change.counter.value_or(0)));
  reprint(*change.ticket);
}

void KioskController::queue_print(PrintTask task) {
  to_print_.push_back(std::move(task));
  start_next_print();
}

void KioskController::start_next_print() {
  if (printing_.valid() || to_print_.empty()) return;
  printing_task_ = std::move(to_print_.front());
  to_print_.pop_front();
  const slip::SlipContent& content = printing_task_->slip;
  printing::PrintJob job{content, settings_.paper,
                         text::print_job_title(content.label, content.duplicate)};
  printing_ = std::async(std::launch::async, [this, job]() { return printer_.print(job); });
}

void KioskController::on_printed(const PrintTask& task, const util::Status& outcome) {
  bool own_page = task.visitor && last_ && last_->id == task.id;
  printer_ok_ = outcome.ok();
  if (!outcome.ok()) {
    printer_problem_ = outcome.error().message;
    log(text::kiosk_print_failed_log(task.slip.label, outcome.error().message));
    next_check_ = clock_.now() + std::chrono::seconds(5);
    if (own_page && page_ == Page::confirmation) show(Page::print_failed);
    if (!task.visitor) staff_message_ = text::kiosk_staff_reprint_failed(task.slip.label);
  } else {
    printer_problem_.clear();
    if (!task.visitor) staff_message_ = text::kiosk_staff_reprinted(task.slip.label);
    // The visitor whose slip failed now has its duplicate: "Notez votre numéro" is over.
    if (!task.visitor && page_ == Page::print_failed && last_ && last_->id == task.id) {
      show(Page::home);
    }
  }
  Json args{{"ticket", task.id}, {"printed", outcome.ok()},
            {"error", outcome.ok() ? "" : within_bytes(outcome.error().message, protocol::kMaxPrintErrorBytes)}};
  if (task.slip.duplicate) args["duplicate"] = true;
  // The outcome is recorded by the hub; a failure to report it is shown by the agents' screens
  // as a ticket still "pending", never as a printed one.
  client_.send("report_print", args, [](const util::Result<Json>&) {});
}

void KioskController::check_printer() {
  if (checking_.valid()) {
    if (checking_.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) return;
    util::Status outcome = checking_.get();
    if (outcome.ok() != printer_ok_ || (!outcome.ok() && outcome.error().message != printer_problem_)) {
      log(outcome.ok() ? text::kiosk_printer_ready_log(printer_.describe())
                       : text::kiosk_printer_down_log(outcome.error().message));
    }
    printer_ok_ = outcome.ok();
    printer_problem_ = outcome.ok() ? "" : outcome.error().message;
    return;
  }
  // Checked while no slip prints, so that a check never delays a visitor's slip.
  if (printing_.valid() || clock_.now() < next_check_) return;
  next_check_ = clock_.now() + settings_.check_interval;
  checking_ = std::async(std::launch::async, [this]() { return printer_.check(); });
}

void KioskController::log(const std::string& line) const {
  if (settings_.log) {
    settings_.log(line);
  } else {
    std::cerr << "ticket-printer : " << line << std::endl;
  }
}

void KioskController::tick() {
  if (printing_.valid() &&
      printing_.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready) {
    util::Status outcome = printing_.get();
    PrintTask task = std::move(*printing_task_);
    printing_task_.reset();
    on_printed(task, outcome);
    start_next_print();
  }
  check_printer();
  auto shown = clock_.now() - page_since_;
  if (page_ == Page::confirmation && shown >= settings_.confirmation_time) show(Page::home);
  if (page_ == Page::print_failed && shown >= settings_.print_failed_time) show(Page::home);
  if ((page_ == Page::staff_pin || page_ == Page::staff) && shown >= settings_.staff_time) {
    pin_typed_.clear();
    show(Page::home);
  }
  bool at_rest = page_ == Page::home || page_ == Page::closed || page_ == Page::unreachable;
  if (at_rest && clock_.now() >= hold_until_) {
    std::string detail;
    Page resting = resting_page(&detail);
    if (resting != page_ || (resting != Page::home && detail != detail_)) show(resting, detail);
  }
}

Page KioskController::resting_page(std::string* detail) const {
  if (!settings_.hours.is_open(settings_.zone, clock_.now())) {
    if (detail) *detail = queue::closed_detail(settings_.hours, settings_.zone, clock_.now());
    return Page::closed;
  }
  if (client_.connection() != client::Connection::live) {
    if (detail) *detail = client::connection_text(client_.connection());
    return Page::unreachable;
  }
  return Page::home;
}

std::vector<kiosk::StaffTicket> KioskController::staff_tickets() const {
  std::vector<kiosk::StaffTicket> list;
  const auto& state = client_.state();
  auto entry = [&](const queue::Ticket& t) {
    const queue::Service* service = state.service(t.service);
    std::string reason = t.print == queue::PrintState::failed ? t.print_error : "";
    return kiosk::StaffTicket{t.id, t.label(), service ? service->label : "", reason};
  };
  for (const auto& [id, t] : state.tickets) {
    if (t.print == queue::PrintState::failed) list.push_back(entry(t));
  }
  bool last_listed = last_ && std::any_of(list.begin(), list.end(), [&](const auto& t) {
                       return t.id == last_->id;
                     });
  if (last_ && !last_listed) {
    if (const queue::Ticket* t = state.ticket(last_->id)) list.push_back(entry(*t));
  }
  return list;
}

void KioskController::show(Page page, std::string detail) {
  page_ = page;
  detail_ = std::move(detail);
  page_since_ = clock_.now();
}

KioskView KioskController::view() const {
  KioskView v;
  v.page = page_;
  v.detail = detail_;
  const auto& state = client_.state();
  v.agency_name = state.agency.name.empty() ? settings_.agency_name : state.agency.name;
  util::TimePoint now = clock_.now();
  util::LocalDate today = settings_.zone.date_of(now);
  v.clock_text = text::long_date_time(settings_.zone.weekday_of(now), today.day, today.month,
                                      today.year, settings_.zone.format(now, "%H:%M"));
  int key = 1;
  for (const auto& s : state.services) {
    const queue::ServiceLoad* load = state.load(s.prefix);
    if (key > 9) break;  // nine number keys; a tenth service would need another kiosk layout
    v.services.push_back({s.prefix, s.label, s.colour, key++, load ? load->waiting : 0,
                          load ? queue::button_wait_text(load->waiting, load->wait) : ""});
  }
  v.priority_selected = priority_;
  v.busy = !idle();
  v.printer_down = !printer_ok_;
  if (page_ == Page::staff_pin || page_ == Page::staff) {
    v.pin_length = static_cast<int>(pin_typed_.size());
    v.staff_message = staff_message_;
  }
  if (page_ == Page::staff) {
    v.staff_tickets = staff_tickets();
    v.printer_problem = printer_ok_ ? "" : printer_problem_;
  }
  if (last_ && (page_ == Page::confirmation || page_ == Page::print_failed)) {
    v.ticket_label = last_->slip.label;
    v.ticket_service = last_->slip.service_label;
    v.ticket_priority = last_->slip.priority;
    v.ahead = last_->slip.ahead;
    v.wait_text = last_->slip.wait_text;
  }
  return v;
}

}  // namespace pcn::ticket_printer

