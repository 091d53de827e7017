// Orbit camera: projection, gestures, easing and the named views.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/viewer_state.hpp"
#include "core/geometry/view_subjects.hpp"
#include "core/views.hpp"

using namespace thecaview;

namespace {
ProcedureStep test_step(const char* id, const char* view, double duration_s = 12.0) {
    ProcedureStep s;
    s.id = id;
    s.view = view;
    s.duration_s = duration_s;
    return s;
}
}  // namespace

TEST(Camera, TargetProjectsToTheImageCentre) {
    OrbitCamera c;
    c.yaw_rad = 0.7f;
    c.pitch_rad = 0.3f;
    const auto px = project_to_pixel(c, c.target_mm, 800, 600);
    ASSERT_TRUE(px);
    EXPECT_NEAR(px->x, 400.0f, 0.5f);
    EXPECT_NEAR(px->y, 300.0f, 0.5f);
}

TEST(Camera, PointsAboveTheTargetAppearHigherInTheImage) {
    OrbitCamera c;
    const auto px = project_to_pixel(c, c.target_mm + glm::vec3(0.0f, 100.0f, 0.0f), 800, 600);
    ASSERT_TRUE(px);
    EXPECT_LT(px->y, 300.0f);
}

TEST(Camera, PointsBehindTheCameraDoNotProject) {
    OrbitCamera c;
    EXPECT_FALSE(project_to_pixel(c, c.eye() + (c.eye() - c.target_mm), 800, 600));
}

TEST(Camera, GesturesStayInRange) {
    OrbitCamera c;
    for (int i = 0; i < 100; ++i) c.zoom(5.0f);
    EXPECT_FLOAT_EQ(c.distance_mm, OrbitCamera::kMinDistanceMm);
    for (int i = 0; i < 100; ++i) c.zoom(-5.0f);
    EXPECT_FLOAT_EQ(c.distance_mm, OrbitCamera::kMaxDistanceMm);
    c.orbit(0.0f, 10.0f);
    EXPECT_LE(c.pitch_rad, OrbitCamera::kMaxPitchRad);
    const glm::vec3 before = c.target_mm;
    c.pan(0.1f, 0.0f);
    EXPECT_GT(glm::distance(before, c.target_mm), 1.0f);
}

TEST(Camera, InterpolationStartsAndEndsOnItsViews) {
    OrbitCamera a, b;
    b.yaw_rad = 3.0f;
    b.distance_mm = 400.0f;
    b.target_mm = glm::vec3(10.0f, 20.0f, 30.0f);
    const OrbitCamera start = interpolate(a, b, 0.0f);
    EXPECT_NEAR(start.distance_mm, a.distance_mm, 1e-2f);
    EXPECT_NEAR(start.yaw_rad, a.yaw_rad, 1e-6f);
    EXPECT_NEAR(glm::distance(start.target_mm, a.target_mm), 0.0f, 1e-4f);
    const OrbitCamera end = interpolate(a, b, 1.0f);
    EXPECT_NEAR(end.distance_mm, 400.0f, 1e-3f);
    EXPECT_NEAR(glm::distance(end.target_mm, b.target_mm), 0.0f, 1e-3f);
    const OrbitCamera mid = interpolate(a, b, 0.5f);
    EXPECT_GT(mid.distance_mm, 400.0f);
    EXPECT_LT(mid.distance_mm, a.distance_mm);
}

TEST(Steps, TheSpreadStepOpensTheDrugViewAndAutoplayMovesOn) {
    const Anatomy a = build_anatomy();
    const auto views = named_views(a);
    ProcedureContent content;
    ProcedureStep first = test_step("first", "pump", 5.0);
    first.hide_mask = bit(Structure::fat);
    first.highlight_mask = bit(Structure::pump);
    ProcedureStep spread = first;
    spread.id = "spread";
    spread.view = "spread";
    content.steps = {first, spread};
    ViewerState state;
    go_to_step(state, content, views, 0, false);
    EXPECT_EQ(state.view_name, "pump");
    EXPECT_EQ(state.visible_mask & bit(Structure::fat), 0u);
    EXPECT_EQ(state.highlight_mask, bit(Structure::pump));
    EXPECT_FALSE(state.drug.shown);
    EXPECT_FALSE(advance_step(state, content, views, 10.0f));  // no autoplay: stays
    go_to_step(state, content, views, 0, false);
    state.autoplay = true;
    EXPECT_FALSE(advance_step(state, content, views, 1.0f));
    EXPECT_TRUE(advance_step(state, content, views, 5.0f));    // the step's 5 s are over
    EXPECT_EQ(state.step, 1);
    EXPECT_TRUE(state.drug.shown);
    EXPECT_FLOAT_EQ(step_animation_progress(state, content), 0.0f);
    go_to_step(state, content, views, 99, false);              // clamped to the last step
    EXPECT_EQ(state.step, 1);
    // Reduced motion: a step is jumped to, never flown to.
    state.reduced_motion = true;
    go_to_step(state, content, views, 0, true);
    EXPECT_FALSE(state.flight);
    state.reduced_motion = false;
    go_to_step(state, content, views, 1, true);
    EXPECT_TRUE(state.flight);
}

TEST(Camera, NamedViewsIncludeOverviewAndLookAtThePump) {
    const Anatomy a = build_anatomy();
    const auto views = named_views(a);
    ASSERT_TRUE(find_view(views, "overview"));
    ASSERT_TRUE(find_view(views, "back"));
    ASSERT_TRUE(find_view(views, "side"));
    const auto pump = find_view(views, "pump");
    ASSERT_TRUE(pump);
    EXPECT_LT(glm::distance(pump->camera.target_mm, a.pump.centre_mm), 10.0f) << "centred on the pump";
    const glm::vec3 look = glm::normalize(pump->camera.eye() - pump->camera.target_mm);
    EXPECT_GT(glm::dot(look, a.pump.axis), 0.95f) << "facing it";
    EXPECT_FALSE(find_view(views, "nowhere"));
}

namespace {
// A five-second step from the overview, with a title of four words.
ProcedureStep short_step(const char* id) {
    ProcedureStep step;
    step.id = id;
    step.view = "overview";
    step.duration_s = 5.0;
    step.patient.title = "Four words of title";
    return step;
}
}  // namespace

// Captions that can be read: autoplay stays 0.6 s a word of the text on screen when the step's own
// duration is shorter; captions alone (signage, the attract loop) do not count the paragraph.
TEST(Steps, AutoplayStaysLongEnoughToReadTheTextOnScreen) {
    const Anatomy a = build_anatomy();
    const auto views = named_views(a);
    ProcedureContent content;
    ProcedureStep step = short_step("long");
    step.patient.caption = std::string(46 * 5, ' ');
    for (int i = 0; i < 46; ++i) step.patient.caption.replace(static_cast<std::size_t>(i) * 5, 4, "word");  // 46 words
    step.patient.more = "Twenty more words to read here, one after another, in the paragraph under the caption of this one long step.";
    content.steps = {step, step};
    content.steps[1].id = "next";
    EXPECT_DOUBLE_EQ(reading_time_s("  three   short\nwords "), 3 * kReadingSecondsPerWord);
    ViewerState state;
    go_to_step(state, content, views, 0, false);
    state.autoplay = true;
    EXPECT_DOUBLE_EQ(step_dwell_s(state, content), 0.6 * (4 + 46 + 20));  // the panel: title, caption, paragraph
    EXPECT_FALSE(advance_step(state, content, views, 41.0f));
    EXPECT_TRUE(advance_step(state, content, views, 1.5f));
    state.captions_only = true;
    go_to_step(state, content, views, 0, false);
    EXPECT_DOUBLE_EQ(step_dwell_s(state, content), 0.6 * (4 + 46));  // the captions: no paragraph
    content.steps[0].duration_s = 60.0;                                // a longer step keeps its own
    EXPECT_DOUBLE_EQ(step_dwell_s(state, content), 60.0);
}

// Signage shows a step's cards one at a time under its title: each stays 0.6 s a word of the title
// and the card, and a step longer than that shares its time among them in the same proportion.
TEST(Steps, SignageShowsEachCardLongEnoughToRead) {
    const Anatomy a = build_anatomy();
    const auto views = named_views(a);
    ProcedureContent content;
    ProcedureStep step = short_step("cards");
    step.patient.caption = "The caption, which signage does not show when there are cards.";
    step.patient.cards = {"One two three four five six seven eight nine ten.", "Call your team today."};
    content.steps = {step};
    ViewerState state;
    state.captions_only = true;
    go_to_step(state, content, views, 0, false);
    const auto times = card_times_s(content.steps[0]);
    ASSERT_EQ(times.size(), 2u);
    EXPECT_DOUBLE_EQ(times[0], 0.6 * (4 + 10));
    EXPECT_DOUBLE_EQ(times[1], 0.6 * (4 + 4));
    EXPECT_DOUBLE_EQ(step_dwell_s(state, content), 0.6 * 22);
    EXPECT_EQ(current_card(state, content), 0);
    state.step_elapsed_s = 8.3f;
    EXPECT_EQ(current_card(state, content), 0);
    state.step_elapsed_s = 8.5f;
    EXPECT_EQ(current_card(state, content), 1);
    state.step_elapsed_s = 100.0f;
    EXPECT_EQ(current_card(state, content), 1) << "the last card stays";
    content.steps[0].duration_s = 2.0 * 0.6 * 22;  // a longer step: each card twice as long
    EXPECT_DOUBLE_EQ(card_times_s(content.steps[0])[0], 2.0 * 0.6 * 14);
    EXPECT_DOUBLE_EQ(step_dwell_s(state, content), 2.0 * 0.6 * 22);
    content.steps[0].patient.cards.clear();  // no cards: the caption is the one card
    EXPECT_EQ(signage_cards(content.steps[0].patient), std::vector<std::string>{step.patient.caption});
}

// The lateral pose: a step that says so shows every view with the camera rolled, so that the body
// lies on its right side (head to the right, right side down), and the camera flies there.
TEST(Steps, TheLateralPoseLaysTheBodyOnItsRightSide) {
    const Anatomy a = build_anatomy();
    const auto views = named_views(a);
    ProcedureContent content;
    ProcedureStep lateral = test_step("lateral", "back");
    lateral.pose = BodyPose::lateral;
    content.steps = {test_step("upright", "back"), lateral};
    ViewerState state;
    go_to_step(state, content, views, 0, false);
    EXPECT_FLOAT_EQ(state.camera.roll_rad, 0.0f);
    go_to_step(state, content, views, 1, true);
    ASSERT_TRUE(state.flight) << "the body turns onto its side in a flight";
    EXPECT_FLOAT_EQ(state.flight->to.roll_rad, pose_roll_rad(BodyPose::lateral));
    state.reduced_motion = true;
    go_to_step(state, content, views, 1, true);
    EXPECT_FALSE(state.flight) << "at once under reduced motion";
    const auto at = [&](glm::vec3 p) { return *project_to_pixel(state.camera, p, 1280, 720); };
    const glm::vec2 head = at(a.at(Level::C7).body_centre_mm), hips = at(a.at(Level::L5).body_centre_mm);
    EXPECT_GT(head.x, hips.x + 200.0f) << "head to the right";
    EXPECT_LT(std::abs(head.y - hips.y), 80.0f) << "the spine lies across the picture";
    const glm::vec3 centre = a.at(Level::L1).body_centre_mm;
    EXPECT_GT(at(centre + glm::vec3(-100.0f, 0.0f, 0.0f)).y, at(centre + glm::vec3(100.0f, 0.0f, 0.0f)).y + 50.0f)
        << "the right side (-x) is down";
    // Another view in the same step keeps the pose; the next upright step stands the body up.
    go_to_view(state, *find_view(views, "side"), false);
    EXPECT_FLOAT_EQ(state.camera.roll_rad, pose_roll_rad(BodyPose::lateral));
    go_to_step(state, content, views, 0, false);
    EXPECT_FLOAT_EQ(state.camera.roll_rad, 0.0f);
}
