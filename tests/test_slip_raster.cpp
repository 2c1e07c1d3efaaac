// slip::render_raster: the 1-bit image for receipt printers, and slip::Raster itself.
#include <doctest/doctest.h>

#include <string>

#include "slip/raster.h"
#include "slip/slip_renderer.h"
#include "test_slip_helpers.h"

namespace pcn::slip {
namespace {

using testing::bourail_slip;

Raster raster_of(const SlipContent& c, Paper paper) {
  auto r = render_raster(c, paper);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
  return std::move(r).value();
}

int last_row_with_ink(const Raster& r) {
  for (int y = r.height - 1; y >= 0; --y) {
    for (int x = 0; x < r.width; ++x) {
      if (r.black(x, y)) return y;
    }
  }
  return -1;
}

TEST_CASE("slip::Raster stores dots most significant bit first, 1 = black") {
  Raster r = Raster::blank(10, 2);
  CHECK(r.bytes_per_row == 2);
  CHECK(r.bits.size() == 4);
  r.set_black(0, 0);
  r.set_black(9, 1);
  CHECK(r.bits[0] == 0x80);
  CHECK(r.bits[3] == 0x40);
  CHECK(r.black(0, 0));
  CHECK_FALSE(r.black(1, 0));
  CHECK(r.column_has_ink(9));
  CHECK_FALSE(r.column_has_ink(8));
}

TEST_CASE("slip::render_raster is the printable width at 8 dots per mm") {
  SUBCASE("80 mm: 576 dots") {
    const Raster r = raster_of(bourail_slip(), Paper{80});
    CHECK(r.width == 576);
    CHECK(r.bytes_per_row == 72);
    CHECK(r.bits.size() == 72u * static_cast<std::size_t>(r.height));
  }
  SUBCASE("58 mm: 384 dots") {
    const Raster r = raster_of(bourail_slip(), Paper{58});
    CHECK(r.width == 384);
    CHECK(r.bytes_per_row == 48);
  }
}

TEST_CASE("slip::render_raster ends a few millimetres after the last ink (no blank tail)") {
  const Raster r = raster_of(bourail_slip(), Paper{80});
  CHECK(r.height > 600);  // ~75 mm at least: header, number, texts, a 25 mm QR code
  const int last = last_row_with_ink(r);
  CHECK(last > r.height - 8 * 8);  // under 8 mm of white at the end
  CHECK(last < r.height - 8);      // but a margin
}

TEST_CASE("slip::render_raster without a QR code gives a shorter slip") {
  SlipContent c = bourail_slip();
  const int with_qr = raster_of(c, Paper{80}).height;
  c.qr_payload.clear();
  const int without_qr = raster_of(c, Paper{80}).height;
  CHECK(without_qr < with_qr - 8 * 20);  // the QR code is about 25 mm
}

TEST_CASE("slip::render_raster keeps long names and labels inside a 58 mm slip") {
  SlipContent c = bourail_slip();
  const int short_height = raster_of(c, Paper{58}).height;
  c.agency_name =
      "OPT Bourail — Point Conseil Numérique de la Province Sud, agence principale "
      "du village et de ses tribus";
  c.service_label = "Démarches administratives en ligne et identité numérique";
  c.message = "Anticonstitutionnellementdeslettressansaucunespacepourvoirsicelatientbien";
  c.label = "D-12345";
  c.priority = true;
  c.duplicate = true;
  const Raster r = raster_of(c, Paper{58});
  CHECK(r.height > short_height + 8 * 20);  // the texts wrapped onto more lines
  for (int x = 0; x < 8; ++x) {             // the 1 mm margins stay white
    CAPTURE(x);
    CHECK_FALSE(r.column_has_ink(x));
    CHECK_FALSE(r.column_has_ink(r.width - 1 - x));
  }
  CHECK(r.column_has_ink(10));  // while the rule goes from margin to margin
  CHECK(r.column_has_ink(373));
}

TEST_CASE("slip::render_raster keeps a test slip's mark inside the paper at 58 and 80 mm") {
  SlipContent c = bourail_slip();
  c.label = "ESSAI";
  for (int width_mm : {58, 80}) {
    CAPTURE(width_mm);
    c.test = false;
    const int plain = raster_of(c, Paper{width_mm}).height;
    c.test = true;
    const Raster r = raster_of(c, Paper{width_mm});
    CHECK(r.height > plain + 8 * 5);  // the framed mark takes at least 5 mm
    for (int x = 0; x < 8; ++x) {     // the 1 mm margins stay white
      CAPTURE(x);
      CHECK_FALSE(r.column_has_ink(x));
      CHECK_FALSE(r.column_has_ink(r.width - 1 - x));
    }
  }
}

}  // namespace
}  // namespace pcn::slip
