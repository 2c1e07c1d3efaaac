// Real CUPS for the printing tests: the machine's cupsd (started when it is not running), print
// queues made for one test and deleted after it, and a TCP listener standing in for a receipt
// printer. Queues are made with the administrator's tools (lpadmin, cupsdisable, cupsreject…), so
// the tests need root, as on CI; every command is bounded by `timeout`, so nothing hangs.
//
// The scheduler may die under a test (Debian's cupsd 2.4.2-3+deb12u10 segfaults on some
// requests): the harness then says so plainly, with where to look, instead of letting every later
// step fail for reasons that seem unrelated. scheduler_died() tells a test; the destructor, and
// every harness command that fails, report it (and the next harness starts a fresh cupsd).
//
// The cups-pdf queue writes its PDFs into a folder of the test: each queue gets its own cups-pdf
// configuration /etc/cups/cups-pdf-<queue>.conf (cups-pdf reads it for the device URI
// cups-pdf:/<queue>), and the shared /etc/cups/cups-pdf.conf is left alone.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace pcn::testing {

struct CommandResult {
  int status = -1;     ///< the shell's exit status (124 when `timeout` stopped the command)
  std::string output;  ///< standard output; standard error goes to the test's own
};

/// Runs `command` with /bin/sh, stopped after 20 s.
CommandResult run_command(const std::string& command);

/// Whether `lpstat -r` says "scheduler is running".
bool scheduler_running();
/// Starts `cupsd` (no systemd) and waits at most 15 s until it answers; throws when it does not.
void start_scheduler();
/// The machine's cupsd process id, or 0 when none runs.
int scheduler_pid();
/// A report on a scheduler that died: what `dmesg` says of cupsd (a segfault line, if any) and
/// the end of /var/log/cups/error_log, with the commands to look further.
std::string scheduler_death_report();

/// A PDF page's size in points (1/72 inch).
struct PageSize {
  double width = 0;
  double height = 0;
};
/// The first page's size as `pdfinfo` reads it; nullopt when it cannot read the file.
std::optional<PageSize> pdf_page_size(const std::filesystem::path& pdf);
/// Whether `a` and `b` agree within `tolerance` points on both sides.
bool same_size(const PageSize& a, const PageSize& b, double tolerance = 0.05);
/// The width of paper `width_mm` wide, in points: 226.77 for 80 mm.
double mm_to_points(double mm);
/// `pdftotext`'s text of a PDF file (UTF-8).
std::string pdf_text(const std::filesystem::path& pdf);

class CupsHarness {
 public:
  /// Makes sure cupsd is running (starting `cupsd` when `lpstat -r` says it is not, then waiting
  /// at most 15 s for "scheduler is running"), and deletes queues left by earlier runs that were
  /// killed. Throws std::runtime_error when the scheduler does not come up.
  CupsHarness();
  /// Deletes this harness's queues and their cups-pdf configurations. When the scheduler died
  /// during the test it fails the running doctest case with scheduler_death_report() and starts
  /// a new scheduler, so that the tests after this one start clean.
  ~CupsHarness();
  CupsHarness(const CupsHarness&) = delete;
  CupsHarness& operator=(const CupsHarness&) = delete;

  /// A new enabled cups-pdf queue whose PDFs land in `out_folder`; returns its name.
  std::string add_pdf_queue(const std::filesystem::path& out_folder);
  /// A new enabled raw queue whose device is socket://127.0.0.1:`port`; returns its name.
  std::string add_raw_queue(int port);

  /// True when the scheduler this harness started with is no longer running (it died, or
  /// someone stopped it without restart_scheduler()).
  bool scheduler_died() const;
  /// Stops cupsd as an administrator would (`kill_signal` SIGTERM) or as a crash does (SIGKILL),
  /// waits until it is gone, then starts it again unless `start_again` is false; the queues are
  /// kept by cupsd itself. Throws when it does not come back.
  void restart_scheduler(int kill_signal, bool start_again = true);
  /// Starts the scheduler after restart_scheduler(…, false).
  void start();

  /// cupsdisable / cupsenable / cupsreject: stop the queue, restart it, refuse new jobs.
  void disable(const std::string& queue);
  void enable(const std::string& queue);
  void reject(const std::string& queue);
  /// cancel -a: cancels every job of `queue`, as a member of staff would.
  void cancel_jobs(const std::string& queue);
  /// How many jobs of `queue` are not finished (pending, held, processing or stopped).
  int unfinished_jobs(const std::string& queue);
  /// Waits at most `timeout` until `queue` has no unfinished job; true when it has none.
  bool wait_until_idle(const std::string& queue, std::chrono::milliseconds timeout);

 private:
  std::string new_name(const std::string& kind);
  void add_queue(const std::string& name, const std::string& options);

  std::vector<std::string> queues_;
  int next_ = 1;
  int pid_ = 0;  ///< the scheduler's pid this harness expects to be running
};

/// Waits at most `timeout` for the first *.pdf file to appear in `folder` and be complete (its
/// size stable over 100 ms); returns its path, or nullopt.
std::optional<std::filesystem::path> wait_for_pdf(const std::filesystem::path& folder,
                                                  std::chrono::milliseconds timeout);

/// A listener on 127.0.0.1 (a free port) standing in for a network receipt printer: on its own
/// thread it takes connections one at a time and keeps the bytes of each. Normally it closes a
/// connection once the sender has finished writing (as a printer does); while held, it keeps
/// reading but never closes, so the job never completes.
class ByteSink {
 public:
  ByteSink();
  ~ByteSink();  ///< stops the thread within about 100 ms and closes every socket
  ByteSink(const ByteSink&) = delete;
  ByteSink& operator=(const ByteSink&) = delete;

  int port() const { return port_; }
  void hold(bool on) { hold_ = on; }
  /// The bytes of the next finished connection, waiting at most `timeout`.
  std::optional<std::string> wait_for_job(std::chrono::milliseconds timeout);
  /// Waits at most `timeout` until a connection has been accepted (held or not).
  bool wait_for_connection(std::chrono::milliseconds timeout);

 private:
  void run();
  void serve(int connection);

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> hold_{false};
  std::atomic<bool> stop_{false};
  std::mutex mutex_;  // protects jobs_ and connections_
  std::condition_variable changed_;
  std::deque<std::string> jobs_;
  int connections_ = 0;
  std::thread thread_;
};

}  // namespace pcn::testing
