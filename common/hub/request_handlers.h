// One handler per request type of docs/protocol.md ("Requests"), looked up in a table.
// Each returns the reply text; state-changing handlers go through Hub::commit so that the change,
// its event and the stored reply are one transaction.
#pragma once

#include <string>

#include "protocol/fields.h"
#include "protocol/messages.h"
#include "queue/engine.h"

namespace pcn::hub {

class Hub;

class RequestHandlers {
 public:
  RequestHandlers(Hub& hub, const std::string& role) : hub_(hub), role_(role) {}

  /// The reply to `request`, whose role was already checked.
  std::string handle(const protocol::Request& request);

 private:
  using Handler = std::string (RequestHandlers::*)(const protocol::Request&);
  static Handler find(const std::string& type);

  std::string hello(const protocol::Request& r);
  std::string snapshot(const protocol::Request& r);
  std::string take_ticket(const protocol::Request& r);
  std::string call_next(const protocol::Request& r);
  std::string call_ticket(const protocol::Request& r);
  std::string recall(const protocol::Request& r);
  std::string no_show(const protocol::Request& r);
  std::string finish(const protocol::Request& r);
  std::string transfer(const protocol::Request& r);
  std::string pause(const protocol::Request& r);
  std::string resume(const protocol::Request& r);
  std::string update_counter(const protocol::Request& r);
  std::string report_print(const protocol::Request& r);
  std::string reprint(const protocol::Request& r);
  /// finish with args.outcome (optional): the visit's outcome is recorded with it.
  std::string finish_with_outcome(const protocol::Request& r);
  std::string record_outcome(const protocol::Request& r);
  std::string record_workshop(const protocol::Request& r);
  /// take_ticket with args.test: a test ticket (no row, no number, at any hour).
  std::string take_test_ticket(const protocol::Request& r);
  std::string close_day(const protocol::Request& r);
  std::string tickets(const protocol::Request& r);

  using CounterAction = queue::Engine::Decision (queue::Engine::*)(queue::CounterNumber,
                                                                   util::TimePoint) const;
  /// Reads args.counter and replies to `action` on it.
  std::string counter_action(const protocol::Request& r, CounterAction action);
  /// Commits an accepted decision and replies {"ticket","counter","seq"}; replies the refusal.
  std::string counter_reply(const protocol::Request& r, const util::Result<queue::Change>& decision);
  std::string refuse(const protocol::Request& r, const util::Error& error);
  /// args.<key>: nullopt when absent or null, else the decoded outcome (bad_request otherwise).
  util::Result<std::optional<queue::Outcome>> outcome_arg(const protocol::Request& r,
                                                          const char* key) const;
  protocol::Json agency() const;
  util::TimePoint now() const;

  Hub& hub_;
  const std::string& role_;
};

}  // namespace pcn::hub
