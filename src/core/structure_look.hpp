// How each structure looks and is meshed: its material, whether and how it lets the eye through,
// its place in the nesting of see-through layers (skin outside, cord inside), which orders their
// drawing, the shadows it casts and its mesh's resolution. One table, assets/structures.json,
// compiled in as the fallback; the core reads it, the renderer and the baker follow it.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include <glm/vec3.hpp>

#include "core/json_input.hpp"
#include "core/structures.hpp"

namespace thecaview {

struct Material {
    glm::vec3 albedo{1.0f};  // linear
    float roughness = 0.5f;
    float metal = 0.0f;
};

// How finely a structure is meshed: grid cell and simplification error (mm), or a swept tube's sides.
struct MeshResolution {
    float cell_mm = 1.0f;
    float error_mm = 0.25f;
    int tube_sides = 0;  // > 0: a swept tube with this many sides
    float max_edge_mm = 0.0f;  // > 0: no edge longer after simplifying (flat faces keep their light even)
    bool operator==(const MeshResolution&) const = default;
};

inline constexpr int kShadowGroups = 8;  // occluder groups of the bake
inline constexpr int kNoShadowGroup = -1;

struct StructureLook {
    Material material;
    bool always_see_through = false;  // skin, fat and the canal's layers; others when x-rayed
    float opacity_facing = 0.16f;     // see-through: how much it hides seen face-on
    float opacity_grazing = 0.7f;     // ... and at a grazing angle (the outline)
    int layer = 0;                    // nesting depth: 0 the skin, higher further in
    int shadow_group = kNoShadowGroup;  // the occluder group it casts shadows in, or none
    MeshResolution mesh;
};

struct StructureTable {
    std::array<StructureLook, kStructureCount> looks{};  // by id - 1
};

// The table from JSON; every structure once, every value in range, else errors with file, line,
// field and value (and the rest of the table is not used).
Loaded<StructureTable> parse_structure_table(std::string_view json_text, const std::string& source);
// The table from a file; when it is missing or broken, says why and uses the built-in copy.
Loaded<StructureTable> load_structure_table(const std::filesystem::path& file);
// The shipped assets/structures.json, compiled in.
std::string_view built_in_structures_json();

// The table in use: the built-in one until the app sets the one it loaded (at start, before any
// thread reads it).
void use_structure_table(const StructureTable& table);
const StructureLook& look(Structure s);
// A fingerprint of what shapes the meshes and their bake (shadow groups, resolutions): part of the
// mesh cache's key, so an edited table never reads a body made under another.
std::uint64_t mesh_table_fingerprint();

// Whether the moving level of detail budgets a structure as a see-through layer, drawn twice (back
// and front faces): the layers that always are, and the muscle, which most views x-ray.
inline bool moving_budget_counts_twice(Structure s) { return look(s).always_see_through || s == Structure::muscle; }

}  // namespace thecaview
