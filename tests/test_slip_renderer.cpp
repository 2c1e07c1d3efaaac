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
    CHECK(size.height > 250);  // number, texts and a 25 mm QR code: well over 90 mm
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
  CHECK(text.find("Attente estimée : environ 12 min") != std::string::npos);
  CHECK(text.find("Un conseiller vous accompagne") != std::string::npos);
  CHECK(text.find("Prioritaire") == std::string::npos);
  CHECK(text.find("Duplicata") == std::string::npos);
}

}  // namespace
}  // namespace pcn::slip
