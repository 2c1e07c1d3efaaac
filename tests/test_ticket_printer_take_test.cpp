// `ticket-printer take --test [SERVICE]`: a test ticket taken from a real hub outside opening
// hours and printed by the file back-end (a PDF read back with pdftotext), the test slip's
// content, a printer that fails (exit 3), and the whole command line.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "printing/file_printer.h"
#include "protocol/codec.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "test_slip_helpers.h"
#include "ticket-printer/command_line.h"
#include "ticket-printer/test_ticket_command.h"

using namespace pcn;
using namespace std::chrono_literals;
using Json = protocol::Json;

namespace {

const auto kEvening = testing::noumea_time(2026, 11, 23, 19, 45);  // the agency closed at 15:30

/// The PDF files in `folder`.
std::vector<std::filesystem::path> pdfs_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::exists(folder)) return out;
  for (const auto& e : std::filesystem::directory_iterator(folder)) {
    if (e.path().extension() == ".pdf") out.push_back(e.path());
  }
  return out;
}

std::string pdf_text(const std::filesystem::path& pdf) {
  auto text = slip::testing::run_command("pdftotext -enc UTF-8 " + pdf.string() + " -");
  REQUIRE(text.exit_code == 0);
  return text.out;
}

ticket_printer::KioskSettings settings() {
  ticket_printer::KioskSettings s;
  s.hours = testing::test_rules().hours;
  s.slip_message = "Un conseiller vous accompagne";
  return s;
}

/// Replaces std::cout and std::cerr while alive, keeping what was written.
class Captured {
 public:
  Captured() : out_old_(std::cout.rdbuf(out_.rdbuf())), err_old_(std::cerr.rdbuf(err_.rdbuf())) {}
  ~Captured() {
    std::cout.rdbuf(out_old_);
    std::cerr.rdbuf(err_old_);
  }
  Captured(const Captured&) = delete;
  Captured& operator=(const Captured&) = delete;
  std::string out() const { return out_.str(); }
  std::string err() const { return err_.str(); }

 private:
  std::ostringstream out_, err_;
  std::streambuf* out_old_;
  std::streambuf* err_old_;
};

std::string port_of(const std::string& endpoint) {
  return endpoint.substr(endpoint.rfind(':') + 1);
}

/// An agency file for `hub` (its services, counters, ports, keys) printing to `tickets` files.
std::string write_config(const testing::TestHub& hub, const std::filesystem::path& tickets) {
  const auto rules = testing::test_rules();
  auto options = hub.client_options("kiosk");
  auto file = hub.dir() / "agence.toml";
  std::ofstream f(file);
  f << "[agency]\nid = \"test\"\nname = \"OPT Test\"\ntimezone = \"Pacific/Noumea\"\n";
  for (const auto& s : rules.services) {
    f << "[[services]]\nprefix = \"" << s.prefix << "\"\ncode = \"" << s.code
      << "\"\nlabel = \"" << s.label << "\"\ncolour = \"" << s.colour
      << "\"\ntypical_minutes = 10\n";
  }
  for (const auto& c : rules.counters) {
    f << "[[counters]]\nnumber = " << c.number << "\nlabel = \"" << c.label << "\"\nservices = [";
    for (std::size_t i = 0; i < c.services.size(); ++i) {
      f << (i ? ", " : "") << '"' << c.services[i] << '"';
    }
    f << "]\n";
  }
  f << "[network]\nhub = \"127.0.0.1\"\nrequest_port = " << port_of(options.request_endpoint)
    << "\nevent_port = " << port_of(options.event_endpoint) << "\n";
  f << "[keys]\nfolder = \"" << (hub.dir() / "keys").string() << "\"\n";
  f << "[data]\nfolder = \"" << (hub.dir() / "data").string() << "\"\n";
  f << "[printer]\nbackend = \"file\"\npaper_mm = 58\nfolder = \"" << tickets.string() << "\"\n";
  return file.string();
}

int hub_seq(testing::TestHub& hub) {
  auto hello = hub.client("display", false)->request("hello");
  REQUIRE(hello.ok());
  return (*hello)["seq"].get<int>();
}

}  // namespace

TEST_CASE("ticket_printer::take_test_ticket prints ESSAI outside opening hours, files a PDF") {
  testing::TestHub hub;
  hub.start();
  hub.clock().set(kEvening);
  auto kiosk = hub.client("kiosk");
  REQUIRE(kiosk->wait_live(5s));
  const auto folder = hub.dir() / "tickets";
  printing::FilePrinter printer(folder, util::TimeZone::noumea());

  std::ostringstream out, err;
  int code = ticket_printer::take_test_ticket('N', false, *kiosk, printer, settings(), out, err);
  CHECK(code == 0);
  CHECK(out.str() == "Ticket d’essai (Identité numérique) imprimé : il ne compte pas dans la "
                     "file.\n");
  CHECK(err.str().empty());
  auto files = pdfs_in(folder);
  REQUIRE(files.size() == 1);
  const std::string text = pdf_text(files.front());
  INFO(text);
  CHECK(text.find("ESSAI") != std::string::npos);
  CHECK(text.find("TICKET D’ESSAI") != std::string::npos);
  CHECK(text.find("Identité numérique") != std::string::npos);
  CHECK(text.find("OPT Test") != std::string::npos);
  CHECK(text.find("23/11/2026 19:45") != std::string::npos);

  // One event (the test ticket), no report_print after it, no ticket in the queue.
  CHECK(hub_seq(hub) == 1);
  auto snapshot = kiosk->request("snapshot");
  REQUIRE(snapshot.ok());
  CHECK(snapshot->at("tickets").empty());
  // A real ticket is still refused at this hour.
  CHECK(kiosk->request("take_ticket", {{"service", "N"}}).error().code == "agency_closed");
}

TEST_CASE("ticket_printer::take_test_ticket exits 3 when the printer fails, 1 when refused") {
  testing::TestHub hub;
  hub.start();
  hub.clock().set(kEvening);
  auto kiosk = hub.client("kiosk", false);  // not following: labels fall back to letters
  // A file printer whose folder cannot be made (a plain file is in the way) fails every print.
  std::ofstream(hub.dir() / "blocked") << "not a folder";
  printing::FilePrinter printer(hub.dir() / "blocked" / "tickets", util::TimeZone::noumea());
  std::ostringstream out, err;
  int code = ticket_printer::take_test_ticket(std::nullopt, true, *kiosk, printer, settings(), out,
                                              err);
  CHECK(code == 3);
  CHECK(out.str().empty());
  CHECK(err.str().find("ticket-printer : Ticket d’essai NON imprimé : ") == 0);
  CHECK(hub_seq(hub) == 1);  // issued, and no report_print for a test ticket

  std::ostringstream out2, err2;
  code = ticket_printer::take_test_ticket('Z', false, *kiosk, printer, settings(), out2, err2);
  CHECK(code == 1);
  CHECK(err2.str() == "ticket-printer : Service inconnu : « Z ».\n");
  CHECK(hub_seq(hub) == 1);
}

TEST_CASE("ticket_printer::test_slip is marked as a test and refuses a real ticket") {
  client::QueueState state;
  state.agency = {"bourail", "OPT Bourail", "Pacific/Noumea"};
  state.services = testing::test_rules().services;
  const auto at = testing::noumea_time(2026, 11, 23, 18, 30);
  Json result{{"ticket", protocol::encode_test_ticket('C', true, {2026, 11, 23}, at)},
              {"ahead", 0},
              {"estimated_wait_minutes", nullptr},
              {"test", true},
              {"seq", 5}};
  auto s = ticket_printer::test_slip(result, state, settings());
  REQUIRE_MESSAGE(s.ok(), s.error().to_string());
  CHECK(s->test);
  CHECK_FALSE(s->duplicate);
  CHECK(s->label == "ESSAI");
  CHECK(s->service_label == "CAFAT");
  CHECK(s->priority);
  CHECK(s->agency_name == "OPT Bourail");
  CHECK(s->issued_at == "23/11/2026 18:30");
  CHECK(s->qr_payload == "pcn-queue:bourail:2026-11-23:ESSAI:0");

  queue::Ticket real;
  real.id = 7;
  real.number = 7;
  real.day = {2026, 11, 23};
  result["ticket"] = protocol::encode(real);
  auto refused = ticket_printer::test_slip(result, state, settings());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "bad_request");
}

TEST_CASE("ticket-printer take --test [SERVICE] --config F prints a test slip at any hour") {
  testing::TestHub hub;
  hub.start();
  hub.clock().set(kEvening);
  const auto folder = hub.dir() / "slips";
  const std::string config = write_config(hub, folder);
  auto command_line = [](std::vector<std::string> args, std::string* out, std::string* err) {
    args.insert(args.begin(), "ticket-printer");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    Captured captured;
    int code = ticket_printer::run_command_line(int(argv.size()), argv.data());
    *out = captured.out();
    *err = captured.err();
    return code;
  };
  std::string out, err;
  CHECK(command_line({"take", "--test", "--config", config}, &out, &err) == 0);
  CHECK(out == "Ticket d’essai (CAFAT) imprimé : il ne compte pas dans la file.\n");
  CHECK(command_line({"take", "--test", "f", "--config", config}, &out, &err) == 0);
  CHECK(out.find("Factures") != std::string::npos);
  auto files = pdfs_in(folder);
  REQUIRE(files.size() >= 1);  // both may share a file name within the same second
  for (const auto& pdf : files) CHECK(pdf_text(pdf).find("TICKET D’ESSAI") != std::string::npos);

  // Without --test, SERVICE is still required, and a real ticket is refused at this hour.
  CHECK(command_line({"take", "--config", config}, &out, &err) == 2);
  CHECK(command_line({"take", "C", "--config", config}, &out, &err) == 1);
  CHECK(hub_seq(hub) == 2);  // two test tickets, nothing else
  auto snapshot = hub.client("display", false)->request("snapshot");
  REQUIRE(snapshot.ok());
  CHECK(snapshot->at("tickets").empty());
}
