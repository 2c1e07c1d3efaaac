// The figures the pilot is judged on, computed from the tickets of a day or a date range.
// Pure: the tickets come from the hub (the supervisor's `tickets` request for a range, or a
// client's live state for today); nothing here touches a socket or a file.
//
// Definitions (what docs and the closing note quote; every time is in seconds, shown in minutes):
//  - A ticket counts for the service it ended in (`Ticket::service`, after transfers).
//  - served: state done. no_show: state absent. not_served: state unserved (still waiting when
//    the day was closed). open: waiting or called now (only on a day not yet closed).
//  - waiting time of a ticket: issued_at → called_at (its latest call), for served tickets.
//  - time at the counter: called_at → finished_at, for served tickets.
//  - mean, median and 90th percentile by the nearest-rank method over those samples
//    (p-th percentile = the ceil(p/100 · n)-th smallest); nullopt with no sample.
//  - arrivals per hour: tickets issued in each local hour (agency time zone), 0–23.
//  - busy share of a counter: the sum of its served and no-show tickets' called_at → finished_at,
//    divided by the agency's opening time over the days of the range (OpeningHours); nullopt
//    when the agency was never open in the range.
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
#include "queue/service.h"
#include "queue/ticket.h"
#include "util/time_zone.h"

namespace pcn::report {

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
  Durations wait;
  Durations at_counter;
};

struct CounterFigures {
  queue::CounterNumber number = 1;
  std::string label;  ///< "Guichet 2"; "Guichet N" when unknown
  int served = 0;
  int no_show = 0;
  std::chrono::seconds busy{0};
  /// busy / opening_time: 0..1, above 1 only if the counter served long past closing time.
  std::optional<double> busy_share;
};

struct Figures {
  util::LocalDate from;
  util::LocalDate to;
  std::chrono::seconds opening_time{0};  ///< the agency's open time over the range
  int open_days = 0;                     ///< days of the range with opening hours
  int days = 0;                          ///< days in the range, from..to inclusive
  /// Local hours (0–23) in which the agency is open on at least one day of the range.
  std::array<bool, 24> open_hours{};
  std::vector<ServiceFigures> services;  ///< every configured service in order, then unknown ones
  ServiceFigures total;                  ///< all services together (prefix '*', label "Total")
  std::array<int, 24> arrivals_per_hour{};
  std::vector<CounterFigures> counters;  ///< every configured counter, then unknown ones
};

struct ReportInput {
  util::LocalDate from;
  util::LocalDate to;                                     ///< inclusive, from <= to
  const queue::ServiceList* services = nullptr;           ///< REQUIRED
  const std::vector<queue::Counter>* counters = nullptr;  ///< REQUIRED
  const queue::OpeningHours* hours = nullptr;             ///< REQUIRED
  const util::TimeZone* zone = nullptr;                   ///< REQUIRED
};

/// The figures of `tickets` whose day is in [from, to] (others are ignored).
Figures compute(const ReportInput& input, const std::vector<queue::Ticket>& tickets);

}  // namespace pcn::report
