#include "report/date_range.h"

#include "text/catalog.h"

namespace pcn::report {

namespace {

util::Result<util::LocalDate> parse_option(const std::string& option, const std::string& text) {
  auto d = util::LocalDate::parse(text);
  if (!d.ok()) {
    return util::make_error("bad_date", text::report_option_error(option, d.error().message));
  }
  return d;
}

}  // namespace

util::Result<DateRange> parse_date_range(const std::string& from, const std::string& to,
                                         const util::TimeZone& zone, util::TimePoint now) {
  DateRange range{zone.date_of(now), zone.date_of(now)};
  if (!from.empty()) {
    auto d = parse_option("--from", from);
    if (!d.ok()) return d.error();
    range.from = range.to = *d;
  }
  if (!to.empty()) {
    auto d = parse_option("--to", to);
    if (!d.ok()) return d.error();
    range.to = *d;
  }
  if (range.to < range.from) {
    return util::make_error(
        "bad_range", text::report_range_reversed(range.from.to_string(), range.to.to_string()));
  }
  return range;
}

}  // namespace pcn::report
