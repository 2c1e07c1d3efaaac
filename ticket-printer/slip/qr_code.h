// A QR code symbol (ISO/IEC 18004), made by libqrencode: a square of dark and light modules.
#pragma once

#include <memory>
#include <string>

#include "util/result.h"

namespace pcn::slip {

class QrCode {
 public:
  /// Encodes `payload` (any bytes, typically a URL) in byte mode with error correction level M
  /// (about 15 % of the symbol can be damaged), in the smallest version that holds it.
  /// Fails with "qr_too_long" when no QR version holds it (over about 2,300 bytes), and
  /// "qr_failed" for any other libqrencode error. REQUIRES: !payload.empty().
  static util::Result<QrCode> encode(const std::string& payload);

  /// Modules per side (21 for version 1, +4 per version). Without the quiet zone, which the
  /// drawer must leave light (4 modules on each side).
  int size() const { return size_; }
  /// REQUIRES: 0 <= x < size(), 0 <= y < size().
  bool dark(int x, int y) const;

 private:
  struct Free {
    void operator()(void* code) const;
  };
  QrCode(std::unique_ptr<void, Free> code, int size, const unsigned char* modules)
      : code_(std::move(code)), size_(size), modules_(modules) {}

  std::unique_ptr<void, Free> code_;  ///< the QRcode, owned
  int size_ = 0;
  const unsigned char* modules_ = nullptr;  ///< size_ × size_ bytes inside code_; bit 0 = dark
};

}  // namespace pcn::slip
