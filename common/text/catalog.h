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

// --- Protocol errors (replies to malformed messages; read by whoever writes or debugs a client) ---
// A field is named by its path in the message, e.g. "args.counter" or "change.tickets[2].day".
std::string field_missing(const std::string& field);
/// `expected` is one of the expect_* phrases below.
std::string field_invalid(const std::string& field, const std::string& expected);
std::string expect_object();
std::string expect_list();
std::string expect_text();
std::string expect_boolean();
std::string expect_integer_from(long long min);
std::string expect_nullable(const std::string& expected);
std::string expect_letter();
std::string expect_letters();
std::string expect_date();
std::string expect_colour();
std::string expect_one_of(const std::string& names);
std::string expect_label(const std::string& label);
std::string expect_text_length(int min_bytes, int max_bytes);
std::string expect_epoch();
std::string expect_value(const std::string& value);
std::string message_not_json();
std::string message_not_object();
std::string protocol_version_unsupported(const std::string& got, int supported);
std::string unknown_request_type(const std::string& type);
std::string unknown_message_type(const std::string& type);
std::string request_too_large(long long bytes, long long max_bytes);
std::string request_forbidden(const std::string& type, const std::string& role);
std::string topic_mismatch(const std::string& topic, const std::string& type);

}  // namespace pcn::text
