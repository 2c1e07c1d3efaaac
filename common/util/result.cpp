#include "util/result.h"

namespace pcn::util {

std::string Error::to_string() const { return message + " (" + code + ")"; }

}  // namespace pcn::util
