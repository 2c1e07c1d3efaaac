// The message envelopes of docs/protocol.md: requests, replies, events, heartbeats, roles, args.
#include <doctest/doctest.h>

#include <string>

#include "protocol/messages.h"
#include "test_protocol_samples.h"

using pcn::protocol::Json;
namespace protocol = pcn::protocol;
namespace queue = pcn::queue;
namespace testing = pcn::testing;
namespace util = pcn::util;
using protocol::Role;

namespace {

const std::string kEpoch = "5f3a9c0e12d4b678";

/// A valid request body with one member replaced (or removed, when `value` is discarded).
std::string request_with(const std::string& key, const Json& value) {
  Json j = {{"v", 1}, {"type", "call_next"}, {"client", "console-2/8f3a1c"}, {"req", 42},
            {"args", {{"counter", 2}}}};
  if (value.is_discarded()) {
    j.erase(key);
  } else {
    j[key] = value;
  }
  return j.dump();
}

const Json kRemoved = Json(Json::value_t::discarded);

/// parse_request refuses `frame` with `code`, naming `field` when given, and addresses the reply
/// to `req`.
void check_request_refused(const std::string& frame, const std::string& code,
                           std::optional<std::int64_t> req, const std::string& field = "") {
  auto parsed = protocol::parse_request(frame);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.request.error().code == code);
  CHECK(parsed.req == req);
  if (!field.empty()) {
    CHECK_MESSAGE(parsed.request.error().message.find("« " + field + " »") != std::string::npos,
                  parsed.request.error().message);
  }
}

}  // namespace

TEST_CASE("protocol::parse_request reads a well-formed request") {
  auto parsed = protocol::parse_request(
      R"({"v":1,"type":"take_ticket","client":"kiosque-entrée/1a2b","req":7,)"
      R"("args":{"service":"C","priority":true},"future_field":"ignored"})");
  REQUIRE(parsed.ok());
  const auto& r = parsed.request.value();
  CHECK(r.type == "take_ticket");
  CHECK(r.client == "kiosque-entrée/1a2b");
  CHECK(r.req == 7);
  CHECK(parsed.req == 7);
  CHECK(r.args == Json{{"service", "C"}, {"priority", true}});
}

TEST_CASE("protocol::parse_request gives an empty args object when the request has none") {
  auto parsed = protocol::parse_request(R"({"v":1,"type":"hello","client":"display-1","req":1})");
  REQUIRE(parsed.ok());
  CHECK(parsed.request->args.is_object());
  CHECK(parsed.request->args.empty());
  auto null_args = protocol::parse_request(request_with("args", nullptr));
  REQUIRE(null_args.ok());
  CHECK(null_args.request->args.empty());
}

TEST_CASE("protocol::request_message builds what parse_request reads") {
  std::string frame = protocol::request_message(protocol::request_type::transfer, "console-3/x", 9,
                                                {{"counter", 3}, {"service", "F"}});
  auto parsed = protocol::parse_request(frame);
  REQUIRE(parsed.ok());
  CHECK(parsed.request->type == "transfer");
  CHECK(parsed.request->client == "console-3/x");
  CHECK(parsed.request->req == 9);
  CHECK(protocol::arg_service(parsed.request->args, "service").value() == 'F');
}

TEST_CASE("protocol::parse_request refuses garbage without an address to reply to") {
  for (std::string garbage : {std::string(""), std::string("\xff\xfe\x00\x01garbage", 11),
                              std::string("{"), std::string("{\"v\":1,}"),
                              std::string("hello"), std::string("{\"v\":1} trailing")}) {
    CAPTURE(garbage);
    check_request_refused(garbage, "bad_request", std::nullopt);
  }
  auto parsed = protocol::parse_request("not json");
  CHECK(parsed.request.error().message ==
        "Message illisible : ce n’est pas du JSON valide en UTF-8.");
}

TEST_CASE("protocol::parse_request refuses invalid UTF-8 inside a string") {
  check_request_refused("{\"v\":1,\"type\":\"hello\",\"client\":\"k\xc3\x28\",\"req\":3}",
                        "bad_request", std::nullopt);
}

TEST_CASE("protocol::parse_request refuses JSON that is not an object") {
  for (const char* frame : {"[1,2,3]", "42", "null", "\"call_next\"", "true"}) {
    CAPTURE(frame);
    check_request_refused(frame, "bad_request", std::nullopt);
  }
  CHECK(protocol::parse_request("[]").request.error().message ==
        "Message invalide : il faut un objet JSON.");
}

TEST_CASE("protocol::parse_request checks the protocol version") {
  SUBCASE("another version is bad_version, still addressed to the request") {
    check_request_refused(request_with("v", 2), "bad_version", 42);
    CHECK(protocol::parse_request(request_with("v", 2)).request.error().message ==
          "Version du protocole non prise en charge : 2 (ce serveur parle la version 1).");
  }
  SUBCASE("a missing or mistyped version is bad_request naming v") {
    check_request_refused(request_with("v", kRemoved), "bad_request", 42, "v");
    check_request_refused(request_with("v", "1"), "bad_request", 42, "v");
    check_request_refused(request_with("v", 1.0), "bad_request", 42, "v");
  }
}

TEST_CASE("protocol::parse_request refuses an unknown request type") {
  check_request_refused(request_with("type", "delete_everything"), "unknown_type", 42);
  check_request_refused(request_with("type", "reply"), "unknown_type", 42);
  check_request_refused(request_with("type", kRemoved), "bad_request", 42, "type");
  check_request_refused(request_with("type", 3), "bad_request", 42, "type");
}

TEST_CASE("protocol::parse_request requires a client id of 1 to 64 bytes") {
  check_request_refused(request_with("client", kRemoved), "bad_request", 42, "client");
  check_request_refused(request_with("client", ""), "bad_request", 42, "client");
  check_request_refused(request_with("client", std::string(65, 'k')), "bad_request", 42,
                        "client");
  check_request_refused(request_with("client", 12), "bad_request", 42, "client");
  CHECK(protocol::parse_request(request_with("client", std::string(64, 'k'))).ok());
  CHECK(protocol::parse_request(request_with("client", "Zoé")).ok());
}

TEST_CASE("protocol::parse_request requires req to be an integer of at least 1") {
  for (const Json& bad : {Json(0), Json(-1), Json("42"), Json(1.5), Json(nullptr), kRemoved,
                          Json(18446744073709551615ULL)}) {
    CAPTURE(bad.dump());
    check_request_refused(request_with("req", bad), "bad_request", std::nullopt, "req");
  }
  auto big = protocol::parse_request(request_with("req", 9007199254740993LL));
  REQUIRE(big.ok());
  CHECK(big.request->req == 9007199254740993LL);
}

TEST_CASE("protocol::parse_request refuses args that are not an object") {
  check_request_refused(request_with("args", Json::array({2})), "bad_request", 42, "args");
  check_request_refused(request_with("args", "counter=2"), "bad_request", 42, "args");
}

TEST_CASE("protocol::parse_request refuses frames over 64 KiB") {
  std::string body = request_with("req", 5);
  std::string at_limit = body + std::string(protocol::kMaxRequestBytes - body.size(), ' ');
  REQUIRE(at_limit.size() == 65536);
  CHECK(protocol::parse_request(at_limit).ok());

  auto parsed = protocol::parse_request(at_limit + " ");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.request.error().code == "too_large");
  CHECK(parsed.request.error().message ==
        "Requête trop volumineuse : 65537 octets (maximum 65536).");
  CHECK_FALSE(parsed.req.has_value());
}

TEST_CASE("protocol::parse_request refuses deeply nested frames without crashing") {
  check_request_refused(std::string(protocol::kMaxRequestBytes, '['), "bad_request",
                        std::nullopt);
  std::string deep = std::string(30000, '[') + std::string(30000, ']');
  check_request_refused(
      R"({"v":1,"type":"call_next","client":"c","req":42,"args":{"counter":2,"deep":)" + deep +
          "}}",
      "bad_request", std::nullopt);
  auto shallow = protocol::parse_request(
      R"({"v":1,"type":"call_next","client":"c","req":42,"args":{"counter":2,"deep":)" +
      std::string(30, '[') + std::string(30, ']') + "}}");
  CHECK(shallow.ok());
  // Brackets inside strings are text, not nesting.
  auto brackets = protocol::parse_request(request_with("client", std::string(60, '[')));
  CHECK(brackets.ok());
}

TEST_CASE("protocol::reply_ok and parse_reply round-trip a result") {
  Json result = {{"ticket", {{"label", "C-042"}}},
                 {"ahead", 3},
                 {"estimated_wait_minutes", nullptr},
                 {"seq", 118}};
  std::string frame = protocol::reply_ok(42, result);
  CHECK(Json::parse(frame) ==
        Json{{"v", 1}, {"type", "reply"}, {"req", 42}, {"ok", true}, {"result", result}});
  auto reply = protocol::parse_reply(frame);
  REQUIRE(reply.ok());
  CHECK(reply->req == 42);
  CHECK(reply->ok);
  CHECK(reply->result == result);
}

TEST_CASE("protocol::reply_error and parse_reply round-trip a French error") {
  auto refusal = util::make_error("counter_paused",
                                  "Le guichet 2 est en pause : reprenez d’abord.");
  std::string frame = protocol::reply_error(17, refusal);
  CHECK(frame.find("reprenez d’abord") != std::string::npos);  // UTF-8 as is
  auto reply = protocol::parse_reply(frame);
  REQUIRE(reply.ok());
  CHECK(reply->req == 17);
  CHECK_FALSE(reply->ok);
  CHECK(reply->error.code == "counter_paused");
  CHECK(reply->error.message == "Le guichet 2 est en pause : reprenez d’abord.");

  auto unaddressed = protocol::parse_reply(protocol::reply_error(std::nullopt, refusal));
  REQUIRE(unaddressed.ok());
  CHECK_FALSE(unaddressed->req.has_value());
  CHECK(Json::parse(protocol::reply_error(std::nullopt, refusal))["req"].is_null());
}

TEST_CASE("protocol::reply_error never fails on invalid UTF-8 in a message") {
  auto e = util::make_error("storage_error", "disque : \xff\xfe illisible");
  std::string frame;
  CHECK_NOTHROW(frame = protocol::reply_error(3, e));
  auto reply = protocol::parse_reply(frame);
  REQUIRE(reply.ok());
  CHECK(reply->error.message == "disque : \xEF\xBF\xBD\xEF\xBF\xBD illisible");
}

TEST_CASE("protocol::parse_reply refuses malformed replies") {
  auto code_of = [](const std::string& frame) {
    auto r = protocol::parse_reply(frame);
    return r.ok() ? std::string("ok") : r.error().code;
  };
  CHECK(code_of("") == "bad_request");
  CHECK(code_of(R"({"v":2,"type":"reply","req":1,"ok":true,"result":{}})") == "bad_version");
  CHECK(code_of(R"({"v":1,"type":"event","req":1,"ok":true,"result":{}})") == "bad_request");
  CHECK(code_of(R"({"v":1,"type":"reply","req":1,"ok":true})") == "bad_request");
  CHECK(code_of(R"({"v":1,"type":"reply","req":1,"ok":false})") == "bad_request");
  CHECK(code_of(R"({"v":1,"type":"reply","req":1,"ok":false,"error":{"code":"x"}})") ==
        "bad_request");
  CHECK(code_of(R"({"v":1,"type":"reply","req":0,"ok":true,"result":{}})") == "bad_request");
  CHECK(code_of(R"({"v":1,"type":"reply","req":1,"ok":"yes","result":{}})") == "bad_request");
  auto r =
      protocol::parse_reply(R"({"v":1,"type":"reply","req":1,"ok":false,"error":{"code":"x"}})");
  CHECK(r.error().message == "Champ « error.message » manquant.");
}

TEST_CASE("protocol::event_message and parse_published round-trip an event") {
  auto change = testing::call_change();
  std::vector<queue::ServiceLoad> loads = {testing::busy_load()};
  loads.push_back(testing::busy_load());
  loads.back().service = 'N';
  loads.back().estimated_wait.reset();
  loads.back().wait = {};
  std::string body = protocol::event_message(kEpoch, 118, change, loads);

  auto p = protocol::parse_published("event", body);
  REQUIRE_MESSAGE(p.ok(), p.error().to_string());
  CHECK(p->type == "event");
  CHECK(p->epoch == kEpoch);
  CHECK(p->seq == 118);
  CHECK_FALSE(p->at.has_value());
  REQUIRE(p->change.has_value());
  CHECK(p->change->kind == queue::ChangeKind::ticket_called);
  REQUIRE(p->change->tickets.size() == 2);
  CHECK(p->change->tickets[0].label() == "C-042");
  CHECK(p->change->tickets[0].print_error == change.tickets[0].print_error);
  CHECK(p->change->counters.at(0).agent == "Zoé Wénéhoua");
  REQUIRE(p->loads.size() == 2);
  CHECK(p->loads[0].estimated_wait == std::chrono::minutes(12));
  CHECK(p->loads[1].service == 'N');
  CHECK_FALSE(p->loads[1].estimated_wait.has_value());
}

TEST_CASE("protocol::heartbeat_message and parse_published round-trip a heartbeat") {
  auto at = testing::noumea_time(2026, 11, 23, 9, 30, 1);
  std::string body = protocol::heartbeat_message(kEpoch, 118, at);
  CHECK(Json::parse(body) == Json{{"v", 1}, {"type", "heartbeat"}, {"epoch", kEpoch},
                                  {"seq", 118}, {"at", util::to_unix_ms(at)}});
  auto p = protocol::parse_published("heartbeat", body);
  REQUIRE(p.ok());
  CHECK(p->type == "heartbeat");
  CHECK(p->epoch == kEpoch);
  CHECK(p->seq == 118);
  CHECK(p->at == at);
  CHECK_FALSE(p->change.has_value());
  CHECK(protocol::parse_published("heartbeat", protocol::heartbeat_message(kEpoch, 0, at)).ok());
  CHECK_FALSE(p->central.has_value());
}

TEST_CASE("protocol::heartbeat_message carries the link to the centre when the hub ships") {
  auto at = testing::noumea_time(2026, 11, 23, 9, 30, 1);
  const protocol::CentralLink link{false, 96, 120, at - std::chrono::hours(3),
                                   "le centre ne répond pas"};
  auto p = protocol::parse_published("heartbeat", protocol::heartbeat_message(kEpoch, 120, at, link));
  REQUIRE(p.ok());
  REQUIRE(p->central.has_value());
  CHECK(*p->central == link);
  const protocol::CentralLink never{false, 0, 4, std::nullopt, ""};
  CHECK(protocol::parse_published("heartbeat", protocol::heartbeat_message(kEpoch, 4, at, never))
            ->central == never);
  Json bad = Json::parse(protocol::heartbeat_message(kEpoch, 120, at, link));
  bad["central"]["acknowledged"] = "beaucoup";
  CHECK_FALSE(protocol::parse_published("heartbeat", bad.dump()).ok());
}

TEST_CASE("protocol::parse_published refuses malformed published messages") {
  auto at = testing::noumea_time(2026, 11, 23, 9, 30, 1);
  std::string heartbeat = protocol::heartbeat_message(kEpoch, 5, at);
  auto code_of = [](std::string_view topic, const std::string& body) {
    auto r = protocol::parse_published(topic, body);
    return r.ok() ? std::string("ok") : r.error().code;
  };
  CHECK(code_of("event", heartbeat) == "bad_request");  // topic and type differ
  CHECK(code_of("heartbeat", "garbage") == "bad_request");
  CHECK(code_of("news", R"({"v":1,"type":"news","epoch":"5f3a9c0e12d4b678","seq":1})") ==
        "unknown_type");
  CHECK(code_of("heartbeat", protocol::heartbeat_message("5F3A9C0E12D4B678", 5, at)) ==
        "bad_request");
  CHECK(code_of("heartbeat", protocol::heartbeat_message("boot-1", 5, at)) == "bad_request");

  Json j = Json::parse(heartbeat);
  j["v"] = 3;
  CHECK(code_of("heartbeat", j.dump()) == "bad_version");

  Json event = Json::parse(protocol::event_message(kEpoch, 7, testing::call_change(), {}));
  event["seq"] = 0;
  CHECK(code_of("event", event.dump()) == "bad_request");
  event["seq"] = 7;
  event["change"]["tickets"][0]["number"] = "42";
  auto r = protocol::parse_published("event", event.dump());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("« change.tickets[0].number »") != std::string::npos);
  event = Json::parse(protocol::event_message(kEpoch, 7, testing::call_change(),
                                              {testing::busy_load()}));
  event["loads"][0].erase("open_counters");
  r = protocol::parse_published("event", event.dump());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "Champ « loads[0].open_counters » manquant.");
}

TEST_CASE("protocol::is_epoch accepts 16 lower-case hexadecimal digits only") {
  CHECK(protocol::is_epoch("0123456789abcdef"));
  CHECK_FALSE(protocol::is_epoch("0123456789ABCDEF"));
  CHECK_FALSE(protocol::is_epoch("0123456789abcde"));
  CHECK_FALSE(protocol::is_epoch("0123456789abcdefa"));
  CHECK_FALSE(protocol::is_epoch("0123456789abcdeg"));
}

TEST_CASE("protocol::role_may follows the permission table") {
  using protocol::role_may;
  for (auto role : {Role::kiosk, Role::agent, Role::display, Role::supervisor}) {
    CAPTURE(protocol::to_string(role));
    CHECK(role_may(role, "hello"));
    CHECK(role_may(role, "snapshot"));
    CHECK_FALSE(role_may(role, "no_such_request"));
  }
  for (auto type : protocol::request_types()) {
    CAPTURE(type);
    CHECK(role_may(Role::supervisor, type));
    bool counter_op = type == "call_next" || type == "call_ticket" || type == "recall" ||
                      type == "no_show" || type == "finish" || type == "pause" ||
                      type == "resume" || type == "transfer" || type == "update_counter" ||
                      type == "reprint" || type == "record_outcome" ||
                      type == "record_workshop";
    bool kiosk_op = type == "take_ticket" || type == "report_print";
    bool open = type == "hello" || type == "snapshot";
    CHECK(role_may(Role::agent, type) == (open || counter_op));
    CHECK(role_may(Role::kiosk, type) == (open || kiosk_op));
    CHECK(role_may(Role::display, type) == open);
  }
  CHECK_FALSE(role_may(Role::display, "call_next"));
  CHECK(role_may(Role::kiosk, "take_ticket"));
  CHECK_FALSE(role_may(Role::agent, "take_ticket"));
  CHECK_FALSE(role_may(Role::agent, "close_day"));
  CHECK_FALSE(role_may(Role::kiosk, "tickets"));
  CHECK_FALSE(role_may(Role::kiosk, "reprint"));  // an agent asks; the kiosk reacts to the event
  CHECK(protocol::changes_state("reprint"));
  CHECK_FALSE(role_may(Role::kiosk, "record_outcome"));
  CHECK_FALSE(role_may(Role::display, "record_workshop"));
  CHECK(protocol::changes_state("record_outcome"));
  CHECK(protocol::request_types().size() == 18);
}

TEST_CASE("protocol::Role names round-trip and forbidden explains the refusal") {
  for (auto role : {Role::kiosk, Role::agent, Role::display, Role::supervisor}) {
    CHECK(protocol::role_from_string(protocol::to_string(role)) == role);
  }
  CHECK_FALSE(protocol::role_from_string("admin").has_value());
  CHECK_FALSE(protocol::role_from_string("Kiosk").has_value());
  auto e = protocol::forbidden(Role::display, "call_next");
  CHECK(e.code == "forbidden");
  CHECK(e.message == "L’opération « call_next » n’est pas permise au rôle « display ».");
}

TEST_CASE("protocol::changes_state marks the requests whose replies are kept for retries") {
  for (auto type : {"take_ticket", "call_next", "call_ticket", "recall", "no_show", "finish",
                    "pause", "resume", "transfer", "update_counter", "report_print", "close_day"}) {
    CAPTURE(type);
    CHECK(protocol::changes_state(type));
  }
  CHECK_FALSE(protocol::changes_state("hello"));
  CHECK_FALSE(protocol::changes_state("snapshot"));
  CHECK_FALSE(protocol::changes_state("tickets"));
  CHECK_FALSE(protocol::changes_state("unknown"));
}

TEST_CASE("protocol arg helpers read arguments and name the faulty one") {
  Json args = {{"counter", 2}, {"label", "C-042"}, {"priority", true}, {"service", "F"},
               {"services", "CFN"}, {"from", "2026-11-01"}, {"ticket", 1042}};
  CHECK(protocol::arg_int(args, "counter").value() == 2);
  CHECK(protocol::arg_id(args, "ticket").value() == 1042);
  CHECK(protocol::arg_string(args, "label").value() == "C-042");
  CHECK(protocol::arg_bool(args, "priority").value());
  CHECK(protocol::arg_service(args, "service").value() == 'F');
  CHECK(protocol::arg_services(args, "services").value() == "CFN");
  CHECK(protocol::arg_date(args, "from")->to_string() == "2026-11-01");
  CHECK_FALSE(protocol::arg_bool_or(args, "absent", false).value());
  CHECK(protocol::arg_bool_or(args, "priority", false).value());
  CHECK(protocol::arg_string_or(args, "error", "").value().empty());

  auto missing = protocol::arg_int(Json::object(), "counter");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "bad_request");
  CHECK(missing.error().message == "Champ « args.counter » manquant.");

  auto check_bad = [](const util::Error& e, const std::string& field) {
    CHECK(e.code == "bad_request");
    CHECK_MESSAGE(e.message.find("« args." + field + " »") != std::string::npos, e.message);
  };
  Json bad = {{"counter", "2"}, {"priority", "oui"}, {"service", "c"}, {"services", "C,F"},
              {"from", "01/11/2026"}, {"ticket", 0}, {"label", 42}};
  check_bad(protocol::arg_int(bad, "counter").error(), "counter");
  check_bad(protocol::arg_int(Json{{"counter", 0}}, "counter").error(), "counter");
  check_bad(protocol::arg_bool(bad, "priority").error(), "priority");
  check_bad(protocol::arg_bool_or(bad, "priority", false).error(), "priority");
  check_bad(protocol::arg_service(bad, "service").error(), "service");
  check_bad(protocol::arg_services(bad, "services").error(), "services");
  check_bad(protocol::arg_date(bad, "from").error(), "from");
  check_bad(protocol::arg_id(bad, "ticket").error(), "ticket");
  check_bad(protocol::arg_string(bad, "label").error(), "label");
  check_bad(protocol::arg_string_or(bad, "label", "").error(), "label");
}
