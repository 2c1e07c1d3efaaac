#include "support/cups_harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace pcn::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;
const char* const kQueuePrefix = "pcn-test-";
const char* const kCupsPdfPpd = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd";

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::filesystem::path cups_pdf_config(const std::string& queue) {
  return "/etc/cups/cups-pdf-" + queue + ".conf";
}

void delete_queue(const std::string& queue) {
  run_command("lpadmin -x " + shell_quote(queue));
  std::error_code ec;
  std::filesystem::remove(cups_pdf_config(queue), ec);
}

/// The pid in "pcn-test-<pid>-<kind><n>", or 0.
int owner_pid(const std::string& queue) {
  if (queue.rfind(kQueuePrefix, 0) != 0) return 0;
  return std::atoi(queue.c_str() + std::char_traits<char>::length(kQueuePrefix));
}

/// Deletes the queues of test runs that were killed before their clean-up.
void delete_stale_queues() {
  std::istringstream names(run_command("lpstat -e").output);
  for (std::string name; std::getline(names, name);) {
    int pid = owner_pid(name);
    if (pid > 0 && kill(pid, 0) != 0 && errno == ESRCH) delete_queue(name);
  }
}

/// The last `lines` lines of `text`.
std::string tail_lines(const std::string& text, int lines) {
  std::size_t pos = text.size();
  for (int i = 0; i <= lines && pos != std::string::npos && pos > 0; ++i) {
    pos = text.rfind('\n', pos - 1);
  }
  return pos == std::string::npos ? text : text.substr(pos + 1);
}

void require(const CommandResult& result, const std::string& what) {
  if (result.status == 0) return;
  std::string message = what + " failed: " + result.output;
  if (!scheduler_running()) message += "\n" + scheduler_death_report();
  throw std::runtime_error(message);
}

}  // namespace

bool scheduler_running() {
  return run_command("lpstat -r").output.find("scheduler is running") != std::string::npos;
}

int scheduler_pid() {
  return std::atoi(run_command("pidof -s cupsd").output.c_str());
}

void start_scheduler() {
  std::error_code ec;
  std::filesystem::create_directories("/run/cups", ec);  // a fresh container may lack it
  run_command("cupsd </dev/null >/dev/null 2>&1");       // daemonizes once it listens
  auto deadline = SteadyClock::now() + std::chrono::seconds(15);
  while (!scheduler_running()) {
    if (SteadyClock::now() > deadline) {
      throw std::runtime_error("cupsd did not start within 15 s\n" + scheduler_death_report());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

std::string scheduler_death_report() {
  std::string dmesg = run_command("dmesg 2>/dev/null | grep -i cupsd | tail -n 3").output;
  std::string log = tail_lines(run_command("cat /var/log/cups/error_log 2>/dev/null").output, 8);
  return "The CUPS scheduler (cupsd) is not running: it died or was stopped during this test, so "
         "the failures that follow are its consequence.\n"
         "  dmesg | grep cupsd:\n" +
         (dmesg.empty() ? std::string("    (nothing, or dmesg not readable)\n") : dmesg) +
         "  tail /var/log/cups/error_log:\n" +
         (log.empty() ? std::string("    (empty or missing)\n") : log) +
         "  Look further with: dmesg | grep cupsd; less /var/log/cups/error_log; "
         "dpkg -l cups-daemon (2.4.2-3+deb12u10 crashes on a document-name with a space).";
}

CommandResult run_command(const std::string& command) {
  std::string line = "timeout 20 sh -c " + shell_quote(command);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(line.c_str(), "r"), pclose);
  if (!pipe) return {};
  CommandResult result;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) {
    result.output.append(buffer, n);
  }
  int status = pclose(pipe.release());
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::optional<PageSize> pdf_page_size(const std::filesystem::path& pdf) {
  std::istringstream lines(run_command("pdfinfo " + shell_quote(pdf.string())).output);
  const std::string key = "Page size:";
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(key, 0) != 0) continue;
    PageSize size;
    if (std::sscanf(line.c_str() + key.size(), " %lf x %lf", &size.width, &size.height) == 2) {
      return size;
    }
  }
  return std::nullopt;
}

bool same_size(const PageSize& a, const PageSize& b, double tolerance) {
  return std::abs(a.width - b.width) <= tolerance && std::abs(a.height - b.height) <= tolerance;
}

double mm_to_points(double mm) { return mm * 72.0 / 25.4; }

std::string pdf_text(const std::filesystem::path& pdf) {
  return run_command("pdftotext -enc UTF-8 " + shell_quote(pdf.string()) + " -").output;
}

// --- CupsHarness ---

CupsHarness::CupsHarness() {
  if (!scheduler_running()) start_scheduler();
  pid_ = scheduler_pid();
  delete_stale_queues();
}

CupsHarness::~CupsHarness() {
  if (scheduler_died()) {
    std::string report = scheduler_death_report();
    std::cerr << "\n*** " << report << "\n";
    ADD_FAIL_CHECK_AT(__FILE__, __LINE__, report);
    try {
      start_scheduler();
    } catch (const std::exception& e) {
      std::cerr << e.what() << "\n";
    }
  }
  for (const auto& queue : queues_) delete_queue(queue);
}

bool CupsHarness::scheduler_died() const {
  return pid_ == 0 || kill(pid_, 0) != 0 || !scheduler_running();
}

void CupsHarness::restart_scheduler(int kill_signal, bool start_again) {
  int pid = scheduler_pid();
  if (pid > 0) kill(pid, kill_signal);
  auto deadline = SteadyClock::now() + std::chrono::seconds(15);
  while (pid > 0 && kill(pid, 0) == 0) {
    if (SteadyClock::now() > deadline) throw std::runtime_error("cupsd did not stop within 15 s");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // A killed cupsd leaves its socket and pid file; the next one removes them itself.
  if (start_again) start();
}

void CupsHarness::start() {
  start_scheduler();
  pid_ = scheduler_pid();
}

std::string CupsHarness::new_name(const std::string& kind) {
  return kQueuePrefix + std::to_string(getpid()) + "-" + kind + std::to_string(next_++);
}

void CupsHarness::add_queue(const std::string& name, const std::string& options) {
  queues_.push_back(name);
  require(run_command("lpadmin -p " + shell_quote(name) + " -E " + options + " 2>&1"),
          "lpadmin -p " + name);
}

std::string CupsHarness::add_pdf_queue(const std::filesystem::path& out_folder) {
  std::string name = new_name("pdf");
  std::ofstream config(cups_pdf_config(name));
  config << "# pcn-queue test queue " << name << ", deleted after the test\n"
         << "Out " << out_folder.string() << "\n";
  config.close();
  if (!config) throw std::runtime_error("cannot write " + cups_pdf_config(name).string());
  // cups-pdf's PPD is a PostScript printer's: cups-filters turns the PDF into PostScript first.
  // Its default, Ghostscript at level 2, rasterises any page with a transparency group (cairo
  // adds one), which would leave no text for pdftotext; Poppler's pdftops keeps the text.
  add_queue(name,
            "-v cups-pdf:/" + name + " -P " + kCupsPdfPpd + " -o pdftops-renderer-default=pdftops");
  return name;
}

std::string CupsHarness::add_raw_queue(int port) {
  std::string name = new_name("raw");
  add_queue(name, "-v socket://127.0.0.1:" + std::to_string(port) + " -m raw");
  return name;
}

void CupsHarness::disable(const std::string& queue) {
  require(run_command("cupsdisable " + shell_quote(queue) + " 2>&1"), "cupsdisable");
}

void CupsHarness::enable(const std::string& queue) {
  require(run_command("cupsenable " + shell_quote(queue) + " 2>&1"), "cupsenable");
}

void CupsHarness::reject(const std::string& queue) {
  require(run_command("cupsreject " + shell_quote(queue) + " 2>&1"), "cupsreject");
}

void CupsHarness::cancel_jobs(const std::string& queue) {
  require(run_command("cancel -a " + shell_quote(queue) + " 2>&1"), "cancel -a");
}

int CupsHarness::unfinished_jobs(const std::string& queue) {
  std::istringstream lines(run_command("lpstat -W not-completed -o " + shell_quote(queue)).output);
  int count = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(queue + "-", 0) == 0) ++count;
  }
  return count;
}

bool CupsHarness::wait_until_idle(const std::string& queue, std::chrono::milliseconds timeout) {
  auto deadline = SteadyClock::now() + timeout;
  while (unfinished_jobs(queue) > 0) {
    if (SteadyClock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return true;
}

std::optional<std::filesystem::path> wait_for_pdf(const std::filesystem::path& folder,
                                                  std::chrono::milliseconds timeout) {
  auto deadline = SteadyClock::now() + timeout;
  std::uintmax_t last_size = 0;
  while (SteadyClock::now() < deadline) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      if (entry.path().extension() != ".pdf") continue;
      std::uintmax_t size = std::filesystem::file_size(entry.path(), ec);
      if (!ec && size > 0 && size == last_size) return entry.path();
      last_size = ec ? 0 : size;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return std::nullopt;
}

// --- ByteSink ---

ByteSink::ByteSink() {
  listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  auto* generic = reinterpret_cast<sockaddr*>(&address);
  if (listener_ < 0 || bind(listener_, generic, length) != 0 || listen(listener_, 4) != 0 ||
      getsockname(listener_, generic, &length) != 0) {
    if (listener_ >= 0) close(listener_);
    throw std::runtime_error("ByteSink: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { run(); });
}

ByteSink::~ByteSink() {
  stop_ = true;
  thread_.join();
  close(listener_);
}

void ByteSink::run() {
  while (!stop_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (poll(&waiting, 1, 100) <= 0) continue;
    int connection = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection < 0) continue;
    {
      std::lock_guard lock(mutex_);
      ++connections_;
    }
    changed_.notify_all();
    serve(connection);
    close(connection);
  }
}

void ByteSink::serve(int connection) {
  std::string bytes;
  bool sender_done = false;  // the sender shut its side: the job's bytes are all here
  while (!stop_ && !sender_done) {
    pollfd readable{connection, POLLIN, 0};
    if (poll(&readable, 1, 100) <= 0) continue;
    char buffer[65536];
    ssize_t n = read(connection, buffer, sizeof buffer);
    if (n > 0) {
      bytes.append(buffer, static_cast<std::size_t>(n));
    } else {
      sender_done = true;
    }
  }
  // Held: never close, so the sender keeps waiting for the printer to finish.
  while (!stop_ && hold_) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (!sender_done || stop_) return;
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(bytes));
  }
  changed_.notify_all();
}

std::optional<std::string> ByteSink::wait_for_job(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!changed_.wait_for(lock, timeout, [this] { return !jobs_.empty(); })) return std::nullopt;
  std::string job = std::move(jobs_.front());
  jobs_.pop_front();
  return job;
}

bool ByteSink::wait_for_connection(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return connections_ > 0; });
}

}  // namespace pcn::testing
