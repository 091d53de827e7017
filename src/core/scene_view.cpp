// Cut planes from the user's cut settings.
#include "core/scene_view.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace thecaview {

bool CutPlane::removes(glm::vec3 p) const { return glm::dot(normal, p) > offset_mm; }

std::optional<CutPlane> cut_plane(const Anatomy& anatomy, const CutSettings& settings) {
    switch (settings.kind) {
        case CutKind::none: return std::nullopt;
        case CutKind::axial: {
            // Through the body centre of the level, square to the spine there.
            const float li = std::clamp(settings.level_index, 0.0f, static_cast<float>(kLevelCount - 1));
            const int i = std::min(static_cast<int>(li), kLevelCount - 2);
            const float f = li - static_cast<float>(i);
            const LevelGeometry& a = anatomy.levels[i];
            const LevelGeometry& b = anatomy.levels[i + 1];
            const glm::vec3 centre = glm::mix(a.body_centre_mm, b.body_centre_mm, f);
            const glm::vec3 up = glm::normalize(glm::mix(a.up(), b.up(), f));
            return CutPlane{up, glm::dot(up, centre)};
        }
        case CutKind::sagittal: return CutPlane{{1.0f, 0.0f, 0.0f}, settings.offset_mm};
        case CutKind::coronal: return CutPlane{{0.0f, 0.0f, 1.0f}, settings.offset_mm};
    }
    return std::nullopt;
}

std::string_view cut_kind_name(CutKind kind) {
    switch (kind) {
        case CutKind::none: return "none";
        case CutKind::axial: return "axial";
        case CutKind::sagittal: return "sagittal";
        case CutKind::coronal: return "coronal";
    }
    return "none";
}

}  // namespace thecaview
