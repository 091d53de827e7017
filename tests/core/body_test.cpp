// The two bodies: each figure's trunk, shoulders and arms measure what ANSUR II's means say, on the
// shape that is meshed (the skin's distance map), not on the tables that build it; the female body
// is the smaller, with the wider hips; names parse.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

#include "each_body.hpp"
#include "core/geometry/body_shape.hpp"

using namespace thecaview;

namespace {

// How far from `from` along `dir` the skin begins (the first point outside it), to 0.25 mm.
float skin_exit_mm(const BodyShape& shape, glm::vec3 from, glm::vec3 dir) {
    float t = 0.0f;
    while (t < 600.0f && shape.distance(Structure::skin, from + dir * t) < 0.0f) t += 0.25f;
    return t;
}

// The skin's breadth (along x) and depth (along z) through a point inside the trunk.
struct Extent {
    float breadth, front, back;
};
Extent trunk_extent(const BodyShape& shape, glm::vec3 centre) {
    return {skin_exit_mm(shape, centre, {1, 0, 0}) + skin_exit_mm(shape, centre, {-1, 0, 0}),
            centre.z + skin_exit_mm(shape, centre, {0, 0, 1}), centre.z - skin_exit_mm(shape, centre, {0, 0, -1})};
}

glm::vec3 trunk_centre(const Anatomy& a, float y) {
    const TorsoSection s = a.torso_at(y);
    return {0.0f, y, s.centre_z_mm};
}

class Body : public EachBody {
protected:
    const BodyMeasures& m = body_measures(GetParam());
};

}  // namespace

// Breadths and depths within 1 % (a few millimetres) of the survey's means: at the navel, at the
// widest hips and across the chest at the nipples; for the female body, the depth at the bust too.
TEST_P(Body, TheTrunkMeasuresTheSurveysMeansAtTheNavelTheHipsAndTheChest) {
    const auto within = [](float model, float survey) { return std::abs(model - survey) <= 0.01f * survey; };
    const Extent waist = trunk_extent(shape, trunk_centre(anatomy, anatomy.waist_y_mm));
    EXPECT_PRED2(within, waist.breadth, m.waist_breadth);
    EXPECT_PRED2(within, waist.front - waist.back, m.waist_depth);
    const Extent hips = trunk_extent(shape, trunk_centre(anatomy, anatomy.hip_y_mm));
    EXPECT_PRED2(within, hips.breadth, m.hip_breadth);
    EXPECT_PRED2(within, hips.front - hips.back, m.buttock_depth);
    const Extent chest = trunk_extent(shape, trunk_centre(anatomy, anatomy.chest_y_mm));
    EXPECT_PRED2(within, chest.breadth, m.chest_breadth);
    if (m.breast_projection > 0.0f) {
        const glm::vec3 bust(anatomy.limbs.breast_mm.x, anatomy.chest_y_mm, anatomy.torso_at(anatomy.chest_y_mm).centre_z_mm);
        const float front = bust.z + skin_exit_mm(shape, bust, {0, 0, 1});
        EXPECT_PRED2(within, front - chest.back, m.chest_depth) << "at the bust";
        EXPECT_GT(front - chest.front, 0.5f * m.breast_projection) << "the breasts stand in front of the chest";
    } else {
        EXPECT_PRED2(within, chest.front - chest.back, m.chest_depth);
    }
}

// The arms hang at the sides with the shoulders as broad as the survey's bideltoid breadth (the
// widest point across the deltoids, over the shoulder joint and 2 cm below it, within 2 %), and
// the upper arm and forearm as long as its acromion-radiale and radiale-stylion lengths less the
// joints' offsets.
TEST_P(Body, TheShouldersAndArmsMeasureTheSurveysMeans) {
    const Limbs& l = anatomy.limbs;
    float widest = 0.0f;
    for (float y = l.shoulder_mm.y - 20.0f; y <= l.shoulder_mm.y + 40.0f; y += 2.0f) {
        for (float x = 400.0f; x > 0.0f; x -= 0.25f) {
            if (shape.distance(Structure::skin, {x, y, l.shoulder_mm.z}) < 0.0f) {
                widest = std::max(widest, x);
                break;
            }
        }
    }
    EXPECT_NEAR(2.0f * widest, m.bideltoid_breadth, 0.02f * m.bideltoid_breadth);
    EXPECT_NEAR(glm::distance(l.shoulder_mm, l.elbow_mm), m.upper_arm - 16.0f, 0.5f);
    EXPECT_NEAR(glm::distance(l.elbow_mm, l.wrist_mm), m.forearm - 10.0f, 0.5f);
    EXPECT_NEAR(2.0f * glm::pi<float>() * l.neck_radius_mm, m.neck_circumference, 0.5f);
}

INSTANTIATE_TEST_SUITE_P(BothBodies, Body, ::testing::ValuesIn(kBodyTypes),
                         [](const auto& info) { return std::string(name_of(info.param)); });

// The female body is smaller (a shorter spine and canal, narrower shoulders and a narrower waist)
// but has the wider hips, as the survey's means do.
TEST(Bodies, TheFemaleBodyIsSmallerWithWiderHips) {
    const Anatomy female = build_anatomy({.body = BodyType::female});
    const Anatomy male = build_anatomy({.body = BodyType::male});
    const auto canal = [](const Anatomy& a) {
        float length = 0.0f;
        for (int i = 0; i + 1 < kLevelCount; ++i) length += glm::distance(a.levels[i].canal_centre_mm, a.levels[i + 1].canal_centre_mm);
        return length;
    };
    EXPECT_LT(canal(female), 0.95f * canal(male));
    EXPECT_GT(canal(female), 0.85f * canal(male));
    EXPECT_LT(female.limbs.shoulder_mm.x, male.limbs.shoulder_mm.x);
    EXPECT_LT(female.torso_at(female.waist_y_mm).half_width_mm, male.torso_at(male.waist_y_mm).half_width_mm);
    EXPECT_GT(female.torso_at(female.hip_y_mm).half_width_mm, male.torso_at(male.hip_y_mm).half_width_mm);
    EXPECT_GT(female.pelvis.asis_mm.x, male.pelvis.asis_mm.x * 0.95f);
    EXPECT_GT(female.limbs.breast_radii_mm.x, 0.0f);
    EXPECT_EQ(male.limbs.breast_radii_mm.x, 0.0f);
    // The implant sits where it would in each: the pump in the left lower belly, under the skin.
    for (const Anatomy* a : {&female, &male}) {
        EXPECT_GT(a->pump.centre_mm.x, 40.0f);
        EXPECT_LT(a->pump.centre_mm.y, a->waist_y_mm + 20.0f);
        EXPECT_GT(a->pump.centre_mm.y, a->hip_y_mm);
    }
}

TEST(Bodies, NamesParseInAnyCaseAndNothingElseDoes) {
    EXPECT_EQ(parse_body_type("female"), BodyType::female);
    EXPECT_EQ(parse_body_type("MALE"), BodyType::male);
    EXPECT_EQ(parse_body_type("Male"), BodyType::male);
    for (const char* bad : {"", "f", "males", "woman", "female "}) EXPECT_FALSE(parse_body_type(bad)) << bad;
    for (const BodyType b : kBodyTypes) EXPECT_EQ(parse_body_type(name_of(b)), b);
}
