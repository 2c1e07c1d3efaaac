#include "support/bench_process.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/bench_util.h"

extern char** environ;

namespace pcn::bench {

namespace {

using namespace std::chrono_literals;

/// posix_spawn's file actions, destroyed with the object.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;

  void open(int fd, const std::string& path, int flags) {
    if (posix_spawn_file_actions_addopen(&actions_, fd, path.c_str(), flags, 0644) != 0) {
      die("posix_spawn_file_actions_addopen failed for " + path);
    }
  }
  const posix_spawn_file_actions_t* get() const { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

pid_t spawn(std::vector<std::string>& argv, const std::filesystem::path& stem,
            const std::vector<std::string>& extra_env) {
  FileActions actions;
  actions.open(0, "/dev/null", O_RDONLY);
  actions.open(1, stem.string() + ".out", O_WRONLY | O_CREAT | O_TRUNC);
  actions.open(2, stem.string() + ".err", O_WRONLY | O_CREAT | O_TRUNC);
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  std::vector<std::string> env_text(extra_env);
  std::vector<char*> env;
  for (std::string& e : env_text) env.push_back(e.data());
  for (char** e = environ; *e; ++e) env.push_back(*e);
  env.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, args[0], actions.get(), nullptr, args.data(), env.data());
  if (rc != 0) die("cannot start " + argv.at(0) + ": " + std::strerror(rc));
  return pid;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The value in KiB of a "Name:   123 kB" line of /proc/PID/status (0 when absent).
long status_kib(pid_t pid, const std::string& name) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) == 0) return std::atol(line.c_str() + name.size() + 1);
  }
  return 0;
}

}  // namespace

Child::Child(std::vector<std::string> argv, const std::filesystem::path& stem,
             const std::vector<std::string>& extra_env)
    : pid_(spawn(argv, stem, extra_env)), err_file_(stem.string() + ".err") {}

Child::~Child() {
  if (running()) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

bool Child::running() {
  if (reaped_) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) reaped_ = true;
  return !reaped_;
}

bool Child::wait_for_err(const std::string& text, std::chrono::milliseconds limit) {
  auto until = Steady::now() + limit;
  while (Steady::now() < until) {
    if (err().find(text) != std::string::npos) return true;
    if (!running()) return false;
    std::this_thread::sleep_for(1ms);
  }
  return false;
}

std::string Child::err() const { return read_text(err_file_); }

long Child::rss_kib() const { return status_kib(pid_, "VmRSS"); }
long Child::peak_rss_kib() const { return status_kib(pid_, "VmHWM"); }

double Child::cpu_seconds() const {
  std::string stat = read_text("/proc/" + std::to_string(pid_) + "/stat");
  // Fields after the command name (which may hold spaces) start after the last ')'.
  std::istringstream in(stat.substr(stat.rfind(')') + 2));
  std::string field;
  long ticks = 0;
  for (int i = 3; i <= 15 && in >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::atol(field.c_str());  // utime, stime
  }
  return double(ticks) / double(::sysconf(_SC_CLK_TCK));
}

void Child::stop(std::chrono::milliseconds limit) {
  if (!running()) return;
  ::kill(pid_, SIGTERM);
  auto until = Steady::now() + limit;
  while (running() && Steady::now() < until) std::this_thread::sleep_for(5ms);
  if (running()) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    reaped_ = true;
  }
}

Finished run_to_end(std::vector<std::string> argv, const std::filesystem::path& stem,
                    std::chrono::milliseconds limit) {
  auto start = Steady::now();
  pid_t pid = spawn(argv, stem, {});
  Finished f;
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
    if (Steady::now() - start > limit) ::kill(pid, SIGKILL);
    std::this_thread::sleep_for(1ms);
  }
  f.seconds = seconds_since(start);
  f.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  f.peak_rss_kib = usage.ru_maxrss;
  return f;
}

int free_tcp_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) die("socket() failed");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), len) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    die("cannot find a free TCP port");
  }
  ::close(fd);
  return ntohs(a.sin_port);
}

}  // namespace pcn::bench
