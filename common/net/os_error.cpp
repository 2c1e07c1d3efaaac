#include "net/os_error.h"

#include <cerrno>

#include "text/catalog.h"

namespace pcn::net {

std::string os_error_text(int errnum) {
  switch (errnum) {
    case EACCES:
    case EPERM:
      return text::os_permission_denied();
    case ENOENT:
      return text::os_not_found();
    case ENOTDIR:
      return text::os_not_a_folder();
    case EISDIR:
      return text::os_is_a_folder();
    case ENOSPC:
    case EDQUOT:
      return text::os_disk_full();
    case EROFS:
      return text::os_read_only();
    case EADDRINUSE:
      return text::os_address_in_use();
    case EINVAL:
      return text::os_invalid_argument();
    default:
      return text::os_other_error(errnum);
  }
}

}  // namespace pcn::net
