// The body as triangle meshes, one per structure, with a level of detail for moving views and
// lighting ray-traced once per vertex: ambient occlusion and soft shadows from four key lights fixed
// to the body, each kept per occluder group so that hiding or x-raying a structure never re-bakes.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "core/geometry/body_shape.hpp"
#include "core/geometry/mesh.hpp"
#include "core/structure_look.hpp"
#include "core/structures.hpp"

namespace thecaview {

// Structures cast shadows and occlusion in groups; a group counts while any of its structures is
// drawn opaque. Always see-through structures (skin, fat, the canal's layers) cast none.
inline constexpr int kOccluderGroups = kShadowGroups;  // each structure's in assets/structures.json
inline constexpr int kNoOccluderGroup = kNoShadowGroup;
int occluder_group(Structure s);

// The key lights, fixed to the body: each stands above the left shoulder of a viewer looking from
// the front, the back, the patient's left and right. A frame blends the two or three nearest its
// view, so every angle is lit from above one shoulder and the baked shadows agree with the light.
inline constexpr int kKeyLights = 4;
const std::array<glm::vec3, kKeyLights>& key_light_directions();
// The four weights (summing to 1) of the key lights for a view direction (eye towards the scene).
std::array<float, kKeyLights> key_light_weights(glm::vec3 view_direction);

// Per vertex, per occluder group, the fraction of light that group lets through (255: all).
using GroupLight = std::array<std::uint8_t, kOccluderGroups>;

struct StructureMesh {
    Structure id = Structure::skin;
    Mesh mesh;                                  // full detail, for a still view
    std::vector<std::uint32_t> moving_indices;  // fewer triangles over the same vertices
    // Per vertex, a fractional level index (0 = C1, 1 = C2, ...): by height for the canal (where the
    // drug is coloured by level), and on the skin the dermatome band the point lies in.
    // The fat's inner face, on the fascia, has kInnerFace instead.
    std::vector<float> levels;
    std::vector<GroupLight> ambient;            // per vertex: sky light not occluded
    std::array<std::vector<GroupLight>, kKeyLights> key;  // per vertex and key light: not shadowed
};

inline constexpr float kInnerFace = -1.0f;

struct BodyMeshes {
    std::vector<StructureMesh> parts;  // in structure order, those with a surface
    [[nodiscard]] std::size_t triangle_count() const;
    [[nodiscard]] std::size_t moving_triangle_count() const;
    [[nodiscard]] const StructureMesh* find(Structure s) const;
};

struct MeshingDesc {
    std::size_t moving_triangles = 45000;  // the moving level of detail's budget, all structures
    int threads = 0;                       // 0: one per hardware thread
    std::function<void(float)> progress;   // 0..1, called after each structure
};

// Every structure meshed at its own resolution (finer for bone, cord and device than for the
// wall), simplified and ordered for the vertex cache; tubes swept along their polylines.
BodyMeshes mesh_body(const BodyShape& shape, const MeshingDesc& desc = {});

// The fractional level index at height y (0 at C1's body, 1 at C2's, ... clamped to the spine).
float level_coordinate(const Anatomy& anatomy, float y_mm);
// The dermatome band of a point on the trunk's skin, as a fractional level index whose whole part
// is the level the band's nerve leaves below: the bands run round the body and fall towards the
// front, like the ribs.
float dermatome_coordinate(const Anatomy& anatomy, glm::vec3 p);

// The catheter between two path points (0 = the tip), as the procedure threads it: a swept tube.
Mesh catheter_mesh(const Anatomy& anatomy, float from_point, float to_point);

// The operating table under a body lying on its right side (the lateral pose): a padded slab
// along the body, touching its widest point, long enough for a head and legs beyond the trunk
// (first); then the arm boards in front of the chest that the arms, raised forward, rest on: the
// lower arm's at the table's height, the upper arm's above it.
std::vector<Box3> operating_table(const Anatomy& anatomy);

struct BakeDesc {
    int ambient_rays = 24;        // over the hemisphere, cosine-weighted
    float ambient_reach_mm = 35.0f;
    int shadow_rays = 8;          // per key light, over the light's disc
    float light_radius_rad = 0.12f;  // the area lights' angular radius: the penumbra's width
    int threads = 0;
    std::function<void(float)> progress;  // 0..1, called from the baking threads now and then
    std::optional<Structure> only;        // bake this part alone (the others cast their shadows)
};

// Casts the rays and fills every part's ambient and key light.
void bake_lighting(BodyMeshes& body, const BakeDesc& desc = {});

// The catheter meshed again along this anatomy's path and its light baked against the rest of the
// body, which it does not shadow: a change of tip or entry touches nothing else.
void replace_catheter(BodyMeshes& body, const Anatomy& anatomy, const BakeDesc& desc = {});

}  // namespace thecaview
