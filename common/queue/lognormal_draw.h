// Draws of visit durations for the wait estimate's replays: a lognormal law (service_times.h)
// sampled by inversion from a uniform number in (0, 1), so that the same number gives the same
// duration in every replay (common random numbers), and so that a visit already under way for
// `a` seconds is drawn from the law conditioned on lasting longer than `a`.
#pragma once

#include <cstdint>

#include "queue/service_times.h"

namespace pcn::queue {

/// The standard normal law's distribution function.
double normal_cdf(double x);
/// Its inverse, for 0 < p < 1 (a rational approximation, relative error under 1.2e-9).
double normal_quantile(double p);

/// Seconds of a visit of law `m` for the uniform number `u` in (0, 1).
double draw_duration(const DurationModel& m, double u);
/// Seconds left of a visit of law `m` that has lasted `elapsed` seconds, for `u` in (0, 1): the
/// law conditioned on lasting longer; beyond kBeyondMedians medians, uniform within one median.
inline constexpr double kBeyondMedians = 3;
double draw_remaining(const DurationModel& m, double elapsed, double u);

/// A uniform number in (0, 1) that depends only on the three keys (splitmix64 of them).
double uniform_of(std::uint64_t a, std::uint64_t b, std::uint64_t c);

}  // namespace pcn::queue
