// A real hub for tests: CURVE keys made with keygen in a temp folder, a SQLite file, tcp ports
// on 127.0.0.1 chosen by the system, and a fake clock (09:00 in Nouméa on a Monday) that the test
// moves. Clients connect with the keys of the role they ask for.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "client/client.h"
#include "hub/hub_thread.h"
#include "queue/engine.h"
#include "support/fake_clock.h"
#include "support/temp_dir.h"

namespace pcn::testing {

class TestHub {
 public:
  explicit TestHub(bool plaintext = false);
  ~TestHub();

  /// Starts (or restarts, on the same file and ports) the hub. REQUIREs success.
  void start();
  void stop();
  bool running() const { return hub_ != nullptr; }

  /// A following client with the key of `role` ("kiosk", "agent", "display", "supervisor").
  std::unique_ptr<client::Client> client(const std::string& role, bool follow = true);
  client::ClientOptions client_options(const std::string& role) const;

  /// The agency's rules for the next start(); without it, test_rules() (engine_fixture.h).
  void set_rules(queue::AgencyRules rules) { rules_ = std::move(rules); }
  /// Ships to a centre from the next start() (HubOptions::central; database: this hub's file).
  void set_central(hub::ShipperOptions central) { central_ = std::move(central); }
  /// The slips' link from the next start() (HubOptions::follow: take_ticket replies "suivi").
  void set_follow(protocol::FollowLink follow) { follow_ = std::move(follow); }

  const hub::HubThread& hub() const { return *hub_; }
  FakeClock& clock() { return clock_; }
  const TempDir& dir() const { return dir_; }
  std::filesystem::path database() const { return dir_ / "queue.sqlite"; }
  hub::HubOptions options() const;

 private:
  TempDir dir_{"pcn-hub"};
  FakeClock clock_;
  bool plaintext_;
  std::optional<queue::AgencyRules> rules_;
  std::optional<hub::ShipperOptions> central_;
  std::optional<protocol::FollowLink> follow_;
  std::string request_bind_ = "tcp://127.0.0.1:*";
  std::string event_bind_ = "tcp://127.0.0.1:*";
  std::unique_ptr<hub::HubThread> hub_;
};

}  // namespace pcn::testing
