// The typefaces the screens draw with: DejaVu Sans, regular and bold (Debian package
// fonts-dejavu-core). Loaded once at start-up; a missing or unreadable file is an Error that
// names the path.
#pragma once

#include <SFML/Graphics/Font.hpp>
#include <filesystem>
#include <memory>

#include "util/result.h"

namespace pcn::ui {

struct FontFiles {
  std::filesystem::path regular;
  std::filesystem::path bold;
};

/// /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf and DejaVuSans-Bold.ttf.
FontFiles dejavu_font_files();

/// Two loaded faces. Not copyable nor movable: sf::Text keeps pointers to them, so they live
/// behind a unique_ptr for as long as anything draws with them.
class Fonts {
  struct Unloaded {};  // a key only load() holds: Fonts exist loaded or not at all

 public:
  /// Errors: "font_missing" (a file does not exist) or "font_unreadable" (FreeType refused it);
  /// the message names the file.
  static util::Result<std::unique_ptr<Fonts>> load(const FontFiles& files = dejavu_font_files());

  explicit Fonts(Unloaded) {}
  Fonts(const Fonts&) = delete;
  Fonts& operator=(const Fonts&) = delete;

  const sf::Font& regular() const { return regular_; }
  const sf::Font& bold() const { return bold_; }

 private:
  sf::Font regular_;
  sf::Font bold_;
};

}  // namespace pcn::ui
