// How each structure looks: its material, whether and how it lets the eye through, and its place
// in the nesting of see-through layers (skin outside, cord inside), which orders their drawing.
#pragma once

#include <glm/vec3.hpp>

#include "core/structures.hpp"

namespace thecaview {

struct Material {
    glm::vec3 albedo{1.0f};  // linear
    float roughness = 0.5f;
    float metal = 0.0f;
};

struct StructureLook {
    Material material;
    bool always_see_through = false;  // skin, fat and the canal's layers; others when x-rayed
    float opacity_facing = 0.16f;     // see-through: how much it hides seen face-on
    float opacity_grazing = 0.7f;     // ... and at a grazing angle (the outline)
    int layer = 0;                    // nesting depth: 0 the skin, higher further in
};

const StructureLook& look(Structure s);

// Whether the moving level of detail budgets a structure as a see-through layer, drawn twice (back
// and front faces): the layers that always are, and the muscle, which most views x-ray.
inline bool moving_budget_counts_twice(Structure s) { return look(s).always_see_through || s == Structure::muscle; }

}  // namespace thecaview
