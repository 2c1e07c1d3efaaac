#include "speech/voice.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "speech/wav.h"
#include "text/catalog.h"

extern char** environ;

namespace pcn::speech {
namespace {

using Clock = std::chrono::steady_clock;

/// Owns a file descriptor.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

/// Owns a posix_spawn_file_actions_t.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

/// A started child: killed (if still running) and reaped on destruction.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      wait_until(Clock::time_point::max());
    }
  }
  /// Waits for the end until `deadline`; returns the wait status, or nothing if it still runs.
  std::optional<int> wait_until(Clock::time_point deadline) {
    for (;;) {
      int status = 0;
      const pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_ || (done < 0 && errno != EINTR)) {
        pid_ = -1;
        return status;
      }
      if (Clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

 private:
  pid_t pid_;
};

std::string system_text(int errnum) { return std::system_category().message(errnum); }

util::Error failed(const std::string& program, const std::string& detail) {
  return util::make_error("voice_failed", text::speech_voice_failed(program, detail));
}

std::vector<char*> make_argv(std::vector<std::string>& words) {
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  return argv;
}

/// Reads `fd` to its end; false if `deadline` passed first.
bool read_all(int fd, Clock::time_point deadline, std::vector<std::uint8_t>& out) {
  char buffer[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return false;
    if (ready < 0) return true;  // an unexpected error ends the output; the WAV check reports it
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    out.insert(out.end(), buffer, buffer + n);
  }
}

std::string exit_detail(int status) {
  if (WIFSIGNALED(status)) return text::speech_voice_signal(WTERMSIG(status));
  return text::speech_voice_exit(WEXITSTATUS(status));
}

}  // namespace

util::Result<std::vector<std::int16_t>> speak(const std::string& text, unsigned* rate,
                                              const VoiceCommand& command) {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) return failed(command.program, system_text(errno));
  Fd read_end(ends[0]);
  Fd write_end(ends[1]);
  FileActions actions;
  posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), STDOUT_FILENO);
  posix_spawn_file_actions_addopen(actions.get(), STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> words{command.program};
  words.insert(words.end(), command.arguments.begin(), command.arguments.end());
  words.push_back("--");
  words.push_back(text);
  auto argv = make_argv(words);
  pid_t pid = 0;
  const int spawned =
      ::posix_spawnp(&pid, command.program.c_str(), actions.get(), nullptr, argv.data(), environ);
  if (spawned == ENOENT) {
    return util::make_error("voice_missing", text::speech_voice_missing(command.program));
  }
  if (spawned != 0) return failed(command.program, system_text(spawned));
  Child child(pid);
  write_end.reset();
  std::vector<std::uint8_t> bytes;
  const auto deadline = Clock::now() + command.timeout;
  const std::optional<int> status =
      read_all(read_end.get(), deadline, bytes) ? child.wait_until(deadline) : std::nullopt;
  if (!status) return failed(command.program, text::speech_voice_timeout(command.timeout.count()));
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    return failed(command.program, exit_detail(*status));
  }
  auto pcm = parse_wav(bytes);
  if (!pcm.ok()) return pcm.error();
  if (rate != nullptr) *rate = pcm->rate;
  return std::move(pcm->samples);
}

}  // namespace pcn::speech
