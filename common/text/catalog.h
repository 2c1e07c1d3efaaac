// The string catalog: every sentence a person reads (visitors, agents, the manager, whoever
// installs the system) comes from here, in French, UTF-8. Code never writes user-facing text
// inline; it calls the function that names the sentence.
#pragma once

#include <string>

namespace pcn::text {

// --- Queue refusals (shown to agents at the console) ---
std::string unknown_counter(int counter);
std::string unknown_service(const std::string& service);
std::string unknown_ticket(const std::string& label);
std::string counter_paused(int counter);
std::string counter_already_paused(int counter);
std::string counter_not_paused(int counter);
std::string counter_busy(int counter, const std::string& ticket);
std::string no_ticket_at_counter(int counter);
std::string queue_empty(int counter);
std::string ticket_not_callable(const std::string& label, const std::string& state_text);
std::string ticket_at_other_counter(const std::string& label, int counter);
std::string same_service(const std::string& label, const std::string& service);
std::string counter_needs_service(int counter);
std::string agency_closed();
std::string stale_day(const std::string& day);

// --- Ticket states, as agents read them ---
std::string state_waiting();
std::string state_called();
std::string state_done();
std::string state_absent();
std::string state_unserved();

}  // namespace pcn::text
