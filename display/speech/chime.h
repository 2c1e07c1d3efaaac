// The chime played before each call: three soft descending notes, generated (no sound file).
#pragma once

#include <cstdint>
#include <vector>

namespace pcn::speech {

/// About 1.2 s of 16-bit mono samples at `rate` Hz: three bell-like notes (G5, E5, C5), each a
/// sine with a short attack and an exponential decay, ending in silence. Peaks stay well below
/// full scale (no clipping). REQUIRES: rate >= 8000.
std::vector<std::int16_t> chime_samples(unsigned rate = 22050);

}  // namespace pcn::speech
