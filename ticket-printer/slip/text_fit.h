// Fitting a piece of text to a width: shrink the font (down to a floor) to keep it on one line,
// else wrap at spaces, and as a last resort break inside a word. Measures with the context's
// current font face. Internal to pcn::slip.
#pragma once

#include <cairo.h>

#include <string>
#include <vector>

namespace pcn::slip {

struct FittedText {
  double font_size = 0;            ///< the size the lines were measured at
  std::vector<std::string> lines;  ///< each line's ink no wider than the width asked for
};

/// Ink width of `text` (UTF-8) at the context's current font and size, in user units.
double ink_width(cairo_t* cr, const std::string& text);

/// Lines of `text` (words separated by spaces) whose ink fits in `max_width`: on one line at the
/// largest size from `size` down to `min_size` (in 10 % steps) that allows it; otherwise wrapped
/// at the largest such size at which every word fits whole; words too wide even at `min_size`
/// are broken between characters. Leaves the font size of `cr` at the returned size. Empty text
/// gives no lines. REQUIRES: max_width > 0, 0 < min_size <= size, text is valid UTF-8.
FittedText fit_text(cairo_t* cr, const std::string& text, double max_width, double size,
                    double min_size);

}  // namespace pcn::slip
