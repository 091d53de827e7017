// Parses WxH.
#include "core/image_size.hpp"

#include <charconv>

namespace thecaview {

namespace {
std::optional<int> parse_side(std::string_view text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (text.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
    if (value < 1 || value > kMaxImageSide) return std::nullopt;
    return value;
}
}  // namespace

std::optional<ImageSize> parse_image_size(std::string_view text) {
    const auto x = text.find_first_of("xX");
    if (x == std::string_view::npos) return std::nullopt;
    const auto w = parse_side(text.substr(0, x));
    const auto h = parse_side(text.substr(x + 1));
    if (!w || !h) return std::nullopt;
    return ImageSize{*w, *h};
}

}  // namespace thecaview
