// printing::make_printer turns the agency's [printer] section into a back-end.
#include <doctest/doctest.h>

#include "printing/make_printer.h"
#include "support/temp_dir.h"
#include "test_printing_samples.h"

namespace pcn::printing {
namespace {

TEST_CASE("printing::make_printer picks the back-end named in [printer]") {
  config::PrinterConfig config;
  config.queue = "ticket-80mm";
  config.folder = "/var/lib/pcn/tickets";

  config.backend = "cups";
  CHECK(make_printer(config)->describe() == "CUPS « ticket-80mm »");
  config.backend = "escpos";
  CHECK(make_printer(config)->describe() == "ESC/POS « ticket-80mm »");
  config.backend = "file";
  CHECK(make_printer(config)->describe() == "dossier « /var/lib/pcn/tickets »");
}

TEST_CASE("printing::make_printer's file back-end writes into the configured folder") {
  testing::TempDir dir("pcn-print");
  config::PrinterConfig config;
  config.backend = "file";
  config.folder = dir / "tickets";
  util::Status status = make_printer(config)->print(testing::sample_print_job());
  REQUIRE_MESSAGE(status.ok(), status.error().to_string());
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(config.folder)) {
    CHECK(entry.path().filename().string().find("-C-042.") != std::string::npos);
    ++files;
  }
  CHECK(files == 2);
}

}  // namespace
}  // namespace pcn::printing
