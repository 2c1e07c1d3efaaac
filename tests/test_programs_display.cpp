// display's text board and its two ways of running, against a real hub (CURVE, the display's
// key), and without one.
#include <doctest/doctest.h>

#include <sstream>
#include <thread>

#include <atomic>
#include <cstdlib>

#include "app/display_check.h"
#include "display/board_app.h"
#include "display/run.h"
#include "display/text_board.h"
#include "support/hub_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;

namespace {

void act(client::Client& c, const std::string& type, protocol::Json args) {
  auto r = c.request(type, std::move(args));
  REQUIRE_MESSAGE(r.ok(), r.error().to_string());
}

bool has(const std::ostringstream& out, const std::string& text) {
  return out.str().find(text) != std::string::npos;
}

/// Pumps `c` until `out` holds `text`, for at most `limit`.
bool pump_until(client::Client& c, const std::ostringstream& out, const std::string& text,
                std::chrono::milliseconds limit = 5s) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!has(out, text) && std::chrono::steady_clock::now() < until) c.pump(20ms);
  return has(out, text);
}

/// A string stream that sets `stop` once it has been flushed with `text` in it: the board's
/// lines end with a flush, so a run can be stopped right after a given line.
class StopWhenWritten : public std::stringbuf {
 public:
  StopWhenWritten(std::string text, std::atomic<bool>& stop)
      : text_(std::move(text)), stop_(stop) {}

 protected:
  int sync() override {
    if (str().find(text_) != std::string::npos) stop_ = true;
    return 0;
  }

 private:
  std::string text_;
  std::atomic<bool>& stop_;
};

}  // namespace

TEST_CASE("display::TextBoard prints each call and recall with the agency's time and counter") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  auto agent = hub.client("agent", false);
  auto screen = hub.client("display");
  std::ostringstream out;
  display::TextBoard board(*screen, util::TimeZone::noumea(), out);
  REQUIRE(pump_until(*screen, out, "En attente : "));

  act(*kiosk, "take_ticket", {{"service", "N"}});
  hub.clock().set(testing::noumea_time(2026, 11, 23, 9, 14));
  act(*agent, "call_next", {{"counter", 2}});
  CHECK(pump_until(*screen, out, "09:14  N-001 → Guichet 2\n"));
  hub.clock().set(testing::noumea_time(2026, 11, 23, 9, 16));
  act(*agent, "recall", {{"counter", 2}});
  CHECK(pump_until(*screen, out, "09:16  N-001 → Guichet 2 (rappel)\n"));

  // One line per call or recall; the ticket's issue is no line of its own.
  CHECK(out.str() ==
        "Connexion au serveur…\nEn attente : CAFAT 0 · Factures EEC / Enercal / CDE 0 · "
        "Identité numérique 0\nConnecté\n09:14  N-001 → Guichet 2\n09:16  N-001 → Guichet 2 (rappel)\n");
}

TEST_CASE("display::TextBoard prints the link's changes and the counts after a hub restart") {
  testing::TestHub hub;
  hub.start();
  auto screen = hub.client("display");
  std::ostringstream out;
  display::TextBoard board(*screen, util::TimeZone::noumea(), out);
  REQUIRE(pump_until(*screen, out, "En attente : CAFAT 0"));
  REQUIRE(pump_until(*screen, out, "Connecté\n"));
  auto kiosk = hub.client("kiosk", false);
  act(*kiosk, "take_ticket", {{"service", "C"}});  // an event: no summary line for it

  hub.stop();
  CHECK(pump_until(*screen, out, "Reconnexion…\n", 6s));
  hub.start();
  // The restarted hub (new epoch) is resynced: the counts it holds now, then live again once its
  // event feed is heard.
  CHECK(pump_until(*screen, out, "Reconnexion…\nEn attente : CAFAT 1 · Factures EEC / Enercal / "
                                 "CDE 0 · Identité numérique 0\nConnecté\n", 8s));
  INFO(out.str());
}

TEST_CASE("display::print_once prints the waiting counts of every service") {
  testing::TestHub hub;
  hub.start();
  auto kiosk = hub.client("kiosk", false);
  for (const char* s : {"C", "C", "F"}) act(*kiosk, "take_ticket", {{"service", s}});

  std::ostringstream out, err;
  CHECK(display::print_once(hub.client_options("display"), out, err) == 0);
  CHECK(out.str() ==
        "En attente : CAFAT 2 · Factures EEC / Enercal / CDE 1 · Identité numérique 0\n");
  CHECK(err.str().empty());
}

TEST_CASE("display::print_once exits 1 with a French message when the hub is unreachable") {
  testing::TestHub hub;
  hub.start();
  auto options = hub.client_options("display");
  hub.stop();

  std::ostringstream out, err;
  CHECK(display::print_once(options, out, err, 1s) == 1);
  CHECK(out.str().empty());
  CHECK(err.str() == "display : Le serveur de la file (" + options.request_endpoint +
                         ") ne répond pas après 1 s : vérifiez que la borne est allumée, le "
                         "réseau et les clés du poste.\n");
}

TEST_CASE("display::follow returns 0 once asked to stop") {
  testing::TestHub hub;
  hub.start();
  std::atomic<bool> stop{false};
  std::atomic<bool> done{false};
  StopWhenWritten buffer("Connecté", stop);
  std::ostream out(&buffer);
  std::ostringstream err;
  // Should the summary never come, stop anyway after 10 s so that the checks below fail.
  std::thread watchdog([&] {
    for (int i = 0; i < 1000 && !done; ++i) std::this_thread::sleep_for(10ms);
    stop = true;
  });
  int status =
      display::follow(hub.client_options("display"), util::TimeZone::noumea(), out, err, stop);
  done = true;
  watchdog.join();
  CHECK(status == 0);
  CHECK(buffer.str() ==
        "Connexion au serveur…\nEn attente : CAFAT 0 · Factures EEC / "
        "Enercal / CDE 0 · Identité numérique 0\nConnecté\n");
  CHECK(err.str().empty());
}

TEST_CASE("display::follow exits 1 when its key is unusable") {
  testing::TestHub hub;
  hub.start();
  auto options = hub.client_options("display");
  options.key.secret_key.clear();
  std::atomic<bool> stop{false};
  std::ostringstream out, err;
  CHECK(display::follow(options, util::TimeZone::noumea(), out, err, stop) == 1);
  CHECK(err.str().rfind("display : ", 0) == 0);
  CHECK(out.str().empty());
}

TEST_CASE("app::require_display says in French that there is no screen, instead of SFML's abort") {
  const char* was = std::getenv("DISPLAY");
  const std::string saved = was ? was : "";
  ::unsetenv("DISPLAY");
  auto unset = app::require_display();
  REQUIRE_FALSE(unset.ok());
  CHECK(unset.error().code == "no_display");
  CHECK(unset.error().message.find("la variable DISPLAY est vide") != std::string::npos);
  ::setenv("DISPLAY", ":987", 1);  // no X server there
  auto absent = app::require_display();
  REQUIRE_FALSE(absent.ok());
  CHECK(absent.error().message.find("l’écran « :987 » ne répond pas") != std::string::npos);
  // with no screen, the wall display's window mode stops with that error (no abort)
  testing::TestHub hub;
  hub.start();
  auto client = hub.client("display");
  display::BoardOptions board{"800x600", false, false, {}};
  std::atomic<bool> stop{true};
  auto shown = display::run_board(*client, display::DisplaySettings{}, board, stop);
  REQUIRE_FALSE(shown.ok());
  CHECK(shown.error().code == "no_display");
  if (saved.empty()) {
    ::unsetenv("DISPLAY");
  } else {
    ::setenv("DISPLAY", saved.c_str(), 1);
    CHECK(app::require_display().ok());  // the test's own X server (xvfb-run) is there
  }
}
