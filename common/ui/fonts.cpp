#include "ui/fonts.h"

#include <system_error>

#include "text/catalog.h"

namespace pcn::ui {
namespace {

util::Status load_face(sf::Font& font, const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return util::make_error("font_missing", text::font_missing(file.string()));
  }
  if (!font.loadFromFile(file.string())) {
    return util::make_error("font_unreadable", text::font_unreadable(file.string()));
  }
  return util::Status::success();
}

}  // namespace

FontFiles dejavu_font_files() {
  const std::filesystem::path folder = "/usr/share/fonts/truetype/dejavu";
  return {folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"};
}

util::Result<std::unique_ptr<Fonts>> Fonts::load(const FontFiles& files) {
  auto fonts = std::make_unique<Fonts>(Unloaded{});
  PCN_TRY(load_face(fonts->regular_, files.regular));
  PCN_TRY(load_face(fonts->bold_, files.bold));
  return fonts;
}

}  // namespace pcn::ui
