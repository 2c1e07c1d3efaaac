// "Suivre mon ticket" at the centre: a ticket of today, shipped as a hub ships it (events of a
// real queue::Engine stored by central::CentralStore, with the agency's follow key in the hello),
// followed over HTTP from its issue to its call: people ahead and the estimate, then the counter;
// a wrong mac, another day's token and a silent link each say so, and show no figure.
#include <doctest/doctest.h>

#include <httplib.h>

#include <array>

#include "central/central_store.h"
#include "protocol/follow_token.h"
#include "support/dashboard_fixture.h"
#include "support/engine_fixture.h"

using namespace pcn;
using namespace std::chrono_literals;

using testing::TodayHub;

namespace {

protocol::FollowKey test_key() { return testing::test_follow_key(); }

}  // namespace

TEST_CASE("dashboard: « suivre mon ticket » follows a ticket of today from its issue to its call") {
  if (!testing::have_postgres()) return;
  testing::DashboardFixture bench;
  auto store = central::CentralStore::open(bench.pg().conninfo());
  REQUIRE(store.ok());
  TodayHub hub(*store);
  hub.ship(hub.engine().issue('C', false, hub.now()));
  hub.ship(hub.engine().issue('C', false, hub.now()));
  const queue::Change third = hub.ship(hub.engine().issue('C', false, hub.now()));
  REQUIRE(third.ticket);
  const std::string token = protocol::follow_token(test_key(), "bourail", TodayHub::today(), *third.ticket);
  httplib::Client phone("127.0.0.1", bench.port());

  auto waiting = phone.Get(("/suivre/" + token).c_str());
  REQUIRE(waiting);
  CHECK(waiting->status == 200);
  CHECK(waiting->body.find("C-003") != std::string::npos);
  CHECK(waiting->body.find("2 personnes avant vous") != std::string::npos);
  CHECK(waiting->body.find("http-equiv=\"refresh\"") != std::string::npos);
  // no counter has called anyone yet: no estimate rather than a made-up one
  CHECK(waiting->body.find("Pas d’estimation") != std::string::npos);

  hub.ship(hub.engine().call_next(1, hub.now()));
  auto moving = phone.Get(("/suivre/" + token).c_str());
  REQUIRE(moving);
  CHECK(moving->body.find("1 personne avant vous") != std::string::npos);
  CHECK(moving->body.find("Attente estimée : ") != std::string::npos);
  hub.ship(hub.engine().finish_with(1, queue::Outcome{}, hub.now()));
  hub.ship(hub.engine().call_next(1, hub.now()));
  hub.ship(hub.engine().finish_with(1, queue::Outcome{}, hub.now()));
  hub.ship(hub.engine().call_next(2, hub.now()));
  auto called = phone.Get(("/suivre/" + token).c_str());
  REQUIRE(called);
  CHECK(called->body.find("C’est votre tour ! Présentez-vous au Guichet 2") != std::string::npos);

  SUBCASE("a token altered in any part is not valid") {
    std::string forged = token;
    forged.back() = forged.back() == 'A' ? 'B' : 'A';
    auto r = phone.Get(("/suivre/" + forged).c_str());
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(r->body.find("Ce lien de suivi n’est pas valable") != std::string::npos);
    CHECK(r->body.find("C-003") == std::string::npos);
    const std::string other = protocol::follow_token(test_key(), "bourail", TodayHub::today(), *third.ticket + 1);
    CHECK(phone.Get(("/suivre/" + other).c_str())->body.find("pas encore arrivé") != std::string::npos);
    CHECK(phone.Get("/suivre/pas-un-jeton")->status == 404);
  }
  SUBCASE("another day's token says which day it was for") {
    const std::string yesterday = protocol::follow_token(test_key(), "bourail", util::LocalDate{2026, 11, 3}, 5);
    auto r = phone.Get(("/suivre/" + yesterday).c_str());
    REQUIRE(r);
    CHECK(r->status == 410);
    CHECK(r->body.find("valable le 2026-11-03 seulement") != std::string::npos);
  }
  SUBCASE("a silent link shows no figure") {
    bench.pg().psql("UPDATE agencies SET last_contact = now() - interval '31 seconds' WHERE id = 'bourail'");
    auto r = phone.Get(("/suivre/" + token).c_str());
    REQUIRE(r);
    CHECK(r->body.find("Information non disponible") != std::string::npos);
    CHECK(r->body.find("C-003") == std::string::npos);
    CHECK(r->body.find("avant vous") == std::string::npos);
  }
}
