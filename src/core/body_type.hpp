// The two bodies a figure can have, female and male: named, parsed, listed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace thecaview {

// Each body's trunk sections, shoulders, arms and head follow ANSUR II medians of its sex; the
// female spine and pelvis are scaled from the male's (docs/anatomy.md).
enum class BodyType : std::uint8_t { female, male };
inline constexpr std::array<BodyType, 2> kBodyTypes{BodyType::female, BodyType::male};
inline constexpr BodyType kDefaultBody = BodyType::male;

std::string_view name_of(BodyType body);  // "female", "male"
// "female" or "male" in any case; nullopt for any other text.
std::optional<BodyType> parse_body_type(std::string_view text);

}  // namespace thecaview
