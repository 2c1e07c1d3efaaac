#include "app/display_check.h"

#include <cstdlib>
#include <filesystem>
#include <string>

#include "text/catalog.h"

namespace pcn::app {

util::Status require_display() {
  const char* set = std::getenv("DISPLAY");
  const std::string display = set ? set : "";
  if (display.empty()) return util::make_error("no_display", text::no_display(""));
  const auto colon = display.rfind(':');
  if (colon == std::string::npos) return util::make_error("no_display", text::no_display(display));
  const std::string host = display.substr(0, colon);
  if (!host.empty() && host != "unix" && host != "localhost") return util::Status::success();
  if (host == "localhost") return util::Status::success();  // over TCP: taken on trust
  const std::string number = display.substr(colon + 1, display.find('.', colon) - colon - 1);
  std::error_code ec;
  if (number.empty() || !std::filesystem::exists("/tmp/.X11-unix/X" + number, ec)) {
    return util::make_error("no_display", text::no_display(display));
  }
  return util::Status::success();
}

}  // namespace pcn::app
