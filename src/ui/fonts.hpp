// The UI font: DejaVu Sans at a size that follows the display's content scale.
#pragma once

#include <string>

struct ImFont;

namespace thecaview {

inline constexpr float kBaseFontPx = 17.0f;

struct FontRequest {
    float scale = 1.0f;          // UI scale: the display's content scale times the font scale
    bool high_contrast = false;  // white on black with yellow controls, for low vision (the theme)
    bool touch = false;          // every control at least 48 px tall at 1080p (the kiosk)
    float caption_px = 0.0f;     // > 0: also a large caption font of this many pixels
};

struct UiFonts {
    std::string message;       // why the font could not be loaded; empty when it was
    ImFont* caption = nullptr;  // the caption font (the body font when none was asked for)
};

// Clears ImGui's font atlas and loads DejaVu Sans at kBaseFontPx * scale (and the caption size),
// then styles ImGui to match. When the font file is missing it keeps ImGui's built-in font and
// says so in the message. Call again to change sizes (then rebuild the renderer's font texture).
UiFonts setup_fonts_and_style(const FontRequest& request);

}  // namespace thecaview
