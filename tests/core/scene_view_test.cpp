// Cut planes: where each kind of cut lies and what it removes; the frame a state describes.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/frame.hpp"
#include "core/scene_view.hpp"
#include "core/geometry/view_subjects.hpp"
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
    EXPECT_LT(glm::distance(tip->camera.target_mm, a.catheter_path_mm.front()), 15.0f);
}

// ---- describe_frame: the frame a state shows, without GL ----------------------------------
namespace {
ProcedureContent one_step(StepAnimation animation) {
    ProcedureContent content;
    ProcedureStep step;
    step.id = "step";
    step.view = "overview";
    step.animation = animation;
    content.steps.push_back(step);
    return content;
}
}  // namespace

TEST(DescribeFrame, CarriesTheStatesViewTheCathetersTipAndNoDrugUnasked) {
    const Anatomy a = build_anatomy();
    ViewerState state;
    state.xray_mask = bit(Structure::ribs);
    const SceneView v = describe_frame(state, a, one_step(StepAnimation::none), nullptr);
    EXPECT_EQ(v.xray_mask, bit(Structure::ribs));
    EXPECT_EQ(v.catheter_tip_mm, a.catheter_path_mm.front());
    EXPECT_FALSE(v.spread_on);
    EXPECT_FALSE(v.pose.needle);
}

TEST(DescribeFrame, TheStepsAnimationPosesTheNeedleAsItRuns) {
    const Anatomy a = build_anatomy();
    ViewerState state;
    state.step_elapsed_s = 1e6f;  // the animation has run to its end
    const SceneView v = describe_frame(state, a, one_step(StepAnimation::needle), nullptr);
    EXPECT_TRUE(v.pose.needle);
    EXPECT_EQ(v.pose, pose_for(StepAnimation::needle, 1.0f, a));
}

TEST(DescribeFrame, TheDrugViewShowsTheSpreadAtItsMomentOnTheRunsScale) {
    const Anatomy a = build_anatomy();
    SimulationResult r;
    r.levels.push_back("cranial");
    for (int k = 0; k < kLevelCount; ++k) r.levels.push_back(name_of(level_at(k)));
    r.times_h = {0.0, 10.0};
    r.concentration_ug_per_ml.assign(2, std::vector<double>(r.levels.size(), 0.0));
    r.concentration_ug_per_ml[1][1 + index_of(Level::T10)] = 8.0;
    ViewerState state;
    state.drug.shown = true;
    state.drug.time_h = 5.0;  // half way: half the final concentration
    const SceneView v = describe_frame(state, a, one_step(StepAnimation::none), &r);
    EXPECT_TRUE(v.spread_on);
    EXPECT_FLOAT_EQ(v.spread_ug_per_ml[static_cast<std::size_t>(index_of(Level::T10))], 4.0f);
    EXPECT_FLOAT_EQ(v.spread_max_ug_per_ml, 8.0f);
    state.drug.shown = false;
    EXPECT_FALSE(describe_frame(state, a, one_step(StepAnimation::none), &r).spread_on);
}
