#include "ui/shapes.h"

#include <algorithm>
#include <cmath>

namespace pcn::ui {

sf::ConvexShape rounded(const sf::FloatRect& r, float radius, sf::Color fill,
                        std::size_t corner_points) {
  constexpr float kPi = 3.14159265f;
  radius = std::max(0.f, std::min(radius, std::min(r.width, r.height) / 2.f));
  const sf::Vector2f centres[4] = {{r.left + r.width - radius, r.top + radius},
                                   {r.left + r.width - radius, r.top + r.height - radius},
                                   {r.left + radius, r.top + r.height - radius},
                                   {r.left + radius, r.top + radius}};
  sf::ConvexShape shape(4 * corner_points);
  for (std::size_t corner = 0; corner < 4; ++corner) {
    for (std::size_t i = 0; i < corner_points; ++i) {
      float angle = (static_cast<float>(corner) - 1.f +
                     static_cast<float>(i) / static_cast<float>(corner_points - 1)) *
                    kPi / 2.f;
      shape.setPoint(corner * corner_points + i,
                     centres[corner] + radius * sf::Vector2f(std::cos(angle), std::sin(angle)));
    }
  }
  shape.setFillColor(fill);
  return shape;
}

sf::FloatRect inset(const sf::FloatRect& r, float dx, float dy) {
  return {r.left + dx, r.top + dy, r.width - 2.f * dx, r.height - 2.f * dy};
}

}  // namespace pcn::ui
