// Raw TCP for the hostile drill: bytes that are not ZeroMQ (or only look like it) sent to a
// hub's port, and what the hub did with the connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace pcn::testing {

/// What became of one raw connection.
struct RawOutcome {
  bool connected = false;        ///< the TCP connection was accepted
  bool closed_by_peer = false;   ///< the hub closed it (EOF or reset) within the wait
  std::string received;          ///< what the hub sent back before that
};

/// Connects to 127.0.0.1:`port`, sends `bytes` (as much as the hub takes), then waits at most
/// `wait` for the hub to close the connection, keeping what it sent back. The socket is closed
/// at the end either way.
RawOutcome send_raw(int port, const std::string& bytes, std::chrono::milliseconds wait);

/// `n` bytes from a fixed-seed generator (the same bytes at every run).
std::string random_bytes(std::size_t n, std::uint32_t seed);

/// A ZMTP 3.0 greeting (RFC 23) announcing `mechanism` ("NULL", "PLAIN", "CURVE"), as a client.
std::string zmtp_greeting(const std::string& mechanism);

/// The header of a ZMTP 3.0 long command frame announcing `size` bytes of body.
std::string zmtp_long_command_header(std::uint64_t size);

}  // namespace pcn::testing
