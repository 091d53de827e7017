// Cut planes: where each kind of cut lies and what it removes.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/scene_view.hpp"
#include "core/views.hpp"

using namespace thecaview;

TEST(Cut, NoneMeansNoPlane) { EXPECT_FALSE(cut_plane(build_anatomy(), {})); }

TEST(Cut, AxialCutRemovesWhatIsAboveTheLevel) {
    const Anatomy a = build_anatomy();
    CutSettings c;
    c.kind = CutKind::axial;
    c.level_index = static_cast<float>(index_of(Level::L1));
    const auto plane = cut_plane(a, c);
    ASSERT_TRUE(plane);
    EXPECT_TRUE(plane->removes(a.at(Level::T12).body_centre_mm));
    EXPECT_TRUE(plane->removes(a.at(Level::C4).canal_centre_mm));
    EXPECT_FALSE(plane->removes(a.at(Level::L2).body_centre_mm));
    EXPECT_FALSE(plane->removes(a.pump.centre_mm));
}

TEST(Cut, SagittalAndCoronalCutsMoveWithTheirOffset) {
    const Anatomy a = build_anatomy();
    CutSettings c;
    c.kind = CutKind::sagittal;
    c.offset_mm = 0.0f;
    EXPECT_TRUE(cut_plane(a, c)->removes(a.pump.centre_mm));  // the pump is on the left (+x)
    c.offset_mm = 200.0f;
    EXPECT_FALSE(cut_plane(a, c)->removes(a.pump.centre_mm));
    c.kind = CutKind::coronal;
    c.offset_mm = 0.0f;
    EXPECT_TRUE(cut_plane(a, c)->removes(a.pump.centre_mm));  // in front
    EXPECT_FALSE(cut_plane(a, c)->removes(a.at(Level::T8).canal_centre_mm));
}

TEST(Views, EveryNamedViewExistsAndTheCrossSectionCutsAtTheTip) {
    const Anatomy a = build_anatomy();
    const auto views = named_views(a);
    for (const char* name : {"overview", "back", "side", "pump", "tip", "cross_section"}) {
        EXPECT_TRUE(find_view(views, name)) << name;
    }
    const auto cross = find_view(views, "cross_section");
    EXPECT_EQ(cross->cut.kind, CutKind::axial);
    EXPECT_NEAR(cross->cut.level_index, static_cast<float>(index_of(Level::T10)), 0.3f);
    const auto tip = find_view(views, "tip");
    EXPECT_LT(glm::distance(tip->camera.target_mm, a.catheter_path_mm.front()), 1.0f);
}
