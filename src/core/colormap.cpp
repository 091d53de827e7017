// The viridis fit and the log scale.
#include "core/colormap.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>

namespace thecaview {

glm::vec3 viridis(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    const glm::vec3 c0(0.2777273f, 0.0054073f, 0.3340998f);
    const glm::vec3 c1(0.1050930f, 1.4046135f, 1.3845902f);
    const glm::vec3 c2(-0.3308618f, 0.2148476f, 0.0950952f);
    const glm::vec3 c3(-4.6342305f, -5.7991010f, -19.3324410f);
    const glm::vec3 c4(6.2282699f, 14.1799334f, 56.6905526f);
    const glm::vec3 c5(4.7763850f, -13.7451454f, -65.3530326f);
    const glm::vec3 c6(-5.4354559f, 4.6458526f, 26.3124352f);
    return glm::clamp(c0 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * (c5 + t * c6))))), 0.0f, 1.0f);
}

float concentration_scale(float ug_per_ml, float max_ug_per_ml) {
    if (ug_per_ml <= 0.0f || max_ug_per_ml <= 0.0f) return 0.0f;
    return std::clamp(1.0f + std::log10(ug_per_ml / max_ug_per_ml) / kColourMapDecades, 0.0f, 1.0f);
}

}  // namespace thecaview
