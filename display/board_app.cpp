#include "display/board_app.h"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include <iostream>

#include "app/display_check.h"

#include "app/startup.h"
#include "board/board_layout.h"
#include "board/board_screen.h"
#include "speech/sfml_announcer.h"
#include "text/catalog.h"

namespace pcn::display {

namespace {

constexpr auto kIdleWait = std::chrono::milliseconds(250);      // nothing moves: wait on the network
constexpr auto kFrame = std::chrono::milliseconds(33);          // ~30 frames/s while animating
constexpr float kScrollSpeed = 0.12f;                           // message scroll, pixels per ms × height/1080
constexpr auto kScrollPause = std::chrono::seconds(40);         // rest between two passes

/// The scrolling message: one pass from right to left, then a pause with the line empty.
class MessageScroll {
 public:
  /// The offset for now, and whether it moves (a message that fits does not).
  float offset(std::chrono::steady_clock::time_point now, float travel, float speed) {
    if (travel <= 0) return 0;
    float ms = std::chrono::duration<float, std::milli>(now - start_).count();
    float pass = travel / speed;
    float pause = std::chrono::duration<float, std::milli>(kScrollPause).count();
    if (ms > pass + pause) {
      start_ = now;
      ms = 0;
    }
    moving_ = ms <= pass;
    return moving_ ? ms * speed : 0;
  }
  bool moving() const { return moving_; }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  bool moving_ = false;
};

}  // namespace

util::Result<sf::Vector2u> parse_size(const std::string& text) {
  auto wh = app::parse_window_size(text);
  if (!wh.ok()) return wh.error();
  return sf::Vector2u(wh->width, wh->height);
}

util::Status run_board(client::Client& client, DisplaySettings settings, const BoardOptions& o,
                       const std::atomic<bool>& stop) {
  PCN_TRY(app::require_display());
  sf::VideoMode mode = sf::VideoMode::getDesktopMode();
  if (!o.size.empty()) {
    auto size = parse_size(o.size);
    if (!size.ok()) return size.error();
    mode = sf::VideoMode(size->x, size->y);
  }
  auto screen = board::BoardScreen::open();
  if (!screen.ok()) return screen.error();
  std::unique_ptr<speech::SfmlAnnouncer> announcer;
  if (o.sound) {
    speech::AnnouncerOptions ao;
    ao.voice = o.voice;
    ao.on_voice_error = [](const util::Error& e) { std::cerr << "display : " << e.message << "\n"; };
    announcer = std::make_unique<speech::SfmlAnnouncer>(std::move(ao));
  }
  bool full = o.size.empty();
  sf::RenderWindow window(mode, "pcn-queue", full ? sf::Style::None : sf::Style::Titlebar | sf::Style::Close);
  window.setPosition({0, 0});
  if (full) window.setMouseCursorVisible(false);
  util::SystemClock clock;
  DisplayController controller(client, announcer.get(), clock, settings);
  MessageScroll scroll;
  std::optional<board::BoardView> shown;
  while (window.isOpen() && !stop.load()) {
    sf::Event e;
    while (window.pollEvent(e)) {
      if (e.type == sf::Event::Closed) window.close();
      if (e.type == sf::Event::Resized) {
        window.setView(sf::View(sf::FloatRect(0, 0, float(e.size.width), float(e.size.height))));
        shown.reset();
      }
    }
    bool sounding = announcer && announcer->update();
    board::BoardView view = controller.view();
    sf::Vector2f size(window.getSize());
    float band = board::BoardLayout(size, !view.alert.empty()).message().width;
    float width = screen->message_width(view.message, size);
    float travel = width > band ? band + width : 0;  // a message that fits stays still
    view.message_offset = scroll.offset(std::chrono::steady_clock::now(), travel,
                                        kScrollSpeed * size.y / 1080.f);
    if (!shown || *shown != view) {
      screen->draw(window, view);
      window.display();
      shown = view;
      if (o.on_frame) o.on_frame();
    }
    bool animating = scroll.moving() || controller.highlighting() || sounding;
    client.pump(animating ? kFrame : kIdleWait);
  }
  return {};
}

util::Status screenshot(client::Client& client, DisplaySettings settings, const std::string& size,
                        const std::filesystem::path& png, std::chrono::milliseconds timeout) {
  auto wh = parse_size(size.empty() ? "1920x1080" : size);
  if (!wh.ok()) return wh.error();
  if (!client.wait_live(timeout)) return util::make_error("unreachable", text::hub_unreachable());
  util::SystemClock clock;
  DisplayController controller(client, nullptr, clock, settings);
  return board::save_screenshot(controller.view(), *wh, png);
}

}  // namespace pcn::display
