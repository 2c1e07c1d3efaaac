// RAII owners for the cairo objects the slip renderer creates, and cairo's errors as util::Error.
// Internal to pcn::slip.
#pragma once

#include <cairo.h>

#include <memory>
#include <string>

#include "util/result.h"

namespace pcn::slip {

struct CairoSurfaceFree {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoContextFree {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct CairoFontOptionsFree {
  void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};

using Surface = std::unique_ptr<cairo_surface_t, CairoSurfaceFree>;
using Context = std::unique_ptr<cairo_t, CairoContextFree>;
using FontOptions = std::unique_ptr<cairo_font_options_t, CairoFontOptionsFree>;

/// A drawing context on `surface` (which it references; the surface may be released after).
Context make_context(cairo_surface_t* surface);

/// Success, or "render_failed" naming cairo's status, for a surface or a context.
util::Status check(cairo_surface_t* surface);
util::Status check(cairo_t* cr);

}  // namespace pcn::slip
