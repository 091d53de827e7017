// The one colour map for drug concentration (viridis: perceptually uniform, readable with the
// common colour-vision deficiencies), shared by the 3D view's shader, the legend and the plots,
// and the log scale it is read on.
#pragma once

#include <glm/vec3.hpp>

namespace thecaview {

// sRGB colour at t in [0, 1] (a polynomial fit of matplotlib's viridis; the shaders get its colours from here).
glm::vec3 viridis(float t);

// Where a concentration falls on the map: log scale over three decades below max_ug_per_ml.
float concentration_scale(float ug_per_ml, float max_ug_per_ml);
inline constexpr float kColourMapDecades = 3.0f;

}  // namespace thecaview
