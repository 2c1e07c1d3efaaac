// Calls said aloud in the waiting room: a chime, then a French voice ("Numéro C quarante-deux,
// guichet deux"). Announcements queue: a new one never cuts the one being played; a recall is
// announced again like a call.
#pragma once

#include <string>

namespace pcn::speech {

struct Announcement {
  std::string ticket;  ///< "C-042"
  int counter = 1;     ///< counter number, said in words
  std::string counter_label;  ///< "Guichet 2" (for logs)
};

/// Plays announcements one after the other, in the order they were queued.
class Announcer {
 public:
  virtual ~Announcer() = default;
  /// Queues `a`; returns at once.
  virtual void announce(const Announcement& a) = 0;
  /// Advances playback (starts the next sound when the current one ended); call it from the UI
  /// loop a few times per second. Returns true while something is playing or queued.
  virtual bool update() = 0;
};

}  // namespace pcn::speech
