// The hub closes the business day at local midnight in Nouméa, by itself.
#include <doctest/doctest.h>

#include "store/sqlite_store.h"
#include "support/hub_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;

TEST_CASE("hub::Hub rolls the day over at midnight in Nouméa and clients follow") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  auto display = hub.client("display");
  REQUIRE(display->wait_live(5s));
  std::vector<queue::ChangeKind> seen;
  display->on_change([&](const queue::Change& c) { seen.push_back(c.kind); });

  hub.clock().set(testing::noumea_time(2026, 11, 24, 0, 0, 1));
  for (int i = 0; i < 100 && display->state().day != util::LocalDate{2026, 11, 24}; ++i) {
    display->pump(50ms);
  }
  CHECK(display->state().day == util::LocalDate{2026, 11, 24});
  CHECK(display->state().tickets.empty());
  REQUIRE(seen.size() == 1);
  CHECK(seen[0] == queue::ChangeKind::day_rolled);

  // The morning after: numbering starts again at 1, ids go on.
  hub.clock().set(testing::noumea_time(2026, 11, 24, 7, 45));
  auto first = kiosk->request("take_ticket", {{"service", "C"}});
  REQUIRE(first.ok());
  CHECK(first->at("ticket").at("label") == "C-001");
  CHECK(first->at("ticket").at("id") == 3);
  auto old = hub.client("supervisor", false)->request(
      "tickets", {{"from", "2026-11-23"}, {"to", "2026-11-23"}});
  REQUIRE(old.ok());
  REQUIRE(old->at("tickets").size() == 2);
  CHECK(old->at("tickets")[0].at("state") == "unserved");
}

TEST_CASE("hub::Hub refuses tickets outside opening hours, with the reason") {
  testing::TestHub hub;
  hub.clock().set(testing::noumea_time(2026, 11, 23, 18, 30));
  hub.start();
  auto r = hub.client("kiosk", false)->request("take_ticket", {{"service", "F"}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "agency_closed");
  CHECK(r.error().message.find("fermée") != std::string::npos);
}

TEST_CASE("hub::Hub says so loudly when the machine's clock is behind its data") {
  testing::TestHub hub;
  hub.start();
  hub.clock().set(testing::noumea_time(2026, 11, 24, 8, 0));
  REQUIRE(hub.client("kiosk", false)->request("take_ticket", {{"service", "C"}}).ok());
  hub.stop();
  hub.clock().set(testing::noumea_time(2026, 11, 23, 8, 0));  // the clock went back a day
  std::vector<std::string> lines;
  auto options = hub.options();
  options.log = [&](const std::string& l) { lines.push_back(l); };
  auto store = store::SqliteStore::open(hub.database());
  REQUIRE(store.ok());
  auto started = hub::Hub::start(options, **store, hub.clock());
  REQUIRE(started.ok());
  bool warned = false;
  for (const auto& l : lines) warned |= l.find("ATTENTION") != std::string::npos &&
                                        l.find("2026-11-24") != std::string::npos;
  CHECK(warned);
}
