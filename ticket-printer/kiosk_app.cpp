#include "ticket-printer/kiosk_app.h"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include "app/display_check.h"
#include "app/startup.h"
#include "kiosk/kiosk_layout.h"
#include "kiosk/kiosk_screen.h"
#include "text/catalog.h"

namespace pcn::ticket_printer {

namespace {

util::Result<sf::VideoMode> video_mode(const std::string& size) {
  if (size.empty()) return sf::VideoMode::getDesktopMode();
  auto wh = app::parse_window_size(size);
  if (!wh.ok()) return wh.error();
  return sf::VideoMode(wh->width, wh->height);
}

/// The press an input event means, if any.
std::optional<kiosk::Press> press_of(const sf::Event& e, const kiosk::KioskLayout& layout,
                                     const kiosk::KioskView& view) {
  switch (e.type) {
    case sf::Event::MouseButtonPressed:  // touchscreens arrive as mouse presses
      return layout.hit(view, {float(e.mouseButton.x), float(e.mouseButton.y)});
    case sf::Event::TouchBegan:
      return layout.hit(view, {float(e.touch.x), float(e.touch.y)});
    case sf::Event::KeyPressed:
      return layout.key(view, e.key.code);
    default:
      return std::nullopt;
  }
}

/// A finger held still for 3 s on the staff corner (kiosk_layout.h): the staff code page.
class LongPress {
 public:
  void follow(const sf::Event& e, const kiosk::KioskLayout& layout, const kiosk::KioskView& view) {
    std::optional<sf::Vector2f> down;
    if (e.type == sf::Event::MouseButtonPressed) down = {float(e.mouseButton.x), float(e.mouseButton.y)};
    if (e.type == sf::Event::TouchBegan) down = {float(e.touch.x), float(e.touch.y)};
    if (down) {
      held_ = layout.staff_corner(view, *down);
      since_ = Clock::now();
    }
    if (e.type == sf::Event::MouseButtonReleased || e.type == sf::Event::TouchEnded) held_ = false;
  }
  /// True once per long press, when it has lasted 3 s.
  bool fired() {
    if (!held_ || Clock::now() - since_ < std::chrono::seconds(3)) return false;
    held_ = false;
    return true;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool held_ = false;
  Clock::time_point since_{};
};

}  // namespace

util::Status run_kiosk(client::Client& client, printing::Printer& printer, KioskSettings settings,
                       const KioskWindow& window_spec, const std::atomic<bool>& stop) {
  PCN_TRY(app::require_display());
  auto mode = video_mode(window_spec.size);
  if (!mode.ok()) return mode.error();
  auto screen = kiosk::KioskScreen::open();
  if (!screen.ok()) return screen.error();
  bool full = window_spec.size.empty();
  sf::RenderWindow window(*mode, sf::String::fromUtf8(settings.agency_name.begin(),
                                                      settings.agency_name.end()),
                          full ? sf::Style::None : sf::Style::Titlebar | sf::Style::Close);
  window.setPosition({0, 0});  // touch coordinates are the screen's
  if (full) window.setMouseCursorVisible(false);
  window.setKeyRepeatEnabled(false);  // a held key is one press
  util::SystemClock clock;
  KioskController controller(client, printer, clock, settings);
  client.on_change([&controller](const queue::Change& change) { controller.on_change(change); });
  kiosk::KioskLayout layout(sf::Vector2f(window.getSize()));
  std::optional<kiosk::KioskView> shown;
  LongPress hold;
  while (window.isOpen() && !stop.load()) {
    kiosk::KioskView view = controller.view();
    sf::Event e;
    while (window.pollEvent(e)) {
      if (e.type == sf::Event::Closed) window.close();
      if (e.type == sf::Event::Resized) {
        layout = kiosk::KioskLayout(sf::Vector2f(float(e.size.width), float(e.size.height)));
        shown.reset();
      }
      hold.follow(e, layout, view);
      if (auto p = press_of(e, layout, view)) controller.press(*p);
    }
    if (hold.fired()) controller.press({kiosk::Press::Kind::staff_open, 'A', 0});
    client.pump(std::chrono::milliseconds(30));
    controller.tick();
    view = controller.view();
    if (!window.isOpen() || (shown && *shown == view)) continue;
    screen->draw(window, view);
    window.display();
    shown = view;
    if (window_spec.on_frame) window_spec.on_frame(view);
  }
  return {};
}

util::Status screenshot(client::Client& client, printing::Printer& printer, KioskSettings settings,
                        const std::string& size, const std::filesystem::path& png,
                        std::chrono::milliseconds timeout) {
  auto wh = app::parse_window_size(size.empty() ? "1920x1080" : size);
  if (!wh.ok()) return wh.error();
  if (!client.wait_live(timeout)) return util::make_error("unreachable", text::hub_unreachable());
  util::SystemClock clock;
  KioskController controller(client, printer, clock, settings);
  controller.tick();  // the page the screen rests on now: home, closed or unreachable
  return kiosk::save_screenshot(controller.view(), {wh->width, wh->height}, png);
}

}  // namespace pcn::ticket_printer
