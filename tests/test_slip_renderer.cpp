// slip::render_pdf / render_png checked with the real tools a person would use: pdfinfo,
// pdftotext, zbarimg.
#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "slip/slip_renderer.h"
#include "support/temp_dir.h"
#include "test_slip_helpers.h"

namespace pcn::slip {
namespace {

using slip::testing::bourail_slip;
using slip::testing::run_command;
using slip::testing::write_file;

struct PageSize {
  double width = 0;
  double height = 0;
};

/// Writes the PDF and reads "Page size: W x H pts" and the page count from pdfinfo.
PageSize pdf_page_size(const pcn::testing::TempDir& dir, const std::string& pdf) {
  write_file(dir / "slip.pdf", pdf);
  const auto info = run_command("pdfinfo " + (dir / "slip.pdf").string());
  REQUIRE(info.exit_code == 0);
  CHECK(std::regex_search(info.out, std::regex(R"(Pages:\s+1\n)")));
  std::smatch m;
  REQUIRE_MESSAGE(
      std::regex_search(info.out, m, std::regex(R"(Page size:\s+([0-9.]+) x ([0-9.]+) pts)")),
      info.out);
  return PageSize{std::stod(m[1]), std::stod(m[2])};
}

std::string pdf_text(const pcn::testing::TempDir& dir, const std::string& pdf) {
  write_file(dir / "slip.pdf", pdf);
  const auto text = run_command("pdftotext -layout " + (dir / "slip.pdf").string() + " -");
  REQUIRE(text.exit_code == 0);
  return text.out;
}

TEST_CASE("slip::render_pdf makes one page exactly the paper's width and as tall as the slip") {
  pcn::testing::TempDir dir("pcn-slip");
  SUBCASE("80 mm") {
    auto pdf = render_pdf(bourail_slip(), Paper{80});
    REQUIRE_MESSAGE(pdf.ok(), (pdf.ok() ? "" : pdf.error().to_string()));
    const PageSize size = pdf_page_size(dir, *pdf);
    CHECK(size.width == doctest::Approx(226.77).epsilon(0.002));
    CHECK(size.height > 200);  // number, texts and a 25 mm QR code: over 70 mm
    CHECK(size.height < 600);  // but no blank tail: under 21 cm
  }
  SUBCASE("58 mm") {
    auto pdf = render_pdf(bourail_slip(), Paper{58});
    REQUIRE(pdf.ok());
    const PageSize size = pdf_page_size(dir, *pdf);
    CHECK(size.width == doctest::Approx(164.41).epsilon(0.003));
    CHECK(size.height > 200);
    CHECK(size.height < 600);
  }
}

TEST_CASE("slip::render_pdf writes the slip as real text with French accents") {
  pcn::testing::TempDir dir("pcn-slip");
  SlipContent c = bourail_slip();
  c.agency_name = "OPT Païta — Point Conseil Numérique";
  c.service_label = "Identité numérique";
  c.label = "N-007";
  const std::string text = pdf_text(dir, render_pdf(c, Paper{80}).value());
  CHECK(text.find("N-007") != std::string::npos);
  CHECK(text.find("Identité numérique") != std::string::npos);
  CHECK(text.find("Païta") != std::string::npos);
  CHECK(text.find("23/11/2026 09:14") != std::string::npos);
  CHECK(text.find("3 personnes avant vous") != std::string::npos);
  CHECK(text.find("Attente estimée : entre 10 et 15 min") != std::string::npos);
  CHECK(text.find("Un conseiller vous accompagne") != std::string::npos);
  CHECK(text.find("Prioritaire") == std::string::npos);
  CHECK(text.find("Duplicata") == std::string::npos);
}

TEST_CASE(
    "slip::render_pdf prints Prioritaire, Duplicata and the no-wait sentences when they apply") {
  pcn::testing::TempDir dir("pcn-slip");
  SlipContent c = bourail_slip();
  c.priority = true;
  c.duplicate = true;
  c.ahead = 0;
  c.wait_text.clear();
  std::string text = pdf_text(dir, render_pdf(c, Paper{58}).value());
  CHECK(text.find("Prioritaire") != std::string::npos);
  CHECK(text.find("Duplicata") != std::string::npos);
  CHECK(text.find("Personne avant vous") != std::string::npos);
  CHECK(text.find("Attente : estimation indisponible") != std::string::npos);
  CHECK(text.find("Attente estimée") == std::string::npos);
  c.ahead = 1;
  text = pdf_text(dir, render_pdf(c, Paper{58}).value());
  CHECK(text.find("1 personne avant vous") != std::string::npos);
}

TEST_CASE("slip::render_pdf marks a test slip under its number, and only a test slip") {
  pcn::testing::TempDir dir("pcn-slip");
  SlipContent c = bourail_slip();
  CHECK(pdf_text(dir, render_pdf(c, Paper{80}).value()).find("ESSAI") == std::string::npos);
  c.label = "ESSAI";
  c.test = true;
  for (int width_mm : {80, 58}) {
    CAPTURE(width_mm);
    const std::string text = pdf_text(dir, render_pdf(c, Paper{width_mm}).value());
    const auto number = text.find("ESSAI");
    const auto mark = text.find("TICKET D’ESSAI");
    const auto service = text.find("CAFAT");
    REQUIRE(number != std::string::npos);
    REQUIRE(mark != std::string::npos);
    CHECK(text.find("ne pas utiliser") != std::string::npos);
    REQUIRE(service != std::string::npos);
    CHECK(number < mark);   // under the number...
    CHECK(mark < service);  // ... and above the service
  }
}

TEST_CASE("slip::render_pdf draws the number across most of the printable width") {
  pcn::testing::TempDir dir("pcn-slip");
  write_file(dir / "slip.pdf", render_pdf(bourail_slip(), Paper{80}).value());
  const auto boxes = run_command("pdftotext -bbox " + (dir / "slip.pdf").string() + " -");
  REQUIRE(boxes.exit_code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(
      boxes.out, m,
      std::regex(R"re(xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">C-042<)re")));
  const double printable_pts = 72.0 * 72.0 / 25.4;  // 72 mm
  CHECK(std::stod(m[2]) - std::stod(m[1]) > 0.8 * printable_pts);
}

TEST_CASE("slip::render_pdf and render_raster have the same height") {
  pcn::testing::TempDir dir("pcn-slip");
  const SlipContent c = bourail_slip();
  const PageSize size = pdf_page_size(dir, render_pdf(c, Paper{58}).value());
  const Raster raster = render_raster(c, Paper{58}).value();
  CHECK(size.height == doctest::Approx(raster.height / 8.0 * 72.0 / 25.4).epsilon(0.01));
}

TEST_CASE("slip::render_png is a PNG of the raster's size") {
  const SlipContent c = bourail_slip();
  const std::string png = render_png(c, Paper{80}).value();
  const Raster raster = render_raster(c, Paper{80}).value();
  REQUIRE(png.size() > 24);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(png.substr(12, 4) == "IHDR");
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) |
           (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  CHECK(be32(16) == 576);
  CHECK(be32(20) == raster.height);
}

TEST_CASE("slip::render_png's QR code reads back as the payload (zbarimg)") {
  REQUIRE_MESSAGE(slip::testing::have_program("zbarimg"),
                  "zbarimg is missing: apt-get install zbar-tools");
  pcn::testing::TempDir dir("pcn-slip");
  for (int width_mm : {80, 58}) {
    CAPTURE(width_mm);
    write_file(dir / "slip.png", render_png(bourail_slip(), Paper{width_mm}).value());
    const auto read =
        run_command("zbarimg --raw -q " + (dir / "slip.png").string() + " 2>/dev/null");
    CHECK(read.exit_code == 0);
    CHECK(read.out == bourail_slip().qr_payload + "\n");
  }
}

TEST_CASE(
    "slip::render_pdf refuses a QR payload too long for a QR code and text that is not UTF-8") {
  SlipContent c = bourail_slip();
  c.qr_payload = std::string(4000, 'x');
  auto pdf = render_pdf(c, Paper{80});
  REQUIRE_FALSE(pdf.ok());
  CHECK(pdf.error().code == "qr_too_long");
  CHECK(pdf.error().message.find("4000 octets") != std::string::npos);

  c = bourail_slip();
  c.service_label = "CAFAT \xff\xfe";
  auto raster = render_raster(c, Paper{80});
  REQUIRE_FALSE(raster.ok());
  CHECK(raster.error().code == "render_failed");
  CHECK(raster.error().message.find("Le ticket n’a pas pu être dessiné") != std::string::npos);
}

}  // namespace
}  // namespace pcn::slip
