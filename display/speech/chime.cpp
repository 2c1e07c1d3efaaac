#include "speech/chime.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace pcn::speech {
namespace {

constexpr double k_length_seconds = 1.2;
constexpr double k_note_gap_seconds = 0.3;
constexpr double k_attack_seconds = 0.006;
constexpr double k_decay_per_second = 4.0;
constexpr double k_peak = 0.55;  ///< of full scale, leaves headroom
constexpr std::array<double, 3> k_notes_hz = {783.99, 659.25, 523.25};

/// One bell note at time `t` seconds after it starts: fundamental plus a soft octave.
double bell(double frequency, double t) {
  if (t < 0) return 0;
  const double attack = std::min(1.0, t / k_attack_seconds);
  const double envelope = attack * std::exp(-k_decay_per_second * t);
  const double phase = 2 * std::numbers::pi * frequency * t;
  return envelope * (std::sin(phase) + 0.25 * std::sin(2 * phase));
}

/// Fades the last 50 ms to zero so the chime never ends with a click.
double tail_fade(double t) {
  const double fade = 0.05;
  return std::clamp((k_length_seconds - t) / fade, 0.0, 1.0);
}

}  // namespace

std::vector<std::int16_t> chime_samples(unsigned rate) {
  const auto count = static_cast<std::size_t>(k_length_seconds * rate);
  std::vector<double> mix(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / rate;
    for (std::size_t n = 0; n < k_notes_hz.size(); ++n) {
      mix[i] += bell(k_notes_hz[n], t - k_note_gap_seconds * static_cast<double>(n));
    }
    mix[i] *= tail_fade(t);
  }
  double loudest = 0;
  for (double v : mix) loudest = std::max(loudest, std::abs(v));
  const double scale = loudest > 0 ? k_peak * 32767.0 / loudest : 0;
  std::vector<std::int16_t> samples(count);
  std::transform(mix.begin(), mix.end(), samples.begin(),
                 [scale](double v) { return static_cast<std::int16_t>(std::lround(v * scale)); });
  return samples;
}

}  // namespace pcn::speech
