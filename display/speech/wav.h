// Reading the RIFF/WAVE stream that espeak-ng writes on its standard output.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/result.h"

namespace pcn::speech {

/// 16-bit mono PCM sound.
struct Pcm {
  std::vector<std::int16_t> samples;
  unsigned rate = 0;  ///< samples per second
};

/// Parses a RIFF/WAVE file of 16-bit PCM, mono. A streamed file (espeak-ng --stdout) announces a
/// huge data size it never writes: the data chunk is read up to the end of `bytes`.
/// Errors: "voice_failed" (not RIFF/WAVE, no fmt or data chunk, not 16-bit mono PCM).
util::Result<Pcm> parse_wav(const std::vector<std::uint8_t>& bytes);

}  // namespace pcn::speech
