// The wall display's behaviour against a real hub; announcements are recorded, not played.
#include <doctest/doctest.h>

#include "display/display_controller.h"
#include "support/hub_fixture.h"
#include "text/catalog.h"

using namespace pcn;
using namespace std::chrono_literals;

namespace {

class RecordingAnnouncer final : public speech::Announcer {
 public:
  std::vector<std::string> said;
  void announce(const speech::Announcement& a) override {
    said.push_back(a.ticket + "@" + std::to_string(a.counter));
  }
  bool update() override { return false; }
};

void pump_until(client::Client& c, const std::function<bool()>& done) {
  for (int i = 0; i < 300 && !done(); ++i) c.pump(20ms);
}

}  // namespace

TEST_CASE("display::DisplayController shows and announces calls in order, recalls again") {
  testing::TestHub hub;
  hub.start();
  auto screen = hub.client("display");
  REQUIRE(screen->wait_live(5s));
  RecordingAnnouncer voice;
  display::DisplayController board(*screen, &voice, hub.clock(), {});
  CHECK_FALSE(board.view().latest.has_value());

  auto kiosk = hub.client("kiosk", false);
  for (int i = 0; i < 3; ++i) REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  auto agent = hub.client("agent", false);
  REQUIRE(agent->request("call_next", {{"counter", 1}}).ok());
  REQUIRE(agent->request("call_next", {{"counter", 2}}).ok());
  REQUIRE(agent->request("recall", {{"counter", 1}}).ok());
  pump_until(*screen, [&] { return voice.said.size() == 3; });
  CHECK(voice.said == std::vector<std::string>{"C-001@1", "C-002@2", "C-001@1"});

  auto v = board.view();
  REQUIRE(v.latest.has_value());
  CHECK(v.latest->ticket == "C-001");
  CHECK(v.latest->counter == "Guichet 1");
  CHECK(v.latest->colour == "#0072BC");
  CHECK(v.highlight);
  REQUIRE(v.previous.size() == 1);  // one line per ticket
  CHECK(v.previous[0].ticket == "C-002");
  CHECK(v.agency_name == "OPT Test — Point Conseil Numérique");
  CHECK(v.time_text == "09:00");
  CHECK(v.date_text == "lundi 23 novembre 2026");
  REQUIRE(v.queues.size() == 3);
  CHECK(v.queues[0].label == "CAFAT");
  CHECK(v.queues[0].waiting == 1);
  CHECK(v.connection.empty());
  hub.clock().advance(10s);
  CHECK_FALSE(board.view().highlight);
}

TEST_CASE("display::DisplayController started before the hub, then the hub restarted") {
  testing::TestHub hub;
  hub.start();
  auto options = hub.client_options("display");
  hub.stop();
  auto screen = client::Client::connect(options);
  REQUIRE(screen.ok());
  RecordingAnnouncer voice;
  display::DisplayController board(**screen, &voice, hub.clock(), {});
  (*screen)->pump(100ms);
  CHECK(board.view().connection == "Connexion au serveur…");

  hub.start();
  REQUIRE((*screen)->wait_live(10s));
  auto kiosk = hub.client("kiosk", false);
  REQUIRE(kiosk->request("take_ticket", {{"service", "F"}}).ok());
  REQUIRE(hub.client("agent", false)->request("call_next", {{"counter", 3}}).ok());
  pump_until(**screen, [&] { return !voice.said.empty(); });
  CHECK(board.view().latest->ticket == "F-001");

  hub.stop();
  pump_until(**screen, [&] { return !board.view().connection.empty(); });
  CHECK(board.view().connection == "Reconnexion…");
  CHECK(board.view().latest->ticket == "F-001");  // the last state is kept
  hub.start();
  REQUIRE((*screen)->wait_live(10s));
  CHECK(board.view().connection.empty());
  CHECK(board.view().latest->ticket == "F-001");  // rebuilt from the snapshot
  CHECK(voice.said.size() == 1);                  // and not announced again
}

TEST_CASE("display::DisplayController raises the printer alert until the slip is reprinted") {
  testing::TestHub hub;
  hub.start();
  auto screen = hub.client("display");
  REQUIRE(screen->wait_live(5s));
  display::DisplayController board(*screen, nullptr, hub.clock(), {});
  auto kiosk = hub.client("kiosk", false);
  auto taken = kiosk->request("take_ticket", {{"service", "N"}});
  REQUIRE(taken.ok());
  auto id = taken->at("ticket").at("id");
  REQUIRE(kiosk->request("report_print", {{"ticket", id}, {"printed", false}, {"error", "papier"}}).ok());
  pump_until(*screen, [&] { return !board.view().alert.empty(); });
  CHECK(board.view().alert.find("N-001") != std::string::npos);
  REQUIRE(kiosk->request("report_print", {{"ticket", id}, {"printed", true}}).ok());
  pump_until(*screen, [&] { return board.view().alert.empty(); });
  CHECK(board.view().alert.empty());
}

TEST_CASE("display::DisplayController lists every unprinted open ticket, oldest first") {
  testing::TestHub hub;
  hub.start();
  auto screen = hub.client("display");
  REQUIRE(screen->wait_live(5s));
  display::DisplayController board(*screen, nullptr, hub.clock(), {});
  auto kiosk = hub.client("kiosk", false);
  std::vector<protocol::Json> ids;
  for (const char* service : {"C", "F", "C", "N"}) {
    auto taken = kiosk->request("take_ticket", {{"service", service}});
    REQUIRE(taken.ok());
    ids.push_back(taken->at("ticket").at("id"));
  }
  // C-001, F-001 and N-001 do not print; C-002 does.
  for (std::size_t i : {0u, 1u, 3u}) {
    REQUIRE(kiosk->request("report_print", {{"ticket", ids[i]}, {"printed", false},
                                            {"error", "plus de papier"}}).ok());
  }
  REQUIRE(kiosk->request("report_print", {{"ticket", ids[2]}, {"printed", true}}).ok());
  pump_until(*screen, [&] { return board.view().unprinted.size() == 3; });
  CHECK(board.view().unprinted == std::vector<std::string>{"C-001", "F-001", "N-001"});
  CHECK(board.view().alert == text::display_unprinted_alert({"C-001", "F-001", "N-001"}));
  // F-001 reprinted, C-001 served and finished: only N-001 is left.
  REQUIRE(kiosk->request("report_print", {{"ticket", ids[1]}, {"printed", true}}).ok());
  auto agent = hub.client("agent", false);
  REQUIRE(agent->request("call_next", {{"counter", 1}}).ok());
  REQUIRE(agent->request("finish", {{"counter", 1}}).ok());
  pump_until(*screen, [&] { return board.view().unprinted.size() == 1; });
  CHECK(board.view().unprinted == std::vector<std::string>{"N-001"});
  CHECK(board.view().alert == "Ticket non imprimé : N-001 — adressez-vous à un agent");
}
