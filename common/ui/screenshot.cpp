#include "ui/screenshot.h"

#include <SFML/Graphics/RenderTexture.hpp>

#include "text/catalog.h"

namespace pcn::ui {

util::Status render_to_png(sf::Vector2u size, const std::function<void(sf::RenderTarget&)>& draw,
                           const std::filesystem::path& png) {
  sf::RenderTexture texture;
  sf::ContextSettings smooth;
  smooth.antialiasingLevel = 4;
  if (!texture.create(size.x, size.y, smooth)) {
    return util::make_error("render_failed", text::render_failed(size.x, size.y));
  }
  draw(texture);
  texture.display();
  if (!texture.getTexture().copyToImage().saveToFile(png.string())) {
    return util::make_error("io_error", text::screenshot_failed(png.string()));
  }
  return util::Status::success();
}

}  // namespace pcn::ui
