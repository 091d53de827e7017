// The named views made for one anatomy: each view's subject sampled from the body's shape, so
// that its camera can be framed for any picture (core/views.hpp).
#pragma once

#include <vector>

#include <glm/vec3.hpp>

#include "core/geometry/body_shape.hpp"
#include "core/views.hpp"

namespace thecaview {

// Points on the surfaces of the subject's structures (between its levels, when it has them), from
// a grid fine enough for thin ones, and tubes by their centre lines; pad_mm says how far the
// surfaces may lie beyond the points (a tube's radius, or the maps' own error).
std::vector<glm::vec3> subject_points(const BodyShape& shape, const ViewSpec& spec, float& pad_mm);

// Every view of `specs` for this anatomy, its camera framed for a 16:9 picture.
std::vector<NamedView> named_views(const Anatomy& anatomy, const std::vector<ViewSpec>& specs = built_in_view_specs());

}  // namespace thecaview
