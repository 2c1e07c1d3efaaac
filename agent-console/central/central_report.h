// `pcn-central report --from D --to D [--agency ID] [--csv DIR] [--xlsx FILE]`: the pilot's
// figures per agency and for all agencies together, read from the centre's PostgreSQL, computed
// by the agency's own report code (report/figures.h: the same definitions, not a copy) with
// each agency's services, counters, hours and pick-lists as its hub last sent them
// (agencies.profile; for an agency that never sent one: always open, the default pick-lists, and
// services and counters named by their letter and number).
//
// All agencies together: every agency's tickets and workshops in one computation, the services
// merged by prefix (the first agency's label), the pick-lists merged (first agency's order, then
// codes only others have). Counters and opening hours belong to one agency, so that part has no
// counter table and no busy share, and the waits of people not served are those with a close of
// day recorded (finished_at); arrivals per hour are in the first agency's time zone (the six
// pilot agencies share Pacific/Noumea). Agencies, tickets and workshops are read in one read-only
// transaction: a ship stored meanwhile is in none or in all.
//
// Output: the comparison table (report/agency_comparison.h), then the all-agencies report, then
// each agency's, as the text report. --csv DIR writes DIR/agences.csv, DIR/ensemble/*.csv and
// DIR/<agency id>/*.csv (the agency report's files); --xlsx FILE a workbook with the comparison
// and the all-agencies tables, and FILE's stem + "-<agency id>.xlsx" beside it for each agency.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "central/central_config.h"
#include "central/pg_connection.h"
#include "protocol/profile.h"
#include "queue/ticket.h"
#include "report/date_range.h"
#include "report/figures.h"
#include "util/result.h"
#include "util/time_zone.h"

namespace pcn::central {

struct CentralReportRequest {
  std::string from;    ///< YYYY-MM-DD as typed; "" = today in Pacific/Noumea
  std::string to;      ///< "" = the first day
  std::string agency;  ///< one agency's id; "" = every agency
  std::string csv;     ///< folder for the CSV files; "" = none
  std::string xlsx;    ///< workbook path; "" = none
  /// The report's instant (today's elapsed opening time, people still waiting); nullopt = the
  /// machine's clock.
  std::optional<util::TimePoint> now = std::nullopt;
};

/// What the centre holds of one agency for a range.
struct AgencyData {
  std::string id;
  std::string name;
  util::TimeZone zone = util::TimeZone::noumea();
  protocol::AgencyProfile profile;
  std::vector<queue::Ticket> tickets;
  std::vector<queue::Workshop> workshops;
};

/// The agencies (all, or the one named: "unknown_agency" with the known ids otherwise) with
/// their tickets and workshops whose business day is in `range`, ordered by id.
util::Result<std::vector<AgencyData>> load_agencies(const PgConnection& db,
                                                    const report::DateRange& range,
                                                    const std::string& agency);

/// The agencies (all, or the one named, as load_agencies) with their profiles, no tickets.
util::Result<std::vector<AgencyData>> load_profiles(const PgConnection& db,
                                                    const std::string& agency);

/// The pick-lists of every agency: the first agency's, then codes only others have.
queue::OutcomeLists merged_outcomes(const std::vector<AgencyData>& agencies);

struct AgencyFigures {
  std::string id;
  std::string name;
  report::Figures figures;
};

struct CentralFigures {
  std::vector<AgencyFigures> agencies;
  report::Figures all;  ///< every agency together
};

/// The figures of each agency and of all together (see the header comment).
CentralFigures compute_central(const std::vector<AgencyData>& agencies,
                               const report::DateRange& range, std::optional<util::TimePoint> now);

/// Runs the report on `config`'s database. 0 on success; on failure "pcn-central : <French
/// message>" on `err`, nothing on `out`: 2 for a bad date or range, 1 when the database cannot be
/// reached, the agency is unknown, or a file cannot be written.
int run_central_report(const CentralConfig& config, const CentralReportRequest& request,
                       std::ostream& out, std::ostream& err);

}  // namespace pcn::central
