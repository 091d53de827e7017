// Each structure's shape as one pure signed-distance map over the anatomy, in millimetres: what
// the mesher turns into triangles, and what tests ask "is this point inside the skin?".
#pragma once

#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include "core/anatomy.hpp"
#include "core/structures.hpp"

namespace thecaview {

struct Box3 {
    glm::vec3 lo{1e9f};
    glm::vec3 hi{-1e9f};
    void add(glm::vec3 p, float margin = 0.0f);
    void add(const Box3& b);
    [[nodiscard]] bool empty() const { return lo.x > hi.x; }
    [[nodiscard]] glm::vec3 size() const { return hi - lo; }
    [[nodiscard]] glm::vec3 centre() const { return 0.5f * (lo + hi); }
    [[nodiscard]] bool contains(glm::vec3 p) const;
    // How far p lies outside the box (0 inside): never more than its distance to what the box holds.
    [[nodiscard]] float distance(glm::vec3 p) const;
    // True when the whole box lies outside the view of this view-projection matrix (all eight
    // corners beyond one of its planes): nothing of what it holds can be seen.
    [[nodiscard]] bool outside_view(const glm::mat4& view_proj) const;
};

// A capsule chain: the shape of a tube (rib, root, catheter) for the distance map. Round unless it
// has a flat section (see Tube): then radius_mm is its largest half size, a bound.
struct CapsuleChain {
    std::vector<glm::vec3> points_mm;
    float radius_mm = 1.0f;
    bool mirrored = false;  // also drawn on the right side (x -> -x)
    std::vector<glm::vec2> half_size_mm{};  // per point: across the face, through it; empty: round
    std::vector<glm::vec3> facing{};        // per point: the unit direction the face looks to
};

// The transverse foramen of a cervical vertebra (C1-C6), in its level's frame (x lateral, y up
// its axis, z forward from its body's centre; the left one, mirrored): the ring of bone round it.
struct TransverseForamen {
    glm::vec3 centre{0.0f};
    float ring_mm = 0.0f;  // from the centre to the middle of the ring's bar
    float bar_mm = 0.0f;   // the bar's radius
};
TransverseForamen transverse_foramen(const LevelGeometry& g);

class BodyShape {
public:
    explicit BodyShape(const Anatomy& anatomy);

    // Signed distance to a structure (negative inside). The catheter is the whole implanted path,
    // the pump sits in its pocket: the procedure's moving parts are placed by the renderer.
    [[nodiscard]] float distance(Structure s, glm::vec3 p) const;
    // The surface a structure's mesh shows: its own, but for the dura, a shell 0.7 mm thick, whose
    // outer face alone is meshed (see-through, it is drawn as one layer; two sheets so close
    // would cost the simplifier tens of thousands of triangles).
    [[nodiscard]] float mesh_distance(Structure s, glm::vec3 p) const;
    // A box that holds the whole structure, with a margin of a few millimetres.
    [[nodiscard]] Box3 bounds(Structure s) const;
    // Tubes meshed as swept tubes rather than from the distance field.
    [[nodiscard]] const std::vector<CapsuleChain>& tubes(Structure s) const;
    [[nodiscard]] const Anatomy& anatomy() const { return anatomy_; }
    // Parts of the body's outline on their own: the trunk at its section, and either arm.
    [[nodiscard]] float trunk(glm::vec3 p, const TorsoSection& s) const;
    [[nodiscard]] float arm(glm::vec3 p) const;

private:
    // Trunk wall
    [[nodiscard]] float body_outline(glm::vec3 p, const TorsoSection& s) const;
    [[nodiscard]] float head(glm::vec3 p) const;
    [[nodiscard]] float thighs(glm::vec3 p) const;
    [[nodiscard]] float skull(glm::vec3 p) const;
    [[nodiscard]] float arm_bones(glm::vec3 p) const;
    [[nodiscard]] float scapula(glm::vec3 q) const;
    [[nodiscard]] glm::vec3 clavicle_medial() const;
    [[nodiscard]] float skin(glm::vec3 p, float outline) const;
    [[nodiscard]] float fascia(glm::vec3 p, const TorsoSection& s, float outline) const;
    [[nodiscard]] float wall_layer(glm::vec3 p, Structure s) const;
    [[nodiscard]] float wall_layer(glm::vec3 p, Structure s, const TorsoSection& section, float outline) const;
    [[nodiscard]] float back_muscle(glm::vec3 p, int i) const;
    // Spine
    [[nodiscard]] int level_above(float y_mm) const;
    [[nodiscard]] glm::vec3 level_local(glm::vec3 p, int i) const;
    [[nodiscard]] float vertebra(glm::vec3 q, int i) const;
    [[nodiscard]] float sacral_segment(glm::vec3 q, int i) const;
    [[nodiscard]] float disc(glm::vec3 q, int i) const;
    [[nodiscard]] float spine_bone(glm::vec3 p, Structure s) const;
    [[nodiscard]] float flavum(glm::vec3 p, int i) const;
    // Canal: cross-section coordinates (lateral, anterior, 0..1 along the segment below level i)
    [[nodiscard]] glm::vec3 canal_cross(glm::vec3 p, int i) const;
    [[nodiscard]] float sac(glm::vec3 p, glm::vec3 c, int i) const;
    [[nodiscard]] float cord(glm::vec3 p, glm::vec3 c, int i) const;
    [[nodiscard]] float taper_end_y(float (*radius)(const LevelGeometry&)) const;
    [[nodiscard]] float epidural(glm::vec3 c, int i, float sac_d) const;
    [[nodiscard]] float canal_structure(glm::vec3 p, Structure s) const;
    // Pelvis, pump, tubes
    [[nodiscard]] float pelvis(glm::vec3 p) const;
    [[nodiscard]] float femur(glm::vec3 q) const;
    [[nodiscard]] glm::vec3 femur_shaft_end() const;
    [[nodiscard]] float pump_shape(glm::vec3 p, float grow) const;
    [[nodiscard]] float pump(glm::vec3 p) const;
    [[nodiscard]] static float chains(const std::vector<CapsuleChain>& chains, glm::vec3 p);

    Anatomy anatomy_;
    float torso_bottom_mm_ = 0.0f, torso_top_mm_ = 0.0f;
    float neck_base_mm_ = 0.0f, neck_top_mm_ = 0.0f, neck_z_mm_ = 0.0f;
    static constexpr float kThinnest = 0.3f;  // a tapering sac or cord ends where it is this thin
    float sac_end_mm_ = 0.0f, cord_end_mm_ = 0.0f, canal_bottom_mm_ = 0.0f;
    Box3 arm_box_, head_box_, thigh_box_, breast_box_;  // the left ones (x >= 0); the breasts' empty without
    Box3 pelvis_box_;
    Box3 scapula_box_;  // the left scapula's
    std::vector<CapsuleChain> ribs_, cartilages_, roots_, catheter_;
    std::vector<CapsuleChain> none_;
};

}  // namespace thecaview
