// queue::next_opening and queue::closed_detail with a fake clock in Nouméa: the lunch break, after
// hours on a weekday, a Friday evening before a closed weekend, across midnight, a week ahead,
// and an agency that never opens; the sentences as the kiosk's closed page shows them.
#include <doctest/doctest.h>

#include "queue/opening_hours.h"
#include "support/fake_clock.h"
#include "text/catalog.h"

using namespace pcn;
using namespace std::chrono_literals;
using pcn::testing::noumea_time;
using queue::OpeningHours;

namespace {

const std::string nbsp = "\u00A0";

/// The catalog's no-break spaces where `marked` has '_': hm("Reprise à_12_h_15").
std::string hm(const std::string& marked) {
  std::string out;
  for (char c : marked) out += c == '_' ? nbsp : std::string(1, c);
  return out;
}

/// Bourail: Monday to Friday 07:30-11:30 and 12:15-15:30, Saturday 07:30-11:30, Sunday closed.
OpeningHours bourail() {
  OpeningHours h;
  for (int d = 0; d < 5; ++d) h.set_day(d, *OpeningHours::parse_day("07:30-11:30, 12:15-15:30"));
  h.set_day(5, *OpeningHours::parse_day("07:30-11:30"));
  h.set_day(6, {});
  return h;
}

/// Monday to Friday only, mornings.
OpeningHours weekdays() {
  OpeningHours h;
  for (int d = 0; d < 5; ++d) h.set_day(d, *OpeningHours::parse_day("07:30-11:30"));
  h.set_day(5, {});
  h.set_day(6, {});
  return h;
}

const util::TimeZone zone = util::TimeZone::noumea();

}  // namespace

TEST_CASE("text::clock_time says times as French does, never split") {
  CHECK(text::clock_time(7 * 60 + 30) == hm("7_h_30"));
  CHECK(text::clock_time(12 * 60) == hm("12_h"));
  CHECK(text::clock_time(12 * 60 + 5) == hm("12_h_05"));
  CHECK(text::clock_time(0) == "minuit");
  CHECK(text::clock_time(24 * 60) == "minuit");
}

TEST_CASE("queue::next_opening in the lunch break is the afternoon, a reopening") {
  testing::FakeClock clock{noumea_time(2026, 11, 23, 11, 31)};  // Monday
  auto next = queue::next_opening(bourail(), zone, clock.now());
  REQUIRE(next);
  CHECK(next->days_ahead == 0);
  CHECK(next->reopening);
  CHECK(next->at == noumea_time(2026, 11, 23, 12, 15));
  REQUIRE(next->intervals.size() == 1);
  CHECK(next->intervals[0].open == 12 * 60 + 15);
  CHECK(queue::closed_detail(bourail(), zone, clock.now()) == hm("Reprise à_12_h_15"));
  clock.set(noumea_time(2026, 11, 23, 12, 14, 59));
  CHECK(queue::closed_detail(bourail(), zone, clock.now()) == hm("Reprise à_12_h_15"));
}

TEST_CASE("queue::next_opening after hours is tomorrow, with all of tomorrow's intervals") {
  testing::FakeClock clock{noumea_time(2026, 11, 23, 15, 30)};  // Monday, just closed
  auto next = queue::next_opening(bourail(), zone, clock.now());
  REQUIRE(next);
  CHECK(next->days_ahead == 1);
  CHECK(next->weekday == 1);
  CHECK_FALSE(next->reopening);
  CHECK(next->day == util::LocalDate{2026, 11, 24});
  CHECK(next->at == noumea_time(2026, 11, 24, 7, 30));
  CHECK(next->intervals.size() == 2);
  const std::string tomorrow = hm("Ouvert demain de_7_h_30 à_11_h_30 et de_12_h_15 à_15_h_30");
  CHECK(queue::closed_detail(bourail(), zone, clock.now()) == tomorrow);
  // The same sentence until midnight in Nouméa (13:00 UTC)...
  clock.set(noumea_time(2026, 11, 23, 23, 59, 59));
  CHECK(queue::closed_detail(bourail(), zone, clock.now()) == tomorrow);
  // ...then, past midnight, that day is today and has not opened yet.
  clock.advance(2s);
  auto early = queue::next_opening(bourail(), zone, clock.now());
  REQUIRE(early);
  CHECK(early->days_ahead == 0);
  CHECK_FALSE(early->reopening);
  CHECK(early->at == noumea_time(2026, 11, 24, 7, 30));
  CHECK(queue::closed_detail(bourail(), zone, clock.now()) ==
        hm("Ouvert aujourd’hui de_7_h_30 à_11_h_30 et de_12_h_15 à_15_h_30"));
}

TEST_CASE("queue::next_opening on Saturday afternoon skips the closed Sunday: lundi") {
  testing::FakeClock clock{noumea_time(2026, 11, 28, 11, 30)};  // Saturday, just closed
  auto next = queue::next_opening(bourail(), zone, clock.now());
  REQUIRE(next);
  CHECK(next->days_ahead == 2);
  CHECK(next->weekday == 0);
  CHECK(next->at == noumea_time(2026, 11, 30, 7, 30));
  CHECK(queue::closed_detail(bourail(), zone, clock.now()) ==
        hm("Ouvert lundi de_7_h_30 à_11_h_30 et de_12_h_15 à_15_h_30"));
  // Friday evening, Saturday is tomorrow and has one interval.
  clock.set(noumea_time(2026, 11, 27, 17, 0));
  CHECK(queue::closed_detail(bourail(), zone, clock.now()) ==
        hm("Ouvert demain de_7_h_30 à_11_h_30"));
}

TEST_CASE("queue::next_opening over a weekend and over the end of a month and year") {
  testing::FakeClock clock{noumea_time(2026, 12, 31, 18, 0)};  // Thursday
  auto next = queue::next_opening(weekdays(), zone, clock.now());
  REQUIRE(next);
  CHECK(next->day == util::LocalDate{2027, 1, 1});
  CHECK(next->days_ahead == 1);
  clock.set(noumea_time(2027, 1, 1, 12, 0));  // Friday after the morning
  next = queue::next_opening(weekdays(), zone, clock.now());
  REQUIRE(next);
  CHECK(next->days_ahead == 3);
  CHECK(next->day == util::LocalDate{2027, 1, 4});
  CHECK(next->at == noumea_time(2027, 1, 4, 7, 30));
  CHECK(queue::closed_detail(weekdays(), zone, clock.now()) ==
        hm("Ouvert lundi de_7_h_30 à_11_h_30"));
}

TEST_CASE("queue::next_opening a week ahead says « prochain »; never open says the usual line") {
  OpeningHours mondays;
  for (int d = 0; d < 7; ++d) mondays.set_day(d, {});
  mondays.set_day(0, *OpeningHours::parse_day("08:00-12:00"));
  testing::FakeClock clock{noumea_time(2026, 11, 23, 13, 0)};  // Monday afternoon
  auto next = queue::next_opening(mondays, zone, clock.now());
  REQUIRE(next);
  CHECK(next->days_ahead == 7);
  CHECK(next->day == util::LocalDate{2026, 11, 30});
  CHECK(queue::closed_detail(mondays, zone, clock.now()) ==
        hm("Ouvert lundi prochain de_8_h à_12_h"));

  OpeningHours never;
  for (int d = 0; d < 7; ++d) never.set_day(d, {});
  CHECK_FALSE(queue::next_opening(never, zone, clock.now()));
  CHECK(queue::closed_detail(never, zone, clock.now()) == text::kiosk_closed_detail());
}

TEST_CASE("queue::next_opening while open is the next interval, not the current one") {
  testing::FakeClock clock{noumea_time(2026, 11, 23, 9, 0)};
  auto next = queue::next_opening(bourail(), zone, clock.now());
  REQUIRE(next);
  CHECK(next->at == noumea_time(2026, 11, 23, 12, 15));
  CHECK(next->reopening);
  // Three intervals are listed with commas and a last « et ».
  OpeningHours three;
  for (int d = 0; d < 7; ++d)
    three.set_day(d, *OpeningHours::parse_day("07:00-09:00, 10:00-12:00, 13:00-24:00"));
  clock.set(noumea_time(2026, 11, 23, 6, 0));
  CHECK(queue::closed_detail(three, zone, clock.now()) ==
        hm("Ouvert aujourd’hui de_7_h à_9_h, de_10_h à_12_h et de_13_h à_minuit"));
}
