// What is drawn over the 3D view: vertebral level markers with leader lines, the name of the
// structure under the pointer, and the note that pumps differ. Reads state; touches no GL.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include <glm/vec2.hpp>

#include "core/anatomy.hpp"
#include "core/content.hpp"
#include "core/viewer_state.hpp"

namespace thecaview {

struct OverlayInput {
    const ViewerState& state;
    const Anatomy& anatomy;
    float x = 0.0f;  // the 3D view's rectangle, in ImGui's display coordinates
    float y = 0.0f;
    float width = 0.0f;
    float height = 0.0f;
    float scale = 1.0f;
    std::optional<Structure> hovered;  // the structure under the pointer, if any
    const ProcedureContent* content = nullptr;  // names and notes in the language shown
    // The visibility bits of the traced image at a pixel of the view (for structure labels).
    std::function<StructureMask(int x, int y)> mask_at;
    bool pump_note = true;  // the note that pumps differ (signage shows it in its drifting captions)
    // A body for another pump being made in the background: its reservoir (mL) and how far (0..1).
    std::optional<std::pair<int, float>> body_building;
};

// A level marker as drawn: its level, where its leader line starts and its box (display pixels).
struct DrawnLabel {
    Level level{};                        // a level marker's level
    std::optional<Structure> structure;   // or the structure a structure label names
    glm::vec2 anchor_px{0.0f};
    glm::vec2 box_min_px{0.0f};
    glm::vec2 box_max_px{0.0f};
};

// Draws the overlays; returns the level markers and the structure labels it drew.
std::vector<DrawnLabel> draw_overlay(const OverlayInput& input);

}  // namespace thecaview
