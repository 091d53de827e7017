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
    float arms_forward_rad = 0.0f;  // both arms raised forward at the shoulder (0: at the sides)
    bool iv = false;        // the IV line in the back of the left hand
    bool operator==(const ProcedurePose&) const = default;
};

// Lying on the side (lateral decubitus), the arms rest forward on padded arm boards in front of
// the chest, raised less than a right angle at the shoulder so that the nerves of the armpit are
// not stretched.
inline constexpr float kArmBoardForwardRad = 1.40f;  // 80 degrees

// How much of the arm's turn at the shoulder a point of the body at rest follows: 1 in the arm
// (within a little of its surface, from just below the shoulder joint to the fingers), 0 in the
// trunk, blended over the shoulder and across the armpit so that the skin stretches there
// rather than tears. Either arm (the body is symmetric).
float arm_weight(const Limbs& limbs, glm::vec3 p);

// The structures the arms carry when they move: the arm's layers and its bones.
bool moves_with_the_arms(Structure s);

// Where a point of the body at rest lies with the arms raised forward by this angle: turned
// about the axis across the body through its side's shoulder joint, by the angle times its weight.
// The renderer's vertex stage does the same with the weights it is given.
glm::vec3 posed_by_arms(const Limbs& limbs, float forward_rad, glm::vec3 p);

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
