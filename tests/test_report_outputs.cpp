// The report's machine outputs from figures computed on hand-made tickets: the JSON object parsed
// back, the CSV files' bytes (BOM, ';', decimal comma, "< 5"), and the .xlsx workbook read back
// with python3 and openpyxl (Debian's python3-openpyxl): sheet names, cells and their types.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "report/data_tables.h"
#include "report/report_csv.h"
#include "report/report_json.h"
#include "report/report_xlsx.h"
#include "support/python_script.h"
#include "support/report_tickets.h"
#include "support/temp_dir.h"

using namespace pcn;
using testing::Made;

namespace {

constexpr util::LocalDate kMonday{2026, 11, 23};
constexpr const char* kAgency = "OPT Tadine — PCN";

/// Six served visits (CAFAT, each 10 minutes at counter 1, called as soon as issued, from 08:00
/// a minute apart); age bands 25–39 ×5 and 70+ ×1; one workshop « Smartphone », 6 people, 90 min.
/// Age band by hand: 70+ (1) is masked; it is the only one, so the next smallest non-zero cell,
/// 25–39 (5), is masked too; the four other bands are 0; "non renseigné" 0.
report::Figures small_day() {
  testing::ReportAgency a;
  std::vector<queue::Ticket> tickets;
  for (int i = 0; i < 6; ++i) {
    queue::Outcome o;
    o.partner = {"cafat"};
    o.age_band = i < 5 ? "25_39" : "70_plus";
    tickets.push_back(Made(kMonday, 'C', 8, i).served_with(o));
  }
  queue::Workshop w;
  w.day = kMonday;
  w.theme = "smartphone";
  w.participants = 6;
  w.minutes = 90;
  return report::compute(a.input(kMonday, kMonday), tickets, {w});
}

const report::CsvFile& file_named(const std::vector<report::CsvFile>& files,
                                  const std::string& name) {
  for (const auto& f : files) {
    if (f.name == name) return f;
  }
  FAIL("no CSV file " << name);
  return files.front();
}

}  // namespace

TEST_CASE("report::data_tables names every sheet in French, at most 31 characters, once") {
  auto tables = report::data_tables(small_day(), kAgency);
  REQUIRE(tables.size() == 17);  // summary, 5 queue tables, 10 outcome lists, workshops
  std::set<std::string> sheets, files;
  for (const auto& t : tables) {
    CAPTURE(t.sheet);
    std::size_t characters = 0;
    for (char c : t.sheet) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    CHECK(characters <= 31);
    CHECK(t.sheet.find_first_of("[]:*?/\\") == std::string::npos);
    CHECK(sheets.insert(t.sheet).second);
    CHECK(files.insert(t.file).second);
    for (const auto& row : t.rows) CHECK(row.size() == t.columns.size());
  }
  CHECK(report::file_name_part("Première visite dans un PCN") == "premiere-visite-dans-un-pcn");
  CHECK(report::file_name_part("Tranche d’âge") == "tranche-d-age");
}

TEST_CASE("report::report_json holds every table; masked counts are the string « < 5 »") {
  auto j = nlohmann::ordered_json::parse(report::report_json(small_day(), kAgency, {"a.csv"}));
  CHECK(j.at("agency") == kAgency);
  CHECK(j.at("from") == "2026-11-23");
  CHECK(j.at("opening_min") == 480.0);
  CHECK(j.at("now").is_null());
  CHECK(j.at("files") == nlohmann::ordered_json::array({"a.csv"}));
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.at("tables").items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"services", "not_received", "counters", "arrivals", "days",
                                         "partner", "theme", "autonomy", "result", "orientation",
                                         "first_visit", "age_band", "situation", "commune",
                                         "equipment", "workshops"});
  const auto& services = j.at("tables").at("services").at("rows");
  REQUIRE(services.size() == 4);  // C, F, N, total
  CHECK(services[0].at("prefix") == "C");
  CHECK(services[0].at("served") == 6);
  CHECK(services[0].at("wait_mean_min") == 0.0);
  CHECK(services[0].at("at_counter_mean_min") == 10.0);
  CHECK(services[1].at("wait_mean_min").is_null());
  CHECK(j.at("tables").at("counters").at("rows")[0].at("busy_share_pct") == 12.5);  // 60 / 480

  const auto& age = j.at("tables").at("age_band").at("rows");
  REQUIRE(age.size() == 7);
  CHECK(age[0] ==
        nlohmann::ordered_json{
            {"code", "moins_18"}, {"label", "Moins de 18 ans"}, {"visits", 0}, {"share_pct", 0.0}});
  CHECK(age[2].at("code") == "25_39");
  CHECK(age[2].at("visits") == "< 5");  // secondary suppression: 5 is hidden too
  CHECK(age[2].at("share_pct").is_null());
  CHECK(age[5].at("visits") == "< 5");
  CHECK(age[6].at("code") == "");
  CHECK(age[6].at("label") == "non renseigné");
  CHECK(age[6].at("visits") == 0);
  // No masked count leaks anywhere: neither 5 nor 1 appears in the table.
  CHECK(j.at("tables").at("age_band").dump().find("\"visits\":5") == std::string::npos);

  const auto& partner = j.at("tables").at("partner").at("rows");
  CHECK(partner[0].at("visits") == 6);  // not a profile list: shown
  CHECK(partner[0].at("share_pct") == 100.0);
  const auto& theme = j.at("tables").at("theme").at("rows");
  CHECK(theme[0].at("group") == "Démarches");
  const auto& workshops = j.at("tables").at("workshops").at("rows");
  CHECK(workshops.back() == nlohmann::ordered_json{{"code", "*"},
                                                   {"theme", "Total"},
                                                   {"group", nullptr},
                                                   {"workshops", 1},
                                                   {"participants", 6},
                                                   {"minutes", 90}});
  const auto& days = j.at("tables").at("days").at("rows");
  REQUIRE(days.size() == 1);
  CHECK(days[0].at("accompaniments") == 6);
  CHECK(days[0].at("done_for_them_pct").is_null());  // no autonomy recorded
}

TEST_CASE("report::report_csv_files: the age band file, byte for byte") {
  auto files = report::report_csv_files(small_day(), kAgency);
  REQUIRE(files.size() == 17);
  CHECK(file_named(files, "tranche-d-age").content ==
        "\xEF\xBB\xBF"
        "Code;Libellé;Visites;Part (%)\r\n"
        "moins_18;Moins de 18 ans;0;0,0\r\n"
        "18_24;18–24 ans;0;0,0\r\n"
        "25_39;25–39 ans;< 5;\r\n"
        "40_59;40–59 ans;0;0,0\r\n"
        "60_69;60–69 ans;0;0,0\r\n"
        "70_plus;70 ans et plus;< 5;\r\n"
        ";non renseigné;0;0,0\r\n");
  const std::string& partner = file_named(files, "partenaire").content;
  CHECK(partner.find("\r\ncafat;CAFAT;6;100,0\r\n") != std::string::npos);
  const std::string& theme = file_named(files, "theme").content;
  CHECK(theme.find("\xEF\xBB\xBF"
                   "Code;Libellé;Groupe;Visites;Part (%)\r\n"
                   "papiers;Papiers et identité;Démarches;0;0,0\r\n") == 0);
  const std::string& workshops = file_named(files, "ateliers-collectifs").content;
  CHECK(workshops.find("\r\nsmartphone;Smartphone;Numérique;1;6;90\r\n") != std::string::npos);
  CHECK(workshops.find("\r\n*;Total;;1;6;90\r\n") != std::string::npos);
}

TEST_CASE("report::write_xlsx writes one sheet per table, read back with openpyxl") {
  testing::TempDir dir("pcn-report-xlsx");
  auto tables = report::data_tables(small_day(), kAgency);
  auto path = dir / "rapport.xlsx";
  auto written = report::write_xlsx(path.string(), tables);
  REQUIRE_MESSAGE(written.ok(), (written.ok() ? "" : written.error().message));
  const char* script = R"(import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print("|".join(book.sheetnames))
def show(sheet, cell):
    v = book[sheet][cell].value
    print(sheet, cell, type(v).__name__, "" if v is None else v)
show("Rapport", "A2"); show("Rapport", "B2"); show("Rapport", "B5")
show("Tickets par service", "A1"); show("Tickets par service", "D2")
show("Tickets par service", "M2"); show("Tickets par service", "J3")
show("Guichets", "F2")
show("Tranche d’âge", "C4"); show("Tranche d’âge", "D4"); show("Tranche d’âge", "C2")
show("Tranche d’âge", "B8"); show("Partenaire", "D2")
print(book["Guichets"]["F2"].number_format, book["Tickets par service"]["M2"].number_format)
print(book["Tranche d’âge"].freeze_panes)
)";
  std::string out = testing::run_python(dir.path(), "read.py", script, path.string());
  CHECK(out ==
        "Rapport|Tickets par service|Attente des non reçus|Guichets|Arrivées par heure|"
        "Jour par jour|Partenaire|Thème|Autonomie|Résultat|Orientation|"
        "Première visite dans un PCN|Tranche d’âge|Situation|Commune|Équipement utilisé|"
        "Ateliers collectifs\n"
        "Rapport A2 str Agence\n"
        "Rapport B2 str OPT Tadine — PCN\n"
        "Rapport B5 int 480\n"  // openpyxl reads a whole number as an int
        "Tickets par service A1 str Préfixe\n"
        "Tickets par service D2 int 6\n"
        "Tickets par service M2 int 10\n"
        "Tickets par service J3 NoneType \n"
        "Guichets F2 float 12.5\n"
        "Tranche d’âge C4 str < 5\n"
        "Tranche d’âge D4 NoneType \n"
        "Tranche d’âge C2 int 0\n"
        "Tranche d’âge B8 str non renseigné\n"
        "Partenaire D2 int 100\n"
        "0.0 0.00\n"
        "A2\n");
}

TEST_CASE("report::write_xlsx says in French when the file cannot be written") {
  auto tables = report::data_tables(small_day(), kAgency);
  auto failed = report::write_xlsx("/nonexistent-folder/rapport.xlsx", tables);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().code == "io_error");
  CHECK(failed.error().message.find("Le classeur « /nonexistent-folder/rapport.xlsx » n’a pas "
                                    "pu être écrit : ") == 0);
}
