#include "support/temp_dir.h"

#include <stdlib.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <system_error>

#include "support/fake_clock.h"

namespace pcn::testing {

TempDir::TempDir(const std::string& tag) {
  std::string pattern = (std::filesystem::temp_directory_path() / (tag + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed: " + pattern);
  path_ = pattern;
}

TempDir::~TempDir() {
  if (std::uncaught_exceptions() > 0 || std::getenv("PCN_KEEP_TEMP") != nullptr) {
    std::cerr << "kept for inspection: " << path_ << "\n";
    return;
  }
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

util::TimePoint noumea_time(int y, unsigned mo, unsigned d, int h, int mi, int s) {
  static const util::TimeZone zone = util::TimeZone::noumea();
  auto start = zone.start_of(util::LocalDate{y, mo, d});
  return start + std::chrono::hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(s);
}

}  // namespace pcn::testing
