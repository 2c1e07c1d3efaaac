#include "slip/qr_code.h"

#include <qrencode.h>

#include <cerrno>
#include <cstddef>

#include "text/catalog.h"

namespace pcn::slip {

void QrCode::Free::operator()(void* code) const { QRcode_free(static_cast<QRcode*>(code)); }

util::Result<QrCode> QrCode::encode(const std::string& payload) {
  errno = 0;
  QRcode* code =
      QRcode_encodeData(static_cast<int>(payload.size()),
                        reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M);
  if (code == nullptr) {
    if (errno == ERANGE) {
      return util::make_error("qr_too_long",
                              text::slip_qr_too_long(static_cast<long long>(payload.size())));
    }
    return util::make_error("qr_failed", text::slip_qr_failed(errno));
  }
  std::unique_ptr<void, Free> owned(code);
  return QrCode(std::move(owned), code->width, code->data);
}

bool QrCode::dark(int x, int y) const {
  return (modules_[static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) +
                   static_cast<std::size_t>(x)] &
          1u) != 0;
}

}  // namespace pcn::slip
