// The pilot's figures as CSV, for a spreadsheet or a script.
//
// Format: RFC 4180. Fields are separated by commas (','); a field holding a comma, a double
// quote, a CR or a LF is enclosed in double quotes, with its quotes doubled; every line ends with
// CRLF. Text is UTF-8, without a byte-order mark (in a spreadsheet: import as UTF-8, comma
// separator, "English" number format so that dots are decimal points).
//
// One file, four sections one after the other, separated by an empty line. Each section starts
// with a line holding its title alone, then a line of column titles, then its rows:
//  1. "Rapport": rows "Agence,<name>", "Du,<YYYY-MM-DD>", "Au,<YYYY-MM-DD>",
//     "Temps d’ouverture (min),<minutes>".
//  2. "Tickets par service": Préfixe, Service, Tickets, Servis, Absents, Non servis, En cours,
//     Prioritaires, Transférés, Attente moyenne / médiane / 90 % (min), Temps au guichet moyen /
//     médian / 90 % (min). One row per service (report::Figures order), then the total (prefix
//     "*", service "Total").
//  3. "Guichets": Numéro, Guichet, Servis, Absents, Temps occupé (min), Occupation (%).
//  4. "Arrivées par heure": Heure (début), Arrivées: 24 rows, hours 0 to 23, local time.
// Numbers: counts are integers; durations are minutes with two decimals and a dot ("12.50");
// busy shares are percents with one decimal ("37.5"); a duration or share without a sample is an
// empty field. Dates are ISO (YYYY-MM-DD). The figures' definitions are in report/figures.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/figures.h"

namespace pcn::report {

/// `value` as one RFC 4180 field: quoted (quotes doubled) when it holds , " CR or LF.
std::string csv_field(const std::string& value);
/// The fields as one record: joined by ',' and ended by CRLF.
std::string csv_record(const std::vector<std::string>& fields);
/// Seconds as minutes with two decimals and a dot ("12.50"); "" for nullopt.
std::string csv_minutes(std::optional<double> seconds);
/// A 0..1 share as a percent with one decimal and a dot ("37.5"); "" for nullopt.
std::string csv_percent(std::optional<double> share);

/// The whole CSV file described above.
std::string report_csv(const Figures& f, const std::string& agency);

}  // namespace pcn::report
