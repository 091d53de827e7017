// The anatomy model: where every structure sits, in millimetres, computed without a GPU.
//
// Frame: +y is cranial (up, standing), +x is the patient's left, +z is anterior (the patient
// faces +z). The origin is the centre of the top of the sacrum (the S1 endplate).
// The renderer uploads this model; tests use it to know where a structure should appear.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/body_type.hpp"
#include "core/levels.hpp"
#include "core/structures.hpp"

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
    float sac_radius_mm = 0.0f;       // dural sac, mean of the half-sizes (<= 0 below its end)
    float sac_half_width_mm = 0.0f;   // the sac's oval cross-section, fitted inside the canal
    float sac_half_depth_mm = 0.0f;
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
    float angle_rad = 0.0f;            // where round the trunk it sits (0 = front midline)
};

// Soft tissue of the trunk wall, measured inward from the skin along its normal.
struct BodyWall {
    float fat_front_mm = 25.0f;  // over the abdomen, where the pump pocket is made
    float fat_back_mm = 15.0f;   // over the lower back
    float muscle_mm = 12.0f;     // abdominal wall (the back muscles are modelled as columns)

    // Subcutaneous fat (skin included) at an angle round the trunk: 0 = front midline, pi = back.
    [[nodiscard]] float fat_mm(float angle_rad) const;
};

// A tube along a polyline on the patient's left; the renderer mirrors it to the right side.
// Round unless it has a flat section: then, per point, its half size across the flat face and
// through it (a rib's half height and half thickness; the sternum's half width and half depth) and
// the unit direction the face looks to, and radius_mm is the largest half size.
struct Tube {
    std::vector<glm::vec3> points_mm;
    float radius_mm = 1.0f;
    std::vector<glm::vec2> half_size_mm;  // empty: round
    std::vector<glm::vec3> facing;        // with half_size_mm
    bool midline = false;                 // on the midline (the sternum): not mirrored
};

// The hip bones as a few landmarks (left side; mirrored). The iliac wings are part of the shell
// of an ellipsoid (a bowl) cut off at the crest and above the hip socket.
// The ribs' arcs are sampled at kRibAngles angles round the trunk (0 = front midline, pi = back),
// from kRibBackAngle forward to kRibFrontAngle. Points 0 and 1 of a rib are its head and tubercle;
// point 2 + j lies at rib_angle(j).
inline constexpr int kRibAngles = 14;
inline constexpr float kRibBackAngle = 3.14159265f - 0.55f;
inline constexpr float kRibFrontAngle = 0.10f;
float rib_angle(int j);

struct PelvisGeometry {
    float crest_y_mm = 0.0f;              // top of the iliac crests
    float wing_bottom_y_mm = 0.0f;        // where the wing meets the body of the ilium
    glm::vec3 bowl_centre_mm{0.0f};
    glm::vec3 bowl_radii_mm{0.0f};
    float wing_thickness_mm = 0.0f;
    glm::vec3 asis_mm{0.0f};              // anterior superior iliac spine
    glm::vec3 acetabulum_mm{0.0f};        // centre of the hip socket
    float acetabulum_radius_mm = 0.0f;
    glm::vec3 symphysis_mm{0.0f};         // the pubic bone's edge at the symphysis
    glm::vec3 ischial_tuberosity_mm{0.0f};
    glm::vec3 sacroiliac_mm{0.0f};        // where the wing meets the sacrum
};

// The lumbar interspaces a needle may enter for the catheter (below the conus, above the sacrum).
inline constexpr std::array<Level, 3> kNeedleEntryUpper{Level::L2, Level::L3, Level::L4};
// "L2-L3", "L3-L4" or "L4-L5" in any case; nullopt for any other text.
std::optional<Interspace> parse_needle_entry(std::string_view text);

// The head and the arms (the left one; the right is its mirror image), hanging at the sides with
// the palms forward (the anatomical position); the thighs are cut across below the hands.
// Estimates of an average adult: see docs/anatomy.md.
struct Limbs {
    float shoulder_half_width_mm = 150.0f;  // the shoulders' line, from the midline
    glm::vec3 head_centre_mm{0.0f}, head_radii_mm{0.0f};  // the cranium, an ellipsoid over the atlas
    glm::vec3 jaw_centre_mm{0.0f}, jaw_radii_mm{0.0f};    // the face and jaw
    glm::vec3 shoulder_mm{0.0f}, elbow_mm{0.0f}, wrist_mm{0.0f};
    float shoulder_radius_mm = 48.0f, elbow_radius_mm = 38.0f, wrist_radius_mm = 27.0f;  // the arm, tapering
    float shoulder_blend_mm = 30.0f;  // how smoothly the arm joins the shoulder (it swells by a quarter of it)
    glm::vec3 hand_mm{0.0f};                   // the hand's centre
    glm::vec3 hand_radii_mm{40.0f, 86.0f, 19.0f};  // across, along, palm to back
    glm::vec3 thigh_top_mm{0.0f};              // the thigh's axis starts here, level with the hip joint
    float thigh_radius_mm = 80.0f;             // at its top; it tapers down to the cut
    float thigh_cut_mm = 0.0f;                 // where the thighs end
    float neck_radius_mm = 55.0f;
    glm::vec3 breast_mm{0.0f}, breast_radii_mm{0.0f};  // the left breast (female body; zero radii: none)
    // The left scapula on the back of the chest: its superior and inferior angles, the root of its
    // spine on the medial border, the glenoid (the shoulder joint's socket) and the acromion's tip.
    glm::vec3 scapula_superior_mm{0.0f}, scapula_inferior_mm{0.0f}, scapula_spine_root_mm{0.0f};
    glm::vec3 glenoid_mm{0.0f}, acromion_mm{0.0f}, coracoid_tip_mm{0.0f};
    glm::vec3 humeral_head_mm{0.0f};  // the humerus' head, in the glenoid
    float scapula_depth_mm = 0.0f;  // the blade's middle under the back's skin
};

// A body's measures, in millimetres: means of the 2012 US Army survey ANSUR II (Gordon et al.
// 2014; 4,082 men, 1,986 women), and the estimates docs/anatomy.md flags.
struct BodyMeasures {
    float spine_scale;        // the column's lengths and the bones' sizes against the level table's
    float pelvis_width_scale; // the hip bones' breadth against the male's
    float chest_breadth, chest_depth;    // at the nipples (the female depth: at the bust)
    float waist_breadth, waist_depth;    // at the navel (omphalion)
    float hip_breadth, buttock_depth;    // the widest hips, the buttocks' fullest depth
    float navel_below_crest;             // iliocristale height - waist height (omphalion)
    float navel_to_hips;                 // waist height (omphalion) - trochanterion height
    float biacromial_breadth, bideltoid_breadth;
    float upper_arm, forearm;            // acromion-radiale and radiale-stylion lengths
    float biceps_circumference, forearm_circumference, wrist_circumference;  // flexed; flexed; wrist
    float neck_circumference, head_circumference, head_breadth, head_length, thigh_circumference;
    float hand_scale;                    // against the male hand
    float breast_projection;             // how far the breasts stand in front of the chest wall (0: none)
};
const BodyMeasures& body_measures(BodyType body);

struct AnatomyOptions {
    Level catheter_tip = Level::T10;
    Interspace catheter_entry{Level::L3};  // one of kNeedleEntryUpper
    int pump_reservoir_ml = 20;  // 20 or 40
    BodyType body = kDefaultBody;
    bool operator==(const AnatomyOptions&) const = default;
};

struct Anatomy {
    std::array<LevelGeometry, kLevelCount> levels{};  // indexed by index_of(Level)
    std::vector<TorsoSection> torso;                  // ordered from bottom to top
    // Where the trunk is measured (ANSUR II): the nipples, the navel and the widest hips.
    float chest_y_mm = 0.0f, waist_y_mm = 0.0f, hip_y_mm = 0.0f;
    std::vector<glm::vec3> catheter_path_mm;          // from the tip to the pump connector
    float catheter_radius_mm = 0.7f;
    PumpGeometry pump;
    AnatomyOptions options;
    BodyWall wall;
    std::vector<Tube> ribs;         // ribs 1-12 (see kRibAngles) and then the sternum, left side
    std::vector<Tube> costal_cartilages;  // ribs 1-10's: 1-7 to the sternum, 8-10 to the one above
    std::vector<Tube> nerve_roots;  // one per spinal nerve pair, from the cord to beyond the foramen
    PelvisGeometry pelvis;
    Limbs limbs;

    [[nodiscard]] const LevelGeometry& at(Level l) const { return levels[index_of(l)]; }
    // The canal centre at a fractional level index (3.5 = halfway between C4 and C5).
    [[nodiscard]] glm::vec3 canal_point(float level_index) const;
    // Skin ellipse of the trunk at height y (interpolated between sections).
    [[nodiscard]] TorsoSection torso_at(float y_mm) const;
    // A point depth_mm under the skin at height y, at angle (0 = front midline, +pi/2 = left flank).
    [[nodiscard]] glm::vec3 under_skin(float y_mm, float angle_rad, float depth_mm) const;
    // The scapula's blade at (|x|, y): the depth (z) of its middle, on the back's curve (the trunk's
    // ellipse) limbs.scapula_depth_mm under the skin.
    [[nodiscard]] float scapula_blade_z(float x_mm, float y_mm) const;
    // The outward skin normal at height y and angle (horizontal approximation).
    [[nodiscard]] glm::vec3 skin_normal(float y_mm, float angle_rad) const;
    // A point that lies inside the structure, for tests, labels and picking checks.
    [[nodiscard]] glm::vec3 landmark(Structure s) const;
    // The fractional level index (0 = C1) at the catheter tip.
    [[nodiscard]] float catheter_tip_level_index() const;
};

Anatomy build_anatomy(const AnatomyOptions& options = {});

// Where (fractional level index) the cord segment lies whose nerve leaves through the foramen
// below level `foramen` (Canbay et al. 2014): higher than the foramen, more so further down.
float cord_segment_index(int foramen);

}  // namespace thecaview
