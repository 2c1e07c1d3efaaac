// Drill: the hub process is killed with SIGKILL while two kiosks take tickets and two agents call
// and finish them in a loop, and the wall display (`display --text`, a process of its own)
// follows; the hub is restarted on the same agency folder. The clients are never recreated:
// they retry and resync by themselves. Afterwards the hub's SQLite file is read back.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>

#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

#include "app/startup.h"
#include "support/drill_agency.h"
#include "support/drill_clients.h"
#include "support/drill_database.h"
#include "support/drill_wait.h"

using namespace pcn;
using namespace pcn::testing;
using namespace std::chrono_literals;

namespace {

using Loops = std::vector<std::unique_ptr<ClientLoop>>;

const std::string kTake = "take_ticket";

bool each_has(const Loops& loops, const std::vector<int>& base, int more) {
  for (std::size_t i = 0; i < loops.size(); ++i) {
    if (loops[i]->successes() < base[i] + more) return false;
  }
  return true;
}

std::vector<int> successes(const Loops& loops) {
  std::vector<int> counts;
  for (const auto& l : loops) counts.push_back(l->successes());
  return counts;
}

/// The "X-NNN → Guichet K" calls the text display printed from `from` on, in order.
std::vector<std::string> printed_calls(const std::string& out, std::size_t from = 0) {
  std::vector<std::string> calls;
  std::istringstream lines(out.substr(std::min(from, out.size())));
  for (std::string line; std::getline(lines, line);) {
    auto arrow = line.find(" → Guichet ");
    if (arrow == std::string::npos || arrow < 5) continue;
    auto label_start = line.rfind(' ', arrow - 1);
    calls.push_back(line.substr(label_start + 1));
  }
  return calls;
}

/// The display's output after its last "Reconnexion…" line (npos when there is none).
std::size_t last_reconnection(const std::string& out) { return out.rfind("Reconnexion…\n"); }

/// The last word of a printed call: the ticket's label is before " → ".
std::string label_of_call(const std::string& call) { return call.substr(0, call.find(' ')); }

struct Database {
  std::map<queue::TicketId, StoredTicket> tickets;
  std::int64_t last_seq = 0;
};

Database read_back(const DrillAgency& agency) {
  Database db;
  for (StoredTicket& t : read_tickets(agency.database())) db.tickets[t.id] = std::move(t);
  db.last_seq = read_last_seq(agency.database());
  return db;
}

/// Every reply a client got names a ticket that is in the database, as the reply said.
void check_replies_are_stored(const Loops& loops, const Database& db) {
  for (const auto& loop : loops) {
    for (const Received& r : loop->received()) {
      CAPTURE(r.type);
      CAPTURE(r.label);
      auto row = db.tickets.find(r.ticket);
      REQUIRE(row != db.tickets.end());
      CHECK(row->second.label() == r.label);
      if (r.type == "call_next") {
        CHECK((row->second.state == "called" || row->second.state == "done"));
        CHECK(row->second.counter == r.counter);
      }
      if (r.type == "finish") CHECK(row->second.state == "done");
    }
  }
}

/// No ticket went to two kiosks, none was called twice, and numbers run 1..n per prefix and day.
void check_nothing_twice(const Loops& loops, const Database& db) {
  std::map<std::string, queue::TicketId> taken;  // label → id
  std::set<queue::TicketId> called;
  for (const auto& loop : loops) {
    for (const Received& r : loop->received()) {
      CAPTURE(r.label);
      if (r.type == "take_ticket") CHECK(taken.emplace(r.label, r.ticket).second);
      if (r.type == "call_next") CHECK(called.insert(r.ticket).second);
    }
  }
  std::map<std::pair<std::string, char>, std::set<int>> numbers;
  for (const auto& [id, t] : db.tickets) {
    CAPTURE(t.label());
    CHECK(numbers[{t.day, t.prefix}].insert(t.number).second);
    if (t.state == "called" || t.state == "done") CHECK(t.calls == 1);
  }
  for (const auto& [key, used] : numbers) {
    CAPTURE(key.second);
    CHECK(*used.begin() == 1);
    CHECK(*used.rbegin() == int(used.size()));
  }
}

/// Refusals are only the ones a busy queue and a dead hub explain.
void check_failures(const Loops& loops) {
  for (const auto& loop : loops) {
    auto failures = loop->failures();
    for (const auto& [code, n] : failures) {
      CAPTURE(code);
      CHECK((code == "unreachable" || code == "queue_empty" || code == "no_ticket_at_counter"));
    }
    // finish finds no ticket only when the call before it never got through.
    CHECK(failures["no_ticket_at_counter"] <= failures["unreachable"]);
  }
}

}  // namespace

TEST_CASE("drill: a hub killed with SIGKILL under four busy clients loses no answered ticket, "
          "numbers nothing twice, and everyone carries on after its restart") {
  DrillAgency agency(drill_programs(), "pcn-drill-kill");
  auto hub = agency.start_hub();
  auto display = agency.spawn(agency.programs().display,
                              {"--text", "--config", agency.config().string()}, "display");
  REQUIRE(display->wait_for_out("Connecté\n", 15s));

  Loops loops;
  loops.push_back(std::make_unique<ClientLoop>(agency.client_options("kiosk"), ClientLoop::Kind::taker));
  loops.push_back(std::make_unique<ClientLoop>(agency.client_options("kiosk"), ClientLoop::Kind::taker));
  loops.push_back(std::make_unique<ClientLoop>(agency.client_options("agent"), ClientLoop::Kind::caller, 1));
  loops.push_back(std::make_unique<ClientLoop>(agency.client_options("agent"), ClientLoop::Kind::caller, 2));
  REQUIRE(wait_until([&] { return each_has(loops, std::vector<int>(4, 0), 20); }, 30s));

  const int status = hub->kill_now();
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  const std::vector<int> at_kill = successes(loops);
  // Down longer than the clients' 3 s of silence, so that every one of them notices.
  std::this_thread::sleep_for(3500ms);
  auto restarted = agency.start_hub();
  const std::string epoch = DrillAgency::epoch_in_log(restarted->err());
  REQUIRE(epoch.size() == 16);
  CHECK(epoch != DrillAgency::epoch_in_log(hub->err()));

  // The same clients carry on by themselves, and the display follows the calls again.
  CHECK(wait_until([&] { return each_has(loops, at_kill, 20); }, 30s));
  CHECK(wait_until([&] {
    std::string out = display->out();
    auto lost = last_reconnection(out);
    return lost != std::string::npos && out.find("Connecté\n", lost) != std::string::npos &&
           printed_calls(out, out.find("Connecté\n", lost)).size() >= 2;
  }, 20s));
  for (auto& loop : loops) loop->stop_sending();
  REQUIRE(wait_until([&] {
    for (auto& loop : loops) if (!loop->idle()) return false;
    return true;
  }, 20s));

  // One more visitor, called by number at counter 3 (which no loop uses): the display shows it.
  auto probe = app::connect_live(agency.client_options("supervisor"), 10s);
  REQUIRE(probe.ok());
  auto taken = (*probe)->request("take_ticket", {{"service", "N"}});
  REQUIRE(taken.ok());
  const std::string last_label = taken->at("ticket").at("label").get<std::string>();
  auto call = (*probe)->request("call_ticket", {{"counter", 3}, {"label", last_label}});
  REQUIRE(call.ok());
  CHECK(display->wait_for_out(last_label + " → Guichet 3\n", 10s));
  const std::int64_t last_seq = call->at("seq").get<std::int64_t>();
  CHECK((*probe)->state().epoch == epoch);

  for (auto& loop : loops) loop->finish(epoch, last_seq, 15s);
  CHECK(display->running());
  CHECK(restarted->stop() == 0);
  CHECK(display->stop() == 0);
  CHECK(restarted->err().find("Serveur de file arrêté proprement.") != std::string::npos);

  const Database db = read_back(agency);
  CHECK(db.last_seq == last_seq);
  check_replies_are_stored(loops, db);
  check_nothing_twice(loops, db);
  check_failures(loops);
  std::size_t answered_takes = 0, lost_takes = 0;
  for (const auto& loop : loops) {
    CHECK(loop->setup_error() == "");
    // Live again, on the restarted hub, with the same tickets in the same states as its file.
    CHECK(loop->end().live);
    CHECK(loop->end().epoch == epoch);
    CHECK(loop->end().seq == last_seq);
    std::map<queue::TicketId, std::string> stored;
    for (const auto& [id, t] : db.tickets) stored[id] = t.state;
    CHECK(loop->end().states == stored);
    for (const Received& r : loop->received()) answered_takes += r.type == kTake;
    lost_takes += std::size_t(loop->failures()["unreachable"]);
  }
  // Tickets nobody heard of: at most one per request that gave up (the probe's one aside).
  CHECK(db.tickets.size() >= answered_takes + 1);
  CHECK(db.tickets.size() <= answered_takes + 1 + lost_takes);
  // What the display printed were real calls.
  std::set<std::string> called_labels;
  for (const auto& [id, t] : db.tickets) {
    if (t.state == "called" || t.state == "done") called_labels.insert(t.label());
  }
  for (const std::string& printed : printed_calls(display->out())) {
    CAPTURE(printed);
    CHECK(called_labels.count(label_of_call(printed)) == 1);
  }
  std::map<std::string, int> failures;
  for (const auto& loop : loops) {
    for (const auto& [code, n] : loop->failures()) failures[code] += n;
  }
  MESSAGE(db.tickets.size() << " tickets, " << db.last_seq << " events; display printed "
                            << printed_calls(display->out()).size() << " calls; "
                            << failures["unreachable"] << " requests gave up, "
                            << failures["queue_empty"] << " calls found the queue empty");
}
