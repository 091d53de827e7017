// Image sizes written as WxH on the command line.
#pragma once

#include <optional>
#include <string_view>

namespace thecaview {

struct ImageSize {
    int width = 1280;
    int height = 720;
};

inline constexpr int kMaxImageSide = 8192;

// "1280x720" (or "1280X720"); each side 1 to kMaxImageSide. nullopt on anything else.
std::optional<ImageSize> parse_image_size(std::string_view text);

}  // namespace thecaview
