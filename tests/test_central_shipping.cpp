// Issue #12 end to end on this machine: a real hub (tests/support/hub_fixture.h) whose shipper
// reads its SQLite file and ships over CurveZMQ on 127.0.0.1 to a real CentralServer storing into
// a real PostgreSQL 15 (tests/support/postgres_harness.h). Every event arrives once; the centre
// stopped while the agency works, then back: the backlog arrives, nothing doubled; a key that
// claims another agency, and an unknown key, store nothing.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <sstream>
#include <thread>
#include <vector>

#include "central/central_report.h"
#include "central/central_server.h"
#include "hub/shipper.h"
#include "net/curve_keys.h"
#include "protocol/codec.h"
#include "report/report_text.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "support/postgres_harness.h"
#include "text/catalog.h"

using namespace pcn;
using namespace std::chrono_literals;

namespace {

net::KeyPair key(const std::string& name, const std::string& role) {
  auto pair = net::generate_key_pair(name, role);
  REQUIRE(pair.ok());
  return *pair;
}

/// The centre in a thread of its own, bound once; stop() and start() again on the same port.
class Centre {
 public:
  Centre(const testing::TestPostgres& pg, net::KeyPair centre_key, net::AllowList agencies)
      : options_{"tcp://127.0.0.1:*", std::move(centre_key), std::move(agencies), pg.conninfo()} {
    start();
  }
  ~Centre() { stop(); }
  void start() {
    auto server = central::CentralServer::start(options_, [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(mutex_);
      log_ += line + "\n";
    });
    REQUIRE_MESSAGE(server.ok(), (server.ok() ? "" : server.error().message));
    server_ = std::move(*server);
    options_.bind = server_->endpoint();  // the same port when started again
    stop_ = false;
    thread_ = std::thread([this] { server_->run(stop_); });
  }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }
  const std::string& endpoint() const { return options_.bind; }
  std::string log() {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }

 private:
  central::CentralOptions options_;
  std::unique_ptr<central::CentralServer> server_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::string log_;
};

hub::ShipperOptions shipper_options(const testing::TestHub& hub, const Centre& centre,
                                    const net::KeyPair& centre_key, net::KeyPair agency_key,
                                    const std::string& agency = "bourail",
                                    const std::string& name = "OPT Bourail") {
  hub::ShipperOptions o;
  o.endpoint = centre.endpoint();
  o.central_public = centre_key.public_key;
  o.key = std::move(agency_key);
  o.agency = agency;
  o.name = name;
  o.database = hub.database();
  o.timeout = 2s;
  o.retry = 200ms;
  o.retry_max = 1s;
  o.idle = 100ms;
  o.batch = 50;
  return o;
}

template <typename Pred>
bool within(std::chrono::seconds limit, Pred done) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

std::int64_t hub_seq(testing::TestHub& hub) {
  auto snap = hub.client("supervisor", false)->request("snapshot");
  REQUIRE(snap.ok());
  return snap->at("seq").get<std::int64_t>();
}

void take(testing::TestHub& hub, int n) {
  auto kiosk = hub.client("kiosk", false);
  for (int i = 0; i < n; ++i) REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
}

/// A PostgreSQL, the centre's key pair, one admitted agency key, and the centre serving.
struct Pilot {
  explicit Pilot(const std::string& agency)
      : centre_key(key("centre", "central")), agency_key(key(agency, "agency")),
        centre(pg, centre_key, admitting(agency_key)) {}
  static net::AllowList admitting(const net::KeyPair& k) {
    net::AllowList list(net::is_agency_role);
    REQUIRE(list.add(k, k.name + ".pub").ok());
    return list;
  }
  testing::TestPostgres pg;
  net::KeyPair centre_key;
  net::KeyPair agency_key;
  Centre centre;
};

}  // namespace

TEST_CASE("hub::Shipper ships the agency's day to the centre once, across a centre outage") {
  Pilot pilot("bourail");
  testing::TestPostgres& pg = pilot.pg;
  Centre& centre = pilot.centre;
  const net::KeyPair& centre_key = pilot.centre_key;
  const net::KeyPair& bourail = pilot.agency_key;

  testing::TestHub hub;
  hub.start();
  take(hub, 3);
  {
    auto agent = hub.client("agent", false);
    REQUIRE(agent->request("call_next", {{"counter", 1}}).ok());
    protocol::Json outcome = {{"partner", {"cafat"}}, {"autonomy", "autonome"}};
    REQUIRE(agent->request("finish", {{"counter", 1}, {"outcome", outcome}}).ok());
  }
  util::SystemClock clock;
  hub::Shipper shipper(shipper_options(hub, centre, centre_key, bourail), clock);
  const std::int64_t seq = hub_seq(hub);
  REQUIRE(within(10s, [&] { return shipper.state().acknowledged == seq; }));
  CHECK(shipper.state().connected);
  CHECK(shipper.state().last_error.empty());
  CHECK(pg.psql("SELECT count(*), max(seq) FROM events") ==
        std::to_string(seq) + "|" + std::to_string(seq) + "\n");
  CHECK(pg.psql("SELECT label, state, autonomy FROM pilot_tickets ORDER BY label") ==
        "C-001|done|autonome\nC-002|waiting|\nC-003|waiting|\n");

  // The centre goes down; the agency goes on working; its events wait.
  centre.stop();
  take(hub, 40);
  REQUIRE(within(10s, [&] { return !shipper.state().last_error.empty(); }));
  CHECK_FALSE(shipper.state().connected);
  CHECK(shipper.state().acknowledged == seq);
  // Back: the backlog arrives, in batches of 50 at most, each event once.
  centre.start();
  const std::int64_t later = hub_seq(hub);
  REQUIRE(later == seq + 40);
  REQUIRE(within(20s, [&] { return shipper.state().acknowledged == later; }));
  CHECK(pg.psql("SELECT count(*), count(DISTINCT seq), max(seq) FROM events") ==
        std::to_string(later) + "|" + std::to_string(later) + "|" + std::to_string(later) + "\n");
  CHECK(pg.psql("SELECT count(*) FROM pilot_tickets") == "43\n");
  CHECK(within(5s, [&] { return shipper.state().last_error.empty(); }));
}

TEST_CASE("hub::Shipper caught up keeps the link alive: an empty ship every keepalive, acked") {
  Pilot pilot("bourail");
  testing::TestHub hub;
  hub.start();
  take(hub, 2);
  util::SystemClock clock;
  hub::ShipperOptions options =
      shipper_options(hub, pilot.centre, pilot.centre_key, pilot.agency_key);
  options.keepalive = 300ms;
  options.follow_key = std::string(64, 'a');  // with the hello: the centre accepts the frame
  hub::Shipper shipper(options, clock);
  const std::int64_t seq = hub_seq(hub);
  REQUIRE(within(10s, [&] { return shipper.state().acknowledged == seq; }));
  // Nothing new: every answer the centre gives now is a keepalive's.
  std::vector<util::TimePoint> answers;
  const auto until = std::chrono::steady_clock::now() + 1000ms;
  while (std::chrono::steady_clock::now() < until) {
    const hub::ShipperState state = shipper.state();
    REQUIRE(state.last_ack);
    if (answers.empty() || answers.back() != *state.last_ack) answers.push_back(*state.last_ack);
    CHECK(state.connected);
    CHECK(state.acknowledged == seq);
    std::this_thread::sleep_for(20ms);
  }
  CAPTURE(answers.size());
  CHECK(answers.size() >= 3);  // the one seen first, then at least two keepalives in 1 s
  CHECK(answers.size() <= 5);  // about every 300 ms, not at every look for new events (100 ms)
  CHECK(pilot.pg.psql("SELECT count(*) FROM events") == std::to_string(seq) + "\n");

  SUBCASE("a long keepalive: the caught-up shipper stays quiet") {
    options.keepalive = 60s;
    hub::Shipper quiet(options, clock);
    REQUIRE(within(10s, [&] { return quiet.state().last_ack.has_value(); }));
    const util::TimePoint hello = *quiet.state().last_ack;
    std::this_thread::sleep_for(700ms);
    CHECK(*quiet.state().last_ack == hello);
  }
}

TEST_CASE("central::CentralServer refuses a key claiming another agency, and unknown keys") {
  Pilot pilot("kone");
  testing::TestPostgres& pg = pilot.pg;
  Centre& centre = pilot.centre;
  const net::KeyPair& centre_key = pilot.centre_key;
  const net::KeyPair& kone = pilot.agency_key;
  testing::TestHub hub;
  hub.start();
  take(hub, 2);
  util::SystemClock clock;
  {
    // Koné's key, shipping as Bourail: refused, logged, nothing stored.
    hub::Shipper liar(shipper_options(hub, centre, centre_key, kone, "bourail"), clock);
    REQUIRE(within(10s, [&] { return !liar.state().last_error.empty(); }));
    CHECK(liar.state().last_error ==
          text::shipper_refused(text::central_wrong_agency("kone", "bourail")));
    CHECK(liar.state().acknowledged == 0);
  }
  CHECK(centre.log().find(text::central_wrong_agency("kone", "bourail")) != std::string::npos);
  {
    // A key the centre does not know: the handshake is refused, no answer ever comes.
    hub::Shipper stranger(shipper_options(hub, centre, centre_key, key("bourail", "agency")),
                          clock);
    REQUIRE(within(10s, [&] { return !stranger.state().last_error.empty(); }));
    CHECK_FALSE(stranger.state().connected);
  }
  CHECK(pg.psql("SELECT count(*) FROM events") == "0\n");
  CHECK(pg.psql("SELECT count(*) FROM agencies") == "0\n");
}

TEST_CASE("hub::HubThread with [central] ships by itself, and survives a restart of the hub") {
  Pilot pilot("bourail");
  testing::TestPostgres& pg = pilot.pg;
  Centre& centre = pilot.centre;
  const net::KeyPair& centre_key = pilot.centre_key;
  const net::KeyPair& bourail = pilot.agency_key;
  testing::TestHub hub;
  hub.set_central(shipper_options(hub, centre, centre_key, bourail));
  hub.start();
  take(hub, 5);
  const std::int64_t seq = hub_seq(hub);
  auto shipped = [&](std::int64_t n) {
    return hub.hub().central_state() && hub.hub().central_state()->acknowledged == n;
  };
  REQUIRE(within(10s, [&] { return shipped(seq); }));
  // The hub restarts (same database): its shipper asks the centre, sends only what is new.
  hub.stop();
  hub.start();
  take(hub, 2);
  const std::int64_t later = hub_seq(hub);
  REQUIRE(within(10s, [&] { return shipped(later); }));
  CHECK(pg.psql("SELECT count(*), count(DISTINCT seq) FROM events") ==
        std::to_string(later) + "|" + std::to_string(later) + "\n");
  CHECK(pg.psql("SELECT count(*) FROM agency_stores") == "1\n");  // one database, one store id
}

namespace {

using protocol::Json;

/// A morning at a counter: six tickets over the services, calls, a no-show, a transfer, finishes
/// with outcomes (one "fait à la place"), one without, a workshop; `shift` varies the durations.
void scripted_morning(testing::TestHub& hub, int shift) {
  auto kiosk = hub.client("kiosk", false);
  auto agent = hub.client("agent", false);
  auto ok = [](const util::Result<Json>& r) {
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
  };
  auto minutes = [&](int m) { hub.clock().advance(std::chrono::minutes(m + shift)); };
  for (const char* service : {"C", "F", "N", "C", "F", "C"}) {
    ok(kiosk->request("take_ticket", {{"service", service}}));
    minutes(1);
  }
  ok(kiosk->request("take_ticket", {{"service", "C"}, {"priority", true}}));
  minutes(4);
  ok(agent->request("call_next", {{"counter", 1}}));
  minutes(9);
  ok(agent->request("finish", {{"counter", 1},
                               {"outcome", {{"partner", {"cafat"}}, {"autonomy", "fait_a_la_place"},
                                            {"age_band", "60_69"}}}}));
  ok(agent->request("call_next", {{"counter", 2}}));
  minutes(2);
  ok(agent->request("no_show", {{"counter", 2}}));
  const Json called = ok(agent->request("call_next", {{"counter", 2}}));
  minutes(3);
  const std::string other = called.at("ticket").at("service") == "N" ? "C" : "N";
  ok(agent->request("transfer", {{"counter", 2}, {"service", other}}));
  ok(agent->request("call_next", {{"counter", 1}}));
  minutes(12);
  ok(agent->request("finish", {{"counter", 1},
                               {"outcome", {{"partner", {"cafat", "eec"}}, {"autonomy", "autonome"},
                                            {"result", "aboutie"}}}}));
  ok(agent->request("call_next", {{"counter", 2}}));
  minutes(7);
  ok(agent->request("finish", {{"counter", 2}}));
  ok(agent->request("record_workshop",
                    {{"theme", "smartphone"}, {"participants", 6 + shift}, {"minutes", 90}}));
}

/// The agency's own figures: its tickets and workshops asked from its hub (the supervisor's
/// `tickets`, as `agent-console report` does), computed with its rules.
report::Figures own_figures(testing::TestHub& hub, const queue::AgencyRules& rules,
                            const report::DateRange& range, util::TimePoint now) {
  auto supervisor = hub.client("supervisor", false);
  auto reply = supervisor->request(
      "tickets", {{"from", range.from.to_string()}, {"to", range.to.to_string()}});
  REQUIRE(reply.ok());
  std::vector<queue::Ticket> tickets;
  for (const Json& t : reply->at("tickets")) tickets.push_back(*protocol::decode_ticket_at(t, "t"));
  std::vector<queue::Workshop> workshops;
  for (const Json& w : reply->at("workshops")) {
    workshops.push_back(*protocol::decode_workshop_at(w, "w"));
  }
  report::ReportInput input{range.from,  range.to, &rules.services, &rules.counters,
                            &rules.hours, &rules.zone, now,           &rules.outcomes};
  return report::compute(input, tickets, workshops);
}

protocol::AgencyProfile profile_of(const queue::AgencyRules& r) {
  return {r.services, r.counters, r.hours, r.outcomes};
}

}  // namespace

TEST_CASE("central report: two agencies ship a morning; each agrees with its own report") {
  testing::TestPostgres pg;
  const net::KeyPair centre_key = key("centre", "central");
  const net::KeyPair bourail_key = key("bourail", "agency");
  const net::KeyPair kone_key = key("kone", "agency");
  net::AllowList admitted(net::is_agency_role);
  REQUIRE(admitted.add(bourail_key, "bourail.pub").ok());
  REQUIRE(admitted.add(kone_key, "kone.pub").ok());
  Centre centre(pg, centre_key, std::move(admitted));

  const queue::AgencyRules bourail_rules = testing::test_rules();
  queue::AgencyRules kone_rules = testing::test_rules();
  kone_rules.services[2].label = "Identité numérique (Koné)";
  kone_rules.counters.pop_back();  // two counters
  kone_rules.counters[1].services = "CFN";
  for (int d = 0; d < 7; ++d) kone_rules.hours.set_day(d, {{7 * 60 + 45, 11 * 60 + 30}});
  kone_rules.outcomes.choices(queue::OutcomeList::theme).push_back({"pirogue", "Pirogue", "Numérique"});

  testing::TestHub bourail, kone;
  kone.set_rules(kone_rules);
  auto ship = [&](testing::TestHub& hub, const net::KeyPair& k, const std::string& id,
                  const std::string& name, const queue::AgencyRules& rules) {
    hub::ShipperOptions o = shipper_options(hub, centre, centre_key, k, id, name);
    o.profile = profile_of(rules);
    hub.set_central(std::move(o));
    hub.start();
  };
  ship(bourail, bourail_key, "bourail", "OPT Bourail", bourail_rules);
  ship(kone, kone_key, "kone", "OPT Koné", kone_rules);
  scripted_morning(bourail, 0);
  scripted_morning(kone, 2);
  for (testing::TestHub* hub : {&bourail, &kone}) {
    const std::int64_t seq = hub_seq(*hub);
    REQUIRE(within(10s, [&] { return hub->hub().central_state()->acknowledged == seq; }));
  }

  const util::TimePoint now = std::max(bourail.clock().now(), kone.clock().now());
  const util::LocalDate day = util::TimeZone::noumea().date_of(now);
  const report::DateRange range{day, day};
  auto db = central::PgConnection::open(pg.conninfo());
  REQUIRE(db.ok());
  auto agencies = central::load_agencies(*db, range, "");
  REQUIRE(agencies.ok());
  REQUIRE(agencies->size() == 2);
  const central::CentralFigures figures = central::compute_central(*agencies, range, now);
  REQUIRE(figures.agencies.size() == 2);
  CHECK(figures.agencies[0].id == "bourail");
  CHECK(figures.agencies[1].name == "OPT Koné");
  // The centre's figures of each agency are its own report's, to the last line.
  const report::Figures own_bourail = own_figures(bourail, bourail_rules, range, now);
  const report::Figures own_kone = own_figures(kone, kone_rules, range, now);
  CHECK(report::report_text(figures.agencies[0].figures, "OPT Bourail") ==
        report::report_text(own_bourail, "OPT Bourail"));
  CHECK(report::report_text(figures.agencies[1].figures, "OPT Koné") ==
        report::report_text(own_kone, "OPT Koné"));
  CHECK(own_kone.total.tickets == 7);
  CHECK(own_kone.counters.size() == 2);
  // All agencies together: every ticket, visit and workshop of both.
  CHECK(figures.all.total.tickets == 14);
  CHECK(figures.all.total.served == own_bourail.total.served + own_kone.total.served);
  CHECK(figures.all.workshops.participants == 6 + 8);
  CHECK(figures.all.counters.empty());
  CHECK(pg.psql("SELECT agency, count(*) FROM pilot_tickets GROUP BY agency ORDER BY agency") ==
        "bourail|7\nkone|7\n");

  // The command line, as a coordinator runs it.
  testing::TempDir out{"pcn-central-report"};
  central::CentralConfig config;
  config.database = pg.conninfo();
  central::CentralReportRequest request;
  request.from = day.to_string();
  request.csv = (out / "csv").string();
  request.xlsx = (out / "pilote.xlsx").string();
  request.now = now;
  std::ostringstream printed, errors;
  REQUIRE(central::run_central_report(config, request, printed, errors) == 0);
  CHECK(errors.str().empty());
  const std::string text = printed.str();
  CHECK(text.find("Agences") != std::string::npos);
  CHECK(text.find("Toutes les agences") != std::string::npos);
  CHECK(text.find("OPT Koné") != std::string::npos);
  CHECK(text.find("Identité numérique (Koné)") != std::string::npos);
  CHECK(std::filesystem::exists(out / "csv" / "agences.csv"));
  CHECK(std::filesystem::exists(out / "csv" / "ensemble" / "tickets-par-service.csv"));
  CHECK(std::filesystem::exists(out / "csv" / "kone" / "tickets-par-service.csv"));
  CHECK(std::filesystem::exists(out / "pilote.xlsx"));
  CHECK(std::filesystem::exists(out / "pilote-bourail.xlsx"));

  request = {};
  request.from = day.to_string();
  request.agency = "yate";
  std::ostringstream none, refused;
  CHECK(central::run_central_report(config, request, none, refused) == 1);
  CHECK(none.str().empty());
  CHECK(refused.str() == "pcn-central : " + text::central_unknown_agency("yate", "bourail, kone") +
                             "\n");
  request.agency = "";
  request.to = "2020-01-01";
  std::ostringstream reversed;
  CHECK(central::run_central_report(config, request, none, reversed) == 2);
}
