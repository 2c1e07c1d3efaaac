#include "printing/cups_printer.h"

#include <cups/cups.h>

#include <charconv>
#include <optional>

#include "printing/cups_job.h"
#include "slip/slip_renderer.h"
#include "text/catalog.h"

namespace pcn::printing {
namespace {

/// Reads the next number of `text` from `pos` (skipping spaces); nullopt when there is none.
std::optional<double> next_number(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '[')) ++pos;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), value);
  if (ec != std::errc()) return std::nullopt;
  pos = static_cast<std::size_t>(end - text.data());
  return value;
}

/// `value` with two decimals and a dot, whatever the locale: "226.77".
std::string points(double value) {
  char digits[32];
  auto result = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed, 2);
  return std::string(digits, result.ptr);
}

/// "Custom.WxH" (points) from the first page's /MediaBox [x0 y0 x1 y1]; nullopt when absent.
std::optional<std::string> custom_page_size(std::string_view pdf) {
  std::size_t pos = pdf.find("/MediaBox");
  if (pos == std::string_view::npos) return std::nullopt;
  pos += 9;
  double box[4];
  for (double& number : box) {
    auto value = next_number(pdf, pos);
    if (!value) return std::nullopt;
    number = *value;
  }
  return "Custom." + points(box[2] - box[0]) + "x" + points(box[3] - box[1]);
}

}  // namespace

CupsPrinter::CupsPrinter(std::string queue, std::chrono::milliseconds timeout)
    : queue_(std::move(queue)), timeout_(timeout) {}

util::Status CupsPrinter::print(const PrintJob& job) {
  auto pdf = slip::render_pdf(job.content, job.paper);
  if (!pdf.ok()) {
    return util::make_error("print_failed",
                            text::print_render_failed(describe(), pdf.error().message));
  }
  CupsDocument document{*pdf, CUPS_FORMAT_PDF, {}};
  if (auto size = custom_page_size(*pdf)) document.options.emplace_back("PageSize", *size);
  return print_on_cups_queue(queue_, job.title, document, timeout_);
}

util::Status CupsPrinter::check() { return check_cups_queue(queue_, timeout_); }

std::string CupsPrinter::describe() const { return text::printer_cups_name(queue_); }

}  // namespace pcn::printing
