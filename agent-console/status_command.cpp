#include "agent-console/status_command.h"

#include "agent-console/status_report.h"
#include "app/startup.h"
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
  auto client = app::connect_live(std::move(options), timeout);
  if (!client.ok()) return fail(err, client.error().message);
  out << status_report((*client)->state(), (*client)->central_link(), (*client)->hub_time())
      << std::flush;
  return 0;
}

}  // namespace pcn::agent_console
