// The project's ray tracer: rays cast on the CPU against the structures' triangle meshes, through a
// bounding volume hierarchy. It bakes the lighting (occlusion and shadows per vertex) and answers
// tests ("what does a ray through this pixel hit first?"). GL-free.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "core/geometry/body_shape.hpp"
#include "core/geometry/mesh.hpp"

namespace thecaview {

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, 1.0f};  // unit
    float t_max = 1e30f;
};

struct RayHit {
    float t = 0.0f;
    std::uint32_t tag = 0;       // the tag of the mesh that was hit
    std::uint32_t triangle = 0;  // index among all triangles added
    bool front_face = true;      // the ray met the triangle's outward side
};

// Meshes with a tag each (at most 32 distinct tags: a tag is a bit in the masks below).
class RayCaster {
public:
    void add(const Mesh& mesh, std::uint32_t tag);
    // Builds the hierarchy over everything added; call before casting.
    void build();

    // The nearest hit on a mesh whose tag is in tag_mask.
    [[nodiscard]] std::optional<RayHit> closest(const Ray& ray, std::uint32_t tag_mask = ~0u) const;
    // The tags (as bits) of every mesh in tag_mask that the ray meets before t_max.
    [[nodiscard]] std::uint32_t tags_hit(const Ray& ray, std::uint32_t tag_mask = ~0u) const;
    [[nodiscard]] std::size_t triangle_count() const { return tris_.size(); }

private:
    struct Triangle {
        glm::vec3 a, e1, e2;  // a corner and the edges from it
        std::uint32_t tag;
    };
    struct Node {
        glm::vec3 lo, hi;
        std::uint32_t first = 0;  // leaf: first triangle; inner: index of the right child
        std::uint32_t count = 0;  // leaf: triangles; 0: inner (its left child follows it)
        std::uint32_t tags = 0;   // the tags in this subtree
    };
    struct BuildItem;
    std::uint32_t build_node(std::vector<BuildItem>& items, std::uint32_t first, std::uint32_t count, int depth);
    template <typename Visit>
    void traverse(const Ray& ray, std::uint32_t tag_mask, float& t_limit, Visit visit) const;

    std::vector<Triangle> tris_;
    std::vector<Node> nodes_;
};

}  // namespace thecaview
