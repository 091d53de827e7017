// The anatomy model: where every structure sits, in millimetres, computed without a GPU.
//
// Frame: +y is cranial (up, standing), +x is the patient's left, +z is anterior (the patient
// faces +z). The origin is the centre of the top of the sacrum (the S1 endplate).
// The renderer uploads this model; tests use it to know where a structure should appear.
#pragma once

#include <array>
#include <vector>

#include <glm/vec3.hpp>

#include "core/levels.hpp"

namespace thecaview {

// One vertebra (C1-L5), sacral segment (S1-S5) or the coccyx, in its own tilted frame.
struct LevelGeometry {
    Level level{};
    glm::vec3 body_centre_mm{0.0f};   // centre of the vertebral body (or sacral segment)
    glm::vec3 canal_centre_mm{0.0f};  // centre of the vertebral canal at this level
    float tilt_rad = 0.0f;            // rotation about +x; 0 = upright, > 0 leans the top forward
    float body_height_mm = 0.0f;
    float body_width_mm = 0.0f;       // transverse
    float body_depth_mm = 0.0f;       // antero-posterior
    float canal_width_mm = 0.0f;
    float canal_depth_mm = 0.0f;
    float disc_below_mm = 0.0f;       // height of the disc under this body (0: none)
    float sac_radius_mm = 0.0f;       // dural sac (0 below its end)
    float cord_half_width_mm = 0.0f;  // spinal cord (0 below the conus)
    float cord_half_depth_mm = 0.0f;

    [[nodiscard]] glm::vec3 up() const;        // local cranial axis
    [[nodiscard]] glm::vec3 anterior() const;  // local anterior axis
};

// A horizontal slice of the trunk's skin: an ellipse around (0, y, centre_z).
struct TorsoSection {
    float y_mm;
    float half_width_mm;
    float half_depth_mm;
    float centre_z_mm;
};

struct PumpGeometry {
    glm::vec3 centre_mm{0.0f};
    glm::vec3 axis{0.0f, 0.0f, 1.0f};  // unit normal of the face that lies under the skin
    float diameter_mm = 87.5f;
    float thickness_mm = 19.5f;
    float reservoir_ml = 20.0f;
    float depth_below_skin_mm = 0.0f;  // skin to the pump's outer face
};

struct AnatomyOptions {
    Level catheter_tip = Level::T10;
    Interspace catheter_entry{Level::L3};
    int pump_reservoir_ml = 20;  // 20 or 40
};

struct Anatomy {
    std::array<LevelGeometry, kLevelCount> levels{};  // indexed by index_of(Level)
    std::vector<TorsoSection> torso;                  // ordered from bottom to top
    std::vector<glm::vec3> catheter_path_mm;          // from the tip to the pump connector
    float catheter_radius_mm = 0.7f;
    PumpGeometry pump;
    AnatomyOptions options;
    float subcutaneous_fat_mm = 20.0f;

    [[nodiscard]] const LevelGeometry& at(Level l) const { return levels[index_of(l)]; }
    // The canal centre at a fractional level index (3.5 = halfway between C4 and C5).
    [[nodiscard]] glm::vec3 canal_point(float level_index) const;
    // Skin ellipse of the trunk at height y (interpolated between sections).
    [[nodiscard]] TorsoSection torso_at(float y_mm) const;
    // A point depth_mm under the skin at height y, at angle (0 = front midline, +pi/2 = left flank).
    [[nodiscard]] glm::vec3 under_skin(float y_mm, float angle_rad, float depth_mm) const;
    // The outward skin normal at height y and angle (horizontal approximation).
    [[nodiscard]] glm::vec3 skin_normal(float y_mm, float angle_rad) const;
};

Anatomy build_anatomy(const AnatomyOptions& options = {});

}  // namespace thecaview
