#include "queue/wait_text.h"

#include <cctype>

#include "text/catalog.h"

namespace pcn::queue {

std::string range_text(const WaitRange& w) {
  return text::wait_between(static_cast<int>(w.low.count()), static_cast<int>(w.high.count()));
}

std::string ticket_wait_text(const WaitRange& w) {
  switch (w.kind) {
    case WaitRange::Kind::next: return text::wait_ticket_next();
    case WaitRange::Kind::no_counter: return text::wait_ticket_no_counter();
    case WaitRange::Kind::range: break;
  }
  if (w.resumes_at) return text::wait_ticket_resumes(*w.resumes_at, range_text(w));
  return text::wait_ticket(range_text(w));
}

std::string queue_wait_text(const WaitRange& w) {
  switch (w.kind) {
    case WaitRange::Kind::next: return text::wait_queue_next();
    case WaitRange::Kind::no_counter: return text::wait_queue_no_counter();
    case WaitRange::Kind::range: break;
  }
  if (w.resumes_at) return text::wait_queue_resumes(*w.resumes_at, range_text(w));
  return range_text(w);
}

std::string button_wait_text(int waiting, const WaitRange& w) {
  std::string wait = queue_wait_text(w);
  if (waiting > 0 && w.kind == WaitRange::Kind::range) return text::kiosk_waiting(waiting) + " · " + wait;
  if (!wait.empty()) wait[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(wait[0])));
  return wait;
}

}  // namespace pcn::queue
