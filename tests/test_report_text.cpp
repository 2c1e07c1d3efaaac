// The figures as French text and as CSV (report/report_text.h, report/report_csv.h).
#include <doctest/doctest.h>

#include "report/report_csv.h"
#include "report/report_text.h"

using namespace pcn;
using namespace std::chrono_literals;

namespace {

/// Figures of one day with one service: enough to read every part of the report.
report::Figures sample() {
  report::Figures f;
  f.from = f.to = {2026, 11, 23};
  f.days = f.open_days = 1;
  f.opening_time = 8h;
  for (int h = 7; h <= 15; ++h) f.open_hours[static_cast<std::size_t>(h)] = true;
  report::ServiceFigures s;
  s.prefix = 'N';
  s.label = "Identité numérique";
  s.tickets = 3;
  s.served = 2;
  s.not_served = 1;
  s.wait = report::summarise({600, 4500});
  s.at_counter = report::summarise({});
  f.services = {s};
  f.total = s;
  f.total.prefix = '*';
  f.total.label = "Total";
  f.arrivals_per_hour[8] = 2;
  f.arrivals_per_hour[9] = 1;
  f.counters = {{2, "Guichet 2", 2, 0, 5400s, 5400.0 / 28800}};
  return f;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < s.size()) {
    auto end = s.find('\n', at);
    lines.push_back(s.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("report::format_duration rounds to the minute and shows hours past 59 minutes") {
  CHECK(report::format_duration(std::nullopt) == "—");
  CHECK(report::format_duration(0.0) == "0 min");
  CHECK(report::format_duration(29.0) == "< 1 min");
  CHECK(report::format_duration(30.0) == "1 min");
  CHECK(report::format_duration(12 * 60 + 29) == "12 min");
  CHECK(report::format_duration(59 * 60 + 29) == "59 min");
  CHECK(report::format_duration(59 * 60 + 30) == "1 h 00");
  CHECK(report::format_duration(65 * 60) == "1 h 05");
  CHECK(report::format_duration(8 * 3600) == "8 h 00");
}

TEST_CASE("report::format_share and format_date") {
  CHECK(report::format_share(0.375) == "38 %");
  CHECK(report::format_share(0.0) == "0 %");
  CHECK(report::format_share(std::nullopt) == "—");
  CHECK(report::format_date({2026, 1, 5}) == "05/01/2026");
}

TEST_CASE("report::table_lines lines up columns holding accented letters") {
  report::Table t;
  t.title = "Essai";
  t.columns = {{"Service", "", report::Align::left},
               {"moyenne", "Attente", report::Align::right},
               {"90 %", "Attente", report::Align::right}};
  t.rows = {{"Identité numérique", "12 min", "—"}, {"Total", "1 h 05", "2 h 00"}};
  t.last_row_is_total = true;
  t.notes = {"Une note."};
  auto lines = report::table_lines(t);
  REQUIRE(lines.size() == 8);
  CHECK(lines[0] == "Essai");
  CHECK(lines[1] == "                        Attente");
  CHECK(lines[2] == "Service             moyenne    90 %");
  std::string rule;
  for (int i = 0; i < 35; ++i) rule += "─";  // 18 + 2 + 7 + 2 + 6 columns
  CHECK(lines[3] == rule);
  CHECK(lines[4] == "Identité numérique   12 min       —");
  CHECK(lines[6] == "Total                1 h 05  2 h 00");
  CHECK(lines[7] == "Une note.");
  CHECK(lines[3] == lines[5]);
}

TEST_CASE("report::report_text gives the day, the opening time and every table") {
  std::string text = report::report_text(sample(), "OPT Bourail — Point Conseil Numérique");
  INFO(text);
  auto lines = lines_of(text);
  REQUIRE(lines.size() > 10);
  CHECK(lines[0] == "Rapport de fréquentation — OPT Bourail — Point Conseil Numérique");
  CHECK(lines[1] == "Journée du 23/11/2026");
  CHECK(lines[2] == "Temps d’ouverture : 8 h 00");
  CHECK(text.find("\nIdentité numérique  3  2  0  1\n") ==
        std::string::npos);  // aligned, not packed
  CHECK(text.find("Identité numérique        3       2        0           1\n") !=
        std::string::npos);
  // wait: mean (600 + 4500) / 2 s = 42.5 min → 43 min; median 1st = 10 min; p90 2nd = 75 min
  CHECK(text.find("Identité numérique   43 min   10 min  1 h 15        —        —     —\n") !=
        std::string::npos);
  CHECK(text.find("08 h – 09 h         2  ██████████████████████████████\n") != std::string::npos);
  CHECK(text.find("09 h – 10 h         1  ███████████████\n") != std::string::npos);
  CHECK(text.find("07 h – 08 h         0\n") != std::string::npos);
  CHECK(text.find("15 h – 16 h         0\n") != std::string::npos);
  CHECK(text.find("16 h – 17 h") == std::string::npos);
  CHECK(text.find("Guichet 2       2        0        1 h 30        19 %\n") != std::string::npos);
  CHECK(text.find("\nSur 3 tickets : 0 prioritaire, 0 transféré.\n") != std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("report::report_header names the range, its days and its open days") {
  auto f = sample();
  f.to = {2026, 11, 29};
  f.days = 7;
  f.open_days = 6;
  auto header = report::report_header(f, "Agence");
  REQUIRE(header.size() == 3);
  CHECK(header[1] == "Du 23/11/2026 au 29/11/2026 (7 jours, dont 6 jours d’ouverture)");
  f.opening_time = 0s;
  CHECK(report::report_header(f, "Agence")[2] ==
        "L’agence n’avait aucun horaire d’ouverture sur cette période.");
}

TEST_CASE("report::csv_field quotes semicolons, quotes and line breaks, not commas") {
  CHECK(report::csv_field("CAFAT") == "CAFAT");
  CHECK(report::csv_field("Factures, EEC") == "Factures, EEC");
  CHECK(report::csv_field("EEC; Enercal") == "\"EEC; Enercal\"");
  CHECK(report::csv_field("dit \"oui\"") == "\"dit \"\"oui\"\"\"");
  CHECK(report::csv_field("a\nb") == "\"a\nb\"");
  CHECK(report::csv_record({"a", "", "b;c"}) == "a;;\"b;c\"\r\n");
  CHECK(report::csv_minutes(90.0) == "1,50");
  CHECK(report::csv_minutes(std::nullopt).empty());
  CHECK(report::csv_percent(0.1875) == "18,8");
  CHECK(report::csv_percent(-0.00001) == "0,0");
  CHECK(report::csv_cell(report::Cell::masked()) == "< 5");
  CHECK(report::csv_cell(report::Cell::of_count(std::optional<int>{})) == "< 5");
  CHECK(report::csv_cell(report::Cell::of_count(12)) == "12");
}

TEST_CASE("report::report_csv_files writes one table per file for a French spreadsheet") {
  auto files = report::report_csv_files(sample(), "OPT Bourail; Point Conseil");
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.name);
  // sample() has no outcome table: the queue tables and the workshops.
  CHECK(names == std::vector<std::string>{
                     "rapport", "tickets-par-service", "attente-des-personnes-non-recues",
                     "guichets", "arrivees-par-heure", "jour-par-jour", "ateliers-collectifs"});
  for (const auto& f : files) {
    CAPTURE(f.name);
    CHECK(f.content.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(f.content.substr(f.content.size() - 2) == "\r\n");
  }
  CHECK(files[0].content ==
        "\xEF\xBB\xBFRubrique;Valeur\r\n"
        "Agence;\"OPT Bourail; Point Conseil\"\r\n"
        "Du;2026-11-23\r\nAu;2026-11-23\r\n"
        "Temps d’ouverture (min);480,00\r\nTemps d’ouverture écoulé (min);0,00\r\n"
        "Jours;1\r\nJours d’ouverture;1\r\nHeure du rapport;\r\n");
  CHECK(files[1].content ==
        "\xEF\xBB\xBFPréfixe;Service;Tickets;Servis;Absents;Non servis;En cours;Prioritaires;"
        "Transférés;Attente moyenne (min);Attente médiane (min);Attente 90 % (min);"
        "Temps au guichet moyen (min);Temps au guichet médian (min);"
        "Temps au guichet 90 % (min)\r\n"
        "N;Identité numérique;3;2;0;1;0;0;0;42,50;10,00;75,00;;;\r\n"
        "*;Total;3;2;0;1;0;0;0;42,50;10,00;75,00;;;\r\n");
  CHECK(files[3].content ==
        "\xEF\xBB\xBFNuméro;Guichet;Servis;Absents;Temps occupé (min);Occupation (%)\r\n"
        "2;Guichet 2;2;0;90,00;18,8\r\n");
  CHECK(files[4].content.find("\r\n8;2\r\n9;1\r\n") != std::string::npos);
}

TEST_CASE("report::report_text shows the elapsed opening time of a day not over") {
  auto f = sample();
  f.opening_elapsed = 156min;
  f.now_clock = "10:06";
  auto header = report::report_header(f, "Agence");
  CHECK(header[2] == "Temps d’ouverture : 8 h 00, dont 2 h 36 écoulées à 10:06");
}

TEST_CASE("report::outcome_table shows masked counts as « < 5 » and says why") {
  report::OutcomeTable o;
  o.list = queue::OutcomeList::age_band;
  o.title = "Tranche d’âge";
  o.profile = true;
  o.visits = 12;
  o.rows = {{"25_39", "25–39 ans", "", 5, 5.0 / 12},
            {"40_59", "40–59 ans", "", std::nullopt, std::nullopt},
            {"", "non renseigné", "", 3, 0.25}};
  auto lines = report::table_lines(report::outcome_table(o));
  INFO(lines.size());
  REQUIRE(lines.size() == 9);
  CHECK(lines[0] == "Tranche d’âge (visites servies)");
  CHECK(lines[1] == "Tranche d’âge  Visites  Part");
  CHECK(lines[3] == "25–39 ans            5  42 %");
  CHECK(lines[4] == "40–59 ans          < 5     —");
  CHECK(lines[5] == "non renseigné        3  25 %");
  CHECK(lines[6] == "Sur 12 visites servies.");
  CHECK(lines[7] ==
        "« < 5 » : moins de 5 visites, masqué pour que personne ne soit reconnaissable.");
}
