#include "support/drill_raw_tcp.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <random>

namespace pcn::testing {

namespace {

/// A connected TCP socket, closed when destroyed.
class RawSocket {
 public:
  explicit RawSocket(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (fd_ < 0) return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(std::uint16_t(port));
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawSocket() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool connected() const { return connected_; }
  int fd() const { return fd_; }

 private:
  int fd_;
  bool connected_ = false;
};

/// Waits at most until `until` for `fd` to be readable or writable (`events`); false on timeout.
bool ready(int fd, short events, std::chrono::steady_clock::time_point until) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      until - std::chrono::steady_clock::now());
  if (left.count() < 0) return false;
  pollfd p{fd, events, 0};
  return ::poll(&p, 1, int(left.count())) > 0;
}

/// Reads what is there; false once the peer closed (EOF or an error such as a reset).
bool drain(int fd, std::string& received) {
  char buffer[4096];
  ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
  if (n > 0) {
    received.append(buffer, std::size_t(n));
    return true;
  }
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
}

/// Sends what the peer takes until `until`; false once it closed. Reads meanwhile.
bool send_all(int fd, const std::string& bytes, RawOutcome& outcome,
              std::chrono::steady_clock::time_point until) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    if (!ready(fd, POLLOUT | POLLIN, until)) return true;  // the peer stopped reading: fine
    if (!drain(fd, outcome.received)) return false;
    ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
    if (n > 0) done += std::size_t(n);
  }
  return true;
}

}  // namespace

RawOutcome send_raw(int port, const std::string& bytes, std::chrono::milliseconds wait) {
  RawOutcome outcome;
  RawSocket s(port);
  outcome.connected = s.connected();
  if (!outcome.connected) return outcome;
  const auto until = std::chrono::steady_clock::now() + wait;
  if (!send_all(s.fd(), bytes, outcome, until)) {
    outcome.closed_by_peer = true;
    return outcome;
  }
  while (ready(s.fd(), POLLIN, until)) {
    if (!drain(s.fd(), outcome.received)) {
      outcome.closed_by_peer = true;
      break;
    }
  }
  return outcome;
}

std::string random_bytes(std::size_t n, std::uint32_t seed) {
  std::mt19937 generator(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string bytes(n, '\0');
  for (char& c : bytes) c = char(byte(generator));
  return bytes;
}

std::string zmtp_greeting(const std::string& mechanism) {
  std::string g;
  g += '\xFF';
  g += std::string(8, '\0');  // padding
  g += '\x7F';                // signature end
  g += '\x03';                // version 3.0
  g += '\x00';
  g += mechanism;
  g += std::string(20 - mechanism.size(), '\0');
  g += '\x00';                // as-server: no
  g += std::string(31, '\0');  // filler
  return g;
}

std::string zmtp_long_command_header(std::uint64_t size) {
  std::string h(1, '\x06');  // LONG | COMMAND
  for (int shift = 56; shift >= 0; shift -= 8) h += char((size >> shift) & 0xFF);
  return h;
}

}  // namespace pcn::testing
