// The structures' signed-distance maps, built from the anatomy model.
//
// Sections: boxes | construction | trunk wall | spine | canal | pelvis | pump | tubes | map
#include "core/geometry/body_shape.hpp"

#include <algorithm>
#include <cmath>

#include "core/geometry/sdf.hpp"

namespace thecaview {

using glm::vec2;
using glm::vec3;

// ---- boxes ------------------------------------------------------------------------------
void Box3::add(vec3 p, float margin) {
    lo = glm::min(lo, p - margin);
    hi = glm::max(hi, p + margin);
}

void Box3::add(const Box3& b) {
    if (b.empty()) return;
    lo = glm::min(lo, b.lo);
    hi = glm::max(hi, b.hi);
}

bool Box3::contains(vec3 p) const {
    return p.x >= lo.x && p.y >= lo.y && p.z >= lo.z && p.x <= hi.x && p.y <= hi.y && p.z <= hi.z;
}

bool Box3::outside_view(const glm::mat4& view_proj) const {
    if (empty()) return true;
    // Clip space: a point is inside where -w <= x, y, z <= w. Count corners beyond each plane.
    int beyond[6] = {};
    for (int c = 0; c < 8; ++c) {
        const glm::vec4 p = view_proj * glm::vec4(c & 1 ? hi.x : lo.x, c & 2 ? hi.y : lo.y, c & 4 ? hi.z : lo.z, 1.0f);
        beyond[0] += p.x < -p.w;
        beyond[1] += p.x > p.w;
        beyond[2] += p.y < -p.w;
        beyond[3] += p.y > p.w;
        beyond[4] += p.z < -p.w;
        beyond[5] += p.z > p.w;
    }
    return std::any_of(std::begin(beyond), std::end(beyond), [](int n) { return n == 8; });
}

float Box3::distance(vec3 p) const {
    return glm::length(glm::max(glm::max(lo - p, p - hi), vec3(0.0f)));
}

// ---- construction -----------------------------------------------------------------------
BodyShape::BodyShape(const Anatomy& anatomy) : anatomy_(anatomy) {
    const Anatomy& a = anatomy_;
    torso_bottom_mm_ = a.torso.front().y_mm;
    torso_top_mm_ = a.torso.back().y_mm;
    neck_base_mm_ = torso_top_mm_ - 60.0f;  // the neck's capsule starts inside the shoulders
    neck_top_mm_ = a.at(Level::C1).body_centre_mm.y + 10.0f;
    neck_z_mm_ = a.at(Level::C4).body_centre_mm.z - 5.0f;
    for (const Tube& rib : a.ribs) ribs_.push_back({rib.points_mm, rib.radius_mm, !rib.midline, rib.half_size_mm, rib.facing});
    for (const Tube& c : a.costal_cartilages) cartilages_.push_back({c.points_mm, c.radius_mm, true, c.half_size_mm, c.facing});
    for (const Tube& root : a.nerve_roots) roots_.push_back({.points_mm = root.points_mm, .radius_mm = root.radius_mm, .mirrored = true});
    catheter_.push_back({.points_mm = a.catheter_path_mm, .radius_mm = a.catheter_radius_mm});
    sac_end_mm_ = taper_end_y([](const LevelGeometry& g) { return g.sac_half_depth_mm; });
    cord_end_mm_ = taper_end_y([](const LevelGeometry& g) { return g.cord_half_depth_mm; });
    canal_bottom_mm_ = a.at(Level::S5).canal_centre_mm.y;
    // Boxes round the left limbs, the head and the left breast, for body_outline's shortcuts.
    const Limbs& l = a.limbs;
    arm_box_.add(vec3(l.shoulder_half_width_mm - 20.0f, torso_top_mm_ - 20.0f, neck_z_mm_ - 10.0f), l.shoulder_radius_mm + 10.0f);
    arm_box_.add(l.shoulder_mm, l.shoulder_radius_mm + 10.0f);
    arm_box_.add(l.elbow_mm, l.elbow_radius_mm + 10.0f);
    arm_box_.add(l.wrist_mm, l.wrist_radius_mm + 10.0f);
    arm_box_.add(l.hand_mm, std::max({l.hand_radii_mm.x, l.hand_radii_mm.y, l.hand_radii_mm.z}) + 10.0f);
    head_box_.add(l.head_centre_mm, std::max({l.head_radii_mm.x, l.head_radii_mm.y, l.head_radii_mm.z}) + 4.0f);
    head_box_.add(l.jaw_centre_mm, std::max({l.jaw_radii_mm.x, l.jaw_radii_mm.y, l.jaw_radii_mm.z}) + 4.0f);
    thigh_box_.add(l.thigh_top_mm, l.thigh_radius_mm + 4.0f);
    thigh_box_.add(vec3(l.thigh_top_mm.x + 12.0f, l.thigh_cut_mm - 40.0f, l.thigh_top_mm.z + 12.0f), l.thigh_radius_mm + 4.0f);
    if (l.breast_radii_mm.x > 0.0f) breast_box_.add(l.breast_mm, std::max({l.breast_radii_mm.x, l.breast_radii_mm.y, l.breast_radii_mm.z}) + 4.0f);
    pelvis_box_ = bounds(Structure::pelvis);
    for (const vec3 q : {l.scapula_superior_mm, l.scapula_inferior_mm, l.glenoid_mm, l.acromion_mm, l.coracoid_tip_mm}) {
        scapula_box_.add(q, 24.0f);
    }
}

// Where along the canal (as a height) a tapering radius falls to kThinnest: the conus or the
// end of the dural sac.
float BodyShape::taper_end_y(float (*radius)(const LevelGeometry&)) const {
    const auto& levels = anatomy_.levels;
    for (int i = 0; i + 1 < kLevelCount; ++i) {
        const float r0 = radius(levels[i]), r1 = radius(levels[i + 1]);
        if (r0 > kThinnest && r1 <= kThinnest) {
            const float t = (r0 - kThinnest) / (r0 - r1);
            return glm::mix(levels[i].canal_centre_mm.y, levels[i + 1].canal_centre_mm.y, t);
        }
    }
    return levels.back().canal_centre_mm.y;
}

// ---- trunk wall -------------------------------------------------------------------------
// The trunk: an ellipse across, rounded caps at the hips and the shoulders.
float BodyShape::trunk(vec3 p, const TorsoSection& s) const {
    const float across = sdf::ellipse(vec2(p.x, p.z - s.centre_z_mm), vec2(s.half_width_mm, s.half_depth_mm));
    const vec2 d(across + 60.0f, std::max(torso_bottom_mm_ - p.y, p.y - torso_top_mm_) + 60.0f);
    return 0.9f * (std::min(std::max(d.x, d.y), 0.0f) + glm::length(glm::max(d, vec2(0.0f))) - 60.0f);
}

// The body's outline without the bulge over the pump (the fascia under the fat follows it):
// the trunk with shoulders, a neck, a head and two arms hanging at the sides, palms forward
// (the anatomical position).
float BodyShape::body_outline(vec3 p, const TorsoSection& s) const {
    float d = trunk(p, s);
    const float top = torso_top_mm_;
    const float w = anatomy_.limbs.shoulder_half_width_mm;
    const Limbs& l = anatomy_.limbs;
    d = sdf::smin(d, sdf::capsule(p, vec3(-w, top - 20.0f, neck_z_mm_ - 10.0f), vec3(w, top - 20.0f, neck_z_mm_ - 10.0f),
                                  1.075f * l.shoulder_radius_mm),
                  60.0f);
    // The limbs, the head and the breasts are looked at only where their boxes come within reach:
    // beyond it a blend with them changes nothing (smin(d, x, k) is d once x >= d + k), and the
    // mesher evaluates this map millions of times.
    const vec3 q(std::abs(p.x), p.y, p.z);
    constexpr float kSpare = 6.0f;  // the maps are distance estimates: room for their error
    if (l.breast_radii_mm.x > 0.0f && breast_box_.distance(q) < d + 25.0f + kSpare) {
        d = sdf::smin(d, sdf::ellipsoid(q - l.breast_mm, l.breast_radii_mm), 25.0f);
    }
    const float neck = sdf::capsule(p, vec3(0.0f, neck_base_mm_, neck_z_mm_), vec3(0.0f, neck_top_mm_ + 30.0f, neck_z_mm_),
                                    l.neck_radius_mm);
    d = sdf::smin(d, neck, 50.0f);
    if (thigh_box_.distance(q) < d + 45.0f + kSpare) d = sdf::smin(d, thighs(p), 45.0f);
    if (head_box_.distance(p) < d + 40.0f + kSpare) d = sdf::smin(d, head(p), 40.0f);
    return arm_box_.distance(q) < d + kSpare ? std::min(d, arm(p)) : d;
}

// The skull inside the head, a scalp's width in (7 mm): the cranium above a base over the atlas, and
// the face and jaw in front of the neck, so that the spine and the cord end beneath it.
float BodyShape::skull(vec3 p) const {
    const Limbs& l = anatomy_.limbs;
    constexpr float kScalpMm = 7.0f;
    const vec3 c1 = anatomy_.at(Level::C1).body_centre_mm;
    const float cranium = std::max(sdf::ellipsoid(p - l.head_centre_mm, l.head_radii_mm - kScalpMm), c1.y + 16.0f - p.y);
    const float face = std::max(sdf::ellipsoid(p - l.jaw_centre_mm, l.jaw_radii_mm - kScalpMm - 2.0f), c1.z + 22.0f - p.z);
    return sdf::smin(cranium, face, 12.0f);
}

// Where the clavicle meets the sternum (left; mirrored): the manubrium's upper corner.
vec3 BodyShape::clavicle_medial() const {
    const Tube& sternum = anatomy_.ribs.back();
    return sternum.points_mm.front() + vec3(sternum.half_size_mm.front().x - 6.0f, 4.0f, -2.0f);
}

// The scapula (left; mirrored): a thin blade on the back of the chest, curved with it, between its
// three angles; a thicker lateral border up to the glenoid; the spine across its back out to the
// acromion over the shoulder joint; the coracoid process hooked forwards.
float BodyShape::scapula(vec3 q) const {
    const Limbs& l = anatomy_.limbs;
    const vec3 neck = l.glenoid_mm + vec3(-16.0f, -6.0f, -6.0f);  // the blade's lateral angle, below the glenoid's neck
    const float outline = sdf::triangle(vec2(q.x, q.y), vec2(l.scapula_superior_mm), vec2(l.scapula_inferior_mm), vec2(neck));
    // The blade follows the back's curve at its depth.
    float d = std::max(outline, 0.8f * (std::abs(q.z - anatomy_.scapula_blade_z(q.x, q.y)) - 2.5f));
    d = std::min(d, sdf::capsule(q, l.scapula_inferior_mm, neck, 4.0f));  // the lateral border
    d = sdf::smin(d, sdf::capsule(q, neck, l.glenoid_mm, 9.0f), 4.0f);    // the glenoid's neck
    d = std::min(d, sdf::ellipsoid(q - l.glenoid_mm, vec3(5.0f, 18.0f, 14.5f)));  // the glenoid (36 x 29 mm)
    const vec3 spine_top = l.acromion_mm + vec3(-22.0f, -8.0f, -16.0f);
    d = sdf::smin(d, sdf::tapered_capsule(q, l.scapula_spine_root_mm - vec3(0.0f, 0.0f, 4.0f), spine_top, 3.5f, 6.0f), 2.0f);  // the spine
    d = sdf::smin(d, sdf::capsule(q, spine_top, l.acromion_mm, 6.0f), 3.0f);  // the acromion
    d = std::min(d, sdf::capsule(q, l.glenoid_mm + vec3(-6.0f, 16.0f, 6.0f), l.coracoid_tip_mm, 4.5f));  // coracoid
    return d;
}

// The bones of the upper limb (left; mirrored): the clavicle from the sternum to the scapula's
// acromion, curved forwards near the sternum and back towards the shoulder; the humerus with its
// head and its condyles at the elbow, the radius (on the thumb's side, away from the body in the
// anatomical position) and the ulna, and the hand's bones as five rays.
float BodyShape::arm_bones(vec3 p) const {
    const Limbs& l = anatomy_.limbs;
    const vec3 q(std::abs(p.x), p.y, p.z);
    const vec3 shoulder = l.humeral_head_mm;
    const vec3 elbow = l.elbow_mm;
    const vec3 wrist = l.wrist_mm;
    const vec3 medial = clavicle_medial(), lateral = l.acromion_mm + vec3(-2.0f, 2.0f, 8.0f);
    const vec3 bend1 = glm::mix(medial, lateral, 0.33f) + vec3(0.0f, 4.0f, 9.0f), bend2 = glm::mix(medial, lateral, 0.72f) + vec3(0.0f, 2.0f, -4.0f);
    float d = std::min({sdf::tapered_capsule(q, medial, bend1, 7.5f, 6.0f), sdf::capsule(q, bend1, bend2, 6.0f),
                        sdf::tapered_capsule(q, bend2, lateral, 6.0f, 5.5f)});  // the clavicle
    d = std::min(d, sdf::sphere(q - shoulder, 21.0f));                                       // the humerus' head
    d = std::min(d, sdf::capsule(q, shoulder, elbow, 10.0f));                                // its shaft
    const vec3 across = glm::normalize(vec3(1.0f, 0.0f, 0.15f));
    d = sdf::smin(d, sdf::capsule(q, elbow - across * 20.0f, elbow + across * 20.0f, 10.0f), 8.0f);  // the condyles
    d = std::min(d, sdf::capsule(q, elbow + across * 12.0f, wrist + across * 14.0f, 6.5f));  // the radius
    d = std::min(d, sdf::capsule(q, elbow - across * 12.0f + vec3(0.0f, 10.0f, -6.0f), wrist - across * 10.0f, 6.0f));  // the ulna
    // The hand: five rays from the wrist, the thumb's out to the side, in the middle of the hand's
    // thickness (where the hand's centre lies, in front of the wrist's).
    const float hand = l.hand_radii_mm.x / 40.0f;  // the hand's size against the male's
    const vec3 base = vec3(l.hand_mm.x, wrist.y - 22.0f * hand, l.hand_mm.z);
    for (int k = 0; k < 5; ++k) {
        const float spread = static_cast<float>(k - 2);
        const vec3 from = base + vec3(spread * 6.0f * hand, 0.0f, 0.0f);
        const vec3 to = k == 4 ? from + vec3(16.0f, -50.0f, 0.0f) * hand
                               : from + vec3(spread * 2.0f * hand, -(l.hand_radii_mm.y * 1.55f - (k == 0 ? 26.0f : 8.0f) * hand), 0.0f);
        d = std::min(d, sdf::capsule(q, from, to, 3.5f * hand));
    }
    return d;
}

// The thighs from the hips, cut across below the hands like a teaching figure's.
float BodyShape::thighs(vec3 p) const {
    const vec3 q(std::abs(p.x), p.y, p.z);
    const Limbs& l = anatomy_.limbs;
    const vec3 hip = l.thigh_top_mm;
    const float cut = l.thigh_cut_mm;
    const float thigh = sdf::tapered_capsule(q, hip, vec3(hip.x + 12.0f, cut - 40.0f, hip.z + 12.0f), l.thigh_radius_mm,
                                             0.75f * l.thigh_radius_mm);
    return std::max(thigh, cut - p.y);
}

// The head: a skull-shaped ellipsoid over the atlas, with the face and jaw in front and below.
float BodyShape::head(vec3 p) const {
    const Limbs& l = anatomy_.limbs;
    const float cranium = sdf::ellipsoid(p - l.head_centre_mm, l.head_radii_mm);
    const float face = sdf::ellipsoid(p - l.jaw_centre_mm, l.jaw_radii_mm);
    return sdf::smin(cranium, face, 30.0f);
}

// An arm (mirrored to the right): upper arm, forearm and a flat hand, palm forward; it joins the
// shoulder smoothly and leaves a gap at the side of the trunk.
float BodyShape::arm(vec3 p) const {
    const Limbs& l = anatomy_.limbs;
    const vec3 q(std::abs(p.x), p.y, p.z);
    const float upper = sdf::tapered_capsule(q, l.shoulder_mm, l.elbow_mm, l.shoulder_radius_mm, l.elbow_radius_mm);
    const float fore = sdf::tapered_capsule(q, l.elbow_mm, l.wrist_mm, l.elbow_radius_mm, l.wrist_radius_mm);
    const float hand = sdf::ellipsoid(q - l.hand_mm, l.hand_radii_mm);
    const float limb = sdf::smin(sdf::smin(upper, fore, 20.0f), hand, 24.0f);
    // Blended into the shoulder only near the shoulder joint, so the armpit stays open.
    const float blend = std::clamp((q.y - (l.shoulder_mm.y - 90.0f)) / 60.0f, 0.0f, 1.0f);
    const float shoulder = sdf::capsule(q, vec3(anatomy_.limbs.shoulder_half_width_mm - 20.0f, torso_top_mm_ - 20.0f, neck_z_mm_ - 10.0f),
                                        l.shoulder_mm, l.shoulder_radius_mm);
    return blend > 0.0f ? sdf::smin(limb, shoulder, l.shoulder_blend_mm * blend + 1e-3f) : limb;
}

// The skin bulges over the pump so that tissue always covers it.
float BodyShape::skin(vec3 p, float outline) const {
    return sdf::smin(outline, pump_shape(p, anatomy_.pump.depth_below_skin_mm), 40.0f);
}

// The muscle fascia under the fat, as a signed distance (negative beneath it): the fat is
// thicker over the belly than over the back. `outline` is body_outline(p, s), which the skin's
// layers share.
float BodyShape::fascia(vec3 p, const TorsoSection& s, float outline) const {
    const vec2 d(p.x / s.half_width_mm, (p.z - s.centre_z_mm) / s.half_depth_mm);
    const float c = d.y / std::max(glm::length(d), 1e-4f);  // cosine of the angle from the front midline
    const float fat = glm::mix(anatomy_.wall.fat_back_mm, anatomy_.wall.fat_front_mm, 0.5f + 0.5f * c);
    return outline + fat;
}

float BodyShape::wall_layer(vec3 p, Structure id) const {
    const TorsoSection s = anatomy_.torso_at(p.y);
    return wall_layer(p, id, s, body_outline(p, s));  // the outline evaluated once: the costliest map of the figure
}

float BodyShape::wall_layer(vec3 p, Structure id, const TorsoSection& s, float outline) const {
    if (id == Structure::skin) return skin(p, outline);
    // Where the hip bone comes up to the fascia (its crest and anterior superior spine), the
    // fascia rises smoothly over it, 3 mm above the bone: the muscles and aponeuroses attached
    // there cover it, and no bare bone shows through the see-through fat.
    float fascia_d = fascia(p, s, outline);
    if (pelvis_box_.distance(p) - 3.0f < fascia_d + 12.0f + 6.0f) fascia_d = sdf::smin(fascia_d, pelvis(p) - 3.0f, 12.0f);
    if (id == Structure::fat) return std::max(std::max(skin(p, outline), -fascia_d), -pump_shape(p, 0.3f));  // with the pocket
    return std::max(fascia_d, -(fascia_d + anatomy_.wall.muscle_mm));  // the abdominal wall's muscle
}

// Erector spinae: a column of muscle each side of the spinous processes, behind the laminae.
float BodyShape::back_muscle(vec3 p, int i) const {
    const LevelGeometry& g0 = anatomy_.levels[i];
    const LevelGeometry& g1 = anatomy_.levels[i + 1];
    const vec3 a(0.0f, g0.canal_centre_mm.y, g0.canal_centre_mm.z), b(0.0f, g1.canal_centre_mm.y, g1.canal_centre_mm.z);
    const vec2 seg = sdf::segment(vec3(0.0f, p.y, p.z), a, b);
    const vec3 axis = glm::mix(a, b, seg.y);
    const float w = glm::mix(g0.body_width_mm, g1.body_width_mm, seg.y);
    const vec2 r(12.0f + 0.28f * w, 16.0f + 0.18f * w);
    const vec2 q(std::abs(p.x) - (8.0f + 0.45f * w), p.z - (axis.z - 18.0f - r.y * 0.8f));
    return 0.8f * sdf::ellipse(q, r);
}

// ---- spine ------------------------------------------------------------------------------
// The level whose body lies just above y (levels run from the top down), at most the one before last.
int BodyShape::level_above(float y_mm) const {
    int i = 0;
    while (i < kLevelCount - 2 && anatomy_.levels[i + 1].body_centre_mm.y > y_mm) ++i;
    return i;
}

// Position in the tilted frame of level i: x lateral, y cranial, z anterior; body centre at 0.
vec3 BodyShape::level_local(vec3 p, int i) const {
    const LevelGeometry& g = anatomy_.levels[i];
    const vec2 q(p.y - g.body_centre_mm.y, p.z - g.body_centre_mm.z);
    const float c = std::cos(g.tilt_rad), s = std::sin(g.tilt_rad);
    return {p.x, q.x * c + q.y * s, -q.x * s + q.y * c};
}

namespace {
// A vertebral body's outline across (x lateral, y anterior, in its level's frame): an oval, its
// back border dipping in towards the canal (deeply in the lumbar spine: kidney-shaped), and in the
// chest narrowing forward (heart-shaped).
float body_section(vec2 p, vec2 half, Region region) {
    const bool thoracic = region == Region::thoracic, lumbar = region == Region::lumbar;
    const float narrow = thoracic ? 1.0f - 0.24f * std::clamp(p.y / half.y, 0.0f, 1.0f) : 1.0f;
    float d = sdf::ellipse(vec2(p.x / narrow, p.y), half) * narrow;
    if (thoracic || lumbar) {
        const float dip = (lumbar ? 0.16f : 0.09f) * half.y, r = (lumbar ? 0.42f : 0.3f) * half.x;
        const float notch = glm::length(p - vec2(0.0f, -half.y - r + dip)) - r;
        d = -sdf::smin(-d, notch, 3.0f);
    }
    return d;
}
}  // namespace

TransverseForamen transverse_foramen(const LevelGeometry& g) {
    const float scale = std::clamp(g.body_width_mm / 40.0f, 0.45f, 1.2f);
    const float r = 3.2f * scale + 0.8f;
    const float ped_x = 0.5f * g.canal_width_mm + 2.5f * scale;
    const float ped_z = -(0.5f * g.body_depth_mm + 0.55f * g.canal_depth_mm);
    TransverseForamen f;
    f.bar_mm = 0.7f * r;
    f.ring_mm = 3.0f + f.bar_mm;  // a hole about 6 mm across
    f.centre = vec3(ped_x + r + 3.0f, 0.0f, 0.5f * (ped_z - 0.05f * g.body_depth_mm));
    return f;
}

// A mobile vertebra (C1-L5): body, pedicles, laminae, spinous, transverse and articular processes,
// with the features each region is known by (docs/anatomy.md): the atlas' ring with its lateral
// masses and the axis' dens; the cervical uncinate processes, transverse foramina and forked
// spinous processes; the thoracic heart-shaped bodies and long, down-sloping spinous processes;
// the lumbar kidney-shaped bodies, thick pedicles and square spinous processes.
float BodyShape::vertebra(vec3 q, int i) const {
    const LevelGeometry& g = anatomy_.levels[i];
    const Region region = region_of(g.level);
    const bool cervical = region == Region::cervical, lumbar = region == Region::lumbar;
    const float h = g.body_height_mm, half_w = 0.5f * g.body_width_mm, half_d = 0.5f * g.body_depth_mm;
    const float scale = std::clamp(g.body_width_mm / 40.0f, 0.45f, 1.2f);
    constexpr float kRim = 2.0f;
    const vec2 across(body_section(vec2(q.x, q.z), vec2(half_w, half_d) - kRim, region), std::abs(q.y) - 0.5f * h + kRim);
    float body = std::min(std::max(across.x, across.y), 0.0f) + glm::length(glm::max(across, vec2(0.0f))) - kRim;
    if (i == 0) body = sdf::round_elliptic_cylinder(q + vec3(0.0f, 0.0f, -4.0f), vec2(half_w, 4.0f), 0.5f * h, 2.0f);  // the anterior arch
    const vec3 qs(std::abs(q.x), q.y, q.z);  // the paired parts, mirrored
    if (cervical && i >= 2) {  // uncinate processes: lips up from the top's side edges
        body = sdf::smin(body, sdf::capsule(qs, vec3(half_w - 1.5f, 0.5f * h, -0.55f * half_d), vec3(half_w - 1.5f, 0.5f * h, 0.3f * half_d), 1.7f), 1.5f);
    }
    const float canal_back = -(half_d + g.canal_depth_mm + 1.0f);
    const float ped_x = 0.5f * g.canal_width_mm + 2.5f * scale;
    const float ped_z = -(half_d + 0.55f * g.canal_depth_mm);
    const float r = 3.2f * scale + 0.8f;
    const float pedicle_r = lumbar ? r * 1.35f : r;
    float arch = sdf::capsule(qs, vec3(ped_x, 0.1f * h, -half_d + 2.0f), vec3(ped_x, 0.1f * h, ped_z), pedicle_r);
    arch = std::min(arch, sdf::capsule(qs, vec3(ped_x, 0.05f * h, ped_z), vec3(0.0f, -0.1f * h, canal_back - 2.0f), r * 0.9f));
    // Articular processes: short vertical pillars where pedicle meets lamina; the atlas' lateral
    // masses carry the skull.
    arch = std::min(arch, sdf::capsule(qs, vec3(ped_x + 1.0f, -0.55f * h, ped_z - 1.5f), vec3(ped_x + 1.0f, 0.55f * h, ped_z - 1.5f),
                                       r * (i == 0 ? 2.0f : 0.95f)));
    // Transverse processes: in the neck a ring round the transverse foramen (the vertebral artery's
    // way, C1-C6), angled back in the chest, long and flat in the lumbar spine.
    const float tp_len = cervical ? 9.0f + 0.2f * half_w : (region == Region::thoracic ? 20.0f + 0.25f * half_w : 18.0f + 0.55f * half_w);
    if (cervical && i < 6) {
        const TransverseForamen f = transverse_foramen(g);
        const vec2 round(glm::length(vec2(qs.x, qs.z) - vec2(f.centre.x, f.centre.z)) - f.ring_mm, qs.y - f.centre.y);
        arch = std::min(arch, glm::length(round) - f.bar_mm);  // the ring round the foramen
        arch = std::min(arch, sdf::capsule(qs, f.centre + vec3(f.ring_mm, 0.0f, 0.0f), vec3(ped_x + tp_len + 3.0f, 0.0f, f.centre.z - 1.0f),
                                           f.bar_mm));  // its tubercles
    } else {
        const float tp_back = cervical ? 2.0f : (region == Region::thoracic ? -10.0f : -2.0f);
        arch = std::min(arch, sdf::capsule(qs, vec3(ped_x, 0.0f, ped_z), vec3(ped_x + tp_len, 0.02f * h, ped_z + tp_back), r * 0.8f));
    }
    // Spinous process: a small tubercle on the atlas, forked in the neck, steep and long in the
    // chest, square and level in the lumbar spine.
    const float sp_len = i == 0 ? 5.0f : (i < 6 ? 14.0f + 2.0f * static_cast<float>(i) : (lumbar ? 30.0f : 36.0f));
    const float sp_drop = cervical ? 0.35f : (lumbar ? 0.15f : 0.95f);
    const vec3 sp_start(0.0f, -0.1f * h, canal_back - 1.0f);
    const vec3 sp_dir = glm::normalize(vec3(0.0f, -sp_drop, -1.0f));
    const vec3 sp_end = sp_start + sp_dir * sp_len;
    float sp = 0.0f;
    if (lumbar) {
        sp = sdf::round_box(q - glm::mix(sp_start, sp_end, 0.5f), vec3(2.5f, 0.32f * h, 0.5f * sp_len), 2.0f);
    } else if (cervical && i >= 1 && i <= 5) {  // C2-C6: bifid
        const vec3 fork = sp_start + sp_dir * (0.6f * sp_len);
        sp = std::min(sdf::capsule(q, sp_start, fork, r), sdf::capsule(qs, fork, sp_end + vec3(3.5f * scale + 1.5f, 0.0f, 0.0f), r * 0.7f));
    } else {
        sp = sdf::tapered_capsule(q, sp_start, sp_end, r, r * 0.7f);
    }
    arch = std::min(arch, sp);
    if (i == 1) arch = std::min(arch, sdf::capsule(q, vec3(0.0f, 0.5f * h, -2.0f), vec3(0.0f, 0.5f * h + 14.0f, -1.0f), 5.0f));  // dens
    return sdf::smin(body, arch, 2.5f);
}

// A sacral segment (S1-S5; the alae at the top) or the coccyx. The segments are fused: each one's
// body and lateral masses reach the next, and between them the paired sacral foramina pass
// through the bone from front to back where the body meets the lateral mass (S1-S4's, 12-13 mm
// across at the top, smaller lower down: docs/anatomy.md).
float BodyShape::sacral_segment(vec3 q, int i) const {
    const LevelGeometry& g = anatomy_.levels[i];
    if (i == kLevelCount - 1) {
        return sdf::tapered_capsule(q, vec3(0.0f, 0.5f * g.body_height_mm, 0.0f), vec3(0.0f, -0.5f * g.body_height_mm, 2.0f), 6.0f,
                                    3.0f);
    }
    const float half_w = 0.5f * g.body_width_mm, half_d = 0.5f * g.body_depth_mm, h = g.body_height_mm;
    const float body = sdf::round_box(q, vec3(half_w * 0.45f, 0.5f * h + 1.0f, half_d), 4.0f);
    const float wings = sdf::round_box(q - vec3(0.0f, 0.0f, -0.2f * half_d), vec3(half_w, 0.5f * h + 1.0f, half_d * 0.7f), 6.0f);
    const float crest = sdf::round_box(q - vec3(0.0f, 0.0f, -half_d - 3.0f), vec3(3.0f, 0.4f * h, 5.0f), 2.0f);  // median crest
    float bone = sdf::smin(sdf::smin(body, wings, 8.0f), crest, 4.0f);
    // The foramina above and below this segment (the first pair between S1 and S2).
    constexpr float kForamenRadiusMm[4] = {6.3f, 6.0f, 4.5f, 3.5f};
    const int segment = i - kMobileVertebraCount;  // 0: S1
    for (const int j : {segment - 1, segment}) {
        if (j < 0 || j > 3) continue;
        // Placed by the segment above it, so that the two segments' holes meet.
        const float upper_half_w = 0.5f * anatomy_.levels[kMobileVertebraCount + j].body_width_mm;
        const float scale = std::sqrt(2.0f * upper_half_w / std::max(anatomy_.at(Level::S1).body_width_mm, 1.0f));
        const float r = kForamenRadiusMm[j] * std::max(scale, 0.8f);
        const float y = j == segment ? -0.5f * h : 0.5f * h;
        bone = std::max(bone, -(glm::length(vec2(std::abs(q.x) - (upper_half_w * 0.45f + r + 1.5f), q.y - y)) - r));
    }
    // The sacral canal runs through the bone.
    const float canal = sdf::ellipse(vec2(q.x, q.z + 0.25f * g.body_depth_mm), 0.5f * vec2(g.canal_width_mm, g.canal_depth_mm));
    return std::max(bone, -canal);
}

float BodyShape::disc(vec3 q, int i) const {
    if (i <= 0 || i >= kMobileVertebraCount) return 1e5f;  // no disc under the atlas or in the sacrum
    const LevelGeometry& g = anatomy_.levels[i];
    q.y += 0.5f * g.body_height_mm + 0.5f * g.disc_below_mm;
    return sdf::round_elliptic_cylinder(q, 0.5f * vec2(g.body_width_mm, g.body_depth_mm) * vec2(0.97f, 0.95f),
                                        0.5f * g.disc_below_mm + 0.4f, 1.5f);
}

// The bones or discs of the levels around p.
float BodyShape::spine_bone(vec3 p, Structure s) const {
    const int i = level_above(p.y);
    float d = 1e5f;
    for (int k = std::max(i - 1, 0); k <= std::min(i + 2, kLevelCount - 1); ++k) {
        const vec3 q = level_local(p, k);
        if (s == Structure::discs) d = std::min(d, disc(q, k));
        else if (s == Structure::vertebrae && k < kMobileVertebraCount) d = std::min(d, vertebra(q, k));
        else if (s == Structure::sacrum && k >= kMobileVertebraCount) d = sdf::smin(d, sacral_segment(q, k), 3.0f);  // fused
    }
    return d;
}

// The ligamentum flavum between the laminae of level i and the level below: the back wall of
// the canal at the interspace, thicker lower down (about 3.5 mm in the lumbar spine).
float BodyShape::flavum(vec3 p, int i) const {
    if (i < 1 || i >= kMobileVertebraCount - 1) return 1e5f;
    const vec3 q = level_local(p, i);
    const LevelGeometry& g = anatomy_.levels[i];
    const float half_t = i < 7 ? 1.0f : (i < 19 ? 1.4f : 1.75f);
    const vec3 centre(0.0f, -0.5f * g.body_height_mm - 0.5f * g.disc_below_mm, -(0.5f * g.body_depth_mm + g.canal_depth_mm + 1.0f) + half_t);
    return sdf::round_box(q - centre, vec3(0.5f * g.canal_width_mm + 1.0f, 0.5f * g.disc_below_mm + 0.3f * g.body_height_mm, half_t),
                          half_t * 0.9f);
}

// ---- canal ------------------------------------------------------------------------------
vec3 BodyShape::canal_cross(vec3 p, int i) const {
    const vec3 a(0.0f, anatomy_.levels[i].canal_centre_mm.y, anatomy_.levels[i].canal_centre_mm.z);
    const vec3 b(0.0f, anatomy_.levels[i + 1].canal_centre_mm.y, anatomy_.levels[i + 1].canal_centre_mm.z);
    const vec2 seg = sdf::segment(p, a, b);
    const vec3 off = p - glm::mix(a, b, seg.y);
    const vec3 dir = glm::normalize(b - a);
    vec3 anterior(0.0f, -dir.z, dir.y);
    if (anterior.z < 0.0f) anterior = -anterior;
    return {off.x, glm::dot(off, anterior), seg.y};
}

// The dural sac's inside (CSF and what floats in it), closed where it ends in S2.
float BodyShape::sac(vec3 p, vec3 c, int i) const {
    const LevelGeometry& g0 = anatomy_.levels[i];
    const LevelGeometry& g1 = anatomy_.levels[i + 1];
    const vec2 r = glm::mix(vec2(g0.sac_half_width_mm, g0.sac_half_depth_mm), vec2(g1.sac_half_width_mm, g1.sac_half_depth_mm), c.z);
    return std::max(sdf::ellipse(vec2(c.x, c.y), glm::max(r, vec2(kThinnest))), sac_end_mm_ - p.y);
}

// The cord, closed where the conus ends (L1-L2).
float BodyShape::cord(vec3 p, vec3 c, int i) const {
    const LevelGeometry& g0 = anatomy_.levels[i];
    const LevelGeometry& g1 = anatomy_.levels[i + 1];
    const vec2 r =
        glm::mix(vec2(g0.cord_half_width_mm, g0.cord_half_depth_mm), vec2(g1.cord_half_width_mm, g1.cord_half_depth_mm), c.z);
    return std::max(sdf::ellipse(vec2(c.x, c.y), glm::max(r, vec2(kThinnest))), cord_end_mm_ - p.y);
}

// The epidural space: what the canal holds outside the dura (fat and veins).
float BodyShape::epidural(vec3 c, int i, float sac_d) const {
    const LevelGeometry& g0 = anatomy_.levels[i];
    const LevelGeometry& g1 = anatomy_.levels[i + 1];
    const vec2 r = 0.5f * glm::mix(vec2(g0.canal_width_mm, g0.canal_depth_mm), vec2(g1.canal_width_mm, g1.canal_depth_mm), c.z);
    return std::max(sdf::ellipse(vec2(c.x, c.y), glm::max(r, vec2(kThinnest))), -(sac_d - 0.7f));
}

// The canal's contents, cut off at the top of the neck (the model has no head) and at the
// sacral hiatus, where the canal ends.
float BodyShape::canal_structure(vec3 p, Structure s) const {
    const int i = level_above(p.y);
    if (s == Structure::ligamentum_flavum) return flavum(p, i);
    const vec3 c = canal_cross(p, i);
    const float sac_d = sac(p, c, i);
    float d = 1e5f;
    switch (s) {
        case Structure::csf: d = sac_d; break;
        case Structure::dura: d = std::abs(sac_d - 0.35f) - 0.35f; break;
        case Structure::epidural_space: d = epidural(c, i, sac_d); break;
        case Structure::spinal_cord: d = cord(p, c, i); break;
        default: break;
    }
    return std::max({d, p.y - neck_top_mm_, canal_bottom_mm_ - p.y});
}

// ---- pelvis -----------------------------------------------------------------------------
// A hip bone (left; mirrored): the iliac wing, a bowl's shell from the sacroiliac joint round to the
// anterior superior iliac spine, its crest a thicker rounded rim; the acetabulum, a cup that opens
// outwards, forwards and down; the pubis' body at the symphysis and its rami, and the ischium down
// to its tuberosity, round the obturator foramen.
float BodyShape::pelvis(vec3 p) const {
    const PelvisGeometry& g = anatomy_.pelvis;
    const vec3 q(std::abs(p.x), p.y, p.z);
    const float bowl = sdf::ellipsoid(q - g.bowl_centre_mm, g.bowl_radii_mm);
    const float limits = std::max({g.wing_bottom_y_mm - q.y, q.z - g.asis_mm.z - 6.0f, g.sacroiliac_mm.x - 4.0f - q.x});
    float wing = std::max({std::abs(bowl) - 0.5f * g.wing_thickness_mm, q.y - g.crest_y_mm, limits});
    const float crest = glm::length(vec2(bowl, q.y - (g.crest_y_mm - 5.0f))) - 5.5f;  // the crest's lip
    wing = std::min(wing, std::max(crest, limits));
    float d = sdf::smin(wing, sdf::sphere(q - g.asis_mm - vec3(-2.0f, -3.0f, 0.0f), 7.0f), 4.0f);  // the ASIS
    const vec3 c = g.acetabulum_mm;
    const float r = g.acetabulum_radius_mm;
    const vec3 opening = glm::normalize(vec3(1.0f, -0.55f, 0.5f));
    const vec3 back = c - opening * (0.75f * r);
    // The ilium's body, broad from the wing down to the socket (the greater sciatic notch behind it).
    const vec3 wing_base(c.x + 4.0f, g.wing_bottom_y_mm + 12.0f, c.z - 8.0f);
    d = sdf::smin(d, sdf::capsule(q, wing_base, back, 16.0f), 10.0f);
    d = sdf::smin(d, sdf::ellipsoid(q - glm::mix(wing_base, back, 0.4f) - vec3(-2.0f, 0.0f, 6.0f), vec3(9.0f, 30.0f, 34.0f)), 8.0f);
    d = sdf::smin(d, std::max(std::abs(glm::length(q - c) - r + 3.0f) - 3.5f, glm::dot(q - c, opening) - 0.15f * r), 4.0f);  // the cup's rim
    const vec3 pubis = g.symphysis_mm + vec3(9.0f, 0.0f, -2.0f);
    d = sdf::smin(d, sdf::round_box(q - pubis, vec3(9.0f, 17.0f, 7.0f), 4.0f), 4.0f);  // the pubis' body
    d = sdf::smin(d, sdf::capsule(q, back + vec3(0.0f, 0.0f, 10.0f), pubis + vec3(2.0f, 8.0f, 0.0f), 8.0f), 6.0f);  // superior ramus
    d = sdf::smin(d, sdf::capsule(q, back - vec3(0.0f, 10.0f, 0.0f), g.ischial_tuberosity_mm, 11.0f), 6.0f);  // ischium
    d = sdf::smin(d, sdf::sphere(q - g.ischial_tuberosity_mm, 14.0f), 6.0f);  // its tuberosity
    d = sdf::smin(d, sdf::capsule(q, g.ischial_tuberosity_mm, pubis - vec3(0.0f, 12.0f, 0.0f), 6.5f), 6.0f);  // inferior ramus
    return std::max(d, r - 4.0f - glm::length(q - c));  // the socket, hollow for the femur's head
}

// The femur (left; mirrored): its head in the acetabulum (a millimetre of joint space), the neck
// out and down to the greater trochanter at a neck-shaft angle of about 125 degrees, and the shaft
// down the thigh, ending inside it above the cut.
vec3 BodyShape::femur_shaft_end() const {
    const Limbs& l = anatomy_.limbs;
    return vec3(l.thigh_top_mm.x + 4.0f, l.thigh_cut_mm + 30.0f, l.thigh_top_mm.z + 10.0f);
}

float BodyShape::femur(vec3 q) const {
    const PelvisGeometry& g = anatomy_.pelvis;
    const float s = g.acetabulum_radius_mm / 27.0f;  // the male's socket: 27 mm
    const vec3 c = g.acetabulum_mm;
    const float head = sdf::sphere(q - c, g.acetabulum_radius_mm - 5.0f);
    const vec3 trochanter = c + vec3(52.0f, -30.0f, -4.0f) * s;
    const vec3 neck_end = c + vec3(40.0f, -24.0f, 0.0f) * s;
    float d = sdf::smin(head, sdf::tapered_capsule(q, c, neck_end, 12.0f * s, 15.0f * s), 4.0f);  // the neck
    d = sdf::smin(d, sdf::ellipsoid(q - trochanter, vec3(12.0f, 20.0f, 15.0f) * s), 5.0f);       // the greater trochanter
    const vec3 shaft_top = trochanter + vec3(-10.0f, -30.0f, 2.0f) * s;
    d = sdf::smin(d, sdf::tapered_capsule(q, trochanter - vec3(4.0f, 0.0f, 0.0f), shaft_top, 16.0f * s, 13.0f * s), 6.0f);
    return sdf::smin(d, sdf::tapered_capsule(q, shaft_top, femur_shaft_end(), 13.0f * s, 12.0f * s), 4.0f);  // the shaft
}

// ---- pump -------------------------------------------------------------------------------
// The titanium disc, grown by `grow` millimetres (the skin's bulge uses a grown copy).
float BodyShape::pump_shape(vec3 p, float grow) const {
    const PumpGeometry& g = anatomy_.pump;
    return sdf::round_cylinder(p - g.centre_mm, g.axis, 0.5f * g.diameter_mm + grow, 0.5f * g.thickness_mm + grow, 6.0f + grow);
}

float BodyShape::pump(vec3 p) const {
    const PumpGeometry& g = anatomy_.pump;
    const vec3 axis = g.axis;
    const vec3 q = p - g.centre_mm;
    const float radius = 0.5f * g.diameter_mm, half_t = 0.5f * g.thickness_mm;
    float d = pump_shape(p, 0.0f);
    // The central refill port: a raised ring around the septum on the outer face.
    const float y = glm::dot(q, axis);
    const float x = glm::length(q - axis * y);
    const float ring = glm::length(vec2(x - 9.0f, y - half_t)) - 2.6f;
    // The catheter access port, smaller, towards the connector side.
    const vec3 side = glm::normalize(glm::cross(axis, vec3(0.0f, 1.0f, 0.0f)));
    const vec3 qa = q - side * 26.0f;
    const float ya = glm::dot(qa, axis);
    const float xa = glm::length(qa - axis * ya);
    const float access = glm::length(vec2(xa - 4.5f, ya - half_t)) - 1.8f;
    d = sdf::smin(d, std::min(ring, access), 1.5f);
    // The catheter connector on the rim, facing the flank, and suture loops round the rim.
    const vec3 out = glm::normalize(vec3(1.0f, 0.0f, 0.0f) - axis * axis.x);
    d = sdf::smin(d, sdf::capsule(q, out * (radius - 3.0f), out * (radius + 5.0f), 3.2f), 2.0f);
    const vec3 up = glm::normalize(glm::cross(out, axis));
    for (int k = 0; k < 3; ++k) {
        const float angle = 2.2f + 1.35f * static_cast<float>(k);
        const vec3 dir = std::cos(angle) * out + std::sin(angle) * up;
        const vec3 lq = q - dir * (radius + 1.5f);
        const vec2 t(glm::length(vec2(glm::dot(lq, dir), glm::dot(lq, axis))) - 3.0f, glm::dot(lq, glm::cross(dir, axis)));
        d = std::min(d, glm::length(t) - 1.0f);  // a small ring standing out from the rim
    }
    return d;
}

// ---- tubes ------------------------------------------------------------------------------
namespace {
// A flat chain's segment k: an elliptic section (half sizes and facing blended along it) whose
// ends, where the segment's end clamps the nearest point, round off as ellipsoids as deep as the
// section is thin, like the swept mesh's caps.
float flat_segment(vec3 q, const CapsuleChain& c, std::size_t k) {
    const vec3 a = c.points_mm[k], b = c.points_mm[k + 1];
    const vec3 ab = b - a;
    const float length = glm::length(ab);
    if (length < 1e-4f) return 1e5f;
    const vec3 t = ab / length;
    const float along = glm::dot(q - a, t);
    const float h = std::clamp(along / length, 0.0f, 1.0f);
    const vec2 size = glm::mix(c.half_size_mm[k], c.half_size_mm[k + 1], h);
    vec3 face = glm::mix(c.facing[k], c.facing[k + 1], h);
    face -= t * glm::dot(face, t);
    face = glm::length(face) > 1e-6f ? glm::normalize(face) : vec3(0.0f, 0.0f, 1.0f);
    const vec3 across = glm::cross(t, face);
    const vec3 off = q - (a + ab * h);
    const float beyond = along < 0.0f ? along : std::max(along - length, 0.0f);
    return sdf::ellipsoid(vec3(glm::dot(off, across), glm::dot(off, face), beyond), vec3(size, std::min(size.x, size.y)));
}
}  // namespace

float BodyShape::chains(const std::vector<CapsuleChain>& chains, vec3 p) {
    float d = 1e5f;
    for (const CapsuleChain& c : chains) {
        const vec3 q = c.mirrored ? vec3(std::abs(p.x), p.y, p.z) : p;
        if (c.half_size_mm.empty()) {
            for (std::size_t k = 0; k + 1 < c.points_mm.size(); ++k) {
                d = std::min(d, sdf::capsule(q, c.points_mm[k], c.points_mm[k + 1], c.radius_mm));
            }
            continue;
        }
        for (std::size_t k = 0; k + 1 < c.points_mm.size(); ++k) {
            if (sdf::capsule(q, c.points_mm[k], c.points_mm[k + 1], c.radius_mm) > d) continue;  // a bound: no nearer
            d = std::min(d, flat_segment(q, c, k));
        }
    }
    return d;
}

const std::vector<CapsuleChain>& BodyShape::tubes(Structure s) const {
    switch (s) {
        case Structure::ribs: return ribs_;
        case Structure::costal_cartilage: return cartilages_;
        case Structure::nerve_roots: return roots_;
        case Structure::catheter: return catheter_;
        default: return none_;
    }
}

// ---- map --------------------------------------------------------------------------------
float BodyShape::distance(Structure s, vec3 p) const {
    switch (s) {
        case Structure::skin:
        case Structure::fat: return wall_layer(p, s);
        case Structure::muscle: {
            // The back muscles lie under the fat, like the abdominal wall's (one outline for both).
            const TorsoSection section = anatomy_.torso_at(p.y);
            const float outline = body_outline(p, section);
            const float back = std::max(back_muscle(p, level_above(p.y)), fascia(p, section, outline));
            return std::min(wall_layer(p, s, section, outline), back);
        }
        case Structure::ribs: return chains(ribs_, p);
        case Structure::costal_cartilage: return chains(cartilages_, p);
        case Structure::pelvis: return pelvis(p);
        case Structure::vertebrae:
        case Structure::sacrum:
        case Structure::discs: return spine_bone(p, s);
        case Structure::ligamentum_flavum:
        case Structure::epidural_space:
        case Structure::dura:
        case Structure::csf:
        case Structure::spinal_cord: return canal_structure(p, s);
        case Structure::nerve_roots: return chains(roots_, p);
        case Structure::catheter: return chains(catheter_, p);
        case Structure::pump: return pump(p);
        case Structure::skull: return skull(p);
        case Structure::arm_bones: return arm_bones(p);
        case Structure::scapula: return scapula(vec3(std::abs(p.x), p.y, p.z));
        case Structure::femur: return femur(vec3(std::abs(p.x), p.y, p.z));
    }
    return 1e5f;
}

float BodyShape::mesh_distance(Structure s, vec3 p) const {
    if (s != Structure::dura) return distance(s, p);
    const float outer = distance(Structure::csf, p) - 0.7f;
    return std::max({outer, p.y - neck_top_mm_, canal_bottom_mm_ - p.y});
}

Box3 BodyShape::bounds(Structure s) const {
    const Anatomy& a = anatomy_;
    Box3 box;
    const auto add_chains = [&box](const std::vector<CapsuleChain>& chains) {
        for (const CapsuleChain& c : chains) {
            for (const vec3 q : c.points_mm) {
                box.add(q, c.radius_mm + 2.0f);
                if (c.mirrored) box.add(vec3(-q.x, q.y, q.z), c.radius_mm + 2.0f);
            }
        }
    };
    switch (s) {
        case Structure::skin:
        case Structure::fat:
        case Structure::muscle: {
            float half_width = 0.0f, min_z = 1e9f, max_z = -1e9f;
            for (const TorsoSection& t : a.torso) {
                half_width = std::max(half_width, t.half_width_mm);
                min_z = std::min(min_z, t.centre_z_mm - t.half_depth_mm);
                max_z = std::max(max_z, t.centre_z_mm + t.half_depth_mm);
            }
            const Limbs& l = a.limbs;
            half_width = std::max({half_width, anatomy_.limbs.shoulder_half_width_mm + 52.0f, l.hand_mm.x + l.hand_radii_mm.x + 5.0f,
                                   l.wrist_mm.x + l.wrist_radius_mm + 3.0f, l.shoulder_mm.x + l.shoulder_radius_mm + 5.0f,
                                   l.elbow_mm.x + l.elbow_radius_mm + 3.0f});
            max_z = std::max(max_z, l.breast_mm.z + l.breast_radii_mm.z);
            const float head_top = l.head_centre_mm.y + l.head_radii_mm.y;
            const float face = std::max(l.head_centre_mm.z + l.head_radii_mm.z, l.jaw_centre_mm.z + l.jaw_radii_mm.z);
            box.add(vec3(half_width + 8.0f, head_top + 8.0f, std::max(max_z + 45.0f, face + 8.0f)));
            box.add(vec3(-half_width - 8.0f, std::min(torso_bottom_mm_, l.thigh_cut_mm) - 8.0f,
                         std::min(min_z - 30.0f, l.head_centre_mm.z - l.head_radii_mm.z - 8.0f)));
            return box;
        }
        case Structure::ribs:
        case Structure::costal_cartilage:
        case Structure::nerve_roots:
        case Structure::catheter: add_chains(tubes(s)); return box;
        case Structure::pelvis: {
            const PelvisGeometry& p = a.pelvis;
            for (const vec3 q : {p.asis_mm, p.acetabulum_mm, p.symphysis_mm, p.ischial_tuberosity_mm, p.sacroiliac_mm}) {
                box.add(q, p.acetabulum_radius_mm + 18.0f);
                box.add(vec3(-q.x, q.y, q.z), p.acetabulum_radius_mm + 18.0f);
            }
            box.add(p.bowl_centre_mm + p.bowl_radii_mm, p.wing_thickness_mm + 4.0f);
            box.add(vec3(-1.0f, 1.0f, 1.0f) * (p.bowl_centre_mm + p.bowl_radii_mm), p.wing_thickness_mm + 4.0f);
            box.lo.y = std::max(box.lo.y, std::min(p.ischial_tuberosity_mm.y, p.symphysis_mm.y) - 25.0f);
            box.hi.y = std::min(box.hi.y, p.crest_y_mm + 4.0f);
            return box;
        }
        case Structure::pump:
            box.add(a.pump.centre_mm, 0.5f * a.pump.diameter_mm + 12.0f);
            return box;
        case Structure::skull: {
            const Limbs& l = a.limbs;
            box.add(l.head_centre_mm + l.head_radii_mm, 4.0f);
            box.add(l.head_centre_mm - l.head_radii_mm, 4.0f);
            box.add(l.jaw_centre_mm + l.jaw_radii_mm, 4.0f);
            box.add(l.jaw_centre_mm - l.jaw_radii_mm, 4.0f);
            return box;
        }
        case Structure::femur: {
            const Limbs& l = a.limbs;
            const vec3 c = a.pelvis.acetabulum_mm;
            for (const vec3 q : {c, femur_shaft_end(), c + vec3(60.0f, -30.0f, 0.0f)}) {
                box.add(q, 40.0f);
                box.add(vec3(-q.x, q.y, q.z), 40.0f);
            }
            box.lo.y = std::max(box.lo.y, l.thigh_cut_mm);
            return box;
        }
        case Structure::scapula:
            box = scapula_box_;
            box.add(vec3(-scapula_box_.lo.x, scapula_box_.lo.y, scapula_box_.lo.z));
            box.add(vec3(-scapula_box_.hi.x, scapula_box_.hi.y, scapula_box_.hi.z));
            return box;
        case Structure::arm_bones: {
            const Limbs& l = a.limbs;
            for (const vec3 q : {l.shoulder_mm, l.elbow_mm, l.wrist_mm, clavicle_medial()}) {
                box.add(q, 40.0f);
                box.add(vec3(-q.x, q.y, q.z), 40.0f);
            }
            box.add(l.hand_mm, l.hand_radii_mm.y + 5.0f);
            box.add(vec3(-l.hand_mm.x, l.hand_mm.y, l.hand_mm.z), l.hand_radii_mm.y + 5.0f);
            return box;
        }
        default: {
            // The spine and the canal: every level's body, canal and processes.
            for (const LevelGeometry& g : a.levels) {
                box.add(g.body_centre_mm, std::max(0.5f * g.body_width_mm, 0.5f * g.body_depth_mm) + 8.0f);
                box.add(g.canal_centre_mm, s == Structure::vertebrae || s == Structure::sacrum ? 62.0f : 20.0f);
            }
            return box;
        }
    }
}

}  // namespace thecaview
