#include "slip/slip_layout.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "slip/text_fit.h"
#include "text/catalog.h"

namespace pcn::slip {
namespace {

// All lengths in dots (8 per mm).
constexpr double kSideMargin = 8;
constexpr double kTopMargin = 16;
constexpr double kBottomMargin = 24;
constexpr double kRuleThickness = 3;
constexpr double kBannerPadding = 8;
constexpr double kQrWidth = 200;  // 25 mm
constexpr int kQrQuietModules = 4;
constexpr double kNumberFill = 0.92;       // share of the width the number's ink takes
constexpr double kNumberMaxHeight = 0.30;  // cap of its ink height, as a share of the width

struct TextStyle {
  double size;
  double min_size;  ///< shrink floor before words are broken
  bool bold;
};
constexpr TextStyle kAgencyStyle{30, 24, true};
constexpr TextStyle kDateStyle{24, 20, false};
constexpr TextStyle kServiceStyle{44, 32, true};
constexpr TextStyle kBodyStyle{28, 22, false};
constexpr TextStyle kBannerStyle{34, 26, true};

/// Draws blocks one under the other, keeping the vertical position.
class Painter {
 public:
  Painter(cairo_t* cr, int width_dots)
      : cr_(cr), left_(kSideMargin), avail_(width_dots - 2 * kSideMargin), y_(kTopMargin) {}

  void gap(double dots) { y_ += dots; }
  double height() const { return std::ceil(y_ + kBottomMargin); }

  /// Centred lines of `s`, wrapped/shrunk to the width.
  void text(const std::string& s, TextStyle style) { lines(fit(s, style, avail_)); }

  /// Texts that belong together, each fitted as text() does but all at the same size.
  void texts(const std::vector<std::string>& items, TextStyle style) {
    double common = style.size;
    for (const std::string& s : items) common = std::min(common, fit(s, style, avail_).font_size);
    const TextStyle shared{common, std::min(common, style.min_size), style.bold};
    for (const std::string& s : items) lines(fit(s, shared, avail_));
  }

  void rule() {
    cairo_rectangle(cr_, left_, y_, avail_, kRuleThickness);
    cairo_fill(cr_);
    y_ += kRuleThickness;
  }

  /// The ticket's label, as large as the width allows (capped in height).
  void number(const std::string& label) {
    select_font(true);
    cairo_set_font_size(cr_, 100);
    cairo_text_extents_t e;
    cairo_text_extents(cr_, label.c_str(), &e);
    if (e.width <= 0 || e.height <= 0) return;
    const double size = 100 * std::min(kNumberFill * avail_ / e.width,
                                       kNumberMaxHeight * (avail_ + 2 * kSideMargin) / e.height);
    cairo_set_font_size(cr_, size);
    cairo_text_extents(cr_, label.c_str(), &e);
    cairo_move_to(cr_, centred_x(e), y_ - e.y_bearing);
    cairo_show_text(cr_, label.c_str());
    y_ += e.height;
  }

  /// A framed block; `inverted` draws white text on a black box instead of a frame.
  void banner(const std::string& s, TextStyle style, bool inverted) {
    const FittedText fitted = fit(s, style, avail_ - 2 * kBannerPadding);
    double widest = 0;
    for (const std::string& line : fitted.lines) widest = std::max(widest, ink_width(cr_, line));
    cairo_font_extents_t fe;
    cairo_font_extents(cr_, &fe);
    const double w = widest + 2 * kBannerPadding;
    const double h = fe.height * static_cast<double>(fitted.lines.size()) + kBannerPadding;
    const double x = left_ + (avail_ - w) / 2;
    frame(x, y_, w, h, inverted);
    if (inverted) cairo_set_source_rgb(cr_, 1, 1, 1);
    y_ += kBannerPadding / 2;
    lines(fitted);
    y_ += kBannerPadding / 2;
    cairo_set_source_rgb(cr_, 0, 0, 0);
  }

  /// The QR code centred, each module a square of whole dots, with its quiet zone above/below.
  void qr(const QrCode& code) {
    const int n = code.size();
    int module = std::max(1, static_cast<int>(kQrWidth) / n);
    while (module > 1 && n * module > avail_) --module;
    const double x0 = std::floor(left_ + (avail_ - n * module) / 2);
    const double y0 = std::ceil(y_ + kQrQuietModules * module);
    for (int y = 0; y < n; ++y) {
      for (int x = 0; x < n; ++x) {
        if (code.dark(x, y)) cairo_rectangle(cr_, x0 + x * module, y0 + y * module, module, module);
      }
    }
    cairo_fill(cr_);  // one fill: the union of the modules, no seams between them
    y_ = y0 + (n + kQrQuietModules) * module;
  }

 private:
  void select_font(bool bold) {
    cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  }

  FittedText fit(const std::string& s, TextStyle style, double width) {
    select_font(style.bold);
    return fit_text(cr_, s, width, style.size, style.min_size);
  }

  double centred_x(const cairo_text_extents_t& e) const {
    return left_ + (avail_ - e.width) / 2 - e.x_bearing;
  }

  /// Draws fitted lines centred, at the font size fit() left on the context.
  void lines(const FittedText& fitted) {
    cairo_font_extents_t fe;
    cairo_font_extents(cr_, &fe);
    for (const std::string& line : fitted.lines) {
      cairo_text_extents_t e;
      cairo_text_extents(cr_, line.c_str(), &e);
      cairo_move_to(cr_, centred_x(e), y_ + fe.ascent);
      cairo_show_text(cr_, line.c_str());
      y_ += fe.height;
    }
  }

  void frame(double x, double y, double w, double h, bool filled) {
    if (filled) {
      cairo_rectangle(cr_, x, y, w, h);
      cairo_fill(cr_);
      return;
    }
    const double t = kRuleThickness;
    cairo_rectangle(cr_, x + t / 2, y + t / 2, w - t, h - t);
    cairo_set_line_width(cr_, t);
    cairo_stroke(cr_);
  }

  cairo_t* cr_;
  double left_;   ///< x of the usable width's left edge
  double avail_;  ///< usable width
  double y_;      ///< top of the next block
};

void draw_header(Painter& p, const SlipContent& c) {
  p.text(c.agency_name, kAgencyStyle);
  p.gap(4);
  p.text(c.issued_at, kDateStyle);
  p.gap(10);
  p.rule();
  p.gap(16);
}

void draw_ticket(Painter& p, const SlipContent& c) {
  p.number(c.label);
  if (c.test) {
    p.gap(10);
    p.banner(text::slip_test_ticket(), kBannerStyle, false);
  }
  p.gap(14);
  p.text(c.service_label, kServiceStyle);
  if (c.priority) {
    p.gap(8);
    p.banner(text::slip_priority(), kBannerStyle, true);
  }
}

void draw_wait(Painter& p, const SlipContent& c) {
  p.gap(14);
  p.texts({text::slip_ahead(std::max(0, c.ahead)),
           c.wait_text.empty() ? text::slip_wait_unknown() : c.wait_text},
          kBodyStyle);
  if (!c.message.empty()) {
    p.gap(10);
    p.text(c.message, kBodyStyle);
  }
}

}  // namespace

double draw_slip(cairo_t* cr, const SlipContent& content, const QrCode* qr, int width_dots) {
  Painter p(cr, width_dots);
  draw_header(p, content);
  draw_ticket(p, content);
  draw_wait(p, content);
  if (qr != nullptr) p.qr(*qr);
  if (content.duplicate) {
    p.gap(10);
    p.banner(text::slip_duplicate(), kBannerStyle, false);
  }
  return p.height();
}

}  // namespace pcn::slip
