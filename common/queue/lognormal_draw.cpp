#include "queue/lognormal_draw.h"

#include <algorithm>
#include <cmath>

namespace pcn::queue {

namespace {

std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// Acklam's rational approximation of the normal quantile: a central part and two tails.
double central(double q) {
  const double r = q * q;
  const double num = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r -
                          2.759285104469687e+02) * r + 1.383577518672690e+02) * r -
                        3.066479806614716e+01) * r + 2.506628277459239e+00) * q;
  const double den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r -
                        1.556989798598866e+02) * r + 6.680131188771972e+01) * r -
                      1.328068155288572e+01) * r + 1.0;
  return num / den;
}

double lower_tail(double p) {
  const double q = std::sqrt(-2 * std::log(p));
  const double num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q -
                        2.400758277161838e+00) * q - 2.549732539343734e+00) * q +
                      4.374664141464968e+00) * q + 2.938163982698783e+00;
  const double den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q +
                       2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1.0;
  return num / den;
}

}  // namespace

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double normal_quantile(double p) {
  constexpr double kLow = 0.02425;
  p = std::clamp(p, 1e-12, 1 - 1e-12);
  if (p < kLow) return lower_tail(p);
  if (p > 1 - kLow) return -lower_tail(1 - p);
  return central(p - 0.5);
}

double draw_duration(const DurationModel& m, double u) {
  return std::exp(m.log_median + m.log_spread * normal_quantile(u));
}

double draw_remaining(const DurationModel& m, double elapsed, double u) {
  if (elapsed <= 0) return draw_duration(m, u);
  // far beyond the usual length (perhaps a visit the agent forgot to finish): taken to end
  // within one median visit rather than to last longer and longer
  if (elapsed > kBeyondMedians * m.median_seconds()) return m.median_seconds() * u;
  const double below = normal_cdf((std::log(elapsed) - m.log_median) / m.log_spread);
  const double p = below + (1 - below) * u;
  return std::max(0.0, std::exp(m.log_median + m.log_spread * normal_quantile(p)) - elapsed);
}

double uniform_of(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  const std::uint64_t h = mix(mix(mix(a) ^ b) ^ c);
  return (static_cast<double>(h >> 11) + 0.5) * (1.0 / 9007199254740992.0);  // (0, 1)
}

}  // namespace pcn::queue
