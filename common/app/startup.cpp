#include "app/startup.h"

#include <csignal>
#include <cstdio>

#include "net/allow_list.h"
#include "net/key_files.h"
#include "net/keygen.h"
#include "text/catalog.h"

namespace pcn::app {

namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int) { g_stop = true; }

}  // namespace

util::Result<config::AgencyConfig> load_config(const std::filesystem::path& file,
                                               const std::filesystem::path& default_base) {
  if (!file.empty()) return config::load_agency_config(file);
  return config::parse_agency_config(config::default_config_text(), "(configuration par défaut)",
                                     default_base);
}

util::Result<hub::HubOptions> hub_options(const config::AgencyConfig& config, bool plaintext) {
  hub::HubOptions o;
  o.agency = {config.id, config.name};
  o.rules = config.rules();
  o.request_bind = config.network.request_bind();
  o.event_bind = config.network.event_bind();
  o.plaintext = plaintext;
  if (plaintext) return o;
  auto key = net::read_key_file(net::secret_key_path(config.keys.folder, "hub"));
  if (!key.ok()) return key.error();
  o.hub_key = *key;
  auto allowed = net::AllowList::load(net::allowed_folder(config.keys.folder));
  if (!allowed.ok()) return allowed.error();
  o.allow_list = std::move(*allowed);
  if (config.central) {  // shipping needs CURVE: never in plaintext
    auto shipping =
        net::read_key_file(net::secret_key_path(config.keys.folder, config.central->key));
    if (!shipping.ok()) return shipping.error();
    hub::ShipperOptions central;
    central.endpoint = config.central->endpoint;
    central.central_public = config.central->public_key;
    central.key = *shipping;
    central.agency = config.id;
    central.name = config.name;
    central.time_zone = config.zone.name();
    central.database = config.database();
    central.profile =
        protocol::AgencyProfile{config.services, config.counters, config.hours, config.outcomes};
    auto follow = follow_key(*shipping);
    if (!follow.ok()) return follow.error();
    central.follow_key = protocol::follow_key_hex(*follow);
    if (!config.central->follow_base.empty()) {
      o.follow = protocol::FollowLink{config.central->follow_base, *follow};
    }
    o.central = std::move(central);
  }
  return o;
}

util::Result<protocol::FollowKey> follow_key(const net::KeyPair& shipping) {
  auto secret = net::decode_z85_key(shipping.secret_key);
  if (!secret) return util::make_error("bad_key", text::follow_key_missing(shipping.name));
  return protocol::follow_key_of(*secret);
}

util::Result<std::optional<protocol::FollowLink>> follow_link(const config::AgencyConfig& config,
                                                              bool plaintext) {
  if (plaintext || !config.central || config.central->follow_base.empty()) {
    return std::optional<protocol::FollowLink>();
  }
  auto shipping = net::read_key_file(net::secret_key_path(config.keys.folder, config.central->key));
  if (!shipping.ok()) return shipping.error();
  auto key = follow_key(*shipping);
  if (!key.ok()) return key.error();
  return std::optional<protocol::FollowLink>(
      protocol::FollowLink{config.central->follow_base, *key});
}

util::Result<client::ClientOptions> client_options(const config::AgencyConfig& config,
                                                   const std::string& key_name, bool plaintext) {
  client::ClientOptions o;
  o.name = key_name;
  o.request_endpoint = config.network.request_endpoint();
  o.event_endpoint = config.network.event_endpoint();
  o.plaintext = plaintext;
  if (plaintext) return o;
  auto key = net::read_key_file(net::secret_key_path(config.keys.folder, key_name));
  if (!key.ok()) return key.error();
  o.key = *key;
  auto hub_key = net::read_key_file(net::public_key_path(config.keys.folder, "hub"));
  if (!hub_key.ok()) return hub_key.error();
  o.hub_public = hub_key->public_key;
  return o;
}

util::Result<std::unique_ptr<client::Client>> connect_live(client::ClientOptions options,
                                                           std::chrono::milliseconds timeout) {
  options.follow = true;
  std::string endpoint = options.request_endpoint;
  auto client = client::Client::connect(std::move(options));
  if (!client.ok()) return client.error();
  if (!(*client)->wait_live(timeout)) {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
    return util::make_error("unreachable",
                            text::client_hub_unreachable(endpoint, int(seconds.count())));
  }
  return client;
}

util::Result<WindowSize> parse_window_size(const std::string& text) {
  WindowSize size;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%ux%u%c", &size.width, &size.height, &tail) != 2 ||
      size.width < 320 || size.height < 240 || size.width > 7680 || size.height > 4320) {
    return util::make_error("bad_window", text::bad_window_size(text));
  }
  return size;
}

const std::atomic<bool>& stop_on_signals() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  return g_stop;
}

}  // namespace pcn::app
