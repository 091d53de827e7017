// Skin tones: sRGB to linear.
#include "core/skin_tone.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>

namespace thecaview {

namespace {
float linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
}  // namespace

glm::vec3 skin_tone_srgb(int n) {
    const std::uint32_t hex = kSkinToneSrgb[static_cast<std::size_t>((valid_skin_tone(n) ? n : kDefaultSkinTone) - 1)];
    return glm::vec3(static_cast<float>((hex >> 16) & 0xff), static_cast<float>((hex >> 8) & 0xff), static_cast<float>(hex & 0xff)) /
           255.0f;
}

glm::vec3 skin_tone_albedo(int n) {
    const glm::vec3 c = skin_tone_srgb(n);
    return {linear(c.x), linear(c.y), linear(c.z)};
}

namespace {
float luminance(glm::vec3 c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; }
// How much darker than the default a tone is: 0 for the default and lighter ones, near 1 for the darkest.
float darkness(int n) {
    const float base = luminance(skin_tone_albedo(kDefaultSkinTone));
    return std::max(0.0f, base - luminance(skin_tone_albedo(n))) / base;
}
}  // namespace

float skin_tone_extra_opacity(int n) { return 0.4f * darkness(n); }

glm::vec3 skin_tone_filter(int n) {
    const glm::vec3 c = skin_tone_albedo(n);
    const glm::vec3 hue = c / std::max({c.x, c.y, c.z, 1e-6f});
    const float d = darkness(n);  // the default and lighter tones let all of it through, as before
    return glm::mix(glm::vec3(1.0f), hue, 0.5f * d) * (1.0f - 0.45f * d);
}

}  // namespace thecaview
