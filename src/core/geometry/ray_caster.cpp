// A bounding volume hierarchy over tagged triangles (median splits, small leaves) and two queries:
// the nearest hit, and every tag met along a ray (the bake's occluder groups).
//
// Sections: build | traverse | queries
#include "core/geometry/ray_caster.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace thecaview {

using glm::vec3;

namespace {
constexpr std::uint32_t kLeafTriangles = 4;
constexpr int kStackDepth = 64;
}  // namespace

// ---- build ------------------------------------------------------------------------------
void RayCaster::add(const Mesh& mesh, std::uint32_t tag) {
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const vec3 a = mesh.positions_mm[mesh.indices[t]];
        const vec3 b = mesh.positions_mm[mesh.indices[t + 1]];
        const vec3 c = mesh.positions_mm[mesh.indices[t + 2]];
        tris_.push_back({a, b - a, c - a, tag});
    }
}

void RayCaster::build() {
    nodes_.clear();
    if (tris_.empty()) return;
    nodes_.reserve(2 * tris_.size() / kLeafTriangles + 2);
    std::vector<vec3> centroids(tris_.size());
    for (std::size_t i = 0; i < tris_.size(); ++i) centroids[i] = tris_[i].a + (tris_[i].e1 + tris_[i].e2) / 3.0f;
    build_node(0, static_cast<std::uint32_t>(tris_.size()), centroids);
}

std::uint32_t RayCaster::build_node(std::uint32_t first, std::uint32_t count, std::vector<vec3>& centroids) {
    const auto index = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back({});
    Node node;
    node.lo = vec3(1e30f);
    node.hi = vec3(-1e30f);
    vec3 c_lo(1e30f), c_hi(-1e30f);
    for (std::uint32_t i = first; i < first + count; ++i) {
        const Triangle& t = tris_[i];
        for (const vec3 p : {t.a, t.a + t.e1, t.a + t.e2}) {
            node.lo = glm::min(node.lo, p);
            node.hi = glm::max(node.hi, p);
        }
        c_lo = glm::min(c_lo, centroids[i]);
        c_hi = glm::max(c_hi, centroids[i]);
        node.tags |= 1u << t.tag;
    }
    const vec3 extent = c_hi - c_lo;
    const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
    if (count <= kLeafTriangles || extent[axis] <= 0.0f) {
        node.first = first;
        node.count = count;
        nodes_[index] = node;
        return index;
    }
    // Split at the median centroid along the longest axis: triangles and centroids move together.
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), first);
    const std::uint32_t half = count / 2;
    std::nth_element(order.begin(), order.begin() + half, order.end(),
                     [&](std::uint32_t l, std::uint32_t r) { return centroids[l][axis] < centroids[r][axis]; });
    std::vector<Triangle> tris(count);
    std::vector<vec3> cents(count);
    for (std::uint32_t k = 0; k < count; ++k) {
        tris[k] = tris_[order[k]];
        cents[k] = centroids[order[k]];
    }
    std::copy(tris.begin(), tris.end(), tris_.begin() + first);
    std::copy(cents.begin(), cents.end(), centroids.begin() + first);
    build_node(first, half, centroids);  // the left child follows its parent
    node.first = build_node(first + half, count - half, centroids);
    node.count = 0;
    nodes_[index] = node;
    return index;
}

// ---- traverse ---------------------------------------------------------------------------
namespace {

// Where the ray enters the box, or a negative value when it misses it before t_limit.
float box_entry(const Ray& ray, vec3 inv, vec3 lo, vec3 hi, float t_limit) {
    const vec3 a = (lo - ray.origin) * inv, b = (hi - ray.origin) * inv;
    const vec3 near = glm::min(a, b), far = glm::max(a, b);
    const float t0 = std::max({near.x, near.y, near.z, 0.0f});
    const float t1 = std::min({far.x, far.y, far.z, t_limit});
    return t0 <= t1 ? t0 : -1.0f;
}

// Möller-Trumbore: t of the hit, or a negative value. front: the ray met the side the winding faces.
float intersect(const Ray& ray, vec3 a, vec3 e1, vec3 e2, bool& front) {
    const vec3 p = glm::cross(ray.direction, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-12f) return -1.0f;
    const float inv = 1.0f / det;
    const vec3 s = ray.origin - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f) return -1.0f;
    const vec3 q = glm::cross(s, e1);
    const float v = glm::dot(ray.direction, q) * inv;
    if (v < 0.0f || u + v > 1.0f) return -1.0f;
    front = det > 0.0f;  // det = -dot(direction, e1 x e2): the ray meets the side the winding faces
    return glm::dot(e2, q) * inv;
}

}  // namespace

// Visits the triangles the ray may meet, nearer boxes first, skipping boxes beyond t_limit and
// boxes holding no tag in tag_mask. visit(triangle, t, front) may lower t_limit or narrow tag_mask
// (through the references it captures); it returns true to stop.
template <typename Visit>
void RayCaster::traverse(const Ray& ray, std::uint32_t tag_mask, float& t_limit, Visit visit) const {
    if (nodes_.empty()) return;
    const vec3 inv = 1.0f / ray.direction;
    std::uint32_t stack[kStackDepth];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if ((node.tags & tag_mask) == 0 || box_entry(ray, inv, node.lo, node.hi, t_limit) < 0.0f) continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
                const Triangle& tri = tris_[i];
                if (((1u << tri.tag) & tag_mask) == 0) continue;
                bool front = true;
                const float t = intersect(ray, tri.a, tri.e1, tri.e2, front);
                if (t > 0.0f && t < t_limit && visit(i, t, front, tag_mask)) return;
            }
            continue;
        }
        const std::uint32_t left = static_cast<std::uint32_t>(&node - nodes_.data()) + 1, right = node.first;
        const float tl = box_entry(ray, inv, nodes_[left].lo, nodes_[left].hi, t_limit);
        const float tr = box_entry(ray, inv, nodes_[right].lo, nodes_[right].hi, t_limit);
        // Push the farther child first so the nearer is visited first.
        const bool left_first = tl >= 0.0f && (tr < 0.0f || tl <= tr);
        if (top + 2 > kStackDepth) continue;  // deeper than a median split of 2^60 triangles
        if (left_first) {
            if (tr >= 0.0f) stack[top++] = right;
            stack[top++] = left;
        } else {
            if (tl >= 0.0f) stack[top++] = left;
            if (tr >= 0.0f) stack[top++] = right;
        }
    }
}

// ---- queries ----------------------------------------------------------------------------
std::optional<RayHit> RayCaster::closest(const Ray& ray, std::uint32_t tag_mask) const {
    std::optional<RayHit> best;
    float t_limit = ray.t_max;
    traverse(ray, tag_mask, t_limit, [&](std::uint32_t i, float t, bool front, std::uint32_t&) {
        t_limit = t;
        best = RayHit{t, tris_[i].tag, i, front};
        return false;
    });
    return best;
}

std::uint32_t RayCaster::tags_hit(const Ray& ray, std::uint32_t tag_mask) const {
    std::uint32_t found = 0;
    float t_limit = ray.t_max;
    traverse(ray, tag_mask, t_limit, [&](std::uint32_t i, float, bool, std::uint32_t& mask) {
        found |= 1u << tris_[i].tag;
        mask &= ~found;  // a tag once found need not be looked for again
        return mask == 0;
    });
    return found;
}

}  // namespace thecaview
