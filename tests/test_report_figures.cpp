// The pilot's figures computed from hand-made tickets (report/figures.h): nearest-rank summaries,
// which service and counter a ticket counts for, arrivals in Nouméa time, opening time and busy
// share over a range with a closed Sunday.
#include <doctest/doctest.h>

#include "report/figures.h"
#include "support/report_tickets.h"

using namespace pcn;
using namespace std::chrono_literals;
using queue::TicketState;
using testing::noumea_time;

namespace {

constexpr util::LocalDate kMonday{2026, 11, 23};

using Made = testing::Made;
using Agency = testing::ReportAgency;

const report::ServiceFigures& service(const report::Figures& f, char prefix) {
  for (const auto& s : f.services) {
    if (s.prefix == prefix) return s;
  }
  FAIL("no service " << prefix);
  return f.total;
}

const report::CounterFigures& counter(const report::Figures& f, int number) {
  for (const auto& c : f.counters) {
    if (c.number == number) return c;
  }
  FAIL("no counter " << number);
  return f.counters.front();
}

}  // namespace

TEST_CASE("report::summarise takes the nearest rank: 1..10 has median 5 and p90 9") {
  auto d = report::summarise({10, 3, 7, 1, 9, 2, 8, 4, 6, 5});
  CHECK(d.count == 10);
  CHECK(d.mean == doctest::Approx(5.5));
  CHECK(d.median == 5.0);  // ceil(0.5 · 10) = 5th
  CHECK(d.p90 == 9.0);     // ceil(0.9 · 10) = 9th
}

TEST_CASE("report::summarise on small samples: one value, two values, eleven values") {
  auto one = report::summarise({42});
  CHECK(one.mean == 42.0);
  CHECK(one.median == 42.0);
  CHECK(one.p90 == 42.0);
  auto two = report::summarise({100, 40});
  CHECK(two.mean == 70.0);
  CHECK(two.median == 40.0);  // ceil(1) = 1st
  CHECK(two.p90 == 100.0);    // ceil(1.8) = 2nd
  auto eleven = report::summarise({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  CHECK(eleven.median == 6.0);  // ceil(5.5) = 6th
  CHECK(eleven.p90 == 10.0);    // ceil(9.9) = 10th
}

TEST_CASE("report::summarise of no sample is empty") {
  auto d = report::summarise({});
  CHECK(d.count == 0);
  CHECK_FALSE(d.mean);
  CHECK_FALSE(d.median);
  CHECK_FALSE(d.p90);
}

TEST_CASE("report::compute counts a transferred ticket for the service it ended in") {
  Agency a;
  std::vector<queue::Ticket> tickets{
      Made(kMonday, 'C', 8, 0).called(10, 1).ended(TicketState::done, 15),
      Made(kMonday, 'C', 8, 0).transferred_from('F').called(30, 2).ended(TicketState::done, 5),
  };
  auto f = report::compute(a.input(kMonday, kMonday), tickets);
  CHECK(service(f, 'C').tickets == 2);
  CHECK(service(f, 'C').served == 2);
  CHECK(service(f, 'C').transferred_in == 1);
  CHECK(service(f, 'F').tickets == 0);
  CHECK(service(f, 'C').wait.mean == 20.0 * 60);        // (10 + 30) / 2 minutes
  CHECK(service(f, 'C').at_counter.mean == 10.0 * 60);  // (15 + 5) / 2 minutes
  CHECK_FALSE(service(f, 'F').wait.mean);
}

TEST_CASE("report::compute sorts tickets into served, no-show, not served and open") {
  Agency a;
  std::vector<queue::Ticket> tickets{
      Made(kMonday, 'N', 8, 0).called(5, 2).ended(TicketState::done, 20),
      Made(kMonday, 'N', 8, 1).called(6, 2).ended(TicketState::absent, 2),
      Made(kMonday, 'N', 8, 2).state(TicketState::unserved),
      Made(kMonday, 'N', 8, 3).state(TicketState::waiting),
      Made(kMonday, 'N', 8, 4).called(40, 2),
  };
  tickets[3].priority = true;
  auto f = report::compute(a.input(kMonday, kMonday), tickets);
  const auto& n = service(f, 'N');
  CHECK(n.tickets == 5);
  CHECK(n.served == 1);
  CHECK(n.no_show == 1);
  CHECK(n.not_served == 1);
  CHECK(n.open == 2);
  CHECK(n.priority == 1);
  // Received visitors give waits: the served one (5 min) and the one at the counter (40 min);
  // only the served one gives a time at the counter.
  CHECK(n.wait.count == 2);
  CHECK(n.wait.mean == 22.5 * 60);
  CHECK(n.at_counter.count == 1);
  // Not received: the absent one waited 6 min (to the missed call), the unserved one to the
  // close of day (15:30, no finished_at here: 7 h 28); the waiting one has no sample without now.
  CHECK(n.wait_not_received.count == 2);
  CHECK(n.wait_not_received.median == 6.0 * 60);
  CHECK(n.wait_not_received.p90 == (7 * 60 + 28) * 60.0);
  CHECK(n.waiting_now == 1);
  CHECK(f.total.tickets == 5);
  CHECK(f.total.label == "Total");
  CHECK(counter(f, 2).served == 1);
  CHECK(counter(f, 2).no_show == 1);
  CHECK(counter(f, 2).busy == 22min);  // 20 served + 2 waiting for the absent one
}

TEST_CASE("report::compute counts arrivals per hour in Nouméa time, not UTC") {
  Agency a;
  // 07:40 in Nouméa is 20:40 UTC the day before; 15:10 is 04:10 UTC.
  std::vector<queue::Ticket> tickets{Made(kMonday, 'C', 7, 40), Made(kMonday, 'C', 7, 59),
                                     Made(kMonday, 'F', 8, 0), Made(kMonday, 'N', 15, 10)};
  auto f = report::compute(a.input(kMonday, kMonday), tickets);
  CHECK(f.arrivals_per_hour[7] == 2);
  CHECK(f.arrivals_per_hour[8] == 1);
  CHECK(f.arrivals_per_hour[15] == 1);
  CHECK(f.arrivals_per_hour[20] == 0);
  CHECK(f.arrivals_per_hour[4] == 0);
  CHECK(f.open_hours[7]);  // 07:30–15:30: hours 7 to 15
  CHECK(f.open_hours[15]);
  CHECK_FALSE(f.open_hours[6]);
  CHECK_FALSE(f.open_hours[16]);
}

TEST_CASE("report::compute gives a counter's busy share of an 8-hour day (07:30–15:30)") {
  Agency a;
  std::vector<queue::Ticket> tickets{
      Made(kMonday, 'C', 8, 0).called(0, 1).ended(TicketState::done, 90),
      Made(kMonday, 'F', 10, 0).called(0, 1).ended(TicketState::done, 30),
      Made(kMonday, 'F', 11, 0).called(0, 3).ended(TicketState::done, 48),
  };
  auto f = report::compute(a.input(kMonday, kMonday), tickets);
  CHECK(f.opening_time == 8h);
  CHECK(counter(f, 1).busy == 120min);
  REQUIRE(counter(f, 1).busy_share);
  CHECK(*counter(f, 1).busy_share == doctest::Approx(120.0 / 480));  // 25 %
  CHECK(*counter(f, 3).busy_share == doctest::Approx(48.0 / 480));   // 10 %
  CHECK(counter(f, 2).busy == 0min);
  CHECK(*counter(f, 2).busy_share == 0.0);
  CHECK(counter(f, 1).label == "Guichet 1");
}

TEST_CASE("report::compute over Friday to Monday with a closed Sunday") {
  Agency a;
  a.rules.hours.set_day(6, {});  // Sunday closed
  util::LocalDate friday{2026, 11, 27}, sunday{2026, 11, 29}, monday{2026, 11, 30};
  std::vector<queue::Ticket> tickets{
      Made({2026, 11, 26}, 'C', 9, 0).called(5, 1).ended(TicketState::done, 5),  // Thursday: out
      Made(friday, 'C', 9, 0).called(10, 1).ended(TicketState::done, 60),
      Made({2026, 11, 28}, 'F', 9, 30).called(20, 3).ended(TicketState::done, 36),
      Made(monday, 'C', 14, 0).called(30, 1).ended(TicketState::done, 24),
      Made({2026, 12, 1}, 'C', 9, 0),  // Tuesday: out
  };
  auto f = report::compute(a.input(friday, monday), tickets);
  CHECK(f.days == 4);
  CHECK(f.open_days == 3);
  CHECK(f.opening_time == 24h);  // 3 days of 8 h; Sunday adds nothing
  CHECK(f.total.tickets == 3);
  CHECK(service(f, 'C').tickets == 2);
  CHECK(service(f, 'C').wait.mean == 20.0 * 60);
  CHECK(f.arrivals_per_hour[9] == 2);
  CHECK(f.arrivals_per_hour[14] == 1);
  CHECK(counter(f, 1).busy == 84min);
  CHECK(*counter(f, 1).busy_share == doctest::Approx(84.0 / (24 * 60)));

  auto closed = report::compute(a.input(sunday, sunday), tickets);
  CHECK(closed.opening_time == 0s);
  CHECK(closed.open_days == 0);
  CHECK_FALSE(counter(closed, 1).busy_share);
}

TEST_CASE("report::compute lists services and counters unknown to the config after the others") {
  Agency a;
  std::vector<queue::Ticket> tickets{
      Made(kMonday, 'Z', 9, 0).called(1, 7).ended(TicketState::done, 1),
  };
  auto f = report::compute(a.input(kMonday, kMonday), tickets);
  REQUIRE(f.services.size() == 4);
  CHECK(f.services[0].prefix == 'C');
  CHECK(f.services[3].prefix == 'Z');
  CHECK(f.services[3].label == "Z");
  REQUIRE(f.counters.size() == 4);
  CHECK(f.counters[3].number == 7);
  CHECK(f.counters[3].label == "Guichet 7");
}
