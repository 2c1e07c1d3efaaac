#include "slip/slip_renderer.h"

#include <cairo-pdf.h>

#include <cmath>
#include <cstdint>
#include <optional>

#include "slip/cairo_handle.h"
#include "slip/qr_code.h"
#include "slip/slip_layout.h"
#include "text/catalog.h"

namespace pcn::slip {
namespace {

constexpr double kDotsPerMm = 8.0;
constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr int kBlackBelow = 128;  // grey levels under this print black

/// The slip drawn once, replayed onto each target so that all show the same layout.
struct Drawing {
  Surface recording;
  int width_dots = 0;
  int height_dots = 0;
};

FontOptions unhinted() {
  FontOptions options(cairo_font_options_create());
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  return options;
}

util::Result<std::optional<QrCode>> encode_qr(const std::string& payload) {
  if (payload.empty()) return std::optional<QrCode>();
  auto qr = QrCode::encode(payload);
  if (!qr.ok()) return qr.error();
  return std::optional<QrCode>(std::move(qr).value());
}

util::Result<Drawing> draw(const SlipContent& content, Paper paper) {
  auto qr = encode_qr(content.qr_payload);
  if (!qr.ok()) return qr.error();
  Drawing d{Surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr)),
            paper.printable_dots(), 0};
  Context cr = make_context(d.recording.get());
  cairo_set_font_options(cr.get(), unhinted().get());
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  const double height =
      draw_slip(cr.get(), content, qr->has_value() ? &**qr : nullptr, d.width_dots);
  PCN_TRY(check(cr.get()));
  d.height_dots = static_cast<int>(std::ceil(height));
  return d;
}

/// The drawing, black on white (grey levels only) on an RGB image, one pixel per dot.
util::Result<Surface> draw_image(const Drawing& d) {
  Surface image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, d.width_dots, d.height_dots));
  PCN_TRY(check(image.get()));
  Context cr = make_context(image.get());
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_set_source_surface(cr.get(), d.recording.get(), 0, 0);
  cairo_paint(cr.get());
  PCN_TRY(check(cr.get()));
  cairo_surface_flush(image.get());
  return image;
}

util::Result<Surface> render_image(const SlipContent& content, Paper paper) {
  auto d = draw(content, paper);
  if (!d.ok()) return d.error();
  return draw_image(*d);
}

int grey(std::uint32_t pixel) {
  const auto r = static_cast<int>((pixel >> 16) & 0xFFu);
  const auto g = static_cast<int>((pixel >> 8) & 0xFFu);
  const auto b = static_cast<int>(pixel & 0xFFu);
  return (r * 299 + g * 587 + b * 114) / 1000;
}

Raster threshold(cairo_surface_t* image) {
  const int width = cairo_image_surface_get_width(image);
  const int height = cairo_image_surface_get_height(image);
  const int stride = cairo_image_surface_get_stride(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  Raster raster = Raster::blank(width, height);
  for (int y = 0; y < height; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      if (grey(row[x]) < kBlackBelow) raster.set_black(x, y);
    }
  }
  return raster;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

util::Result<std::string> render_pdf(const SlipContent& content, Paper paper) {
  auto d = draw(content, paper);
  if (!d.ok()) return d.error();
  const double points_per_dot = kPointsPerMm / kDotsPerMm;
  const double page_width = paper.width_mm * kPointsPerMm;
  std::string bytes;
  Surface pdf(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, page_width,
                                                  d->height_dots * points_per_dot));
  cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_TITLE,
                                 text::slip_document_title(content.label).c_str());
  {
    Context cr = make_context(pdf.get());
    cairo_translate(cr.get(), (page_width - d->width_dots * points_per_dot) / 2, 0);
    cairo_scale(cr.get(), points_per_dot, points_per_dot);
    cairo_set_source_surface(cr.get(), d->recording.get(), 0, 0);
    cairo_paint(cr.get());
    PCN_TRY(check(cr.get()));
  }
  cairo_surface_finish(pdf.get());
  PCN_TRY(check(pdf.get()));
  return bytes;
}

util::Result<Raster> render_raster(const SlipContent& content, Paper paper) {
  auto image = render_image(content, paper);
  if (!image.ok()) return image.error();
  return threshold(image->get());
}

util::Result<std::string> render_png(const SlipContent& content, Paper paper) {
  auto image = render_image(content, paper);
  if (!image.ok()) return image.error();
  std::string bytes;
  const cairo_status_t status =
      cairo_surface_write_to_png_stream(image->get(), append_to_string, &bytes);
  if (status != CAIRO_STATUS_SUCCESS) {
    return util::make_error("render_failed",
                            text::slip_render_failed(cairo_status_to_string(status)));
  }
  return bytes;
}

}  // namespace pcn::slip
