// The real programs as child processes, for pcn-bench's memory and start-up figures: a Child runs
// one program with its output in files, and says what the kernel counts for it (resident memory
// from /proc/PID/status, CPU time from /proc/PID/stat). Figures are printed, never asserted; any
// failure to start or read ends pcn-bench with a message (bench::die).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace pcn::bench {

class Child {
 public:
  /// Starts argv[0] (a path) with `argv`, standard input from /dev/null, standard output and
  /// error to `stem`.out / `stem`.err, in this process's environment plus `extra_env`
  /// ("NAME=value" entries).
  Child(std::vector<std::string> argv, const std::filesystem::path& stem,
        const std::vector<std::string>& extra_env = {});
  /// SIGKILLs the program if it still runs, and reaps it.
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  /// Waits at most `limit` until its standard error holds `text`; false if it did not, or if the
  /// program ended first.
  bool wait_for_err(const std::string& text, std::chrono::milliseconds limit);
  std::string err() const;
  /// VmRSS and VmHWM (peak) of /proc/PID/status, in KiB.
  long rss_kib() const;
  long peak_rss_kib() const;
  /// User + system CPU time used so far (/proc/PID/stat), in seconds.
  double cpu_seconds() const;
  /// SIGTERM, then up to `limit` for it to end (SIGKILL after that); reaps it.
  void stop(std::chrono::milliseconds limit = std::chrono::seconds(10));

 private:
  bool running();

  pid_t pid_ = -1;
  bool reaped_ = false;
  std::filesystem::path err_file_;
};

/// What a program run to its end used.
struct Finished {
  int exit_code = -1;     ///< -1 when it died of a signal
  long peak_rss_kib = 0;  ///< ru_maxrss from wait4
  double seconds = 0;     ///< wall time from start to end
};

/// Runs `argv` to its end (killed after `limit`), output under `stem`.
Finished run_to_end(std::vector<std::string> argv, const std::filesystem::path& stem,
                    std::chrono::milliseconds limit = std::chrono::seconds(30));

/// A TCP port on 127.0.0.1 that was free a moment ago.
int free_tcp_port();

}  // namespace pcn::bench
