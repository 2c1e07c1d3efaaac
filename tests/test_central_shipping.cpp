// Issue #12 end to end on this machine: a real hub (tests/support/hub_fixture.h) whose shipper
// reads its SQLite file and ships over CurveZMQ on 127.0.0.1 to a real CentralServer storing into
// a real PostgreSQL 15 (tests/support/postgres_harness.h). Every event arrives once; the centre
// stopped while the agency works, then back: the backlog arrives, nothing doubled; a key that
// claims another agency, and an unknown key, store nothing.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "central/central_server.h"
#include "hub/shipper.h"
#include "net/curve_keys.h"
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
                                    const std::string& agency = "bourail") {
  hub::ShipperOptions o;
  o.endpoint = centre.endpoint();
  o.central_public = centre_key.public_key;
  o.key = std::move(agency_key);
  o.agency = agency;
  o.name = "OPT Bourail";
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
