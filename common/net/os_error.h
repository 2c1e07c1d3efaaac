// French wording of the operating-system and ZeroMQ error numbers the net module meets.
#pragma once

#include <string>

namespace pcn::net {

/// A short French description of `errnum` (an errno value, or a ZeroMQ error number), e.g.
/// "permission refusée"; unlisted numbers read "erreur système N".
std::string os_error_text(int errnum);

}  // namespace pcn::net
