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

// Per-level proportions of an average adult, top (C1) to bottom (Co).
// Body, canal and disc sizes: Panjabi et al. 1991 (cervical, thoracic) and 1992 (lumbar);
// cord sizes: Frostell et al. 2016; sac and conus levels: see docs/anatomy.md.
struct LevelRow {
    float tilt_deg;       // sagittal inclination of the segment (lordosis/kyphosis)
    float height_mm;      // body height
    float width_mm;       // body width (sacrum: with the alae)
    float depth_mm;       // body depth
    float canal_w_mm;
    float canal_d_mm;
    float disc_below_mm;  // disc (or joint space) under the body
    float sac_r_mm;       // dural sac radius; negative values let the sac taper out
    float cord_hw_mm;     // cord half width; negative values let the conus taper out
    float cord_hd_mm;     // cord half depth
};

// clang-format off
constexpr std::array<LevelRow, kLevelCount> kRows{{
    //  tilt  h     w     d    cw    cd   disc  sac   cordw cordd
    {  -16, 10.0, 16.0,  9.0, 26.0, 16.0, 3.0, 7.5, 5.4, 4.2},  // C1 (atlas: anterior arch)
    {  -14, 20.0, 18.0, 16.0, 25.0, 15.0, 4.5, 7.5, 5.4, 4.0},  // C2
    {  -10, 14.0, 16.0, 15.0, 24.0, 14.0, 5.0, 7.5, 5.9, 4.0},  // C3
    {   -6, 14.0, 17.0, 15.0, 25.0, 14.0, 5.0, 7.5, 6.4, 4.0},  // C4
    {   -1, 14.0, 18.0, 16.0, 25.0, 14.0, 5.5, 7.5, 6.7, 4.0},  // C5
    {    4, 14.0, 20.0, 16.0, 25.0, 14.0, 5.5, 7.5, 6.5, 4.0},  // C6
    {   10, 15.0, 23.0, 17.0, 24.0, 14.0, 5.0, 7.2, 6.0, 3.9},  // C7
    {   15, 17.0, 28.0, 16.0, 19.0, 15.0, 4.0, 7.0, 5.2, 3.8},  // T1
    {   17, 18.0, 27.0, 17.0, 17.0, 15.0, 4.0, 7.0, 4.4, 3.5},  // T2
    {   16, 18.5, 27.0, 18.0, 16.0, 15.0, 4.0, 6.8, 4.2, 3.4},  // T3
    {   13, 19.0, 28.0, 19.0, 16.0, 15.0, 4.5, 6.8, 4.2, 3.4},  // T4
    {    9, 19.5, 29.0, 21.0, 16.0, 15.0, 4.5, 6.8, 4.2, 3.4},  // T5
    {    5, 20.0, 30.0, 23.0, 16.0, 15.0, 5.0, 6.8, 4.2, 3.4},  // T6
    {    1, 20.5, 31.0, 25.0, 16.0, 15.0, 5.0, 6.8, 4.2, 3.4},  // T7
    {   -3, 21.0, 33.0, 26.0, 16.0, 15.0, 5.5, 6.8, 4.2, 3.4},  // T8
    {   -6, 22.0, 35.0, 27.0, 16.0, 15.0, 6.0, 7.0, 4.4, 3.6},  // T9
    {   -9, 23.0, 37.0, 28.0, 17.0, 16.0, 6.5, 7.2, 4.7, 3.8},  // T10
    {  -11, 24.0, 39.0, 29.0, 18.0, 17.0, 7.0, 7.6, 4.8, 4.0},  // T11
    {  -12, 24.5, 41.0, 30.0, 20.0, 17.0, 8.0, 8.0, 4.3, 3.8},  // T12
    {  -10, 25.0, 42.0, 31.0, 22.0, 17.0, 9.0, 8.4, 2.5, 2.5},  // L1 (conus medullaris)
    {   -4, 26.0, 44.0, 33.0, 22.0, 17.0, 10.0, 8.6, -2.5, -2.5},  // L2 (below the conus)
    {    4, 27.0, 46.0, 34.0, 23.0, 16.0, 11.0, 8.6, -8.0, -8.0},  // L3
    {   13, 27.0, 48.0, 35.0, 24.0, 16.0, 11.0, 8.4, -8.0, -8.0},  // L4
    {   24, 26.0, 50.0, 34.0, 26.0, 17.0, 11.0, 7.8, -8.0, -8.0},  // L5
    {   40, 28.0, 100.0, 32.0, 24.0, 13.0, 0.0, 5.5, -8.0, -8.0},  // S1 (with the alae)
    {   32, 24.0, 88.0, 26.0, 20.0, 11.0, 0.0, 2.0, -8.0, -8.0},  // S2 (the sac ends here)
    {   22, 20.0, 68.0, 22.0, 16.0, 9.0, 0.0, -4.0, -8.0, -8.0},  // S3
    {   10, 16.0, 48.0, 18.0, 12.0, 7.0, 0.0, -8.0, -8.0, -8.0},  // S4
    {    0, 13.0, 34.0, 14.0, 10.0, 6.0, 0.0, -8.0, -8.0, -8.0},  // S5
    {  -20, 22.0, 16.0, 10.0,  0.0, 0.0, 0.0, -8.0, -8.0, -8.0},  // Co
}};
// clang-format on

// Skin of the trunk, bottom to top: (y, half width, half depth, centre z), average adult.
constexpr std::array<TorsoSection, 9> kTorso{{
    {-250.0f, 150.0f, 95.0f, -5.0f},
    {-150.0f, 172.0f, 108.0f, 0.0f},
    {-50.0f, 165.0f, 105.0f, 12.0f},
    {40.0f, 150.0f, 104.0f, 22.0f},
    {110.0f, 144.0f, 102.0f, 22.0f},
    {200.0f, 150.0f, 104.0f, 14.0f},
    {300.0f, 160.0f, 108.0f, 2.0f},
    {400.0f, 168.0f, 106.0f, -10.0f},
    {480.0f, 172.0f, 92.0f, -20.0f},
}};

constexpr float kPumpHeightMm = 30.0f;       // about the L5 level: lower abdomen, below the navel
constexpr float kPumpAngleRad = 0.62f;       // towards the patient's left lower quadrant
constexpr float kTissueOverPumpMm = 10.0f;   // skin and fat over the pump's face (max 25 mm)
constexpr float kCatheterTunnelDepthMm = 8.0f;
constexpr float kAnchorDepthMm = 22.0f;      // lumbodorsal fascia under the back skin

float deg(float d) { return d * glm::pi<float>() / 180.0f; }

glm::vec3 up_axis(float tilt) { return {0.0f, std::cos(tilt), std::sin(tilt)}; }
glm::vec3 anterior_axis(float tilt) { return {0.0f, -std::sin(tilt), std::cos(tilt)}; }

LevelGeometry geometry_from_row(Level level, const LevelRow& row) {
    LevelGeometry g;
    g.level = level;
    g.tilt_rad = deg(row.tilt_deg);
    g.body_height_mm = row.height_mm;
    g.body_width_mm = row.width_mm;
    g.body_depth_mm = row.depth_mm;
    g.canal_width_mm = row.canal_w_mm;
    g.canal_depth_mm = row.canal_d_mm;
    g.disc_below_mm = row.disc_below_mm;
    g.sac_radius_mm = row.sac_r_mm;
    // The sac is oval, wider than deep, and leaves room in the canal for the epidural space
    // (thicker behind the sac than at its sides).
    g.sac_half_width_mm = std::min(row.sac_r_mm * 1.15f, row.canal_w_mm * 0.5f - 1.2f);
    g.sac_half_depth_mm = std::min(row.sac_r_mm * 0.85f, row.canal_d_mm * 0.5f - 1.8f);
    if (row.sac_r_mm <= 0.0f) {
        g.sac_half_width_mm = row.sac_r_mm;
        g.sac_half_depth_mm = row.sac_r_mm;
    }
    g.cord_half_width_mm = row.cord_hw_mm;
    g.cord_half_depth_mm = row.cord_hd_mm;
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
    pump.axis = a.skin_normal(kPumpHeightMm, kPumpAngleRad);
    pump.angle_rad = kPumpAngleRad;
    // The pump's back rests on the muscle fascia; the skin bulges over it where the fat is
    // thinner than the pump, so that kTissueOverPumpMm always covers its face.
    pump.centre_mm = a.under_skin(kPumpHeightMm, kPumpAngleRad, a.wall.fat_mm(kPumpAngleRad) - pump.thickness_mm * 0.5f);
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
        const float dorsal = std::max(g.cord_half_depth_mm, 0.0f) + 1.2f;
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
void build_ribs(Anatomy& a) {
    constexpr float kFrontAngle[12] = {0.10f, 0.12f, 0.14f, 0.16f, 0.18f, 0.20f, 0.24f,
                                       0.45f, 0.62f, 0.80f, 1.45f, 2.05f};
    constexpr float kExtraDepthMm[12] = {55.0f, 35.0f, 20.0f, 10.0f, 4.0f, 0.0f, 0.0f,
                                         0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
    a.ribs.clear();
    for (int k = 0; k < 12; ++k) {
        const auto& g = a.levels[index_of(Level::T1) + k];
        Tube rib;
        rib.radius_mm = 4.0f + 0.12f * static_cast<float>(std::min(k, 6));
        const glm::vec3 lateral(1.0f, 0.0f, 0.0f);
        rib.points_mm.push_back(g.body_centre_mm + lateral * (g.body_width_mm * 0.5f + 2.0f) -
                                g.anterior() * (g.body_depth_mm * 0.3f));
        const glm::vec3 tubercle = g.canal_centre_mm + lateral * (g.canal_width_mm * 0.5f + 24.0f) -
                                   g.anterior() * 4.0f;
        rib.points_mm.push_back(tubercle);
        const float drop_mm = std::min(40.0f + 9.0f * static_cast<float>(k), 105.0f);
        const float span = kRibBackAngle - kFrontAngle[k];
        for (int j = 0; j < kRibAngles; ++j) {
            const float angle = std::max(rib_angle(j), kFrontAngle[k]);  // past its end a rib stays put
            const float u = (kRibBackAngle - angle) / span;
            const float y = tubercle.y - drop_mm * std::pow(u, 1.4f);
            const float depth = a.wall.fat_mm(angle) + 9.0f + kExtraDepthMm[k] * (1.0f - 0.5f * u);
            rib.points_mm.push_back(a.under_skin(y, angle, depth));
        }
        a.ribs.push_back(std::move(rib));
    }
    // The sternum, from the first rib's front end down to the xiphoid at the seventh's.
    Tube sternum;
    sternum.radius_mm = 9.0f;
    const glm::vec3 top = a.ribs[0].points_mm.back();
    const glm::vec3 bottom = a.ribs[6].points_mm.back();
    for (int s = 0; s <= 4; ++s) {
        const float y = glm::mix(top.y, bottom.y - 20.0f, static_cast<float>(s) / 4.0f);
        sternum.points_mm.push_back(a.under_skin(y, 0.0f, a.wall.fat_mm(0.0f) + 10.0f));
    }
    a.ribs.push_back(std::move(sternum));
}

// Where along the spine (fractional level index) the cord segment of the nerve that leaves at
// foramen index f starts: the cord is shorter than the column, so segments sit higher than
// their foramina, more so further down (Canbay et al. 2014; the lumbar and sacral segments are
// packed between T11 and the conus at L1).
float cord_segment_index(float foramen_index) {
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
        const float origin_index = cord_segment_index(foramen_index);
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
// level with the lower sacrum, the symphysis in front. Sizes for an average adult pelvis.
void place_pelvis(Anatomy& a) {
    PelvisGeometry& p = a.pelvis;
    const LevelGeometry& l5 = a.at(Level::L5);
    const LevelGeometry& s1 = a.at(Level::S1);
    const LevelGeometry& s4 = a.at(Level::S4);
    p.crest_y_mm = l5.body_centre_mm.y + l5.body_height_mm * 0.5f + l5.disc_below_mm * 0.0f;
    p.wing_bottom_y_mm = s4.body_centre_mm.y + 15.0f;
    p.bowl_centre_mm = glm::vec3(0.0f, p.wing_bottom_y_mm - 20.0f, s1.body_centre_mm.z + 35.0f);
    p.bowl_radii_mm = glm::vec3(128.0f, 120.0f, 92.0f);
    p.wing_thickness_mm = 7.0f;
    p.asis_mm = glm::vec3(112.0f, p.crest_y_mm - 55.0f, p.bowl_centre_mm.z + 55.0f);
    p.acetabulum_mm = glm::vec3(92.0f, s4.body_centre_mm.y - 30.0f, s1.body_centre_mm.z + 45.0f);
    p.acetabulum_radius_mm = 27.0f;
    p.symphysis_mm = glm::vec3(8.0f, p.acetabulum_mm.y - 35.0f, p.acetabulum_mm.z + 60.0f);
    p.ischial_tuberosity_mm = glm::vec3(58.0f, p.acetabulum_mm.y - 70.0f, p.acetabulum_mm.z - 20.0f);
    p.sacroiliac_mm = glm::vec3(s1.body_width_mm * 0.42f, s1.body_centre_mm.y - 5.0f, s1.body_centre_mm.z - 8.0f);
}

}  // namespace

float rib_angle(int j) {
    return kRibBackAngle - (kRibBackAngle - kRibFrontAngle) * static_cast<float>(j) / static_cast<float>(kRibAngles - 1);
}

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

Anatomy build_anatomy(const AnatomyOptions& options) {
    Anatomy a;
    a.options = options;
    for (int i = 0; i < kLevelCount; ++i) a.levels[i] = geometry_from_row(level_at(i), kRows[i]);
    place_levels(a);
    a.torso.assign(kTorso.begin(), kTorso.end());
    place_pump(a);
    route_catheter(a);
    build_ribs(a);
    build_nerve_roots(a);
    place_pelvis(a);
    return a;
}

}  // namespace thecaview
