#include "slip/escpos.h"

#include <algorithm>
#include <cstddef>

namespace pcn::slip {
namespace {

constexpr int kMaxBandRows = 255;
constexpr int kFeedLines = 4;

void put(std::string& out, std::initializer_list<int> bytes) {
  for (int b : bytes) out.push_back(static_cast<char>(b));
}

void put_u16(std::string& out, int value) { put(out, {value & 0xFF, (value >> 8) & 0xFF}); }

void put_band(std::string& out, const Raster& raster, int first_row, int rows) {
  put(out, {0x1D, 0x76, 0x30, 0x00});
  put_u16(out, raster.bytes_per_row);
  put_u16(out, rows);
  const auto row_bytes = static_cast<std::size_t>(raster.bytes_per_row);
  const auto begin = raster.bits.begin() +
                     static_cast<std::ptrdiff_t>(static_cast<std::size_t>(first_row) * row_bytes);
  out.append(begin,
             begin + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(rows) * row_bytes));
}

}  // namespace

std::string escpos_job(const Raster& raster) {
  std::string out;
  put(out, {0x1B, 0x40});
  for (int row = 0; row < raster.height; row += kMaxBandRows) {
    put_band(out, raster, row, std::min(kMaxBandRows, raster.height - row));
  }
  put(out, {0x1B, 0x64, kFeedLines});
  put(out, {0x1D, 0x56, 0x42, 0x00});
  return out;
}

}  // namespace pcn::slip
