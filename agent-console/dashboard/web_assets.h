// The dashboard's own script and style sheet, built into the program (no files to install, no
// build step): dashboard.js draws each table's chart with Chart.js from the table's numbers;
// dashboard.css lays out the pages (WCAG AA contrast, visible focus, one column on a phone,
// large text on the ticket page).
#pragma once

#include <string_view>

namespace pcn::dashboard {

std::string_view dashboard_js();
std::string_view dashboard_css();

}  // namespace pcn::dashboard
