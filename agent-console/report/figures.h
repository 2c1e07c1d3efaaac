// The figures the pilot is judged on, computed from the tickets (and workshops) of a day or a date
// range. Pure: the tickets come from the hub (the supervisor's `tickets` request for a range, or
// a client's live state for today); nothing here touches a socket, a file or the clock (the
// report's `now` is passed in).
//
// Definitions (what docs and the closing note quote; every time is in seconds, shown in minutes):
//  - A ticket counts for the service it ended in (`Ticket::service`, after transfers).
//  - served: state done. no_show: state absent. not_served: state unserved (still waiting when
//    the day was closed). open: waiting or called now (only on a day not yet closed).
//  - waiting time of a received visitor: issued_at → called_at (its latest call), for tickets
//    served (done) or at a counter now (called).
//  - waiting time of a person not received (`wait_not_received`): absent: issued_at → called_at
//    (the call they missed); not served: issued_at → finished_at (the close of day), or the
//    day's last closing time when finished_at is missing; still waiting: issued_at → now (a
//    lower bound: they are still waiting), only when the report has a `now` (on a past day that
//    was never closed: to that day's last closing time).
//  - time at the counter: called_at → finished_at, for served tickets.
//  - mean, median and 90th percentile by the nearest-rank method over those samples
//    (p-th percentile = the ceil(p/100 · n)-th smallest); nullopt with no sample.
//  - arrivals per hour: tickets issued in each local hour (agency time zone), 0–23.
//  - opening time: the agency's opening hours over the days of the range. Elapsed opening time:
//    the same, but on the day of `now` only the opening time before now counts, and days after
//    it count nothing (without `now`, the whole opening time).
//  - busy share of a counter: the sum of its served and no-show tickets' called_at → finished_at,
//    plus called_at → now for the visitor at the counter now (a ticket of the day of `now`
//    still called), divided by the ELAPSED opening
//    time; nullopt when no opening time has elapsed in the range.
//  - day by day (`days_series`): every day of the range, with its tickets, served, waits of the
//    received visitors, accompaniments (= served visits), and the share "fait à la place":
//    served visits whose autonomy is queue::kDoneForThem, over the served visits whose autonomy
//    is recorded (nullopt when none is).
//  - outcome tables (one per queue::OutcomeList, over the SERVED visits of the range): one row per
//    code of the agency's list, in the list's order, then codes found on visits but no longer in
//    the list (label = code), then "non renseigné" (served visits without a code in that list:
//    no outcome at all, or that field left empty). Partner and theme are multi-valued: a visit
//    counts once in each code it has, so their rows may sum to more than the visits.
//  - small counts in profile tables (queue::is_profile: age band, situation, commune): so that
//    nobody in a small agency can be recognised, a code's count from 1 to 4 is masked (shown
//    "< 5" in every output: text, JSON, CSV, workbook; its share too). Secondary suppression:
//    when exactly one cell of such a table is masked, the next smallest non-zero cell (a code or
//    "non renseigné"; the first in the table's order on a tie) is masked too, so that the masked
//    count cannot be recovered from the total of served visits. A masked cell has no count
//    (`OutcomeRow::count` is nullopt): the real number never leaves compute(). Zeros are shown.
//    Limit: when the masked cell is the only non-zero cell of its table, there is nothing to mask
//    beside it and the served total (shown elsewhere) still gives it away; this only happens
//    when every served visit has the same profile code or none.
//  - workshops (ateliers): those whose day is in the range; count, participants and minutes in
//    total and per theme (every theme of the list, then unknown codes).
// A ticket's counter is the one that called it last (`Ticket::counter`). Tickets without the
// times a sample needs (e.g. a served ticket with no called_at) count in the totals but give no
// sample.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "queue/counter.h"
#include "queue/opening_hours.h"
#include "queue/outcome.h"
#include "queue/service.h"
#include "queue/ticket.h"
#include "util/time_zone.h"

namespace pcn::report {

/// Counts from 1 to this, in profile tables, are masked ("< 5").
inline constexpr int kSmallestShownCount = 5;

/// Summary of durations, in seconds; every field nullopt when count == 0.
struct Durations {
  int count = 0;
  std::optional<double> mean;
  std::optional<double> median;
  std::optional<double> p90;
};

/// Nearest-rank summary of `seconds` (any order).
Durations summarise(std::vector<double> seconds);

struct ServiceFigures {
  char prefix = 'A';
  std::string label;  ///< from the service list; the prefix itself when unknown
  int tickets = 0;
  int served = 0;
  int no_show = 0;
  int not_served = 0;
  int open = 0;
  int priority = 0;        ///< of `tickets`, issued with priority
  int transferred_in = 0;  ///< of `tickets`, transferred at least once
  Durations wait;          ///< received visitors (served, or at a counter now)
  Durations at_counter;
  /// People not received: absent, not served, still waiting (see the definitions above).
  Durations wait_not_received;
  int waiting_now = 0;  ///< of `open`, still waiting (not at a counter)
};

struct CounterFigures {
  queue::CounterNumber number = 1;
  std::string label;  ///< "Guichet 2"; "Guichet N" when unknown
  int served = 0;
  int no_show = 0;
  std::chrono::seconds busy{0};
  /// busy / elapsed opening time: 0..1, above 1 only if the counter served past closing time.
  std::optional<double> busy_share;
};

/// One day of the range (days_series).
struct DayFigures {
  util::LocalDate day;
  int tickets = 0;
  int served = 0;
  Durations wait{};        ///< received visitors, as ServiceFigures::wait
  int accompaniments = 0;  ///< served visits
  int done_for_them = 0;   ///< served visits whose autonomy is queue::kDoneForThem
  int autonomy_given = 0;  ///< served visits whose autonomy is recorded
  std::optional<double> done_for_them_share = std::nullopt;  ///< done_for_them / autonomy_given
};

/// One row of an outcome table.
struct OutcomeRow {
  std::string code;   ///< "" for "non renseigné"
  std::string label;  ///< from the list; the code when unknown; "non renseigné"
  std::string group;  ///< themes: "Démarches", "Numérique"; else ""
  /// Visits with this code; nullopt when masked (profile tables, see the definitions).
  std::optional<int> count;
  /// count / visits (the table's served visits); nullopt when masked or without visits.
  std::optional<double> share;
};

struct OutcomeTable {
  queue::OutcomeList list = queue::OutcomeList::partner;
  std::string title;             ///< the list's French title ("Partenaire")
  bool profile = false;          ///< queue::is_profile(list): small counts masked
  int visits = 0;                ///< served visits of the range
  std::vector<OutcomeRow> rows;  ///< the codes, then "non renseigné" (always last)
};

struct WorkshopRow {
  std::string code;   ///< theme code
  std::string label;  ///< from the list; the code when unknown
  std::string group;
  int workshops = 0;
  int participants = 0;
  int minutes = 0;
};

struct WorkshopFigures {
  int workshops = 0;
  int participants = 0;
  int minutes = 0;
  std::vector<WorkshopRow> themes;  ///< every theme of the list, then unknown codes
};

struct Figures {
  util::LocalDate from;
  util::LocalDate to;
  std::chrono::seconds opening_time{0};  ///< the agency's open time over the range
  /// Of opening_time, what had elapsed at the report's `now` (all of it without `now`).
  std::chrono::seconds opening_elapsed{0};
  std::optional<util::TimePoint> now;  ///< the report's instant, as given
  std::string now_clock;               ///< now in local time, "10:06"; "" without now
  int open_days = 0;                   ///< days of the range with opening hours
  int days = 0;                        ///< days in the range, from..to inclusive
  /// Local hours (0–23) in which the agency is open on at least one day of the range.
  std::array<bool, 24> open_hours{};
  std::vector<ServiceFigures> services;  ///< every configured service in order, then unknown ones
  ServiceFigures total;                  ///< all services together (prefix '*', label "Total")
  std::array<int, 24> arrivals_per_hour{};
  std::vector<CounterFigures> counters;  ///< every configured counter, then unknown ones
  std::vector<DayFigures> days_series;   ///< every day of the range, in order
  std::vector<OutcomeTable> outcomes;    ///< one per list, in queue::kOutcomeLists order
  WorkshopFigures workshops;
};

struct ReportInput {
  util::LocalDate from;
  util::LocalDate to;                                     ///< inclusive, from <= to
  const queue::ServiceList* services = nullptr;           ///< REQUIRED
  const std::vector<queue::Counter>* counters = nullptr;  ///< REQUIRED
  const queue::OpeningHours* hours = nullptr;             ///< REQUIRED
  const util::TimeZone* zone = nullptr;                   ///< REQUIRED
  /// The report's instant: today's elapsed opening time, the waits of people still waiting,
  /// the visit at a counter now. nullopt: as if every day of the range were over.
  std::optional<util::TimePoint> now = std::nullopt;
  /// The agency's pick-lists (labels and order of the outcome tables); nullptr: the defaults.
  const queue::OutcomeLists* outcomes = nullptr;
};

/// The figures of `tickets` and `workshops` whose day is in [from, to] (others are ignored).
Figures compute(const ReportInput& input, const std::vector<queue::Ticket>& tickets,
                const std::vector<queue::Workshop>& workshops = {});

}  // namespace pcn::report
