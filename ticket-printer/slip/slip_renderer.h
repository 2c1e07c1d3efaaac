// Drawing a ticket slip for printing, in the three forms the printer back-ends need: PDF (CUPS
// queues with a driver), a 1-bit raster (ESC/POS receipt printers, see escpos.h) and PNG (the
// file back-end, documentation). All three come from one drawing (slip_layout.h), so they show
// the same thing: agency name, date and time, a rule, the number very large, "TICKET D’ESSAI"
// on a test slip, the service, "Prioritaire", people ahead, estimated wait, the message, the QR
// code, "Duplicata".
// Text is DejaVu Sans (fonts-dejavu-core), French sentences from the catalog.
//
// Failures (all three functions): "qr_too_long" when qr_payload does not fit in a QR code,
// "qr_failed" for another QR encoding error, "render_failed" when cairo refuses (e.g. a text is
// not valid UTF-8); messages in French. REQUIRES (all three): paper.width_mm is 58 or 80.
// Thread-safe: each call draws on its own surfaces.
#pragma once

#include <string>

#include "slip/raster.h"
#include "slip/slip_content.h"
#include "util/result.h"

namespace pcn::slip {

/// A PDF of one page: exactly the paper's width (width_mm × 72 / 25.4 points: 226.77 for 80 mm,
/// 164.41 for 58 mm) and as tall as the slip (no blank tail). The drawing takes the printable width
/// (paper.printable_dots() / 8 mm), centred; text is real, selectable text with embedded fonts.
util::Result<std::string> render_pdf(const SlipContent& content, Paper paper);

/// The slip at 8 dots per mm as a 1-bit image for a receipt printer: width
/// paper.printable_dots() (576 or 384), as many rows as the slip needs, grey drawn at 50 % or
/// darker is black.
util::Result<Raster> render_raster(const SlipContent& content, Paper paper);

/// PNG bytes of the slip at the raster's resolution and size, in grey levels (antialiased); the
/// raster is this image thresholded.
util::Result<std::string> render_png(const SlipContent& content, Paper paper);

}  // namespace pcn::slip
