// The days a report covers, as its user typed them: `--from` and `--to` (YYYY-MM-DD), shared by
// `agent-console report` and `pcn-central report`.
#pragma once

#include <string>

#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::report {

struct DateRange {
  util::LocalDate from;
  util::LocalDate to;  ///< inclusive, from <= to
};

/// The range from `from` to `to` as typed: "" for `from` is today in `zone` at `now`; "" for `to`
/// is the first day. Fails with "bad_date" (the message names the option and the text) or
/// "bad_range" (from after to).
util::Result<DateRange> parse_date_range(const std::string& from, const std::string& to,
                                         const util::TimeZone& zone, util::TimePoint now);

}  // namespace pcn::report
