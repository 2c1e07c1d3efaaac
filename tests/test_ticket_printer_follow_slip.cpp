// « Suivre mon ticket » (issue #13) on a real slip: an agency file with [central] suivi, its hub
// started from it (ticket_printer::start_hub, the shipping key read from the keys folder), a
// ticket taken with `ticket-printer take C --config F` and printed by the file back-end; the
// slip's QR code, read back from its PNG with zbarimg, is the page's address followed by a token
// that the follow key derived from the agency's key file accepts.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/startup.h"
#include "config/agency_config.h"
#include "net/key_files.h"
#include "protocol/follow_token.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "test_slip_helpers.h"
#include "ticket-printer/command_line.h"
#include "ticket-printer/hub_service.h"

using namespace pcn;

namespace {

const std::string kBase = "https://pcn-central.example.nc/suivre/";

std::string port_of(const std::string& endpoint) {
  return endpoint.substr(endpoint.rfind(':') + 1);
}

/// An agency file (always open) on the ports and keys of `hub`, printing files into `tickets`,
/// shipping to a centre that is not there, with the slips' link.
std::filesystem::path write_config(const testing::TestHub& hub,
                                   const std::filesystem::path& tickets) {
  auto options = hub.client_options("kiosk");
  auto centre = net::generate_key_pair("centre", "central");
  REQUIRE(centre.ok());
  auto file = hub.dir() / "agence.toml";
  std::ofstream f(file);
  f << "[agency]\nid = \"test\"\nname = \"OPT Test\"\ntimezone = \"Pacific/Noumea\"\n";
  for (const auto& s : testing::test_rules().services) {
    f << "[[services]]\nprefix = \"" << s.prefix << "\"\ncode = \"" << s.code << "\"\nlabel = \""
      << s.label << "\"\ncolour = \"" << s.colour << "\"\ntypical_minutes = 10\n";
  }
  f << "[[counters]]\nnumber = 1\nlabel = \"Guichet 1\"\nservices = [\"C\", \"F\", \"N\"]\n";
  f << "[network]\nhub = \"127.0.0.1\"\nbind = \"127.0.0.1\"\nrequest_port = "
    << port_of(options.request_endpoint) << "\nevent_port = " << port_of(options.event_endpoint)
    << "\n";
  f << "[keys]\nfolder = \"" << (hub.dir() / "keys").string() << "\"\n";
  f << "[data]\nfolder = \"" << (hub.dir() / "data").string() << "\"\n";
  f << "[printer]\nbackend = \"file\"\npaper_mm = 58\nfolder = \"" << tickets.string() << "\"\n";
  f << "[central]\nendpoint = \"tcp://127.0.0.1:9\"\npublic_key = \"" << centre->public_key
    << "\"\nsuivi = \"" << kBase << "\"\n";
  return file;
}

/// `ticket-printer ARGS…` in this process, its standard output and error kept.
int command_line(std::vector<std::string> args, std::string* out, std::string* err) {
  args.insert(args.begin(), "ticket-printer");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream o, e;
  auto* out_old = std::cout.rdbuf(o.rdbuf());
  auto* err_old = std::cerr.rdbuf(e.rdbuf());
  const int code = ticket_printer::run_command_line(int(argv.size()), argv.data());
  std::cout.rdbuf(out_old);
  std::cerr.rdbuf(err_old);
  *out = o.str();
  *err = e.str();
  return code;
}

std::filesystem::path only_png_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".png") found.push_back(entry.path());
  }
  REQUIRE(found.size() == 1);
  return found.front();
}

}  // namespace

TEST_CASE(
    "ticket-printer take: the slip's QR code is the follow page's address and a valid token") {
  REQUIRE_MESSAGE(slip::testing::have_program("zbarimg"),
                  "zbarimg is missing: apt-get install zbar-tools");
  testing::TestHub ports;  // its keys (hub, kiosk…) and two free ports, for the agency's own hub
  ports.start();
  ports.stop();
  auto shipping = net::generate_key_pair("test", "agency");
  REQUIRE(shipping.ok());
  REQUIRE(net::write_key_pair(*shipping, ports.dir() / "keys").ok());
  const auto tickets = ports.dir() / "tickets";
  auto config = config::load_agency_config(write_config(ports, tickets));
  REQUIRE_MESSAGE(config.ok(), (config.ok() ? "" : config.error().message));
  auto hub = ticket_printer::start_hub(*config, false);
  REQUIRE_MESSAGE(hub.ok(), (hub.ok() ? "" : hub.error().message));

  std::string out, err;
  const int code = command_line({"take", "C", "--config", config->source.string()}, &out, &err);
  INFO(out, err);
  REQUIRE(code == 0);
  CHECK(out.find("C-001") != std::string::npos);
  const auto read = slip::testing::run_command("zbarimg --raw -q " + only_png_in(tickets).string() +
                                               " 2>/dev/null");
  REQUIRE(read.exit_code == 0);
  REQUIRE(read.out.size() > kBase.size() + 1);
  const std::string url = read.out.substr(0, read.out.size() - 1);  // zbarimg's newline
  REQUIRE(url.rfind(kBase, 0) == 0);
  const std::string token = url.substr(kBase.size());

  // The follow key, derived from the shipping key's file as the centre will have it.
  auto key_file = net::read_key_file(net::secret_key_path(ports.dir() / "keys", "test"));
  REQUIRE(key_file.ok());
  auto secret = net::decode_z85_key(key_file->secret_key);
  REQUIRE(secret);
  const protocol::FollowKey key = protocol::follow_key_of(*secret);
  CHECK(protocol::follow_token_valid(key, token));
  auto named = protocol::parse_follow_token(token);
  REQUIRE(named);
  CHECK(named->agency == "test");
  auto snapshot = ports.client("supervisor", false)->request("snapshot");
  REQUIRE(snapshot.ok());
  REQUIRE(snapshot->at("tickets").size() == 1);
  CHECK(named->ticket == snapshot->at("tickets")[0].at("id").get<std::int64_t>());
  CHECK(named->day.to_string() == snapshot->at("tickets")[0].at("day").get<std::string>());
  // Another key (another agency's) refuses it.
  auto other = net::generate_key_pair("kone", "agency");
  REQUIRE(other.ok());
  CHECK_FALSE(protocol::follow_token_valid(
      protocol::follow_key_of(*net::decode_z85_key(other->secret_key)), token));

  // The kiosk hosting the hub makes the same addresses itself (KioskSettings::follow).
  auto link = app::follow_link(*config, false);
  REQUIRE(link.ok());
  REQUIRE(link->has_value());
  CHECK((*link)->base == kBase);
  CHECK((*link)->key == key);
  CHECK((*link)->url("test", named->day, named->ticket) == url);
  // Without --plaintext only: a plaintext agency reads no key and links nothing.
  auto plain = app::follow_link(*config, true);
  REQUIRE(plain.ok());
  CHECK_FALSE(plain->has_value());
}
