// The Announcer that plays through the sound card with SFML: chime, then the French voice.
#pragma once

#include <SFML/Audio/Sound.hpp>
#include <SFML/Audio/SoundBuffer.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "speech/announcer.h"
#include "speech/voice_worker.h"
#include "util/result.h"

namespace pcn::speech {

struct AnnouncerOptions {
  bool voice = true;  ///< false: the chime alone
  /// The voice; the default runs espeak-ng. Called on a worker thread.
  Synthesize synthesize = espeak_voice();
  /// Told about a voice failure once, when the voice stops working (again after it recovered).
  std::function<void(const util::Error&)> on_voice_error;
  Pcm chime;  ///< empty: chime_samples() at 22050 Hz
};

/// One sound that was played: what, its length, and how long it ran before the next started.
struct PlayedSound {
  enum class Kind { chime, voice } kind;
  std::string text;  ///< the announcement's sentence
  std::chrono::milliseconds length{};
  std::chrono::milliseconds heard{};  ///< >= length unless the sound was cut
};

/// Plays each announcement as chime then voice, in the order announced, never cutting a sound.
/// The voice is prepared on a worker thread as soon as the announcement is queued; if it is not
/// ready when the chime ends, update() returns at once and the voice starts on a later call.
/// If the voice fails, the chime alone is played. Use from one thread (the UI loop).
class SfmlAnnouncer : public Announcer {
 public:
  explicit SfmlAnnouncer(AnnouncerOptions options = {});
  SfmlAnnouncer(const SfmlAnnouncer&) = delete;
  SfmlAnnouncer& operator=(const SfmlAnnouncer&) = delete;
  ~SfmlAnnouncer() override;

  void announce(const Announcement& a) override;
  bool update() override;

  /// The sentences of the announcements started so far, in order.
  const std::vector<std::string>& played() const { return played_; }
  /// Every sound that has finished, in order.
  const std::vector<PlayedSound>& sounds() const { return sounds_; }
  /// True while a sound plays or an announcement waits.
  bool busy() const;

 private:
  struct Pending {
    std::string text;
    std::shared_future<util::Result<Pcm>> voice;  // not valid() when the voice is off
  };
  using Clock = std::chrono::steady_clock;

  void note_finished_sound();
  void start_next();
  bool try_start_voice();
  void play(PlayedSound::Kind kind, const sf::SoundBuffer& buffer);
  void report(const util::Error& error);

  AnnouncerOptions options_;
  std::unique_ptr<VoiceWorker> worker_;  // null when the voice is off
  std::deque<Pending> queue_;
  std::optional<Pending> current_;  // chime playing, or voice awaited / playing
  bool voice_started_ = false;      // for current_
  bool voice_down_ = false;         // a failure was reported; cleared by a success
  sf::SoundBuffer chime_buffer_;
  sf::SoundBuffer voice_buffer_;
  sf::Sound sound_;  // after the buffers: destroyed before them
  std::optional<PlayedSound> playing_;
  Clock::time_point playing_since_;
  std::vector<std::string> played_;
  std::vector<PlayedSound> sounds_;
};

}  // namespace pcn::speech
