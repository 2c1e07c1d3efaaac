// slip::escpos_job: the bytes an ESC/POS receipt printer receives.
#include <doctest/doctest.h>

#include <string>

#include "slip/escpos.h"
#include "slip/slip_renderer.h"
#include "test_slip_helpers.h"

namespace pcn::slip {
namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out.push_back(static_cast<char>(v));
  return out;
}

const std::string kInit = bytes({0x1B, 0x40});
const std::string kFeedAndCut = bytes({0x1B, 0x64, 0x04, 0x1D, 0x56, 0x42, 0x00});

TEST_CASE("slip::escpos_job sends the image in bands of at most 255 rows, then feeds and cuts") {
  Raster r = Raster::blank(16, 300);  // 2 bytes per row
  r.set_black(0, 0);                  // top-left dot: first data byte 0x80
  r.set_black(15, 299);               // bottom-right dot: last data byte 0x01
  const std::string job = escpos_job(r);

  std::string expected = kInit + bytes({0x1D, 0x76, 0x30, 0x00, 2, 0, 255, 0});
  expected += std::string(1, '\x80') + std::string(2 * 255 - 1, '\0');
  expected += bytes({0x1D, 0x76, 0x30, 0x00, 2, 0, 45, 0});
  expected += std::string(2 * 45 - 1, '\0') + std::string(1, '\x01');
  expected += kFeedAndCut;
  CHECK(job == expected);
}

TEST_CASE("slip::escpos_job of an empty image only initialises, feeds and cuts") {
  CHECK(escpos_job(Raster::blank(576, 0)) == kInit + kFeedAndCut);
}

TEST_CASE("slip::escpos_job of a rendered 80 mm slip gives 72 bytes per row and ends with a cut") {
  auto raster = render_raster(testing::bourail_slip(), Paper{80});
  REQUIRE(raster.ok());
  const std::string job = escpos_job(*raster);
  CHECK(job.substr(0, 2) == kInit);
  CHECK(job.substr(2, 6) == bytes({0x1D, 0x76, 0x30, 0x00, 72, 0}));
  CHECK(job.substr(job.size() - 4, 2) == bytes({0x1D, 0x56}));
  const int bands = (raster->height + 254) / 255;
  CHECK(job.size() == 2 + 8 * static_cast<std::size_t>(bands) +
                          72 * static_cast<std::size_t>(raster->height) + kFeedAndCut.size());
}

}  // namespace
}  // namespace pcn::slip
