#include "slip/raster.h"

#include <cstddef>

namespace pcn::slip {
namespace {

std::size_t byte_index(const Raster& r, int x, int y) {
  return static_cast<std::size_t>(y) * static_cast<std::size_t>(r.bytes_per_row) +
         static_cast<std::size_t>(x / 8);
}

std::uint8_t bit_mask(int x) { return static_cast<std::uint8_t>(0x80u >> (x % 8)); }

}  // namespace

Raster Raster::blank(int width, int height) {
  Raster r;
  r.width = width;
  r.height = height;
  r.bytes_per_row = (width + 7) / 8;
  r.bits.assign(static_cast<std::size_t>(r.bytes_per_row) * static_cast<std::size_t>(height), 0);
  return r;
}

bool Raster::black(int x, int y) const {
  return (bits[byte_index(*this, x, y)] & bit_mask(x)) != 0;
}

void Raster::set_black(int x, int y) { bits[byte_index(*this, x, y)] |= bit_mask(x); }

bool Raster::column_has_ink(int x) const {
  for (int y = 0; y < height; ++y) {
    if (black(x, y)) return true;
  }
  return false;
}

}  // namespace pcn::slip
