// Triangle meshes made from the structures' shapes: surface nets over a distance map, swept tubes
// along polylines, then meshoptimizer's simplification and vertex-cache ordering. GL-free.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <glm/vec3.hpp>

#include "core/geometry/body_shape.hpp"

namespace thecaview {

struct Mesh {
    std::vector<glm::vec3> positions_mm;
    std::vector<glm::vec3> normals;  // unit, outward
    std::vector<std::uint32_t> indices;  // three per triangle, counter-clockwise seen from outside

    [[nodiscard]] std::size_t triangle_count() const { return indices.size() / 3; }
    [[nodiscard]] Box3 bounds() const;
    // Appends another mesh (its indices shifted).
    void append(const Mesh& other);
};

using DistanceMap = std::function<float(glm::vec3)>;

struct SurfaceDesc {
    Box3 box;              // holds the whole surface (the grid adds two cells each side)
    float cell_mm = 1.0f;  // grid spacing
    int threads = 0;       // 0: one per hardware thread
};

// The zero level of a distance map as a closed triangle mesh (surface nets: one vertex per grid
// cell that the surface crosses, one quad per crossed grid edge), with normals from the gradient.
Mesh mesh_surface(const DistanceMap& distance, const SurfaceDesc& desc);

// Closed tubes along capsule chains (mirrored chains twice): rings of `sides` vertices at each
// polyline point, oriented by parallel transport, and hemispherical caps at the ends.
Mesh sweep_tubes(const std::vector<CapsuleChain>& chains, int sides = 10);

// A box's six faces, each with its own outward normal; several boxes in one mesh.
Mesh box_mesh(const Box3& box);
Mesh box_mesh(const std::vector<Box3>& boxes);

// Fewer triangles (meshoptimizer's quadric simplification) within error_mm of the surface, down to
// at most target_triangles when that is not 0; then unused vertices are dropped.
void simplify(Mesh& mesh, float error_mm, std::size_t target_triangles = 0);
// Splits edges longer than max_edge_mm (their middles put on the map's surface, with its normal)
// until none is: flat faces left as long triangles would show bands of spread normals and light.
void refine_long_edges(Mesh& mesh, const DistanceMap& distance, float max_edge_mm, float normal_step_mm);
// The same simplification as an index buffer into the mesh's own vertices (a level of detail that
// shares the vertex buffer and what is baked per vertex).
std::vector<std::uint32_t> simplified_indices(const Mesh& mesh, float error_mm, std::size_t target_triangles = 0);

// Triangle order for the GPU's vertex cache, then vertices in the order the triangles use them.
void optimise_for_gpu(Mesh& mesh);

// Closed: every directed edge a->b is matched by as many b->a (no holes, consistent winding).
bool is_closed(const Mesh& mesh);

// The volume a closed mesh encloses (positive when its triangles face outward).
double enclosed_volume_mm3(const Mesh& mesh);

}  // namespace thecaview
