// store::SqliteStore against a real SIGKILL: a child process issues tickets through a real
// queue::Engine, reporting each label on a pipe once commit() has returned; the parent kills it
// mid-loop and checks that nothing reported is lost and that numbering continues without reuse.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "queue/engine.h"
#include "store/sqlite_store.h"
#include "support/fake_clock.h"
#include "support/temp_dir.h"

namespace pcn::store {
namespace {

const util::LocalDate kDay{2026, 11, 23};
constexpr std::size_t kReportsBeforeKill = 300;

queue::AgencyRules agency_rules() {
  queue::AgencyRules rules;
  rules.services = {{'C', "cafat", "CAFAT", "#1565C0", std::chrono::minutes(10)},
                    {'F', "factures", "Factures", "#2E7D32", std::chrono::minutes(5)},
                    {'N', "numerique", "Identité numérique", "#6A1B9A", std::chrono::minutes(15)}};
  rules.counters = {{1, "Guichet 1", "CFN", false, std::nullopt, ""}};
  rules.hours = queue::OpeningHours::always();
  return rules;
}

bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

/// The child: issues tickets until killed; reports each label after its commit returned.
/// Exits with a non-zero status (never returns) if anything fails.
[[noreturn]] void issue_until_killed(const std::filesystem::path& file, int report_fd) {
  auto store = SqliteStore::open(file);
  if (!store.ok()) ::_exit(2);
  queue::Engine engine(agency_rules(), kDay);
  const util::TimePoint start = testing::noumea_time(2026, 11, 23, 7, 30);
  const char services[] = {'C', 'F', 'N'};
  for (int i = 0; i < 1'000'000; ++i) {
    auto now = start + std::chrono::milliseconds(10 * i);
    auto change = engine.issue(services[i % 3], i % 7 == 0, now);
    if (!change.ok()) ::_exit(3);
    auto seq = (*store)->commit(*change, std::nullopt);
    if (!seq.ok()) ::_exit(4);
    engine.apply(*change);
    if (!write_all(report_fd, change->tickets.at(0).label() + "\n")) ::_exit(5);
  }
  ::_exit(0);
}

/// A forked child that is killed and reaped whatever happens to the test.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  ~Child() {
    if (pid_ > 0) kill_and_wait();
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  /// SIGKILLs the child and returns its wait status.
  int kill_and_wait() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return status;
  }

 private:
  pid_t pid_;
};

/// Reads newline-terminated labels from `fd` until `count` are in (or the pipe ends).
void read_labels(int fd, std::size_t count, std::vector<std::string>& labels,
                 std::string& partial) {
  char buffer[4096];
  while (labels.size() < count) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    partial.append(buffer, static_cast<std::size_t>(n));
    for (auto end = partial.find('\n'); end != std::string::npos; end = partial.find('\n')) {
      labels.push_back(partial.substr(0, end));
      partial.erase(0, end + 1);
    }
  }
}

TEST_CASE("store::SqliteStore keeps every ticket committed before a SIGKILL") {
  testing::TempDir dir("pcn-crash");
  const auto file = dir / "agence.db";
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    issue_until_killed(file, fds[1]);
  }
  ::close(fds[1]);
  Child child(pid);

  std::vector<std::string> reported;
  std::string partial;
  read_labels(fds[0], kReportsBeforeKill / 2, reported, partial);
  auto second_hub = SqliteStore::open(file);  // another process has it: refused, not shared
  REQUIRE_FALSE(second_hub.ok());
  CHECK(second_hub.error().code == "database_in_use");
  read_labels(fds[0], kReportsBeforeKill, reported, partial);
  REQUIRE(reported.size() >= kReportsBeforeKill);

  int status = child.kill_and_wait();
  REQUIRE(WIFSIGNALED(status));  // killed mid-loop, not finished or failed
  CHECK(WTERMSIG(status) == SIGKILL);
  read_labels(fds[0], SIZE_MAX, reported, partial);  // what it reported before dying
  ::close(fds[0]);
  MESSAGE("child reported " << reported.size() << " tickets before SIGKILL");

  auto reopened = SqliteStore::open(file);
  REQUIRE_MESSAGE(reopened.ok(), (reopened.ok() ? "" : reopened.error().to_string()));
  SqliteStore& store = **reopened;

  auto tickets = store.tickets_between(kDay, kDay);
  REQUIRE(tickets.ok());
  std::set<std::string> stored;
  std::set<queue::TicketId> ids;
  std::map<char, std::set<int>> numbers;
  for (const queue::Ticket& t : *tickets) {
    CHECK(stored.insert(t.label()).second);
    ids.insert(t.id);
    numbers[t.prefix].insert(t.number);
  }
  for (const std::string& label : reported) {
    CAPTURE(label);
    CHECK(stored.count(label) == 1);
  }
  // At most one commit can have returned without being reported.
  CHECK(stored.size() >= reported.size());
  CHECK(stored.size() <= reported.size() + 1);
  for (const auto& [prefix, used] : numbers) {  // 1..n per prefix: no gap, no reuse
    CAPTURE(prefix);
    CHECK(*used.begin() == 1);
    CHECK(*used.rbegin() == static_cast<int>(used.size()));
  }

  auto events = store.events_after(0, 1'000'000);
  REQUIRE(events.ok());
  REQUIRE(events->size() == tickets->size());  // one issue event per ticket
  std::set<queue::TicketId> event_tickets;
  for (std::size_t i = 0; i < events->size(); ++i) {
    const queue::Event& e = (*events)[i];
    CHECK(e.seq == static_cast<std::int64_t>(i + 1));
    CHECK(e.change.kind == queue::ChangeKind::ticket_issued);
    REQUIRE(e.change.ticket.has_value());
    event_tickets.insert(*e.change.ticket);
  }
  CHECK(event_tickets == ids);
  auto last = store.last_seq();
  REQUIRE(last.ok());
  CHECK(*last == static_cast<std::int64_t>(events->size()));

  // A hub restarting on this store issues the next numbers, never one already given.
  auto state = store.load();
  REQUIRE(state.ok());
  REQUIRE(state->has_value());
  queue::Engine engine(agency_rules(), kDay);
  engine.restore(**state);
  const util::TimePoint later = testing::noumea_time(2026, 11, 23, 16, 0);
  for (char prefix : {'C', 'F', 'N'}) {
    CAPTURE(prefix);
    auto change = engine.issue(prefix, false, later);
    REQUIRE(change.ok());
    const queue::Ticket& next = change->tickets.at(0);
    CHECK(next.number == static_cast<int>(numbers[prefix].size()) + 1);
    CHECK(ids.count(next.id) == 0);
    auto seq = store.commit(*change, std::nullopt);
    REQUIRE_MESSAGE(seq.ok(), (seq.ok() ? "" : seq.error().to_string()));
    CHECK(*seq == *last + 1);
    last = *seq;
    engine.apply(*change);
  }
  CHECK(engine.last_ticket_id() == *ids.rbegin() + 3);
}

}  // namespace
}  // namespace pcn::store
