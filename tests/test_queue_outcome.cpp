// queue::Outcome and the engine's outcome decisions: codes checked against the agency's lists,
// the outcome recorded with finish, corrected only on a served ticket of the day, workshops.
#include <doctest/doctest.h>

#include <set>

#include "queue/engine.h"
#include "queue/outcome.h"
#include "support/engine_fixture.h"
#include "support/fake_clock.h"

using namespace pcn;
using namespace std::chrono_literals;
using pcn::testing::accept;
using pcn::testing::noumea_time;
using queue::Outcome;
using queue::OutcomeList;

namespace {

const util::LocalDate kDay{2026, 11, 23};

Outcome cafat_visit() {
  Outcome o;
  o.partner = {"cafat"};
  o.theme = {"social_sante", "espace_en_ligne"};
  o.autonomy = "pas_a_pas";
  o.result = "aboutie";
  o.first_visit = "non_demande";
  return o;
}

}  // namespace

TEST_CASE("queue::OutcomeLists::defaults are the pilot's lists, codes unique, labels French") {
  const auto lists = queue::OutcomeLists::defaults();
  CHECK(lists.choices(OutcomeList::partner).size() == 10);
  CHECK(lists.label(OutcomeList::partner, "cde") == "Calédonienne des eaux");
  CHECK(lists.choices(OutcomeList::theme).size() == 15);
  CHECK(lists.find(OutcomeList::theme, "securite")->group == "Numérique");
  CHECK(lists.find(OutcomeList::theme, "justice")->group == "Démarches");
  CHECK(lists.label(OutcomeList::autonomy, std::string(queue::kDoneForThem)) ==
        "Fait à la place par l’agent (avec l’accord de la personne)");
  CHECK(lists.choices(OutcomeList::age_band).size() == 6);
  CHECK(lists.choices(OutcomeList::first_visit).size() == 3);
  for (OutcomeList list : queue::kOutcomeLists) {
    CAPTURE(queue::to_string(list));
    CHECK_FALSE(lists.choices(list).empty());
    CHECK(queue::outcome_list_from(queue::to_string(list)) == list);
    std::set<std::string> codes;
    for (const auto& c : lists.choices(list)) {
      CHECK(codes.insert(c.code).second);
      CHECK_FALSE(c.label.empty());
    }
  }
  CHECK(queue::option_name(OutcomeList::first_visit) == "--first-visit");
  CHECK(queue::is_profile(OutcomeList::commune));
  CHECK_FALSE(queue::is_profile(OutcomeList::equipment));
}

TEST_CASE("queue::check_outcome refuses unknown codes (listing the valid ones), two in a single") {
  const auto lists = queue::OutcomeLists::defaults();
  CHECK(queue::check_outcome(cafat_visit(), lists).ok());
  CHECK(queue::check_outcome(Outcome{}, lists).ok());
  Outcome o = cafat_visit();
  o.result = "fini";
  auto refused = queue::check_outcome(o, lists);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "unknown_code");
  CHECK(refused.error().message ==
        "Résultat : le code « fini » n’existe pas ; codes possibles : aboutie, piece_manquante, "
        "service_indisponible, a_poursuivre");
  o = cafat_visit();
  o.partner = {"cafat", "cafat"};
  CHECK(queue::check_outcome(o, lists).error().code == "bad_request");
  CHECK(o.codes(OutcomeList::autonomy) == std::vector<std::string>{"pas_a_pas"});
  o.set(OutcomeList::autonomy, {});
  CHECK(o.autonomy.empty());
  CHECK_FALSE(o.empty());
  CHECK(Outcome{}.empty());
}

TEST_CASE("queue::Engine records the outcome with finish and corrects it the same day only") {
  testing::FakeClock clock{noumea_time(2026, 11, 23, 8, 0)};
  queue::Engine engine{testing::test_rules(), kDay};
  auto issued = accept(engine, engine.issue('C', false, clock.now()));
  const queue::TicketId id = *issued.ticket;
  clock.advance(1min);

  auto early = engine.record_outcome(id, cafat_visit(), 1, clock.now());
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == "ticket_not_served");
  accept(engine, engine.call_next(1, clock.now()));
  Outcome wrong = cafat_visit();
  wrong.equipment = "minitel";
  auto refused = engine.finish_with(1, wrong, clock.now());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "unknown_code");
  CHECK(engine.find_ticket(id)->state == queue::TicketState::called);  // nothing changed

  clock.advance(10min);
  auto finished = accept(engine, engine.finish_with(1, cafat_visit(), clock.now()));
  CHECK(finished.kind == queue::ChangeKind::ticket_finished);
  CHECK(engine.find_ticket(id)->outcome == std::optional<Outcome>(cafat_visit()));

  Outcome corrected = cafat_visit();
  corrected.autonomy = std::string(queue::kDoneForThem);
  auto change = accept(engine, engine.record_outcome(id, corrected, 1, clock.now()));
  CHECK(change.kind == queue::ChangeKind::outcome_recorded);
  CHECK(change.ticket == id);
  REQUIRE(change.tickets.size() == 1);
  CHECK(change.tickets[0].state == queue::TicketState::done);
  CHECK(engine.find_ticket(id)->outcome->autonomy == "fait_a_la_place");
  CHECK(engine.record_outcome(id, std::nullopt, std::nullopt, clock.now()).ok());
  CHECK(engine.record_outcome(id, corrected, 7, clock.now()).error().code == "unknown_counter");
  CHECK(engine.record_outcome(999, corrected, 1, clock.now()).error().code == "unknown_ticket");
  auto tomorrow = engine.record_outcome(id, corrected, 1, noumea_time(2026, 11, 24, 8, 0));
  CHECK(tomorrow.error().code == "stale_day");
}

TEST_CASE("queue::Engine records a workshop with no ticket row, its bounds checked") {
  testing::FakeClock clock{noumea_time(2026, 11, 23, 14, 0)};
  queue::Engine engine{testing::test_rules(), kDay};
  queue::Workshop w;
  w.theme = "smartphone";
  w.participants = 8;
  w.minutes = 90;
  w.counter = 2;
  auto change = accept(engine, engine.record_workshop(w, clock.now()));
  CHECK(change.kind == queue::ChangeKind::workshop_recorded);
  CHECK(change.tickets.empty());
  REQUIRE(change.workshop.has_value());
  CHECK(change.workshop->day == kDay);
  CHECK(change.workshop->at == clock.now());
  CHECK(engine.tickets().empty());
  w.theme = "papiers";
  w.participants = 100;
  CHECK(engine.record_workshop(w, clock.now()).error().code == "bad_request");
  w.participants = 3;
  w.minutes = 4;
  CHECK(engine.record_workshop(w, clock.now()).error().code == "bad_request");
  w.minutes = 30;
  w.theme = "peinture";
  CHECK(engine.record_workshop(w, clock.now()).error().code == "unknown_code");
  w.theme = "papiers";
  w.counter = 9;
  CHECK(engine.record_workshop(w, clock.now()).error().code == "unknown_counter");
}
