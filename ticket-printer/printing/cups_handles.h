// RAII owners for the libcups handles the printing back-ends hold: the connection to the
// scheduler (http_t), a destination (cups_dest_t), its information (cups_dinfo_t), an IPP message
// (ipp_t) and a list of job options (cups_option_t). Each frees its handle with the matching
// libcups call; none is copyable. Only the printing module's .cpp files include this header.
#pragma once

#include <cups/cups.h>

#include <memory>
#include <string>

namespace pcn::printing {

struct HttpCloser {
  void operator()(http_t* http) const { httpClose(http); }
};
struct DestFreer {
  void operator()(cups_dest_t* dest) const { cupsFreeDests(1, dest); }
};
struct DestInfoFreer {
  void operator()(cups_dinfo_t* info) const { cupsFreeDestInfo(info); }
};
struct IppDeleter {
  void operator()(ipp_t* ipp) const { ippDelete(ipp); }
};

/// A connection to the CUPS scheduler (or a printer).
using CupsHttp = std::unique_ptr<http_t, HttpCloser>;
/// One destination, as returned by cupsGetNamedDest.
using CupsDest = std::unique_ptr<cups_dest_t, DestFreer>;
/// A destination's capabilities, as returned by cupsCopyDestInfo.
using CupsDestInfo = std::unique_ptr<cups_dinfo_t, DestInfoFreer>;
/// An IPP request or response (cupsDoRequest's answer belongs to the caller).
using IppMessage = std::unique_ptr<ipp_t, IppDeleter>;

/// Job options (name=value pairs) in the form the cups*Dest* calls take.
class CupsOptions {
 public:
  CupsOptions() = default;
  ~CupsOptions() { cupsFreeOptions(count_, options_); }
  CupsOptions(const CupsOptions&) = delete;
  CupsOptions& operator=(const CupsOptions&) = delete;

  /// Adds or replaces one option.
  void set(const std::string& name, const std::string& value) {
    count_ = cupsAddOption(name.c_str(), value.c_str(), count_, &options_);
  }
  int count() const { return count_; }
  cups_option_t* data() const { return options_; }

 private:
  int count_ = 0;
  cups_option_t* options_ = nullptr;
};

}  // namespace pcn::printing
