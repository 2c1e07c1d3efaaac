// The dashboard's tables (report/data_tables.h cells, so that the page, its CSV and its
// workbook show the same numbers), each with the chart drawn from it on the page.
//
// All agencies (overview_panels), in order: accompaniments per week and agency; waits per agency
// (share received within 15 and 30 minutes, median, 90 %); partners; themes; autonomy; the
// share "fait à la place" week by week; results; orientations; first visits; the profile bands
// (age, situation, commune: counts from 1 to 4 shown "< 5", with a second cell masked when only
// one is, as in report/figures.h); equipment; slips not printed; each agency's link.
// One agency (agency_panels): the same for that agency, plus day by day, arrivals per hour of
// the day and accompaniments per counter.
// A partner's scope (Scope::slice) shows only that partner's row in the partners' table.
#pragma once

#include <string>
#include <vector>

#include "dashboard/pilot_figures.h"
#include "report/data_tables.h"

namespace pcn::dashboard {

struct Chart {
  enum class Kind { none, bar, line };
  Kind kind = Kind::none;
  std::vector<std::size_t> series{};  ///< the table's columns drawn; labels: column `labels`
  std::size_t labels = 0;
  bool percent = false;  ///< the y axis is a share (0–100)
};

struct Panel {
  report::DataTable table;
  Chart chart{};
  std::string note{};  ///< French, under the table ("" = none)
};

std::vector<Panel> overview_panels(const PilotFigures& f);
std::vector<Panel> agency_panels(const PilotFigures& f);

/// The panel with table key `key`, or nullptr.
const Panel* find_panel(const std::vector<Panel>& panels, const std::string& key);

}  // namespace pcn::dashboard
