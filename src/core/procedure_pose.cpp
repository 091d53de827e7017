// The procedure's animations as poses of the scene.
#include "core/procedure_pose.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

namespace thecaview {

namespace {
float smooth(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}
}  // namespace

float arm_weight(const Limbs& l, glm::vec3 p) {
    const glm::vec3 q(std::abs(p.x), p.y, p.z);
    // The arm's axis, as the body's outline has it, from the shoulder to the fingers' ends, and its
    // radius along it.
    const glm::vec3 fingers = l.hand_mm - glm::vec3(0.0f, l.hand_radii_mm.y, 0.0f);
    const float hand_radius = std::max(l.wrist_radius_mm, l.hand_radii_mm.x);
    struct Segment {
        glm::vec3 a, b;
        float ra, rb;
    };
    const Segment segments[] = {{l.shoulder_mm, l.elbow_mm, l.shoulder_radius_mm, l.elbow_radius_mm},
                                {l.elbow_mm, l.wrist_mm, l.elbow_radius_mm, l.wrist_radius_mm},
                                {l.wrist_mm, fingers, hand_radius, hand_radius}};
    float beyond = 1e9f;  // how far the point lies outside the arm's surface
    for (const Segment& s : segments) {
        const glm::vec3 ab = s.b - s.a;
        const float t = std::clamp(glm::dot(q - s.a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
        beyond = std::min(beyond, glm::distance(q, s.a + ab * t) - glm::mix(s.ra, s.rb, t));
    }
    // Nothing above the joint moves; the arm moves whole 40 mm below it.
    const float below_joint = glm::dot(q - l.humeral_head_mm, glm::normalize(l.elbow_mm - l.humeral_head_mm));
    const float along = smooth((below_joint + 20.0f) / 60.0f);
    const float across = 1.0f - smooth((beyond - 4.0f) / 16.0f);
    return along * across;
}

bool moves_with_the_arms(Structure s) {
    return s == Structure::skin || s == Structure::fat || s == Structure::muscle || s == Structure::arm_bones;
}

glm::vec3 posed_by_arms(const Limbs& l, float forward_rad, glm::vec3 p) {
    const float w = forward_rad == 0.0f ? 0.0f : arm_weight(l, p);
    if (w == 0.0f) return p;
    // Forward: the hanging arm's downward direction (-y) turns towards the front (+z).
    const float a = forward_rad * w;
    const glm::vec3 pivot(p.x < 0.0f ? -l.humeral_head_mm.x : l.humeral_head_mm.x, l.humeral_head_mm.y, l.humeral_head_mm.z);
    const glm::vec3 d = p - pivot;
    return pivot + glm::vec3(d.x, d.y * std::cos(a) + d.z * std::sin(a), -d.y * std::sin(a) + d.z * std::cos(a));
}

std::size_t catheter_entry_point(const Anatomy& a) {
    // Going from the tip: the first path point at or below the entry interspace that lies behind
    // the canal, out of the sac.
    const int upper = index_of(a.options.catheter_entry.upper);
    const LevelGeometry& entry = a.levels[upper];
    const glm::vec3 canal = a.canal_point(static_cast<float>(upper) + 0.5f);
    for (std::size_t i = 0; i < a.catheter_path_mm.size(); ++i) {
        const glm::vec3 p = a.catheter_path_mm[i];
        if (p.y > canal.y + 5.0f) continue;
        if (glm::dot(canal - p, entry.anterior()) > entry.canal_depth_mm * 0.5f + 4.0f) return i;
    }
    return a.catheter_path_mm.size() / 2;
}

Incisions incisions(const Anatomy& a) {
    Incisions cut;
    const float y = a.catheter_path_mm[catheter_entry_point(a)].y;
    const float back = glm::pi<float>() - 0.06f;
    cut.back_a = a.under_skin(y + 35.0f, back, 0.0f);
    cut.back_b = a.under_skin(y - 35.0f, back, 0.0f);
    const glm::vec3 side = glm::normalize(glm::cross(a.pump.axis, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 over = a.pump.centre_mm + a.pump.axis * (a.pump.thickness_mm * 0.5f + a.pump.depth_below_skin_mm) +
                           glm::vec3(0.0f, a.pump.diameter_mm * 0.55f, 0.0f);
    cut.belly_a = over - side * 45.0f;
    cut.belly_b = over + side * 45.0f;
    return cut;
}

IvLine iv_line(const Anatomy& a) {
    const Limbs& l = a.limbs;
    // The back of the hand faces backwards (palm forward); the cannula points up the hand, towards
    // the wrist, into a vein just under the skin.
    const glm::vec3 back_of_hand = l.hand_mm + glm::vec3(0.0f, 0.0f, -l.hand_radii_mm.z);
    IvLine iv;
    iv.hub_mm = back_of_hand + glm::vec3(0.0f, -10.0f, -4.0f);
    iv.cannula_tip_mm = back_of_hand + glm::vec3(0.0f, 22.0f, 3.0f);
    // Taped along the back of the hand and wrist, then up to the bag, sagging a little.
    const glm::vec3 wrist = l.wrist_mm + glm::vec3(0.0f, 0.0f, -l.wrist_radius_mm - 4.0f);
    const glm::vec3 bag_bottom(l.elbow_mm.x + 170.0f, l.shoulder_mm.y - 60.0f, l.shoulder_mm.z - 60.0f);
    iv.tubing_mm = {iv.hub_mm, iv.hub_mm + glm::vec3(0.0f, -18.0f, -8.0f), wrist + glm::vec3(0.0f, -30.0f, -6.0f),
                    wrist + glm::vec3(8.0f, 40.0f, -20.0f)};
    const glm::vec3 leave = iv.tubing_mm.back();
    for (int k = 1; k <= 6; ++k) {
        const float t = static_cast<float>(k) / 6.0f;
        const glm::vec3 straight = glm::mix(leave, bag_bottom, t);
        iv.tubing_mm.push_back(straight + glm::vec3(0.0f, -90.0f * t * (1.0f - t), 0.0f));
    }
    iv.bag_lo_mm = bag_bottom + glm::vec3(-40.0f, 0.0f, -10.0f);  // a 500 mL bag
    iv.bag_hi_mm = bag_bottom + glm::vec3(40.0f, 160.0f, 10.0f);
    return iv;
}

namespace {
// The spinal needle through the back's midline at the entry interspace, `reach` of the way from
// the skin (0) to the fluid (1); its hub stands out of the skin.
void insert_needle(ProcedurePose& pose, const Anatomy& a, float reach) {
    const glm::vec3 target = a.catheter_path_mm[catheter_entry_point(a)];
    const Incisions cut = incisions(a);
    const glm::vec3 skin = 0.5f * (cut.back_a + cut.back_b) + glm::vec3(0.0f, -8.0f, 0.0f);
    pose.needle = true;
    pose.needle_from = skin + (skin - target) * 0.25f;
    pose.needle_to = glm::mix(skin, target, reach);
}
}  // namespace

ProcedurePose pose_for(StepAnimation animation, float progress, const Anatomy& a) {
    ProcedurePose pose;
    const float entry = static_cast<float>(catheter_entry_point(a));
    const float end = static_cast<float>(a.catheter_path_mm.size() - 1);
    const float u = smooth(progress);
    switch (animation) {
        case StepAnimation::none: break;
        case StepAnimation::iv: pose.iv = true; break;
        case StepAnimation::puncture:
            // The trial's needle: through the skin between two spinous processes into the fluid,
            // with no cut and no catheter.
            insert_needle(pose, a, smooth(progress / 0.6f));
            pose.catheter_to = -1.0f;  // none
            break;
        case StepAnimation::needle:
        case StepAnimation::catheter: {
            pose.back_incision_open = 1.0f;
            // The needle goes in first (needle animation), then the catheter is threaded up to the tip.
            const bool needle = animation == StepAnimation::needle;
            const float threading = needle ? smooth((progress - 0.4f) / 0.6f) : u;
            pose.catheter_from = entry * (1.0f - threading);
            pose.catheter_to = entry + 1.0f;
            if (needle) insert_needle(pose, a, smooth(progress / 0.4f));
            break;
        }
        case StepAnimation::tunnel:
            pose.back_incision_open = 1.0f;
            pose.catheter_to = entry + (end - entry) * u;
            break;
        case StepAnimation::pocket:
            pose.back_incision_open = 1.0f;
            pose.belly_incision_open = u;
            break;
        case StepAnimation::pump:
            pose.back_incision_open = 1.0f;
            pose.belly_incision_open = 1.0f;
            pose.pump_lift_mm = 90.0f * (1.0f - u);
            break;
        case StepAnimation::close:
            pose.back_incision_open = 1.0f - u;
            pose.belly_incision_open = 1.0f - u;
            pose.dressings = smooth((progress - 0.75f) / 0.25f);  // once the cuts are closed
            break;
    }
    return pose;
}

}  // namespace thecaview
