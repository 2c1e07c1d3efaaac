// The real programs as child processes, for the drills: a Process runs one program with its
// standard output and error written to files (read back for what a person would see in a
// terminal or a log), and is killed with SIGKILL and reaped when destroyed, whatever the test did.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pcn::testing {

class Process {
 public:
  /// Starts argv[0] (a path) with `argv`, standard input from /dev/null, standard output to
  /// `stem`.out and standard error to `stem`.err (both truncated), in this process's environment.
  /// Throws std::runtime_error when the program cannot be started.
  Process(std::vector<std::string> argv, const std::filesystem::path& stem);
  /// SIGKILLs the program if it still runs, and reaps it.
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return pid_; }
  /// True until the program has exited (or been killed) and was reaped.
  bool running();
  /// Sends `signal` to the program (nothing once it was reaped).
  void signal(int signal);
  /// Waits at most `limit` for the program to end; its wait status, or nullopt if it still runs.
  std::optional<int> wait_for(std::chrono::milliseconds limit);
  /// SIGKILLs the program and reaps it; returns its wait status.
  int kill_now();
  /// SIGTERM, then up to `limit` for a clean exit; its exit code, or -1 if it had to be killed or
  /// died of a signal.
  int stop(std::chrono::milliseconds limit = std::chrono::seconds(10));

  std::string out() const;  ///< what it wrote on standard output so far
  std::string err() const;  ///< what it wrote on standard error so far
  /// Waits at most `limit` until its standard output (or error) holds `text`.
  bool wait_for_out(const std::string& text, std::chrono::milliseconds limit) const;
  bool wait_for_err(const std::string& text, std::chrono::milliseconds limit) const;

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;  // once reaped
  std::filesystem::path out_file_;
  std::filesystem::path err_file_;
};

/// What a program run to its end printed.
struct Finished {
  int exit_code = -1;  ///< -1 when it died of a signal or was killed after `limit`
  std::string out;
  std::string err;
};

/// Runs `argv` to its end (at most `limit`, then it is killed), output kept under `stem`.
Finished run_program(std::vector<std::string> argv, const std::filesystem::path& stem,
                     std::chrono::milliseconds limit = std::chrono::seconds(20));

/// The text of `file` ("" when it cannot be read).
std::string read_text(const std::filesystem::path& file);

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
int free_tcp_port();

}  // namespace pcn::testing
