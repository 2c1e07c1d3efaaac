#include "agent-console/console_choice.h"

#include <toml++/toml.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "text/catalog.h"

namespace pcn::agent_console {

namespace fs = std::filesystem;

namespace {

util::Error bad_file(const fs::path& file, const std::string& detail) {
  return util::make_error("bad_choice_file", text::console_choice_unreadable(file.string(), detail));
}

util::Error unwritable(const fs::path& file, const std::string& detail) {
  return util::make_error("io_error", text::console_choice_unwritable(file.string(), detail));
}

util::Result<ConsoleChoice> read(const toml::table& t, const fs::path& file) {
  std::optional<std::int64_t> counter = t["counter"].value<std::int64_t>();
  std::optional<std::string> agent = t["agent"].value<std::string>();
  if (!counter || *counter < 1 || *counter > 99) return bad_file(file, "counter");
  if (!agent) return bad_file(file, "agent");
  return ConsoleChoice{static_cast<queue::CounterNumber>(*counter), *agent};
}

}  // namespace

std::string host_name() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') return "poste";
  std::string host(name.data());
  for (char& c : host) {  // a file name on any file system
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.';
    if (!plain) c = '_';
  }
  return host;
}

fs::path choice_file(const fs::path& data_folder, const std::string& host) {
  return data_folder / ("console-" + host + ".toml");
}

util::Result<std::optional<ConsoleChoice>> load_choice(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::optional<ConsoleChoice>();
  std::ifstream in(file);
  if (!in) return bad_file(file, std::strerror(errno));
  std::stringstream text;
  text << in.rdbuf();
  try {
    toml::table t = toml::parse(text.str(), file.string());
    auto choice = read(t, file);
    if (!choice.ok()) return choice.error();
    return std::optional<ConsoleChoice>(*choice);
  } catch (const toml::parse_error& e) {
    return bad_file(file, std::string(e.description()));
  }
}

util::Status save_choice(const fs::path& file, const ConsoleChoice& choice) {
  std::error_code ec;
  if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
  if (ec) return unwritable(file, ec.message());
  toml::table t{{"counter", static_cast<std::int64_t>(choice.counter)}, {"agent", choice.agent}};
  fs::path temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "# " << text::console_choice_file_comment() << "\n" << t << "\n";
    out.flush();
    if (!out) return unwritable(file, std::strerror(errno));
  }
  fs::rename(temporary, file, ec);
  if (ec) return unwritable(file, ec.message());
  return util::Status::success();
}

}  // namespace pcn::agent_console
