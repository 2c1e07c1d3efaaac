#include "queue/service.h"

namespace pcn::queue {

const Service* find_service(const ServiceList& services, char prefix) {
  for (const auto& s : services) {
    if (s.prefix == prefix) return &s;
  }
  return nullptr;
}

}  // namespace pcn::queue
