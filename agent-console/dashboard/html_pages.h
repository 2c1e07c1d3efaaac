// The dashboard's HTML, French, written on the server: every page works without JavaScript (the
// tables are the figures); dashboard.js only draws each table's chart with Chart.js from the
// numbers of the table itself (data-value attributes), so a chart never says something its table
// does not. Every text from a request or the database goes through escape().
//
// Accessibility: a skip link, landmarks (header, nav, main), one h1, a caption and column headers
// (scope="col") in every table, the chart's canvas as role="img" with a label pointing to its
// table, visible keyboard focus, colours of WCAG AA contrast (dashboard.css), a layout in one
// column under 800 px wide.
#pragma once

#include <string>
#include <vector>

#include "dashboard/accounts.h"
#include "dashboard/dashboard_tables.h"
#include "dashboard/follow_status.h"
#include "dashboard/web_request.h"

namespace pcn::dashboard {

/// `text` with & < > " ' replaced by entities.
std::string escape(const std::string& text);

/// The agency links of a page's navigation.
struct NavAgency {
  std::string id;
  std::string name;
};

struct PageContext {
  Account account;
  std::vector<NavAgency> agencies;  ///< the agencies the account may open (none for agence)
  std::string path;                 ///< "/tableau" or "/agence/bourail"
  util::LocalDate from;
  util::LocalDate to;
  util::LocalDate today;
  std::string title;                ///< h1
};

/// A dashboard page: header (account, logout), navigation, period picker, the panels.
std::string dashboard_page(const PageContext& context, const std::vector<Panel>& panels);
/// The login page, with an error message ("" = none).
std::string login_page(const std::string& message, const std::string& login);
/// An error page: title and French message.
std::string error_page(const std::string& title, const std::string& message, bool signed_in);
/// The public page of a followed ticket (refreshes itself every kFollowRefreshSeconds).
inline constexpr int kFollowRefreshSeconds = 15;
std::string follow_page(const FollowStatus& status);

/// One table as HTML (with its chart's figure when it has one), for tests and the page.
std::string panel_html(const Panel& panel, const std::string& export_base);

}  // namespace pcn::dashboard
