// docs/protocol.md and the code agree: every example of the document is read by the parsers and
// decoders, and the document names every request type and error code.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "protocol/codec.h"
#include "protocol/messages.h"

using pcn::protocol::Json;
namespace protocol = pcn::protocol;
namespace ec = pcn::protocol::error_code;

namespace {

struct Example {
  std::string kind;  ///< the word after "json" in the fence: request, reply, event, ticket…
  std::string body;
  int line = 0;
};

std::string read_document() {
  auto path = std::filesystem::path(__FILE__).parent_path().parent_path() / "docs" / "protocol.md";
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The fenced blocks opened by "```json <kind>".
std::vector<Example> examples(const std::string& doc) {
  std::vector<Example> out;
  std::istringstream lines(doc);
  std::string line;
  Example* open = nullptr;
  for (int n = 1; std::getline(lines, line); ++n) {
    if (open != nullptr) {
      if (line.rfind("```", 0) == 0) {
        open = nullptr;
      } else {
        open->body += line + "\n";
      }
    } else if (line.rfind("```json ", 0) == 0) {
      out.push_back({line.substr(8), "", n});
      open = &out.back();
    }
  }
  return out;
}

template <typename Decode>
void check_list(const Json& result, const char* key, Decode decode) {
  if (!result.contains(key)) return;
  REQUIRE(result[key].is_array());
  for (const auto& item : result[key]) {
    auto decoded = decode(item);
    CHECK_MESSAGE(decoded.ok(), key << ": " << decoded.error().to_string());
  }
}

/// The values a result carries decode like the values of § 5.
void check_result(const Json& result) {
  const bool test_ticket = result.value("test", false);
  if (result.contains("ticket") && !result["ticket"].is_null()) {
    auto t = test_ticket ? protocol::decode_test_ticket_at(result["ticket"], "result.ticket")
                         : protocol::decode_ticket(result["ticket"]);
    CHECK_MESSAGE(t.ok(), t.error().to_string());
  }
  if (result.contains("counter")) {
    auto c = protocol::decode_counter(result["counter"]);
    CHECK_MESSAGE(c.ok(), c.error().to_string());
  }
  check_list(result, "tickets", protocol::decode_ticket);
  check_list(result, "counters", protocol::decode_counter);
  check_list(result, "services", protocol::decode_service);
  check_list(result, "loads", protocol::decode_service_load);
  if (result.contains("epoch")) CHECK(protocol::is_epoch(result["epoch"].get<std::string>()));
  if (result.contains("agency")) {
    for (const char* key : {"id", "name", "timezone"}) CHECK(result["agency"][key].is_string());
  }
}

void check_example(const Example& e) {
  if (e.kind == "request") {
    auto parsed = protocol::parse_request(e.body);
    CHECK_MESSAGE(parsed.ok(), parsed.request.error().to_string());
  } else if (e.kind == "reply") {
    auto reply = protocol::parse_reply(e.body);
    REQUIRE_MESSAGE(reply.ok(), reply.error().to_string());
    if (reply->ok) check_result(reply->result);
  } else if (e.kind == "event" || e.kind == "heartbeat") {
    auto published = protocol::parse_published(e.kind, e.body);
    CHECK_MESSAGE(published.ok(), published.error().to_string());
  } else {
    Json value = Json::parse(e.body, nullptr, false);
    REQUIRE_FALSE(value.is_discarded());
    bool ok = e.kind == "ticket"    ? protocol::decode_ticket(value).ok()
              : e.kind == "counter" ? protocol::decode_counter(value).ok()
              : e.kind == "service" ? protocol::decode_service(value).ok()
              : e.kind == "load"    ? protocol::decode_service_load(value).ok()
              : e.kind == "change"  ? protocol::decode_change(value).ok()
                                    : false;
    CHECK_MESSAGE(ok, "unknown kind or invalid value: " << e.kind);
  }
}

}  // namespace

TEST_CASE("docs/protocol.md examples are valid messages and values") {
  auto all = examples(read_document());
  std::map<std::string, int> count;
  for (const auto& e : all) {
    CAPTURE(e.line);
    CAPTURE(e.kind);
    check_example(e);
    ++count[e.kind];
  }
  CHECK(count["request"] >= 8);
  CHECK(count["reply"] >= 8);
  CHECK(count["event"] >= 2);
  CHECK(count["heartbeat"] >= 2);
  for (const char* value : {"ticket", "counter", "service", "load", "change"}) {
    CHECK_MESSAGE(count[value] == 1, value);
  }
}

TEST_CASE("docs/protocol.md specifies every request type, role and error code") {
  const std::string doc = read_document();
  for (auto type : protocol::request_types()) {
    CAPTURE(type);
    CHECK(doc.find("`" + std::string(type) + "`") != std::string::npos);
  }
  for (auto kind : {pcn::queue::ChangeKind::ticket_issued, pcn::queue::ChangeKind::ticket_printed,
                    pcn::queue::ChangeKind::day_rolled, pcn::queue::ChangeKind::reprint_requested,
                    pcn::queue::ChangeKind::ticket_reprinted, pcn::queue::ChangeKind::test_ticket,
                    pcn::queue::ChangeKind::outcome_recorded,
                    pcn::queue::ChangeKind::workshop_recorded}) {
    const std::string name(pcn::queue::to_string(kind));
    CAPTURE(name);
    CHECK(doc.find("`" + name + "`") != std::string::npos);
  }
  for (auto role : {protocol::Role::kiosk, protocol::Role::agent, protocol::Role::display,
                    protocol::Role::supervisor}) {
    CHECK(doc.find("| `" + std::string(protocol::to_string(role)) + "` |") != std::string::npos);
  }
  for (auto code : {ec::bad_request, ec::bad_version, ec::unknown_type, ec::too_large,
                    ec::forbidden, ec::storage_error, ec::internal, ec::unknown_counter,
                    ec::unknown_service, ec::unknown_ticket, ec::counter_paused,
                    ec::counter_not_paused, ec::counter_busy, ec::no_ticket_at_counter,
                    ec::ticket_not_at_counter,
                    ec::queue_empty, ec::ticket_not_callable, ec::same_service,
                    ec::agency_closed, ec::stale_day, ec::unknown_code,
                    ec::ticket_not_served}) {
    CAPTURE(code);
    CHECK(doc.find("| `" + std::string(code) + "` |") != std::string::npos);
  }
}

TEST_CASE("docs/protocol.md quotes the error messages the code produces") {
  const std::string doc = read_document();
  auto quoted = [&](const std::string& message) {
    CHECK_MESSAGE(doc.find(message) != std::string::npos, message);
  };
  quoted(protocol::forbidden(protocol::Role::display, "call_next").message);
  quoted(protocol::arg_service(Json{{"counter", 2}}, "service").error().message);
  quoted(protocol::parse_request("take a ticket please").request.error().message);
  CHECK(doc.find("65 536 bytes") != std::string::npos);
  CHECK(protocol::kMaxRequestBytes == 65536);
}
