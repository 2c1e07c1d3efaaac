#include "support/postgres_harness.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace pcn::testing {

namespace {

/// Setting up failed: thrown, so that a test fails with `what` (doctest reports the exception)
/// and a benchmark (pcn-bench-central) can use the harness without doctest.
void must(bool ok, const std::string& what) {
  if (!ok) throw std::runtime_error("TestPostgres: " + what);
}

constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

/// A TCP port nobody listens on now (bound to 0, read back, released).
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  must(fd >= 0, "socket");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  must(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0, "bind");
  socklen_t len = sizeof a;
  must(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0, "getsockname");
  ::close(fd);
  return ntohs(a.sin_port);
}

std::string output_of(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  must(pipe != nullptr, command);
  std::string out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) out.append(buffer.data(), n);
  return out;
}

void run(const std::string& command) {
  const int status = std::system(command.c_str());
  must(status == 0, command);
}

}  // namespace

bool have_postgres() {
  return std::filesystem::exists(std::string(kBin) + "/initdb") &&
         std::filesystem::exists(std::string(kBin) + "/pg_ctl");
}

std::string TestPostgres::as_owner(const std::string& command) const {
  if (::geteuid() != 0) return command;
  return "runuser -u postgres -- " + command;
}

TestPostgres::TestPostgres() : dir_("pcn-postgres") {
  must(have_postgres(), "PostgreSQL 15 is missing: .ci/install-deps (postgresql-15)");
  data_ = (dir_ / "pg").string();
  std::filesystem::create_directory(data_);
  if (::geteuid() == 0) {
    // The temp folder is root's (0700): let postgres through to its own folder.
    std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all |
                                                  std::filesystem::perms::group_exec |
                                                  std::filesystem::perms::others_exec);
    run("chown postgres: '" + data_ + "'");
  }
  run(as_owner(std::string(kBin) + "/initdb -D '" + data_ +
               "' -A trust -U pcn -E UTF8 --locale=C.UTF-8 >'" + data_ + "/../initdb.log' 2>&1"));
  port_ = free_port();
  start();
  run(as_owner(std::string(kBin) + "/createdb -h '" + data_ + "' -p " + std::to_string(port_) +
               " -U pcn pcn"));
}

TestPostgres::~TestPostgres() {
  if (running_) {
    std::system(as_owner(std::string(kBin) + "/pg_ctl -D '" + data_ +
                         "' -m immediate stop >/dev/null 2>&1")
                    .c_str());
  }
}

void TestPostgres::start() {
  const std::string options = "-p " + std::to_string(port_) + " -k " + data_ +
                              " -c listen_addresses=127.0.0.1 -c fsync=off";
  run(as_owner(std::string(kBin) + "/pg_ctl -D '" + data_ + "' -o '" + options + "' -l '" +
               data_ + "/server.log' -w start >/dev/null"));
  running_ = true;
}

void TestPostgres::stop(const std::string& mode) {
  run(as_owner(std::string(kBin) + "/pg_ctl -D '" + data_ + "' -m " + mode + " -w stop >/dev/null"));
  running_ = false;
}

std::string TestPostgres::conninfo(const std::string& db) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " user=pcn dbname=" + db;
}

std::string TestPostgres::psql(const std::string& sql) const {
  return output_of("psql -X -q -A -t -h 127.0.0.1 -p " + std::to_string(port_) +
                   " -U pcn -d pcn -c \"" + sql + "\" 2>&1");
}

}  // namespace pcn::testing
