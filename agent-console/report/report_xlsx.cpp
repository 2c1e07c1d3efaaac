#include "report/report_xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "net/os_error.h"
#include "text/catalog.h"

namespace pcn::report {

namespace {

constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;

/// Owns a workbook until it is closed; frees it (writing nothing) when it never was.
class Workbook {
 public:
  explicit Workbook(const std::string& path) : book_(workbook_new(path.c_str())) {}
  ~Workbook() {
    if (book_ != nullptr) lxw_workbook_free(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_workbook* get() const { return book_; }
  /// Writes the file; the workbook is gone after this, whatever it returns.
  lxw_error close() {
    lxw_error e = workbook_close(book_);
    book_ = nullptr;
    return e;
  }

 private:
  lxw_workbook* book_;
};

struct Formats {
  lxw_format* title;
  lxw_format* minutes;
  lxw_format* percent;
};

std::size_t width_of(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const Cell& cell,
                const Formats& f) {
  switch (cell.kind) {
    case Cell::Kind::empty:
      return;
    case Cell::Kind::text:
    case Cell::Kind::masked:
      worksheet_write_string(sheet, row, col, cell.text.c_str(), nullptr);
      return;
    case Cell::Kind::count:
      worksheet_write_number(sheet, row, col, cell.number, nullptr);
      return;
    case Cell::Kind::minutes:
      worksheet_write_number(sheet, row, col, cell.number, f.minutes);
      return;
    case Cell::Kind::percent:
      worksheet_write_number(sheet, row, col, cell.number, f.percent);
      return;
  }
}

/// Column widths in characters: the longest title or text of the column, within bounds.
void set_widths(lxw_worksheet* sheet, const DataTable& t) {
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    std::size_t w = width_of(t.columns[c].title);
    for (const auto& row : t.rows) {
      if (c < row.size()) w = std::max(w, width_of(row[c].text));
    }
    double width = std::clamp(static_cast<double>(w) + 2, kMinWidth, kMaxWidth);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                         nullptr);
  }
}

util::Status add_sheet(lxw_workbook* book, const DataTable& t, const Formats& f) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, t.sheet.c_str());
  if (sheet == nullptr) {
    return util::make_error("bad_request",
                            text::report_xlsx_failed(t.sheet, "nom de feuille refusé"));
  }
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.columns[c].title.c_str(),
                           f.title);
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      write_cell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), t.rows[r][c], f);
    }
  }
  set_widths(sheet, t);
  worksheet_freeze_panes(sheet, 1, 0);
  return util::Status::success();
}

}  // namespace

util::Status write_xlsx(const std::string& path, const std::vector<DataTable>& tables) {
  // libxlsxwriter only opens the file when closing, and then says why it failed in English on
  // stderr: try the path first, to say it in French.
  if (!std::ofstream(path, std::ios::binary | std::ios::trunc)) {
    int errnum = errno;
    return util::make_error("io_error", text::report_xlsx_failed(path, net::os_error_text(errnum)));
  }
  Workbook book(path);
  if (book.get() == nullptr) {
    return util::make_error("io_error", text::report_xlsx_failed(path, "mémoire insuffisante"));
  }
  Formats f{workbook_add_format(book.get()), workbook_add_format(book.get()),
            workbook_add_format(book.get())};
  format_set_bold(f.title);
  format_set_num_format(f.minutes, "0.00");
  format_set_num_format(f.percent, "0.0");
  for (const auto& t : tables) PCN_TRY(add_sheet(book.get(), t, f));
  if (lxw_error e = book.close(); e != LXW_NO_ERROR) {
    return util::make_error("io_error", text::report_xlsx_failed(path, lxw_strerror(e)));
  }
  return util::Status::success();
}

}  // namespace pcn::report
