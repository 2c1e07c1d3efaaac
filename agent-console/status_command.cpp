#include "agent-console/status_command.h"

#include "agent-console/status_report.h"
#include "text/catalog.h"

namespace pcn::agent_console {

namespace {

int fail(std::ostream& err, const std::string& message) {
  err << "agent-console : " << message << std::endl;
  return 1;
}

}  // namespace

int run_status(client::ClientOptions options, std::ostream& out, std::ostream& err,
               std::chrono::milliseconds timeout) {
  options.follow = true;
  std::string endpoint = options.request_endpoint;
  auto client = client::Client::connect(std::move(options));
  if (!client.ok()) return fail(err, client.error().message);
  if (!(*client)->wait_live(timeout)) {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
    return fail(err, text::client_hub_unreachable(endpoint, static_cast<int>(seconds.count())));
  }
  out << status_report((*client)->state()) << std::flush;
  return 0;
}

}  // namespace pcn::agent_console
