// Builds the anatomy model from the proportion tables below (sources in docs/anatomy.md).
#include "core/anatomy.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

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
constexpr float kFatOverFasciaMm = 25.0f;    // subcutaneous abdominal fat
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
    // The pump's back rests on the muscle fascia; the skin bulges over it where the fat is
    // thinner than the pump, so that kTissueOverPumpMm always covers its face.
    pump.centre_mm = a.under_skin(kPumpHeightMm, kPumpAngleRad, kFatOverFasciaMm - pump.thickness_mm * 0.5f);
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
        const float dorsal = std::max(g.cord_half_depth_mm, 0.0f) + 1.6f;
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

}  // namespace

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
    a.subcutaneous_fat_mm = kFatOverFasciaMm;
    for (int i = 0; i < kLevelCount; ++i) a.levels[i] = geometry_from_row(level_at(i), kRows[i]);
    place_levels(a);
    a.torso.assign(kTorso.begin(), kTorso.end());
    place_pump(a);
    route_catheter(a);
    return a;
}

}  // namespace thecaview
