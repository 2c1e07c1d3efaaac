// The SFML announcer, played for real (OpenAL; ALSOFT_DRIVERS=null in CTest: no speakers needed).
#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <numbers>
#include <thread>

#include "speech/sfml_announcer.h"

using namespace pcn::speech;
using namespace std::chrono_literals;

namespace {

/// `seconds` of a quiet tone at 22050 Hz.
Pcm tone(double seconds, double frequency) {
  Pcm pcm{{}, 22050};
  const auto count = static_cast<std::size_t>(seconds * pcm.rate);
  for (std::size_t i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / pcm.rate;
    pcm.samples.push_back(
        static_cast<std::int16_t>(8000 * std::sin(2 * std::numbers::pi * frequency * t)));
  }
  return pcm;
}

/// Calls update() every 10 ms until nothing is left (at most `limit`); returns the longest call.
std::chrono::steady_clock::duration play_all(SfmlAnnouncer& announcer,
                                             std::chrono::seconds limit = 20s) {
  std::chrono::steady_clock::duration longest{};
  const auto end = std::chrono::steady_clock::now() + limit;
  for (;;) {
    const auto before = std::chrono::steady_clock::now();
    const bool more = announcer.update();
    longest = std::max(longest, std::chrono::steady_clock::now() - before);
    if (!more || before > end) break;
    std::this_thread::sleep_for(10ms);
  }
  return longest;
}

AnnouncerOptions short_sounds() {
  AnnouncerOptions options;
  options.chime = tone(0.2, 880);
  options.synthesize = [](const std::string&) -> pcn::util::Result<Pcm> { return tone(0.3, 440); };
  return options;
}

const Announcement a{"C-042", 2, "Guichet 2"};
const Announcement b{"A-007", 1, "Guichet 1"};
const std::string a_text = "Numéro C quarante-deux, guichet deux";
const std::string b_text = "Numéro A sept, guichet un";

void check_nothing_cut(const std::vector<PlayedSound>& sounds) {
  for (const auto& s : sounds) {
    CAPTURE(s.text);
    CHECK(s.length > 0ms);
    CHECK(s.heard >= s.length - 30ms);
  }
}

}  // namespace

TEST_CASE("speech::SfmlAnnouncer plays calls in order, a recall after the call it follows, none cut") {
  SfmlAnnouncer announcer(short_sounds());
  CHECK_FALSE(announcer.busy());
  announcer.announce(a);
  announcer.announce(b);
  CHECK(announcer.update());
  CHECK(announcer.busy());
  REQUIRE(announcer.played() == std::vector<std::string>{a_text});
  announcer.announce(a);  // recall of A while A's chime plays
  CHECK(announcer.played() == std::vector<std::string>{a_text});
  play_all(announcer);
  CHECK_FALSE(announcer.busy());
  CHECK(announcer.played() == std::vector<std::string>{a_text, b_text, a_text});
  const auto& sounds = announcer.sounds();
  REQUIRE(sounds.size() == 6);
  const std::string order[] = {a_text, a_text, b_text, b_text, a_text, a_text};
  for (std::size_t i = 0; i < sounds.size(); ++i) {
    CAPTURE(i);
    CHECK(sounds[i].kind == (i % 2 == 0 ? PlayedSound::Kind::chime : PlayedSound::Kind::voice));
    CHECK(sounds[i].text == order[i]);
  }
  CHECK(sounds[0].length == 200ms);
  CHECK(sounds[1].length == 300ms);
  check_nothing_cut(sounds);
}

TEST_CASE("speech::SfmlAnnouncer plays the chime alone when the voice fails, and says so once") {
  AnnouncerOptions options = short_sounds();
  options.synthesize = [](const std::string&) -> pcn::util::Result<Pcm> {
    return pcn::util::make_error("voice_missing", "voix absente");
  };
  std::vector<std::string> reported;
  options.on_voice_error = [&](const pcn::util::Error& e) { reported.push_back(e.code); };
  SfmlAnnouncer announcer(std::move(options));
  announcer.announce(a);
  announcer.announce(b);
  play_all(announcer);
  CHECK(announcer.played() == std::vector<std::string>{a_text, b_text});
  REQUIRE(announcer.sounds().size() == 2);
  CHECK(announcer.sounds()[0].kind == PlayedSound::Kind::chime);
  CHECK(announcer.sounds()[1].kind == PlayedSound::Kind::chime);
  CHECK(reported == std::vector<std::string>{"voice_missing"});
  check_nothing_cut(announcer.sounds());
}

TEST_CASE("speech::SfmlAnnouncer without voice plays only chimes and never synthesizes") {
  AnnouncerOptions options = short_sounds();
  std::atomic<int> calls = 0;
  options.voice = false;
  options.synthesize = [&](const std::string&) -> pcn::util::Result<Pcm> {
    ++calls;
    return tone(0.3, 440);
  };
  SfmlAnnouncer announcer(std::move(options));
  announcer.announce(a);
  play_all(announcer);
  REQUIRE(announcer.sounds().size() == 1);
  CHECK(announcer.sounds()[0].kind == PlayedSound::Kind::chime);
  CHECK(calls == 0);
}

TEST_CASE("speech::SfmlAnnouncer::update never waits for a slow voice") {
  AnnouncerOptions options = short_sounds();
  options.synthesize = [](const std::string&) -> pcn::util::Result<Pcm> {
    std::this_thread::sleep_for(600ms);  // longer than the chime
    return tone(0.3, 440);
  };
  SfmlAnnouncer announcer(std::move(options));
  announcer.announce(a);
  const auto longest = play_all(announcer);
  CHECK(longest < 50ms);
  REQUIRE(announcer.sounds().size() == 2);
  CHECK(announcer.sounds()[1].kind == PlayedSound::Kind::voice);
}

TEST_CASE("speech::SfmlAnnouncer with the real chime and espeak-ng voice plays both in full") {
  std::vector<std::string> reported;
  AnnouncerOptions options;
  options.on_voice_error = [&](const pcn::util::Error& e) { reported.push_back(e.to_string()); };
  SfmlAnnouncer announcer(std::move(options));
  announcer.announce(a);
  play_all(announcer);
  CHECK(reported.empty());
  REQUIRE(announcer.sounds().size() == 2);
  CHECK(announcer.sounds()[0].length > 800ms);
  CHECK(announcer.sounds()[1].kind == PlayedSound::Kind::voice);
  CHECK(announcer.sounds()[1].length > 1000ms);
  check_nothing_cut(announcer.sounds());
}
