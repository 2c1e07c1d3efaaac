// Start-up steps the three programs share: finding the agency config, loading keys into client
// or hub options, and stopping cleanly on Ctrl-C / SIGTERM.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <filesystem>
#include <optional>
#include <string>

#include "client/client.h"
#include "config/agency_config.h"
#include "hub/hub.h"
#include "net/curve_keys.h"
#include "protocol/follow_link.h"
#include "util/result.h"

namespace pcn::app {

/// The config at `file`, or, when `file` is empty, the embedded default agency with its folders
/// under `default_base` (data, keys, tickets).
util::Result<config::AgencyConfig> load_config(const std::filesystem::path& file,
                                               const std::filesystem::path& default_base);

/// Hub options from the config: endpoints, rules, the hub's key (keys/hub.key) and the
/// allow-list (keys/allowed/); with [central], the shipper's (the agency's shipping key,
/// keys/<key>.key, the centre's endpoint and public key, and the follow key derived from it),
/// and with [central] suivi too, the slips' link (HubOptions::follow). With `plaintext`, no key
/// is read and nothing is shipped or linked.
util::Result<hub::HubOptions> hub_options(const config::AgencyConfig& config, bool plaintext);

/// The agency's follow key (protocol/follow_token.h), derived from its shipping pair's secret;
/// fails ("bad_key", French) when the pair has no usable secret.
util::Result<protocol::FollowKey> follow_key(const net::KeyPair& shipping);

/// What a slip's QR code links to: [central] suivi and the follow key of the agency's shipping
/// key (keys/<key>.key); nullopt with `plaintext`, or without [central] suivi. Fails when the
/// key cannot be read.
util::Result<std::optional<protocol::FollowLink>> follow_link(const config::AgencyConfig& config,
                                                              bool plaintext);

/// Client options for the key pair `key_name` (keys/<key_name>.key) and the hub's public key
/// (keys/hub.pub). With `plaintext`, no key is read.
util::Result<client::ClientOptions> client_options(const config::AgencyConfig& config,
                                                   const std::string& key_name, bool plaintext);

/// A following client whose state is live, or the reason it is not: an unusable key or endpoint,
/// or "unreachable" (naming the hub's endpoint) when it did not answer within `timeout`.
util::Result<std::unique_ptr<client::Client>> connect_live(client::ClientOptions options,
                                                           std::chrono::milliseconds timeout);

/// A window size given as "WxH" (e.g. "1024x768"), from 320x240 to 7680x4320; fails with code
/// "bad_window" and a French message naming the text.
struct WindowSize {
  unsigned width = 0;
  unsigned height = 0;
};
util::Result<WindowSize> parse_window_size(const std::string& text);

/// Installs SIGINT and SIGTERM handlers that set the returned flag (once per process).
const std::atomic<bool>& stop_on_signals();

}  // namespace pcn::app
