// Pictures of a screen without a window: draw into an off-screen texture and save it as PNG.
// Used by the programs' --screenshot options, the docs' pictures and the tests. Needs an X
// display like every SFML drawing (Xvfb on servers).
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/Vector2.hpp>
#include <filesystem>
#include <functional>

#include "util/result.h"

namespace pcn::ui {

/// Calls `draw` on a `size` off-screen target (4x anti-aliasing) and writes the result to `png`.
/// Errors: "render_failed" (no OpenGL context of that size), "io_error" (the file could not be
/// written); the French message names the size or the path.
util::Status render_to_png(sf::Vector2u size, const std::function<void(sf::RenderTarget&)>& draw,
                           const std::filesystem::path& png);

}  // namespace pcn::ui
