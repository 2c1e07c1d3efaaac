// The sounds themselves: the generated chime, the WAV reader and the espeak-ng voice.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "speech/chime.h"
#include "speech/voice.h"
#include "speech/wav.h"

using namespace pcn::speech;

namespace {

int peak(const std::vector<std::int16_t>& samples) {
  int loudest = 0;
  for (auto s : samples) loudest = std::max(loudest, std::abs(static_cast<int>(s)));
  return loudest;
}

/// Root mean square over samples [from, to).
double rms(const std::vector<std::int16_t>& s, std::size_t from, std::size_t to) {
  double sum = 0;
  for (std::size_t i = from; i < to; ++i) sum += static_cast<double>(s[i]) * s[i];
  return std::sqrt(sum / static_cast<double>(to - from));
}

void put_u32(std::vector<std::uint8_t>& b, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_u16(std::vector<std::uint8_t>& b, std::uint16_t v) {
  b.push_back(static_cast<std::uint8_t>(v));
  b.push_back(static_cast<std::uint8_t>(v >> 8));
}
// Byte by byte: GCC 12 at -O2 misreads a range insert into an empty vector as an overflow.
void put_tag(std::vector<std::uint8_t>& b, const char* tag) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(tag[i]));
}

/// A WAV like espeak-ng --stdout writes: sizes announced as 0x7ffff000, samples 1, -2, 300.
std::vector<std::uint8_t> streamed_wav(std::uint16_t channels, std::uint16_t bits) {
  std::vector<std::uint8_t> b;
  put_tag(b, "RIFF");
  put_u32(b, 0x7ffff024);
  put_tag(b, "WAVE");
  put_tag(b, "fmt ");
  put_u32(b, 16);
  put_u16(b, 1);
  put_u16(b, channels);
  put_u32(b, 22050);
  put_u32(b, 44100);
  put_u16(b, 2);
  put_u16(b, bits);
  put_tag(b, "LIST");  // an unknown chunk of odd size, padded
  put_u32(b, 3);
  b.insert(b.end(), {'a', 'b', 'c', 0});
  put_tag(b, "data");
  put_u32(b, 0x7ffff000);
  for (std::int16_t s : {1, -2, 300}) put_u16(b, static_cast<std::uint16_t>(s));
  return b;
}

}  // namespace

TEST_CASE("speech::chime_samples is about a second of loud but unclipped sound ending in silence") {
  const auto chime = chime_samples(22050);
  CHECK(chime.size() >= 22050 * 8 / 10);
  CHECK(chime.size() <= 22050 * 3 / 2);
  CHECK(peak(chime) > 12000);
  CHECK(peak(chime) < 32000);
  CHECK(rms(chime, 0, chime.size() / 2) > 2000);  // heard, not a click
  CHECK(std::abs(chime.back()) < 50);
  CHECK(std::abs(chime.front()) < 50);
  CHECK(chime_samples(44100).size() == 2 * chime.size());
}

TEST_CASE("speech::parse_wav reads a streamed espeak-ng WAV up to the end of the bytes") {
  auto pcm = parse_wav(streamed_wav(1, 16));
  REQUIRE(pcm.ok());
  CHECK(pcm->rate == 22050);
  CHECK(pcm->samples == std::vector<std::int16_t>{1, -2, 300});
}

TEST_CASE("speech::parse_wav refuses what is not 16-bit mono PCM") {
  SUBCASE("stereo") { CHECK(parse_wav(streamed_wav(2, 16)).error().code == "voice_failed"); }
  SUBCASE("8 bits") { CHECK(parse_wav(streamed_wav(1, 8)).error().code == "voice_failed"); }
  SUBCASE("text") {
    const std::string words = "bonjour, ceci n'est pas un son";
    auto result = parse_wav({words.begin(), words.end()});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "voice_failed");
    CHECK(result.error().message.find("illisible") != std::string::npos);
  }
}

TEST_CASE("speech::speak says a call in French with espeak-ng: at least half a second of sound") {
  unsigned rate = 0;
  auto samples = speak("Numéro C quarante-deux, guichet deux", &rate);
  REQUIRE_MESSAGE(samples.ok(), (samples.ok() ? "" : samples.error().to_string()),
                  " — espeak-ng is in the project's Debian packages: apt-get install espeak-ng");
  CHECK(rate == 22050);
  CHECK(samples->size() >= rate / 2);
  CHECK(peak(*samples) > 3000);
  CHECK(rms(*samples, 0, samples->size()) > 300);
}

TEST_CASE("speech::speak passes text starting with a dash as text, not as an option") {
  unsigned rate = 0;
  auto samples = speak("-w /tmp/pcn-speech-should-not-exist.wav bonjour", &rate);
  REQUIRE(samples.ok());
  CHECK(samples->size() > rate / 2);
  CHECK_FALSE(std::filesystem::exists("/tmp/pcn-speech-should-not-exist.wav"));
}

TEST_CASE("speech::speak reports a missing program as voice_missing, naming the package") {
  VoiceCommand command;
  command.program = "espeak-ng-not-installed";
  auto result = speak("bonjour", nullptr, command);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "voice_missing");
  CHECK(result.error().message.find("espeak-ng") != std::string::npos);
  CHECK(result.error().message.find("paquet") != std::string::npos);
}

TEST_CASE("speech::speak reports failures of the program as voice_failed") {
  VoiceCommand command;
  SUBCASE("non-zero exit") {
    command.program = "false";
    command.arguments = {};
    auto result = speak("bonjour", nullptr, command);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "voice_failed");
    CHECK(result.error().message.find("code 1") != std::string::npos);
  }
  SUBCASE("unknown voice") {
    command.arguments = {"-v", "voix-inexistante", "--stdout"};
    CHECK(speak("bonjour", nullptr, command).error().code == "voice_failed");
  }
  SUBCASE("output that is not a WAV") {
    command.program = "echo";
    command.arguments = {};
    CHECK(speak("bonjour", nullptr, command).error().code == "voice_failed");
  }
}

TEST_CASE("speech::speak kills a program that does not answer within the timeout") {
  VoiceCommand command;
  command.program = "sleep";
  command.arguments = {};
  command.timeout = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  auto result = speak("30", nullptr, command);
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "voice_failed");
  CHECK(result.error().message.find("300 ms") != std::string::npos);
  CHECK(took < std::chrono::seconds(3));
}
