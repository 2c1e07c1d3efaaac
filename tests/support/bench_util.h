// What every benchmark program shares: ending on a failure, percentiles, durations.
// Figures are printed, never asserted.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "util/result.h"

namespace pcn::bench {

using Steady = std::chrono::steady_clock;

/// Prints "pcn-bench: WHAT" on stderr and exits with status 1 (the bench could not run).
[[noreturn]] inline void die(const std::string& what) {
  std::fprintf(stderr, "pcn-bench: %s\n", what.c_str());
  std::exit(1);
}

template <typename T>
T must(util::Result<T> r) {
  if (!r.ok()) die(r.error().to_string());
  return std::move(r).value();
}

inline void must(const util::Status& s) {
  if (!s.ok()) die(s.error().to_string());
}

/// The value below which a share `p` (0..1) of `v` lies (nearest rank). REQUIRES: v not empty.
inline double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

inline double micros(Steady::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

inline double seconds_since(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

/// CPU time, in milliseconds, of threads of this process that are not part of what is measured
/// (pcn-bench --keep-cpu-awake sets it); process_cpu_ms() leaves it out.
inline std::function<double()>& unmeasured_cpu_ms() {
  static std::function<double()> f = [] { return 0.0; };
  return f;
}

/// User + system CPU time of this process so far (every measured thread), in milliseconds.
inline double process_cpu_ms() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  auto ms = [](const timeval& t) { return double(t.tv_sec) * 1000 + double(t.tv_usec) / 1000; };
  return ms(u.ru_utime) + ms(u.ru_stime) - unmeasured_cpu_ms()();
}

}  // namespace pcn::bench
