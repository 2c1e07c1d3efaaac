#include "printing/file_printer.h"

#include <cerrno>
#include <cstdio>
#include <system_error>

#include <unistd.h>

#include "net/os_error.h"
#include "slip/slip_renderer.h"
#include "text/catalog.h"

namespace pcn::printing {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

util::Error write_failed(const std::filesystem::path& path, int errnum) {
  return util::make_error("print_failed",
                          text::print_file_failed(path.string(), net::os_error_text(errnum)));
}

/// Writes `bytes` to `path`, replacing it.
util::Status write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (!file) return write_failed(path, errno);
  if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
    return write_failed(path, errno);
  }
  if (std::fclose(file.release()) != 0) return write_failed(path, errno);
  return util::Status::success();
}

/// The label as a safe part of a file name.
std::string file_name_part(const std::string& label) {
  std::string part = label;
  for (char& c : part) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_';
    if (!safe) c = '_';
  }
  return part;
}

util::Status make_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return write_failed(folder, ec.value());
  return util::Status::success();
}

}  // namespace

FilePrinter::FilePrinter(std::filesystem::path folder, util::TimeZone zone,
                         std::shared_ptr<const util::Clock> clock)
    : folder_(std::move(folder)),
      zone_(std::move(zone)),
      clock_(clock ? std::move(clock) : std::make_shared<util::SystemClock>()) {}

std::filesystem::path FilePrinter::pdf_path(const PrintJob& job, util::TimePoint when) const {
  return folder_ /
         (zone_.format(when, "%Y%m%d-%H%M%S") + "-" + file_name_part(job.content.label) + ".pdf");
}

util::Status FilePrinter::print(const PrintJob& job) {
  auto pdf = slip::render_pdf(job.content, job.paper);
  if (!pdf.ok()) {
    return util::make_error("print_failed",
                            text::print_render_failed(describe(), pdf.error().message));
  }
  auto png = slip::render_png(job.content, job.paper);
  if (!png.ok()) {
    return util::make_error("print_failed",
                            text::print_render_failed(describe(), png.error().message));
  }
  PCN_TRY(make_folder(folder_));
  std::filesystem::path path = pdf_path(job, clock_->now());
  PCN_TRY(write_file(path, *pdf));
  return write_file(std::filesystem::path(path).replace_extension(".png"), *png);
}

util::Status FilePrinter::check() {
  PCN_TRY(make_folder(folder_));
  if (access(folder_.c_str(), W_OK | X_OK) != 0) return write_failed(folder_, errno);
  return util::Status::success();
}

std::string FilePrinter::describe() const { return text::printer_file_name(folder_.string()); }

}  // namespace pcn::printing
