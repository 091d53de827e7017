// Builds the anatomy model from the proportion tables below (sources in docs/anatomy.md).
#include "core/anatomy.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/vec2.hpp>

namespace thecaview {

namespace {

// Per-level proportions of an average adult, top (C1) to bottom (Co). docs/notes/level-table.md
// gives the source of every number and flags the estimates:
// - bodies: Panjabi et al. 1991 (thoracic heights and widths) and 1992 (lumbar widths); lumbar
//   heights from living CT (Bonczar et al. 2024); cervical and thoracic depths estimated;
// - canal: lumbar from living CT (Griffith et al. 2016), cervical and thoracic depths from CT
//   (Parihar; Kang et al. 2012), Panjabi 1991 at T11-T12;
// - discs: cervical MRI (Koken et al. 2014), lumbar CT (Jentzsch et al. 2024), thoracic estimated;
// - cord: MRI (AJNR 1990) and Frostell et al. 2016; conus in the lower third of L1 (Saifuddin
//   et al. 1998); thoracic sac from CT myelography (Keimyung Med J 1988), lumbar sac estimated;
//   the sac ends in S2 (Binokay et al. 2006).
// Tilts shape the curves: cervical lordosis, thoracic kyphosis, lumbar lordosis, sacral slope 40.
struct LevelRow {
    float tilt_deg;       // sagittal inclination of the segment (lordosis/kyphosis)
    float height_mm;      // body height
    float width_mm;       // body width (sacrum: with the alae)
    float depth_mm;       // body depth
    float canal_w_mm;
    float canal_d_mm;
    float disc_below_mm;  // disc (or joint space) under the body
    float sac_w_mm;       // dural sac, transverse; negative values let the sac taper out
    float sac_d_mm;       // dural sac, antero-posterior
    float cord_w_mm;      // cord, transverse; negative values let the conus taper out
    float cord_d_mm;      // cord, antero-posterior
};

// clang-format off
constexpr std::array<LevelRow, kLevelCount> kRows{{
    //  tilt  h     w     d     cw    cd   disc  sac_w  sac_d cord_w cord_d
    {  -16, 10.0, 16.0,  9.0, 26.0, 16.0, 3.0, 17.0, 12.0, 11.5,  7.2},  // C1 (atlas: anterior arch)
    {  -14, 20.0, 17.0, 15.5, 21.6, 14.4, 5.0, 16.5, 11.0, 12.4,  8.8},  // C2 (body without the dens)
    {  -10, 14.0, 16.0, 15.5, 21.0, 14.6, 5.5, 16.0, 10.5, 13.2,  8.7},  // C3
    {   -6, 13.7, 17.0, 15.8, 20.4, 12.8, 5.9, 16.0, 10.0, 14.0,  8.7},  // C4
    {   -1, 13.5, 18.0, 16.2, 21.5, 14.5, 6.0, 16.0, 10.5, 13.3,  8.2},  // C5 (cervical enlargement)
    {    4, 13.8, 20.0, 16.8, 22.0, 14.8, 6.3, 16.0, 10.5, 12.4,  7.8},  // C6
    {   10, 15.0, 20.5, 17.0, 21.5, 15.4, 5.0, 16.0, 11.0, 11.4,  7.4},  // C7
    {   15, 14.3, 24.5, 16.5, 21.0, 16.1, 4.0, 15.8, 12.9, 10.0,  7.0},  // T1
    {   17, 15.1, 25.2, 17.6, 18.5, 15.9, 4.0, 15.4, 12.8,  9.0,  6.6},  // T2
    {   16, 15.8, 25.9, 18.7, 17.0, 15.6, 3.8, 15.0, 12.6,  8.6,  6.4},  // T3
    {   13, 16.6, 26.6, 19.8, 16.5, 15.4, 3.8, 14.7, 12.4,  8.4,  6.3},  // T4
    {    9, 17.3, 27.2, 20.9, 16.3, 15.2, 4.0, 14.3, 12.3,  8.3,  6.3},  // T5
    {    5, 18.1, 27.9, 22.0, 16.3, 15.0, 4.3, 14.2, 12.1,  8.3,  6.3},  // T6
    {    1, 18.9, 28.6, 23.0, 16.4, 14.8, 4.6, 14.1, 11.9,  8.3,  6.3},  // T7
    {   -3, 19.6, 29.3, 24.1, 16.6, 14.6, 5.0, 14.0, 11.8,  8.4,  6.4},  // T8
    {   -6, 20.4, 29.9, 25.2, 17.0, 15.1, 5.3, 13.9, 11.6,  8.6,  6.6},  // T9
    {   -9, 21.2, 30.6, 26.3, 17.8, 15.6, 5.8, 14.5, 12.0,  9.0,  7.0},  // T10
    {  -11, 21.9, 35.2, 27.4, 19.4, 16.0, 6.3, 15.0, 12.5,  9.4,  7.5},  // T11 (lumbar enlargement)
    {  -12, 22.7, 39.2, 28.5, 22.2, 18.1, 8.0, 15.5, 13.0,  8.5,  7.0},  // T12
    {  -10, 26.6, 41.2, 33.0, 20.9, 15.5, 9.2, 16.0, 12.5,  5.0,  4.5},  // L1 (conus medullaris)
    {   -4, 27.0, 42.6, 34.0, 21.2, 14.6, 10.6, 16.0, 12.0, -5.0, -5.0},  // L2 (below the conus)
    {    4, 26.7, 44.1, 35.0, 22.1, 14.0, 11.3, 15.5, 11.5, -16.0, -16.0},  // L3
    {   13, 25.8, 46.6, 35.5, 24.6, 15.3, 11.4, 15.0, 11.5, -16.0, -16.0},  // L4
    {   24, 26.3, 47.3, 35.7, 27.1, 17.0, 10.5, 14.0, 11.0, -16.0, -16.0},  // L5
    {   40, 28.0, 100.0, 32.0, 26.0, 14.0, 0.0, 11.0, 8.0, -16.0, -16.0},  // S1 (with the alae)
    {   32, 24.0, 88.0, 26.0, 20.0, 11.0, 0.0, 4.0, 3.0, -16.0, -16.0},  // S2 (the sac ends here)
    {   22, 20.0, 68.0, 22.0, 16.0, 9.0, 0.0, -8.0, -6.0, -16.0, -16.0},  // S3
    {   10, 16.0, 48.0, 18.0, 12.0, 7.0, 0.0, -16.0, -16.0, -16.0, -16.0},  // S4
    {    0, 13.0, 34.0, 14.0, 10.0, 6.0, 0.0, -16.0, -16.0, -16.0, -16.0},  // S5
    {  -20, 22.0, 16.0, 10.0,  0.0, 0.0, 0.0, -16.0, -16.0, -16.0, -16.0},  // Co
}};
// clang-format on

// The trunk's shape, bottom to top: (y, half width, half depth, centre z). fit_torso scales it to
// each body's ANSUR II breadths and depths at the chest, the navel and the hips, keeping the back.
constexpr std::array<TorsoSection, 9> kTorso{{
    {-250.0f, 150.0f, 95.0f, -5.0f},
    {-150.0f, 172.0f, 117.0f, 8.0f},   // the mons over the pubic symphysis
    {-50.0f, 165.0f, 111.0f, 6.0f},    // the lumbar lordosis' hollow: deeper over L4-L5
    {40.0f, 150.0f, 108.0f, 18.0f},
    {110.0f, 144.0f, 102.0f, 22.0f},
    {200.0f, 150.0f, 104.0f, 14.0f},
    {300.0f, 160.0f, 108.0f, 2.0f},
    {400.0f, 168.0f, 106.0f, -10.0f},
    {480.0f, 172.0f, 92.0f, -20.0f},
}};

// ANSUR II means (Gordon et al. 2014), and estimates (docs/anatomy.md): female, male.
constexpr std::array<BodyMeasures, 2> kBodies{{
    // spine pelvis chest_b chest_d waist_b waist_d hip_b buttock_d navel<crest navel-hips biacromial bideltoid
    // upper_arm forearm biceps forearm_c wrist neck head_c head_b head_l thigh hand breast
    {0.902f, 1.023f, 269.0f, 247.4f, 300.0f, 213.0f, 353.8f, 233.0f, 4.5f, 134.7f, 365.3f, 450.3f,
     311.2f, 241.3f, 305.6f, 264.1f, 154.8f, 329.8f, 561.1f, 147.0f, 190.0f, 616.1f, 0.88f, 42.0f},
    {1.0f, 1.0f, 289.0f, 253.8f, 326.0f, 238.0f, 345.7f, 246.0f, 4.5f, 155.6f, 415.7f, 510.4f,
     335.2f, 267.9f, 358.1f, 310.1f, 175.9f, 397.6f, 574.4f, 150.5f, 194.5f, 625.1f, 1.0f, 0.0f},
}};

constexpr float kPumpHeightMm = 30.0f;       // about the L5 level: lower abdomen, below the navel
constexpr float kPumpAngleRad = 0.62f;       // towards the patient's left lower quadrant
constexpr float kTissueOverPumpMm = 10.0f;   // skin and fat over the pump's face (max 25 mm)
constexpr float kCatheterTunnelDepthMm = 8.0f;
constexpr float kAnchorDepthMm = 22.0f;      // lumbodorsal fascia under the back skin

float deg(float d) { return d * glm::pi<float>() / 180.0f; }

glm::vec3 up_axis(float tilt) { return {0.0f, std::cos(tilt), std::sin(tilt)}; }
glm::vec3 anterior_axis(float tilt) { return {0.0f, -std::sin(tilt), std::cos(tilt)}; }

// A level of the table; the bones and discs scaled (the female body), the canal and what it holds not.
LevelGeometry geometry_from_row(Level level, const LevelRow& row, float scale) {
    LevelGeometry g;
    g.level = level;
    g.tilt_rad = deg(row.tilt_deg);
    g.body_height_mm = row.height_mm * scale;
    g.body_width_mm = row.width_mm * scale;
    g.body_depth_mm = row.depth_mm * scale;
    g.canal_width_mm = row.canal_w_mm;
    g.canal_depth_mm = row.canal_d_mm;
    g.disc_below_mm = row.disc_below_mm * scale;
    // The sac is oval and leaves room in the canal for the epidural space (thicker behind the
    // sac than at its sides); where the table tapers it out, the negative values pass through.
    g.sac_half_width_mm = row.sac_w_mm > 0.0f ? std::min(row.sac_w_mm, row.canal_w_mm - 2.4f) * 0.5f : row.sac_w_mm * 0.5f;
    g.sac_half_depth_mm = row.sac_d_mm > 0.0f ? std::min(row.sac_d_mm, row.canal_d_mm - 3.6f) * 0.5f : row.sac_d_mm * 0.5f;
    g.sac_radius_mm = 0.5f * (g.sac_half_width_mm + g.sac_half_depth_mm);
    g.cord_half_width_mm = row.cord_w_mm * 0.5f;
    g.cord_half_depth_mm = row.cord_d_mm * 0.5f;
    return g;
}

// Stacks the bodies: the sacrum hangs down from the origin, the mobile spine rises from it.
void place_levels(Anatomy& a) {
    glm::vec3 cursor(0.0f);
    for (int i = index_of(Level::S1); i < kLevelCount; ++i) {
        auto& g = a.levels[i];
        const glm::vec3 up = g.up();
        g.body_centre_mm = cursor - up * (g.body_height_mm * 0.5f);
        cursor = g.body_centre_mm - up * (g.body_height_mm * 0.5f);
    }
    cursor = glm::vec3(0.0f);
    for (int i = index_of(Level::L5); i >= 0; --i) {
        auto& g = a.levels[i];
        const glm::vec3 up = g.up();
        cursor += up * g.disc_below_mm;
        g.body_centre_mm = cursor + up * (g.body_height_mm * 0.5f);
        cursor = g.body_centre_mm + up * (g.body_height_mm * 0.5f);
    }
    for (auto& g : a.levels) {
        // The canal lies behind the body; in the sacrum it runs inside the bone.
        const bool sacral = region_of(g.level) == Region::sacral || g.level == Level::Co;
        const float behind = sacral ? g.body_depth_mm * 0.25f
                                    : g.body_depth_mm * 0.5f + g.canal_depth_mm * 0.5f + 1.0f;
        g.canal_centre_mm = g.body_centre_mm - g.anterior() * behind;
    }
}

glm::vec3 catmull_rom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2,
                      const glm::vec3& p3, float t) {
    const float t2 = t * t;
    const float t3 = t2 * t;
    return 0.5f * ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                   (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}

// Samples a Catmull-Rom spline through the control points at about one point per step_mm.
std::vector<glm::vec3> sample_spline(const std::vector<glm::vec3>& control, float step_mm) {
    std::vector<glm::vec3> out;
    const auto n = control.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const glm::vec3& p0 = control[i == 0 ? 0 : i - 1];
        const glm::vec3& p3 = control[std::min(i + 2, n - 1)];
        const float length = glm::distance(control[i], control[i + 1]);
        const int steps = std::max(1, static_cast<int>(std::ceil(length / step_mm)));
        for (int s = 0; s < steps; ++s) {
            out.push_back(catmull_rom(p0, control[i], control[i + 1], p3, static_cast<float>(s) / steps));
        }
    }
    out.push_back(control.back());
    return out;
}

void place_pump(Anatomy& a) {
    auto& pump = a.pump;
    const bool large = a.options.pump_reservoir_ml >= 40;
    pump.reservoir_ml = large ? 40.0f : 20.0f;
    pump.thickness_mm = large ? 26.0f : 19.5f;  // SynchroMed II: 19.5 mm (20 mL), 26 mm (40 mL)
    pump.diameter_mm = 87.5f;
    const float height = kPumpHeightMm * body_measures(a.options.body).spine_scale;
    pump.axis = a.skin_normal(height, kPumpAngleRad);
    pump.angle_rad = kPumpAngleRad;
    // The pump's back rests on the muscle fascia; the skin bulges over it where the fat is
    // thinner than the pump, so that kTissueOverPumpMm always covers its face.
    pump.centre_mm = a.under_skin(height, kPumpAngleRad, a.wall.fat_mm(kPumpAngleRad) - pump.thickness_mm * 0.5f);
    pump.depth_below_skin_mm = kTissueOverPumpMm;
}

void route_catheter(Anatomy& a) {
    const auto& o = a.options;
    std::vector<glm::vec3> control;
    // Inside the dural sac, behind the cord, from the tip down to the entry interspace.
    const float entry_index = static_cast<float>(index_of(o.catheter_entry.upper)) + 0.5f;
    const float tip_index = static_cast<float>(index_of(o.catheter_tip));
    for (float li = tip_index; li < entry_index; li += 1.0f) {
        const auto& g = a.levels[static_cast<int>(li)];
        // Just behind the cord, or midway to the dura where the sac is tight round it (the neck).
        const float cord_back = std::max(g.cord_half_depth_mm, 0.0f);
        const float dorsal = std::min(cord_back + 1.2f, 0.5f * (cord_back + g.sac_half_depth_mm));
        control.push_back(a.canal_point(li) - g.anterior() * dorsal);
    }
    const auto& entry_level = a.levels[index_of(o.catheter_entry.upper)];
    const glm::vec3 entry = a.canal_point(entry_index) - entry_level.anterior() * 3.0f;
    control.push_back(entry);
    // Out through the interlaminar space, paramedian, angled from below like the needle.
    const glm::vec3 through_dura = entry - entry_level.anterior() * 12.0f + glm::vec3(4.0f, -8.0f, 0.0f);
    control.push_back(through_dura);
    const float anchor_y = through_dura.y - 22.0f;
    const float back = glm::pi<float>();
    control.push_back(a.under_skin(anchor_y, back - 0.10f, kAnchorDepthMm));
    // Tunneled just under the skin around the left flank to the pump.
    const float pump_y = a.pump.centre_mm.y;
    const float flank_angles[] = {back - 0.45f, back - 0.95f, glm::half_pi<float>() + 0.25f,
                                  glm::half_pi<float>() - 0.1f};
    for (std::size_t i = 0; i < std::size(flank_angles); ++i) {
        const float f = static_cast<float>(i + 1) / static_cast<float>(std::size(flank_angles) + 1);
        control.push_back(a.under_skin(glm::mix(anchor_y, pump_y, f), flank_angles[i], kCatheterTunnelDepthMm));
    }
    // The connector sits on the pump's rim, on the side facing the flank.
    glm::vec3 to_flank = glm::vec3(1.0f, 0.0f, 0.0f);
    to_flank = glm::normalize(to_flank - a.pump.axis * glm::dot(to_flank, a.pump.axis));
    control.push_back(a.pump.centre_mm + to_flank * (a.pump.diameter_mm * 0.5f + 2.0f));
    a.catheter_path_mm = sample_spline(control, 12.0f);
}

// Ribs 1-12 and the sternum. Each rib leaves its vertebra (head on the body, tubercle on the
// transverse process), curves round inside the trunk wall and falls as it goes forward; ribs 1-7
// reach the sternum through their cartilage, 8-10 the costal margin, 11-12 end free in the flank.
// The arcs are sampled at the same angles round the trunk (kRibAngles), so the renderer can find
// the ribs near a point from its angle and height alone.
float rib_drop_mm(const Anatomy& a, int k) {
    return std::min(40.0f + 9.0f * static_cast<float>(k), 105.0f) * body_measures(a.options.body).spine_scale;
}

glm::vec3 rib_tubercle(const Anatomy& a, int k) {
    const auto& g = a.levels[index_of(Level::T1) + k];
    return g.canal_centre_mm + glm::vec3(g.canal_width_mm * 0.5f + 24.0f, 0.0f, 0.0f) - g.anterior() * 4.0f;
}

// The sternum's landmarks (docs/anatomy.md, "Ribs, cartilages and the sternum"): the jugular notch
// level with the T2-T3 disc, the manubrium 51 mm long and the body 102 mm (CT, men; scaled with the
// spine), the xiphoid 46 mm; ribs 1 and 2 on the manubrium, 2 at the sternal angle, 3-7 spaced down
// the body to the xiphisternal joint.
struct SternumLayout {
    float notch_y = 0.0f, angle_y = 0.0f, xiphisternal_y = 0.0f, tip_y = 0.0f;
    std::array<float, 7> rib_y{};  // where the cartilage of rib k+1 meets it
};

SternumLayout sternum_layout(const Anatomy& a) {
    const float s = body_measures(a.options.body).spine_scale;
    const LevelGeometry& t2 = a.at(Level::T2);
    SternumLayout l;
    l.notch_y = t2.body_centre_mm.y - 0.5f * (t2.body_height_mm + t2.disc_below_mm);
    l.angle_y = l.notch_y - 51.0f * s;
    l.xiphisternal_y = l.angle_y - 102.0f * s;
    l.tip_y = l.xiphisternal_y - 46.0f * s;
    l.rib_y[0] = l.notch_y - 0.35f * (l.notch_y - l.angle_y);
    for (int k = 1; k < 7; ++k) l.rib_y[k] = glm::mix(l.angle_y, l.xiphisternal_y, static_cast<float>(k - 1) / 5.0f);
    return l;
}

// The sternum's half width at height y: the manubrium 60 mm across at its widest (dry bone:
// 62.8 mm), narrowing to the sternal angle; the body widest at the fifth ribs; the xiphoid small.
float sternum_half_width(const SternumLayout& l, float y) {
    const float scale = (l.notch_y - l.tip_y) / 199.0f;
    const std::array<glm::vec2, 7> profile = {{{l.notch_y, 27.0f}, {l.rib_y[0], 30.0f}, {l.angle_y, 15.0f}, {l.rib_y[4], 17.0f},
                                               {l.xiphisternal_y, 11.0f}, {l.xiphisternal_y - 8.0f * scale, 8.0f}, {l.tip_y, 4.0f}}};
    if (y >= profile.front().x) return profile.front().y * scale;
    for (std::size_t i = 0; i + 1 < profile.size(); ++i) {
        if (y <= profile[i].x && y >= profile[i + 1].x) {
            return glm::mix(profile[i].y, profile[i + 1].y, (profile[i].x - y) / std::max(profile[i].x - profile[i + 1].x, 1e-3f)) * scale;
        }
    }
    return profile.back().y * scale;
}

// A rib's shaft section, half height across its face and half thickness (rib k+1; estimates, as no
// measured heights were found: docs/anatomy.md): the first broad and flat, the middle ribs the tallest.
glm::vec2 rib_section(const Anatomy& a, int k) {
    constexpr float kHalfHeight[12] = {8.0f, 5.5f, 6.0f, 6.5f, 7.0f, 7.0f, 7.0f, 6.5f, 6.0f, 5.5f, 4.5f, 4.0f};
    constexpr float kHalfThickness[12] = {3.0f, 3.0f, 3.0f, 3.0f, 3.0f, 3.0f, 3.0f, 3.0f, 2.8f, 2.8f, 2.6f, 2.5f};
    const float s = body_measures(a.options.body).spine_scale;
    return glm::vec2(kHalfHeight[k], kHalfThickness[k]) * std::sqrt(s);
}

// The way a rib's flat face looks: outwards through the chest wall, but the first rib's faces look
// up and down, as it lies nearly flat under the clavicle.
glm::vec3 rib_facing(const Anatomy& a, int k, float y, float angle) {
    const glm::vec3 out = a.skin_normal(y, angle);
    return k == 0 ? glm::normalize(out * 0.45f + glm::vec3(0.0f, 1.0f, 0.0f)) : out;
}

void push(Tube& t, glm::vec3 p, glm::vec2 half_size, glm::vec3 facing) {
    t.points_mm.push_back(p);
    t.half_size_mm.push_back(half_size);
    t.facing.push_back(facing);
    t.radius_mm = std::max({t.radius_mm, half_size.x, half_size.y});
}

// The arc of rib k+1 at an angle round the trunk (0 = front), as the rib would run to its front end.
struct RibArc {
    const Anatomy& a;
    float front_angle, extra_depth_mm, drop_mm, tubercle_y;
    [[nodiscard]] float u(float angle) const { return (kRibBackAngle - angle) / (kRibBackAngle - front_angle); }
    [[nodiscard]] float y(float angle) const { return tubercle_y - drop_mm * std::pow(std::clamp(u(angle), 0.0f, 1.0f), 1.4f); }
    [[nodiscard]] float depth(float angle) const { return a.wall.fat_mm(angle) + 9.0f + extra_depth_mm * (1.0f - 0.5f * u(angle)); }
    [[nodiscard]] glm::vec3 at(float angle) const { return a.under_skin(y(angle), angle, depth(angle)); }
};

// The angle round the arc at which, walking back from `from`, the arc has run `length` mm.
float angle_back_along(const RibArc& arc, float from, float length) {
    float angle = from, run = 0.0f;
    glm::vec3 p = arc.at(angle);
    while (run < length && angle < kRibBackAngle) {
        angle += 0.01f;
        const glm::vec3 q = arc.at(angle);
        run += glm::distance(p, q);
        p = q;
    }
    return angle;
}

void build_ribs(Anatomy& a) {
    constexpr float kFrontAngle[12] = {0.10f, 0.12f, 0.14f, 0.16f, 0.18f, 0.20f, 0.24f,
                                       0.45f, 0.62f, 0.80f, 1.45f, 2.05f};
    constexpr float kExtraDepthMm[12] = {55.0f, 35.0f, 20.0f, 10.0f, 4.0f, 0.0f, 0.0f,
                                         0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
    // The costal cartilages' lengths (ribs 1-10; 4-6 measured by CT, the rest estimated:
    // docs/anatomy.md).
    constexpr float kCartilageMm[10] = {25.0f, 32.0f, 42.0f, 56.0f, 70.0f, 98.0f, 110.0f, 60.0f, 45.0f, 30.0f};
    const float s = body_measures(a.options.body).spine_scale;
    const SternumLayout sternum = sternum_layout(a);
    const float sternum_depth = a.wall.fat_mm(0.0f) + 9.0f;  // its centre under the skin
    a.ribs.clear();
    a.costal_cartilages.clear();
    for (int k = 0; k < 12; ++k) {
        const auto& g = a.levels[index_of(Level::T1) + k];
        const glm::vec3 tubercle = rib_tubercle(a, k);
        const RibArc arc{a, kFrontAngle[k], kExtraDepthMm[k], rib_drop_mm(a, k), tubercle.y};
        const glm::vec2 shaft = rib_section(a, k);
        // Ribs 1-7 reach the sternum through their cartilage: the bone ends where the arc, walked
        // back from the sternum's edge, has run most of the cartilage's length (the rest is its rise).
        float bone_end = kFrontAngle[k];
        float sternal_angle = kFrontAngle[k];
        if (k < 7) {
            const float edge = sternum_half_width(sternum, sternum.rib_y[k]) - 2.0f;
            while (sternal_angle < 1.5f && arc.at(sternal_angle).x < edge) sternal_angle += 0.005f;
            bone_end = angle_back_along(arc, sternal_angle, 0.85f * kCartilageMm[k] * s);
        }
        Tube rib;
        rib.radius_mm = 0.0f;
        // The head on the costal facets: ribs 2-9 on the disc between their own body and the one
        // above, ribs 1 and 10-12 on their own body alone.
        const bool two_facets = k >= 1 && k <= 8;
        const glm::vec3 side = glm::vec3(g.body_width_mm * 0.5f + (two_facets ? 1.0f : 2.5f), 0.0f, 0.0f) - g.anterior() * (g.body_depth_mm * 0.3f);
        const float up_mm = two_facets ? 0.5f * g.body_height_mm + 0.5f * a.levels[index_of(Level::T1) + k - 1].disc_below_mm : 0.0f;
        const glm::vec3 head = g.body_centre_mm + side + g.up() * up_mm;
        const glm::vec3 back_facing = a.skin_normal(tubercle.y, kRibBackAngle);
        push(rib, head, glm::vec2(5.0f, 4.5f) * std::sqrt(s), back_facing);
        push(rib, tubercle, glm::vec2(5.0f, 4.0f) * std::sqrt(s), back_facing);
        for (int j = 0; j < kRibAngles; ++j) {
            const float angle = std::max(rib_angle(j), bone_end);  // past its end a rib stays put
            // Round near the tubercle, flat along the shaft, a little taller where the cartilage starts.
            const float along = std::clamp(static_cast<float>(j) / 2.0f, 0.0f, 1.0f);
            const float front = k < 10 ? 1.0f + 0.12f * std::clamp((1.2f - angle) / 0.8f, 0.0f, 1.0f) : 1.0f;
            const glm::vec2 size = glm::mix(glm::vec2(4.5f, 4.0f) * std::sqrt(s), shaft, along) * glm::vec2(front, 1.0f);
            push(rib, arc.at(angle), size, rib_facing(a, k, arc.y(angle), angle));
        }
        a.ribs.push_back(std::move(rib));
        if (k >= 10) continue;  // ribs 11 and 12 end free in the flank
        // The cartilage: from the bone's end forwards to the sternum (1-7), rising to it more steeply
        // lower down; or up to the cartilage above (8-10), the costal margin.
        Tube cartilage;
        cartilage.radius_mm = 0.0f;
        const glm::vec3 start = a.ribs[k].points_mm.back();
        const glm::vec2 start_size = a.ribs[k].half_size_mm.back() * glm::vec2(0.85f, 1.1f);
        constexpr int kSteps = 6;
        if (k < 7) {
            const float end_y = sternum.rib_y[k];
            const TorsoSection at_sternum = a.torso_at(end_y);
            const float end_angle = std::asin(std::clamp((sternum_half_width(sternum, end_y) - 2.0f) / at_sternum.half_width_mm, 0.0f, 1.0f));
            const float rise = k >= 4 ? 1.6f : 1.0f;
            for (int i = 0; i <= kSteps; ++i) {
                const float t = static_cast<float>(i) / kSteps;
                const float angle = glm::mix(bone_end, end_angle, t);
                const float y = glm::mix(arc.y(bone_end), end_y, std::pow(t, rise));
                const float depth = glm::mix(arc.depth(bone_end), sternum_depth, t);
                push(cartilage, i == 0 ? start : a.under_skin(y, angle, depth), glm::mix(start_size, glm::vec2(4.5f, 3.0f) * std::sqrt(s), t),
                     a.skin_normal(y, angle));
            }
        } else {
            // A smooth curve on from the bone's end, the way the rib was heading, bending up to
            // join the cartilage above: 8 the seventh's middle, 9 and 10 the one above's end.
            const Tube& above = a.costal_cartilages[k - 1];
            const glm::vec3 end = above.points_mm[k == 7 ? above.points_mm.size() / 2 : above.points_mm.size() - 2];
            const glm::vec3 heading = glm::normalize(arc.at(bone_end - 0.05f) - start);
            const glm::vec3 control = start + heading * (0.5f * glm::distance(start, end));
            for (int i = 0; i <= kSteps; ++i) {
                const float t = static_cast<float>(i) / kSteps;
                const glm::vec3 p = glm::mix(glm::mix(start, control, t), glm::mix(control, end, t), t);
                const float angle = std::atan2(p.x, p.z - a.torso_at(p.y).centre_z_mm);
                push(cartilage, p, glm::mix(start_size, glm::vec2(3.5f, 2.8f) * std::sqrt(s), t), a.skin_normal(p.y, angle));
            }
        }
        a.costal_cartilages.push_back(std::move(cartilage));
    }
    // The sternum down the midline, flat, its face forwards: the manubrium (14 mm thick), the body
    // (an estimated 10 mm) and the thin xiphoid.
    Tube bone;
    bone.radius_mm = 0.0f;
    bone.midline = true;
    const std::array<float, 9> ys = {sternum.notch_y, sternum.rib_y[0], sternum.angle_y, sternum.rib_y[2],
                                     sternum.rib_y[4], sternum.rib_y[5], sternum.xiphisternal_y, 0.5f * (sternum.xiphisternal_y + sternum.tip_y),
                                     sternum.tip_y};
    for (const float y : ys) {
        const float half_depth = (y > sternum.angle_y ? 7.0f : (y >= sternum.xiphisternal_y ? 5.0f : 2.5f)) * std::sqrt(s);
        push(bone, a.under_skin(y, 0.0f, sternum_depth), glm::vec2(sternum_half_width(sternum, y), half_depth), a.skin_normal(y, 0.0f));
    }
    a.ribs.push_back(std::move(bone));
}

// Where along the spine (fractional level index) the cord segment of the nerve that leaves at
// foramen index f starts: the cord is shorter than the column, so segments sit higher than
// their foramina, more so further down (Canbay et al. 2014; the lumbar and sacral segments are
// packed between T11 and the conus at L1).
float segment_index_for_foramen(float foramen_index) {
    constexpr std::array<glm::vec2, 7> kMap{{{0.5f, 0.3f}, {6.5f, 5.4f}, {12.5f, 10.6f}, {18.5f, 16.0f},
                                             {19.5f, 16.6f}, {23.5f, 18.0f}, {28.5f, 19.4f}}};
    if (foramen_index <= kMap.front().x) return kMap.front().y;
    for (std::size_t i = 1; i < kMap.size(); ++i) {
        if (foramen_index <= kMap[i].x) {
            const float f = (foramen_index - kMap[i - 1].x) / (kMap[i].x - kMap[i - 1].x);
            return glm::mix(kMap[i - 1].y, kMap[i].y, f);
        }
    }
    return kMap.back().y;
}

// One root pair per foramen, C1-C2 down to S5-Co: from its cord segment, down inside the sac
// (the long lumbar and sacral roots form the cauda equina), out through the foramen.
void build_nerve_roots(Anatomy& a) {
    a.nerve_roots.clear();
    for (int i = 0; i + 1 < kLevelCount; ++i) {
        const float foramen_index = static_cast<float>(i) + 0.5f;
        const LevelGeometry& g = a.levels[i];
        const float origin_index = segment_index_for_foramen(foramen_index);
        const LevelGeometry& og = a.levels[static_cast<int>(origin_index)];
        // Lower roots lie more medial and further back in the sac, as the cauda equina does.
        const float below_conus = std::clamp((foramen_index - 19.5f) / 9.0f, 0.0f, 1.0f);
        const float sac_hw = std::max(g.sac_half_width_mm, og.sac_half_width_mm);
        Tube root;
        root.radius_mm = region_of(g.level) == Region::thoracic ? 0.9f : (below_conus > 0.5f ? 0.8f : 1.3f);
        const glm::vec3 origin = a.canal_point(origin_index) +
                                 glm::vec3(std::max(og.cord_half_width_mm, 1.0f) * 0.8f, 0.0f, 0.0f) -
                                 og.anterior() * (2.0f * below_conus);
        root.points_mm.push_back(origin);
        const float descent_index = std::max(origin_index + 0.2f, foramen_index - 0.45f);
        if (descent_index - origin_index > 0.3f) {
            const float x = sac_hw * glm::mix(0.82f, 0.2f, below_conus);
            root.points_mm.push_back(a.canal_point(descent_index) + glm::vec3(x, 0.0f, 0.0f) -
                                     g.anterior() * (3.5f * below_conus));
        }
        const glm::vec3 foramen = a.canal_point(foramen_index) + glm::vec3(g.canal_width_mm * 0.5f + 5.0f, 0.0f, 0.0f) +
                                  g.anterior() * 2.0f;
        root.points_mm.push_back(foramen);
        root.points_mm.push_back(foramen + glm::vec3(18.0f, -10.0f, 0.0f) + g.anterior() * 8.0f);
        a.nerve_roots.push_back(std::move(root));
    }
}

// The hip bones, placed from the sacrum: crests at the L4-L5 disc (Tuffier's line), hip sockets
// level with the lower sacrum, the symphysis in front. Sizes for an average male pelvis; the
// female's is scaled with her spine, and wider (docs/anatomy.md).
void place_pelvis(Anatomy& a) {
    PelvisGeometry& p = a.pelvis;
    const BodyMeasures& m = body_measures(a.options.body);
    const float s = m.spine_scale;
    const auto at = [&](float x, float y, float z) { return glm::vec3(x * m.pelvis_width_scale, y * s, z * s); };
    const LevelGeometry& l5 = a.at(Level::L5);
    const LevelGeometry& s1 = a.at(Level::S1);
    const LevelGeometry& s4 = a.at(Level::S4);
    p.crest_y_mm = l5.body_centre_mm.y + l5.body_height_mm * 0.5f;
    p.wing_bottom_y_mm = s4.body_centre_mm.y + 15.0f * s;
    p.bowl_centre_mm = glm::vec3(0.0f, p.wing_bottom_y_mm, s1.body_centre_mm.z) + at(0.0f, -20.0f, 35.0f);
    p.bowl_radii_mm = at(118.0f, 120.0f, 88.0f);
    p.wing_thickness_mm = 7.0f;
    p.asis_mm = glm::vec3(0.0f, p.crest_y_mm, p.bowl_centre_mm.z) + at(104.0f, -55.0f, 35.0f);
    p.acetabulum_mm = glm::vec3(0.0f, s4.body_centre_mm.y, s1.body_centre_mm.z) + at(92.0f, -30.0f, 45.0f);
    p.acetabulum_radius_mm = 27.0f * s;
    p.symphysis_mm = p.acetabulum_mm + at(8.0f - 92.0f, -35.0f, 60.0f);
    p.ischial_tuberosity_mm = p.acetabulum_mm + at(58.0f - 92.0f, -70.0f, -20.0f);
    p.sacroiliac_mm = glm::vec3(s1.body_width_mm * 0.42f, s1.body_centre_mm.y, s1.body_centre_mm.z) + at(0.0f, -5.0f, -8.0f);
}

// The front end of rib k+1 (0: the first): its height, without the trunk it lies in.
float rib_front_y(const Anatomy& a, int k) { return rib_tubercle(a, k).y - rib_drop_mm(a, k); }

// Where `from`'s canal lies at height y, the same fractional level of `to`'s canal, as (its height
// in `to`, its depth in `to`, its depth in `from`); past the canal's ends, heights scale.
glm::vec3 matching_canal_point(const Anatomy& from, const Anatomy& to, float y, float scale) {
    const auto& f = from.levels;
    const auto& t = to.levels;
    if (y < f.back().canal_centre_mm.y) {
        return {t.back().canal_centre_mm.y + (y - f.back().canal_centre_mm.y) * scale, t.back().canal_centre_mm.z,
                f.back().canal_centre_mm.z};
    }
    for (int i = 0; i + 1 < kLevelCount; ++i) {
        const float y0 = f[i].canal_centre_mm.y, y1 = f[i + 1].canal_centre_mm.y;
        if (y <= y0 && y >= y1) {
            const float k = (y0 - y) / std::max(y0 - y1, 1e-3f);
            const glm::vec3 pf = glm::mix(f[i].canal_centre_mm, f[i + 1].canal_centre_mm, k);
            const glm::vec3 pt = glm::mix(t[i].canal_centre_mm, t[i + 1].canal_centre_mm, k);
            return {pt.y, pt.z, pf.z};
        }
    }
    return {t.front().canal_centre_mm.y + (y - f.front().canal_centre_mm.y) * scale, t.front().canal_centre_mm.z,
            f.front().canal_centre_mm.z};
}

// The trunk's sections for the body: the template moved with the spine (each section at the same
// level, the back as far behind the canal as the template's), sections added at the three heights
// ANSUR II measures, and each section's breadth and depth scaled so that those three match the
// survey's means; between them the scale changes linearly. The back stays where the template puts
// it (its cover over the spine is sourced: docs/anatomy.md); the front moves.
void fit_torso(Anatomy& a) {
    const BodyMeasures& m = body_measures(a.options.body);
    a.waist_y_mm = a.pelvis.crest_y_mm - m.navel_below_crest * m.spine_scale;
    a.hip_y_mm = a.waist_y_mm - m.navel_to_hips;
    a.chest_y_mm = rib_front_y(a, 3);  // the fourth intercostal space, where the nipples lie
    Anatomy table;  // the spine the template was drawn round: the level table unscaled
    for (int i = 0; i < kLevelCount; ++i) table.levels[i] = geometry_from_row(level_at(i), kRows[i], 1.0f);
    place_levels(table);
    std::vector<TorsoSection> template_sections;
    for (TorsoSection t : kTorso) {
        const glm::vec3 c = matching_canal_point(table, a, t.y_mm, m.spine_scale);
        const float back = c.y + (t.centre_z_mm - t.half_depth_mm - c.z);  // as far behind the canal
        t.y_mm = c.x;
        t.half_width_mm *= m.spine_scale;
        t.half_depth_mm *= m.spine_scale;
        t.centre_z_mm = back + t.half_depth_mm;
        template_sections.push_back(t);
    }
    a.torso = template_sections;
    struct Anchor {
        float y, half_width, half_depth;
    };
    // The female chest depth is at the bust: the chest wall is shallower by the breasts' projection.
    const std::array<Anchor, 3> anchors{{{a.hip_y_mm, m.hip_breadth * 0.5f, m.buttock_depth * 0.5f},
                                         {a.waist_y_mm, m.waist_breadth * 0.5f, m.waist_depth * 0.5f},
                                         {a.chest_y_mm, m.chest_breadth * 0.5f, (m.chest_depth - m.breast_projection) * 0.5f}}};
    std::array<glm::vec2, 3> scale{};
    for (std::size_t k = 0; k < anchors.size(); ++k) {
        const TorsoSection t = a.torso_at(anchors[k].y);
        scale[k] = {anchors[k].half_width / t.half_width_mm, anchors[k].half_depth / t.half_depth_mm};
        template_sections.push_back(t);
    }
    std::sort(template_sections.begin(), template_sections.end(),
              [](const TorsoSection& x, const TorsoSection& y) { return x.y_mm < y.y_mm; });
    const auto scale_at = [&](float y) {
        if (y <= anchors[0].y) return scale[0];
        for (std::size_t k = 1; k < anchors.size(); ++k) {
            if (y <= anchors[k].y) return glm::mix(scale[k - 1], scale[k], (y - anchors[k - 1].y) / (anchors[k].y - anchors[k - 1].y));
        }
        return scale.back();
    };
    a.torso.clear();
    for (TorsoSection t : template_sections) {
        const glm::vec2 f = scale_at(t.y_mm);
        const float back = t.centre_z_mm - t.half_depth_mm;
        t.half_width_mm *= f.x;
        t.half_depth_mm *= f.y;
        t.centre_z_mm = back + t.half_depth_mm;
        a.torso.push_back(t);
    }
}

}  // namespace

const BodyMeasures& body_measures(BodyType body) { return kBodies[static_cast<std::size_t>(body)]; }

float rib_angle(int j) {
    return kRibBackAngle - (kRibBackAngle - kRibFrontAngle) * static_cast<float>(j) / static_cast<float>(kRibAngles - 1);
}

float cord_segment_index(int foramen) { return segment_index_for_foramen(static_cast<float>(foramen) + 0.5f); }

float BodyWall::fat_mm(float angle_rad) const {
    return glm::mix(fat_back_mm, fat_front_mm, 0.5f + 0.5f * std::cos(angle_rad));
}

float Anatomy::catheter_tip_level_index() const {
    const glm::vec3 tip = catheter_path_mm.front();
    for (int i = 0; i + 1 < kLevelCount; ++i) {
        const float y0 = levels[i].canal_centre_mm.y, y1 = levels[i + 1].canal_centre_mm.y;
        if (tip.y <= y0 && tip.y >= y1) return static_cast<float>(i) + (y0 - tip.y) / (y0 - y1);
    }
    return tip.y > levels[0].canal_centre_mm.y ? 0.0f : static_cast<float>(kLevelCount - 1);
}

glm::vec3 Anatomy::landmark(Structure s) const {
    const LevelGeometry& t8 = at(Level::T8);
    const LevelGeometry& l3 = at(Level::L3);
    const LevelGeometry& l4 = at(Level::L4);
    const float flank = 0.9f;  // front-left, above the pump
    switch (s) {
        case Structure::skin: return under_skin(180.0f, flank, 1.0f);
        case Structure::fat: return under_skin(180.0f, flank, wall.fat_mm(flank) * 0.5f);
        case Structure::muscle: return under_skin(180.0f, flank, wall.fat_mm(flank) + wall.muscle_mm * 0.5f);
        case Structure::ribs: return ribs[7].points_mm[ribs[7].points_mm.size() / 2];
        case Structure::pelvis: return pelvis.asis_mm + glm::vec3(-4.0f, -6.0f, -10.0f);
        case Structure::vertebrae: return l3.body_centre_mm;
        case Structure::sacrum: return at(Level::S2).body_centre_mm;
        case Structure::discs: return l3.body_centre_mm - l3.up() * (l3.body_height_mm + l3.disc_below_mm) * 0.5f;
        case Structure::ligamentum_flavum:
            return 0.5f * (l3.canal_centre_mm + l4.canal_centre_mm) - l3.anterior() * (l3.canal_depth_mm * 0.5f - 1.5f);
        case Structure::epidural_space:
            return l3.canal_centre_mm - l3.anterior() * (0.5f * (l3.sac_half_depth_mm + l3.canal_depth_mm * 0.5f));
        case Structure::dura: return t8.canal_centre_mm + glm::vec3(t8.sac_half_width_mm + 0.2f, 0.0f, 0.0f);
        case Structure::csf:
            return t8.canal_centre_mm + glm::vec3(0.5f * (t8.cord_half_width_mm + t8.sac_half_width_mm), 0.0f, 0.0f);
        case Structure::spinal_cord: return t8.canal_centre_mm;
        case Structure::nerve_roots: return nerve_roots[index_of(Level::L4)].points_mm.back();
        case Structure::catheter: return catheter_path_mm[catheter_path_mm.size() / 2];
        case Structure::pump: return pump.centre_mm;
        case Structure::skull: return limbs.head_centre_mm + glm::vec3(0.0f, 20.0f, 0.0f);
        case Structure::arm_bones: return 0.5f * (limbs.shoulder_mm + limbs.elbow_mm);
        case Structure::costal_cartilage: return costal_cartilages[5].points_mm[3];
        case Structure::femur: return pelvis.acetabulum_mm;  // the head's centre
        case Structure::scapula: {  // the blade's middle, at its depth
            const glm::vec3 m = (limbs.scapula_superior_mm + limbs.scapula_inferior_mm + limbs.glenoid_mm) / 3.0f;
            return {m.x, m.y, scapula_blade_z(m.x, m.y)};
        }
    }
    return glm::vec3(0.0f);
}

glm::vec3 LevelGeometry::up() const { return up_axis(tilt_rad); }
glm::vec3 LevelGeometry::anterior() const { return anterior_axis(tilt_rad); }

glm::vec3 Anatomy::canal_point(float level_index) const {
    const float clamped = std::clamp(level_index, 0.0f, static_cast<float>(kLevelCount - 1));
    const int i = std::min(static_cast<int>(clamped), kLevelCount - 2);
    const float f = clamped - static_cast<float>(i);
    return glm::mix(levels[i].canal_centre_mm, levels[i + 1].canal_centre_mm, f);
}

float Anatomy::scapula_blade_z(float x_mm, float y_mm) const {
    const TorsoSection t = torso_at(y_mm);
    const float u = std::min(std::abs(x_mm) / t.half_width_mm, 0.9f);
    return t.centre_z_mm - t.half_depth_mm * std::sqrt(1.0f - u * u) + limbs.scapula_depth_mm;
}

TorsoSection Anatomy::torso_at(float y_mm) const {
    assert(!torso.empty());
    if (y_mm <= torso.front().y_mm) return torso.front();
    for (std::size_t i = 1; i < torso.size(); ++i) {
        if (y_mm <= torso[i].y_mm) {
            const auto& lo = torso[i - 1];
            const auto& hi = torso[i];
            const float f = (y_mm - lo.y_mm) / (hi.y_mm - lo.y_mm);
            return {y_mm, glm::mix(lo.half_width_mm, hi.half_width_mm, f),
                    glm::mix(lo.half_depth_mm, hi.half_depth_mm, f), glm::mix(lo.centre_z_mm, hi.centre_z_mm, f)};
        }
    }
    return torso.back();
}

glm::vec3 Anatomy::skin_normal(float y_mm, float angle_rad) const {
    const TorsoSection s = torso_at(y_mm);
    const glm::vec3 n(std::sin(angle_rad) / s.half_width_mm, 0.0f, std::cos(angle_rad) / s.half_depth_mm);
    return glm::normalize(n);
}

glm::vec3 Anatomy::under_skin(float y_mm, float angle_rad, float depth_mm) const {
    const TorsoSection s = torso_at(y_mm);
    const glm::vec3 surface(s.half_width_mm * std::sin(angle_rad), y_mm,
                            s.centre_z_mm + s.half_depth_mm * std::cos(angle_rad));
    return surface - skin_normal(y_mm, angle_rad) * depth_mm;
}

namespace {
// The scapula (docs/anatomy.md, "The shoulder girdle"): 155 mm from its superior to its inferior
// angle (cadavers), the inferior angle level with the T8 spinous process (radiographs, standing), the spine's root
// a quarter of the way down the medial border (an estimate),
// the medial border an estimated 55-70 mm from the midline, the glenoid beside the humerus' head
// and the acromion over it, where the clavicle ends.
void place_scapula(Anatomy& a) {
    Limbs& l = a.limbs;
    const float s = body_measures(a.options.body).spine_scale;
    const LevelGeometry& t2 = a.at(Level::T2);
    l.scapula_depth_mm = a.wall.fat_mm(glm::pi<float>());  // clear of the ribs behind the chest (24 mm under the skin)
    const auto on_back = [&](float x, float y) { return glm::vec3(x, y, a.scapula_blade_z(x, y)); };
    l.scapula_superior_mm = on_back(58.0f * s, t2.body_centre_mm.y);
    l.scapula_inferior_mm = on_back(72.0f * s, t2.body_centre_mm.y - 155.0f * s);
    l.scapula_spine_root_mm = on_back(60.0f * s, t2.body_centre_mm.y - 40.0f * s);  // a quarter of the way down
    l.humeral_head_mm = l.shoulder_mm + glm::vec3(-6.0f, -8.0f, 0.0f);
    l.glenoid_mm = l.humeral_head_mm - glm::vec3(23.0f, 0.0f, 4.0f);
    l.acromion_mm = l.humeral_head_mm + glm::vec3(6.0f, 24.0f, 4.0f);
    l.coracoid_tip_mm = l.glenoid_mm + glm::vec3(-14.0f, 14.0f, 34.0f);
}

// Head and arms hung from the top of the trunk and the atlas, sized from the body's measures:
// the shoulders from the biacromial and bideltoid breadths, the arm's segments from their
// lengths, its radii from its circumferences (docs/anatomy.md).
void place_limbs(Anatomy& a) {
    Limbs& l = a.limbs;
    const BodyMeasures& m = body_measures(a.options.body);
    const BodyMeasures& male = body_measures(BodyType::male);
    const float s = m.spine_scale;
    const float head = m.head_circumference / male.head_circumference;
    constexpr float kTwoPi = 2.0f * glm::pi<float>();
    const glm::vec3 c1 = a.at(Level::C1).body_centre_mm;
    const float neck_z = a.at(Level::C4).body_centre_mm.z - 5.0f * s;
    l.head_centre_mm = c1 + glm::vec3(0.0f, 62.0f, 18.0f) * head;
    l.head_radii_mm = glm::vec3(m.head_breadth * 0.5f - 0.3f, 108.0f * head, m.head_length * 0.5f - 1.2f);
    l.jaw_centre_mm = c1 + glm::vec3(0.0f, -10.0f, 60.0f) * head;
    l.jaw_radii_mm = glm::vec3(50.0f, 46.0f, 44.0f) * head;
    l.neck_radius_mm = m.neck_circumference / kTwoPi;
    l.shoulder_half_width_mm = m.biacromial_breadth * 0.5f - 58.0f;
    // Relaxed, the arm is thinner than the survey's flexed circumferences.
    l.shoulder_radius_mm = 0.85f * m.biceps_circumference / kTwoPi;
    l.elbow_radius_mm = 0.78f * m.forearm_circumference / kTwoPi;
    l.wrist_radius_mm = m.wrist_circumference / kTwoPi;
    // The deltoid's outer side, where the arm joins the shoulder, half the bideltoid breadth out.
    l.shoulder_mm = glm::vec3(m.bideltoid_breadth * 0.5f - l.shoulder_radius_mm - 0.25f * l.shoulder_blend_mm,
                              a.torso.back().y_mm - 34.0f * s, neck_z - 12.0f * s);
    // The joints' centres lie about 16 mm below the acromion and 10 mm below the radius' head.
    l.elbow_mm = l.shoulder_mm + glm::normalize(glm::vec3(52.0f, -315.0f, -12.0f)) * (m.upper_arm - 16.0f);  // 9 degrees out
    l.wrist_mm = l.elbow_mm + glm::normalize(glm::vec3(26.0f, -255.0f, 22.0f)) * (m.forearm - 10.0f);
    l.hand_radii_mm = glm::vec3(40.0f, 86.0f, 19.0f) * m.hand_scale;
    l.hand_mm = l.wrist_mm + glm::vec3(6.0f, -84.0f, 8.0f) * m.hand_scale;
    l.thigh_cut_mm = l.hand_mm.y - l.hand_radii_mm.y - 110.0f * s;
    // The thighs side by side under the hips (a circle of the survey's girth would not fit two of
    // them under its hip breadth: a thigh's section is flattened where they meet), their outer
    // side well inside the hips' breadth so that the survey's hip breadth is the figure's.
    l.thigh_radius_mm = 0.8f * m.thigh_circumference / kTwoPi;
    l.thigh_top_mm = glm::vec3(0.5f * m.hip_breadth - l.thigh_radius_mm - 35.0f, a.pelvis.acetabulum_mm.y - 10.0f * s,
                               a.pelvis.acetabulum_mm.z - 5.0f * s);
    place_scapula(a);
    if (m.breast_projection > 0.0f) {
        const TorsoSection t = a.torso_at(a.chest_y_mm);
        l.breast_radii_mm = glm::vec3(62.0f, 58.0f, m.breast_projection + 8.0f);
        // A third of the chest's breadth out, their front as far forward as the survey's chest depth
        // at the bust, measured from the back.
        l.breast_mm = glm::vec3(m.chest_breadth / 3.0f, a.chest_y_mm,
                                t.centre_z_mm - t.half_depth_mm + m.chest_depth - l.breast_radii_mm.z);
    }
}
}  // namespace

std::optional<Interspace> parse_needle_entry(std::string_view text) {
    const auto s = parse_interspace(text);
    if (!s || std::find(kNeedleEntryUpper.begin(), kNeedleEntryUpper.end(), s->upper) == kNeedleEntryUpper.end()) {
        return std::nullopt;
    }
    return s;
}

Anatomy build_anatomy(const AnatomyOptions& options) {
    Anatomy a;
    a.options = options;
    const float scale = body_measures(options.body).spine_scale;
    for (int i = 0; i < kLevelCount; ++i) a.levels[i] = geometry_from_row(level_at(i), kRows[i], scale);
    place_levels(a);
    place_pelvis(a);
    fit_torso(a);
    place_pump(a);
    route_catheter(a);
    build_ribs(a);
    build_nerve_roots(a);
    place_limbs(a);
    return a;
}

}  // namespace thecaview
