#include "speech/sfml_announcer.h"

#include <utility>

#include "speech/announcement_text.h"
#include "speech/chime.h"
#include "text/catalog.h"

namespace pcn::speech {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

bool load(sf::SoundBuffer& buffer, const Pcm& pcm) {
  return !pcm.samples.empty() &&
         buffer.loadFromSamples(pcm.samples.data(), pcm.samples.size(), 1, pcm.rate);
}

bool is_ready(const std::shared_future<util::Result<Pcm>>& f) {
  return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

SfmlAnnouncer::SfmlAnnouncer(AnnouncerOptions options) : options_(std::move(options)) {
  if (options_.chime.samples.empty()) options_.chime = Pcm{chime_samples(22050), 22050};
  load(chime_buffer_, options_.chime);
  if (options_.voice) worker_ = std::make_unique<VoiceWorker>(options_.synthesize);
}

SfmlAnnouncer::~SfmlAnnouncer() { sound_.stop(); }

void SfmlAnnouncer::announce(const Announcement& a) {
  Pending pending{announcement_text(a), {}};
  if (worker_) pending.voice = worker_->prepare(pending.text);
  queue_.push_back(std::move(pending));
}

bool SfmlAnnouncer::update() {
  if (sound_.getStatus() == sf::Sound::Playing) return true;
  note_finished_sound();
  if (current_ && !voice_started_ && current_->voice.valid() && !try_start_voice()) return true;
  if (sound_.getStatus() != sf::Sound::Playing) start_next();
  return busy();
}

bool SfmlAnnouncer::busy() const {
  return sound_.getStatus() == sf::Sound::Playing || current_.has_value() || !queue_.empty();
}

void SfmlAnnouncer::note_finished_sound() {
  if (!playing_) return;
  playing_->heard = duration_cast<milliseconds>(Clock::now() - playing_since_);
  sounds_.push_back(std::move(*playing_));
  playing_.reset();
}

/// The chime of `current_` ended: starts its voice if ready. False while the voice is awaited.
bool SfmlAnnouncer::try_start_voice() {
  if (!is_ready(current_->voice)) return false;
  voice_started_ = true;
  const util::Result<Pcm>& voice = current_->voice.get();
  if (!voice.ok()) {
    report(voice.error());
  } else if (!load(voice_buffer_, *voice)) {
    report(util::make_error("voice_failed", text::speech_voice_bad_sound("PCM 16 bits mono")));
  } else {
    voice_down_ = false;
    play(PlayedSound::Kind::voice, voice_buffer_);
  }
  return true;
}

void SfmlAnnouncer::start_next() {
  current_.reset();
  if (queue_.empty()) return;
  current_ = std::move(queue_.front());
  queue_.pop_front();
  voice_started_ = false;
  played_.push_back(current_->text);
  play(PlayedSound::Kind::chime, chime_buffer_);
}

void SfmlAnnouncer::play(PlayedSound::Kind kind, const sf::SoundBuffer& buffer) {
  playing_ = PlayedSound{kind, current_->text,
                         duration_cast<milliseconds>(std::chrono::microseconds(
                             buffer.getDuration().asMicroseconds())),
                         {}};
  playing_since_ = Clock::now();
  sound_.setBuffer(buffer);
  sound_.play();
}

void SfmlAnnouncer::report(const util::Error& error) {
  if (voice_down_) return;
  voice_down_ = true;
  if (options_.on_voice_error) options_.on_voice_error(error);
}

}  // namespace pcn::speech
