#include "support/drill_central.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "net/key_files.h"
#include "support/drill_wait.h"

namespace pcn::testing {

namespace {

using namespace std::chrono_literals;

constexpr const char* kAgency = "exercice";
constexpr const char* kLockApp = "drill_lock";

/// The centre's first log line once it serves (text::central_started).
constexpr const char* kCentralStartedLine = "Centre démarré sur ";

long status_field(const std::string& status, const std::string& field) {
  const auto at = status.find(field + ":");
  if (at == std::string::npos) return 0;
  return std::strtol(status.c_str() + at + field.size() + 1, nullptr, 10);
}

}  // namespace

DrillCentre::DrillCentre(std::string program, const TestPostgres& pg)
    : program_(std::move(program)), pg_(pg), port_(free_tcp_port()) {
  std::filesystem::create_directories(dir_ / "logs");
  std::ofstream(dir_ / "central.toml")
      << "# Centre d’exercice (tests/support/drill_central.h), comme examples/central.toml\n"
      << "[centre]\nbind = \"" << endpoint() << "\"\n\n[keys]\nfolder = \"keys\"\n\n"
      << "[database]\nconnection = \"" << pg_.conninfo() << "\"\n";
  const std::string config = (dir_ / "central.toml").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{program_, "--config", config, "keygen"},
        std::vector<std::string>{program_, "--config", config, "keygen", "--agency", kAgency}}) {
    Finished f = run_program(args, dir_ / "logs" / ("keygen-" + std::to_string(args.size())));
    if (f.exit_code != 0) throw std::runtime_error("pcn-central keygen failed: " + f.err);
  }
}

void DrillCentre::start() {
  process_ = std::make_unique<Process>(
      std::vector<std::string>{program_, "--config", (dir_ / "central.toml").string()},
      dir_ / "logs" / ("central-" + std::to_string(++starts_)));
  if (!process_->wait_for_err(kCentralStartedLine, 15s)) {
    throw std::runtime_error("pcn-central did not start: " + process_->err());
  }
}

void DrillCentre::kill() {
  if (process_) process_->kill_now();
}

void DrillCentre::stop() {
  if (process_) process_->stop();
}

std::string DrillCentre::log() const {
  std::string all;
  for (int i = 1; i <= starts_; ++i) {
    all += read_text(dir_ / "logs" / ("central-" + std::to_string(i) + ".err"));
  }
  return all;
}

std::string DrillCentre::public_key() const {
  auto pair = net::read_key_file(net::public_key_path(dir_ / "keys", "centre"));
  if (!pair.ok()) throw std::runtime_error(pair.error().to_string());
  return pair->public_key;
}

void DrillCentre::link(DrillAgency& agency, const std::string& via) const {
  const auto handed = net::secret_key_path(dir_ / "keys" / "pour-les-agences", kAgency);
  std::filesystem::copy_file(handed, net::secret_key_path(agency.keys(), kAgency),
                             std::filesystem::copy_options::overwrite_existing);
  agency.set_central(via.empty() ? endpoint() : via, public_key());
}

TcpTap::TcpTap(int to_port) : to_port_(to_port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::listen(listen_fd_, 16) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    if (listen_fd_ >= 0) ::close(listen_fd_);
    throw std::runtime_error("the tap cannot listen");
  }
  port_ = ntohs(a.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

TcpTap::~TcpTap() {
  stop_ = true;
  acceptor_.join();
  ::close(listen_fd_);
  std::lock_guard<std::mutex> lock(mutex_);
  for (int fd : fds_) ::shutdown(fd, SHUT_RDWR);  // wakes the pumps
  for (std::thread& t : pumps_) t.join();
  for (int fd : fds_) ::close(fd);
}

void TcpTap::accept_loop() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const int client = ::accept(listen_fd_, nullptr, nullptr);
    if (client < 0) continue;
    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(to_port_));
    std::lock_guard<std::mutex> lock(mutex_);
    fds_.push_back(client);
    fds_.push_back(server);
    if (server < 0 || ::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      ::shutdown(client, SHUT_RDWR);  // as a centre that is down: refused
      continue;
    }
    pumps_.emplace_back([this, client, server] { pump(client, server, true); });
    pumps_.emplace_back([this, client, server] { pump(server, client, false); });
  }
}

void TcpTap::pump(int from, int to, bool count) {
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(from, buffer, sizeof buffer);
    if (n <= 0) break;
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::send(to, buffer + done, static_cast<std::size_t>(n - done), MSG_NOSIGNAL);
      if (w <= 0) {
        ::shutdown(from, SHUT_RDWR);
        return;
      }
      done += w;
    }
    if (count) upstream_ += n;
  }
  ::shutdown(to, SHUT_WR);  // pass the end on
}

Memory memory_of(pid_t pid) {
  const std::string status = read_text("/proc/" + std::to_string(pid) + "/status");
  return {status_field(status, "VmRSS"), status_field(status, "VmHWM")};
}

CentreHolds centre_holds(const TestPostgres& pg, const std::string& store) {
  const std::string where = "agency = '" + std::string(kAgency) + "'" +
                            (store.empty() ? "" : " AND store = '" + store + "'");
  const std::string out =
      pg.psql("SELECT (SELECT count(*) FROM events WHERE " + where +
              "), (SELECT count(DISTINCT (store, seq)) FROM events WHERE " + where +
              "), (SELECT coalesce(max(seq), 0) FROM events WHERE " + where +
              "), (SELECT count(*) FROM pilot_tickets WHERE " + where +
              "), (SELECT coalesce(sum(acknowledged), 0) FROM agency_stores WHERE " + where + ")");
  CentreHolds h{-1, -1, -1, -1, -1};
  std::istringstream in(out);
  char bar = 0;
  CentreHolds read;
  if (in >> read.events >> bar >> read.distinct >> bar >> read.max_seq >> bar >> read.tickets >>
      bar >> read.acknowledged) {
    h = read;
  }
  return h;
}

std::string to_string(const CentreHolds& h) {
  return "events " + std::to_string(h.events) + ", distinct " + std::to_string(h.distinct) +
         ", max seq " + std::to_string(h.max_seq) + ", pilot_tickets " + std::to_string(h.tickets) +
         ", acknowledged " + std::to_string(h.acknowledged);
}

EventsLock::EventsLock(const TestPostgres& pg, const std::filesystem::path& logs) : pg_(pg) {
  psql_ = std::make_unique<Process>(
      std::vector<std::string>{"/usr/bin/psql", "-X", "-q",
                               pg.conninfo() + " application_name=" + kLockApp, "-c",
                               "BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE; "
                               "SELECT pg_sleep(300); COMMIT;"},
      logs / "events-lock");
  const bool held = wait_until(
      [&] {
        return pg_.psql(
                   "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                   "WHERE a.application_name = '" +
                   std::string(kLockApp) + "' AND l.granted AND l.mode = 'AccessExclusiveLock'") !=
               "0\n";
      },
      10s);
  if (!held) throw std::runtime_error("the events lock was not taken: " + psql_->err());
}

EventsLock::~EventsLock() { release(); }

bool EventsLock::wait_for_waiter(std::chrono::milliseconds limit) const {
  return wait_until(
      [&] {
        return pg_.psql(
                   "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                   "AND application_name <> '" +
                   std::string(kLockApp) + "'") != "0\n";
      },
      limit);
}

void EventsLock::release() {
  if (!psql_) return;
  if (psql_->running()) {
    pg_.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
             std::string(kLockApp) + "'");
    psql_->wait_for(10s);
  }
  psql_.reset();
}

}  // namespace pcn::testing
