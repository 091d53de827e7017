// What a traced frame shows: camera, visible and see-through structures, and an optional cut.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <glm/vec3.hpp>

#include "core/anatomy.hpp"
#include "core/camera.hpp"
#include "core/skin_tone.hpp"
#include "core/procedure_pose.hpp"
#include "core/structures.hpp"

namespace thecaview {

// A plane that cuts the scene open: what lies where dot(normal, p) > offset_mm is removed.
struct CutPlane {
    glm::vec3 normal{0.0f, 1.0f, 0.0f};
    float offset_mm = 0.0f;
    bool operator==(const CutPlane&) const = default;
    // True when the cut removes p.
    [[nodiscard]] bool removes(glm::vec3 p) const;
};

// The cuts a user can make: an axial cross-section at a level, or a movable sagittal or
// coronal cutaway plane.
enum class CutKind : std::uint8_t { none, axial, sagittal, coronal };

struct CutSettings {
    CutKind kind = CutKind::none;
    float level_index = 16.0f;  // axial: fractional level (0 = C1, 16 = T10); cuts away what is above
    float offset_mm = 0.0f;     // sagittal: x (removes the patient's left of it); coronal: z (removes the front)
    bool operator==(const CutSettings&) const = default;
};

std::optional<CutPlane> cut_plane(const Anatomy& anatomy, const CutSettings& settings);
std::string_view cut_kind_name(CutKind kind);

// Everything a traced frame depends on besides the anatomy.
struct SceneView {
    OrbitCamera camera;
    StructureMask visible_mask = all_structures_mask();
    StructureMask xray_mask = 0;
    std::optional<CutPlane> cut;
    StructureMask highlight_mask = 0;  // structures drawn with a glow, to point at them
    ProcedurePose pose;                // what the procedure step's animation shows now
    glm::vec3 catheter_tip_mm{0.0f};   // the catheter's tip (its radiopaque marker is drawn dark blue)
    // Drug in the CSF, per vertebral level (µg/mL), drawn as a glowing medium; max sets the scale.
    bool spread_on = false;
    std::array<float, kLevelCount> spread_ug_per_ml{};
    float spread_max_ug_per_ml = 100.0f;
    // Dermatomes where relief may be felt, by the level their nerve leaves below (the trunk's
    // bands, T1 to L1, are shaded on the skin).
    std::array<bool, kLevelCount> relief{};
    int skin_tone = kDefaultSkinTone;  // 1 (light) to 6 (dark): the skin's colour
    bool operator==(const SceneView&) const = default;
};

}  // namespace thecaview
