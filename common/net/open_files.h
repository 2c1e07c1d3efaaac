// How many files (sockets included) this process may hold open. Each connection to a ZeroMQ
// socket is one: with Linux's usual soft limit of 1,024, 1,100 idle TCP connections to the hub
// left it unable to accept anyone (issue #15). Servers raise their soft limit at start.
#pragma once

#include <cstddef>

namespace pcn::net {

/// The soft limit on open files raised to `wanted`, or to the hard limit when that is lower
/// (the soft limit is never lowered). Returns the soft limit in force afterwards (0 when the
/// system would not say).
std::size_t raise_open_files_limit(std::size_t wanted);

}  // namespace pcn::net
