// The UI font: DejaVu Sans at a size that follows the display's content scale.
#pragma once

#include <string>

namespace thecaview {

inline constexpr float kBaseFontPx = 17.0f;

// Loads DejaVu Sans into ImGui's atlas at kBaseFontPx * scale and scales the style to match.
// When the font file is missing it keeps ImGui's built-in font and returns a message saying so.
// high_contrast: white on black with yellow controls, for low vision (the config's theme).
std::string setup_fonts_and_style(float scale, bool high_contrast = false);

}  // namespace thecaview
