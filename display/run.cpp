#include "display/run.h"

#include "app/startup.h"
#include "display/board_lines.h"
#include "display/text_board.h"
#include "text/catalog.h"

namespace pcn::display {

namespace {

int fail(std::ostream& err, const std::string& message) {
  err << "display : " << message << std::endl;
  return 1;
}

}  // namespace

int follow(client::ClientOptions options, const util::TimeZone& zone, std::ostream& out,
           std::ostream& err, const std::atomic<bool>& stop) {
  options.follow = true;
  auto client = client::Client::connect(std::move(options));
  if (!client.ok()) return fail(err, client.error().message);
  TextBoard board(**client, zone, out);
  while (!stop) (*client)->pump(std::chrono::milliseconds(200));
  return 0;
}

int print_once(client::ClientOptions options, std::ostream& out, std::ostream& err,
               std::chrono::milliseconds timeout) {
  auto client = app::connect_live(std::move(options), timeout);
  if (!client.ok()) return fail(err, client.error().message);
  out << waiting_summary((*client)->state()) << std::endl;
  return 0;
}

}  // namespace pcn::display
