// The bones of the chest, the shoulder girdle, the sacrum and the hip (docs/anatomy.md, "Ribs,
// cartilages and the sternum", "The shoulder girdle", "The sacrum and the hip bones"), checked on
// the distance maps that are meshed; and the two mesh tools they brought: flat swept sections and
// the splitting of long edges.
#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <gtest/gtest.h>

#include "core/anatomy.hpp"
#include "each_body.hpp"
#include "core/geometry/body_shape.hpp"
#include "core/geometry/mesh.hpp"
#include "core/geometry/sdf.hpp"

namespace thecaview {
namespace {

class BonesTest : public EachBody {
protected:
    [[nodiscard]] float d(Structure s, glm::vec3 p) const { return shape.distance(s, p); }
};

// Mid-shaft, a rib is taller across its face than it is thick through it, and its face looks out
// through the chest wall: a round tube (the previous ribs) fails.
TEST_P(BonesTest, RibShaftsAreFlatAndFaceOutwards) {
    for (int k = 2; k < 10; ++k) {
        const Tube& rib = anatomy.ribs[k];
        const std::size_t j = 2 + kRibAngles / 3;  // a third of the way round from the back
        const glm::vec3 c = rib.points_mm[j];
        const glm::vec3 t = glm::normalize(rib.points_mm[j + 1] - rib.points_mm[j - 1]);
        glm::vec3 face = rib.facing[j] - t * glm::dot(rib.facing[j], t);
        face = glm::normalize(face);
        const glm::vec3 across = glm::cross(t, face);
        const glm::vec2 half = rib.half_size_mm[j];
        EXPECT_GT(half.x, 1.8f * half.y) << "rib " << k + 1;
        EXPECT_LT(d(Structure::ribs, c + across * (half.x - 1.0f)), 0.0f) << "rib " << k + 1 << ": its height";
        EXPECT_GT(d(Structure::ribs, c + face * (half.y + 1.0f)), 0.0f) << "rib " << k + 1 << ": its thickness";
        EXPECT_GT(glm::dot(face, glm::normalize(glm::vec3(c.x, 0.0f, c.z - anatomy.torso_at(c.y).centre_z_mm))), 0.7f)
            << "rib " << k + 1 << ": it faces outwards";
    }
}

// Each rib's head lies against the side of the spine (the bodies and the disc between them), ribs 2-9 level with the disc above their
// body (where its two costal facets meet), ribs 1 and 10-12 level with their own body.
TEST_P(BonesTest, RibHeadsSitOnTheirCostalFacets) {
    for (int k = 0; k < 12; ++k) {
        const LevelGeometry& g = anatomy.levels[index_of(Level::T1) + k];
        const glm::vec3 head = anatomy.ribs[k].points_mm.front();
        const glm::vec3 inner = head - glm::vec3(anatomy.ribs[k].half_size_mm.front().x + 1.0f, 0.0f, 0.0f);  // just inside its tip
        EXPECT_LT(std::min(d(Structure::vertebrae, inner), d(Structure::discs, inner)), 0.5f) << "rib " << k + 1 << ": its head touches the spine";
        const float top = g.body_centre_mm.y + 0.5f * g.body_height_mm;
        if (k >= 1 && k <= 8) {
            EXPECT_NEAR(head.y, top, 4.0f) << "rib " << k + 1;
        } else {
            EXPECT_NEAR(head.y, g.body_centre_mm.y, 4.0f) << "rib " << k + 1;
        }
    }
}

// Ribs 1-7's cartilages run from the bone's end to the sternum, each lower than the one above;
// ribs 8-10's join the cartilage above; 11 and 12 have none.
TEST_P(BonesTest, CostalCartilagesJoinTheRibsToTheSternum) {
    ASSERT_EQ(anatomy.costal_cartilages.size(), 10u);
    for (int k = 0; k < 10; ++k) {
        const Tube& c = anatomy.costal_cartilages[k];
        EXPECT_LT(glm::distance(c.points_mm.front(), anatomy.ribs[k].points_mm.back()), 0.5f) << "cartilage " << k + 1 << " starts at its rib";
        EXPECT_LT(d(Structure::costal_cartilage, c.points_mm[c.points_mm.size() / 2]), 0.0f) << "cartilage " << k + 1;
        if (k < 7) {
            const glm::vec3 end = c.points_mm.back();
            EXPECT_LT(d(Structure::ribs, end), 0.0f) << "cartilage " << k + 1 << " reaches the sternum";
            if (k > 0) {
                EXPECT_LT(end.y, anatomy.costal_cartilages[k - 1].points_mm.back().y) << "cartilage " << k + 1;
            }
        } else {
            EXPECT_LT(d(Structure::costal_cartilage, c.points_mm.back()), -1.0f) << "cartilage " << k + 1 << " joins the one above";
        }
    }
    // The bony rib stops where its cartilage starts: the cartilage is no rib.
    const Tube& sixth = anatomy.costal_cartilages[5];
    EXPECT_GT(d(Structure::ribs, sixth.points_mm[sixth.points_mm.size() / 2]), 0.0f);
}

// The sternum: a broad manubrium, narrower at the sternal angle, a body, and a small xiphoid, its
// length the sourced 51 + 102 + 46 mm (male) on the spine's scale.
TEST_P(BonesTest, TheSternumHasItsParts) {
    const Tube& sternum = anatomy.ribs.back();
    ASSERT_TRUE(sternum.midline);
    const float length = sternum.points_mm.front().y - sternum.points_mm.back().y;
    EXPECT_NEAR(length, 199.0f * body_measures(GetParam()).spine_scale, 3.0f);
    const float manubrium = sternum.half_size_mm[1].x, angle = sternum.half_size_mm[2].x, xiphoid = sternum.half_size_mm.back().x;
    EXPECT_NEAR(2.0f * manubrium, 60.0f * (length / 199.0f), 1.0f);
    EXPECT_LT(angle, 0.6f * manubrium);
    EXPECT_LT(xiphoid, 0.4f * angle);
    EXPECT_LT(d(Structure::ribs, sternum.points_mm[3]), -3.0f);
}

// The scapula lies on the back of the chest, outside the ribs, its inferior angle between T7 and
// T9 (the sourced T8 spinous process); the glenoid beside the humerus' head; the acromion over it.
TEST_P(BonesTest, TheScapulaLiesOnTheBackOfTheChest) {
    const Limbs& l = anatomy.limbs;
    const float inferior = l.scapula_inferior_mm.y;
    EXPECT_LT(inferior, anatomy.at(Level::T7).body_centre_mm.y);
    EXPECT_GT(inferior, anatomy.at(Level::T9).body_centre_mm.y - 0.5f * anatomy.at(Level::T9).body_height_mm);
    EXPECT_NEAR(l.scapula_superior_mm.y - inferior, 155.0f * body_measures(GetParam()).spine_scale, 8.0f);
    // The middle of the blade: bone there, and no rib.
    const glm::vec3 on_blade = anatomy.landmark(Structure::scapula);
    EXPECT_LT(d(Structure::scapula, on_blade), 0.0f);
    EXPECT_GT(d(Structure::ribs, on_blade), 2.0f);
    EXPECT_LT(d(Structure::scapula, l.glenoid_mm), 0.0f);
    EXPECT_LT(d(Structure::scapula, l.acromion_mm), 0.0f);
    EXPECT_LT(d(Structure::arm_bones, l.acromion_mm + glm::vec3(-2.0f, 2.0f, 8.0f)), 0.0f) << "the clavicle meets it";
    EXPECT_LT(d(Structure::scapula, glm::vec3(-on_blade.x, on_blade.y, on_blade.z)), 0.0f) << "the right one";
}

// Between the fused sacral segments the foramina pass through the bone, with bone all round.
TEST_P(BonesTest, TheSacrumHasItsForamina) {
    for (int j = 0; j < 4; ++j) {
        const int i = kMobileVertebraCount + j;
        const LevelGeometry& g = anatomy.levels[i];
        const float r = j < 2 ? 5.0f : 3.0f;
        const glm::vec3 local(0.5f * g.body_width_mm * 0.45f + r + 1.5f + 0.5f, -0.5f * g.body_height_mm, 0.0f);
        const glm::vec3 hole = g.body_centre_mm + glm::vec3(local.x, 0.0f, 0.0f) + g.up() * local.y;
        EXPECT_GT(d(Structure::sacrum, hole), 0.0f) << "foramen " << j + 1;
        EXPECT_LT(d(Structure::sacrum, hole + g.up() * (r + 5.0f)), 0.0f) << "foramen " << j + 1 << ": bone above";
        EXPECT_LT(d(Structure::sacrum, hole - g.up() * (r + 5.0f)), 0.0f) << "foramen " << j + 1 << ": bone below";
        EXPECT_LT(d(Structure::sacrum, hole - glm::vec3(r + 3.0f, 0.0f, 0.0f)), 0.0f) << "foramen " << j + 1 << ": the body beside it";
    }
}

// The hip bone: the acetabulum a hollow cup with bone behind it, the obturator foramen an opening
// ringed by the pubis and the ischium, the crest thicker than the wing below it.
TEST_P(BonesTest, TheHipBoneHasASocketAnObturatorForamenAndACrest) {
    const PelvisGeometry& g = anatomy.pelvis;
    EXPECT_GT(d(Structure::pelvis, g.acetabulum_mm), 0.0f) << "the socket is hollow";
    const glm::vec3 opening = glm::normalize(glm::vec3(1.0f, -0.55f, 0.5f));
    EXPECT_LT(d(Structure::pelvis, g.acetabulum_mm - opening * (g.acetabulum_radius_mm - 2.0f)), 0.0f) << "its floor";
    const glm::vec3 obturator = (g.acetabulum_mm + g.symphysis_mm + g.ischial_tuberosity_mm) / 3.0f;
    EXPECT_GT(d(Structure::pelvis, obturator), 3.0f) << "the obturator foramen";
    const glm::vec3 ramus = 0.5f * (g.ischial_tuberosity_mm + g.symphysis_mm + glm::vec3(9.0f, -12.0f, -2.0f));
    EXPECT_LT(d(Structure::pelvis, ramus), 0.0f) << "the inferior ramus below it";
    EXPECT_LT(d(Structure::pelvis, g.asis_mm), 0.0f) << "the anterior superior iliac spine";
}

// The femur's head turns in the acetabulum with a joint space between them (the socket is hollow,
// the head fills it less a millimetre); its shaft ends inside the thigh, above the cut.
TEST_P(BonesTest, TheFemursHeadSitsInTheSocket) {
    const PelvisGeometry& g = anatomy.pelvis;
    EXPECT_LT(d(Structure::femur, g.acetabulum_mm), -10.0f);
    const glm::vec3 opening = glm::normalize(glm::vec3(1.0f, -0.55f, 0.5f));
    for (const glm::vec3 dir : {-opening, glm::vec3(0.0f, 1.0f, 0.0f), glm::vec3(-1.0f, 0.0f, 0.0f)}) {
        const glm::vec3 gap = g.acetabulum_mm + dir * (g.acetabulum_radius_mm - 4.5f);
        EXPECT_GT(d(Structure::femur, gap), 0.0f) << "no femur in the joint space";
        EXPECT_GT(d(Structure::pelvis, gap), 0.0f) << "no hip bone in it";
    }
    const Limbs& l = anatomy.limbs;
    EXPECT_GT(d(Structure::femur, glm::vec3(l.thigh_top_mm.x, l.thigh_cut_mm + 5.0f, l.thigh_top_mm.z)), 0.0f) << "it ends above the cut";
    // Half way down the thigh, across it: bone, inside the skin.
    const float y = 0.5f * (l.thigh_top_mm.y + l.thigh_cut_mm);
    bool shaft = false;
    for (float x = 0.0f; x < l.thigh_top_mm.x + l.thigh_radius_mm && !shaft; x += 1.0f) {
        const glm::vec3 p(x, y, l.thigh_top_mm.z + 8.0f);
        shaft = d(Structure::femur, p) < 0.0f && d(Structure::skin, p) < -5.0f;
    }
    EXPECT_TRUE(shaft) << "its shaft runs down the thigh";
}

INSTANTIATE_TEST_SUITE_P(BothBodies, BonesTest, ::testing::Values(BodyType::female, BodyType::male),
                         [](const auto& info) { return std::string(name_of(info.param)); });

// A flat section sweeps to a closed tube holding an elliptic cylinder, and the distance map agrees.
TEST(FlatSweepTest, AFlatChainIsClosedAndHoldsItsEllipse) {
    CapsuleChain chain;
    for (int i = 0; i <= 10; ++i) {
        chain.points_mm.emplace_back(10.0f * static_cast<float>(i), 0.0f, 0.0f);
        chain.half_size_mm.emplace_back(8.0f, 3.0f);
        chain.facing.emplace_back(0.0f, 0.0f, 1.0f);
    }
    chain.radius_mm = 8.0f;
    const Mesh mesh = sweep_tubes({chain}, 24);
    EXPECT_TRUE(is_closed(mesh));
    const double expected = glm::pi<double>() * 8.0 * 3.0 * 100.0;  // the caps add a little
    EXPECT_GT(enclosed_volume_mm3(mesh), 0.95 * expected);
    EXPECT_LT(enclosed_volume_mm3(mesh), 1.12 * expected);
    EXPECT_NEAR(mesh.bounds().hi.y, 8.0f, 0.1f);  // across the face: y
    EXPECT_NEAR(mesh.bounds().hi.z, 3.0f, 0.1f);  // through it: z, the way it faces
}

// Splitting long edges leaves none longer, keeps the mesh closed and puts the new vertices on the
// surface; the simplified flat face of a box had edges across its whole width.
TEST(RefineTest, LongEdgesAreSplitOntoTheSurface) {
    const auto box = [](glm::vec3 p) { return sdf::round_box(p, glm::vec3(30.0f, 20.0f, 10.0f), 3.0f); };
    SurfaceDesc desc;
    desc.box.add(glm::vec3(0.0f), 36.0f);
    desc.cell_mm = 1.0f;
    Mesh mesh = mesh_surface(box, desc);
    simplify(mesh, 0.2f);
    const auto longest = [](const Mesh& m) {
        float l = 0.0f;
        for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
            for (int e = 0; e < 3; ++e) l = std::max(l, glm::distance(m.positions_mm[m.indices[t + e]], m.positions_mm[m.indices[t + (e + 1) % 3]]));
        }
        return l;
    };
    ASSERT_GT(longest(mesh), 20.0f);
    refine_long_edges(mesh, box, 4.0f, 0.25f);
    EXPECT_LE(longest(mesh), 4.0f);
    EXPECT_TRUE(is_closed(mesh));
    for (std::size_t v = 0; v < mesh.positions_mm.size(); ++v) {
        EXPECT_NEAR(box(mesh.positions_mm[v]), 0.0f, 0.1f);
        EXPECT_GT(glm::dot(mesh.normals[v], glm::normalize(mesh.positions_mm[v])), 0.0f);
    }
}

}  // namespace
}  // namespace thecaview
