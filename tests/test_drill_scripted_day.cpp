// Drill: a day at the agency played by the three real programs as processes under Xvfb. The hub
// runs inside the kiosk's window (`ticket-printer --window`, slips to the `file` printer), the
// wall display and an agent's console have their windows open, visitors take tickets with
// `ticket-printer take`, agents act with `agent-console --counter N ACTION`; at the end the
// supervisor's `agent-console report --csv` must count exactly what the script did.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "app/startup.h"
#include "protocol/codec.h"
#include "support/drill_agency.h"
#include "support/drill_wait.h"
#include "text/catalog.h"

using namespace pcn;
using namespace pcn::testing;
using namespace std::chrono_literals;

namespace {

/// One CSV table of the report: its column titles and its rows by first field.
struct CsvTable {
  std::vector<std::string> columns;
  std::map<std::string, std::vector<std::string>> rows;

  /// The field of row `key` under column `title`, as an int (-1 when missing).
  int count(const std::string& key, const std::string& title) const {
    auto row = rows.find(key);
    for (std::size_t i = 0; row != rows.end() && i < columns.size(); ++i) {
      if (columns[i] == title && i < row->second.size()) return std::stoi(row->second[i]);
    }
    return -1;
  }
};

/// Splits one CSV record (our report quotes no field that these checks read).
std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string f; std::getline(in, f, ';');) fields.push_back(f);
  return fields;
}

/// One of the report's CSV files (report/report_csv.h: a byte-order mark, the column titles,
/// then one line per row; fields separated by ';', lines ended by CRLF).
CsvTable csv_table(const std::string& csv) {
  CsvTable table;
  std::istringstream in(csv.rfind("\xEF\xBB\xBF", 0) == 0 ? csv.substr(3) : csv);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (table.columns.empty()) {
      table.columns = fields_of(line);
    } else {
      auto fields = fields_of(line);
      table.rows[fields.at(0)] = fields;
    }
  }
  return table;
}

/// The day's script, run against the agency's programs.
class Script {
 public:
  explicit Script(const DrillAgency& agency) : agency_(agency) {}

  /// A visitor takes a ticket at the kiosk; returns the label printed.
  std::string visitor(const std::string& service, bool priority = false) {
    std::vector<std::string> args{"take", service, "--config", agency_.config().string()};
    if (priority) args.push_back("--priority");
    Finished f = agency_.run(agency_.programs().ticket_printer, args, name("take"));
    INFO(f.err);
    REQUIRE(f.exit_code == 0);
    auto start = f.out.find("Ticket ");
    REQUIRE(start != std::string::npos);
    std::string label = f.out.substr(start + 7, f.out.find(' ', start + 7) - start - 7);
    taken_.push_back(label);
    return label;
  }

  /// An agent at `counter` does `words`; returns the JSON the console printed.
  protocol::Json agent(int counter, std::vector<std::string> words, int expected_exit = 0) {
    std::vector<std::string> args{"--config", agency_.config().string(), "--counter",
                                  std::to_string(counter), "--json"};
    args.insert(args.end(), words.begin(), words.end());
    Finished f = agency_.run(agency_.programs().agent_console, args, name(words.at(0)));
    INFO(words.at(0) << " at counter " << counter << ": " << f.out << f.err);
    REQUIRE(f.exit_code == expected_exit);
    return protocol::Json::parse(f.out);
  }

  /// The agent's action, whose reply must name the ticket `label` in `state`.
  void expect(int counter, std::vector<std::string> words, const std::string& label,
              const std::string& state) {
    protocol::Json reply = agent(counter, words);
    CAPTURE(words.at(0));
    CHECK(reply.at("ok") == true);
    CHECK(reply.at("ticket").at("label") == label);
    CHECK(reply.at("ticket").at("state") == state);
  }

  const std::vector<std::string>& taken() const { return taken_; }

 private:
  std::string name(const std::string& what) { return what + "-" + std::to_string(++runs_); }

  const DrillAgency& agency_;
  std::vector<std::string> taken_;
  int runs_ = 0;
};

/// The slips the `file` printer wrote: one PDF per label (…-<label>.pdf).
int slips_for(const std::filesystem::path& folder, const std::string& label) {
  int n = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string file = entry.path().filename().string();
    const std::string tail = "-" + label + ".pdf";
    n += file.size() > tail.size() && file.compare(file.size() - tail.size(), tail.size(), tail) == 0;
  }
  return n;
}

}  // namespace

TEST_CASE("drill: a scripted day played by the kiosk, the display and the consoles as processes "
          "gives a report that counts what was done") {
  DrillAgency agency(drill_programs(), "pcn-drill-day");
  const std::string config = agency.config().string();
  auto kiosk = agency.spawn(agency.programs().ticket_printer,
                            {"--config", config, "--window", "1280x720"}, "kiosk");
  REQUIRE(kiosk->wait_for_err(kHubStartedLine, 15s));
  auto display = agency.spawn(agency.programs().display,
                              {"--config", config, "--window", "1280x720", "--no-sound"},
                              "display");
  auto console = agency.spawn(agency.programs().agent_console,
                              {"--config", config, "--counter", "3", "--agent", "Lucie",
                               "--window", "1280x720"},
                              "console");

  Script day(agency);
  CHECK(day.visitor("C") == "C-001");
  CHECK(day.visitor("F") == "F-001");
  CHECK(day.visitor("N") == "N-001");
  CHECK(day.visitor("C") == "C-002");
  CHECK(day.visitor("F") == "F-002");
  CHECK(day.visitor("N") == "N-002");
  CHECK(day.visitor("C") == "C-003");
  CHECK(day.visitor("F", true) == "F-003");

  day.expect(1, {"call-next"}, "F-003", "called");  // priority first
  day.expect(1, {"finish"}, "F-003", "done");
  day.expect(1, {"call-next"}, "C-001", "called");
  day.expect(1, {"recall"}, "C-001", "called");
  day.expect(1, {"finish"}, "C-001", "done");
  day.expect(2, {"call-next"}, "F-001", "called");
  day.expect(2, {"no-show"}, "F-001", "waiting");  // back to the end of its line, once
  day.expect(3, {"call-next"}, "N-001", "called");  // counter 3 serves N only
  day.expect(3, {"finish"}, "N-001", "done");
  day.expect(2, {"call-next"}, "C-002", "called");
  day.expect(2, {"transfer", "N"}, "C-002", "waiting");  // placed by its arrival: before N-002
  day.expect(3, {"call-next"}, "C-002", "called");
  day.expect(3, {"finish"}, "C-002", "done");
  day.expect(1, {"call-next"}, "F-002", "called");
  day.expect(1, {"no-show"}, "F-002", "waiting");
  day.expect(2, {"call-next"}, "N-002", "called");
  day.expect(2, {"finish"}, "N-002", "done");
  day.expect(1, {"call-next"}, "C-003", "called");
  day.expect(1, {"finish"}, "C-003", "done");
  day.expect(2, {"call-next"}, "F-001", "called");
  day.expect(2, {"no-show"}, "F-001", "absent");  // its second no-show: closed
  day.expect(1, {"call", "F-002"}, "F-002", "called");
  day.expect(1, {"recall"}, "F-002", "called");
  day.expect(1, {"finish"}, "F-002", "done");
  CHECK(day.visitor("N") == "N-003");
  CHECK(day.visitor("C") == "C-004");
  CHECK(day.agent(2, {"pause"}).at("ok") == true);
  protocol::Json refused = day.agent(2, {"call-next"}, 1);  // a paused counter calls nobody
  CHECK(refused.at("error").at("code") == "counter_paused");
  CHECK(day.agent(2, {"resume"}).at("ok") == true);
  CHECK(day.agent(2, {"transfer", "C"}, 1).at("error").at("code") == "no_ticket_at_counter");

  // The manager closes the day (no program has a command for it: the protocol's close_day).
  auto manager = app::connect_live(agency.client_options("supervisor"), 10s);
  REQUIRE(manager.ok());
  // The console's window opened counter 3 in Lucie's name.
  auto agent_at_3 = [&] {
    (*manager)->pump(20ms);
    auto c = (*manager)->state().counters.find(3);
    return c != (*manager)->state().counters.end() && c->second.agent == "Lucie";
  };
  CHECK(wait_until(agent_at_3, 10s));
  auto closed = (*manager)->request("close_day");
  REQUIRE(closed.ok());
  CHECK(closed->at("closed") == 2);  // N-003 and C-004 were still waiting

  const auto csv_file = agency.dir() / "rapport.csv";
  Finished report = agency.run(agency.programs().agent_console,
                               {"--config", config, "report", "--csv", csv_file.string()},
                               "report");
  INFO(report.out << report.err);
  REQUIRE(report.exit_code == 0);
  CHECK(report.out.find("Identité numérique") != std::string::npos);
  // One file per table, named after the prefix given (report_command.h, csv_paths).
  const CsvTable services =
      csv_table(read_text(agency.dir() / "rapport-tickets-par-service.csv"));
  const CsvTable counters = csv_table(read_text(agency.dir() / "rapport-guichets.csv"));
  REQUIRE(services.columns.size() > 2);
  REQUIRE(counters.columns.size() > 2);
  struct Expected {
    std::string key;
    int tickets, served, no_show, not_served, open, transferred;
  };
  // A ticket counts for the service it ended in: C-002 was transferred to N.
  for (const Expected& e : {Expected{"C", 3, 2, 0, 1, 0, 0}, Expected{"F", 3, 2, 1, 0, 0, 0},
                            Expected{"N", 4, 3, 0, 1, 0, 1}, Expected{"*", 10, 7, 1, 2, 0, 1}}) {
    CAPTURE(e.key);
    CHECK(services.count(e.key, text::report_col_tickets()) == e.tickets);
    CHECK(services.count(e.key, text::report_col_served()) == e.served);
    CHECK(services.count(e.key, text::report_col_no_show()) == e.no_show);
    CHECK(services.count(e.key, text::report_col_not_served()) == e.not_served);
    CHECK(services.count(e.key, text::report_col_open()) == e.open);
    CHECK(services.count(e.key, text::report_csv_transferred()) == e.transferred);
  }
  CHECK(services.count("F", text::report_csv_priority()) == 1);
  CHECK(services.count("*", text::report_csv_priority()) == 1);
  for (const auto& [number, served, no_show] : {std::tuple{"1", 4, 0}, {"2", 1, 1}, {"3", 2, 0}}) {
    CAPTURE(number);
    CHECK(counters.count(number, text::report_col_served()) == served);
    CHECK(counters.count(number, text::report_col_no_show()) == no_show);
  }

  // Every visitor's slip was printed (the `file` printer's folder).
  REQUIRE(day.taken().size() == 10);
  for (const std::string& label : day.taken()) {
    CAPTURE(label);
    CHECK(slips_for(agency.tickets(), label) == 1);
  }
  // The windows stayed up all day, and close cleanly.
  INFO(kiosk->err() << display->err() << console->err());
  CHECK(kiosk->running());
  CHECK(display->running());
  CHECK(console->running());
  CHECK(console->stop() == 0);
  CHECK(display->stop() == 0);
  CHECK(kiosk->stop() == 0);
}
