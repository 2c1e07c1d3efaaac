// printing::EscposPrinter against the machine's real cupsd: a raw queue whose device is a local
// listener standing in for a network receipt printer; the bytes it receives are checked.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "printing/escpos_printer.h"
#include "slip/escpos.h"
#include "slip/slip_renderer.h"
#include "support/cups_harness.h"
#include "test_printing_samples.h"

namespace pcn::printing {
namespace {

using namespace std::chrono_literals;

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out += static_cast<char>(v);
  return out;
}

TEST_CASE("printing::EscposPrinter sends the slip's ESC/POS job unchanged to a raw queue") {
  testing::CupsHarness cups;
  testing::ByteSink printer_device;
  std::string queue = cups.add_raw_queue(printer_device.port());
  int paper_mm = 80;
  int row_bytes = 72;  // 576 dots
  SUBCASE("80 mm") {}
  SUBCASE("58 mm") {
    paper_mm = 58;
    row_bytes = 48;  // 384 dots
  }
  PrintJob job = testing::sample_print_job(paper_mm);

  util::Status status = EscposPrinter(queue, 30s).print(job);
  REQUIRE_MESSAGE(status.ok(), status.error().to_string());

  auto received = printer_device.wait_for_job(5s);
  REQUIRE(received.has_value());
  const std::string& job_bytes = *received;
  CHECK(job_bytes.rfind(bytes({0x1B, 0x40}), 0) == 0);  // ESC @ first
  std::string image = bytes({0x1D, 0x76, 0x30, 0x00, row_bytes, 0x00});
  CHECK(job_bytes.find(image) != std::string::npos);  // GS v 0 at the paper's width
  REQUIRE(job_bytes.size() > 4);
  CHECK(job_bytes.substr(job_bytes.size() - 4, 2) == bytes({0x1D, 0x56}));  // GS V: cut last
  auto raster = slip::render_raster(job.content, job.paper);
  REQUIRE(raster.ok());
  CHECK(job_bytes == slip::escpos_job(*raster));  // byte for byte, nothing added by CUPS
}

TEST_CASE("printing::EscposPrinter fails with printer_missing naming a queue CUPS does not have") {
  testing::CupsHarness cups;
  EscposPrinter printer("pcn-test-no-such-raw-queue", 5s);
  util::Status status = printer.print(testing::sample_print_job());
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "printer_missing");
  CHECK(status.error().message.find("« pcn-test-no-such-raw-queue »") != std::string::npos);
  CHECK(printer.describe() == "ESC/POS « pcn-test-no-such-raw-queue »");
}

TEST_CASE("printing::EscposPrinter fails at once on a stopped raw queue") {
  testing::CupsHarness cups;
  testing::ByteSink printer_device;
  std::string queue = cups.add_raw_queue(printer_device.port());
  cups.disable(queue);
  auto start = std::chrono::steady_clock::now();
  util::Status status = EscposPrinter(queue, 20s).print(testing::sample_print_job());
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "printer_stopped");
  CHECK(testing::seconds_since(start) < 3.0);
  CHECK_FALSE(printer_device.wait_for_job(500ms).has_value());
}

}  // namespace
}  // namespace pcn::printing
