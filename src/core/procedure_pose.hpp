// What a procedure step's animation shows at a moment: how much of the catheter is in, the
// needle, the pump on its way into the pocket, the incisions opening and closing.
#pragma once

#include <vector>

#include <glm/vec3.hpp>

#include "core/anatomy.hpp"
#include "core/content.hpp"

namespace thecaview {

struct ProcedurePose {
    // The catheter drawn between these path points (0 = tip, path size - 1 = pump end).
    float catheter_from = 0.0f;
    float catheter_to = 1e9f;
    bool needle = false;
    glm::vec3 needle_from{0.0f};  // where it enters the skin
    glm::vec3 needle_to{0.0f};    // its point
    float pump_lift_mm = 0.0f;    // the pump held above its pocket, along its axis
    float back_incision_open = 0.0f;   // 0 closed (or none), 1 open
    float belly_incision_open = 0.0f;
    float dressings = 0.0f;  // the pads over both closed incisions, fading in (0 none, 1 on)
    bool on_table = false;  // the body lies on its right side on the operating table
    bool iv = false;        // the IV line in the back of the left hand
    bool operator==(const ProcedurePose&) const = default;
};

// Where the incisions are: a short vertical cut over the catheter's way in, and one across the
// belly over the pump.
struct Incisions {
    glm::vec3 back_a{0.0f}, back_b{0.0f};
    glm::vec3 belly_a{0.0f}, belly_b{0.0f};
};
Incisions incisions(const Anatomy& anatomy);

// The IV line before surgery: a thin plastic tube (cannula) through the skin into a vein on the
// back of the left hand, its tubing taped along the hand and up to a bag of fluid hung beside the
// shoulder.
struct IvLine {
    glm::vec3 cannula_tip_mm{0.0f};   // in the vein
    glm::vec3 hub_mm{0.0f};           // where the tubing joins it, on the skin
    std::vector<glm::vec3> tubing_mm; // from the hub to the bag
    glm::vec3 bag_lo_mm{0.0f}, bag_hi_mm{0.0f};
};
IvLine iv_line(const Anatomy& anatomy);

// The path point where the catheter leaves the canal.
std::size_t catheter_entry_point(const Anatomy& anatomy);

// The pose of an animation at progress 0..1 (1: the end of the step).
ProcedurePose pose_for(StepAnimation animation, float progress, const Anatomy& anatomy);

}  // namespace thecaview
