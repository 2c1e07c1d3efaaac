#include "central/central_report.h"

#include "central/central_store.h"

#include <charconv>
#include <filesystem>
#include <map>

#include "protocol/codec.h"
#include "report/agency_comparison.h"
#include "report/data_tables.h"
#include "report/report_csv.h"
#include "report/report_text.h"
#include "report/report_xlsx.h"
#include "text/catalog.h"
#include "util/clock.h"

namespace pcn::central {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kAgencies = R"sql(
SELECT id, name, time_zone, profile::text FROM agencies
 WHERE $1 = '' OR id = $1 ORDER BY id)sql";

// Times as Unix milliseconds (date_part: double precision, much cheaper than extract's
// numeric, and exact to the millisecond), arrays as comma-joined codes (codes have no comma).
constexpr std::string_view kTickets = R"sql(
SELECT agency, ticket, day::text, label, service, priority, state,
       (date_part('epoch', issued_at) * 1000)::bigint,
       (date_part('epoch', queued_at) * 1000)::bigint,
       (date_part('epoch', called_at) * 1000)::bigint,
       (date_part('epoch', finished_at) * 1000)::bigint,
       counter, calls, no_shows, transfers, print,
       array_to_string(partner, ','), array_to_string(theme, ','), autonomy, result,
       orientation, first_visit, age_band, situation, commune, equipment
  FROM pilot_tickets
 WHERE day BETWEEN $1::date AND $2::date AND ($3 = '' OR agency = $3))sql";

constexpr std::string_view kWorkshops = R"sql(
SELECT agency, seq, day::text, (date_part('epoch', at) * 1000)::bigint, theme, participants,
       minutes, counter
  FROM pilot_workshops
 WHERE day BETWEEN $1::date AND $2::date AND ($3 = '' OR agency = $3))sql";

std::int64_t number(std::string_view v) {
  std::int64_t n = 0;
  std::from_chars(v.data(), v.data() + v.size(), n);
  return n;
}

/// PostgreSQL's date as text, "2026-11-23" (always that shape for a date column).
util::LocalDate day_of(std::string_view v) {
  util::LocalDate d;
  if (v.size() != 10) return d;
  d.year = static_cast<int>(number(v.substr(0, 4)));
  d.month = static_cast<unsigned>(number(v.substr(5, 2)));
  d.day = static_cast<unsigned>(number(v.substr(8, 2)));
  return d;
}

std::optional<util::TimePoint> optional_time(const PgRows& rows, int r, int c) {
  if (rows.is_null(r, c)) return std::nullopt;
  return util::from_unix_ms(number(rows.view(r, c)));
}

std::vector<std::string> split_codes(std::string_view joined) {
  std::vector<std::string> codes;
  while (!joined.empty()) {
    const std::size_t comma = joined.find(',');
    codes.emplace_back(joined.substr(0, comma));
    if (comma == std::string_view::npos) break;
    joined.remove_prefix(comma + 1);
  }
  return codes;
}

/// One row of kTickets as the ticket the agency's report reads.
queue::Ticket ticket_at(const PgRows& rows, int r) {
  queue::Ticket t;
  t.id = number(rows.view(r, 1));
  t.day = day_of(rows.view(r, 2));
  if (auto label = queue::parse_ticket_label(rows.view(r, 3))) {
    t.prefix = label->prefix;
    t.number = label->number;
  }
  const std::string_view service = rows.view(r, 4);
  t.service = service.empty() ? t.prefix : service.front();
  t.priority = rows.view(r, 5) == "t";
  t.state = queue::ticket_state_from(rows.view(r, 6)).value_or(queue::TicketState::waiting);
  t.issued_at = util::from_unix_ms(number(rows.view(r, 7)));
  t.queued_at = util::from_unix_ms(number(rows.view(r, 8)));
  t.called_at = optional_time(rows, r, 9);
  t.finished_at = optional_time(rows, r, 10);
  if (!rows.is_null(r, 11)) t.counter = static_cast<queue::CounterNumber>(number(rows.view(r, 11)));
  t.calls = static_cast<int>(number(rows.view(r, 12)));
  t.no_shows = static_cast<int>(number(rows.view(r, 13)));
  t.transfers = static_cast<int>(number(rows.view(r, 14)));
  t.print = queue::print_state_from(rows.view(r, 15)).value_or(queue::PrintState::pending);
  queue::Outcome o;
  o.partner = split_codes(rows.view(r, 16));
  o.theme = split_codes(rows.view(r, 17));
  o.autonomy = rows.text(r, 18);
  o.result = rows.text(r, 19);
  o.orientation = rows.text(r, 20);
  o.first_visit = rows.text(r, 21);
  o.age_band = rows.text(r, 22);
  o.situation = rows.text(r, 23);
  o.commune = rows.text(r, 24);
  o.equipment = rows.text(r, 25);
  if (!o.empty()) t.outcome = std::move(o);
  return t;
}

queue::Workshop workshop_at(const PgRows& rows, int r) {
  queue::Workshop w;
  w.seq = number(rows.view(r, 1));
  w.day = day_of(rows.view(r, 2));
  w.at = util::from_unix_ms(number(rows.view(r, 3)));
  w.theme = rows.text(r, 4);
  w.participants = static_cast<int>(number(rows.view(r, 5)));
  w.minutes = static_cast<int>(number(rows.view(r, 6)));
  if (!rows.is_null(r, 7)) w.counter = static_cast<queue::CounterNumber>(number(rows.view(r, 7)));
  return w;
}

util::Result<AgencyData> agency_at(const PgRows& rows, int r) {
  AgencyData a;
  a.id = rows.text(r, 0);
  a.name = rows.text(r, 1);
  if (auto zone = util::TimeZone::find(rows.text(r, 2)); zone.ok()) a.zone = *zone;
  if (!rows.is_null(r, 3)) {
    auto json = protocol::Json::parse(rows.view(r, 3), nullptr, false);
    auto profile = protocol::decode_profile_at(json, "profile");
    if (!profile.ok()) {
      return util::make_error("central_db", text::central_bad_profile(a.id, profile.error().message));
    }
    a.profile = std::move(*profile);
  }
  return a;
}

/// The services of every agency, merged by prefix: the first label wins.
queue::ServiceList merged_services(const std::vector<AgencyData>& agencies) {
  queue::ServiceList all;
  for (const AgencyData& a : agencies) {
    for (const queue::Service& s : a.profile.services) {
      if (queue::find_service(all, s.prefix) == nullptr) all.push_back(s);
    }
  }
  return all;
}

}  // namespace

queue::OutcomeLists merged_outcomes(const std::vector<AgencyData>& agencies) {
  if (agencies.empty()) return queue::OutcomeLists::defaults();
  queue::OutcomeLists all = agencies.front().profile.outcomes;
  for (const AgencyData& a : agencies) {
    for (queue::OutcomeList list : queue::kOutcomeLists) {
      for (const queue::Choice& c : a.profile.outcomes.choices(list)) {
        if (all.find(list, c.code) == nullptr) all.choices(list).push_back(c);
      }
    }
  }
  return all;
}

namespace {

int fail(std::ostream& err, const std::string& message, int code) {
  err << "pcn-central : " << message << std::endl;
  return code;
}

util::Status write_csv_folder(const fs::path& folder, const std::vector<report::DataTable>& tables) {
  std::error_code ignored;  // a folder that cannot be made fails below, naming the file
  fs::create_directories(folder, ignored);
  for (const report::DataTable& t : tables) {
    const report::CsvFile file = report::csv_file(t);
    PCN_TRY(report::write_report_file((folder / (file.name + ".csv")).string(), file.content));
  }
  return util::Status::success();
}

/// "rapport.xlsx" → "rapport-bourail.xlsx".
fs::path agency_workbook(const fs::path& file, const std::string& id) {
  fs::path out = file;
  out.replace_filename(file.stem().string() + "-" + id + file.extension().string());
  return out;
}

struct Outputs {
  int csv_files = 0;
  std::vector<std::string> workbooks;
};

util::Result<Outputs> write_outputs(const CentralReportRequest& request, const CentralFigures& f,
                                    const report::DataTable& comparison) {
  Outputs out;
  const std::string all_name = text::central_report_all_agencies();
  std::vector<report::DataTable> all_tables = report::data_tables(f.all, all_name);
  if (!request.csv.empty()) {
    const fs::path folder = request.csv;
    PCN_TRY(write_csv_folder(folder, {comparison}));
    PCN_TRY(write_csv_folder(folder / text::central_report_all_folder(), all_tables));
    out.csv_files += 1 + static_cast<int>(all_tables.size());
    for (const AgencyFigures& a : f.agencies) {
      auto tables = report::data_tables(a.figures, a.name);
      PCN_TRY(write_csv_folder(folder / a.id, tables));
      out.csv_files += static_cast<int>(tables.size());
    }
  }
  if (!request.xlsx.empty()) {
    std::vector<report::DataTable> book{comparison};
    book.insert(book.end(), all_tables.begin(), all_tables.end());
    PCN_TRY(report::write_xlsx(request.xlsx, book));
    out.workbooks.push_back(request.xlsx);
    for (const AgencyFigures& a : f.agencies) {
      const std::string path = agency_workbook(request.xlsx, a.id).string();
      PCN_TRY(report::write_xlsx(path, report::data_tables(a.figures, a.name)));
      out.workbooks.push_back(path);
    }
  }
  return out;
}

}  // namespace

util::Result<std::vector<AgencyData>> load_profiles(const PgConnection& db,
                                                    const std::string& agency) {
  const std::string what = text::central_db_reading_report();
  auto rows = db.exec(std::string(kAgencies), {agency}, what);
  if (!rows.ok()) return rows.error();
  if (rows->size() == 0 && !agency.empty()) {
    auto known = db.exec("SELECT coalesce(string_agg(id, ', ' ORDER BY id), '') FROM agencies",
                         {}, what);
    if (!known.ok()) return known.error();
    return util::make_error("unknown_agency",
                            text::central_unknown_agency(agency, known->text(0, 0)));
  }
  std::vector<AgencyData> agencies;
  for (int r = 0; r < rows->size(); ++r) {
    auto a = agency_at(*rows, r);
    if (!a.ok()) return a.error();
    agencies.push_back(std::move(*a));
  }
  return agencies;
}

util::Result<std::vector<AgencyData>> load_agencies(const PgConnection& db,
                                                    const report::DateRange& range,
                                                    const std::string& agency) {
  const std::string what = text::central_db_reading_report();
  // Every read as of one instant, whatever ships meanwhile; nothing written.
  auto tx = PgTransaction::begin(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (!tx.ok()) return tx.error();
  auto profiles = load_profiles(db, agency);
  if (!profiles.ok()) return profiles.error();
  std::vector<AgencyData> agencies = std::move(*profiles);
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < agencies.size(); ++i) index[agencies[i].id] = i;
  const std::vector<PgParam> params{range.from.to_string(), range.to.to_string(), agency};
  auto tickets = db.exec(std::string(kTickets), params, what);
  if (!tickets.ok()) return tickets.error();
  for (int r = 0; r < tickets->size(); ++r) {
    auto it = index.find(tickets->view(r, 0));
    if (it != index.end()) agencies[it->second].tickets.push_back(ticket_at(*tickets, r));
  }
  auto workshops = db.exec(std::string(kWorkshops), params, what);
  if (!workshops.ok()) return workshops.error();
  for (int r = 0; r < workshops->size(); ++r) {
    auto it = index.find(workshops->view(r, 0));
    if (it != index.end()) agencies[it->second].workshops.push_back(workshop_at(*workshops, r));
  }
  return agencies;
}

CentralFigures compute_central(const std::vector<AgencyData>& agencies,
                               const report::DateRange& range, std::optional<util::TimePoint> now) {
  CentralFigures out;
  std::vector<queue::Ticket> all_tickets;
  std::vector<queue::Workshop> all_workshops;
  for (const AgencyData& a : agencies) {
    const protocol::AgencyProfile& p = a.profile;
    report::ReportInput input{range.from, range.to, &p.services, &p.counters, &p.hours,
                              &a.zone,    now,      &p.outcomes};
    out.agencies.push_back({a.id, a.name, report::compute(input, a.tickets, a.workshops)});
    for (queue::Ticket t : a.tickets) {
      t.counter.reset();  // a counter number means nothing across agencies
      all_tickets.push_back(std::move(t));
    }
    all_workshops.insert(all_workshops.end(), a.workshops.begin(), a.workshops.end());
  }
  const queue::ServiceList services = merged_services(agencies);
  const queue::OutcomeLists outcomes = merged_outcomes(agencies);
  const std::vector<queue::Counter> no_counters;
  const queue::OpeningHours no_hours;  // closed every day: no opening time, no busy share
  const util::TimeZone zone = agencies.empty() ? util::TimeZone::noumea() : agencies.front().zone;
  report::ReportInput all{range.from, range.to, &services, &no_counters, &no_hours, &zone, now,
                          &outcomes};
  out.all = report::compute(all, all_tickets, all_workshops);
  return out;
}

int run_central_report(const CentralConfig& config, const CentralReportRequest& request,
                       std::ostream& out, std::ostream& err) {
  const util::TimePoint now = request.now.value_or(util::SystemClock().now());
  auto range = report::parse_date_range(request.from, request.to, util::TimeZone::noumea(), now);
  if (!range.ok()) return fail(err, range.error().message, 2);
  auto store = CentralStore::open(config.database);  // a new database gets the schema
  if (!store.ok()) return fail(err, store.error().message, 1);
  auto agencies = load_agencies(store->connection(), *range, request.agency);
  if (!agencies.ok()) return fail(err, agencies.error().message, 1);
  const CentralFigures figures = compute_central(*agencies, *range, now);

  std::vector<report::NamedFigures> rows;
  for (const AgencyFigures& a : figures.agencies) rows.push_back({a.name, &a.figures});
  const std::string all_name = text::central_report_all_agencies();
  rows.push_back({all_name, &figures.all});
  const report::DataTable comparison = report::comparison_table(rows);
  auto written = write_outputs(request, figures, comparison);
  if (!written.ok()) return fail(err, written.error().message, 1);

  for (const std::string& line : report::table_lines(report::text_table(comparison, true))) {
    out << line << "\n";
  }
  out << "\n" << report::report_text(figures.all, all_name);
  for (const AgencyFigures& a : figures.agencies) {
    out << "\n" << report::report_text(a.figures, a.name);
  }
  if (written->csv_files > 0) {
    out << "\n" << text::central_report_csv_written(written->csv_files, request.csv) << "\n";
  }
  for (const std::string& book : written->workbooks) out << text::report_xlsx_written(book) << "\n";
  out << std::flush;
  return 0;
}

}  // namespace pcn::central
