// printing::CupsPrinter against the machine's real cupsd: a cups-pdf queue writing into a test
// folder (the PDF that comes out is checked with pdfinfo and pdftotext), and raw queues pointed at
// a local listener that can hold a job forever (to see stops and timeouts while printing).
#include <doctest/doctest.h>
#include <signal.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <future>
#include <vector>

#include "printing/cups_job.h"
#include "printing/cups_printer.h"
#include "slip/slip_renderer.h"
#include "support/cups_harness.h"
#include "support/temp_dir.h"
#include "test_printing_samples.h"

namespace pcn::printing {
namespace {

using namespace std::chrono_literals;
using testing::seconds_since;
using SteadyClock = std::chrono::steady_clock;

/// The slip's page size as the renderer draws it, before CUPS.
testing::PageSize rendered_page_size(const PrintJob& job, const testing::TempDir& dir) {
  auto pdf = slip::render_pdf(job.content, job.paper);
  REQUIRE(pdf.ok());
  std::filesystem::path path = dir / "rendered.pdf";
  std::ofstream(path, std::ios::binary) << *pdf;
  auto size = testing::pdf_page_size(path);
  REQUIRE(size.has_value());
  return *size;
}

TEST_CASE("printing::cups_safe_name keeps letters, digits, '-', '_' and '.' only") {
  CHECK(cups_safe_name("pcn-C-042") == "pcn-C-042");
  CHECK(cups_safe_name("ticket C-042") == "ticket-C-042");
  CHECK(cups_safe_name("Numéro «C»/42\t;") == "Num--ro---C---42--");
  CHECK(cups_safe_name("") == "pcn-slip");
  CHECK(cups_safe_name(std::string(200, 'a')).size() == 64);
  CHECK(cups_safe_option("PageSize", "Custom.226.77x340.16"));
  CHECK_FALSE(cups_safe_option("PageSize", "Custom 226"));
  CHECK_FALSE(cups_safe_option("page size", "A4"));
  CHECK_FALSE(cups_safe_option("PageSize", ""));
  CHECK_FALSE(cups_safe_option("job-name", std::string(65, 'a')));
}

// Regression: Debian 12's cupsd 2.4.2-3+deb12u10 segfaults on a Send-Document whose
// document-name holds a space, and the kiosk used to name its jobs "ticket C-042".
TEST_CASE("printing::CupsPrinter slips whose title has spaces print, and the scheduler survives") {
  testing::CupsHarness cups;
  testing::TempDir dir("pcn-print");
  std::filesystem::path out = dir / "out";
  std::string queue = cups.add_pdf_queue(out);
  CupsPrinter printer(queue, 30s);
  PrintJob job = testing::sample_print_job(58);
  job.title = "ticket C-042 « duplicata »";  // spaces and non-ASCII: what crashed cupsd

  for (int i = 0; i < 3; ++i) {
    util::Status status = printer.print(job);
    REQUIRE_MESSAGE(status.ok(), status.error().to_string());
    REQUIRE_MESSAGE(!cups.scheduler_died(), testing::scheduler_death_report());
  }
  CHECK(testing::scheduler_running());
  auto pdf = testing::wait_for_pdf(out, 10s);
  REQUIRE(pdf.has_value());
  auto size = testing::pdf_page_size(*pdf);
  REQUIRE(size.has_value());
  CHECK(testing::same_size(*size, rendered_page_size(job, dir)));
  CHECK(testing::pdf_text(*pdf).find("C-042") != std::string::npos);
  CHECK(pdf->filename().string().find(' ') == std::string::npos);  // cups-pdf names it by title
}

TEST_CASE("printing::CupsPrinter refuses an unsafe option before anything reaches CUPS") {
  util::Status status = print_on_cups_queue(
      "pcn-test-any", "pcn-C-042", CupsDocument{"%PDF", "application/pdf", {{"PageSize", "A4 x"}}},
      5s);
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "print_failed");
  CHECK(status.error().message.find("« PageSize »") != std::string::npos);
}

TEST_CASE("printing::CupsPrinter prints again after cupsd is restarted or killed and started") {
  testing::CupsHarness cups;
  testing::TempDir dir("pcn-print");
  std::string queue = cups.add_pdf_queue(dir / "out");
  CupsPrinter printer(queue, 20s);
  PrintJob job = testing::sample_print_job();
  REQUIRE(printer.print(job).ok());
  REQUIRE(printer.check().ok());

  SUBCASE("restarted (SIGTERM, as systemctl restart cups does)") {
    cups.restart_scheduler(SIGTERM);
  }
  SUBCASE("killed (SIGKILL, as a crash does) and started again") {
    cups.restart_scheduler(SIGKILL);
  }
  SUBCASE("gone for a while: slips and checks fail at once, then it comes back") {
    cups.restart_scheduler(SIGKILL, false);
    auto start = SteadyClock::now();
    util::Status down = printer.print(job);
    REQUIRE_FALSE(down.ok());
    CHECK(down.error().code == "print_failed");
    CHECK(down.error().message.find("lpstat -r") != std::string::npos);
    CHECK_FALSE(printer.check().ok());
    CHECK(seconds_since(start) < 10.0);  // not the 20 s print timeout
    cups.start();
  }
  CHECK(printer.check().ok());
  util::Status again = printer.print(job);
  REQUIRE_MESSAGE(again.ok(), again.error().to_string());
  CHECK(testing::scheduler_running());
}

TEST_CASE("printing::CupsPrinter check() names a missing, a stopped and a rejecting queue") {
  testing::CupsHarness cups;
  testing::TempDir dir("pcn-print");
  std::string queue = cups.add_pdf_queue(dir / "out");
  CHECK(CupsPrinter(queue, 5s).check().ok());
  CHECK(CupsPrinter("pcn-test-no-such-queue", 5s).check().error().code == "printer_missing");
  cups.disable(queue);
  CHECK(CupsPrinter(queue, 5s).check().error().code == "printer_stopped");
  cups.enable(queue);
  cups.reject(queue);
  CHECK(CupsPrinter(queue, 5s).check().error().code == "printer_stopped");
  CHECK(cups.unfinished_jobs(queue) == 0);  // checking printed nothing
}

TEST_CASE(
    "printing::CupsPrinter prints on a cups-pdf queue at the slip's page size, with its text") {
  testing::CupsHarness cups;
  testing::TempDir dir("pcn-print");
  int paper_mm = 80;
  SUBCASE("80 mm") { paper_mm = 80; }
  SUBCASE("58 mm") { paper_mm = 58; }
  PrintJob job = testing::sample_print_job(paper_mm);
  std::filesystem::path out = dir / "out";
  std::string queue = cups.add_pdf_queue(out);
  CupsPrinter printer(queue, 30s);

  util::Status status = printer.print(job);
  REQUIRE_MESSAGE(status.ok(), status.error().to_string());

  auto pdf = testing::wait_for_pdf(out, 10s);
  REQUIRE(pdf.has_value());
  auto size = testing::pdf_page_size(*pdf);
  REQUIRE(size.has_value());
  testing::PageSize slip = rendered_page_size(job, dir);
  INFO("printed ", size->width, " x ", size->height, " pt; slip ", slip.width, " x ", slip.height);
  CHECK(testing::same_size(*size, slip));  // neither A4 nor scaled
  CHECK(size->width == doctest::Approx(testing::mm_to_points(paper_mm)).epsilon(0.001));
  std::string text = testing::pdf_text(*pdf);
  INFO("pdftotext: ", text);
  CHECK(text.find("C-042") != std::string::npos);
  CHECK(text.find("CAFAT") != std::string::npos);
  CHECK(text.find("OPT Bourail") != std::string::npos);
  CHECK(text.find("Numérique") != std::string::npos);
}

TEST_CASE("printing::CupsPrinter fails with printer_missing naming a queue CUPS does not have") {
  testing::CupsHarness cups;  // the scheduler runs: the queue really is missing
  CupsPrinter printer("pcn-test-no-such-queue", 5s);
  auto start = SteadyClock::now();
  util::Status status = printer.print(testing::sample_print_job());
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "printer_missing");
  CHECK(status.error().message.find("« pcn-test-no-such-queue »") != std::string::npos);
  CHECK(seconds_since(start) < 3.0);
}

TEST_CASE("printing::CupsPrinter fails at once on a stopped queue, and prints once it is enabled") {
  testing::CupsHarness cups;
  testing::TempDir dir("pcn-print");
  std::string queue = cups.add_pdf_queue(dir / "out");
  cups.disable(queue);
  CupsPrinter printer(queue, 20s);
  PrintJob job = testing::sample_print_job();

  auto start = SteadyClock::now();
  util::Status stopped = printer.print(job);
  REQUIRE_FALSE(stopped.ok());
  CHECK(stopped.error().code == "printer_stopped");
  CHECK(stopped.error().message.find("« " + queue + " »") != std::string::npos);
  CHECK(seconds_since(start) < 3.0);        // not after the 20 s timeout
  CHECK(cups.unfinished_jobs(queue) == 0);  // nothing left to print by surprise later

  cups.enable(queue);
  util::Status printed = printer.print(job);
  REQUIRE_MESSAGE(printed.ok(), printed.error().to_string());
  auto pdf = testing::wait_for_pdf(dir / "out", 10s);
  REQUIRE(pdf.has_value());
  CHECK(testing::pdf_text(*pdf).find("C-042") != std::string::npos);
}

TEST_CASE("printing::CupsPrinter fails with printer_stopped on a queue that rejects jobs") {
  testing::CupsHarness cups;
  testing::TempDir dir("pcn-print");
  std::string queue = cups.add_pdf_queue(dir / "out");
  cups.reject(queue);
  util::Status status = CupsPrinter(queue, 20s).print(testing::sample_print_job());
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "printer_stopped");
  CHECK(status.error().message.find("cupsaccept " + queue) != std::string::npos);
}

TEST_CASE("printing::CupsPrinter notices a queue stopped while it waits, and cancels the job") {
  testing::CupsHarness cups;
  testing::ByteSink printer_device;
  printer_device.hold(true);  // the "printer" takes the bytes but never finishes
  std::string queue = cups.add_raw_queue(printer_device.port());
  CupsPrinter printer(queue, 30s);

  auto start = SteadyClock::now();
  auto outcome =
      std::async(std::launch::async, [&] { return printer.print(testing::sample_print_job()); });
  REQUIRE(printer_device.wait_for_connection(10s));
  cups.disable(queue);
  REQUIRE(outcome.wait_for(5s) == std::future_status::ready);
  util::Status status = outcome.get();
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "printer_stopped");
  CHECK(seconds_since(start) < 15.0);
  CHECK(cups.wait_until_idle(queue, 5s));
}

TEST_CASE("printing::CupsPrinter fails with print_aborted when someone cancels the job") {
  testing::CupsHarness cups;
  testing::ByteSink printer_device;
  printer_device.hold(true);
  std::string queue = cups.add_raw_queue(printer_device.port());
  CupsPrinter printer(queue, 30s);

  auto outcome =
      std::async(std::launch::async, [&] { return printer.print(testing::sample_print_job()); });
  REQUIRE(printer_device.wait_for_connection(10s));
  cups.cancel_jobs(queue);
  REQUIRE(outcome.wait_for(5s) == std::future_status::ready);
  util::Status status = outcome.get();
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "print_aborted");
  CHECK(status.error().message.find("annulée") != std::string::npos);
}

TEST_CASE(
    "printing::CupsPrinter fails with print_failed when the CUPS scheduler cannot be reached") {
  // libcups reads CUPS_SERVER once per thread: a fresh thread sees this closed port.
  setenv("CUPS_SERVER", "127.0.0.1:1", 1);
  auto outcome = std::async(std::launch::async, [] {
    return CupsPrinter("ticket-80mm", 5s).print(testing::sample_print_job());
  });
  util::Status status = outcome.get();
  unsetenv("CUPS_SERVER");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "print_failed");
  CHECK(status.error().message.find("CUPS (127.0.0.1") != std::string::npos);
  CHECK(status.error().message.find("lpstat -r") != std::string::npos);
}

TEST_CASE("printing::CupsPrinter gives up with print_timeout and cancels the job") {
  testing::CupsHarness cups;
  testing::ByteSink printer_device;
  printer_device.hold(true);
  std::string queue = cups.add_raw_queue(printer_device.port());
  CupsPrinter printer(queue, 1500ms);

  auto start = SteadyClock::now();
  util::Status status = printer.print(testing::sample_print_job());
  double elapsed = seconds_since(start);
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().code == "print_timeout");
  CHECK(status.error().message.find("« " + queue + " »") != std::string::npos);
  CHECK(status.error().message.find("1500 ms") != std::string::npos);
  CHECK(elapsed >= 1.5);
  CHECK(elapsed < 3.0);
  CHECK(cups.wait_until_idle(queue, 5s));  // cancelled: it will not come out later
}

TEST_CASE("printing::CupsPrinter prints five slips in a row on cups-pdf (times reported)") {
  testing::CupsHarness cups;
  testing::TempDir dir("pcn-print");
  std::string queue = cups.add_pdf_queue(dir / "out");
  CupsPrinter printer(queue, 30s);
  std::vector<double> seconds;
  for (int i = 0; i < 5; ++i) {
    auto start = SteadyClock::now();
    util::Status status = printer.print(testing::sample_print_job());
    seconds.push_back(seconds_since(start));
    REQUIRE_MESSAGE(status.ok(), status.error().to_string());
  }
  std::sort(seconds.begin(), seconds.end());
  MESSAGE("print() to CUPS job completed on cups-pdf, 5 runs: min ", seconds.front(), " s, median ",
          seconds[2], " s, max ", seconds.back(), " s");
  CHECK_FALSE(cups.scheduler_died());
}

}  // namespace
}  // namespace pcn::printing
