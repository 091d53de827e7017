// The named views (overview, back, side, pump, tip, cross-section): camera, what is hidden,
// what is see-through and what is cut away, computed for a given anatomy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/anatomy.hpp"
#include "core/camera.hpp"
#include "core/scene_view.hpp"

namespace thecaview {

struct NamedView {
    std::string name;
    std::string label;             // shown in the panel
    StructureMask xray_mask = 0;   // structures drawn see-through in this view
    StructureMask hidden_mask = 0; // structures hidden in this view
    CutSettings cut;
    OrbitCamera camera;
};

// The named views, computed for this anatomy (the pump view looks at its pump, and so on).
std::vector<NamedView> named_views(const Anatomy& anatomy);
std::optional<NamedView> find_view(const std::vector<NamedView>& views, std::string_view name);
std::vector<std::string> view_names(const std::vector<NamedView>& views);

}  // namespace thecaview
