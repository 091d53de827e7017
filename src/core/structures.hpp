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
    skull,
    arm_bones,
    costal_cartilage,
    scapula,
    femur,
};

struct StructureInfo {
    Structure id;
    std::string_view key;          // snake_case, used in coverage, options, content files
    std::string_view plain_name;   // for patients
    std::string_view term;         // anatomical or device term
    std::string_view description;  // one line, plain words
};

inline constexpr std::size_t kStructureCount = 21;

// A set of structures, a bit per structure: id N is bit N - 1 (the background, id 0, has none).
// 64 bits leave room for the bones and body parts the anatomy will gain (ids 1 to 64).
using StructureMask = std::uint64_t;
inline constexpr std::size_t kMaxStructures = 64;
static_assert(kStructureCount <= kMaxStructures);

// All structures, in id order.
const std::array<StructureInfo, kStructureCount>& structures();
const StructureInfo& info(Structure s);
std::optional<Structure> structure_from_key(std::string_view key);

constexpr StructureMask bit(Structure s) { return StructureMask{1} << (static_cast<unsigned>(s) - 1u); }
constexpr StructureMask all_structures_mask() {
    return kStructureCount == 64 ? ~StructureMask{0} : (StructureMask{1} << (kStructureCount % 64)) - 1u;
}

}  // namespace thecaview
