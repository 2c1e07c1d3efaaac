// Typed requests of the dashboard, checked before anything is read: every parameter is known,
// given once and short; dates are YYYY-MM-DD, the range at most kMaxRangeDays; the account may
// see what it asks for. A refusal is a util::Error whose code gives the HTTP status
// (http_status) and whose message is the French text of the error page; nothing from a request
// ever reaches SQL except as a parameter.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dashboard/accounts.h"
#include "dashboard/pilot_figures.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::dashboard {

inline constexpr int kMaxRangeDays = 366;
inline constexpr int kDefaultRangeDays = 28;
inline constexpr std::size_t kMaxParamBytes = 64;

using Params = std::multimap<std::string, std::string>;

struct PageRequest {
  util::LocalDate from;
  util::LocalDate to;
  std::string table{};   ///< exports: the table's key
  std::string format{};  ///< exports: "csv" or "xlsx"
};

/// Reads du / au (both optional: default, the kDefaultRangeDays days to `today`) and, when
/// `is_export`, tableau and format. Fails with "bad_request" (400).
util::Result<PageRequest> parse_page_request(const Params& params, util::LocalDate today,
                                             bool is_export);

/// What `account` may see of `agency` ("" = all agencies): the scope, or "forbidden" (403);
/// "unknown_agency" (404) when `agency` is not in `known`. An agence account asking for all
/// agencies gets "redirect" with its agency's id as the message.
util::Result<Scope> scope_for(const Account& account, const std::string& agency,
                              const std::vector<std::string>& known, const PageRequest& request);

/// The HTTP status of an error code: 400, 403, 404, 429, 503 (central_db) or 500.
int http_status(const std::string& code);

/// The day `days` after (or before, negative) `d`.
util::LocalDate add_days(util::LocalDate d, int days);

}  // namespace pcn::dashboard
