#include "protocol/messages.h"

#include <array>

#include "protocol/codec.h"
#include "protocol/fields.h"
#include "text/catalog.h"

namespace pcn::protocol {

namespace {

// --- Request table: who may send what, and what changes the queue ---

enum RoleBit : unsigned { kKiosk = 1, kAgent = 2, kDisplay = 4, kSupervisor = 8 };
constexpr unsigned kEveryone = kKiosk | kAgent | kDisplay | kSupervisor;
constexpr unsigned kCounters = kAgent | kSupervisor;

struct RequestRule {
  std::string_view type;
  unsigned roles;
  bool changes_state;
};

constexpr std::array<RequestRule, 18> kRules{{
    {request_type::hello, kEveryone, false},
    {request_type::snapshot, kEveryone, false},
    {request_type::take_ticket, kKiosk | kSupervisor, true},
    {request_type::call_next, kCounters, true},
    {request_type::call_ticket, kCounters, true},
    {request_type::recall, kCounters, true},
    {request_type::no_show, kCounters, true},
    {request_type::finish, kCounters, true},
    {request_type::pause, kCounters, true},
    {request_type::resume, kCounters, true},
    {request_type::transfer, kCounters, true},
    {request_type::update_counter, kCounters, true},
    {request_type::report_print, kKiosk | kSupervisor, true},
    {request_type::close_day, kSupervisor, true},
    {request_type::tickets, kSupervisor, false},
    {request_type::reprint, kCounters, true},
    {request_type::record_outcome, kCounters, true},
    {request_type::record_workshop, kCounters, true},
}};

const RequestRule* rule_for(std::string_view type) {
  for (const auto& rule : kRules) {
    if (rule.type == type) return &rule;
  }
  return nullptr;
}

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoleNames{{
    {Role::kiosk, "kiosk"},
    {Role::agent, "agent"},
    {Role::display, "display"},
    {Role::supervisor, "supervisor"},
}};

unsigned bit_of(Role r) {
  switch (r) {
    case Role::kiosk: return kKiosk;
    case Role::agent: return kAgent;
    case Role::display: return kDisplay;
    case Role::supervisor: return kSupervisor;
  }
  return 0;
}

// --- Envelope helpers ---

util::Error error(std::string_view code, std::string message) {
  return util::make_error(std::string(code), std::move(message));
}

/// Whether lists and objects in `text` nest deeper than `max` levels (strings skipped). Checked
/// before parsing: nlohmann::json copies values recursively, so a 64 KiB frame of "[[[[…" would
/// otherwise overflow the stack of whoever handles it.
bool nests_deeper_than(std::string_view text, int max) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

/// The frame as a JSON object; bad_request when it is not JSON, nests too deep or is not an
/// object.
util::Result<Json> parse_object(std::string_view frame) {
  if (nests_deeper_than(frame, kMaxNesting)) {
    return error(error_code::bad_request, text::message_too_deep(kMaxNesting));
  }
  Json j = Json::parse(frame, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return error(error_code::bad_request, text::message_not_json());
  if (!j.is_object()) return error(error_code::bad_request, text::message_not_object());
  return j;
}

/// "v" must be 1: missing or not an integer → bad_request, another integer → bad_version.
util::Status check_version(const Json& message) {
  auto it = message.find("v");
  if (it == message.end() || it->is_null()) {
    return error(error_code::bad_request, text::field_missing("v"));
  }
  if (!it->is_number_integer()) {
    return error(error_code::bad_request,
                 text::field_invalid("v", text::expect_integer_from(kProtocolVersion)));
  }
  if (*it != kProtocolVersion) {
    return error(error_code::bad_version,
                 text::protocol_version_unsupported(it->dump(), kProtocolVersion));
  }
  return util::Status::success();
}

/// The request's number when the message carries a valid one, whatever else is wrong with it.
std::optional<std::int64_t> peek_req(const Json& message) {
  std::int64_t req = 0;
  Fields f(message, "");
  f.read("req", req, 1);
  return f.ok() ? std::optional(req) : std::nullopt;
}

util::Result<Request> read_request(const Json& message) {
  PCN_TRY(check_version(message));
  Request r;
  Fields f(message, "");
  f.read("req", r.req, 1).read("type", r.type);
  if (f.ok() && !is_request_type(r.type)) {
    return error(error_code::unknown_type, text::unknown_request_type(r.type));
  }
  f.read("client", r.client);
  if (f.ok() && (r.client.empty() || r.client.size() > kMaxClientIdBytes)) {
    f.invalid("client", text::expect_text_length(1, static_cast<int>(kMaxClientIdBytes)));
  }
  f.read_object("args", r.args, false);
  if (!f.ok()) return f.error();
  return r;
}

util::Status read_event(const Json& message, Published& p) {
  Json change;
  Fields f(message, "");
  f.read("seq", p.seq, 1).read_object("change", change, true);
  f.read_list("loads", p.loads, &decode_service_load_at);
  if (!f.ok()) return f.error();
  auto decoded = decode_change_at(change, "change");
  if (!decoded.ok()) return decoded.error();
  p.change = std::move(decoded).value();
  return util::Status::success();
}

util::Status read_heartbeat(const Json& message, Published& p) {
  util::TimePoint at{};
  Fields f(message, "");
  Json central;
  f.read("seq", p.seq, 0).read("at", at).read_object("central", central, false);
  if (!f.ok()) return f.error();
  p.at = at;
  if (central.empty()) return util::Status::success();
  auto link = decode_central_link_at(central, "central");
  if (!link.ok()) return link.error();
  p.central = std::move(*link);
  return util::Status::success();
}

/// Reads "type" and "epoch" and checks the type against the topic.
util::Status read_published_head(std::string_view topic, const Json& message, Published& p) {
  Fields f(message, "");
  f.read("type", p.type);
  if (!f.ok()) return f.error();
  if (p.type != kEventTopic && p.type != kHeartbeatTopic) {
    return error(error_code::unknown_type, text::unknown_message_type(p.type));
  }
  if (topic != p.type) {
    return error(error_code::bad_request, text::topic_mismatch(std::string(topic), p.type));
  }
  f.read("epoch", p.epoch);
  if (f.ok() && !is_epoch(p.epoch)) f.invalid("epoch", text::expect_epoch());
  if (!f.ok()) return f.error();
  return util::Status::success();
}

util::Status read_reply_error(const Json& message, util::Error& out) {
  Json body;
  Fields f(message, "");
  f.read_object("error", body, true);
  if (!f.ok()) return f.error();
  Fields e(body, "error");
  e.read("code", out.code).read("message", out.message);
  if (!e.ok()) return e.error();
  return util::Status::success();
}

template <typename T>
util::Result<T> arg(const Json& args, const char* name, T value,
                    Fields& (Fields::*read)(const char*, T&)) {
  Fields f(args, "args");
  (f.*read)(name, value);
  if (!f.ok()) return f.error();
  return value;
}

bool has_arg(const Json& args, const char* name) {
  if (!args.is_object()) return true;  // let the reader report it
  auto it = args.find(name);
  return it != args.end() && !it->is_null();
}

}  // namespace

util::Result<Json> parse_frame_object(std::string_view frame) { return parse_object(frame); }

// --- Request types and roles ---

std::vector<std::string_view> request_types() {
  std::vector<std::string_view> out;
  for (const auto& rule : kRules) out.push_back(rule.type);
  return out;
}

bool is_request_type(std::string_view type) { return rule_for(type) != nullptr; }

bool changes_state(std::string_view type) {
  const RequestRule* rule = rule_for(type);
  return rule != nullptr && rule->changes_state;
}

std::string_view to_string(Role r) {
  for (const auto& [role, name] : kRoleNames) {
    if (role == r) return name;
  }
  return "?";
}

std::optional<Role> role_from_string(std::string_view s) {
  for (const auto& [role, name] : kRoleNames) {
    if (name == s) return role;
  }
  return std::nullopt;
}

bool role_may(Role role, std::string_view request_type) {
  const RequestRule* rule = rule_for(request_type);
  return rule != nullptr && (rule->roles & bit_of(role)) != 0;
}

util::Error forbidden(Role role, std::string_view request_type) {
  return error(error_code::forbidden,
               text::request_forbidden(std::string(request_type), std::string(to_string(role))));
}

// --- Requests and replies ---

ParsedRequest parse_request(std::string_view frame) {
  if (frame.size() > kMaxRequestBytes) {
    auto too_large = error(error_code::too_large,
                           text::request_too_large(static_cast<long long>(frame.size()),
                                                   static_cast<long long>(kMaxRequestBytes)));
    return {too_large, std::nullopt};
  }
  auto message = parse_object(frame);
  if (!message.ok()) return {message.error(), std::nullopt};
  return {read_request(*message), peek_req(*message)};
}

std::string request_message(std::string_view type, const std::string& client, std::int64_t req,
                            const Json& args) {
  return to_wire(Json{{"v", kProtocolVersion},
                      {"type", type},
                      {"client", client},
                      {"req", req},
                      {"args", args}});
}

std::string reply_ok(std::int64_t req, Json result) {
  return to_wire(Json{{"v", kProtocolVersion},
                      {"type", "reply"},
                      {"req", req},
                      {"ok", true},
                      {"result", std::move(result)}});
}

std::string reply_error(std::optional<std::int64_t> req, const util::Error& e) {
  return to_wire(Json{{"v", kProtocolVersion},
                      {"type", "reply"},
                      {"req", req ? Json(*req) : Json(nullptr)},
                      {"ok", false},
                      {"error", {{"code", e.code}, {"message", e.message}}}});
}

util::Result<Reply> parse_reply(std::string_view frame) {
  auto message = parse_object(frame);
  if (!message.ok()) return message.error();
  PCN_TRY(check_version(*message));
  Reply r;
  std::string type;
  Fields f(*message, "");
  f.read("type", type);
  if (f.ok() && type != "reply") f.invalid("type", text::expect_value("reply"));
  f.read("req", r.req, 1).read("ok", r.ok);
  if (r.ok) f.read_object("result", r.result, true);
  if (!f.ok()) return f.error();
  if (!r.ok) PCN_TRY(read_reply_error(*message, r.error));
  return r;
}

// --- Published messages ---

std::string event_message(const std::string& epoch, std::int64_t seq, const queue::Change& change,
                          const std::vector<queue::ServiceLoad>& loads) {
  Json encoded_loads = Json::array();
  for (const auto& l : loads) encoded_loads.push_back(encode(l));
  return to_wire(Json{{"v", kProtocolVersion},
                      {"type", kEventTopic},
                      {"epoch", epoch},
                      {"seq", seq},
                      {"change", encode(change)},
                      {"loads", std::move(encoded_loads)}});
}

Json encode(const CentralLink& link) {
  return Json{{"connected", link.connected},
              {"acknowledged", link.acknowledged},
              {"last_seq", link.last_seq},
              {"last_ack", link.last_ack ? Json(util::to_unix_ms(*link.last_ack)) : Json(nullptr)},
              {"error", link.error}};
}

util::Result<CentralLink> decode_central_link_at(const Json& j, const std::string& path) {
  CentralLink link;
  Fields c(j, path);
  c.read("connected", link.connected).read("acknowledged", link.acknowledged, 0);
  c.read("last_seq", link.last_seq, 0).read("last_ack", link.last_ack).read("error", link.error);
  if (!c.ok()) return c.error();
  return link;
}

std::string heartbeat_message(const std::string& epoch, std::int64_t seq, util::TimePoint at,
                              const std::optional<CentralLink>& central) {
  Json message{{"v", kProtocolVersion},
               {"type", kHeartbeatTopic},
               {"epoch", epoch},
               {"seq", seq},
               {"at", util::to_unix_ms(at)}};
  if (central) message["central"] = encode(*central);
  return to_wire(message);
}

util::Result<Published> parse_published(std::string_view topic, std::string_view body) {
  auto message = parse_object(body);
  if (!message.ok()) return message.error();
  PCN_TRY(check_version(*message));
  Published p;
  PCN_TRY(read_published_head(topic, *message, p));
  if (p.type == kEventTopic) {
    PCN_TRY(read_event(*message, p));
  } else {
    PCN_TRY(read_heartbeat(*message, p));
  }
  return p;
}

bool is_epoch(std::string_view epoch) {
  if (epoch.size() != 16) return false;
  for (char c : epoch) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// --- Arguments ---

util::Result<int> arg_int(const Json& args, const char* name, int min) {
  int value = 0;
  Fields f(args, "args");
  f.read(name, value, min);
  if (!f.ok()) return f.error();
  return value;
}

util::Result<std::int64_t> arg_id(const Json& args, const char* name) {
  std::int64_t value = 0;
  Fields f(args, "args");
  f.read(name, value, 1);
  if (!f.ok()) return f.error();
  return value;
}

util::Result<std::string> arg_string(const Json& args, const char* name) {
  return arg<std::string>(args, name, {}, &Fields::read);
}

util::Result<std::string> arg_string_or(const Json& args, const char* name, std::string fallback) {
  if (!has_arg(args, name)) return fallback;
  return arg_string(args, name);
}

util::Result<std::string> arg_text_or(const Json& args, const char* name, std::size_t max_bytes) {
  auto text = arg_string_or(args, name, "");
  if (!text.ok() || text->size() <= max_bytes) return text;
  Fields f(args, "args");
  f.invalid(name, text::expect_text_length(0, static_cast<int>(max_bytes)));
  return f.error();
}

util::Result<bool> arg_bool(const Json& args, const char* name) {
  return arg<bool>(args, name, false, &Fields::read);
}

util::Result<bool> arg_bool_or(const Json& args, const char* name, bool fallback) {
  if (!has_arg(args, name)) return fallback;
  return arg_bool(args, name);
}

util::Result<char> arg_service(const Json& args, const char* name) {
  return arg<char>(args, name, 'A', &Fields::read_letter);
}

util::Result<std::string> arg_services(const Json& args, const char* name) {
  return arg<std::string>(args, name, {}, &Fields::read_letters);
}

util::Result<util::LocalDate> arg_date(const Json& args, const char* name) {
  return arg<util::LocalDate>(args, name, {}, &Fields::read);
}

std::string to_wire(const Json& message) {
  return message.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace pcn::protocol
