#include "protocol/codec.h"

#include <cmath>
#include <string_view>

#include "protocol/fields.h"
#include "text/catalog.h"

namespace pcn::protocol {

namespace {

constexpr std::string_view kTicketStates = "waiting, called, done, absent, unserved";
constexpr std::string_view kPrintStates = "pending, printed, failed";
constexpr std::string_view kChangeKinds =
    "ticket_issued, ticket_called, ticket_recalled, ticket_no_show, ticket_finished, "
    "ticket_transferred, ticket_printed, counter_paused, counter_resumed, counter_updated, "
    "day_closed, day_rolled, reprint_requested, ticket_reprinted, test_ticket, outcome_recorded, "
    "workshop_recorded";

std::string letter(char c) { return std::string(1, c); }

template <typename T>
Json nullable(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json nullable(const std::optional<util::TimePoint>& t) {
  return t ? Json(util::to_unix_ms(*t)) : Json(nullptr);
}

template <typename T>
Json list(const std::vector<T>& items) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(encode(item));
  return out;
}

util::Result<std::string> decode_code(const Json& item, const std::string& path) {
  return decode_code_at(item, path);
}

}  // namespace

util::Result<std::string> decode_code_at(const Json& item, const std::string& path) {
  if (!item.is_string() || !queue::OutcomeLists::is_code(item.get_ref<const std::string&>())) {
    return util::make_error(
        "bad_request",
        text::field_invalid(path, text::expect_code(queue::OutcomeLists::kMaxCodeBytes)));
  }
  return item.get<std::string>();
}

namespace {

const Json* present(const Json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

/// Reads the nullable outcome member `key` of `j` (read by `f`) into `out`.
void read_outcome(Fields& f, const Json& j, const char* key, std::optional<queue::Outcome>& out) {
  out.reset();
  const Json* o = present(j, key);
  if (!f.ok() || o == nullptr) return;
  auto outcome = decode_outcome_at(*o, f.name_of(key));
  if (!outcome.ok()) {
    f.fail(outcome.error());
    return;
  }
  out = std::move(*outcome);
}

/// Every member of a Ticket, in the order of docs/protocol.md; `min` is the least id and number
/// (1 for a ticket, 0 for a test ticket). The label is read, not checked.
void read_ticket(Fields& f, const Json& j, queue::Ticket& t, std::string& label, int min) {
  f.read("id", t.id, min).read("label", label).read("day", t.day);
  f.read_letter("prefix", t.prefix).read("number", t.number, min).read_letter("service", t.service);
  f.read("priority", t.priority);
  f.read_enum("state", t.state, &queue::ticket_state_from, kTicketStates);
  f.read("issued_at", t.issued_at).read("queued_at", t.queued_at);
  f.read("called_at", t.called_at).read("finished_at", t.finished_at).read("counter", t.counter, 1);
  f.read("calls", t.calls, 0).read("no_shows", t.no_shows, 0).read("transfers", t.transfers, 0);
  f.read_enum("print", t.print, &queue::print_state_from, kPrintStates);
  f.read("print_error", t.print_error);
  read_outcome(f, j, "outcome", t.outcome);
}

}  // namespace

util::Result<queue::Ticket> decode_ticket_at(const Json& j, const std::string& path) {
  queue::Ticket t;
  std::string label;
  Fields f(j, path);
  read_ticket(f, j, t, label, 1);
  if (f.ok() && label != t.label()) f.invalid("label", text::expect_label(t.label()));
  if (!f.ok()) return f.error();
  return t;
}

util::Result<queue::Ticket> decode_test_ticket_at(const Json& j, const std::string& path) {
  queue::Ticket t;
  std::string label;
  Fields f(j, path);
  read_ticket(f, j, t, label, 0);
  if (f.ok() && t.id != 0) f.invalid("id", text::expect_value("0"));
  if (f.ok() && t.number != 0) f.invalid("number", text::expect_value("0"));
  if (f.ok() && label != kTestTicketLabel) {
    f.invalid("label", text::expect_value(std::string(kTestTicketLabel)));
  }
  if (!f.ok()) return f.error();
  return t;
}

Json encode_test_ticket(char service, bool priority, const util::LocalDate& day,
                        util::TimePoint at) {
  queue::Ticket t;
  t.day = day;
  t.prefix = t.service = service;
  t.priority = priority;
  t.state = queue::TicketState::done;
  t.issued_at = t.queued_at = at;
  t.finished_at = at;
  Json j = encode(t);
  j["label"] = kTestTicketLabel;
  return j;
}

util::Result<queue::Counter> decode_counter_at(const Json& j, const std::string& path) {
  queue::Counter c;
  Fields f(j, path);
  f.read("number", c.number, 1).read("label", c.label).read_letters("services", c.services);
  f.read("paused", c.paused).read("current", c.current, 1).read("agent", c.agent);
  if (!f.ok()) return f.error();
  return c;
}

util::Result<queue::Service> decode_service_at(const Json& j, const std::string& path) {
  queue::Service s;
  int minutes = 0;
  Fields f(j, path);
  f.read_letter("prefix", s.prefix).read("code", s.code).read("label", s.label);
  f.read_colour("colour", s.colour).read("typical_minutes", minutes, 0);
  if (!f.ok()) return f.error();
  s.typical_duration = std::chrono::minutes(minutes);
  return s;
}

void read_wait(const Json& j, Fields& f, queue::WaitRange& out) {
  std::optional<std::int64_t> middle;
  f.read("estimated_wait_minutes", middle, 0);
  if (!f.ok()) return;
  if (!j.is_object() || !j.contains("wait_kind") || j.at("wait_kind").is_null()) {  // an older hub
    out = {};
    if (middle) {
      out.kind = *middle == 0 ? queue::WaitRange::Kind::next : queue::WaitRange::Kind::range;
      out.low = out.high = std::chrono::minutes(*middle);
    }
    return;
  }
  f.read_enum("wait_kind", out.kind, &queue::wait_kind_from, "range, next, none");
  std::int64_t low = 0, high = 0;
  std::optional<int> resumes;
  f.read("wait_low_minutes", low, 0).read("wait_high_minutes", high, 0);
  f.read("resumes_at_minute", resumes, 0);
  if (!f.ok()) return;
  if (high < low || (resumes && *resumes > 24 * 60)) {
    f.invalid("wait_high_minutes", text::expect_wait_range());
    return;
  }
  out.low = std::chrono::minutes(low);
  out.high = std::chrono::minutes(high);
  out.resumes_at = resumes;
}

void encode_wait(const queue::WaitRange& w, Json& into) {
  const auto middle = w.middle();
  into["estimated_wait_minutes"] = middle ? Json(std::lround(*middle)) : Json(nullptr);
  into["wait_kind"] = std::string(queue::to_string(w.kind));
  into["wait_low_minutes"] = w.low.count();
  into["wait_high_minutes"] = w.high.count();
  into["resumes_at_minute"] = w.resumes_at ? Json(*w.resumes_at) : Json(nullptr);
}

util::Result<queue::ServiceLoad> decode_service_load_at(const Json& j, const std::string& path) {
  queue::ServiceLoad l;
  std::int64_t mean_seconds = 0;
  Fields f(j, path);
  f.read_letter("service", l.service).read("waiting", l.waiting, 0);
  f.read("priority_waiting", l.priority_waiting, 0).read("open_counters", l.open_counters, 0);
  f.read("mean_service_seconds", mean_seconds, 0);
  read_wait(j, f, l.wait);
  if (!f.ok()) return f.error();
  l.mean_service = std::chrono::seconds(mean_seconds);
  if (auto m = l.wait.middle()) l.estimated_wait = std::chrono::minutes(std::lround(*m));
  return l;
}

util::Result<queue::Change> decode_change_at(const Json& j, const std::string& path) {
  queue::Change c;
  Fields f(j, path);
  f.read_enum("kind", c.kind, &queue::change_kind_from, kChangeKinds);
  f.read("at", c.at).read("day", c.day).read("counter", c.counter, 1).read("ticket", c.ticket, 1);
  f.read_list("tickets", c.tickets, &decode_ticket_at);
  f.read_list("counters", c.counters, &decode_counter_at);
  f.read("priority_streak", c.priority_streak, 0);
  if (const Json* w = present(j, "workshop"); f.ok() && w != nullptr) {
    auto workshop = decode_workshop_at(*w, f.name_of("workshop"));
    if (!workshop.ok()) return workshop.error();
    c.workshop = std::move(*workshop);
  }
  if (!f.ok()) return f.error();
  return c;
}

util::Result<queue::Outcome> decode_outcome_at(const Json& j, const std::string& path) {
  queue::Outcome o;
  Fields f(j, path);
  for (queue::OutcomeList list : queue::kOutcomeLists) {
    std::string key(queue::to_string(list));
    const Json* member = present(j, key.c_str());
    if (!f.ok() || member == nullptr) continue;
    std::vector<std::string> codes;
    if (queue::is_multiple(list)) {
      f.read_list(key.c_str(), codes, &decode_code);
      if (f.ok() && codes.size() > queue::OutcomeLists::kMaxChoices) {
        f.invalid(key, text::expect_at_most_items(queue::OutcomeLists::kMaxChoices));
      }
    } else {
      auto code = decode_code(*member, f.name_of(key));
      if (!code.ok()) return code.error();
      codes.push_back(std::move(*code));
    }
    if (f.ok()) o.set(list, std::move(codes));
  }
  if (!f.ok()) return f.error();
  return o;
}

util::Result<queue::Workshop> decode_workshop_at(const Json& j, const std::string& path) {
  queue::Workshop w;
  Fields f(j, path);
  f.read("seq", w.seq, 0).read("day", w.day).read("at", w.at);
  f.read("participants", w.participants, 0).read("minutes", w.minutes, 0);
  f.read("counter", w.counter, 1);
  if (!f.ok()) return f.error();
  auto theme = decode_code(j.contains("theme") ? j.at("theme") : Json(), f.name_of("theme"));
  if (!theme.ok()) return theme.error();
  w.theme = std::move(*theme);
  return w;
}

Json encode(const queue::Outcome& o) {
  Json j = Json::object();
  for (queue::OutcomeList list : queue::kOutcomeLists) {
    std::vector<std::string> codes = o.codes(list);
    std::string key(queue::to_string(list));
    if (queue::is_multiple(list)) {
      j[key] = codes;
    } else {
      j[key] = codes.empty() ? Json(nullptr) : Json(codes.front());
    }
  }
  return j;
}

Json encode(const queue::Workshop& w) {
  return Json{{"seq", w.seq},
              {"day", w.day.to_string()},
              {"at", util::to_unix_ms(w.at)},
              {"theme", w.theme},
              {"participants", w.participants},
              {"minutes", w.minutes},
              {"counter", nullable(w.counter)}};
}

Json encode(const queue::Ticket& t) {
  return Json{{"id", t.id},
              {"label", t.label()},
              {"day", t.day.to_string()},
              {"prefix", letter(t.prefix)},
              {"number", t.number},
              {"service", letter(t.service)},
              {"priority", t.priority},
              {"state", queue::to_string(t.state)},
              {"issued_at", util::to_unix_ms(t.issued_at)},
              {"queued_at", util::to_unix_ms(t.queued_at)},
              {"called_at", nullable(t.called_at)},
              {"finished_at", nullable(t.finished_at)},
              {"counter", nullable(t.counter)},
              {"calls", t.calls},
              {"no_shows", t.no_shows},
              {"transfers", t.transfers},
              {"print", queue::to_string(t.print)},
              {"print_error", t.print_error},
              {"outcome", t.outcome ? encode(*t.outcome) : Json(nullptr)}};
}

Json encode(const queue::Counter& c) {
  return Json{{"number", c.number},   {"label", c.label},           {"services", c.services},
              {"paused", c.paused},   {"current", nullable(c.current)}, {"agent", c.agent}};
}

Json encode(const queue::Service& s) {
  return Json{{"prefix", letter(s.prefix)},
              {"code", s.code},
              {"label", s.label},
              {"colour", s.colour},
              {"typical_minutes", s.typical_duration.count()}};
}

Json encode(const queue::ServiceLoad& l) {
  Json out{{"service", letter(l.service)},
           {"waiting", l.waiting},
           {"priority_waiting", l.priority_waiting},
           {"open_counters", l.open_counters},
           {"mean_service_seconds", l.mean_service.count()}};
  encode_wait(l.wait, out);
  return out;
}

Json encode(const queue::Change& c) {
  return Json{{"kind", queue::to_string(c.kind)},
              {"at", util::to_unix_ms(c.at)},
              {"day", c.day.to_string()},
              {"counter", nullable(c.counter)},
              {"ticket", nullable(c.ticket)},
              {"tickets", list(c.tickets)},
              {"counters", list(c.counters)},
              {"priority_streak", c.priority_streak},
              {"workshop", c.workshop ? encode(*c.workshop) : Json(nullptr)}};
}

util::Result<queue::Ticket> decode_ticket(const Json& j) {
  return decode_ticket_at(j, "ticket");
}

util::Result<queue::Counter> decode_counter(const Json& j) {
  return decode_counter_at(j, "counter");
}

util::Result<queue::Service> decode_service(const Json& j) {
  return decode_service_at(j, "service");
}

util::Result<queue::ServiceLoad> decode_service_load(const Json& j) {
  return decode_service_load_at(j, "load");
}

util::Result<queue::Change> decode_change(const Json& j) {
  return decode_change_at(j, "change");
}

}  // namespace pcn::protocol
