// Six skin tones, from light (1) to dark (6), for the figure's skin: every person can see
// themselves in it. The colours are six of the ten of the Monk Skin Tone Scale (Monk 2019;
// docs/references.md): MST 2, 4, 5, 6, 8 and 10, as sRGB.
#pragma once

#include <array>
#include <cstdint>

#include <glm/vec3.hpp>

namespace thecaview {

inline constexpr int kSkinTones = 6;
inline constexpr int kDefaultSkinTone = 3;
inline constexpr std::array<std::uint32_t, kSkinTones> kSkinToneSrgb{0xf3e7db, 0xeadaba, 0xd7bd96, 0xa07e56, 0x604134, 0x292420};

// Whether n is a tone's number (1 to 6).
constexpr bool valid_skin_tone(int n) { return n >= 1 && n <= kSkinTones; }
// The tone's colour as sRGB in 0..1 (for the panel's swatches) and as linear albedo (for the
// renderer's lighting); a number out of range gives the default tone.
glm::vec3 skin_tone_srgb(int n);
glm::vec3 skin_tone_albedo(int n);
// How much more a tone darker than the default hides what lies under the see-through skin (0 for
// the default and lighter ones, up to about 0.4 for the darkest): darker skin holds more melanin,
// which absorbs light, so the figure reads in its tone while its inside still shows.
float skin_tone_extra_opacity(int n);
// What of the light from behind the see-through skin passes it, per channel: all of it for the
// default and lighter tones; for a darker one, less and tinted by the tone's hue, so that the whole
// figure, not only its rim, reads in its tone.
glm::vec3 skin_tone_filter(int n);

}  // namespace thecaview
