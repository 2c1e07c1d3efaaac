// The slip's layout: what is printed where, top to bottom, in printer dots (8 per mm). Internal to
// pcn::slip; slip_renderer.h turns it into PDF, raster and PNG.
#pragma once

#include <cairo.h>

#include "slip/qr_code.h"
#include "slip/slip_content.h"

namespace pcn::slip {

/// Draws `content` on `cr` in black and returns the height used, in dots, margins included.
/// User units of `cr` are dots; x = 0 .. width_dots is the printable width, y = 0 the top of the
/// slip. Nothing is drawn outside x = 8 .. width_dots - 8 (a 1 mm margin): long texts wrap, then
/// shrink, then break inside words. From the top: agency name, date and time, a rule, the number
/// (filling most of the width), "TICKET D’ESSAI — ne pas utiliser" (framed) when test, the
/// service, "Prioritaire" (white on black) when priority, the people ahead, the estimated wait,
/// the message, the QR code of `qr` (about 25 mm wide, centred, modules on whole dots),
/// "Duplicata" (framed) when duplicate. Sentences come from the catalog.
/// `qr` is content.qr_payload encoded, or nullptr for no QR code.
/// REQUIRES: the context's font options set (slip_renderer.cpp turns hinting off so that every
/// target measures the same), width_dots >= 128, the texts valid UTF-8 (else `cr` is in error).
double draw_slip(cairo_t* cr, const SlipContent& content, const QrCode* qr, int width_dots);

}  // namespace pcn::slip
