#include "queue/policy.h"

#include "util/enum_names.h"

namespace pcn::queue {

namespace {

constexpr util::EnumNames<Placement, 3> kPlacements{{
    {Placement::arrival, "arrival"},
    {Placement::end, "end"},
    {Placement::front, "front"},
}};

}  // namespace

std::string_view to_string(Placement p) { return util::enum_name(kPlacements, p); }

std::optional<Placement> placement_from(std::string_view s) {
  return util::enum_value(kPlacements, s);
}

}  // namespace pcn::queue
