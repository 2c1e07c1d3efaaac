#include "slip/cairo_handle.h"

#include "text/catalog.h"

namespace pcn::slip {
namespace {

util::Status from_status(cairo_status_t status) {
  if (status == CAIRO_STATUS_SUCCESS) return util::Status::success();
  return util::make_error("render_failed",
                          text::slip_render_failed(cairo_status_to_string(status)));
}

}  // namespace

Context make_context(cairo_surface_t* surface) { return Context(cairo_create(surface)); }

util::Status check(cairo_surface_t* surface) { return from_status(cairo_surface_status(surface)); }

util::Status check(cairo_t* cr) { return from_status(cairo_status(cr)); }

}  // namespace pcn::slip
