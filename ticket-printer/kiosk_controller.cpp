#include "ticket-printer/kiosk_controller.h"

#include "text/catalog.h"

namespace pcn::ticket_printer {

using kiosk::KioskView;
using kiosk::Page;
using kiosk::Press;

namespace {

using protocol::Json;

std::optional<int> optional_int(const Json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<int>();
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
}

KioskController::~KioskController() {
  if (printing_.valid()) printing_.wait();  // the worker uses printer_: let it finish
}

void KioskController::press(const Press& p) {
  bool guarded = clock_.now() - page_since_ < settings_.touch_guard;
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
      if (last_ && !printing_.valid()) {
        slip::SlipContent again = last_->slip;
        again.duplicate = true;
        last_is_duplicate_ = true;
        start_print(again);
      }
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
  Issued issued;
  issued.ticket = reply->at("ticket");
  issued.id = issued.ticket.at("id").get<std::int64_t>();
  issued.slip = slip_for(*reply);
  last_ = issued;
  last_is_duplicate_ = false;
  show(Page::confirmation);
  start_print(issued.slip);
}

slip::SlipContent KioskController::slip_for(const Json& result) const {
  const Json& t = result.at("ticket");
  slip::SlipContent s;
  s.agency_name = client_.state().agency.name.empty() ? settings_.agency_name
                                                      : client_.state().agency.name;
  s.issued_at = settings_.zone.format(util::from_unix_ms(t.at("issued_at").get<std::int64_t>()),
                                      "%d/%m/%Y %H:%M");
  s.label = t.at("label").get<std::string>();
  std::string prefix = t.at("service").get<std::string>();
  const queue::Service* service = client_.state().service(prefix.empty() ? '?' : prefix[0]);
  s.service_label = service ? service->label : prefix;
  s.priority = t.at("priority").get<bool>();
  s.ahead = result.value("ahead", 0);
  s.wait_minutes = optional_int(result, "estimated_wait_minutes");
  s.message = settings_.slip_message;
  if (settings_.qr) {
    s.qr_payload = qr_payload(client_.state().agency.id, t.at("day").get<std::string>(), s.label,
                              t.at("id").get<std::int64_t>());
  }
  return s;
}

void KioskController::start_print(const slip::SlipContent& content) {
  printing::PrintJob job{content, settings_.paper, text::print_job_title(content.label)};
  printing_ = std::async(std::launch::async, [this, job]() { return printer_.print(job); });
}

void KioskController::on_printed(const util::Status& outcome) {
  if (!last_) return;
  if (!outcome.ok()) {
    show(Page::print_failed, outcome.error().message);
  } else if (page_ == Page::print_failed && last_is_duplicate_) {
    show(Page::home);
  }
  Json args{{"ticket", last_->id}, {"printed", outcome.ok()},
            {"error", outcome.ok() ? "" : outcome.error().message}};
  // The outcome is recorded by the hub; a failure to report it is shown by the agents' screens
  // as a ticket still "pending", never as a printed one.
  client_.send("report_print", args, [](const util::Result<Json>&) {});
}

void KioskController::tick() {
  if (printing_.valid() &&
      printing_.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready) {
    util::Status outcome = printing_.get();
    on_printed(outcome);
  }
  auto shown = clock_.now() - page_since_;
  if (page_ == Page::confirmation && shown >= settings_.confirmation_time) show(Page::home);
  if (page_ == Page::print_failed && shown >= settings_.print_failed_time) show(Page::home);
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
    v.services.push_back({s.prefix, s.label, s.colour, key++, load ? load->waiting : 0});
  }
  v.priority_selected = priority_;
  v.busy = !idle();
  if (last_ && (page_ == Page::confirmation || page_ == Page::print_failed)) {
    v.ticket_label = last_->slip.label;
    v.ticket_service = last_->slip.service_label;
    v.ticket_priority = last_->slip.priority;
    v.ahead = last_->slip.ahead;
    v.wait_minutes = last_->slip.wait_minutes;
  }
  return v;
}

}  // namespace pcn::ticket_printer
