// The wall display under Xvfb: its screenshots at two sizes, and its real window.
#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <atomic>
#include <thread>

#include "board/board_layout.h"
#include "display/board_app.h"
#include "support/hub_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;

namespace {

/// Pixels in `zone` that differ from the colour at its top-left corner.
int ink(const sf::Image& image, const sf::FloatRect& zone) {
  sf::Color background = image.getPixel(unsigned(zone.left) + 1, unsigned(zone.top) + 1);
  int n = 0;
  for (unsigned y = unsigned(zone.top); y < unsigned(zone.top + zone.height); y += 2) {
    for (unsigned x = unsigned(zone.left); x < unsigned(zone.left + zone.width); x += 2) {
      if (image.getPixel(x, y) != background) ++n;
    }
  }
  return n;
}

void call_two(testing::TestHub& hub) {
  auto kiosk = hub.client("kiosk", false);
  for (int i = 0; i < 3; ++i) REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  auto agent = hub.client("agent", false);
  REQUIRE(agent->request("call_next", {{"counter", 1}}).ok());
  REQUIRE(agent->request("call_next", {{"counter", 2}}).ok());
}

}  // namespace

TEST_CASE("display::screenshot renders the called number at 1280x720 and 1920x1080") {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
  testing::TestHub hub;
  hub.start();
  call_two(hub);
  for (auto [w, h] : {std::pair{1280u, 720u}, std::pair{1920u, 1080u}}) {
    auto screen = hub.client("display");
    std::string size = std::to_string(w) + "x" + std::to_string(h);
    auto png = hub.dir() / ("display-" + size + ".png");
    display::DisplaySettings settings;
    settings.message = "Bienvenue au Point Conseil Numérique";
    auto shot = display::screenshot(*screen, settings, size, png, 5s);
    REQUIRE_MESSAGE(shot.ok(), (shot.ok() ? "" : shot.error().to_string()));
    sf::Image image;
    REQUIRE(image.loadFromFile(png.string()));
    CHECK(image.getSize() == sf::Vector2u(w, h));
    board::BoardLayout layout{sf::Vector2f(float(w), float(h))};
    CHECK(ink(image, layout.latest_number()) > 200);   // "C-002" is drawn there
    CHECK(ink(image, layout.latest_counter()) > 50);   // "Guichet 2"
    CHECK(ink(image, layout.previous()) > 50);          // C-001 below
  }
}

TEST_CASE("display::run_board shows the hub's calls in a window and stops when asked") {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
  testing::TestHub hub;
  hub.start();
  auto screen = hub.client("display");
  std::atomic<bool> stop{false};
  util::Status shown;
  std::thread ui([&] {
    shown = display::run_board(*screen, {}, {"1280x720", false, true, {}}, stop);
  });
  std::this_thread::sleep_for(1s);
  call_two(hub);
  std::this_thread::sleep_for(2s);  // the chimes play (null audio device)
  stop = true;
  ui.join();
  CHECK_MESSAGE(shown.ok(), (shown.ok() ? "" : shown.error().to_string()));
}
