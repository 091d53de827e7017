// The one list of anatomical and device structures: ids, snake_case keys and names.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thecaview {

// Id 0 is the background. The order is the order of the panel's toggles.
enum class Structure : std::uint8_t {
    skin = 1,
    fat,
    muscle,
    ribs,
    pelvis,
    vertebrae,
    sacrum,
    discs,
    ligamentum_flavum,
    epidural_space,
    dura,
    csf,
    spinal_cord,
    nerve_roots,
    catheter,
    pump,
};

struct StructureInfo {
    Structure id;
    std::string_view key;          // snake_case, used in coverage, options, content files
    std::string_view plain_name;   // for patients
    std::string_view term;         // anatomical or device term
    std::string_view description;  // one line, plain words
};

inline constexpr std::size_t kStructureCount = 16;
inline constexpr std::uint32_t kBackgroundBit = 1u;  // bit 0 of a visibility mask

// All structures, in id order.
const std::array<StructureInfo, kStructureCount>& structures();
const StructureInfo& info(Structure s);
std::optional<Structure> structure_from_key(std::string_view key);

constexpr std::uint32_t bit(Structure s) { return 1u << static_cast<unsigned>(s); }
constexpr std::uint32_t all_structures_mask() {
    return ((1u << (kStructureCount + 1)) - 1u) & ~kBackgroundBit;
}

}  // namespace thecaview
