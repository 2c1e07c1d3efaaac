// The agent console's real window in a test under Xvfb: its thread, what it last drew, and
// xdotool clicks and keys on it, for the window tests (tests/test_window_console*.cpp).
#pragma once

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "agent-console/console_app.h"
#include "console/console_layout.h"
#include "support/hub_fixture.h"

namespace pcn::testing {

/// The size the window tests open the console at.
inline constexpr unsigned kConsoleWidth = 1280;
inline constexpr unsigned kConsoleHeight = 800;

/// What the window last drew, as run_console reports it through ConsoleWindow::on_frame.
class ConsoleScreen {
 public:
  void shown(const console::ConsoleView& v) {
    std::lock_guard<std::mutex> lock(mutex_);
    view_ = v;
  }
  std::optional<console::ConsoleView> view() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return view_;
  }
  /// Waits (at most 8 s) until the view drawn satisfies `done`.
  template <typename Pred>
  bool until(Pred done) const {
    using namespace std::chrono_literals;
    for (int i = 0; i < 160; ++i) {
      auto v = view();
      if (v && done(*v)) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  /// The centre of a button on the page drawn now.
  sf::Vector2f centre(console::Control c, std::size_t index = 0) const {
    auto v = view();
    REQUIRE(v.has_value());
    console::ConsoleLayout layout({float(kConsoleWidth), float(kConsoleHeight)}, *v);
    auto r = layout.rect(c, index);
    REQUIRE(r.has_value());
    return {r->left + r->width / 2, r->top + r->height / 2};
  }

 private:
  mutable std::mutex mutex_;
  std::optional<console::ConsoleView> view_;
};

inline void xdotool(const std::string& args) {
  std::string cmd = "xdotool " + args;
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
}

inline void click(sf::Vector2f at) {
  xdotool("mousemove " + std::to_string(int(at.x)) + " " + std::to_string(int(at.y)) +
          " click 1");
}

inline void key(const std::string& name) { xdotool("key " + name); }

/// The window's thread, stopped and joined however the test ends (a failed REQUIRE throws).
class ConsoleWindowThread {
 public:
  ConsoleWindowThread(client::Client& client, const agent_console::ConsoleSettings& settings,
                      const agent_console::ConsoleWindow& window)
      : thread_([this, &client, settings, window] {
          ran_ = agent_console::run_console(client, settings, window, stop_);
        }) {}
  ~ConsoleWindowThread() { static_cast<void>(join()); }
  ConsoleWindowThread(const ConsoleWindowThread&) = delete;
  ConsoleWindowThread& operator=(const ConsoleWindowThread&) = delete;

  /// Closes the window; returns what run_console returned.
  util::Status join() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    return ran_;
  }

 private:
  std::atomic<bool> stop_{false};
  util::Status ran_;
  std::thread thread_;
};

/// The hub's snapshot, asked as a supervisor.
inline protocol::Json hub_snapshot(TestHub& hub) {
  auto snap = hub.client("supervisor", false)->request("snapshot");
  REQUIRE(snap.ok());
  return *snap;
}

/// Today's ticket `label` in the hub's snapshot; an empty object when there is none.
inline protocol::Json hub_ticket(TestHub& hub, const std::string& label) {
  const protocol::Json snap = hub_snapshot(hub);
  for (const auto& t : snap.at("tickets")) {
    if (t.at("label") == label) return t;
  }
  return protocol::Json::object();
}

/// Waits (at most 8 s) until the hub's state satisfies `done`.
template <typename Pred>
bool hub_until(Pred done) {
  using namespace std::chrono_literals;
  for (int i = 0; i < 80; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

}  // namespace pcn::testing
