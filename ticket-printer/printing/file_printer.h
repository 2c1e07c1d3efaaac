// The `file` back-end, for a kiosk without a printer (trials, training, development): each slip is
// written to a folder as a PDF and a PNG image.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "printing/printer.h"
#include "util/clock.h"
#include "util/time_zone.h"

namespace pcn::printing {

class FilePrinter final : public Printer {
 public:
  /// Writes into `folder` (created, with its parents, at each print when missing); file names
  /// carry the local time in `zone` read from `clock` (the system clock when null).
  FilePrinter(std::filesystem::path folder, util::TimeZone zone,
              std::shared_ptr<const util::Clock> clock = nullptr);

  /// Writes <folder>/<YYYYMMDD-HHMMSS>-<label>.pdf, then the same name in .png (characters of
  /// the label other than letters, digits, '-' and '_' become '_'); an existing file of that name
  /// is replaced. Fails with "print_failed" naming the folder or the file that could not be
  /// written, or when the slip cannot be drawn.
  util::Status print(const PrintJob& job) override;
  /// The folder exists (it is created when missing) and this process may write into it.
  util::Status check() override;
  /// "dossier « /var/lib/pcn/tickets »".
  std::string describe() const override;

  /// The path of the slip's PDF file for `job` printed at `when` (the PNG differs by extension).
  std::filesystem::path pdf_path(const PrintJob& job, util::TimePoint when) const;

 private:
  std::filesystem::path folder_;
  util::TimeZone zone_;
  std::shared_ptr<const util::Clock> clock_;
};

}  // namespace pcn::printing
