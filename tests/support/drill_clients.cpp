#include "support/drill_clients.h"

namespace pcn::testing {

namespace {

using namespace std::chrono_literals;

const char kServices[] = {'C', 'F', 'N'};

}  // namespace

ClientLoop::ClientLoop(client::ClientOptions options, Kind kind, int counter)
    : kind_(kind), counter_(counter) {
  thread_ = std::thread([this, options = std::move(options)]() mutable { run(std::move(options)); });
}

ClientLoop::~ClientLoop() {
  stop_sending_ = true;
  if (!target_set_) {
    target_limit_ = std::chrono::milliseconds(0);
    target_set_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

std::map<std::string, int> ClientLoop::failures() const {
  std::lock_guard lock(failures_mutex_);
  return failures_;
}

void ClientLoop::finish(const std::string& epoch, std::int64_t seq,
                        std::chrono::milliseconds limit) {
  stop_sending_ = true;
  target_epoch_ = epoch;
  target_seq_ = seq;
  target_limit_ = limit;
  target_set_ = true;
  if (thread_.joinable()) thread_.join();
}

void ClientLoop::run(client::ClientOptions options) {
  options.follow = true;
  auto connected = client::Client::connect(std::move(options));
  if (!connected.ok()) {
    setup_error_ = connected.error().to_string();
    idle_ = true;
    return;
  }
  client::Client& c = **connected;
  c.wait_live(10s);
  for (int i = 0; !stop_sending_; ++i) act(c, i);
  idle_ = true;
  follow_until_target(c);
}

void ClientLoop::act(client::Client& c, int i) {
  if (kind_ == Kind::taker) {
    take(c, i);
  } else {
    call(c);
  }
}

void ClientLoop::take(client::Client& c, int i) {
  protocol::Json args{{"service", std::string(1, kServices[i % 3])}, {"priority", i % 5 == 4}};
  record("take_ticket", c.request("take_ticket", std::move(args)));
}

void ClientLoop::call(client::Client& c) {
  if (!record("call_next", c.request("call_next", {{"counter", counter_}}))) {
    c.pump(20ms);  // an empty queue: let the kiosks catch up
    return;
  }
  record("finish", c.request("finish", {{"counter", counter_}}));
}

bool ClientLoop::record(const std::string& type, const util::Result<protocol::Json>& reply) {
  if (!reply.ok()) {
    std::lock_guard lock(failures_mutex_);
    ++failures_[reply.error().code];
    return false;
  }
  Received r;
  r.type = type;
  r.at = std::chrono::steady_clock::now();
  const protocol::Json& ticket = reply->at("ticket");
  r.ticket = ticket.at("id").get<queue::TicketId>();
  r.label = ticket.at("label").get<std::string>();
  r.state = ticket.at("state").get<std::string>();
  if (ticket.at("counter").is_number_integer()) r.counter = ticket.at("counter").get<int>();
  received_.push_back(std::move(r));
  ++successes_;
  return true;
}

void ClientLoop::follow_until_target(client::Client& c) {
  while (!target_set_) c.pump(50ms);
  const auto until = std::chrono::steady_clock::now() + target_limit_;
  auto reached = [&] {
    return c.connection() == client::Connection::live && c.state().epoch == target_epoch_ &&
           c.state().seq == target_seq_;
  };
  while (!reached() && std::chrono::steady_clock::now() < until) c.pump(50ms);
  end_.live = reached();
  end_.epoch = c.state().epoch;
  end_.seq = c.state().seq;
  for (const auto& [id, ticket] : c.state().tickets) end_.states[id] = std::string(queue::to_string(ticket.state));
}

}  // namespace pcn::testing
