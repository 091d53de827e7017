// Meshing every structure at its resolution, and baking its lighting with the ray caster.
//
// Sections: groups and lights | meshing | baking
#include "core/geometry/body_meshes.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <glm/gtc/constants.hpp>

#include "core/geometry/parallel.hpp"
#include "core/geometry/ray_caster.hpp"
#include "core/procedure_pose.hpp"
#include "core/structure_look.hpp"

namespace thecaview {

using glm::vec3;

// ---- groups and lights ------------------------------------------------------------------
int occluder_group(Structure s) { return look(s).shadow_group; }

const std::array<vec3, kKeyLights>& key_light_directions() {
    // Towards the light, from a viewer at +z (front), -z (back), +x and -x: up 0.6, left 0.5.
    static const std::array<vec3, kKeyLights> lights = {
        glm::normalize(vec3(-0.5f, 0.6f, 1.0f)), glm::normalize(vec3(0.5f, 0.6f, -1.0f)),
        glm::normalize(vec3(1.0f, 0.6f, 0.5f)), glm::normalize(vec3(-1.0f, 0.6f, -0.5f))};
    return lights;
}

std::array<float, kKeyLights> key_light_weights(vec3 view_direction) {
    // The viewer of light k stands at +z, -z, +x, -x: weight by how much the view comes from there.
    const vec3 from = -glm::normalize(vec3(view_direction.x, 0.0f, view_direction.z) + vec3(0.0f, 0.0f, 1e-6f));
    std::array<float, kKeyLights> w = {std::max(from.z, 0.0f), std::max(-from.z, 0.0f), std::max(from.x, 0.0f),
                                       std::max(-from.x, 0.0f)};
    float sum = 0.0f;
    for (float& x : w) {
        x *= x;
        sum += x;
    }
    for (float& x : w) x /= sum;
    return w;
}

// ---- meshing ----------------------------------------------------------------------------
// Each structure's resolution and shadow group come from the structure table (structure_look).
std::size_t BodyMeshes::triangle_count() const {
    std::size_t n = 0;
    for (const auto& p : parts) n += p.mesh.triangle_count();
    return n;
}

std::size_t BodyMeshes::moving_triangle_count() const {
    std::size_t n = 0;
    for (const auto& p : parts) n += p.moving_indices.size() / 3;
    return n;
}

const StructureMesh* BodyMeshes::find(Structure s) const {
    for (const auto& p : parts) {
        if (p.id == s) return &p;
    }
    return nullptr;
}

namespace {
// One structure's mesh at its resolution, with its level coordinates; empty when it has no surface.
StructureMesh mesh_part(const BodyShape& shape, const StructureInfo& info, const MeshingDesc& desc) {
    const MeshResolution r = look(info.id).mesh;
    StructureMesh part;
    part.id = info.id;
    if (r.tube_sides > 0) {
        part.mesh = sweep_tubes(shape.tubes(info.id), r.tube_sides);
    } else {
        const DistanceMap map = [&](vec3 p) { return shape.mesh_distance(info.id, p); };
        part.mesh = mesh_surface(map, {shape.bounds(info.id), r.cell_mm, desc.threads});
        simplify(part.mesh, r.error_mm);
        refine_long_edges(part.mesh, map, r.max_edge_mm, 0.25f * r.cell_mm);
    }
    optimise_for_gpu(part.mesh);
    part.levels.reserve(part.mesh.positions_mm.size());
    for (const vec3& p : part.mesh.positions_mm) {
        const Anatomy& a = shape.anatomy();
        float level = info.id == Structure::skin ? dermatome_coordinate(a, p) : level_coordinate(a, p.y);
        // The fat's inner face (on the fascia) is marked: as a see-through layer only its face
        // under the skin is drawn, the fascia showing as the muscle's.
        if (info.id == Structure::fat && std::abs(shape.distance(Structure::skin, p)) > 2.0f * r.cell_mm) level = kInnerFace;
        part.levels.push_back(level);
    }
    return part;
}

// The moving level of detail of a part: this share of its triangles.
void set_moving_share(StructureMesh& part, double share) {
    const auto target = static_cast<std::size_t>(static_cast<double>(part.mesh.triangle_count()) * share);
    part.moving_indices = share >= 1.0 ? part.mesh.indices : simplified_indices(part.mesh, 1e3f, std::max<std::size_t>(target, 16));
}
}  // namespace

BodyMeshes mesh_body(const BodyShape& shape, const MeshingDesc& desc) {
    BodyMeshes body;
    for (const StructureInfo& info : structures()) {
        StructureMesh part = mesh_part(shape, info, desc);
        if (!part.mesh.indices.empty()) body.parts.push_back(std::move(part));
        if (desc.progress) desc.progress(static_cast<float>(static_cast<int>(info.id)) / static_cast<float>(kStructureCount));
    }
    // The moving level of detail: every structure keeps the same share of its triangles. The
    // see-through layers (and the muscle, often x-rayed) are drawn twice, back and front faces, so
    // they count twice against the budget.
    std::size_t total = 0;
    for (const StructureMesh& part : body.parts) {
        total += part.mesh.triangle_count() * (moving_budget_counts_twice(part.id) ? 2 : 1);
    }
    const double share = std::min(1.0, static_cast<double>(desc.moving_triangles) / static_cast<double>(std::max<std::size_t>(total, 1)));
    for (StructureMesh& part : body.parts) set_moving_share(part, share);
    return body;
}

void replace_catheter(BodyMeshes& body, const Anatomy& anatomy, const BakeDesc& desc) {
    const auto old = std::find_if(body.parts.begin(), body.parts.end(), [](const StructureMesh& p) { return p.id == Structure::catheter; });
    const double share = old == body.parts.end() || old->mesh.indices.empty()
                             ? 1.0
                             : static_cast<double>(old->moving_indices.size()) / static_cast<double>(old->mesh.indices.size());
    StructureMesh part = mesh_part(BodyShape(anatomy), info(Structure::catheter), {});
    set_moving_share(part, share);
    if (old != body.parts.end()) *old = std::move(part);
    else body.parts.push_back(std::move(part));
    BakeDesc one = desc;
    one.only = Structure::catheter;
    bake_lighting(body, one);
}

float level_coordinate(const Anatomy& anatomy, float y_mm) {
    const auto& L = anatomy.levels;
    if (y_mm >= L[0].body_centre_mm.y) return 0.0f;
    for (int k = 0; k + 1 < kLevelCount; ++k) {
        const float top = L[k].body_centre_mm.y, bottom = L[k + 1].body_centre_mm.y;
        if (y_mm <= top && y_mm > bottom) return static_cast<float>(k) + (top - y_mm) / (top - bottom);
    }
    return static_cast<float>(kLevelCount - 1);
}

float dermatome_coordinate(const Anatomy& anatomy, vec3 p) {
    const TorsoSection s = anatomy.torso_at(p.y);
    const float angle = std::atan2(std::abs(p.x) / s.half_width_mm, (p.z - s.centre_z_mm) / s.half_depth_mm);  // 0 front, pi back
    const float lift_mm = 90.0f * std::pow(std::max(0.0f, 1.0f - angle / glm::pi<float>()), 1.2f);
    return level_coordinate(anatomy, p.y + lift_mm);
}

std::vector<Box3> operating_table(const Anatomy& anatomy) {
    float widest = 0.0f, bottom = 1e9f, top = -1e9f, front = -1e9f, back = 1e9f;
    for (const TorsoSection& s : anatomy.torso) {
        widest = std::max(widest, s.half_width_mm);
        bottom = std::min(bottom, s.y_mm);
        top = std::max(top, s.y_mm);
        front = std::max(front, s.centre_z_mm + s.half_depth_mm);
        back = std::min(back, s.centre_z_mm - s.half_depth_mm);
    }
    // The arms hang at the sides: the body on its right side rests on its right arm.
    const Limbs& l = anatomy.limbs;
    widest = std::max({widest, l.elbow_mm.x + l.elbow_radius_mm, l.wrist_mm.x + l.wrist_radius_mm, l.hand_mm.x + l.hand_radii_mm.x});
    Box3 table;
    table.lo = glm::vec3(-widest - 60.0f, bottom - 400.0f, back - 120.0f);
    table.hi = glm::vec3(-widest - 2.0f, top + 350.0f, front + 120.0f);
    // Each forearm raised forward, from the elbow to the fingers: its board lies under it (the
    // body's "down" is -x), from the table's front edge to beyond the fingers.
    const glm::vec3 elbow = posed_by_arms(l, kArmBoardForwardRad, l.elbow_mm);
    const glm::vec3 fingers = posed_by_arms(l, kArmBoardForwardRad, l.hand_mm - glm::vec3(0.0f, l.hand_radii_mm.y, 0.0f));
    const float y_lo = std::min(elbow.y, fingers.y) - 90.0f, y_hi = std::max(elbow.y, fingers.y) + 90.0f;
    const float z_hi = std::max(elbow.z, fingers.z) + 80.0f;
    // Each board's top touches its forearm's middle (the padding takes the taper to either end).
    const float middle_x = 0.5f * (l.elbow_mm.x + l.wrist_mm.x), middle_radius = 0.5f * (l.elbow_radius_mm + l.wrist_radius_mm);
    Box3 lower;  // under the right forearm, from the table's front edge
    lower.lo = glm::vec3(table.lo.x, y_lo, table.hi.z - 10.0f);
    lower.hi = glm::vec3(-middle_x - middle_radius - 2.0f, y_hi, z_hi);
    Box3 upper;  // under the left forearm
    const float under_left = middle_x - middle_radius - 2.0f;
    upper.lo = glm::vec3(under_left - 40.0f, y_lo, elbow.z - 60.0f);
    upper.hi = glm::vec3(under_left, y_hi, z_hi);
    // (Its post is left out: from behind, the back view would show it through the body.)
    return {table, lower, upper};
}

Mesh catheter_mesh(const Anatomy& anatomy, float from_point, float to_point) {
    const auto& path = anatomy.catheter_path_mm;
    if (path.size() < 2) return {};
    const float last = static_cast<float>(path.size() - 1);
    const float a = std::clamp(from_point, 0.0f, last), b = std::clamp(to_point, 0.0f, last);
    if (b - a < 1e-3f) return {};
    const auto at = [&](float t) {
        const auto i = static_cast<std::size_t>(std::min(std::floor(t), last - 1.0f));
        return glm::mix(path[i], path[i + 1], t - static_cast<float>(i));
    };
    CapsuleChain chain;
    chain.radius_mm = anatomy.catheter_radius_mm;
    chain.points_mm.push_back(at(a));
    for (auto i = static_cast<std::size_t>(std::floor(a)) + 1; static_cast<float>(i) < b; ++i) chain.points_mm.push_back(path[i]);
    chain.points_mm.push_back(at(b));
    Mesh mesh = sweep_tubes({chain}, look(Structure::catheter).mesh.tube_sides);
    optimise_for_gpu(mesh);
    return mesh;
}

// ---- baking -----------------------------------------------------------------------------
namespace {

// The i-th of n points of the Hammersley set in the unit square.
glm::vec2 hammersley(std::uint32_t i, std::uint32_t n) {
    std::uint32_t bits = i;
    bits = (bits << 16u) | (bits >> 16u);
    bits = ((bits & 0x55555555u) << 1u) | ((bits & 0xAAAAAAAAu) >> 1u);
    bits = ((bits & 0x33333333u) << 2u) | ((bits & 0xCCCCCCCCu) >> 2u);
    bits = ((bits & 0x0F0F0F0Fu) << 4u) | ((bits & 0xF0F0F0F0u) >> 4u);
    bits = ((bits & 0x00FF00FFu) << 8u) | ((bits & 0xFF00FF00u) >> 8u);
    return {(static_cast<float>(i) + 0.5f) / static_cast<float>(n), static_cast<float>(bits) * 2.3283064365386963e-10f};
}

// A frame around a unit vector: two unit vectors perpendicular to it and to each other.
void frame_around(vec3 n, vec3& t, vec3& b) {
    const vec3 helper = std::abs(n.y) < 0.9f ? vec3(0.0f, 1.0f, 0.0f) : vec3(1.0f, 0.0f, 0.0f);
    t = glm::normalize(glm::cross(helper, n));
    b = glm::cross(n, t);
}

// A per-vertex rotation of the sample pattern, so neighbours' errors differ and average out.
float vertex_rotation(std::size_t v) {
    std::uint32_t h = static_cast<std::uint32_t>(v) * 2654435761u;
    h ^= h >> 15u;
    return static_cast<float>(h & 0xFFFFu) / 65536.0f * glm::two_pi<float>();
}

// Counts, per group, the rays that a group stops: rays(k) gives the k-th ray.
template <typename RayAt>
GroupLight trace_group_light(const RayCaster& caster, int count, RayAt ray_at) {
    std::array<int, kOccluderGroups> blocked{};
    for (int k = 0; k < count; ++k) {
        const std::uint32_t hit = caster.tags_hit(ray_at(k));
        for (int g = 0; g < kOccluderGroups; ++g) blocked[g] += (hit >> g) & 1u;
    }
    GroupLight light{};
    for (int g = 0; g < kOccluderGroups; ++g) {
        light[g] = static_cast<std::uint8_t>(std::lround(255.0f * (1.0f - static_cast<float>(blocked[g]) / static_cast<float>(count))));
    }
    return light;
}

}  // namespace

void bake_lighting(BodyMeshes& body, const BakeDesc& desc) {
    RayCaster caster;
    for (const StructureMesh& part : body.parts) {
        const int group = occluder_group(part.id);
        if (group != kNoOccluderGroup) caster.add(part.mesh, static_cast<std::uint32_t>(group));
    }
    caster.build();

    // One work item per vertex of every part.
    std::vector<std::pair<std::size_t, std::size_t>> items;  // part, vertex
    for (std::size_t p = 0; p < body.parts.size(); ++p) {
        StructureMesh& part = body.parts[p];
        if (desc.only && part.id != *desc.only) continue;
        const std::size_t n = part.mesh.positions_mm.size();
        GroupLight lit;
        lit.fill(255);
        part.ambient.assign(n, lit);
        for (auto& key : part.key) key.assign(n, lit);
        for (std::size_t v = 0; v < n; ++v) items.emplace_back(p, v);
    }
    const auto& lights = key_light_directions();
    std::atomic<std::size_t> done{0};
    parallel_for(items.size(), desc.threads, [&](std::size_t item) {
        const auto [p, v] = items[item];
        StructureMesh& part = body.parts[p];
        const vec3 n = part.mesh.normals[v];
        const vec3 origin = part.mesh.positions_mm[v] + n * 0.25f;
        const float spin = vertex_rotation(item);
        vec3 t, b;
        frame_around(n, t, b);
        // The always see-through layers (skin, fat, the canal's sheets) are drawn faint and lit per
        // vertex: half the rays are enough for them, and they are most of the figure's vertices.
        const bool faint = look(part.id).always_see_through;
        const int ambient_rays = faint ? std::max(4, desc.ambient_rays / 2) : desc.ambient_rays;
        const int shadow_rays = faint ? std::max(2, desc.shadow_rays / 2) : desc.shadow_rays;
        part.ambient[v] = trace_group_light(caster, ambient_rays, [&](int k) {
            const glm::vec2 u = hammersley(static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(ambient_rays));
            const float phi = glm::two_pi<float>() * u.y + spin, r = std::sqrt(u.x);
            const vec3 d = t * (r * std::cos(phi)) + b * (r * std::sin(phi)) + n * std::sqrt(std::max(0.0f, 1.0f - u.x));
            return Ray{origin, d, desc.ambient_reach_mm};
        });
        for (int l = 0; l < kKeyLights; ++l) {
            if (glm::dot(n, lights[l]) <= -0.2f) continue;  // facing away: no direct light to shadow
            vec3 lt, lb;
            frame_around(lights[l], lt, lb);
            part.key[l][v] = trace_group_light(caster, shadow_rays, [&](int k) {
                const glm::vec2 u = hammersley(static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(shadow_rays));
                const float phi = glm::two_pi<float>() * u.y + spin, r = desc.light_radius_rad * std::sqrt(u.x);
                return Ray{origin, glm::normalize(lights[l] + lt * (r * std::cos(phi)) + lb * (r * std::sin(phi))), 1e30f};
            });
        }
        const std::size_t finished = ++done;
        if (desc.progress && finished % 4096 == 0) desc.progress(static_cast<float>(finished) / static_cast<float>(items.size()));
    });
    if (desc.progress) desc.progress(1.0f);
}

}  // namespace thecaview
