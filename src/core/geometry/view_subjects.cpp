// Sampling a view's subject from the body's distance maps.
#include "core/geometry/view_subjects.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <glm/geometric.hpp>

#include "core/procedure_pose.hpp"

namespace thecaview {

namespace {
// The heights between which the subject counts: from half a level above the upper level to half a
// level below the lower one.
void level_band(const Anatomy& a, const ViewSpec& spec, float& y_lo, float& y_hi) {
    y_lo = -1e9f;
    y_hi = 1e9f;
    if (!spec.from_level || !spec.to_level) return;
    const float upper = std::min(level_index(a, *spec.from_level), level_index(a, *spec.to_level));
    const float lower = std::max(level_index(a, *spec.from_level), level_index(a, *spec.to_level));
    y_hi = a.canal_point(upper - 0.5f).y;
    y_lo = a.canal_point(lower + 0.5f).y;
    if (upper < 0.5f) y_hi = 1e9f;  // from C1 up: the head and neck too
    if (lower > static_cast<float>(kLevelCount) - 1.5f) y_lo = -1e9f;
}

// Points on a structure's surface within its box: every grid point within a cell of the surface
// moved onto it along the distance map's gradient, so that features thinner than a cell count.
void sample_solid(const BodyShape& shape, Structure s, float y_lo, float y_hi, std::vector<glm::vec3>& out, float& pad) {
    Box3 box = shape.bounds(s);
    box.lo.y = std::max(box.lo.y, y_lo);
    box.hi.y = std::min(box.hi.y, y_hi);
    if (box.empty() || box.lo.y > box.hi.y) return;
    const glm::vec3 size = box.size();
    const float thinnest = std::min({size.x, size.y, size.z});
    float step = std::clamp(thinnest / 8.0f, 0.75f, 10.0f);
    const float cells = (size.x / step + 1.0f) * (size.y / step + 1.0f) * (size.z / step + 1.0f);
    if (cells > 60000.0f) step *= std::cbrt(cells / 60000.0f);
    const float near = step * 0.87f;  // half a cell's diagonal: every surface point is this near a grid point
    constexpr float h = 0.25f;
    const auto d = [&](glm::vec3 p) { return shape.distance(s, p); };
    pad = std::max(pad, 0.5f);  // the maps are distance bounds, not exact distances
    for (float x = box.lo.x; x <= box.hi.x; x += step) {
        for (float y = box.lo.y; y <= box.hi.y; y += step) {
            for (float z = box.lo.z; z <= box.hi.z; z += step) {
                glm::vec3 p(x, y, z);
                float dist = d(p);
                if (std::abs(dist) > near) continue;
                for (int k = 0; k < 3 && std::abs(dist) > 0.05f; ++k) {
                    const glm::vec3 g(d(p + glm::vec3(h, 0, 0)) - d(p - glm::vec3(h, 0, 0)),
                                      d(p + glm::vec3(0, h, 0)) - d(p - glm::vec3(0, h, 0)),
                                      d(p + glm::vec3(0, 0, h)) - d(p - glm::vec3(0, 0, h)));
                    if (glm::length(g) < 1e-6f) break;
                    p -= glm::normalize(g) * dist;
                    dist = d(p);
                }
                if (p.y >= y_lo && p.y <= y_hi) out.push_back(p);
            }
        }
    }
}

// One structure's points between two heights.
struct Sampled {
    std::vector<glm::vec3> points;
    float pad_mm = 0.0f;
};
Sampled sample_structure(const BodyShape& shape, Structure s, float y_lo, float y_hi) {
    Sampled out;
    const auto& tubes = shape.tubes(s);
    if (tubes.empty()) {
        sample_solid(shape, s, y_lo, y_hi, out.points, out.pad_mm);
        return out;
    }
    for (const CapsuleChain& c : tubes) {
        out.pad_mm = std::max(out.pad_mm, c.radius_mm);
        for (std::size_t i = 0; i + 1 < c.points_mm.size(); ++i) {
            // Along each segment every few millimetres: a long straight run has no inner points.
            const glm::vec3 a = c.points_mm[i], b = c.points_mm[i + 1];
            const int n = std::max(1, static_cast<int>(glm::distance(a, b) / 4.0f));
            for (int k = 0; k <= n; ++k) {
                const glm::vec3 p = glm::mix(a, b, static_cast<float>(k) / static_cast<float>(n));
                if (p.y < y_lo || p.y > y_hi) continue;
                out.points.push_back(p);
                if (c.mirrored) out.points.emplace_back(-p.x, p.y, p.z);
            }
        }
    }
    return out;
}

// Views that share a subject (the overview and the side view both frame the whole skin) sample
// it once.
using SampleCache = std::map<std::tuple<Structure, float, float>, Sampled>;

// With arms_forward_rad, the points of what the arms carry are posed with them.
std::vector<glm::vec3> subject_points_cached(const BodyShape& shape, const ViewSpec& spec, float& pad_mm, SampleCache& cache,
                                             float arms_forward_rad = 0.0f) {
    std::vector<glm::vec3> points;
    pad_mm = 0.0f;
    float y_lo = 0.0f, y_hi = 0.0f;
    level_band(shape.anatomy(), spec, y_lo, y_hi);
    for (const StructureInfo& info : structures()) {
        if (!(spec.subject & bit(info.id))) continue;
        const auto key = std::make_tuple(info.id, y_lo, y_hi);
        auto it = cache.find(key);
        if (it == cache.end()) it = cache.emplace(key, sample_structure(shape, info.id, y_lo, y_hi)).first;
        if (arms_forward_rad != 0.0f && moves_with_the_arms(info.id)) {
            for (const glm::vec3& p : it->second.points) points.push_back(posed_by_arms(shape.anatomy().limbs, arms_forward_rad, p));
        } else {
            points.insert(points.end(), it->second.points.begin(), it->second.points.end());
        }
        pad_mm = std::max(pad_mm, it->second.pad_mm);
    }
    return points;
}
}  // namespace

std::vector<glm::vec3> subject_points(const BodyShape& shape, const ViewSpec& spec, float& pad_mm) {
    SampleCache cache;
    return subject_points_cached(shape, spec, pad_mm, cache);
}

std::vector<NamedView> named_views(const Anatomy& anatomy, const std::vector<ViewSpec>& specs) {
    const BodyShape shape(anatomy);
    SampleCache cache;
    std::vector<NamedView> views;
    for (const ViewSpec& spec : specs) {
        NamedView v;
        v.name = spec.name;
        v.xray_mask = spec.xray_mask;
        v.hidden_mask = spec.hidden_mask;
        v.margin = spec.margin;
        v.camera.yaw_rad = spec.yaw_rad;
        if (spec.facing_pump) v.camera.yaw_rad = std::atan2(anatomy.pump.axis.x, anatomy.pump.axis.z);
        v.camera.pitch_rad = spec.pitch_rad;
        v.camera.fov_y_rad = spec.fov_y_rad;
        if (spec.cut == CutKind::axial) {
            v.cut.kind = CutKind::axial;
            v.cut.level_index = level_index(anatomy, spec.cut_at);
        } else if (spec.cut == CutKind::sagittal) {
            // Through the midline, where the cord and the catheter lie: both are cut along.
            v.cut.kind = CutKind::sagittal;
            v.cut.offset_mm = anatomy.canal_point(anatomy.catheter_tip_level_index()).x;
        }
        v.subject_mm = subject_points_cached(shape, spec, v.subject_pad_mm, cache);
        const auto& all = structures();
        if (std::any_of(all.begin(), all.end(), [&](const StructureInfo& s) { return (spec.subject & bit(s.id)) && moves_with_the_arms(s.id); })) {
            v.subject_lying_mm = subject_points_cached(shape, spec, v.subject_pad_mm, cache, kArmBoardForwardRad);
        }
        v.camera = frame_view(v, 16.0f / 9.0f);
        views.push_back(std::move(v));
    }
    return views;
}

}  // namespace thecaview
