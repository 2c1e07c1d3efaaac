// A fresh folder under /tmp for one test; removed at the end, but kept (and its path printed)
// when a REQUIRE failed or PCN_KEEP_TEMP is set, so the files can be looked at.
#pragma once

#include <filesystem>
#include <string>

namespace pcn::testing {

class TempDir {
 public:
  explicit TempDir(const std::string& tag = "pcn-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace pcn::testing
