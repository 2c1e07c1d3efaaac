// A 1-bit image as receipt printers take it: 8 dots per mm, rows top to bottom.
#pragma once

#include <cstdint>
#include <vector>

namespace pcn::slip {

/// Row-major bits, `bytes_per_row` bytes per row (width / 8 rounded up), most significant bit =
/// leftmost dot, 1 = black. Unused low bits of a row's last byte are 0 (white).
/// Invariant: bits.size() == bytes_per_row * height.
struct Raster {
  int width = 0;
  int height = 0;
  int bytes_per_row = 0;
  std::vector<std::uint8_t> bits;

  /// An all-white raster. REQUIRES: width >= 0, height >= 0.
  static Raster blank(int width, int height);
  /// REQUIRES: 0 <= x < width, 0 <= y < height.
  bool black(int x, int y) const;
  void set_black(int x, int y);
  /// Whether any dot of column x is black. REQUIRES: 0 <= x < width.
  bool column_has_ink(int x) const;
};

}  // namespace pcn::slip
