// printing::FilePrinter writing real files, checked with pdfinfo/pdftotext and the PNG signature.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <memory>

#include "printing/file_printer.h"
#include "support/cups_harness.h"
#include "support/fake_clock.h"
#include "support/temp_dir.h"
#include "test_printing_samples.h"

namespace pcn::printing {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::shared_ptr<testing::FakeClock> nine_fourteen() {
  return std::make_shared<testing::FakeClock>(testing::noumea_time(2026, 11, 23, 9, 14, 5));
}

TEST_CASE(
    "printing::FilePrinter writes the slip as PDF and PNG named after the local time and label") {
  testing::TempDir dir("pcn-print");
  std::filesystem::path folder = dir / "tickets/bourail";  // created with its parents
  FilePrinter printer(folder, util::TimeZone::noumea(), nine_fourteen());

  util::Status status = printer.print(testing::sample_print_job());
  REQUIRE_MESSAGE(status.ok(), status.error().to_string());

  std::filesystem::path pdf = folder / "20261123-091405-C-042.pdf";
  std::filesystem::path png = folder / "20261123-091405-C-042.png";
  REQUIRE(std::filesystem::exists(pdf));
  REQUIRE(std::filesystem::exists(png));
  auto size = testing::pdf_page_size(pdf);
  REQUIRE(size.has_value());
  CHECK(size->width == doctest::Approx(testing::mm_to_points(80)).epsilon(0.001));
  CHECK(testing::pdf_text(pdf).find("C-042") != std::string::npos);
  CHECK(read_file(png).rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(printer.describe() == "dossier « " + folder.string() + " »");
}

TEST_CASE("printing::FilePrinter fails with print_failed naming a folder it cannot create") {
  testing::TempDir dir("pcn-print");
  std::ofstream(dir / "not-a-folder") << "a file where the folder should be";
  std::filesystem::path folder = dir / "not-a-folder/tickets";  // even root cannot make this
  FilePrinter printer(folder, util::TimeZone::noumea(), nine_fourteen());

  util::Status status = printer.print(testing::sample_print_job());
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "print_failed");
  CHECK(status.error().message.find("« " + folder.string() + " »") != std::string::npos);
}

TEST_CASE("printing::FilePrinter fails with print_failed naming a file it cannot write") {
  testing::TempDir dir("pcn-print");
  FilePrinter printer(dir.path(), util::TimeZone::noumea(), nine_fourteen());
  std::filesystem::path pdf = dir / "20261123-091405-C-042.pdf";
  std::filesystem::create_directory(pdf);  // a folder in the way of the file

  util::Status status = printer.print(testing::sample_print_job());
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "print_failed");
  CHECK(status.error().message.find("« " + pdf.string() + " »") != std::string::npos);
  CHECK(status.error().message.find("dossier") != std::string::npos);  // "est un dossier"
}

}  // namespace
}  // namespace pcn::printing
