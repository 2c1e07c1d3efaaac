#include <doctest/doctest.h>

#include "support/fake_clock.h"
#include "queue/opening_hours.h"
#include "util/time_zone.h"

using namespace pcn;

TEST_CASE("util::TimeZone Nouméa is UTC+11 all year") {
  auto zone = util::TimeZone::noumea();
  auto t = util::from_unix_ms(1795418400000);  // 2026-11-23 07:20 UTC
  CHECK(zone.date_of(t) == util::LocalDate{2026, 11, 23});
  CHECK(zone.minute_of_day(t) == 18 * 60 + 20);
  CHECK(zone.format(t, "%d/%m/%Y %H:%M") == "23/11/2026 18:20");
  CHECK(zone.weekday_of(t) == 0);  // Monday
  auto july = testing::noumea_time(2026, 7, 1, 0, 0);
  CHECK(util::to_unix_ms(july) % (24 * 3600 * 1000) == 13 * 3600 * 1000);
}

TEST_CASE("util::TimeZone::find names an unknown zone") {
  auto bad = util::TimeZone::find("Pacific/Nowhere");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "bad_time_zone");
  CHECK(bad.error().message.find("Pacific/Nowhere") != std::string::npos);
}

TEST_CASE("util::LocalDate parses, prints and steps over month ends") {
  CHECK(util::LocalDate::parse("2026-11-30")->next() == util::LocalDate{2026, 12, 1});
  CHECK(util::LocalDate{2026, 12, 31}.next().to_string() == "2027-01-01");
  CHECK_FALSE(util::LocalDate::parse("2026-02-30").ok());
  CHECK_FALSE(util::LocalDate::parse("23/11/2026").ok());
}

TEST_CASE("queue::OpeningHours parses a day and answers is_open in local time") {
  auto day = queue::OpeningHours::parse_day("07:30-11:30, 12:15-15:30");
  REQUIRE(day.ok());
  queue::OpeningHours hours;
  hours.set_day(0, *day);
  auto zone = util::TimeZone::noumea();
  CHECK(hours.is_open(zone, testing::noumea_time(2026, 11, 23, 7, 30)));
  CHECK_FALSE(hours.is_open(zone, testing::noumea_time(2026, 11, 23, 11, 45)));
  CHECK(hours.is_open(zone, testing::noumea_time(2026, 11, 23, 15, 29)));
  CHECK_FALSE(hours.is_open(zone, testing::noumea_time(2026, 11, 23, 15, 30)));
  CHECK_FALSE(hours.is_open(zone, testing::noumea_time(2026, 11, 24, 9, 0)));  // Tuesday: closed
  CHECK(queue::OpeningHours::parse_day("fermé")->empty());
  auto bad = queue::OpeningHours::parse_day("7h30-12h");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("7h30-12h") != std::string::npos);
  CHECK_FALSE(queue::OpeningHours::parse_day("12:00-08:00").ok());
  CHECK_FALSE(queue::OpeningHours::parse_day("08:00-12:00, 11:00-13:00").ok());
}
