// The anatomy model: order and proportions of the spine, where the cord and sac end, catheter and pump.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

#include "core/anatomy.hpp"

using namespace thecaview;

namespace {
// The fractional level index at which a per-level radius (linearly interpolated) reaches zero.
float zero_crossing(const Anatomy& a, float LevelGeometry::*radius) {
    for (int i = 0; i + 1 < kLevelCount; ++i) {
        const float r0 = a.levels[i].*radius, r1 = a.levels[i + 1].*radius;
        if (r0 > 0.0f && r1 <= 0.0f) return static_cast<float>(i) + r0 / (r0 - r1);
    }
    return -1.0f;
}
}  // namespace

TEST(Anatomy, VertebraeStackFromTheSkullDown) {
    const Anatomy a = build_anatomy();
    for (int i = 0; i + 1 < kLevelCount; ++i) {
        EXPECT_GT(a.levels[i].body_centre_mm.y, a.levels[i + 1].body_centre_mm.y) << name_of(level_at(i));
    }
    // C1 to the top of the sacrum: about 60 cm in an adult (Gray's Anatomy: 71 cm for the whole column).
    const float presacral = a.at(Level::C1).body_centre_mm.y;
    EXPECT_GT(presacral, 550.0f);
    EXPECT_LT(presacral, 700.0f);
}

TEST(Anatomy, BodiesGrowDownTheSpine) {
    const Anatomy a = build_anatomy();
    EXPECT_LT(a.at(Level::C5).body_width_mm, a.at(Level::T6).body_width_mm);
    EXPECT_LT(a.at(Level::T6).body_width_mm, a.at(Level::L3).body_width_mm);
    EXPECT_LT(a.at(Level::C5).body_height_mm, a.at(Level::L3).body_height_mm);
    EXPECT_LT(a.at(Level::T6).disc_below_mm, a.at(Level::L4).disc_below_mm);
}

TEST(Anatomy, NaturalCurves) {
    const Anatomy a = build_anatomy();
    const auto z = [&](Level l) { return a.at(l).body_centre_mm.z; };
    // Lumbar lordosis: L3 lies in front of the line from T12 to the sacrum top.
    EXPECT_GT(z(Level::L3), 0.5f * (z(Level::T12) + 0.0f));
    // Thoracic kyphosis: T7 lies behind the line from T1 to T12.
    EXPECT_LT(z(Level::T7), 0.5f * (z(Level::T1) + z(Level::T12)));
    // Cervical lordosis: C4 in front of the line from C1 to C7.
    EXPECT_GT(z(Level::C4), 0.5f * (z(Level::C1) + z(Level::C7)));
}

TEST(Anatomy, CordEndsAtL1L2AndTheSacAtS2) {
    const Anatomy a = build_anatomy();
    const float conus = zero_crossing(a, &LevelGeometry::cord_half_depth_mm);
    EXPECT_GE(conus, static_cast<float>(index_of(Level::L1)));
    EXPECT_LE(conus, static_cast<float>(index_of(Level::L2)));
    const float sac_end = zero_crossing(a, &LevelGeometry::sac_radius_mm);
    EXPECT_GE(sac_end, static_cast<float>(index_of(Level::S2)));
    EXPECT_LT(sac_end, static_cast<float>(index_of(Level::S3)));
}

TEST(Anatomy, CanalLiesBehindEachBody) {
    const Anatomy a = build_anatomy();
    for (int i = 0; i < kMobileVertebraCount; ++i) {
        const auto& g = a.levels[i];
        EXPECT_LT(glm::dot(g.canal_centre_mm - g.body_centre_mm, g.anterior()), -g.body_depth_mm * 0.5f);
    }
}

TEST(Anatomy, CatheterTipSitsInTheSacAtTheChosenLevel) {
    for (Level tip : {Level::T10, Level::T6, Level::C5, Level::L1}) {
        AnatomyOptions o;
        o.catheter_tip = tip;
        const Anatomy a = build_anatomy(o);
        ASSERT_FALSE(a.catheter_path_mm.empty());
        const glm::vec3 tip_mm = a.catheter_path_mm.front();
        const auto& g = a.at(tip);
        EXPECT_LT(glm::distance(tip_mm, g.canal_centre_mm), g.sac_radius_mm) << name_of(tip);
        EXPECT_NEAR(tip_mm.y, g.canal_centre_mm.y, 3.0f) << name_of(tip);
    }
}

TEST(Anatomy, CatheterEndsAtThePumpAndIsContinuous) {
    const Anatomy a = build_anatomy();
    const auto& path = a.catheter_path_mm;
    ASSERT_GE(path.size(), 10u);
    EXPECT_LT(glm::distance(path.back(), a.pump.centre_mm), a.pump.diameter_mm * 0.5f + 5.0f);
    for (std::size_t i = 1; i < path.size(); ++i) EXPECT_LT(glm::distance(path[i - 1], path[i]), 20.0f) << i;
}

TEST(Anatomy, PumpMatchesTheDeviceAndSitsUnderTheSkin) {
    for (int volume : {20, 40}) {
        AnatomyOptions o;
        o.pump_reservoir_ml = volume;
        const Anatomy a = build_anatomy(o);
        EXPECT_FLOAT_EQ(a.pump.diameter_mm, 87.5f);
        EXPECT_FLOAT_EQ(a.pump.thickness_mm, volume == 20 ? 19.5f : 26.0f);
        EXPECT_LE(a.pump.depth_below_skin_mm, 25.0f);  // the maker's limit for refills and telemetry
        EXPECT_GT(a.pump.depth_below_skin_mm, 0.0f);
        // In the lower abdomen, in front of the spine and on one side.
        EXPECT_GT(a.pump.centre_mm.z, a.at(Level::L3).body_centre_mm.z);
        EXPECT_GT(std::abs(a.pump.centre_mm.x), 40.0f);
        EXPECT_LT(a.pump.centre_mm.y, a.at(Level::L2).body_centre_mm.y);
    }
}

TEST(Anatomy, UnderSkinIsInsideTheTorsoAlongTheNormal) {
    const Anatomy a = build_anatomy();
    const glm::vec3 surface = a.under_skin(100.0f, 0.3f, 0.0f);
    const glm::vec3 deeper = a.under_skin(100.0f, 0.3f, 20.0f);
    EXPECT_NEAR(glm::distance(surface, deeper), 20.0f, 1e-3f);
    EXPECT_LT(glm::length(glm::vec2(deeper.x, deeper.z)), glm::length(glm::vec2(surface.x, surface.z)));
}

TEST(Anatomy, PumpLiesBetweenTheFatAndTheMuscle) {
    for (int volume : {20, 40}) {
        AnatomyOptions o;
        o.pump_reservoir_ml = volume;
        const Anatomy a = build_anatomy(o);
        // Its back face rests on the fascia: as deep as the fat is, and no deeper.
        const glm::vec3 back_face = a.pump.centre_mm - a.pump.axis * (a.pump.thickness_mm * 0.5f);
        const float angle = a.pump.angle_rad;
        const glm::vec3 fascia = a.under_skin(back_face.y, angle, a.wall.fat_mm(angle));
        EXPECT_NEAR(glm::distance(back_face, fascia), 0.0f, 3.0f) << volume;
        EXPECT_LE(a.pump.depth_below_skin_mm, 25.0f);  // no deeper than 2.5 cm under the skin
    }
}

TEST(Anatomy, FatIsThickerOverTheBellyThanTheBack) {
    const Anatomy a = build_anatomy();
    EXPECT_GT(a.wall.fat_mm(0.0f), a.wall.fat_mm(3.1f));
    EXPECT_NEAR(a.wall.fat_mm(0.0f), a.wall.fat_front_mm, 1e-4f);
}

TEST(Anatomy, TwelveRibsFallForwardFromTheirVertebrae) {
    const Anatomy a = build_anatomy();
    ASSERT_EQ(a.ribs.size(), 13u);  // twelve ribs and the sternum
    for (int k = 0; k < 12; ++k) {
        const auto& rib = a.ribs[k];
        ASSERT_EQ(rib.points_mm.size(), static_cast<std::size_t>(2 + kRibAngles));
        const auto& level = a.levels[index_of(Level::T1) + k];
        EXPECT_NEAR(rib.points_mm.front().y, level.body_centre_mm.y, 15.0f) << k;
        EXPECT_LT(rib.points_mm.back().y, rib.points_mm[1].y) << k;         // the front end is lower
        EXPECT_GT(rib.points_mm.back().z, rib.points_mm[1].z) << k;         // and further forward
        if (k > 0) {
            EXPECT_LT(rib.points_mm[2].y, a.ribs[k - 1].points_mm[2].y) << k;  // in order down the back
        }
    }
}

TEST(Anatomy, NerveRootsLeaveThroughTheirForaminaAndTheCaudaHangsBelowTheConus) {
    const Anatomy a = build_anatomy();
    ASSERT_EQ(a.nerve_roots.size(), static_cast<std::size_t>(kLevelCount - 1));
    for (int i = 0; i + 1 < kLevelCount; ++i) {
        const auto& root = a.nerve_roots[i];
        const glm::vec3 foramen = a.canal_point(static_cast<float>(i) + 0.5f);
        // The root ends outside the canal, at the height of its foramen.
        EXPECT_GT(root.points_mm.back().x, a.levels[i].canal_width_mm * 0.5f) << i;
        EXPECT_NEAR(root.points_mm[root.points_mm.size() - 2].y, foramen.y, 2.0f) << i;
        // It starts on the cord, at or above its foramen.
        EXPECT_GE(root.points_mm.front().y, foramen.y - 1.0f) << i;
    }
    // The L4 root starts near the conus, far above the L4-L5 foramen: part of the cauda equina.
    const auto& l4 = a.nerve_roots[index_of(Level::L4)];
    EXPECT_GT(l4.points_mm.front().y - l4.points_mm.back().y, 60.0f);
}

TEST(Anatomy, PelvisCrestIsNearTheL4L5Disc) {
    const Anatomy a = build_anatomy();
    const auto& l4 = a.at(Level::L4);
    const auto& s1 = a.at(Level::S1);
    EXPECT_LT(a.pelvis.crest_y_mm, l4.body_centre_mm.y);
    EXPECT_GT(a.pelvis.crest_y_mm, s1.body_centre_mm.y);
    EXPECT_GT(a.pelvis.acetabulum_mm.x, s1.body_width_mm * 0.5f);
    EXPECT_LT(a.pelvis.symphysis_mm.y, a.pelvis.acetabulum_mm.y);
}

TEST(Anatomy, CatheterTipLevelIndexMatchesTheOption) {
    for (Level tip : {Level::C5, Level::T10, Level::L2}) {
        AnatomyOptions o;
        o.catheter_tip = tip;
        const Anatomy a = build_anatomy(o);
        EXPECT_NEAR(a.catheter_tip_level_index(), static_cast<float>(index_of(tip)), 0.3f) << name_of(tip);
    }
}

TEST(Anatomy, LandmarksLieInTheirStructuresAndDiffer) {
    const Anatomy a = build_anatomy();
    for (const auto& s : structures()) {
        for (const auto& other : structures()) {
            if (s.id == other.id) continue;
            EXPECT_GT(glm::distance(a.landmark(s.id), a.landmark(other.id)), 0.1f) << s.key << " " << other.key;
        }
    }
    // The CSF landmark is beside the cord, inside the sac.
    const auto& t8 = a.at(Level::T8);
    const float x = a.landmark(Structure::csf).x - t8.canal_centre_mm.x;
    EXPECT_GT(x, t8.cord_half_width_mm);
    EXPECT_LT(x, t8.sac_half_width_mm);
}
