// Waiting in the drills: generous limits on conditions, never assertions on speed.
#pragma once

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include "support/drill_agency.h"

namespace pcn::testing {

/// Polls `done` every 20 ms until it holds or `limit` passed; returns its last answer.
template <typename Predicate>
bool wait_until(Predicate done, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= until) return done();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

/// The three programs test_drill was built with (tests/CMakeLists.txt), and no sound card: the
/// display's audio goes to OpenAL's null device.
inline Programs drill_programs() {
  ::setenv("ALSOFT_DRIVERS", "null", 0);
  return Programs{PCN_TICKET_PRINTER_EXE, PCN_DISPLAY_EXE, PCN_AGENT_CONSOLE_EXE};
}

/// How many times `needle` occurs in `text` from `from` on.
inline int count_of(const std::string& text, const std::string& needle, std::size_t from = 0) {
  int n = 0;
  for (auto at = text.find(needle, from); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace pcn::testing
