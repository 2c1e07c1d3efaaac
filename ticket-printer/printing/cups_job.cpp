#include "printing/cups_job.h"

#include <algorithm>
#include <optional>
#include <thread>

#include "printing/cups_handles.h"
#include "text/catalog.h"

namespace pcn::printing {
namespace {

using SteadyClock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kPollInterval{200};
constexpr int kConnectTimeoutMs = 5000;
constexpr std::size_t kMaxNameBytes = 64;

/// What the scheduler says about a queue right now.
struct QueueState {
  int state = IPP_PSTATE_IDLE;
  bool accepting = true;
  std::string message;  ///< printer-state-message, CUPS's own (English) words; may be empty
};

/// One submission: the connection, the destination and the time limit.
struct Session {
  const std::string& queue;
  CupsHttp http;
  CupsDest dest;
  std::string printer_uri;
  SteadyClock::time_point deadline;
};

bool safe_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

bool safe_word(std::string_view word) {
  return !word.empty() && word.size() <= kMaxNameBytes &&
         std::all_of(word.begin(), word.end(), safe_char);
}

util::Error failed(const std::string& queue) {
  return util::make_error("print_failed", text::print_job_refused(queue, cupsLastErrorString()));
}

util::Result<CupsHttp> connect_scheduler(std::chrono::milliseconds timeout) {
  CupsHttp http(httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1,
                             kConnectTimeoutMs, nullptr));
  if (!http) {
    return util::make_error("print_failed",
                            text::print_cups_unreachable(cupsServer(), cupsLastErrorString()));
  }
  // Bounds every later read and write on the connection (no callback: give up at once).
  httpSetTimeout(http.get(), std::max(1.0, timeout.count() / 1000.0), nullptr, nullptr);
  return http;
}

util::Result<CupsDest> find_queue(http_t* http, const std::string& queue) {
  CupsDest dest(cupsGetNamedDest(http, queue.c_str(), nullptr));
  if (dest) return dest;
  ipp_status_t status = cupsLastError();
  if (status == IPP_STATUS_OK || status == IPP_STATUS_ERROR_NOT_FOUND) {
    return util::make_error("printer_missing", text::print_queue_missing(queue));
  }
  return failed(queue);
}

std::string text_attribute(ipp_t* response, const char* name) {
  ipp_attribute_t* attr = ippFindAttribute(response, name, IPP_TAG_ZERO);
  const char* value = attr != nullptr ? ippGetString(attr, 0, nullptr) : nullptr;
  return value != nullptr ? value : "";
}

/// Sends `request` (consumed) and returns the answer; fails when IPP says it did not succeed.
util::Result<IppMessage> ask(const Session& session, ipp_t* request) {
  IppMessage response(cupsDoRequest(session.http.get(), request, "/"));
  if (!response || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) return failed(session.queue);
  return response;
}

util::Result<QueueState> query_queue(const Session& session) {
  static const char* const kWanted[] = {"printer-state", "printer-is-accepting-jobs",
                                        "printer-state-message"};
  ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr,
               session.printer_uri.c_str());
  ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 3, nullptr,
                kWanted);
  auto response = ask(session, request);
  if (!response.ok()) return response.error();
  QueueState state;
  if (ipp_attribute_t* attr = ippFindAttribute(response->get(), "printer-state", IPP_TAG_ENUM)) {
    state.state = ippGetInteger(attr, 0);
  }
  if (ipp_attribute_t* attr =
          ippFindAttribute(response->get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)) {
    state.accepting = ippGetBoolean(attr, 0) != 0;
  }
  state.message = text_attribute(response->get(), "printer-state-message");
  return state;
}

/// printer_stopped when the queue in `state` cannot print now.
util::Status check_ready(const Session& session, const QueueState& state) {
  if (state.state == IPP_PSTATE_STOPPED) {
    return util::make_error("printer_stopped",
                            text::print_queue_stopped(session.queue, state.message));
  }
  if (!state.accepting) {
    return util::make_error("printer_stopped", text::print_queue_rejecting(session.queue));
  }
  return util::Status::success();
}

util::Status check_queue(const Session& session) {
  auto state = query_queue(session);
  if (!state.ok()) return state.error();
  return check_ready(session, *state);
}

util::Result<Session> open_session(const std::string& queue, std::chrono::milliseconds timeout) {
  auto deadline = SteadyClock::now() + timeout;
  auto http = connect_scheduler(timeout);
  if (!http.ok()) return http.error();
  auto dest = find_queue(http->get(), queue);
  if (!dest.ok()) return dest.error();
  const char* uri = cupsGetOption("printer-uri-supported", (*dest)->num_options, (*dest)->options);
  if (uri == nullptr) return failed(queue);
  return Session{queue, std::move(*http), std::move(*dest), uri, deadline};
}

util::Error refused(const Session& session) {
  if (cupsLastError() == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS) {
    return util::make_error("printer_stopped", text::print_queue_rejecting(session.queue));
  }
  return failed(session.queue);
}

/// Creates the job and sends the document; returns the job's id.
util::Result<int> submit(const Session& session, const std::string& title,
                         const CupsDocument& document) {
  http_t* http = session.http.get();
  cups_dest_t* dest = session.dest.get();
  CupsDestInfo info(cupsCopyDestInfo(http, dest));
  if (!info) return failed(session.queue);
  CupsOptions options;
  for (const auto& [name, value] : document.options) options.set(name, value);
  std::string name = cups_safe_name(title);
  int job_id = 0;
  if (cupsCreateDestJob(http, dest, info.get(), &job_id, name.c_str(), options.count(),
                        options.data()) != IPP_STATUS_OK) {
    return refused(session);
  }
  bool sent =
      cupsStartDestDocument(http, dest, info.get(), job_id, name.c_str(), document.format.c_str(),
                            0, nullptr, 1) == HTTP_STATUS_CONTINUE &&
      cupsWriteRequestData(http, document.data.data(), document.data.size()) ==
          HTTP_STATUS_CONTINUE;
  // Finishing reads the scheduler's answer, so it also runs after a failed write.
  if (cupsFinishDestDocument(http, dest, info.get()) != IPP_STATUS_OK || !sent) {
    util::Error error = refused(session);
    cupsCancelDestJob(http, dest, job_id);
    return error;
  }
  return job_id;
}

util::Result<ipp_jstate_t> query_job(const Session& session, int job_id) {
  static const char* const kWanted[] = {"job-state"};
  ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr,
               session.printer_uri.c_str());
  ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
  ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr,
               cupsUser());
  ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, nullptr,
                kWanted);
  auto response = ask(session, request);
  if (!response.ok()) return response.error();
  ipp_attribute_t* attr = ippFindAttribute(response->get(), "job-state", IPP_TAG_ENUM);
  if (attr == nullptr) return failed(session.queue);
  return static_cast<ipp_jstate_t>(ippGetInteger(attr, 0));
}

/// The outcome a job state means: success, a failure, or nullopt while it may still print.
std::optional<util::Status> outcome_of(const Session& session, int job_id, ipp_jstate_t state) {
  switch (state) {
    case IPP_JSTATE_COMPLETED:
      return util::Status::success();
    case IPP_JSTATE_CANCELED:
      return util::make_error("print_aborted", text::print_job_cancelled(session.queue, job_id));
    case IPP_JSTATE_ABORTED:
      return util::make_error("print_aborted", text::print_job_aborted(session.queue, job_id));
    case IPP_JSTATE_STOPPED:
      return util::make_error("printer_stopped", text::print_queue_stopped(session.queue, ""));
    default:
      return std::nullopt;
  }
}

/// Polls the job and its queue until the job ends, the queue stops or the deadline passes.
util::Status follow(const Session& session, int job_id, std::chrono::milliseconds timeout) {
  while (true) {
    auto state = query_job(session, job_id);
    if (!state.ok()) return state.error();
    if (auto outcome = outcome_of(session, job_id, *state)) return *outcome;
    auto queue_state = query_queue(session);
    if (!queue_state.ok()) return queue_state.error();
    PCN_TRY(check_ready(session, *queue_state));
    auto left = session.deadline - SteadyClock::now();
    if (left <= SteadyClock::duration::zero()) {
      return util::make_error(
          "print_timeout",
          text::print_job_timeout(session.queue, job_id, timeout.count(), queue_state->message));
    }
    std::this_thread::sleep_for(std::min<SteadyClock::duration>(kPollInterval, left));
  }
}

/// print_failed naming the first option that cups_safe_option refuses.
util::Status check_options(const std::string& queue, const CupsDocument& document) {
  for (const auto& [name, value] : document.options) {
    if (!cups_safe_option(name, value)) {
      return util::make_error("print_failed", text::print_option_unsafe(queue, name));
    }
  }
  return util::Status::success();
}

}  // namespace

std::string cups_safe_name(std::string_view title) {
  std::string name(title.substr(0, kMaxNameBytes));
  std::replace_if(name.begin(), name.end(), [](char c) { return !safe_char(c); }, '-');
  return name.empty() ? "pcn-slip" : name;
}

bool cups_safe_option(std::string_view name, std::string_view value) {
  return safe_word(name) && safe_word(value);
}

util::Status check_cups_queue(const std::string& queue, std::chrono::milliseconds timeout) {
  auto session = open_session(queue, timeout);
  if (!session.ok()) return session.error();
  return check_queue(*session);
}

util::Status print_on_cups_queue(const std::string& queue, const std::string& title,
                                 const CupsDocument& document, std::chrono::milliseconds timeout) {
  PCN_TRY(check_options(queue, document));
  auto session = open_session(queue, timeout);
  if (!session.ok()) return session.error();
  PCN_TRY(check_queue(*session));
  auto job_id = submit(*session, title, document);
  if (!job_id.ok()) return job_id.error();
  util::Status outcome = follow(*session, *job_id, timeout);
  if (!outcome.ok() && outcome.error().code != "print_aborted") {
    cupsCancelDestJob(session->http.get(), session->dest.get(), *job_id);
  }
  return outcome;
}

}  // namespace pcn::printing
