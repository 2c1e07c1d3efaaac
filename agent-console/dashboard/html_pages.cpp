#include "dashboard/html_pages.h"

#include <cmath>
#include <cstdio>

#include "report/report_csv.h"
#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

using report::Cell;

std::string head(const std::string& title, const std::string& extra = "") {
  return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
         extra + "<title>" + escape(title) +
         "</title>\n<link rel=\"stylesheet\" href=\"/static/dashboard.css\">\n</head>\n";
}

/// The number a chart reads (data-value), and the text a person reads.
std::string cell_html(const Cell& c, bool header) {
  const char* tag = header ? "th scope=\"row\"" : "td";
  const char* end = header ? "th" : "td";
  char number[64] = "";
  std::string shown;
  switch (c.kind) {
    case Cell::Kind::empty: shown = "—"; break;
    case Cell::Kind::text: shown = escape(c.text); break;
    case Cell::Kind::masked: shown = "&lt; 5"; break;
    case Cell::Kind::count:
      std::snprintf(number, sizeof number, "%.0f", c.number);
      shown = number;
      break;
    case Cell::Kind::minutes:
      std::snprintf(number, sizeof number, "%.0f", c.number);
      shown = number;
      break;
    case Cell::Kind::percent:
      std::snprintf(number, sizeof number, "%.1f", c.number);
      shown = number;
      for (char& ch : shown) if (ch == '.') ch = ',';
      break;
  }
  std::string attrs;
  if (number[0] != '\0') attrs = std::string(" data-value=\"") + number + "\"";
  if (c.kind != Cell::Kind::text) attrs += " class=\"num\"";
  return std::string("<") + tag + attrs + ">" + shown + "</" + end + ">";
}

std::string chart_kind(Chart::Kind k) { return k == Chart::Kind::line ? "line" : "bar"; }

std::string join_series(const std::vector<std::size_t>& series) {
  std::string s;
  for (std::size_t c : series) s += (s.empty() ? "" : ",") + std::to_string(c);
  return s;
}

std::string period_form(const PageContext& c) {
  auto link = [&c](const std::string& label, int days) {
    const util::LocalDate from = add_days(c.today, -(days - 1));
    return "<li><a href=\"" + escape(c.path) + "?du=" + from.to_string() + "&amp;au=" +
           c.today.to_string() + "\">" + escape(label) + "</a></li>";
  };
  return "<form class=\"period\" method=\"get\" action=\"" + escape(c.path) + "\">\n"
         "<fieldset><legend>" + escape(text::dash_period()) + "</legend>\n"
         "<label for=\"du\">" + escape(text::dash_from()) + "</label> <input type=\"date\" id=\"du\" "
         "name=\"du\" value=\"" + c.from.to_string() + "\" required>\n"
         "<label for=\"au\">" + escape(text::dash_to()) + "</label> <input type=\"date\" id=\"au\" "
         "name=\"au\" value=\"" + c.to.to_string() + "\" required>\n"
         "<button type=\"submit\">" + escape(text::dash_show()) + "</button>\n</fieldset>\n"
         "<ul class=\"quick\">" + link(text::dash_last_days(7), 7) + link(text::dash_last_days(28), 28) +
         link(text::dash_last_days(91), 91) + link(text::dash_last_days(365), 365) + "</ul>\n</form>\n";
}

std::string nav(const PageContext& c) {
  if (c.agencies.empty()) return "";
  const std::string range = "?du=" + c.from.to_string() + "&amp;au=" + c.to.to_string();
  std::string s = "<nav aria-label=\"" + escape(text::dash_nav_label()) + "\"><ul>\n";
  auto item = [&](const std::string& path, const std::string& label) {
    const bool here = path == c.path;
    s += "<li><a href=\"" + escape(path) + range + "\"" +
         (here ? " aria-current=\"page\"" : "") + ">" + escape(label) + "</a></li>\n";
  };
  item("/tableau", text::dash_col_all_agencies());
  for (const NavAgency& a : c.agencies) item("/agence/" + a.id, a.name);
  return s + "</ul></nav>\n";
}

std::string account_bar(const Account& a) {
  return "<div class=\"account\"><span>" + escape(text::dash_signed_in_as(a.full_name)) +
         "</span> <form method=\"post\" action=\"/deconnexion\"><button type=\"submit\">" +
         escape(text::dash_logout()) + "</button></form></div>\n";
}

}  // namespace

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string panel_html(const Panel& p, const std::string& export_base) {
  const report::DataTable& t = p.table;
  const std::string id = "t-" + t.key;
  std::string s = "<section class=\"panel\" aria-labelledby=\"h-" + escape(t.key) + "\">\n<h2 id=\"h-" +
                  escape(t.key) + "\">" + escape(t.title) + "</h2>\n";
  if (p.chart.kind != Chart::Kind::none && !t.rows.empty()) {
    s += "<figure class=\"chart\" data-table=\"" + escape(id) + "\" data-kind=\"" +
         chart_kind(p.chart.kind) + "\" data-labels=\"" + std::to_string(p.chart.labels) +
         "\" data-series=\"" + join_series(p.chart.series) + "\"" +
         (p.chart.percent ? " data-percent=\"1\"" : "") + ">\n<canvas role=\"img\" aria-label=\"" +
         escape(text::dash_chart_label(t.title)) + "\"></canvas>\n</figure>\n";
  }
  s += "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"h-" + escape(t.key) +
       "\">\n<table id=\"" + escape(id) + "\">\n<caption>" + escape(t.title) + "</caption>\n<thead><tr>";
  for (const report::DataColumn& c : t.columns) s += "<th scope=\"col\">" + escape(c.title) + "</th>";
  s += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    s += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      // the row's name: the first text column (the label after a code column)
      const bool header = i == p.chart.labels && row[i].kind == Cell::Kind::text;
      s += cell_html(row[i], header);
    }
    s += "</tr>\n";
  }
  s += "</tbody>\n</table>\n</div>\n";
  if (!p.note.empty()) s += "<p class=\"note\">" + escape(p.note) + "</p>\n";
  s += "<p class=\"downloads\">" + escape(text::dash_download()) + " <a href=\"" + export_base +
       "&amp;tableau=" + escape(t.key) + "&amp;format=csv\" download>" +
       escape(text::dash_download_csv(t.title)) + "</a> · <a href=\"" + export_base + "&amp;tableau=" +
       escape(t.key) + "&amp;format=xlsx\" download>" + escape(text::dash_download_xlsx(t.title)) +
       "</a></p>\n</section>\n";
  return s;
}

std::string dashboard_page(const PageContext& c, const std::vector<Panel>& panels) {
  const std::string export_base = escape(c.path) + "/export?du=" + c.from.to_string() + "&amp;au=" +
                                  c.to.to_string();
  std::string s = head(c.title + " — " + text::dash_site_name());
  s += "<body>\n<a class=\"skip\" href=\"#contenu\">" + escape(text::dash_skip_link()) + "</a>\n"
       "<header><p class=\"site\">" + escape(text::dash_site_name()) + "</p>\n" + account_bar(c.account) +
       "</header>\n" + nav(c) + "<main id=\"contenu\">\n<h1>" + escape(c.title) + "</h1>\n<p class=\"range\">" +
       escape(text::dash_range_text(c.from.to_string(), c.to.to_string())) + "</p>\n" + period_form(c);
  for (const Panel& p : panels) s += panel_html(p, export_base);
  s += "</main>\n<script src=\"/static/chart.min.js\"></script>\n"
       "<script src=\"/static/dashboard.js\"></script>\n</body>\n</html>\n";
  return s;
}

std::string login_page(const std::string& message, const std::string& login) {
  std::string s = head(text::dash_login_title() + " — " + text::dash_site_name());
  s += "<body class=\"narrow\">\n<main id=\"contenu\">\n<h1>" + escape(text::dash_login_title()) + "</h1>\n";
  if (!message.empty()) s += "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>\n";
  s += "<form method=\"post\" action=\"/connexion\">\n<p><label for=\"login\">" + escape(text::dash_login_label()) +
       "</label><br><input id=\"login\" name=\"login\" autocomplete=\"username\" required maxlength=\"64\" value=\"" +
       escape(login) + "\"></p>\n<p><label for=\"password\">" + escape(text::dash_password_label()) +
       "</label><br><input id=\"password\" name=\"password\" type=\"password\" "
       "autocomplete=\"current-password\" required maxlength=\"256\"></p>\n<p><button type=\"submit\">" +
       escape(text::dash_login_button()) + "</button></p>\n</form>\n</main>\n</body>\n</html>\n";
  return s;
}

std::string error_page(const std::string& title, const std::string& message, bool signed_in) {
  std::string s = head(title + " — " + text::dash_site_name());
  s += "<body class=\"narrow\">\n<main id=\"contenu\">\n<h1>" + escape(title) + "</h1>\n<p class=\"error\">" +
       escape(message) + "</p>\n<p><a href=\"" + (signed_in ? "/" : "/connexion") + "\">" +
       escape(signed_in ? text::dash_back_home() : text::dash_login_title()) + "</a></p>\n</main>\n</body>\n</html>\n";
  return s;
}

std::string follow_page(const FollowStatus& st) {
  const std::string refresh = "<meta http-equiv=\"refresh\" content=\"" +
                              std::to_string(kFollowRefreshSeconds) + "\">\n";
  using Kind = FollowStatus::Kind;
  const bool live = st.kind == Kind::waiting || st.kind == Kind::called || st.kind == Kind::pending ||
                    st.kind == Kind::link_down;
  std::string s = head(text::follow_title(), live ? refresh : "");
  s += "<body class=\"follow\">\n<main id=\"contenu\">\n";
  if (!st.agency_name.empty()) s += "<p class=\"agency\">" + escape(st.agency_name) + "</p>\n";
  switch (st.kind) {
    case Kind::invalid:
      s += "<h1>" + escape(text::follow_invalid_title()) + "</h1>\n<p>" + escape(text::follow_invalid()) + "</p>\n";
      break;
    case Kind::other_day:
      s += "<h1>" + escape(text::follow_other_day_title()) + "</h1>\n<p>" +
           escape(text::follow_other_day(st.day.to_string())) + "</p>\n";
      break;
    case Kind::link_down:
      s += "<h1>" + escape(text::follow_unavailable_title()) + "</h1>\n<p>" + escape(text::follow_unavailable()) +
           "</p>\n";
      break;
    case Kind::pending:
      s += "<h1>" + escape(text::follow_pending_title()) + "</h1>\n<p>" + escape(text::follow_pending()) + "</p>\n";
      break;
    case Kind::waiting:
      s += "<p class=\"label\">" + escape(text::follow_your_number()) + " <strong>" + escape(st.label) +
           "</strong></p>\n<p class=\"service\">" + escape(st.service_label) + "</p>\n<h1>" +
           escape(text::follow_ahead(st.ahead)) + "</h1>\n" +
           (st.wait_text.empty() ? "" : "<p class=\"wait\">" + escape(st.wait_text) + "</p>\n");
      break;
    case Kind::called:
      s += "<p class=\"label\">" + escape(text::follow_your_number()) + " <strong>" + escape(st.label) +
           "</strong></p>\n<h1 class=\"called\">" + escape(text::follow_called(st.counter_label)) + "</h1>\n";
      break;
    case Kind::finished:
      s += "<p class=\"label\">" + escape(text::follow_your_number()) + " <strong>" + escape(st.label) +
           "</strong></p>\n<h1>" + escape(text::follow_finished(st.state)) + "</h1>\n";
      break;
  }
  if (!st.updated.empty() && (st.kind == Kind::waiting || st.kind == Kind::called)) {
    s += "<p class=\"updated\">" + escape(text::follow_updated(st.updated, kFollowRefreshSeconds)) + "</p>\n";
  }
  s += "</main>\n</body>\n</html>\n";
  return s;
}

}  // namespace pcn::dashboard
