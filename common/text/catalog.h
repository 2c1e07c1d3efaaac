// The string catalog: every sentence a person reads (visitors, agents, the manager, whoever
// installs the system) comes from here, in French, UTF-8. Code never writes user-facing text
// inline; it calls the function that names the sentence.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
/// finish for a ticket the counter no longer holds: "Le ticket C-001 n’est plus au guichet 1 : rien
/// n’a été terminé."
std::string ticket_not_at_counter(const std::string& label, int counter);
std::string same_service(const std::string& label, const std::string& service);
std::string counter_needs_service(int counter);
std::string agency_closed();
std::string stale_day(const std::string& day);

// --- Dates, time zones and opening hours (config files, reports) ---
std::string bad_date(const std::string& text);
std::string no_such_date(const std::string& text);
std::string unknown_time_zone(const std::string& name);
std::string hours_bad_interval(const std::string& part);
std::string hours_empty_interval(const std::string& part);
std::string hours_overlap(const std::string& day);

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
/// A wait range whose upper end is below its lower end, or a time of day past 24 h.
std::string expect_wait_range();
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
std::string message_too_deep(int max_levels);

// --- Agency configuration (read by whoever installs or edits an agency's TOML file) ---
/// Places a problem: "agence.toml, ligne 14 : services[2].prefix : <problem>"; line 0 (unknown)
/// and an empty key are left out.
std::string config_problem(const std::string& file, int line, const std::string& key,
                           const std::string& problem);
std::string config_file_missing(const std::string& path);
std::string config_file_unreadable(const std::string& path);
/// `detail` is the TOML parser's own (English) description.
std::string config_syntax(int column, const std::string& detail);
std::string config_missing_key();
std::string config_missing_table(const std::string& table);
std::string config_unknown_key(const std::string& key, const std::string& known_keys);
/// `expected` is one of the config_expect_* phrases below.
std::string config_wrong_type(const std::string& expected);
std::string config_expect_text();
std::string config_expect_integer();
std::string config_expect_boolean();
std::string config_expect_table(const std::string& table);
std::string config_expect_tables(const std::string& table);
std::string config_expect_text_list();
std::string config_empty_value();
std::string config_out_of_range(long long value, long long min, long long max);
std::string config_too_small(long long value, long long min);
std::string config_not_one_of(const std::string& value, const std::string& choices);
std::string config_bad_prefix(const std::string& prefix);
std::string config_duplicate_prefix(const std::string& prefix, const std::string& used_by);
std::string config_duplicate_code(const std::string& code, const std::string& used_by);
std::string config_bad_colour(const std::string& colour);
std::string config_no_services();
std::string config_no_counters();
std::string config_counter_unknown_service(const std::string& prefix);
std::string config_counter_without_service(int counter);
std::string config_duplicate_counter(int counter, const std::string& used_by);
std::string config_bad_time_zone(const std::string& zone);
/// `detail` is OpeningHours::parse_day's message.
std::string config_bad_hours(const std::string& detail);
std::string config_same_ports(int port);
std::string config_printer_needs_queue(const std::string& backend);
std::string config_bad_staff_pin();
std::string config_bad_outcome_code(const std::string& code, int max_bytes);
std::string config_outcome_list_size(int max_entries);
std::string config_unknown_partner(const std::string& code, const std::string& valid_codes);
/// Printed on each ticket slip unless [printer] message says otherwise.
std::string default_slip_message();

// --- Keys, allow-list and authentication (net; read by whoever installs the hub and clients) ---
/// Short descriptions of system errors, used as `detail` below.
std::string os_permission_denied();
std::string os_not_found();
std::string os_not_a_folder();
std::string os_is_a_folder();
std::string os_disk_full();
std::string os_read_only();
std::string os_address_in_use();
std::string os_invalid_argument();
std::string os_other_error(int errnum);
std::string invalid_key_name(const std::string& name);
std::string invalid_key_role(const std::string& role);
std::string key_generation_failed(const std::string& detail);
/// Comment headers of key files, several lines separated by '\n' (without the leading "# ").
std::string key_file_secret_header(const std::string& name);
std::string key_file_public_header(const std::string& name);
std::string key_file_exists(const std::string& path);
std::string key_file_unwritable(const std::string& path, const std::string& detail);
std::string key_file_unreadable(const std::string& path, const std::string& detail);
std::string key_folder_uncreatable(const std::string& path, const std::string& detail);
std::string key_file_bad_line(const std::string& path, int line);
std::string key_file_unknown_entry(const std::string& path, const std::string& entry);
std::string key_file_duplicate_entry(const std::string& path, const std::string& entry);
std::string key_file_missing_entry(const std::string& path, const std::string& entry);
std::string key_file_bad_name(const std::string& path, const std::string& name);
std::string key_file_bad_role(const std::string& path, const std::string& role);
/// `entry` is "public" or "secret".
std::string key_file_bad_key(const std::string& path, const std::string& entry);
std::string key_file_mismatch(const std::string& path);
std::string key_file_secret_missing(const std::string& path);
std::string public_file_has_secret(const std::string& path);
std::string key_file_stale_copy(const std::string& copy, const std::string& key_file);
std::string key_orphan_public(const std::string& path);
std::string allow_list_unreadable(const std::string& folder, const std::string& detail);
std::string allow_list_not_client(const std::string& path, const std::string& role);
/// The centre's list of agency keys holds a key of another role.
std::string allow_list_not_agency(const std::string& path, const std::string& role);
std::string allow_list_duplicate_key(const std::string& path, const std::string& other);
std::string allow_list_duplicate_name(const std::string& path, const std::string& other);
std::string curve_secret_missing(const std::string& name);
std::string curve_key_invalid(const std::string& name);
std::string server_key_invalid(const std::string& key);
/// `operation` is curve_server_setup() or curve_client_setup().
std::string zmq_failure(const std::string& operation, const std::string& detail);
std::string curve_server_setup();
std::string curve_client_setup();
std::string zap_accepted(const std::string& role, const std::string& name,
                         const std::string& address);
std::string zap_refused_unknown_key(const std::string& key, const std::string& address);
std::string zap_refused_domain(const std::string& domain, const std::string& address);
std::string zap_refused_mechanism(const std::string& mechanism, const std::string& address);
std::string zap_malformed_request();

// --- Store (the hub's SQLite database; read by whoever runs the hub) ---
/// `detail` is SQLite's own message (sqlite3_errmsg).
std::string storage_error(const std::string& file, const std::string& detail);
std::string storage_no_row(const std::string& sql);
std::string database_open_failed(const std::string& file, const std::string& detail);
std::string database_in_use(const std::string& file);
/// The database file exists but holds no byte (a failed copy, a disk full at creation…).
std::string database_empty(const std::string& file);
/// PRAGMA quick_check found damage; `verdict` is its first line.
std::string database_damaged(const std::string& file, const std::string& verdict);
std::string database_too_new(const std::string& file, int found, int supported);
std::string database_no_wal(const std::string& file, const std::string& mode);
std::string lock_failed(const std::string& lock_file, const std::string& detail);
/// `where` names the column and row, e.g. "tickets.state (12)".
/// The shipper found no database at `path` (the hub has not made it yet).
std::string event_log_missing(const std::string& path);
std::string stored_value_unreadable(const std::string& file, const std::string& where,
                                    const std::string& value);
std::string stored_event_unreadable(const std::string& file, long long seq,
                                    const std::string& detail);

// --- Hub and clients (the hub's log; what screens say about the link to the hub) ---
std::string hub_started(const std::string& requests, const std::string& events,
                        const std::string& epoch, bool plaintext);
std::string hub_bind_failed(const std::string& requests, const std::string& events,
                            const std::string& detail);
std::string hub_socket_error(const std::string& detail);
std::string hub_bad_frames();
std::string hub_internal_error(const std::string& request_type, const std::string& detail);
std::string hub_day_rolled(const std::string& day, int closed);
std::string hub_clock_behind(const std::string& stored_day, const std::string& today);
std::string hub_unreachable();
std::string bad_endpoint(const std::string& endpoint, const std::string& detail);
std::string connection_connecting();
std::string connection_live();
std::string connection_lost();

// --- Programs' command lines and start-up (read by whoever installs and runs them) ---
std::string folder_not_created(const std::string& folder, const std::string& detail);
std::string hub_stopped();
std::string key_written(const std::string& file);
std::string keys_already_there(const std::string& folder);
std::string ticket_printer_about();
std::string option_config();
std::string option_plaintext();
std::string option_headless();
std::string keygen_about();
std::string option_key_name();
std::string option_role();
std::string option_agency_keys();
std::string keygen_usage();

// --- Display and agent console (their command lines and what they print) ---
/// "Le serveur de la file (tcp://…) ne répond pas après 5 s…"; for the programs' start-up.
std::string client_hub_unreachable(const std::string& endpoint, int seconds);
std::string option_client_key(const std::string& default_name);
std::string display_about();
std::string option_display_once();
/// "09:14  C-042 → Guichet 2"; the recall form says it is a recall.
std::string display_call(const std::string& time, const std::string& ticket,
                         const std::string& counter);
std::string display_recall(const std::string& time, const std::string& ticket,
                           const std::string& counter);
/// A counter not in the state, by its number: "Guichet 4".
std::string display_counter_number(int counter);
/// "En attente : " followed by the items, each display_waiting_item, joined by " · ".
std::string display_waiting_summary(const std::string& items);
std::string display_waiting_item(const std::string& service, int waiting);
std::string agent_console_about();
std::string console_status_about();
std::string console_status_agency(const std::string& name);
std::string console_status_services();
std::string console_status_service(const std::string& service, int waiting,
                                   const std::string& wait);
std::string console_status_counters();
/// `agent` may be empty; `state` is console_counter_open() or console_counter_on_pause().
std::string console_status_counter(const std::string& counter, const std::string& agent,
                                   const std::string& state, const std::string& serving);
std::string console_counter_open();
std::string console_counter_on_pause();
std::string console_serving(const std::string& ticket);
std::string console_serving_nobody();
std::string console_command_required();

// --- Kiosk behaviour (the visitor's screen; CUPS job names) ---
/// "lundi 23 novembre 2026 — 09:14"; weekday 0 = Monday.
std::string long_date_time(int weekday, unsigned day, unsigned month, int year,
                           const std::string& hh_mm);
/// The CUPS job name of a slip, of safe characters only: "pcn-C-042", "pcn-C-042-duplicata".
std::string print_job_title(const std::string& label, bool duplicate = false);
std::string kiosk_closed_detail();
std::string take_printed(const std::string& label, const std::string& service);
std::string take_not_printed(const std::string& label, const std::string& reason);
std::string take_about();
std::string option_service();
std::string option_priority();
std::string option_hub();
std::string option_key();
std::string option_window();
std::string bad_window_size(const std::string& text);

// --- Ticket slip (printed for the visitor; render errors are read by whoever runs the kiosk) ---
std::string slip_priority();
/// "Personne avant vous" (0), "1 personne avant vous", "3 personnes avant vous".
std::string slip_ahead(int people);
std::string slip_wait_unknown();
std::string slip_duplicate();
/// The slip PDF's title: "Ticket C-042".
std::string slip_document_title(const std::string& label);
/// `detail` is cairo's own (English) description.
std::string slip_render_failed(const std::string& detail);
std::string slip_qr_too_long(long long bytes);
std::string slip_qr_failed(int errnum);

// --- Printing (the kiosk's printer; read by the agency's staff and whoever installs it) ---
/// How a printer is named in logs and on the staff screen: "CUPS « ticket-80mm »".
std::string printer_cups_name(const std::string& queue);
std::string printer_escpos_name(const std::string& queue);
std::string printer_file_name(const std::string& folder);
/// `detail` is libcups' own (English) description.
std::string print_cups_unreachable(const std::string& server, const std::string& detail);
std::string print_queue_missing(const std::string& queue);
/// `detail` is the queue's state message from CUPS (English, may be empty).
std::string print_queue_stopped(const std::string& queue, const std::string& detail);
std::string print_queue_rejecting(const std::string& queue);
/// `detail` is libcups' own (English) description.
std::string print_option_unsafe(const std::string& queue, const std::string& option);
std::string print_job_refused(const std::string& queue, const std::string& detail);
std::string print_job_aborted(const std::string& queue, int job_id);
std::string print_job_cancelled(const std::string& queue, int job_id);
/// `detail` is the queue's state message from CUPS (English, may be empty).
std::string print_job_timeout(const std::string& queue, int job_id, long long milliseconds,
                              const std::string& detail);
/// `printer` is one of the printer_*_name texts; `detail` the slip renderer's message.
std::string print_render_failed(const std::string& printer, const std::string& detail);
/// `detail` is a short system error description (net::os_error_text).
std::string print_file_failed(const std::string& path, const std::string& detail);

// --- Kiosk screen (what visitors read on the touch screen; font errors for whoever installs) ---
std::string kiosk_choose_service();
std::string kiosk_priority_toggle();
/// The toggle's state, shown beside it: "Oui" / "Non".
std::string kiosk_priority_yes();
std::string kiosk_priority_no();
/// On a service button: "Pas d’attente", "1 personne attend", "4 personnes attendent".
std::string kiosk_waiting(int waiting);
std::string kiosk_your_ticket();
std::string kiosk_priority_ticket();
/// "Personne avant vous", "1 personne avant vous", "3 personnes avant vous".
std::string kiosk_people_ahead(int ahead);
std::string kiosk_keep_ticket();
std::string kiosk_touch_to_return();
std::string kiosk_note_number();
std::string kiosk_agent_warned();
std::string kiosk_closed_message();
std::string kiosk_unreachable_message();
std::string font_missing(const std::string& path);
std::string font_unreadable(const std::string& path);
std::string render_failed(unsigned width, unsigned height);
std::string screenshot_failed(const std::string& path);

// --- Wall display behaviour ---
/// "lundi 23 novembre 2026"; weekday 0 = Monday.
std::string long_date(int weekday, unsigned day, unsigned month, int year);
std::string counter_name(int counter);
std::string display_print_alert(const std::string& ticket);
std::string option_display_text();
std::string option_no_sound();
std::string option_screenshot();
std::string option_screenshot_size();

// --- Speech (the waiting room hears the calls; voice errors for whoever installs the display) ---
/// The call said aloud: "Numéro C quarante-deux, guichet deux"; `ticket_words` is "C quarante-deux".
std::string speech_call(const std::string& ticket_words, const std::string& counter_words);
std::string speech_voice_missing(const std::string& program);
/// `detail` is one of the speech_voice_* details below or a short system error description.
std::string speech_voice_failed(const std::string& program, const std::string& detail);
std::string speech_voice_timeout(long long milliseconds);
std::string speech_voice_exit(int code);
std::string speech_voice_signal(int signal);
/// `expected` names what was missing in the sound, e.g. "PCM 16 bits mono".
std::string speech_voice_bad_sound(const std::string& expected);

// --- Wall display screen (what the waiting room reads on the board) ---
std::string board_no_call();
std::string board_previous_title();
std::string board_queues_title();
/// "→ Guichet 2": where the called visitor goes.
std::string board_to_counter(const std::string& counter);
/// "Personne", "1 en attente", "4 en attente".
std::string board_waiting(int waiting);
/// "≈ 12 min"; "< 1 min" under a minute; "—" without an estimate (no counter open for it).
/// A queue's forecast on the board, as queue::queue_wait_text words it; "—" when empty.
std::string board_estimate(const std::string& wait);

// --- Screenshots of the programs' screens (the demo and the docs' pictures) ---
std::string kiosk_screenshot_about();
/// "Image enregistrée : PATH"
std::string screenshot_written(const std::string& path);

// --- Counter actions (agent console) ---
/// What the agent did, as a short phrase for sentences: "appeler le suivant", "rappeler",
/// "marquer absent", "terminer", "transférer vers Factures", "appeler C-042", "mettre en pause",
/// "reprendre".
std::string counter_action_call_next();
std::string counter_action_recall();
std::string counter_action_no_show();
std::string counter_action_finish();
std::string counter_action_transfer(const std::string& service);
std::string counter_action_call_number(const std::string& ticket);
std::string counter_action_pause();
std::string counter_action_resume();
/// Successes; `counter` is the counter's label ("Guichet 2"), `service` a service's label.
/// "Guichet 2 : C-042 (CAFAT) appelé"
std::string counter_action_called(const std::string& counter, const std::string& ticket,
                                  const std::string& service);
/// "Guichet 2 : C-042 rappelé (appel n° 2)"
std::string counter_action_recalled(const std::string& counter, const std::string& ticket,
                                    int calls);
/// "Guichet 2 : C-042 absent, remis en fin de file"
std::string counter_action_no_show_requeued(const std::string& counter, const std::string& ticket);
/// "Guichet 2 : C-042 absent, ticket clôturé"
std::string counter_action_no_show_closed(const std::string& counter, const std::string& ticket);
/// "Guichet 2 : C-042 terminé"
std::string counter_action_finished(const std::string& counter, const std::string& ticket);
/// "Guichet 2 : C-042 envoyé vers Factures"
std::string counter_action_transferred(const std::string& counter, const std::string& ticket,
                                       const std::string& service);
/// "Guichet 2 en pause"
std::string counter_action_paused(const std::string& counter);
/// "Guichet 2 : fin de la pause, les appels reprennent"
std::string counter_action_resumed(const std::string& counter);
/// When the hub's reply names no ticket: "Guichet 2 : « terminer » fait".
std::string counter_action_done(const std::string& counter, const std::string& action);
/// The hub did not answer any try of the request: it was not carried out, and the message can no
/// longer reach the hub. `endpoint` may be empty. `action` is one of the counter_action_* phrases.
std::string counter_action_unreachable(const std::string& endpoint, int counter,
                                       const std::string& action);
/// The command line `agent-console --counter N ACTION`: help texts of the actions and options.
std::string console_call_next_about();
std::string console_recall_about();
std::string console_no_show_about();
std::string console_finish_about();
std::string console_transfer_about();
std::string console_call_about();
std::string console_pause_about();
std::string console_resume_about();
std::string option_counter();
std::string option_json();
std::string argument_service();
std::string argument_ticket_number();
/// Command-line mistakes. `known` lists the agency's counters ("1, 2, 3") or services
/// ("C (CAFAT), F (Factures)"); may be empty when unknown.
std::string console_counter_required(const std::string& known);
std::string console_counter_not_a_number(const std::string& typed, const std::string& known);
std::string console_counter_not_configured(int counter, const std::string& known);
std::string console_service_required(const std::string& known);
std::string console_service_not_found(const std::string& typed, const std::string& known);
std::string console_ticket_required();
std::string console_ticket_not_a_label(const std::string& typed);
/// The command-line parser's (CLI11) failures, in French.
std::string cli_unexpected_arguments(const std::string& arguments);
std::string cli_option_needs_value(const std::string& option);
std::string cli_file_missing(const std::string& path);
/// `detail` is the parser's own (English) description.
std::string cli_invalid(const std::string& detail);
/// "Aide : agent-console --help"
std::string cli_see_help(const std::string& program);
std::string cli_help_flag();

// --- Report (agent-console report) ---
// The pilot's figures for an agency manager (agent-console/report/): the text report, the
// window's tables, the CSV columns, and the `report` command's options and errors.
std::string report_total();
/// "—": a time or a share without any sample.
std::string report_no_sample();
std::string report_under_a_minute();
/// "12 min".
std::string report_minutes(int minutes);
/// "1 h 05".
std::string report_hours_minutes(int hours, int minutes);
/// "37 %".
std::string report_percent(int percent);
std::string report_title(const std::string& agency);
/// `date` is dd/mm/yyyy.
std::string report_one_day(const std::string& date);
std::string report_range(const std::string& from, const std::string& to, int days, int open_days);
/// `duration` is a report duration ("8 h 00").
std::string report_opening_time(const std::string& duration);
std::string report_never_open();
std::string report_services_title();
std::string report_col_service();
std::string report_col_tickets();
std::string report_col_served();
std::string report_col_no_show();
std::string report_col_not_served();
std::string report_col_open();
/// How to read the ticket counts; `with_open` adds what "En cours" means.
std::string report_services_note(bool with_open);
std::string report_priority_note(int tickets, int priority, int transferred);
std::string report_times_title();
std::string report_group_wait();
std::string report_group_at_counter();
std::string report_col_mean();
std::string report_col_median();
std::string report_col_p90();
std::string report_times_note();
std::string report_p90_note();
std::string report_arrivals_title();
std::string report_col_hour();
std::string report_col_arrivals();
/// "07 h – 08 h" for hour 7.
std::string report_hour_span(int hour);
std::string report_no_arrival();
std::string report_counters_title();
std::string report_col_counter();
std::string report_col_busy();
std::string report_col_busy_share();
std::string report_counters_note();
// CSV column and row titles.
std::string report_csv_summary_title();
std::string report_csv_agency();
std::string report_csv_from();
std::string report_csv_to();
/// "Attente moyenne (min)" for "Attente moyenne".
std::string report_csv_minutes(const std::string& what);
/// "Occupation (%)" for "Occupation".
std::string report_csv_percent(const std::string& what);
std::string report_csv_opening_time();
std::string report_csv_prefix();
std::string report_csv_priority();
std::string report_csv_transferred();
std::string report_csv_wait_mean();
std::string report_csv_wait_median();
std::string report_csv_wait_p90();
std::string report_csv_counter_mean();
std::string report_csv_counter_median();
std::string report_csv_counter_p90();
std::string report_csv_number();
std::string report_csv_hour_start();
// The command line.
std::string report_about();
std::string option_report_from();
std::string option_report_to();
/// "--from : <message>": a bad option value, `message` from the parser.
std::string report_option_error(const std::string& option, const std::string& message);
/// Dates as typed (YYYY-MM-DD).
std::string report_range_reversed(const std::string& from, const std::string& to);
std::string report_forbidden();
std::string report_unreachable(const std::string& endpoint);
/// `message` is the hub's own (French) reason.
std::string report_refused(const std::string& message);
std::string report_bad_reply(const std::string& detail);
/// `detail` is a short system error description.
std::string report_csv_failed(const std::string& path, const std::string& detail);

// --- Agent console window ---
// Buttons, with the names of their keys as printed on them.
std::string console_button_call_next();
std::string console_button_finish();
std::string console_button_recall();
std::string console_button_no_show();
std::string console_button_transfer();
std::string console_button_call_number();
std::string console_button_pause();
std::string console_button_resume();
std::string console_button_statistics();
std::string console_button_change();
std::string console_button_start();
std::string console_button_cancel();
std::string console_button_call();
std::string console_button_back();
std::string console_key_space_or_enter();
std::string console_key_enter();
std::string console_key_escape();
// The header and the counter page.
/// The window's title: "pcn-queue — Guichet 2"; counter 0 = not chosen yet.
std::string console_window_title(int counter);
std::string console_serving_caption();
std::string console_nobody_caption();
std::string console_nobody_hint();
std::string console_paused_caption();
std::string console_paused_hint();
std::string console_priority();
/// "Attente : 12 min" (ticket taken → called); under a minute, says so.
std::string console_waited(int minutes);
/// "Au guichet depuis 3 min 25 s"; "1 h 05 min" past an hour.
std::string console_at_counter(int seconds);
/// "Appelé 2 fois".
std::string console_calls(int calls);
std::string console_services_title();
/// "Personne", "1 en attente", "4 en attente".
std::string console_waiting(int waiting);
/// "Ticket F-007 non imprimé : plus de papier"; `reason` may be empty.
std::string console_print_alert(const std::string& ticket, const std::string& reason);
std::string console_more_alerts(int more);
// The status line.
std::string console_ready();
/// "Envoi en cours : appeler le suivant…"; `action` is a counter_action_* phrase.
std::string console_pending(const std::string& action);
std::string console_update_phrase();
std::string console_opened(const std::string& counter, const std::string& agent);
/// `services` are labels joined by ", "; empty when none.
std::string console_services_changed(const std::string& counter, const std::string& services);
std::string console_update_unreachable(const std::string& counter);
// Dialogs.
/// "Transférer C-042 vers…".
std::string console_transfer_title(const std::string& ticket);
std::string console_call_number_title();
std::string console_number_example();
std::string console_number_invalid(const std::string& typed);
// The set-up page.
std::string console_setup_title();
std::string console_setup_name();
std::string console_setup_hint();
std::string console_setup_need_counter();
std::string console_setup_need_name();
/// On a counter's button: "Marie y est déjà".
std::string console_counter_taken_by(const std::string& agent);
/// The first line of the kept choice's file (a TOML comment).
std::string console_choice_file_comment();
/// `detail` names the key at fault or the system's reason.
std::string console_choice_unreadable(const std::string& path, const std::string& detail);
std::string console_choice_unwritable(const std::string& path, const std::string& detail);
// The statistics page.
/// "Statistiques du lundi 23 novembre 2026".
std::string console_statistics_title(const std::string& date);
// The command line.
std::string option_console_window();
std::string option_agent();
std::string console_screenshot_about();
std::string option_console_screenshot_file();
std::string option_console_screenshot_page();
std::string console_bad_screenshot_page(const std::string& word);

// --- The kiosk when slips do not print, and its staff pages ---
/// Home page band while slips cannot be printed.
std::string kiosk_printer_down_banner();
/// print_failed page: below the number, and its footer.
std::string kiosk_agent_warned_call();
std::string kiosk_touch_when_noted();
std::string kiosk_staff_pin_title();
std::string kiosk_staff_wrong_pin();
std::string kiosk_staff_locked();
std::string kiosk_staff_title();
std::string kiosk_staff_none();
std::string kiosk_staff_printed();
std::string kiosk_staff_reprint_button();
std::string kiosk_staff_reprint_last();
std::string kiosk_staff_close();
std::string kiosk_staff_erase();
std::string kiosk_staff_enter();
std::string kiosk_staff_unknown_ticket();
std::string kiosk_staff_reprinting(const std::string& label);
std::string kiosk_staff_reprinted(const std::string& label);
std::string kiosk_staff_reprint_failed(const std::string& label);
std::string kiosk_staff_printer_problem(const std::string& problem);
/// Log lines (the kiosk's stderr).
std::string kiosk_print_failed_log(const std::string& label, const std::string& reason);
std::string kiosk_printer_down_log(const std::string& reason);
std::string kiosk_printer_ready_log(const std::string& printer);
std::string kiosk_reprint_asked_log(const std::string& label, int counter);
std::string kiosk_staff_pin_locked_log();

// --- Reprints and test tickets ---
/// The agent console, once the hub accepted a reprint: "Réimpression du ticket C-042 demandée à
/// la borne.".
std::string reprint_requested(const std::string& label);
/// What a reprint does, as a short phrase (for the unreachable sentence): "faire réimprimer C-042".
std::string reprint_phrase(const std::string& label);
std::string console_reprint_about();
std::string reprint_ticket_required();
/// Printed under the number of a test slip.
std::string slip_test_ticket();
/// `ticket-printer take --test`.
std::string option_test();
std::string take_test_printed(const std::string& service);
std::string take_test_not_printed(const std::string& reason);

// --- Alerts and closed page ---
/// A wall-clock time as French says it: "7 h 30", "12 h", "minuit" (0 and 1440); the spaces
/// inside are no-break spaces, so that a time is never split over two lines (nor parted from
/// the "à" or "de" before it, in the sentences below).
std::string clock_time(int minute_of_day);
/// The kiosk's closed page, in a break: "Reprise à 12 h 15".
std::string closed_reopens_at(int minute_of_day);
/// The kiosk's closed page, before the next open day: "Ouvert demain de 7 h 30 à 11 h 30 et de
/// 12 h 15 à 15 h 30"; days_ahead 0 "Ouvert aujourd’hui de …", 2 to 6 "Ouvert lundi de …",
/// 7 "Ouvert lundi prochain de …". `spans`: [open, close) in minutes of the day, in order.
std::string closed_opens_on(int days_ahead, int weekday,
                            const std::vector<std::pair<int, int>>& spans);
/// The wall display's red band: "Tickets non imprimés : C-004, F-007 — adressez-vous à un
/// agent" ("Ticket non imprimé : C-004 — …" for one); with `more` > 0 the list ends
/// "C-004, F-007 et 3 autres".
std::string display_unprinted_alert(const std::vector<std::string>& tickets, int more = 0);
// The agent console's slips that did not print.
std::string console_button_reprint();         ///< "Réimprimer"
std::string console_button_reprint_number();  ///< "Réimprimer un numéro…"
std::string console_button_show_unprinted();  ///< "Voir la liste"
std::string console_button_previous();        ///< "Précédents"
std::string console_button_next();            ///< "Suivants"
/// The counter page's red row for several: "3 tickets non imprimés", then the tickets.
std::string console_unprinted_count(int count);
/// "F-007, C-011, N-002".
std::string console_ticket_list(const std::vector<std::string>& labels);
/// The list's title: "Tickets non imprimés aujourd’hui : 8"; 0: "Aucun ticket non imprimé
/// aujourd’hui".
std::string console_unprinted_title(int count);
/// Which rows the list shows: "1 à 4 sur 8".
std::string console_unprinted_range(int first, int last, int count);
/// After the hub accepted a reprint asked from this console: "réimpression demandée à 09:14".
std::string console_reprint_asked(const std::string& hh_mm);
/// A row's detail: the reprint asked (when it was), then the kiosk's reason.
std::string console_unprinted_detail(const std::string& asked, const std::string& reason);
std::string console_reprint_number_title();  ///< "Réimprimer un ticket d’aujourd’hui"


// --- Outcomes of visits (the console's outcome screen, the command line, the report) ---
struct DefaultChoice {
  const char* code;
  const char* label;
  const char* group;  ///< themes only ("Démarches", "Numérique"); else ""
};
/// The pilot's default pick-list `list` ("partner", "theme", … as queue::to_string(OutcomeList)).
std::vector<DefaultChoice> default_outcome_choices(const std::string& list);
/// The list's title: "Partenaire", "Thème", "Autonomie", "Résultat", "Orientation",
/// "Première visite dans un PCN", "Tranche d’âge", "Situation", "Commune", "Équipement utilisé".
std::string outcome_list_title(const std::string& list);
/// "non renseigné": a list with no code.
std::string outcome_not_given();
std::string outcome_unknown_code(const std::string& list_title, const std::string& code,
                                 const std::string& valid_codes);
std::string outcome_one_code_only(const std::string& list_title);
std::string outcome_repeated_code(const std::string& list_title, const std::string& code);
std::string workshop_bad_participants(int participants, int min, int max);
std::string workshop_bad_minutes(int minutes, int min, int max);
std::string ticket_not_served(const std::string& label, const std::string& state_text);
/// The console, once the hub accepted a correction: "Bilan du ticket C-042 corrigé.".
std::string outcome_corrected(const std::string& label);
/// "corriger le bilan de C-042" (for the unreachable sentence).
std::string outcome_phrase(const std::string& label);
/// "Atelier noté : 8 participants, 90 min.".
std::string workshop_recorded(int participants, int minutes);
std::string workshop_phrase();  ///< "noter l’atelier"
/// Protocol: what a pick-list code must be.
std::string expect_code(int max_bytes);
std::string expect_at_most_items(int max_items);

// --- Report (pilot indicators) ---
// agent-console report's later parts (agent-console/report/): the elapsed opening time, the
// waits of the people not received, the day-by-day series, the outcome and workshop tables, the
// machine outputs (JSON, CSV tables, workbook) and their options.
/// "Temps d’ouverture : 8 h 00, dont 2 h 36 écoulées à 10:06" (durations as the report shows).
std::string report_opening_elapsed(const std::string& total, const std::string& elapsed,
                                   const std::string& hh_mm);
/// "Occupation : temps passé avec un visiteur, rapporté au temps d’ouverture écoulé."
std::string report_counters_elapsed_note();
std::string report_not_received_title();  ///< "Attente des personnes non reçues"
std::string report_col_people();          ///< "Personnes"
std::string report_col_waiting_now();     ///< "En attente"
/// How to read the table of the people not received, a line each.
std::vector<std::string> report_not_received_notes();
std::string report_days_title();  ///< "Jour par jour"
std::string report_col_day();     ///< "Jour"
std::string report_col_accompaniments();  ///< "Accompagnements"
std::string report_col_done_for_them();   ///< "Fait à la place"
std::string report_col_autonomy_given();  ///< "Autonomie renseignée"
std::vector<std::string> report_days_notes();
/// An outcome table's title: "Partenaire (visites servies)".
std::string report_outcome_title(const std::string& list_title);
std::string report_col_code();   ///< "Code"
std::string report_col_label();  ///< "Libellé"
std::string report_col_group();  ///< "Groupe"
std::string report_col_visits();  ///< "Visites"
std::string report_col_share();   ///< "Part"
/// "Sur 6 visites servies." (the base of the shares)
std::string report_outcome_visits_note(int visits);
std::string report_outcome_multiple_note();
std::vector<std::string> report_outcome_profile_notes();
std::string report_masked_count();  ///< "< 5"
std::string report_workshops_title();  ///< "Ateliers collectifs"
std::string report_col_theme();        ///< "Thème"
std::string report_col_workshops();    ///< "Ateliers"
std::string report_col_participants();  ///< "Participants"
std::string report_col_duration();      ///< "Durée"
std::string report_no_workshop();       ///< "Aucun atelier sur la période."
// The machine outputs: table names (sheets, ≤ 31 characters) and the summary's rows.
std::string report_sheet_summary();       ///< "Rapport"
std::string report_sheet_not_received();  ///< "Attente des non reçus"
std::string report_col_item();            ///< "Rubrique"
std::string report_col_value();           ///< "Valeur"
std::string report_csv_opening_elapsed();  ///< "Temps d’ouverture écoulé"
std::string report_csv_days();             ///< "Jours"
std::string report_csv_open_days();        ///< "Jours d’ouverture"
std::string report_csv_now();              ///< "Heure du rapport"
// The command's options and messages.
std::string option_report_csv_tables();
std::string option_report_xlsx();
/// "17 tableaux CSV enregistrés : « rapport-tickets-par-service.csv », … (dans « /tmp »)."
std::string report_csv_tables_written(int count, const std::string& first,
                                      const std::string& folder);
std::string report_xlsx_written(const std::string& path);
std::string report_xlsx_failed(const std::string& path, const std::string& detail);

}  // namespace pcn::text

namespace pcn::text {

// --- Console command line: outcomes ---
// agent-console finish [options], outcome NUMBER [options], outcome --list, workshop
// (agent-console/outcome_options.h, action_command.h).
std::string console_outcome_about();   ///< the `outcome` subcommand's help
std::string console_workshop_about();  ///< the `workshop` subcommand's help
/// An outcome option's help: "Partenaire : un code (plusieurs : répétez l’option)".
std::string option_outcome_code(const std::string& list_title, bool multiple);
std::string option_outcome_list();
std::string argument_outcome_ticket();
std::string option_workshop_theme();
std::string option_workshop_participants();
std::string option_workshop_minutes();
/// "--partner (Partenaire) : le code « xyz » n’existe pas ; codes possibles : cafat, eec, …"
std::string cli_outcome_unknown_code(const std::string& option, const std::string& list_title,
                                     const std::string& code, const std::string& valid_codes);
/// "--autonomy (Autonomie) : un seul code possible, 2 donnés (autonome, pas_a_pas)"
std::string cli_outcome_one_code_only(const std::string& option, const std::string& list_title,
                                      const std::string& codes);
std::string cli_outcome_repeated_code(const std::string& option, const std::string& list_title,
                                      const std::string& code);
std::string cli_outcome_ticket_required();
std::string cli_outcome_nothing_given();
std::string cli_outcome_list_alone();
/// "indiquez le thème de l’atelier avec --theme CODE (codes possibles : papiers, …)"
std::string cli_workshop_theme_required(const std::string& valid_codes);
std::string cli_workshop_participants_required();
std::string cli_workshop_minutes_required();
std::string cli_workshop_not_a_number(const std::string& option, const std::string& typed);
/// "l’option --participants ne se donne qu’une fois (données : 3, 4)"
std::string cli_option_once(const std::string& option, const std::string& values);
/// `outcome --list`: a list's heading, "Partenaire (--partner, un ou plusieurs codes)".
std::string cli_outcome_list_heading(const std::string& list_title, const std::string& option,
                                     bool multiple);
/// One choice: "cafat — CAFAT".
std::string cli_outcome_choice(const std::string& code, const std::string& label);
/// The hub did not answer a correction sent without --counter.
std::string outcome_unreachable(const std::string& endpoint, const std::string& action);

}  // namespace pcn::text

namespace pcn::text {

// --- Console outcome screen ---
// The window's outcome page (« Terminé », « Appeler le suivant » while a visitor is still
// there), the correction of a bilan from the statistics page, and the workshop page.
/// "Bilan de la visite C-042 · CAFAT".
std::string console_outcome_title(const std::string& label, const std::string& service);
/// "Corriger le bilan de C-042 · CAFAT".
std::string console_outcome_correct_title(const std::string& label, const std::string& service);
/// A line's title on the outcome page: the list's title (outcome_list_title), shorter where it
/// is long: "1re visite", "Âge", "Équipement".
std::string console_outcome_line_title(const std::string& list);
std::string console_outcome_note_multiple();  ///< "plusieurs choix"
std::string console_outcome_note_optional();  ///< "facultatif"
std::string console_outcome_note_first_visit();  ///< "dans un PCN"
std::string console_workshop_note_theme();    ///< "thème de l’atelier"
std::string console_button_validate();  ///< "Valider"
std::string console_button_skip();      ///< "Passer"
std::string console_button_open_outcome();     ///< "Ouvrir le bilan"
std::string console_button_correct_outcome();  ///< "Corriger un bilan…"
std::string console_button_workshop();         ///< "Noter un atelier…"
std::string console_outcome_number_title();    ///< "Corriger le bilan d’un ticket d’aujourd’hui"
/// The dialog's hint when the ticket was not served (waiting, absent…): nothing to correct.
std::string console_outcome_not_served(const std::string& label);
/// The outcome page closed because its ticket left the counter (another console, a transfer).
std::string console_outcome_gone(const std::string& label);
std::string console_workshop_title();  ///< "Atelier collectif (sans ticket)"
std::string console_workshop_participants_title();  ///< "Participants"
std::string console_workshop_duration_title();      ///< "Durée"
std::string console_workshop_participants(int n);   ///< "1 participant", "8 participants"
std::string console_workshop_duration(int minutes);  ///< "45 min", "1 h", "1 h 30"
/// The status line after « Passer »: "Guichet 1 : C-042 terminé (bilan non renseigné)".
std::string console_skipped_note();  ///< " (bilan non renseigné)"


// --- Centre (pcn-central): PostgreSQL store ---
/// The centre's database cannot be reached: "Base PostgreSQL du centre injoignable : <detail>."
std::string central_db_unreachable(const std::string& detail);
/// A statement failed: "Base PostgreSQL du centre : échec pendant « <what> » : <detail>."
std::string central_db_failed(const std::string& what, const std::string& detail);
std::string central_db_reading_version();  ///< "lire la version du schéma"
std::string central_db_migrating(int version);  ///< "passer le schéma à la version 1"
std::string central_db_reading_ack();      ///< "lire le dernier événement reçu"
std::string central_db_storing(const std::string& agency);  ///< "enregistrer les événements de bourail"
/// The database was made by a newer pcn-central: nothing changed.
std::string central_schema_newer(int found, int known);
/// A batch member missing or too long ("agency", "store", "time_zone").
std::string central_bad_batch_field(const std::string& member);
/// More events than a batch may carry.
std::string central_bad_batch_too_many(std::size_t count, std::size_t max);
/// Sequences not consecutive at `seq`.
std::string central_bad_batch_order(std::int64_t seq);
/// The batch starts after a gap: first `first`, while the centre holds up to `ack`.
std::string central_bad_batch_gap(std::int64_t first, std::int64_t ack);


// --- Centre (pcn-central): its socket ---
/// "Centre démarré sur tcp://0.0.0.0:7470, 6 clés d’agence admises."
std::string central_started(const std::string& endpoint, std::size_t agencies);
std::string central_bind_failed(const std::string& endpoint, const std::string& detail);
std::string central_socket_error(const std::string& detail);
/// A frame without an agency identity (no CURVE user id).
std::string central_no_identity();
/// The batch of `agency` (the key's name) was refused: `reason`.
std::string central_batch_refused(const std::string& agency, const std::string& reason);
/// The key of `key_agency` shipped events of `claimed`.
std::string central_wrong_agency(const std::string& key_agency, const std::string& claimed);


// --- The hub's shipper (to the centre) ---
std::string shipper_socket_error(const std::string& endpoint, const std::string& detail);
/// "Centre injoignable (tcp://…) : les événements attendent, rien n’est perdu."
std::string shipper_unreachable(const std::string& endpoint);
std::string shipper_no_answer(const std::string& endpoint);
std::string shipper_refused(const std::string& reason);


// --- Agency config: [central] ---
std::string config_bad_central_endpoint(const std::string& endpoint);
std::string config_bad_central_key();


// --- pcn-central: its command line ---
std::string central_about();
std::string central_keygen_about();
std::string option_central_config();
std::string option_central_agency();
std::string central_stopped();
/// What keygen wrote for the centre, and what to do with the public key.
std::string central_keygen_centre(const std::string& secret, const std::string& pub,
                                  const std::string& public_key);
/// What keygen wrote for an agency.
std::string central_keygen_agency(const std::string& agency, const std::string& secret,
                                  const std::string& admitted);

/// What a profile's hours must be: seven lists, Monday first.
std::string expect_seven_days();

/// pcn-central report.
std::string central_report_about();
std::string option_central_report_agency();
std::string option_central_report_csv();
std::string option_central_report_xlsx();
std::string central_db_reading_report();
std::string central_unknown_agency(const std::string& agency, const std::string& known);
std::string central_bad_profile(const std::string& agency, const std::string& detail);
std::string central_report_all_agencies();  ///< "Toutes les agences"
std::string central_report_csv_written(int count, const std::string& folder);
std::string report_agencies_title();  ///< "Agences"

/// The hub's link to the centre (client::central_link_text).
std::string central_link_up_to_date();          ///< "Centre : à jour"
std::string central_link_never();               ///< "Centre : pas encore joint"
std::string central_link_last(const std::string& ago);  ///< "Centre : dernier envoi il y a 3 h"
std::string central_link_ago(long long minutes);  ///< "il y a 3 h", "à l’instant"
std::string central_link_waiting(long long events);  ///< " · 240 événements en attente"
std::string central_link_reason(const std::string& why);  ///< " · <why>"

/// The shipper cannot send an event larger than a frame (it stops there, said in the link state).
std::string shipper_event_too_large(long long seq, long long bytes);

/// The centre could not read the profile an agency sent (its events are stored all the same).
std::string central_profile_refused(const std::string& agency, const std::string& why);
std::string central_report_all_folder();  ///< "ensemble": the CSV folder of all agencies together


// --- The dashboard and « suivre mon ticket » (issue #13) ---
std::string config_bad_web_listen(const std::string& listen);
std::string config_web_tls_pair();
std::string dash_account_about();
std::string dash_account_add_about();
std::string dash_account_disable_about();
std::string dash_account_list_about();
std::string dash_account_created(const std::string& login, const std::string& role, const std::string& scope);
std::string dash_account_disabled(const std::string& login);
std::string dash_account_state_disabled();
std::string dash_account_state_enabled();
std::string dash_no_accounts();
std::string dash_agency_title(const std::string& name);
std::string dash_overview_title();
std::string dash_partner_scope(const std::string& partner);
std::string dash_back_home();
std::string dash_bad_credentials();
std::string dash_bad_date(const std::string& name, const std::string& value);
std::string dash_bad_format(const std::string& format);
std::string dash_bad_full_name();
std::string dash_bad_login_shape(const std::string& login);
std::string dash_bad_password_length(std::size_t min, std::size_t max);
std::string dash_bad_range(const std::string& from, const std::string& to);
std::string dash_bad_role(const std::string& role);
std::string dash_bind_failed(const std::string& host, int port);
std::string dash_chart_js_missing(const std::string& path);
std::string dash_chart_label(const std::string& title);
std::string dash_col_all_agencies();
std::string dash_col_last_contact();
std::string dash_col_last_event();
std::string dash_col_link_state();
std::string dash_col_print_failed();
std::string dash_col_received();
std::string dash_col_week();
std::string dash_col_within(int minutes);
std::string dash_counter_label(int number);
std::string dash_counters_title();
std::string dash_db_accounts();
std::string dash_db_sessions();
std::string dash_db_follow();
std::string dash_db_reading();
std::string dash_db_summarising();
std::string dash_db_unavailable();
std::string dash_done_for_them_title();
std::string dash_done_for_them_sheet();
std::string dash_done_for_them_note();
std::string dash_download();
std::string dash_download_csv(const std::string& title);
std::string dash_download_xlsx(const std::string& title);
std::string dash_error_title(int status);
std::string dash_export_failed();
std::string dash_forbidden_agency(const std::string& own);
std::string dash_from();
std::string dash_to();
std::string dash_show();
std::string dash_period();
std::string dash_last_days(int days);
std::string dash_hash_failed();
std::string dash_hour_label(int hour);
std::string dash_internal_error();
std::string dash_link_title();
std::string dash_link_note();
std::string dash_link_state(long long silent_seconds);
std::string dash_log_db_error(const std::string& message);
std::string dash_log_listening(const std::string& host, int port, bool tls);
std::string dash_log_login(const std::string& login, const std::string& address);
std::string dash_log_login_failed(const std::string& login, const std::string& address);
std::string dash_log_login_limited(const std::string& login, const std::string& address);
std::string dash_login_title();
std::string dash_login_label();
std::string dash_password_label();
std::string dash_login_button();
std::string dash_logout();
std::string dash_login_taken(const std::string& login);
std::string dash_masked_note();
std::string dash_missing_param(const std::string& name);
std::string dash_nav_label();
std::string dash_no_such_login(const std::string& login);
std::string dash_option_for_role(const std::string& option, const std::string& role);
std::string dash_other_origin();
std::string dash_page_not_found(const std::string& path);
std::string dash_param_too_long(const std::string& name, std::size_t max);
std::string dash_print_title();
std::string dash_range_text(const std::string& from, const std::string& to);
std::string dash_range_too_long(int max_days);
std::string dash_repeated_param(const std::string& name);
std::string dash_request_refused(int status);
std::string dash_scope_agency(const std::string& id);
std::string dash_scope_partner(const std::string& code);
std::string dash_scope_not_wanted();
std::string dash_signed_in_as(const std::string& name);
std::string dash_site_name();
std::string dash_skip_link();
std::string dash_tls_missing(const std::string& certificate, const std::string& key);
std::string dash_too_many_attempts(long minutes);
std::string dash_unknown_agency(const std::string& id);
std::string dash_unknown_param(const std::string& name);
std::string dash_unknown_table(const std::string& key);
std::string dash_waits_title();
std::string dash_waits_note();
std::string dash_weekly_title();
std::string dash_weekly_one_title();
std::string dash_weekly_sheet();
std::string dash_weekly_note();
std::string follow_title();
std::string follow_your_number();
std::string follow_ahead(int ahead);
std::string follow_called(const std::string& counter);
std::string follow_finished(const std::string& state);
std::string follow_invalid_title();
std::string follow_invalid();
std::string follow_other_day_title();
std::string follow_other_day(const std::string& day);
std::string follow_unavailable_title();
std::string follow_unavailable();
std::string follow_pending_title();
std::string follow_pending();
std::string follow_updated(const std::string& clock, int seconds);
std::string option_account_login();
std::string option_account_name();
std::string option_account_role();
std::string option_account_agency();
std::string option_account_partner();
// --- « Suivre mon ticket » (issue #13): the slip's link to the centre's page ---
/// [central] suivi is not a URL base a slip can carry (scheme, spaces, length).
std::string config_bad_follow_base(const std::string& url, std::size_t max_bytes);

/// A ship's follow_key that is not 64 hex digits (left out; the batch is stored all the same).
std::string ship_bad_follow_key();

/// The shipping key `name` has no secret to derive the follow key from.
std::string follow_key_missing(const std::string& name);

std::string central_follow_key_refused(const std::string& agency, const std::string& reason);

/// `ticket-printer take`: the slip's follow address, for a phone.
std::string take_follow(const std::string& url);

/// The dashboard found every database connection in use for too long (HTTP 503).
std::string dash_db_busy();
/// Log line: a page failed with an unexpected exception.
std::string dash_log_internal_error(const std::string& what);

/// A counter's planned breaks ([[counters]] breaks) could not be read; `reason` from parse_day.
std::string config_bad_breaks(const std::string& reason);

/// Log line: the previous days' tickets could not be read to learn visit times.
std::string hub_history_unreadable(const std::string& reason);

// --- Waits (queue/wait_text.h chooses among them; every screen uses the same) ---
/// "35 min", "1 h", "1 h 10".
std::string wait_duration(int minutes);
/// "entre 20 et 35 min", "entre 50 min et 1 h 10", "moins de 5 min" when low is 0, "moins d’une
/// minute", "environ 20 min" when low == high (the one number of an older hub).
std::string wait_between(int low, int high);
/// A visitor's ticket: "Attente estimée : entre 20 et 35 min".
std::string wait_ticket(const std::string& range);
/// A visitor's ticket with nobody ahead and a counter free.
std::string wait_ticket_next();
/// No counter that serves the service is open now, none comes back from a planned break.
std::string wait_ticket_no_counter();
/// Every counter that serves it is on a planned break: "Reprise à 12 h 15 ; attente estimée …".
std::string wait_ticket_resumes(int minute_of_day, const std::string& range);
/// A queue (display, console, kiosk button): nobody waits and a counter is free.
std::string wait_queue_next();
std::string wait_queue_no_counter();
/// "reprise à 12 h 15, entre 25 et 40 min".
std::string wait_queue_resumes(int minute_of_day, const std::string& range);


/// « suivre mon ticket »: the centre has seen no counter call this service today.
std::string follow_no_estimate();

/// Log line at the hub's start: how many files (connections included) it may hold open.
std::string hub_open_files(std::size_t limit);

/// No graphical display to open a window on; `display` is $DISPLAY ("" when unset).
std::string no_display(const std::string& display);

}  // namespace pcn::text
