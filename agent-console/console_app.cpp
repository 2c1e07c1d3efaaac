#include "agent-console/console_app.h"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include <chrono>
#include <optional>

#include "app/startup.h"
#include "console/console_layout.h"
#include "console/console_screen.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

constexpr auto kPump = std::chrono::milliseconds(40);  // input stays responsive; ~25 checks/s
constexpr auto kCallAfterForm = std::chrono::milliseconds(600);

bool is_form(console::Page page) {
  return page == console::Page::outcome || page == console::Page::workshop;
}

util::Result<sf::VideoMode> video_mode(const std::string& size) {
  if (size.empty()) return sf::VideoMode::getDesktopMode();
  auto wh = app::parse_window_size(size);
  if (!wh.ok()) return wh.error();
  return sf::VideoMode(wh->width, wh->height);
}

/// Turns the window's events into the controller's presses and typed characters.
class InputRouter {
 public:
  InputRouter(ConsoleController& controller, sf::Vector2f size)
      : controller_(controller), size_(size) {}

  void resize(sf::Vector2f size) { size_ = size; }

  void handle(const sf::Event& e) {
    const bool input = e.type == sf::Event::MouseButtonPressed ||
                       e.type == sf::Event::TouchBegan || e.type == sf::Event::KeyPressed ||
                       e.type == sf::Event::TextEntered;
    if (!input) return;
    console::ConsoleView view = controller_.view();
    console::ConsoleLayout layout(size_, view);
    switch (e.type) {
      case sf::Event::MouseButtonPressed:  // touchscreens arrive as mouse presses
        if (e.mouseButton.button != sf::Mouse::Left) return;
        press(layout.hit(view, {float(e.mouseButton.x), float(e.mouseButton.y)}));
        return;
      case sf::Event::TouchBegan:
        press(layout.hit(view, {float(e.touch.x), float(e.touch.y)}));
        return;
      case sf::Event::KeyPressed: {
        const bool had_text = console::takes_text(view.page);
        press(layout.key(view, e.key.code));
        // The key that opened a page with a field (N, F2) also comes as text: not typed there.
        swallow_text_ = !had_text && console::takes_text(controller_.view().page);
        return;
      }
      case sf::Event::TextEntered:
        if (swallow_text_) {
          swallow_text_ = false;
          return;
        }
        if (console::takes_text(view.page)) controller_.type(e.text.unicode);
        return;
      default:
        return;
    }
  }

  /// After each batch of events: a key's text comes in the same batch as the key.
  void end_of_batch() { swallow_text_ = false; }

 private:
  /// Presses `p`, but for a call that is the first press within kCallAfterForm of leaving the
  /// outcome or workshop page: Entrée pressed twice on Valider, or a double tap (« Appeler le
  /// suivant » is where Valider was), must not call the next visitor.
  void press(const std::optional<console::Press>& p) {
    if (!p) return;
    const auto now = std::chrono::steady_clock::now();
    const bool bounce = form_left_ && now - *form_left_ < kCallAfterForm;
    form_left_.reset();
    if (bounce && p->control == console::Control::call_next) return;
    const bool in_form = is_form(controller_.view().page);
    controller_.press(*p);
    if (in_form && !is_form(controller_.view().page)) form_left_ = now;
  }

  ConsoleController& controller_;
  sf::Vector2f size_;
  bool swallow_text_ = false;
  std::optional<std::chrono::steady_clock::time_point> form_left_;
};

std::string window_title(const ConsoleController& controller) {
  return text::console_window_title(controller.counter().value_or(0));
}

}  // namespace

util::Status run_console(client::Client& client, ConsoleSettings settings,
                         const ConsoleWindow& window_spec, const std::atomic<bool>& stop) {
  auto mode = video_mode(window_spec.size);
  if (!mode.ok()) return mode.error();
  auto screen = console::ConsoleScreen::open();
  if (!screen.ok()) return screen.error();
  util::SystemClock clock;
  ConsoleController controller(client, clock, std::move(settings));
  const bool full = window_spec.size.empty();
  const std::string title = window_title(controller);
  sf::RenderWindow window(*mode, sf::String::fromUtf8(title.begin(), title.end()),
                          full ? sf::Style::None : sf::Style::Titlebar | sf::Style::Close);
  window.setPosition({0, 0});  // touch coordinates are the screen's
  window.setKeyRepeatEnabled(false);  // a held key is one press
  InputRouter input(controller, sf::Vector2f(window.getSize()));
  std::optional<console::ConsoleView> shown;
  while (window.isOpen() && !stop.load()) {
    sf::Event e;
    while (window.pollEvent(e)) {
      if (e.type == sf::Event::Closed) window.close();
      if (e.type == sf::Event::Resized) {
        input.resize({float(e.size.width), float(e.size.height)});
        shown.reset();
      }
      input.handle(e);
    }
    input.end_of_batch();
    client.pump(kPump);
    controller.tick();
    console::ConsoleView view = controller.view();
    if (!window.isOpen() || (shown && *shown == view)) continue;
    screen->draw(window, view);
    window.display();
    shown = view;
    if (window_spec.on_frame) window_spec.on_frame(view);
  }
  return {};
}

std::optional<ShotPage> shot_page_from(const std::string& word) {
  if (word == "counter") return ShotPage::counter;
  if (word == "setup") return ShotPage::setup;
  if (word == "transfer") return ShotPage::transfer;
  if (word == "call-number") return ShotPage::call_number;
  if (word == "statistics") return ShotPage::statistics;
  if (word == "outcome") return ShotPage::outcome;
  if (word == "workshop") return ShotPage::workshop;
  return std::nullopt;
}

util::Status console_screenshot(client::Client& client, ConsoleSettings settings, ShotPage page,
                                const std::string& size, const std::filesystem::path& png,
                                std::chrono::milliseconds timeout) {
  auto wh = app::parse_window_size(size.empty() ? "1920x1080" : size);
  if (!wh.ok()) return wh.error();
  if (!client.wait_live(timeout)) return util::make_error("unreachable", text::hub_unreachable());
  settings.announce = false;
  settings.ask_agent = false;
  if (settings.counter && settings.agent.empty()) {  // who the hub says is at that counter
    auto at = client.state().counters.find(*settings.counter);
    if (at != client.state().counters.end()) settings.agent = at->second.agent;
  }
  util::SystemClock clock;
  ConsoleController controller(client, clock, std::move(settings));
  using console::Control;
  switch (page) {
    case ShotPage::setup: controller.press({Control::change_setup, 0}); break;
    case ShotPage::transfer: controller.press({Control::transfer, 0}); break;
    case ShotPage::call_number: controller.press({Control::call_number, 0}); break;
    case ShotPage::statistics: controller.press({Control::statistics, 0}); break;
    case ShotPage::outcome: controller.open_outcome_page(); break;
    case ShotPage::workshop:
      controller.press({Control::statistics, 0});
      controller.press({Control::workshop, 0});
      break;
    case ShotPage::counter: break;
  }
  return console::save_screenshot(controller.view(), {wh->width, wh->height}, png);
}

}  // namespace pcn::agent_console
