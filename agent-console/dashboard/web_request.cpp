#include "dashboard/web_request.h"

#include <algorithm>
#include <chrono>

#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

std::chrono::sys_days sys_of(util::LocalDate d) {
  return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{d.month},
                                     std::chrono::day{d.day}};
}

util::Error bad(const std::string& message) { return util::make_error("bad_request", message); }

util::Result<util::LocalDate> date_param(const Params& params, const std::string& name,
                                         util::LocalDate fallback) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty()) return fallback;
  auto d = util::LocalDate::parse(it->second);
  if (!d.ok() || d->to_string() != it->second) return bad(text::dash_bad_date(name, it->second));
  return *d;
}

}  // namespace

util::LocalDate add_days(util::LocalDate d, int days) {
  const std::chrono::year_month_day ymd{sys_of(d) + std::chrono::days{days}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

util::Result<PageRequest> parse_page_request(const Params& params, util::LocalDate today,
                                             bool is_export) {
  std::vector<std::string> allowed{"du", "au"};
  if (is_export) allowed.insert(allowed.end(), {"tableau", "format"});
  for (const auto& [name, value] : params) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return bad(text::dash_unknown_param(name.substr(0, kMaxParamBytes)));
    }
    if (params.count(name) > 1) return bad(text::dash_repeated_param(name));
    if (value.size() > kMaxParamBytes) return bad(text::dash_param_too_long(name, kMaxParamBytes));
  }
  PageRequest r;
  auto to = date_param(params, "au", today);
  if (!to.ok()) return to.error();
  auto from = date_param(params, "du", add_days(*to, -(kDefaultRangeDays - 1)));
  if (!from.ok()) return from.error();
  r.from = *from;
  r.to = *to;
  if (r.from > r.to) return bad(text::dash_bad_range(r.from.to_string(), r.to.to_string()));
  if ((sys_of(r.to) - sys_of(r.from)).count() + 1 > kMaxRangeDays) {
    return bad(text::dash_range_too_long(kMaxRangeDays));
  }
  if (is_export) {
    auto table = params.find("tableau");
    auto format = params.find("format");
    if (table == params.end() || table->second.empty()) return bad(text::dash_missing_param("tableau"));
    if (format == params.end() || (format->second != "csv" && format->second != "xlsx")) {
      return bad(text::dash_bad_format(format == params.end() ? "" : format->second));
    }
    r.table = table->second;
    r.format = format->second;
  }
  return r;
}

util::Result<Scope> scope_for(const Account& account, const std::string& agency,
                              const std::vector<std::string>& known, const PageRequest& request) {
  // An agency account learns nothing of other agencies, not even which exist: its role is
  // checked before the agency's existence.
  if (account.role == Role::agence) {
    if (agency.empty()) return util::make_error("redirect", account.scope);
    if (agency != account.scope) {
      return util::make_error("forbidden", text::dash_forbidden_agency(account.scope));
    }
  }
  if (!agency.empty() && std::find(known.begin(), known.end(), agency) == known.end()) {
    return util::make_error("unknown_agency", text::dash_unknown_agency(agency.substr(0, 40)));
  }
  Scope s{request.from, request.to, agency, ""};
  switch (account.role) {
    case Role::coordination:
    case Role::agence:
      break;
    case Role::partenaire:
      s.slice = account.scope;
      break;
  }
  return s;
}

int http_status(const std::string& code) {
  if (code == "bad_request" || code == "bad_date" || code == "bad_range") return 400;
  if (code == "forbidden") return 403;
  if (code == "unknown_agency" || code == "not_found") return 404;
  if (code == "too_many") return 429;
  if (code == "central_db" || code == "central_busy") return 503;
  return 500;
}

}  // namespace pcn::dashboard
