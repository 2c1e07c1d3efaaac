#include "dashboard/pilot_figures.h"

#include <chrono>
#include <charconv>
#include <string_view>

#include "text/catalog.h"

namespace pcn::dashboard {

namespace {

using central::PgConnection;
using central::PgRows;
using central::PgParam;
using central::PgTransaction;

constexpr std::string_view kTotalsColumns =
    "sum(tickets), sum(served), sum(no_show), sum(not_served), sum(received), sum(within_15), "
    "sum(within_30), sum(print_failed), sum(done_for_them), sum(autonomy_given), sum(workshops), "
    "sum(participants)";

constexpr std::string_view kDayColumns =
    "tickets, served, no_show, not_served, received, within_15, within_30, print_failed, "
    "done_for_them, autonomy_given, workshops, participants, wait_hist::text";

// $1 from, $2 to, $3 slice, $4 agency ('' = all).
constexpr std::string_view kScope =
    " WHERE day BETWEEN $1::date AND $2::date AND slice = $3 AND ($4 = '' OR agency = $4)";

constexpr std::string_view kFacts = R"sql(
SELECT id, coalesce(to_char(last_contact AT TIME ZONE time_zone, 'YYYY-MM-DD HH24:MI'), ''),
       coalesce(to_char(last_event_at AT TIME ZONE time_zone, 'YYYY-MM-DD HH24:MI'), ''),
       coalesce(date_part('epoch', last_contact)::bigint, -1), time_zone
  FROM agencies WHERE $1 = '' OR id = $1)sql";

int integer_of(std::string_view v) {
  int n = 0;
  std::from_chars(v.data(), v.data() + v.size(), n);
  return n;
}

util::LocalDate date_of(std::string_view v) {
  util::LocalDate d;
  if (v.size() != 10) return d;
  d.year = integer_of(v.substr(0, 4));
  d.month = static_cast<unsigned>(integer_of(v.substr(5, 2)));
  d.day = static_cast<unsigned>(integer_of(v.substr(8, 2)));
  return d;
}

std::chrono::sys_days sys_of(util::LocalDate d) {
  return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{d.month},
                                     std::chrono::day{d.day}};
}

util::LocalDate local_of(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd{d};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

util::LocalDate monday_of(util::LocalDate d) {
  const std::chrono::sys_days day = sys_of(d);
  const std::chrono::weekday w{day};
  return local_of(day - std::chrono::days{(w.c_encoding() + 6) % 7});
}

/// The totals in columns first..first+11 of row r.
Totals totals_at(const PgRows& rows, int r, int first) {
  Totals t;
  int* fields[] = {&t.tickets,      &t.served,        &t.no_show,        &t.not_served,
                   &t.received,     &t.within_15,     &t.within_30,      &t.print_failed,
                   &t.done_for_them, &t.autonomy_given, &t.workshops,    &t.participants};
  for (int i = 0; i < 12; ++i) *fields[i] = integer_of(rows.view(r, first + i));
  return t;
}

/// Adds the text of an integer[] ("{0,3,1,…}") to `wait`, element by element.
void add_hist(std::string_view text, std::array<int, 121>& wait) {
  std::size_t i = 0;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end && i < wait.size()) {
    while (p < end && (*p < '0' || *p > '9')) ++p;
    int n = 0;
    auto [next, ec] = std::from_chars(p, end, n);
    if (ec != std::errc{}) break;
    wait[i++] += n;
    p = next;
  }
}

std::vector<PgParam> params_of(const Scope& s) {
  return {s.from.to_string(), s.to.to_string(), s.slice, s.agency};
}

util::Status read_facts(const PgConnection& db, PilotFigures& f, util::TimePoint now) {
  const std::string what = text::dash_db_reading();
  auto profiles = central::load_profiles(db, f.scope.agency);
  if (!profiles.ok()) return profiles.error();
  f.profiles = std::move(*profiles);
  f.lists = central::merged_outcomes(f.profiles);
  auto rows = db.exec(std::string(kFacts), {f.scope.agency}, what);
  if (!rows.ok()) return rows.error();
  std::map<std::string, int> at;
  for (int r = 0; r < rows->size(); ++r) at[rows->text(r, 0)] = r;
  const long long now_s = util::to_unix_ms(now) / 1000;
  for (const central::AgencyData& a : f.profiles) {
    AgencyFacts facts;
    facts.id = a.id;
    facts.name = a.name.empty() ? a.id : a.name;
    if (auto it = at.find(a.id); it != at.end()) {
      facts.last_contact = rows->text(it->second, 1);
      facts.last_event_at = rows->text(it->second, 2);
      const long long contact = integer_of(rows->view(it->second, 3));
      facts.silent_seconds = contact < 0 ? -1 : std::max(0LL, now_s - contact);
      facts.time_zone = rows->text(it->second, 4);
    }
    f.agencies.push_back(std::move(facts));
  }
  return util::Status::success();
}

util::Status read_totals(const PgConnection& db, PilotFigures& f) {
  // One row per agency and day: each agency's totals, and the weeks.
  auto rows = db.exec("SELECT agency, " + std::string(kDayColumns) +
                          ", (date_trunc('week', day)::date - $1::date) FROM dashboard_days" +
                          std::string(kScope),
                      params_of(f.scope), text::dash_db_reading());
  if (!rows.ok()) return rows.error();
  std::map<std::string, AgencyFacts*, std::less<>> by_id;
  for (AgencyFacts& a : f.agencies) by_id[a.id] = &a;
  const int first_week = f.weeks.empty() ? 0 : static_cast<int>(
      (sys_of(f.weeks.front().monday) - sys_of(f.scope.from)).count());
  for (int r = 0; r < rows->size(); ++r) {
    auto it = by_id.find(rows->view(r, 0));
    if (it == by_id.end()) continue;
    Totals day = totals_at(*rows, r, 1);
    add_hist(rows->view(r, 13), day.wait);
    it->second->totals.add(day);
    const int week = (integer_of(rows->view(r, 14)) - first_week) / 7;
    if (week >= 0 && week < static_cast<int>(f.weeks.size())) {
      WeekRow& w = f.weeks[static_cast<std::size_t>(week)];
      w.served[it->second->id] += day.served;
      w.done_for_them += day.done_for_them;
      w.autonomy_given += day.autonomy_given;
    }
  }
  return util::Status::success();
}

void make_weeks(PilotFigures& f) {
  for (auto d = sys_of(monday_of(f.scope.from)); d <= sys_of(f.scope.to); d += std::chrono::days{7}) {
    f.weeks.push_back({local_of(d), {}, 0, 0});
  }
}

util::Status read_counts(const PgConnection& db, PilotFigures& f) {
  auto rows = db.exec("SELECT agency, dimension, code, sum(n) FROM dashboard_counts" +
                          std::string(kScope) + " GROUP BY 1, 2, 3",
                      params_of(f.scope), text::dash_db_reading());
  if (!rows.ok()) return rows.error();
  for (int r = 0; r < rows->size(); ++r) {
    const std::string agency = rows->text(r, 0), dimension = rows->text(r, 1),
                      code = rows->text(r, 2);
    f.counts[dimension][code][agency] += integer_of(rows->view(r, 3));
  }
  return util::Status::success();
}

util::Status read_days(const PgConnection& db, PilotFigures& f) {
  for (auto d = sys_of(f.scope.from); d <= sys_of(f.scope.to); d += std::chrono::days{1}) {
    f.days.push_back({local_of(d), {}});
  }
  auto index = [&f](std::string_view day) -> DayRow* {
    const auto offset = (sys_of(date_of(day)) - sys_of(f.scope.from)).count();
    if (offset < 0 || offset >= static_cast<long>(f.days.size())) return nullptr;
    return &f.days[static_cast<std::size_t>(offset)];
  };
  auto rows = db.exec("SELECT day::text, " + std::string(kDayColumns) + " FROM dashboard_days" +
                          std::string(kScope),
                      params_of(f.scope), text::dash_db_reading());
  if (!rows.ok()) return rows.error();
  for (int r = 0; r < rows->size(); ++r) {
    if (DayRow* d = index(rows->view(r, 0))) {
      Totals day = totals_at(*rows, r, 1);
      add_hist(rows->view(r, 13), day.wait);
      d->totals.add(day);
    }
  }
  return util::Status::success();
}

}  // namespace

void Totals::add(const Totals& o) {
  tickets += o.tickets;
  served += o.served;
  no_show += o.no_show;
  not_served += o.not_served;
  received += o.received;
  within_15 += o.within_15;
  within_30 += o.within_30;
  print_failed += o.print_failed;
  done_for_them += o.done_for_them;
  autonomy_given += o.autonomy_given;
  workshops += o.workshops;
  participants += o.participants;
  for (std::size_t i = 0; i < wait.size(); ++i) wait[i] += o.wait[i];
}

std::optional<int> Totals::wait_percentile(int p) const {
  long long n = 0;
  for (int c : wait) n += c;
  if (n == 0) return std::nullopt;
  const long long rank = (p * n + 99) / 100;  // ceil(p/100 · n), at least 1
  long long seen = 0;
  for (std::size_t i = 0; i < wait.size(); ++i) {
    seen += wait[i];
    if (seen >= std::max(1LL, rank)) return static_cast<int>(i);
  }
  return static_cast<int>(wait.size() - 1);
}

util::Result<PilotFigures> read_pilot_figures(const PgConnection& db, const Scope& scope,
                                              util::TimePoint now) {
  auto tx = PgTransaction::begin(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (!tx.ok()) return tx.error();
  PilotFigures f;
  f.scope = scope;
  PCN_TRY(read_facts(db, f, now));
  make_weeks(f);
  PCN_TRY(read_totals(db, f));
  PCN_TRY(read_counts(db, f));
  if (!scope.agency.empty()) PCN_TRY(read_days(db, f));
  for (const AgencyFacts& a : f.agencies) f.all.add(a.totals);
  PCN_TRY(tx->commit());
  return f;
}

}  // namespace pcn::dashboard
