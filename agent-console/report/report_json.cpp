#include "report/report_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "report/data_tables.h"

namespace pcn::report {

namespace {

using Json = nlohmann::ordered_json;

double rounded(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

Json cell_json(const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::empty:
      return nullptr;
    case Cell::Kind::text:
    case Cell::Kind::masked:
      return cell.text;
    case Cell::Kind::count:
      return std::lround(cell.number);
    case Cell::Kind::minutes:
      return rounded(cell.number, 2);
    case Cell::Kind::percent:
      return rounded(cell.number, 1);
  }
  return nullptr;
}

Json table_json(const DataTable& t) {
  Json rows = Json::array();
  for (const auto& row : t.rows) {
    Json r = Json::object();
    for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
      r[t.columns[i].key] = cell_json(row[i]);
    }
    rows.push_back(std::move(r));
  }
  return {{"title", t.title}, {"rows", std::move(rows)}};
}

double minutes(std::chrono::seconds s) {
  return rounded(std::chrono::duration<double>(s).count() / 60.0, 2);
}

}  // namespace

std::string report_json(const Figures& f, const std::string& agency,
                        const std::vector<std::string>& files) {
  Json out = {{"agency", agency},
              {"from", f.from.to_string()},
              {"to", f.to.to_string()},
              {"days", f.days},
              {"open_days", f.open_days},
              {"opening_min", minutes(f.opening_time)},
              {"opening_elapsed_min", minutes(f.opening_elapsed)},
              {"now", f.now_clock.empty() ? Json(nullptr) : Json(f.now_clock)}};
  Json tables = Json::object();
  for (const auto& t : data_tables(f, agency)) {
    if (t.key != "summary") tables[t.key] = table_json(t);
  }
  out["tables"] = std::move(tables);
  out["files"] = files;
  return out.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace pcn::report
