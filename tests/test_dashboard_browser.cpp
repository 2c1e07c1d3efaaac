// The dashboard as a person sees it, in Debian's headless Chromium (tests/dashboard_browser.py,
// Selenium): the login done with the keyboard, every chart drawn (coloured pixels on each
// canvas, not a blank one), the table « Attente par agence » on the page equal to SQL, every
// visible text of WCAG AA contrast, the skip link first in the keyboard order, no sideways
// scrolling at 1366x768 or on a 390x844 phone, and the ticket page of a waiting ticket.
// PCN_DASHBOARD_SHOTS=DIR keeps the screenshots there (docs/ holds the ones of the issue).
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <thread>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "support/dashboard_fixture.h"
#include "support/temp_dir.h"

using namespace pcn;
using Json = nlohmann::json;

namespace {

std::string output_of(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
  pclose(p);
  return out;
}

bool have_browser() {
  return std::filesystem::exists("/usr/bin/chromium") &&
         std::filesystem::exists("/usr/bin/chromedriver") &&
         std::system("/usr/bin/python3 -c 'import selenium' 2>/dev/null") == 0;
}

void check_page(const Json& page, const std::string& name) {
  INFO(name << ": " << page.dump());
  CHECK(page["charts"].get<int>() >= 10);
  CHECK(page["drawn"] == page["charts"]);
  for (const Json& pixels : page["pixels"]) CHECK(pixels.get<int>() > 500);
  CHECK(page["contrast"]["checked"].get<int>() > 50);
  CHECK(page["contrast"]["worst"].is_null());
  CHECK(page["sideways"].get<int>() <= 0);
  CHECK(page["skip"] == "Aller au contenu");
}

}  // namespace

TEST_CASE("dashboard_browser: the pages in headless Chromium, as a person sees them") {
  if (!testing::have_postgres() || !have_browser()) {
    MESSAGE("chromium, chromedriver or python3-selenium missing: .ci/install-deps installs them");
    CHECK(std::getenv("CI") == nullptr);
    return;
  }
  testing::DashboardFixture bench;
  auto store = central::CentralStore::open(bench.pg().conninfo());
  REQUIRE(store.ok());
  testing::TodayHub hub(*store);
  hub.ship(hub.engine().issue('C', false, hub.now()));
  const queue::Change mine = hub.ship(hub.engine().issue('C', false, hub.now()));
  REQUIRE(mine.ticket);
  const std::string follow =
      "/suivre/" + protocol::follow_token(testing::test_follow_key(), "bourail",
                                          testing::TodayHub::today(), *mine.ticket);
  testing::TempDir shots;
  const char* keep = std::getenv("PCN_DASHBOARD_SHOTS");
  const std::string out = keep ? std::string(keep) : shots.path().string();
  const std::string command = "/usr/bin/python3 " PCN_TESTS_DIR "/dashboard_browser.py " + bench.url() +
                              " " + testing::kPassword + " " + follow + " '" + out + "' 2>" +
                              shots.path().string() + "/stderr.txt";
  // the hub's keep-alive every 5 s while the browser looks (its link stays up)
  std::atomic<bool> looking{true};
  std::thread alive([&] {
    while (looking) {
      hub.keep_alive();
      for (int i = 0; i < 50 && looking; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  const std::string printed = output_of(command);
  looking = false;
  alive.join();
  INFO(bench.log());
  INFO(printed);
  INFO(output_of("tail -20 '" + shots.path().string() + "/stderr.txt'"));
  const Json result = Json::parse(printed, nullptr, false);
  REQUIRE(result.is_object());

  CHECK(result["first_focus"] == "login");
  CHECK(result["after_login"].get<std::string>().find("/tableau") != std::string::npos);
  check_page(result["tableau-1366x768"], "tableau-1366x768");
  check_page(result["agence-1366x768"], "agence-1366x768");
  check_page(result["tableau-390x844"], "tableau-390x844");
  CHECK(result["tableau-1366x768"]["title"].get<std::string>().find("Toutes les agences") == 0);

  // the waits as the page shows them, against SQL on the tickets
  const Json& waits = result["tableau-1366x768"]["waits"];
  REQUIRE(waits.size() == 4);
  CHECK(waits[0][0] == "OPT Bourail");
  auto sql = [&bench](const std::string& q) {
    std::string s = bench.pg().psql(q);
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
  };
  const std::string where = "WHERE agency = 'bourail' AND day BETWEEN '2026-11-02' AND '2026-11-29'";
  CHECK(waits[0][2] == sql("SELECT count(*) FROM pilot_tickets " + where + " AND state = 'done'"));
  CHECK(waits[0][6] == sql("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY least(wait_seconds / 60, 120)) "
                           "FROM pilot_tickets " + where + " AND state IN ('done', 'called')"));

  const std::string text = result["follow"]["text"];
  CHECK(text.find("1 personne avant vous") != std::string::npos);
  CHECK(text.find("C-002") != std::string::npos);
  CHECK(result["follow"]["contrast"]["worst"].is_null());
  CHECK(result["follow_phone_sideways"].get<int>() <= 0);
  for (const char* shot : {"tableau-1366x768.png", "agence-1366x768.png", "tableau-390x844.png",
                           "suivre-390x844.png"}) {
    CHECK(std::filesystem::file_size(std::filesystem::path(out) / shot) > 20000);
  }
}
