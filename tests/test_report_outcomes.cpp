// The report's later figures from hand-made tickets (report/figures.h): busy share over the
// elapsed opening time, the waits of the people not received, the day-by-day series, the outcome
// tables with their "non renseigné" row, the masking of small profile counts (with secondary
// suppression) and the workshops.
#include <doctest/doctest.h>

#include "report/figures.h"
#include "support/report_tickets.h"

using namespace pcn;
using namespace std::chrono_literals;
using queue::OutcomeList;
using queue::TicketState;
using testing::Made;
using testing::noumea_time;

namespace {

constexpr util::LocalDate kMonday{2026, 11, 23};

const report::OutcomeTable& table(const report::Figures& f, OutcomeList list) {
  for (const auto& t : f.outcomes) {
    if (t.list == list) return t;
  }
  FAIL("no table " << queue::to_string(list));
  return f.outcomes.front();
}

/// The row of `code` ("" = "non renseigné").
const report::OutcomeRow& row(const report::OutcomeTable& t, const std::string& code) {
  for (const auto& r : t.rows) {
    if (r.code == code) return r;
  }
  FAIL("no row " << code);
  return t.rows.front();
}

queue::Outcome profile(std::string age_band, std::string situation = "", std::string commune = "") {
  queue::Outcome o;
  o.age_band = std::move(age_band);
  o.situation = std::move(situation);
  o.commune = std::move(commune);
  return o;
}

/// `n` served visits of `service` with `outcome`, from 08:00 a minute apart.
void add_visits(std::vector<queue::Ticket>& tickets, int n, const queue::Outcome& outcome) {
  for (int i = 0; i < n; ++i) {
    tickets.push_back(Made(kMonday, 'N', 8, static_cast<int>(tickets.size())).served_with(outcome));
  }
}

}  // namespace

TEST_CASE("report::compute gives the busy share over the opening time elapsed at now") {
  testing::ReportAgency a;
  // At 10:06 on Monday (open 07:30–15:30), 2 h 36 = 156 min of opening have elapsed. Counter 2
  // served 81 min and has had a visitor since 09:35 (31 min): 112 min busy, 112 / 156 = 71.8 %,
  // not the 112 / 480 = 23 % of the whole day.
  std::vector<queue::Ticket> tickets{
      Made(kMonday, 'C', 8, 0).called(7, 2).ended(TicketState::done, 23),
      Made(kMonday, 'C', 8, 1).called(30, 2).ended(TicketState::done, 29),
      Made(kMonday, 'N', 8, 5).called(56, 2).ended(TicketState::done, 29),
      Made(kMonday, 'N', 9, 10).called(25, 2),
  };
  auto now = noumea_time(2026, 11, 23, 10, 6);
  auto f = report::compute(a.input(kMonday, kMonday, now), tickets);
  CHECK(f.opening_time == 8h);
  CHECK(f.opening_elapsed == 156min);
  CHECK(f.now_clock == "10:06");
  REQUIRE(f.counters.size() == 3);
  CHECK(f.counters[1].busy == 112min);
  REQUIRE(f.counters[1].busy_share);
  CHECK(*f.counters[1].busy_share == doctest::Approx(112.0 / 156));

  SUBCASE("before opening nothing has elapsed; a later day of a range counts nothing yet") {
    auto early = report::compute(a.input(kMonday, kMonday, noumea_time(2026, 11, 23, 7, 0)), {});
    CHECK(early.opening_elapsed == 0s);
    CHECK_FALSE(early.counters[0].busy_share);
    auto week = report::compute(a.input({2026, 11, 22}, {2026, 11, 25}, now), {});
    CHECK(week.opening_time == 32h);
    CHECK(week.opening_elapsed == 8h + 156min);  // Sunday 22 whole, Monday to 10:06
  }
  SUBCASE("a day that is over counts whole") {
    auto next_day =
        report::compute(a.input(kMonday, kMonday, noumea_time(2026, 11, 24, 9, 0)), tickets);
    CHECK(next_day.opening_elapsed == 8h);
    CHECK(next_day.counters[1].busy == 81min);  // the one at the counter then is not "now"
  }
}

TEST_CASE("report::compute counts the waits of the people not received, beside the served") {
  testing::ReportAgency a;
  auto now = noumea_time(2026, 11, 23, 11, 0);
  queue::Ticket unserved = Made(kMonday, 'C', 9, 0).state(TicketState::unserved);
  unserved.finished_at = noumea_time(2026, 11, 23, 10, 30);  // the day closed early
  std::vector<queue::Ticket> tickets{
      Made(kMonday, 'C', 8, 0).called(10, 1).ended(TicketState::done, 5),     // waited 10
      Made(kMonday, 'C', 8, 30).called(50, 1).ended(TicketState::absent, 2),  // 50, then left
      unserved,                                                               // 90 (9:00→10:30)
      Made(kMonday, 'C', 10, 0),                                              // 60 so far
      Made(kMonday, 'C', 10, 40).called(5, 1),                                // at the counter: 5
  };
  auto f = report::compute(a.input(kMonday, kMonday, now), tickets);
  const auto& c = f.services[0];
  CHECK(c.wait.count == 2);  // 10 and 5: received
  CHECK(c.wait.mean == 7.5 * 60);
  // Not received: 50, 60, 90 → mean 66.67, median (2nd) 60, p90 (3rd) 90.
  CHECK(c.wait_not_received.count == 3);
  CHECK(*c.wait_not_received.mean == doctest::Approx(200.0 / 3 * 60));
  CHECK(c.wait_not_received.median == 60.0 * 60);
  CHECK(c.wait_not_received.p90 == 90.0 * 60);
  CHECK(c.waiting_now == 1);
  CHECK(f.total.wait_not_received.count == 3);
  // Seen the next morning (the day was never closed), the one still waiting counts to 15:30:
  // samples 50, 90 and 330 (10:00 → 15:30).
  auto next = report::compute(a.input(kMonday, kMonday, noumea_time(2026, 11, 24, 9, 0)), tickets);
  CHECK(next.services[0].wait_not_received.p90 == 330.0 * 60);
  // Without now, the one still waiting has no end yet: no sample.
  auto closed = report::compute(a.input(kMonday, kMonday), tickets);
  CHECK(closed.services[0].wait_not_received.count == 2);
}

TEST_CASE("report::compute gives a day-by-day series with the share « fait à la place »") {
  testing::ReportAgency a;
  util::LocalDate tuesday{2026, 11, 24}, wednesday{2026, 11, 25};
  queue::Outcome done_for_them, step_by_step, nothing;
  done_for_them.autonomy = std::string(queue::kDoneForThem);
  step_by_step.autonomy = "pas_a_pas";
  nothing.partner = {"cafat"};  // an outcome without autonomy
  std::vector<queue::Ticket> tickets{
      // Monday: 3 tickets, 2 served (waits 10 and 20), autonomy of both: 1 of 2 done for them.
      Made(kMonday, 'C', 8, 0).called(10, 1).ended(TicketState::done, 5),
      Made(kMonday, 'C', 8, 5).called(20, 1).ended(TicketState::done, 5),
      Made(kMonday, 'C', 9, 0).state(TicketState::unserved),
      // Wednesday: 1 served, its outcome without autonomy: no share.
      Made(wednesday, 'F', 9, 0).called(4, 3).ended(TicketState::done, 5),
  };
  tickets[0].outcome = done_for_them;
  tickets[1].outcome = step_by_step;
  tickets[3].outcome = nothing;
  auto f = report::compute(a.input(kMonday, wednesday), tickets);
  REQUIRE(f.days_series.size() == 3);
  const auto& monday = f.days_series[0];
  CHECK(monday.day == kMonday);
  CHECK(monday.tickets == 3);
  CHECK(monday.served == 2);
  CHECK(monday.accompaniments == 2);
  CHECK(monday.wait.mean == 15.0 * 60);
  CHECK(monday.wait.median == 10.0 * 60);
  CHECK(monday.done_for_them == 1);
  CHECK(monday.autonomy_given == 2);
  CHECK(monday.done_for_them_share == 0.5);
  CHECK(f.days_series[1].day == tuesday);
  CHECK(f.days_series[1].tickets == 0);
  CHECK_FALSE(f.days_series[1].wait.mean);
  CHECK_FALSE(f.days_series[1].done_for_them_share);
  CHECK(f.days_series[2].served == 1);
  CHECK(f.days_series[2].autonomy_given == 0);
  CHECK_FALSE(f.days_series[2].done_for_them_share);
}

TEST_CASE("report::compute lists every code of a list, then « non renseigné »; multi-valued") {
  testing::ReportAgency a;
  queue::Outcome two_partners, one_partner;
  two_partners.partner = {"eec", "enercal"};
  two_partners.theme = {"energie_eau"};
  one_partner.partner = {"eec"};
  std::vector<queue::Ticket> tickets{
      Made(kMonday, 'F', 8, 0).served_with(two_partners),
      Made(kMonday, 'F', 8, 1).served_with(one_partner),
      Made(kMonday, 'F', 8, 2).called(0, 3).ended(TicketState::done, 5),    // no outcome
      Made(kMonday, 'F', 8, 3).called(0, 3).ended(TicketState::absent, 1),  // not a visit
  };
  tickets[3].outcome = two_partners;  // an outcome on a no-show never counts
  auto f = report::compute(a.input(kMonday, kMonday), tickets);
  REQUIRE(f.outcomes.size() == queue::kOutcomeLists.size());
  const auto& partner = table(f, OutcomeList::partner);
  CHECK(partner.title == "Partenaire");
  CHECK(partner.visits == 3);
  CHECK_FALSE(partner.profile);
  REQUIRE(partner.rows.size() == 11);  // the 10 default partners, then "non renseigné"
  CHECK(partner.rows[0].code == "cafat");
  CHECK(partner.rows[0].count == 0);
  CHECK(row(partner, "eec").count == 2);  // once per visit that has it
  CHECK(row(partner, "enercal").count == 1);
  CHECK(row(partner, "eec").share == doctest::Approx(2.0 / 3));
  CHECK(partner.rows.back().code.empty());
  CHECK(partner.rows.back().label == "non renseigné");
  CHECK(partner.rows.back().count == 1);
  const auto& theme = table(f, OutcomeList::theme);
  CHECK(row(theme, "energie_eau").count == 1);
  CHECK(row(theme, "energie_eau").group == "Démarches");
  CHECK(row(theme, "").count == 2);
  const auto& result = table(f, OutcomeList::result);
  CHECK(row(result, "").count == 3);  // nobody recorded a result
  // Small counts outside the profile lists are shown as they are.
  CHECK(row(partner, "enercal").count == 1);
}

TEST_CASE("report::compute keeps codes no longer in the list, after it, with their code as label") {
  testing::ReportAgency a;
  queue::Outcome old;
  old.equipment = "minitel";
  std::vector<queue::Ticket> tickets{Made(kMonday, 'C', 8, 0).served_with(old)};
  auto f = report::compute(a.input(kMonday, kMonday), tickets);
  const auto& equipment = table(f, OutcomeList::equipment);
  REQUIRE(equipment.rows.size() == 6);  // 4 defaults, minitel, non renseigné
  CHECK(equipment.rows[4].code == "minitel");
  CHECK(equipment.rows[4].label == "minitel");
  CHECK(equipment.rows[4].count == 1);
  CHECK(equipment.rows[5].count == 0);
}

TEST_CASE("report::compute masks profile counts from 1 to 4, and one more cell when one alone is") {
  testing::ReportAgency a;
  std::vector<queue::Ticket> tickets;
  // 12 served visits: age bands 25–39 ×5, 40–59 ×3, 70+ ×1, none ×3; situations retired ×1,
  // employed ×6, none ×5; communes Bourail ×12.
  add_visits(tickets, 5, profile("25_39", "en_emploi", "bourail"));
  add_visits(tickets, 1, profile("40_59", "en_emploi", "bourail"));
  add_visits(tickets, 2, profile("40_59", "", "bourail"));
  add_visits(tickets, 1, profile("70_plus", "retraite", "bourail"));
  add_visits(tickets, 3, profile("", "", "bourail"));
  auto f = report::compute(a.input(kMonday, kMonday), tickets);

  // Age band: 40–59 (3) and 70+ (1) are masked; two cells, so no more. Zeros and the 5 shown;
  // "non renseigné" (3) is not a profile: shown.
  const auto& age = table(f, OutcomeList::age_band);
  CHECK(age.profile);
  CHECK(row(age, "moins_18").count == 0);
  CHECK(row(age, "25_39").count == 5);
  CHECK(row(age, "25_39").share == doctest::Approx(5.0 / 12));
  CHECK_FALSE(row(age, "40_59").count);
  CHECK_FALSE(row(age, "40_59").share);
  CHECK_FALSE(row(age, "70_plus").count);
  CHECK(row(age, "").count == 3);

  // Situation: only « retraité » (1) is small. With the total of 12 visits and 6 + 5 shown, it
  // could be recovered: the next smallest non-zero cell, "non renseigné" (5), is masked too.
  const auto& situation = table(f, OutcomeList::situation);
  CHECK_FALSE(row(situation, "retraite").count);
  CHECK_FALSE(row(situation, "").count);
  CHECK(row(situation, "en_emploi").count == 6);
  CHECK(row(situation, "etudiant").count == 0);

  // Commune: 12 in Bourail, nothing small: nothing masked.
  const auto& commune = table(f, OutcomeList::commune);
  CHECK(row(commune, "bourail").count == 12);
  CHECK(row(commune, "").count == 0);
}

TEST_CASE(
    "report::compute's secondary suppression takes the smallest non-zero cell, first on tie") {
  testing::ReportAgency a;
  std::vector<queue::Ticket> tickets;
  // Communes: Païta ×2 (masked), Koné ×7, Bourail ×6, Nouméa ×6: the next smallest is 6, and of
  // Bourail and Nouméa, Bourail comes first in the list.
  add_visits(tickets, 2, profile("", "", "paita"));
  add_visits(tickets, 7, profile("", "", "kone"));
  add_visits(tickets, 6, profile("", "", "bourail"));
  add_visits(tickets, 6, profile("", "", "noumea"));
  auto f = report::compute(a.input(kMonday, kMonday), tickets);
  const auto& commune = table(f, OutcomeList::commune);
  CHECK_FALSE(row(commune, "paita").count);
  CHECK_FALSE(row(commune, "bourail").count);
  CHECK(row(commune, "noumea").count == 6);
  CHECK(row(commune, "kone").count == 7);
  CHECK(row(commune, "").count == 0);
  // And the age band table (all "non renseigné", 21) masks nothing.
  CHECK(row(table(f, OutcomeList::age_band), "").count == 21);
}

TEST_CASE("report::compute sums the workshops of the range, per theme") {
  testing::ReportAgency a;
  auto workshop = [](util::LocalDate day, std::string theme, int participants, int minutes) {
    queue::Workshop w;
    w.day = day;
    w.theme = std::move(theme);
    w.participants = participants;
    w.minutes = minutes;
    return w;
  };
  std::vector<queue::Workshop> workshops{
      workshop(kMonday, "smartphone", 6, 90), workshop(kMonday, "smartphone", 4, 60),
      workshop(kMonday, "messagerie", 3, 45), workshop({2026, 11, 24}, "smartphone", 8, 60),
      workshop(kMonday, "ancien_theme", 2, 30)};
  auto f = report::compute(a.input(kMonday, kMonday), {}, workshops);
  CHECK(f.workshops.workshops == 4);  // Tuesday's is out of the range
  CHECK(f.workshops.participants == 15);
  CHECK(f.workshops.minutes == 225);
  REQUIRE(f.workshops.themes.size() == 16);  // the 15 default themes, then the unknown one
  auto theme = [&](const std::string& code) {
    for (const auto& r : f.workshops.themes) {
      if (r.code == code) return r;
    }
    FAIL("no theme " << code);
    return report::WorkshopRow{};
  };
  CHECK(theme("smartphone").workshops == 2);
  CHECK(theme("smartphone").participants == 10);
  CHECK(theme("smartphone").minutes == 150);
  CHECK(theme("smartphone").label == "Smartphone");
  CHECK(theme("messagerie").participants == 3);
  CHECK(theme("papiers").workshops == 0);
  CHECK(f.workshops.themes.back().code == "ancien_theme");
  CHECK(f.workshops.themes.back().label == "ancien_theme");
}
