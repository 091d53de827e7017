// The procedure's animations: needle and catheter in, tunneling, the pump lowered, incisions closed.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/geometric.hpp>

#include "core/geometry/body_shape.hpp"
#include "core/geometry/view_subjects.hpp"
#include "core/procedure_pose.hpp"

using namespace thecaview;

TEST(ProcedurePose, TheNeedleGoesInThenTheCatheterIsThreadedToTheTip) {
    const Anatomy a = build_anatomy();
    const float entry = static_cast<float>(catheter_entry_point(a));
    const ProcedurePose start = pose_for(StepAnimation::needle, 0.0f, a);
    EXPECT_TRUE(start.needle);
    EXPECT_FLOAT_EQ(start.back_incision_open, 1.0f);
    EXPECT_FLOAT_EQ(start.catheter_from, entry);  // nothing threaded yet
    EXPECT_LT(glm::distance(pose_for(StepAnimation::needle, 0.4f, a).needle_to, a.catheter_path_mm[catheter_entry_point(a)]), 0.5f);
    const ProcedurePose end = pose_for(StepAnimation::needle, 1.0f, a);
    EXPECT_FLOAT_EQ(end.catheter_from, 0.0f);      // up to the tip
    EXPECT_LT(end.catheter_to, static_cast<float>(a.catheter_path_mm.size() - 1));  // not yet tunneled
    // The entry point lies at the entry interspace, out of the canal.
    const glm::vec3 p = a.catheter_path_mm[catheter_entry_point(a)];
    EXPECT_LT(p.y, a.at(Level::L3).body_centre_mm.y);
    EXPECT_GT(p.y, a.at(Level::L4).body_centre_mm.y - 30.0f);
}

TEST(ProcedurePose, TunnelingPumpAndClosing) {
    const Anatomy a = build_anatomy();
    const float end = static_cast<float>(a.catheter_path_mm.size() - 1);
    const ProcedurePose half = pose_for(StepAnimation::tunnel, 0.5f, a);
    EXPECT_GT(half.catheter_to, static_cast<float>(catheter_entry_point(a)));
    EXPECT_LT(half.catheter_to, end);
    EXPECT_FLOAT_EQ(pose_for(StepAnimation::tunnel, 1.0f, a).catheter_to, end);
    EXPECT_GT(pose_for(StepAnimation::pump, 0.0f, a).pump_lift_mm, 50.0f);
    EXPECT_FLOAT_EQ(pose_for(StepAnimation::pump, 1.0f, a).pump_lift_mm, 0.0f);
    EXPECT_FLOAT_EQ(pose_for(StepAnimation::close, 0.0f, a).belly_incision_open, 1.0f);
    EXPECT_FLOAT_EQ(pose_for(StepAnimation::close, 1.0f, a).belly_incision_open, 0.0f);
    EXPECT_EQ(pose_for(StepAnimation::none, 0.3f, a), ProcedurePose{});
}

TEST(ProcedurePose, IncisionsLieOnTheSkinWhereTheSurgeonWorks) {
    const Anatomy a = build_anatomy();
    const Incisions cut = incisions(a);
    EXPECT_LT(cut.back_a.z, a.at(Level::L3).canal_centre_mm.z);  // on the back
    const glm::vec3 belly = 0.5f * (cut.belly_a + cut.belly_b);
    EXPECT_GT(glm::dot(belly - a.pump.centre_mm, a.pump.axis), a.pump.thickness_mm * 0.5f);  // over the pump's face
    EXPECT_GT(belly.y, a.pump.centre_mm.y);                                                  // above its centre
    EXPECT_NEAR(glm::distance(cut.back_a, cut.back_b), 70.0f, 5.0f);
}

// The trial's puncture: a needle through the back's midline to the fluid, no cut, no catheter.
TEST(ProcedurePose, TheTrialsNeedleGoesInWithNoCutAndNoCatheter) {
    const Anatomy a = build_anatomy();
    const ProcedurePose end = pose_for(StepAnimation::puncture, 1.0f, a);
    EXPECT_TRUE(end.needle);
    EXPECT_LT(glm::distance(end.needle_to, a.catheter_path_mm[catheter_entry_point(a)]), 0.5f);
    EXPECT_FLOAT_EQ(end.back_incision_open, 0.0f);
    EXPECT_LT(end.catheter_to, end.catheter_from) << "no catheter is drawn";
    EXPECT_GT(glm::distance(pose_for(StepAnimation::puncture, 0.1f, a).needle_to, end.needle_to), 5.0f) << "it moves in";
}

// Closing: the cuts close, then a dressing covers each.
TEST(ProcedurePose, DressingsCoverTheClosedCuts) {
    const Anatomy a = build_anatomy();
    EXPECT_FLOAT_EQ(pose_for(StepAnimation::close, 0.5f, a).dressings, 0.0f);
    const ProcedurePose end = pose_for(StepAnimation::close, 1.0f, a);
    EXPECT_FLOAT_EQ(end.dressings, 1.0f);
    EXPECT_FLOAT_EQ(end.back_incision_open, 0.0f);
    EXPECT_FLOAT_EQ(pose_for(StepAnimation::pump, 1.0f, a).dressings, 0.0f);
}

// The needle enters at the chosen interspace (render --entry, the panel): between the bodies of
// its two vertebrae, at the back's midline, a vertebra lower for each step down.
TEST(ProcedurePose, TheNeedleEntersAtTheChosenInterspace) {
    float last_y = 1e9f;
    for (const Level upper : kNeedleEntryUpper) {
        AnatomyOptions options;
        options.catheter_entry = Interspace{upper};
        const Anatomy a = build_anatomy(options);
        const ProcedurePose pose = pose_for(StepAnimation::puncture, 1.0f, a);
        const Interspace space{upper};
        SCOPED_TRACE(space.name());
        EXPECT_LT(pose.needle_to.y, a.at(space.upper).body_centre_mm.y);
        EXPECT_GT(pose.needle_to.y, a.at(space.lower()).body_centre_mm.y);
        EXPECT_LT(std::abs(pose.needle_from.x), 20.0f) << "near the midline at the skin";
        EXPECT_LT(pose.needle_to.y, last_y - 20.0f) << "a vertebra below the interspace above";
        last_y = pose.needle_to.y;
    }
    EXPECT_EQ(parse_needle_entry("l4-L5"), Interspace{Level::L4});
    EXPECT_FALSE(parse_needle_entry("L1-L2")) << "above the conus' usual end";
    EXPECT_FALSE(parse_needle_entry("L5-S1"));
    EXPECT_FALSE(parse_needle_entry("L3-L5"));
}

// The IV before surgery: a cannula through the skin of the back of the left hand into a vein
// just under it, its tubing from the hand up to a bag beside the shoulder.
TEST(ProcedurePose, TheIvGoesIntoAVeinOnTheBackOfTheHand) {
    const Anatomy a = build_anatomy();
    EXPECT_TRUE(pose_for(StepAnimation::iv, 1.0f, a).iv);
    EXPECT_FALSE(pose_for(StepAnimation::none, 1.0f, a).iv);
    const IvLine iv = iv_line(a);
    const BodyShape shape(a);
    EXPECT_LT(shape.distance(Structure::skin, iv.cannula_tip_mm), -1.0f) << "its tip under the skin";
    EXPECT_GT(shape.distance(Structure::skin, iv.cannula_tip_mm), -6.0f) << "in a vein just under it";
    EXPECT_GT(shape.distance(Structure::skin, iv.hub_mm), 0.0f) << "its hub outside";
    EXPECT_LT(glm::distance(iv.cannula_tip_mm, a.limbs.hand_mm), a.limbs.hand_radii_mm.y) << "in the hand";
    EXPECT_LT(iv.cannula_tip_mm.z, a.limbs.hand_mm.z) << "on its back (the palm faces forward)";
    ASSERT_GE(iv.tubing_mm.size(), 2u);
    EXPECT_EQ(iv.tubing_mm.front(), iv.hub_mm);
    EXPECT_GT(iv.bag_lo_mm.y, a.limbs.elbow_mm.y) << "the bag hangs above the hand";
    EXPECT_LT(glm::distance(iv.tubing_mm.back(), glm::vec3(0.5f * (iv.bag_lo_mm.x + iv.bag_hi_mm.x), iv.bag_lo_mm.y,
                                                           0.5f * (iv.bag_lo_mm.z + iv.bag_hi_mm.z))), 1.0f);
}

// Lying on the side, the arms rest forward on their boards: each arm turns whole at its shoulder
// joint, the trunk stays where it is, and the skin in between follows by a blend.
TEST(ArmPose, TheArmsTurnForwardAtTheShoulderAndTheTrunkStays) {
    for (const BodyType body : {BodyType::male, BodyType::female}) {
        AnatomyOptions options;
        options.body = body;
        const Anatomy a = build_anatomy(options);
        const Limbs& l = a.limbs;
        const BodyShape shape(a);
        const float forward = kArmBoardForwardRad;
        for (const float side : {1.0f, -1.0f}) {
            const auto mirrored = [&](glm::vec3 p) { return glm::vec3(side * p.x, p.y, p.z); };
            const glm::vec3 joint = mirrored(l.humeral_head_mm);
            for (const glm::vec3 rest : {l.elbow_mm, l.wrist_mm, l.hand_mm}) {
                const glm::vec3 p = mirrored(rest);
                EXPECT_FLOAT_EQ(arm_weight(l, p), 1.0f);
                const glm::vec3 posed = posed_by_arms(l, forward, p);
                EXPECT_NEAR(glm::distance(posed, joint), glm::distance(p, joint), 0.01f) << "turned, not stretched";
                EXPECT_FLOAT_EQ(posed.x, p.x) << "turned about the axis across the body";
                // In front of the chest, a little below the shoulder (less than a right angle).
                EXPECT_GT(posed.z, a.torso_at(joint.y).centre_z_mm + a.torso_at(joint.y).half_depth_mm);
                EXPECT_GT(joint.y - posed.y, 0.0f);
                EXPECT_LT(joint.y - posed.y, 0.25f * glm::distance(p, joint));
            }
            // Above the joint and across the trunk, nothing moves.
            for (const glm::vec3 rest : {l.acromion_mm + glm::vec3(0.0f, 25.0f, 0.0f), l.scapula_inferior_mm, l.breast_mm}) {
                if (rest == glm::vec3(0.0f)) continue;
                EXPECT_EQ(posed_by_arms(l, forward, mirrored(rest)), mirrored(rest));
            }
        }
        // Every point of the skin that lies on the trunk, clear of the arm by more than the blend
        // across the armpit (20 mm), stays; every point on the arm, clear of the trunk and below the
        // shoulder, turns whole.
        ViewSpec spec;
        spec.subject = bit(Structure::skin);
        float pad = 0.0f;
        int trunk = 0, arm = 0;
        for (const glm::vec3 p : subject_points(shape, spec, pad)) {
            const float to_arm = shape.arm(p), to_trunk = shape.trunk(p, a.torso_at(p.y));
            if (to_trunk < 2.0f && to_arm > 22.0f) {
                ++trunk;
                EXPECT_LT(arm_weight(l, p), 0.02f) << p.x << " " << p.y << " " << p.z;
            } else if (to_arm < 2.0f && to_trunk > 30.0f && p.y < l.humeral_head_mm.y - 60.0f) {
                ++arm;
                EXPECT_GT(arm_weight(l, p), 0.98f) << p.x << " " << p.y << " " << p.z;
            }
        }
        EXPECT_GT(trunk, 1000);
        EXPECT_GT(arm, 300);
    }
}
