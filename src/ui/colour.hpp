// Colours between the core's maps and ImGui's packed colours.
#pragma once

#include <imgui.h>

#include <glm/vec3.hpp>

namespace thecaview {

inline ImU32 to_imgui(glm::vec3 c, int alpha = 255) {
    return IM_COL32(static_cast<int>(c.x * 255.0f + 0.5f), static_cast<int>(c.y * 255.0f + 0.5f),
                    static_cast<int>(c.z * 255.0f + 0.5f), alpha);
}

}  // namespace thecaview
