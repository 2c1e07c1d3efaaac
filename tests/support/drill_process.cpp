#include "support/drill_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace pcn::testing {

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
      throw std::runtime_error("posix_spawn_file_actions_addopen failed for " + path);
    }
  }
  const posix_spawn_file_actions_t* get() const { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

/// Polls `done` every 20 ms for at most `limit`; returns its last answer.
template <typename Predicate>
bool poll_until(Predicate done, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= until) return done();
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

}  // namespace

Process::Process(std::vector<std::string> argv, const std::filesystem::path& stem)
    : out_file_(stem.string() + ".out"), err_file_(stem.string() + ".err") {
  FileActions actions;
  actions.open(0, "/dev/null", O_RDONLY);
  actions.open(1, out_file_.string(), O_WRONLY | O_CREAT | O_TRUNC);
  actions.open(2, err_file_.string(), O_WRONLY | O_CREAT | O_TRUNC);
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  int rc = posix_spawn(&pid_, args[0], actions.get(), nullptr, args.data(), environ);
  if (rc != 0) {
    pid_ = -1;
    throw std::runtime_error("cannot start " + argv.at(0) + ": " + std::strerror(rc));
  }
}

Process::~Process() {
  if (running()) kill_now();
}

bool Process::running() {
  if (pid_ <= 0 || status_) return false;
  int status = 0;
  pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == pid_) status_ = status;
  return !status_;
}

void Process::signal(int signal) {
  if (running()) ::kill(pid_, signal);
}

std::optional<int> Process::wait_for(std::chrono::milliseconds limit) {
  poll_until([this] { return !running(); }, limit);
  return status_;
}

int Process::kill_now() {
  if (running()) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    status_ = status;
  }
  return status_.value_or(-1);
}

int Process::stop(std::chrono::milliseconds limit) {
  signal(SIGTERM);
  auto status = wait_for(limit);
  if (!status) {
    kill_now();
    return -1;
  }
  return WIFEXITED(*status) ? WEXITSTATUS(*status) : -1;
}

std::string Process::out() const { return read_text(out_file_); }
std::string Process::err() const { return read_text(err_file_); }

bool Process::wait_for_out(const std::string& text, std::chrono::milliseconds limit) const {
  return poll_until([&] { return out().find(text) != std::string::npos; }, limit);
}

bool Process::wait_for_err(const std::string& text, std::chrono::milliseconds limit) const {
  return poll_until([&] { return err().find(text) != std::string::npos; }, limit);
}

Finished run_program(std::vector<std::string> argv, const std::filesystem::path& stem,
                     std::chrono::milliseconds limit) {
  Process p(std::move(argv), stem);
  Finished f;
  auto status = p.wait_for(limit);
  if (!status) p.kill_now();
  if (status && WIFEXITED(*status)) f.exit_code = WEXITSTATUS(*status);
  f.out = p.out();
  f.err = p.err();
  return f;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int free_tcp_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("no free TCP port on 127.0.0.1");
  return ntohs(address.sin_port);
}

}  // namespace pcn::testing
