#include "speech/wav.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "text/catalog.h"

namespace pcn::speech {
namespace {

std::uint32_t read_u32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
         static_cast<std::uint32_t>(b[at + 2]) << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}

std::uint16_t read_u16(const std::vector<std::uint8_t>& b, std::size_t at) {
  return static_cast<std::uint16_t>(b[at] | b[at + 1] << 8);
}

bool tag_is(const std::vector<std::uint8_t>& b, std::size_t at, const char* tag) {
  return at + 4 <= b.size() && std::memcmp(b.data() + at, tag, 4) == 0;
}

util::Error bad_wav(const std::string& detail) {
  return util::make_error("voice_failed", text::speech_voice_bad_sound(detail));
}

struct Format {
  std::uint16_t encoding = 0;
  std::uint16_t channels = 0;
  std::uint32_t rate = 0;
  std::uint16_t bits = 0;
};

std::vector<std::int16_t> read_samples(const std::vector<std::uint8_t>& b, std::size_t at,
                                       std::size_t size) {
  std::vector<std::int16_t> samples(size / 2);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i] = static_cast<std::int16_t>(read_u16(b, at + 2 * i));
  }
  return samples;
}

}  // namespace

util::Result<Pcm> parse_wav(const std::vector<std::uint8_t>& bytes) {
  if (!tag_is(bytes, 0, "RIFF") || !tag_is(bytes, 8, "WAVE")) return bad_wav("RIFF/WAVE");
  std::optional<Format> format;
  std::size_t at = 12;
  while (at + 8 <= bytes.size()) {
    const std::size_t size = read_u32(bytes, at + 4);
    const std::size_t body = at + 8;
    const std::size_t available = std::min(size, bytes.size() - body);
    if (tag_is(bytes, at, "fmt ") && available >= 16) {
      format = Format{read_u16(bytes, body), read_u16(bytes, body + 2), read_u32(bytes, body + 4),
                      read_u16(bytes, body + 14)};
    } else if (tag_is(bytes, at, "data")) {
      if (!format) return bad_wav("fmt");
      if (format->encoding != 1 || format->channels != 1 || format->bits != 16 ||
          format->rate == 0) {
        return bad_wav("PCM 16 bits mono");
      }
      return Pcm{read_samples(bytes, body, available), format->rate};
    }
    at = body + available + (available % 2);  // chunks are padded to an even size
  }
  return bad_wav("data");
}

}  // namespace pcn::speech
