#include "net/zap_authenticator.h"

#include <array>
#include <exception>
#include <iterator>
#include <string_view>
#include <zmq_addon.hpp>

#include "net/roles.h"
#include "net/socket_security.h"
#include "text/catalog.h"

namespace pcn::net {

namespace {

constexpr const char* kZapEndpoint = "inproc://zeromq.zap.01";
constexpr std::string_view kZapVersion = "1.0";

// Frames of a ZAP request (RFC 27).
enum Frame : std::size_t { kVersion, kRequestId, kDomain, kAddress, kIdentity, kMechanism, kKey };

using Frames = std::vector<zmq::message_t>;

std::string_view frame(const Frames& request, std::size_t index) {
  return index < request.size() ? request[index].to_string_view() : std::string_view();
}

}  // namespace

ZapAuthenticator::ZapAuthenticator(zmq::context_t& context, AllowList allow_list, LogSink log)
    : socket_(context, zmq::socket_type::rep),
      allow_list_(std::move(allow_list)),
      log_(std::move(log)) {
  socket_.set(zmq::sockopt::linger, 0);
  socket_.bind(kZapEndpoint);
}

void ZapAuthenticator::handle_one() {
  Frames request;
  try {
    if (!zmq::recv_multipart(socket_, std::back_inserter(request), zmq::recv_flags::dontwait)) {
      return;
    }
  } catch (const zmq::error_t&) {
    return;  // context terminating: nothing to answer
  }
  const Verdict verdict = judge(request);
  reply(request, verdict);
  record(verdict);
}

ZapAuthenticator::Verdict ZapAuthenticator::judge(const Frames& request) const {
  const auto refuse = [](std::string reason, std::string line) {
    return Verdict{false, "", std::move(reason), std::move(line)};
  };
  if (request.size() < kKey || frame(request, kVersion) != kZapVersion) {
    return refuse("malformed_request", text::zap_malformed_request());
  }
  const std::string address(frame(request, kAddress));
  if (frame(request, kDomain) != kZapDomain) {
    return refuse("unknown_domain",
                  text::zap_refused_domain(std::string(frame(request, kDomain)), address));
  }
  if (frame(request, kMechanism) != "CURVE") {
    return refuse("not_curve",
                  text::zap_refused_mechanism(std::string(frame(request, kMechanism)), address));
  }
  const std::string_view key = frame(request, kKey);
  if (request.size() != kKey + 1 || key.size() != RawKey().size()) {
    return refuse("malformed_request", text::zap_malformed_request());
  }
  const ClientIdentity* client = allow_list_.find(key);
  if (client == nullptr) {
    RawKey raw{};
    std::copy(key.begin(), key.end(), raw.begin());
    return refuse("unknown_key", text::zap_refused_unknown_key(encode_z85_key(raw), address));
  }
  return Verdict{true, client->role + ":" + client->name, "OK",
                 text::zap_accepted(client->role, client->name, address)};
}

void ZapAuthenticator::reply(const Frames& request, const Verdict& verdict) {
  const std::string_view status = verdict.accepted ? "200" : "400";
  const std::array<zmq::const_buffer, 6> frames = {
      zmq::buffer(kZapVersion),     zmq::buffer(frame(request, kRequestId)),
      zmq::buffer(status),          zmq::buffer(verdict.status_text),
      zmq::buffer(verdict.user_id), zmq::const_buffer()};
  try {
    zmq::send_multipart(socket_, frames, zmq::send_flags::dontwait);
  } catch (const zmq::error_t&) {
    // The requesting session is gone (or the context terminates): nobody to answer.
  }
}

void ZapAuthenticator::record(const Verdict& verdict) {
  ++(verdict.accepted ? accepted_ : refused_);
  if (!log_) return;
  try {
    log_(verdict.log_line);
  } catch (const std::exception&) {
    // A failing log sink must not stop authentication.
  }
}

std::optional<ClientIdentity> identity_of(const zmq::message_t& received, RoleFilter roles) {
  const char* user_id = zmq_msg_gets(received.handle(), "User-Id");
  if (user_id == nullptr) return std::nullopt;
  const std::string_view text(user_id);
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  ClientIdentity identity{std::string(text.substr(colon + 1)), std::string(text.substr(0, colon))};
  if (!roles(identity.role) || !is_valid_name(identity.name)) return std::nullopt;
  return identity;
}

}  // namespace pcn::net
