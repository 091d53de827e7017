// A bounding volume hierarchy over tagged triangles (binned surface-area-heuristic splits) and two queries:
// the nearest hit, and every tag met along a ray (the bake's occluder groups).
//
// Sections: build | traverse | queries
#include "core/geometry/ray_caster.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace thecaview {

using glm::vec3;

namespace {
constexpr std::uint32_t kMinLeafTriangles = 2;  // never split below this
constexpr std::uint32_t kMaxLeafTriangles = 8;  // a leaf holds at most this many, unless inseparable
constexpr int kBins = 16;                       // candidate split planes per axis, less one
constexpr int kSahDepth = 48;                   // below this depth, median splits: the tree stays shallow
constexpr int kStackDepth = 128;                // > kSahDepth + 32: holds the deepest path
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

namespace {

struct Bounds {
    vec3 lo{1e30f}, hi{-1e30f};
    void add(vec3 p) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    void add(const Bounds& b) {
        lo = glm::min(lo, b.lo);
        hi = glm::max(hi, b.hi);
    }
    [[nodiscard]] float half_area() const {
        const vec3 e = glm::max(hi - lo, vec3(0.0f));
        return e.x * e.y + e.y * e.z + e.z * e.x;
    }
};

}  // namespace

struct RayCaster::BuildItem {
    Bounds box;
    vec3 centroid;
    std::uint32_t triangle;
};

void RayCaster::build() {
    nodes_.clear();
    if (tris_.empty()) return;
    nodes_.reserve(2 * tris_.size() + 1);
    std::vector<BuildItem> items(tris_.size());
    for (std::size_t i = 0; i < tris_.size(); ++i) {
        const Triangle& t = tris_[i];
        items[i].box.add(t.a);
        items[i].box.add(t.a + t.e1);
        items[i].box.add(t.a + t.e2);
        items[i].centroid = 0.5f * (items[i].box.lo + items[i].box.hi);
        items[i].triangle = static_cast<std::uint32_t>(i);
    }
    build_node(items, 0, static_cast<std::uint32_t>(items.size()), 0);
    // The leaves index the items' order: put the triangles in it.
    std::vector<Triangle> ordered(tris_.size());
    for (std::size_t i = 0; i < items.size(); ++i) ordered[i] = tris_[items[i].triangle];
    tris_ = std::move(ordered);
}

// Splits where the surface area heuristic says a ray's expected cost is least (binned along each
// axis), or makes a leaf when no split is cheaper than testing the triangles.
std::uint32_t RayCaster::build_node(std::vector<BuildItem>& items, std::uint32_t first, std::uint32_t count, int depth) {
    const auto index = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back({});
    Bounds box, centres;
    Node node;
    for (std::uint32_t i = first; i < first + count; ++i) {
        box.add(items[i].box);
        centres.add(items[i].centroid);
        node.tags |= 1u << tris_[items[i].triangle].tag;
    }
    node.lo = box.lo;
    node.hi = box.hi;
    const auto make_leaf = [&] {
        node.first = first;
        node.count = count;
        nodes_[index] = node;
        return index;
    };
    if (count <= kMinLeafTriangles) return make_leaf();

    struct Bin {
        Bounds box;
        std::uint32_t count = 0;
    };
    constexpr float kTraversalCost = 1.0f;  // against one triangle test
    float best_cost = 1e30f;
    int best_axis = -1, best_split = 0;
    const vec3 extent = centres.hi - centres.lo;
    for (int axis = 0; axis < 3; ++axis) {
        if (extent[axis] <= 0.0f) continue;
        std::array<Bin, kBins> bins{};
        const float scale = static_cast<float>(kBins) / extent[axis];
        for (std::uint32_t i = first; i < first + count; ++i) {
            const int b = std::min(kBins - 1, static_cast<int>((items[i].centroid[axis] - centres.lo[axis]) * scale));
            bins[b].box.add(items[i].box);
            ++bins[b].count;
        }
        // Costs of the splits after bin s, from the right, then swept from the left.
        std::array<float, kBins> right_cost{};
        Bounds right;
        std::uint32_t right_count = 0;
        for (int s = kBins - 1; s > 0; --s) {
            right.add(bins[s].box);
            right_count += bins[s].count;
            right_cost[s - 1] = right.half_area() * static_cast<float>(right_count);
        }
        Bounds left;
        std::uint32_t left_count = 0;
        for (int s = 0; s + 1 < kBins; ++s) {
            left.add(bins[s].box);
            left_count += bins[s].count;
            if (left_count == 0 || left_count == count) continue;
            const float cost = left.half_area() * static_cast<float>(left_count) + right_cost[s];
            if (cost < best_cost) {
                best_cost = cost;
                best_axis = axis;
                best_split = s;
            }
        }
    }
    const float leaf_cost = box.half_area() * static_cast<float>(count);
    const float split_cost = kTraversalCost * box.half_area() + best_cost;
    if (best_axis < 0 || (count <= kMaxLeafTriangles && split_cost >= leaf_cost)) {
        if (best_axis >= 0 || count <= kMaxLeafTriangles) return make_leaf();
        best_axis = 0;  // every centroid at one point: halve the list as it is
    }
    std::uint32_t half = count / 2;
    if (depth >= kSahDepth) {  // a pathological tree: halve it at the median instead
        const auto by_centre = [&](const BuildItem& l, const BuildItem& r) { return l.centroid[best_axis] < r.centroid[best_axis]; };
        std::nth_element(items.begin() + first, items.begin() + first + half, items.begin() + first + count, by_centre);
    } else if (extent[best_axis] > 0.0f) {
        const float scale = static_cast<float>(kBins) / extent[best_axis];
        const auto mid = std::partition(items.begin() + first, items.begin() + first + count, [&](const BuildItem& it) {
            return std::min(kBins - 1, static_cast<int>((it.centroid[best_axis] - centres.lo[best_axis]) * scale)) <= best_split;
        });
        half = static_cast<std::uint32_t>(mid - (items.begin() + first));
    }
    build_node(items, first, half, depth + 1);  // the left child follows its parent
    node.first = build_node(items, first + half, count - half, depth + 1);
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
