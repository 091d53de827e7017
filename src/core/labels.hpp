// Label layout for on-screen labels with leader lines: a column of labels beside their anchors,
// in anchor order, never overlapping, inside the view; low-priority labels give way when the
// column is full.
#pragma once

#include <cstddef>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/anatomy.hpp"

namespace thecaview {

struct LabelRequest {
    glm::vec2 anchor_px{0.0f};  // where the leader line starts (on the thing labelled)
    glm::vec2 size_px{0.0f};    // the label's box
    int priority = 0;           // higher stays longer when there is no room for all
};

struct PlacedLabel {
    std::size_t index = 0;  // into the requests
    glm::vec2 top_left_px{0.0f};
};

// Places labels in a column whose left edge is at column_x (right edge, when align_right), between
// top and bottom, gap pixels apart.
std::vector<PlacedLabel> layout_label_column(const std::vector<LabelRequest>& requests, float column_x,
                                             bool align_right, float top, float bottom, float gap);

// A point on the side of a vertebral body (or sacral segment) facing the eye, where a level
// marker's leader line starts.
glm::vec3 level_marker_anchor(const Anatomy& anatomy, Level level, glm::vec3 eye_mm);

// How much a level's label matters when not all fit: the lumbar levels (where the catheter goes
// in), the tip region and the ends of each region first.
int level_label_priority(Level level);

}  // namespace thecaview
