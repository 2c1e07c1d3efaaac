#include "support/bench_baseline.h"

#include "net/allow_list.h"
#include "net/key_files.h"
#include "net/keygen.h"
#include "net/socket_security.h"
#include "net/zap_authenticator.h"
#include "support/bench_util.h"

namespace pcn::bench {

namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
    "body TEXT NOT NULL)";

/// Reads the request's frames; the first is the identity, the last the body.
std::vector<zmq::message_t> receive_all(zmq::socket_t& s) {
  std::vector<zmq::message_t> frames;
  do {
    zmq::message_t m;
    if (!s.recv(m, zmq::recv_flags::dontwait)) break;
    frames.push_back(std::move(m));
  } while (frames.back().more());
  return frames;
}

}  // namespace

CommitLog::CommitLog(const std::filesystem::path& file)
    : wal_(file.string() + "-wal"), db_(must(store::Database::open(file.string()))) {
  if (must(db_.query_text("PRAGMA journal_mode = WAL")) != "wal")
    die("no WAL for " + file.string());
  must(db_.exec("PRAGMA synchronous = FULL"));
  must(db_.exec(kSchema));
  insert_.emplace(must(db_.prepare("INSERT INTO rows (at, body) VALUES (?1, ?2)")));
}

void CommitLog::commit_one() {
  store::Transaction tx(db_);
  must(tx.begin());
  must(insert_->reset().bind(1, ++next_).bind(2, std::string_view("C-042 guichet 2")).run());
  must(tx.commit());
}

void CommitLog::warm_up() {
  std::uintmax_t size = 0;
  for (int steady = 0, i = 0; steady < 50 && i < 5000; ++i) {
    commit_one();
    std::error_code ec;
    std::uintmax_t now = std::filesystem::file_size(wal_, ec);
    steady = (!ec && now <= size) ? steady + 1 : 0;
    if (!ec) size = std::max(size, now);
  }
}

EchoServer::EchoServer(EchoSetup setup) : setup_(std::move(setup)) {
  std::promise<std::string> bound;
  auto endpoint = bound.get_future();
  thread_ = std::thread([this, &bound] { serve(bound); });
  endpoint_ = endpoint.get();
}

EchoServer::~EchoServer() {
  stop_ = true;
  thread_.join();
}

void EchoServer::serve(std::promise<std::string>& bound) {
  try {
    zmq::context_t context;
    // As in the hub: the ZAP handler exists before the CURVE socket is bound, and outlives it.
    std::unique_ptr<net::ZapAuthenticator> zap;
    if (setup_.curve) {
      zap = std::make_unique<net::ZapAuthenticator>(
          context, must(net::AllowList::load(net::allowed_folder(setup_.keys))));
    }
    zmq::socket_t router(context, zmq::socket_type::router);
    router.set(zmq::sockopt::linger, 0);
    if (setup_.curve) {
      must(net::make_curve_server(router, must(net::read_key_file(setup_.keys / "hub.key"))));
    }
    router.bind("tcp://127.0.0.1:*");
    std::optional<CommitLog> log;
    if (setup_.commit_file) {
      log.emplace(*setup_.commit_file);
      log->warm_up();
    }
    bound.set_value(router.get(zmq::sockopt::last_endpoint));
    while (!stop_) {
      std::vector<zmq::pollitem_t> items{{router.handle(), 0, ZMQ_POLLIN, 0}};
      if (zap) items.push_back({zap->socket().handle(), 0, ZMQ_POLLIN, 0});
      zmq::poll(items.data(), items.size(), std::chrono::milliseconds(100));
      if (zap && (items[1].revents & ZMQ_POLLIN)) zap->handle_one();
      if (!(items[0].revents & ZMQ_POLLIN)) continue;
      auto frames = receive_all(router);
      if (frames.size() < 2) continue;
      if (log) log->commit_one();
      router.send(frames.front(), zmq::send_flags::sndmore);
      router.send(frames.back(), zmq::send_flags::none);
    }
  } catch (const zmq::error_t& e) {
    die(std::string("echo server: ") + e.what());
  }
}

EchoClient::EchoClient(const EchoServer& server, const EchoSetup& setup)
    : dealer_(context_, zmq::socket_type::dealer) {
  dealer_.set(zmq::sockopt::linger, 0);
  dealer_.set(zmq::sockopt::rcvtimeo, 10000);
  if (setup.curve) {
    must(net::make_curve_client(dealer_, must(net::read_key_file(setup.keys / "agent.key")),
                                must(net::read_key_file(setup.keys / "hub.pub")).public_key));
  }
  dealer_.connect(server.endpoint());
  trip();  // connection and CURVE handshake, untimed
}

void EchoClient::trip() {
  static const std::string body(120, 'x');
  dealer_.send(zmq::buffer(body), zmq::send_flags::none);
  zmq::message_t reply;
  if (!dealer_.recv(reply)) die("echo server: no reply within 10 s");
}

void EchoClient::time(int n, std::vector<double>& out) {
  for (int i = 0; i < n; ++i) {
    auto start = Steady::now();
    trip();
    out.push_back(micros(Steady::now() - start));
  }
}

}  // namespace pcn::bench
