// The ESC/POS print job for a slip: what an ESC/POS receipt printer (behind a raw CUPS queue)
// receives byte for byte.
//
// Byte layout (hex), in this order:
//   1B 40                        ESC @      initialise the printer (clears earlier modes)
//   then, for each band of at most 255 rows of the raster, top to bottom:
//   1D 76 30 00 xL xH yL yH d…   GS v 0 m=0 raster bit image at normal density;
//                                x = xL + 256·xH = raster.bytes_per_row (bytes per row),
//                                y = yL + 256·yH = rows in this band (1..255),
//                                d = x·y bytes: the band's rows as Raster stores them
//                                (row-major, most significant bit = leftmost dot, 1 = black)
//   1B 64 04                     ESC d 4    print the buffer and feed 4 lines, so the slip's end
//                                           clears the cutter
//   1D 56 42 00                  GS V 66 0  feed to the cutting position and cut partially
// An empty raster (no rows) gives the same job without image bands.
#pragma once

#include <string>

#include "slip/raster.h"

namespace pcn::slip {

/// The job's bytes (binary; may contain NUL). REQUIRES: raster.bytes_per_row <= 65535.
std::string escpos_job(const Raster& raster);

}  // namespace pcn::slip
