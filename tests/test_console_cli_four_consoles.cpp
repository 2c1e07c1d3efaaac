// Four agent consoles calling at once against 200 waiting tickets: every ticket is called exactly
// once. Each console runs `agent-console --json --counter N call-next`, then `finish`, as main
// does (agent_console::run_action, a client of its own each time), until the queue is empty.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "agent-console/action_command.h"
#include "store/sqlite_store.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"

using namespace pcn;
using agent_console::Action;
using Json = protocol::Json;

namespace {

constexpr int kTickets = 200;
constexpr int kConsoles = 4;

/// What one console saw; checked by the main thread (doctest assertions stay there).
struct ConsoleLog {
  std::vector<queue::TicketId> called;
  std::vector<std::string> problems;  ///< anything but a clean call, finish or final queue_empty
};

Json run_json(const client::ClientOptions& options, Action action, int counter, int& code) {
  std::ostringstream out, err;
  code = agent_console::run_action(options, {action, counter, 'A', ""}, true, out, err);
  return Json::parse(out.str(), nullptr, false);
}

ConsoleLog console(const client::ClientOptions& options, int counter) {
  ConsoleLog log;
  while (log.problems.empty()) {
    int code = -1;
    Json called = run_json(options, Action::call_next, counter, code);
    if (code == 1 && called["error"]["code"] == "queue_empty") break;
    if (code != 0 || called["ticket"]["counter"] != counter) {
      log.problems.push_back("call-next: " + called.dump());
      break;
    }
    log.called.push_back(called["ticket"]["id"].get<queue::TicketId>());
    Json finished = run_json(options, Action::finish, counter, code);
    if (code != 0 || finished["ticket"]["id"] != called["ticket"]["id"] ||
        finished["ticket"]["state"] != "done") {
      log.problems.push_back("finish: " + finished.dump());
    }
  }
  return log;
}

/// test_rules with four counters that all serve CAFAT.
queue::AgencyRules four_counters_for_cafat() {
  auto rules = testing::test_rules();
  rules.counters = {{1, "Guichet 1", "CF", false, std::nullopt, ""},
                    {2, "Guichet 2", "CN", false, std::nullopt, ""},
                    {3, "Guichet 3", "FC", false, std::nullopt, ""},
                    {4, "Guichet 4", "C", false, std::nullopt, ""}};
  return rules;
}

}  // namespace

TEST_CASE("four agent consoles calling at once call each of 200 waiting tickets exactly once") {
  testing::TestHub hub;
  hub.set_rules(four_counters_for_cafat());
  hub.start();
  std::set<queue::TicketId> issued;
  {
    auto kiosk = hub.client("kiosk", false);
    for (int i = 0; i < kTickets; ++i) {
      auto r = kiosk->request("take_ticket", {{"service", "C"}, {"priority", i % 10 == 0}});
      REQUIRE_MESSAGE(r.ok(), r.error().to_string());
      issued.insert((*r)["ticket"]["id"].get<queue::TicketId>());
    }
  }
  REQUIRE(issued.size() == kTickets);

  std::vector<ConsoleLog> logs(kConsoles);
  {
    std::vector<std::thread> consoles;
    for (int c = 0; c < kConsoles; ++c) {
      auto options = hub.client_options("agent");
      options.name = "console-" + std::to_string(c + 1);
      consoles.emplace_back([&logs, options, c] { logs[c] = console(options, c + 1); });
    }
    for (auto& t : consoles) t.join();
  }

  std::map<queue::TicketId, int> times_called;
  for (int c = 0; c < kConsoles; ++c) {
    INFO("console ", c + 1);
    CHECK(logs[c].problems.empty());
    for (const auto& p : logs[c].problems) MESSAGE(p);
    CHECK(!logs[c].called.empty());  // all four really worked at once
    for (auto id : logs[c].called) ++times_called[id];
  }
  CHECK(times_called.size() == issued.size());
  for (const auto& [id, times] : times_called) {
    INFO("ticket ", id);
    CHECK(times == 1);
    CHECK(issued.count(id) == 1);
  }

  hub.stop();  // the database, as the hub left it
  auto store = store::SqliteStore::open(hub.database());
  REQUIRE_MESSAGE(store.ok(), store.error().to_string());
  auto state = (*store)->load();
  REQUIRE(state.ok());
  REQUIRE(state->has_value());
  const auto& tickets = (*state)->tickets;
  CHECK(tickets.size() == kTickets);
  for (const auto& t : tickets) {
    INFO(t.label());
    CHECK(t.state == queue::TicketState::done);
    CHECK(t.calls == 1);
    CHECK(t.no_shows == 0);
  }
}
