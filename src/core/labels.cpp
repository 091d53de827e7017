// Label columns: push labels apart in anchor order, fit them in the view, drop the least
// important ones while they cannot fit.
#include "core/labels.hpp"

#include <algorithm>
#include <numeric>

namespace thecaview {

namespace {

// Positions (top y) for labels sorted by anchor; false when they cannot fit between top and bottom.
bool stack(const std::vector<LabelRequest>& sorted, float top, float bottom, float gap, std::vector<float>& y) {
    const std::size_t n = sorted.size();
    y.assign(n, 0.0f);
    float total = 0.0f;
    for (const auto& r : sorted) total += r.size_px.y + gap;
    if (total - gap > bottom - top) return false;
    // Down: each label at its anchor, or just below the one above.
    for (std::size_t i = 0; i < n; ++i) {
        const float want = sorted[i].anchor_px.y - sorted[i].size_px.y * 0.5f;
        const float below_previous = i == 0 ? top : y[i - 1] + sorted[i - 1].size_px.y + gap;
        y[i] = std::max({want, below_previous, top});
    }
    // Up: pull back inside the bottom edge, pushing those above up as needed.
    for (std::size_t k = n; k-- > 0;) {
        const float limit = k + 1 == n ? bottom - sorted[k].size_px.y : y[k + 1] - gap - sorted[k].size_px.y;
        y[k] = std::min(y[k], limit);
    }
    return y.empty() || y.front() >= top - 0.5f;
}

}  // namespace

std::vector<PlacedLabel> layout_label_column(const std::vector<LabelRequest>& requests, float column_x,
                                             bool align_right, float top, float bottom, float gap) {
    std::vector<std::size_t> kept(requests.size());
    std::iota(kept.begin(), kept.end(), 0);
    std::vector<float> y;
    while (!kept.empty()) {
        std::sort(kept.begin(), kept.end(),
                  [&](std::size_t a, std::size_t b) { return requests[a].anchor_px.y < requests[b].anchor_px.y; });
        std::vector<LabelRequest> sorted;
        for (const std::size_t i : kept) sorted.push_back(requests[i]);
        if (stack(sorted, top, bottom, gap, y)) break;
        // No room: the least important label (the lowest one among equals) gives way.
        const auto drop = std::min_element(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
            return requests[a].priority < requests[b].priority ||
                   (requests[a].priority == requests[b].priority && a > b);
        });
        kept.erase(drop);
    }
    std::vector<PlacedLabel> placed;
    for (std::size_t k = 0; k < kept.size(); ++k) {
        const auto& r = requests[kept[k]];
        placed.push_back({kept[k], {align_right ? column_x - r.size_px.x : column_x, y[k]}});
    }
    return placed;
}

glm::vec3 level_marker_anchor(const Anatomy& anatomy, Level level, glm::vec3 eye_mm) {
    const LevelGeometry& g = anatomy.at(level);
    if (level == Level::Co) return g.body_centre_mm;
    // Sacral segments: the body, not the alae (the table's width includes them).
    const bool sacral = region_of(level) == Region::sacral;
    const float half_width = sacral ? g.body_width_mm * 0.2f : g.body_width_mm * 0.42f;
    const float side = eye_mm.x >= g.body_centre_mm.x ? 1.0f : -1.0f;
    return g.body_centre_mm + glm::vec3(side * half_width, 0.0f, 0.0f);
}

int level_label_priority(Level level) {
    switch (level) {
        case Level::C1: case Level::C7: case Level::T1: case Level::T12: case Level::S1: return 3;
        default: break;
    }
    const Region region = region_of(level);
    if (region == Region::lumbar) return 4;
    const int i = index_of(level);
    if (region == Region::thoracic) return (i % 2 == 0) ? 2 : 1;
    if (region == Region::cervical) return (i % 2 == 0) ? 1 : 0;
    return 0;
}

}  // namespace thecaview
