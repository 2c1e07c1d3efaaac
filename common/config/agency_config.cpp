#include "config/agency_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "config/outcome_section.h"
#include "config/queue_sections.h"
#include "net/curve_keys.h"
#include "config/table_reader.h"

namespace pcn::config {

namespace fs = std::filesystem;

namespace {

std::string tcp(const std::string& host, int port) {
  return "tcp://" + host + ":" + std::to_string(port);
}


util::Status read_agency(const TableReader& root, AgencyConfig& config) {
  if (!root.has("agency")) return root.error("agency", text::config_missing_table("[agency]"));
  auto section = root.section("agency");
  if (!section.ok()) return section.error();
  const TableReader& t = *section;
  PCN_TRY(t.allow_only({"id", "name", "timezone"}));
  PCN_TRY(assign(t.text("id"), config.id));
  PCN_TRY(assign(t.text("name"), config.name));
  std::string zone;
  PCN_TRY(assign(t.text_or("timezone", config.zone.name()), zone));
  auto found = util::TimeZone::find(zone);
  if (!found.ok()) return t.error("timezone", text::config_bad_time_zone(zone));
  config.zone = found.value();
  return util::Status::success();
}

util::Result<NetworkConfig> read_network(const TableReader& root) {
  auto section = root.section("network");
  if (!section.ok()) return section.error();
  const TableReader& t = *section;
  PCN_TRY(t.allow_only({"hub", "bind", "request_port", "event_port"}));
  NetworkConfig net;
  if (t.has("hub")) PCN_TRY(assign(t.text("hub"), net.hub_host));
  if (t.has("bind")) PCN_TRY(assign(t.text("bind"), net.bind));
  PCN_TRY(assign(t.integer_or("request_port", net.request_port, {1, 65535}), net.request_port));
  PCN_TRY(assign(t.integer_or("event_port", net.event_port, {1, 65535}), net.event_port));
  if (net.request_port == net.event_port) {
    return t.error("event_port", text::config_same_ports(net.event_port));
  }
  return net;
}

/// Whether `url` may start a slip's link: http:// or https://, something after it, no space or
/// control character, at most kMaxFollowBaseBytes.
bool is_follow_base(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  const std::size_t host = url.find("//") + 2;
  return scheme && url.size() > host && url.size() <= kMaxFollowBaseBytes &&
         std::none_of(url.begin(), url.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
}

util::Result<std::optional<CentralConfig>> read_central(const TableReader& root,
                                                      const std::string& agency) {
  if (!root.has("central")) return std::optional<CentralConfig>();
  auto section = root.section("central");
  if (!section.ok()) return section.error();
  const TableReader& t = *section;
  PCN_TRY(t.allow_only({"endpoint", "public_key", "key", "suivi"}));
  CentralConfig c;
  PCN_TRY(assign(t.text("endpoint"), c.endpoint));
  if (c.endpoint.rfind("tcp://", 0) != 0 || c.endpoint.find(':', 6) == std::string::npos) {
    return t.error("endpoint", text::config_bad_central_endpoint(c.endpoint));
  }
  PCN_TRY(assign(t.text("public_key"), c.public_key));
  if (!net::decode_z85_key(c.public_key)) {
    return t.error("public_key", text::config_bad_central_key());
  }
  PCN_TRY(assign(t.text_or("key", agency), c.key));
  PCN_TRY(assign(t.text_or("suivi", c.follow_base), c.follow_base));
  if (!c.follow_base.empty() && !is_follow_base(c.follow_base)) {
    return t.error("suivi", text::config_bad_follow_base(c.follow_base, kMaxFollowBaseBytes));
  }
  return std::optional<CentralConfig>(std::move(c));
}

/// The `folder` key of section `name` (default `fallback`), resolved against `base`.
util::Result<fs::path> read_folder(const TableReader& root, std::string_view name,
                                   const std::string& fallback, const fs::path& base) {
  auto section = root.section(name);
  if (!section.ok()) return section.error();
  const TableReader& t = *section;
  PCN_TRY(t.allow_only({"folder"}));
  std::string folder = fallback;
  if (t.has("folder")) PCN_TRY(assign(t.text("folder"), folder));
  return resolve_folder(base, folder);
}

util::Result<PrinterConfig> read_printer(const TableReader& root, const fs::path& base) {
  auto section = root.section("printer");
  if (!section.ok()) return section.error();
  const TableReader& t = *section;
  PCN_TRY(t.allow_only(
      {"backend", "queue", "paper_mm", "folder", "message", "qr", "timeout_seconds", "staff_pin"}));
  PrinterConfig p;
  PCN_TRY(assign(t.text_or("backend", p.backend), p.backend));
  if (p.backend != "cups" && p.backend != "escpos" && p.backend != "file") {
    return t.error("backend", text::config_not_one_of(p.backend, "cups, escpos, file"));
  }
  PCN_TRY(assign(t.text_or("queue", p.queue), p.queue));
  if (p.backend != "file" && p.queue.empty()) {
    return t.error("queue", text::config_printer_needs_queue(p.backend));
  }
  PCN_TRY(assign(t.integer_or("paper_mm", p.paper_mm, {58, 80}), p.paper_mm));
  if (p.paper_mm != 58 && p.paper_mm != 80) {
    return t.error("paper_mm", text::config_not_one_of(std::to_string(p.paper_mm), "58, 80"));
  }
  std::string folder = "tickets";
  if (t.has("folder")) PCN_TRY(assign(t.text("folder"), folder));
  p.folder = resolve_folder(base, folder);
  PCN_TRY(assign(t.text_or("message", p.message), p.message));
  PCN_TRY(assign(t.boolean_or("qr", p.qr), p.qr));
  PCN_TRY(assign(t.integer_or("timeout_seconds", p.timeout_seconds, {1, 300}),
                 p.timeout_seconds));
  PCN_TRY(assign(t.text_or("staff_pin", p.staff_pin), p.staff_pin));
  bool digits = std::all_of(p.staff_pin.begin(), p.staff_pin.end(),
                            [](char c) { return c >= '0' && c <= '9'; });
  if (!p.staff_pin.empty() && (!digits || p.staff_pin.size() < 4 || p.staff_pin.size() > 8)) {
    return t.error("staff_pin", text::config_bad_staff_pin());
  }
  return p;
}

util::Result<DisplayConfig> read_display(const TableReader& root) {
  auto section = root.section("display");
  if (!section.ok()) return section.error();
  const TableReader& t = *section;
  PCN_TRY(t.allow_only({"message", "voice"}));
  DisplayConfig d;
  PCN_TRY(assign(t.text_or("message", d.message), d.message));
  PCN_TRY(assign(t.boolean_or("voice", d.voice), d.voice));
  return d;
}

util::Status read_document(const TableReader& root, const fs::path& base, AgencyConfig& config) {
  PCN_TRY(root.allow_only({"agency", "hours", "services", "counters", "queue", "network", "data",
                           "keys", "printer", "display", "outcome", "central"}));
  PCN_TRY(read_agency(root, config));
  PCN_TRY(assign(read_hours(root), config.hours));
  PCN_TRY(assign(read_services(root), config.services));
  PCN_TRY(assign(read_counters(root, config.services), config.counters));
  PCN_TRY(assign(read_policy(root), config.policy));
  PCN_TRY(assign(read_network(root), config.network));
  PCN_TRY(assign(read_folder(root, "data", "data", base), config.data_folder));
  PCN_TRY(assign(read_folder(root, "keys", "keys", base), config.keys.folder));
  PCN_TRY(assign(read_printer(root, base), config.printer));
  PCN_TRY(assign(read_display(root), config.display));
  PCN_TRY(assign(read_outcome_lists(root), config.outcomes));
  PCN_TRY(resolve_partners(root, config.outcomes, config.services));
  PCN_TRY(assign(read_central(root, config.id), config.central));
  return util::Status::success();
}


}  // namespace

std::string NetworkConfig::request_endpoint() const { return tcp(hub_host, request_port); }
std::string NetworkConfig::event_endpoint() const { return tcp(hub_host, event_port); }
std::string NetworkConfig::request_bind() const { return tcp(bind, request_port); }
std::string NetworkConfig::event_bind() const { return tcp(bind, event_port); }

queue::AgencyRules AgencyConfig::rules() const {
  return queue::AgencyRules{services, counters, policy, hours, zone, outcomes};
}

fs::path AgencyConfig::database() const { return data_folder / "queue.sqlite"; }

util::Result<AgencyConfig> parse_agency_config(std::string_view text,
                                               const std::string& source_name,
                                               const fs::path& base_folder) {
  auto document = parse_toml(text, source_name);
  if (!document.ok()) return document.error();
  AgencyConfig config;
  PCN_TRY(read_document(TableReader(*document, "", source_name), base_folder, config));
  return config;
}

util::Result<AgencyConfig> load_agency_config(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    return util::make_error("bad_config", text::config_file_missing(file.string()));
  }
  auto content = read_file(file);
  if (!content) {
    return util::make_error("bad_config", text::config_file_unreadable(file.string()));
  }
  fs::path base = fs::absolute(file, ec).parent_path();
  auto config = parse_agency_config(*content, file.string(), ec ? file.parent_path() : base);
  if (config.ok()) config->source = file;
  return config;
}

}  // namespace pcn::config
