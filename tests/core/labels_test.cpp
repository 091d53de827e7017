// Label columns: no overlaps, inside the view, in anchor order; the least important give way.
#include <gtest/gtest.h>

#include "core/labels.hpp"

using namespace thecaview;

namespace {
void expect_well_placed(const std::vector<LabelRequest>& req, const std::vector<PlacedLabel>& placed, float top,
                        float bottom, float gap) {
    for (std::size_t k = 0; k < placed.size(); ++k) {
        const float y = placed[k].top_left_px.y;
        const float h = req[placed[k].index].size_px.y;
        EXPECT_GE(y, top - 0.5f);
        EXPECT_LE(y + h, bottom + 0.5f);
        if (k > 0) {
            const auto& above = placed[k - 1];
            EXPECT_GE(y, above.top_left_px.y + req[above.index].size_px.y + gap - 0.01f) << "overlap at " << k;
            EXPECT_LE(req[above.index].anchor_px.y, req[placed[k].index].anchor_px.y) << "order at " << k;
        }
    }
}
}  // namespace

TEST(Labels, SpreadLabelsStayAtTheirAnchors) {
    std::vector<LabelRequest> req;
    for (int i = 0; i < 5; ++i) req.push_back({{100.0f, 100.0f + 80.0f * i}, {40.0f, 20.0f}, 0});
    const auto placed = layout_label_column(req, 300.0f, false, 0.0f, 600.0f, 4.0f);
    ASSERT_EQ(placed.size(), 5u);
    for (const auto& p : placed) {
        EXPECT_FLOAT_EQ(p.top_left_px.y, req[p.index].anchor_px.y - 10.0f);
        EXPECT_FLOAT_EQ(p.top_left_px.x, 300.0f);
    }
}

TEST(Labels, CrowdedLabelsArePushedApartAndKeptInside) {
    std::vector<LabelRequest> req;
    for (int i = 0; i < 12; ++i) req.push_back({{100.0f, 580.0f + 2.0f * (i % 3)}, {40.0f, 20.0f}, 0});
    const auto placed = layout_label_column(req, 300.0f, true, 10.0f, 600.0f, 4.0f);
    ASSERT_EQ(placed.size(), 12u);
    expect_well_placed(req, placed, 10.0f, 600.0f, 4.0f);
    EXPECT_FLOAT_EQ(placed[0].top_left_px.x, 260.0f);  // right-aligned
}

TEST(Labels, WhenThereIsNoRoomTheLeastImportantGiveWay) {
    std::vector<LabelRequest> req;
    for (int i = 0; i < 30; ++i) req.push_back({{100.0f, 10.0f * i}, {40.0f, 20.0f}, i % 3 == 0 ? 5 : 0});
    const auto placed = layout_label_column(req, 300.0f, false, 0.0f, 300.0f, 4.0f);
    EXPECT_EQ(placed.size(), 12u);  // 300 px holds 12 labels of 20 + 4
    expect_well_placed(req, placed, 0.0f, 300.0f, 4.0f);
    int important = 0;
    for (const auto& p : placed) important += p.index % 3 == 0;
    EXPECT_EQ(important, 10);  // every important label kept; two of the others fill the rest
}

TEST(Labels, MarkerAnchorsLieOnTheBodyOnTheEyesSide) {
    const Anatomy a = build_anatomy();
    const glm::vec3 left_eye(2000.0f, 300.0f, 0.0f);
    for (int i = 0; i < kLevelCount; ++i) {
        const Level l = level_at(i);
        const glm::vec3 anchor = level_marker_anchor(a, l, left_eye);
        EXPECT_GE(anchor.x, a.at(l).body_centre_mm.x) << name_of(l);
        EXPECT_LT(anchor.x - a.at(l).body_centre_mm.x, a.at(l).body_width_mm * 0.5f) << name_of(l);
        EXPECT_FLOAT_EQ(anchor.y, a.at(l).body_centre_mm.y);
    }
    EXPECT_LT(level_marker_anchor(a, Level::L3, -left_eye).x, a.at(Level::L3).body_centre_mm.x);
    EXPECT_GT(level_label_priority(Level::L3), level_label_priority(Level::T7));
}
