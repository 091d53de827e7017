// The core's geometry without GL: distance maps, surface nets, swept tubes, simplification.
#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include "core/procedure_pose.hpp"
#include "core/anatomy.hpp"
#include "core/geometry/body_meshes.hpp"
#include "core/geometry/body_shape.hpp"
#include "core/geometry/mesh.hpp"
#include "core/geometry/sdf.hpp"

namespace thecaview {
namespace {

constexpr float kPi = glm::pi<float>();

Mesh sphere_mesh(glm::vec3 centre, float radius, float cell_mm) {
    SurfaceDesc desc;
    desc.box.add(centre, radius);
    desc.cell_mm = cell_mm;
    return mesh_surface([=](glm::vec3 p) { return sdf::sphere(p - centre, radius); }, desc);
}

TEST(SurfaceNetsTest, ASphereIsClosedFacesOutAndKeepsItsVolume) {
    const glm::vec3 centre(3.0f, -2.0f, 1.0f);
    const Mesh mesh = sphere_mesh(centre, 20.0f, 1.0f);
    ASSERT_GT(mesh.triangle_count(), 1000u);
    EXPECT_TRUE(is_closed(mesh));
    const double expected = 4.0 / 3.0 * kPi * 20.0 * 20.0 * 20.0;
    EXPECT_NEAR(enclosed_volume_mm3(mesh), expected, 0.02 * expected);
    for (std::size_t i = 0; i < mesh.positions_mm.size(); ++i) {
        EXPECT_NEAR(glm::distance(mesh.positions_mm[i], centre), 20.0f, 0.25f);
        EXPECT_GT(glm::dot(mesh.normals[i], glm::normalize(mesh.positions_mm[i] - centre)), 0.95f);
    }
}

TEST(SurfaceNetsTest, TwoShapesInOneMapGiveTwoClosedSurfaces) {
    SurfaceDesc desc;
    desc.box.lo = glm::vec3(-30.0f, -12.0f, -12.0f);
    desc.box.hi = glm::vec3(30.0f, 12.0f, 12.0f);
    desc.cell_mm = 1.0f;
    const Mesh mesh = mesh_surface(
        [](glm::vec3 p) {
            return std::min(sdf::sphere(p - glm::vec3(-15.0f, 0.0f, 0.0f), 8.0f), sdf::sphere(p - glm::vec3(15.0f, 0.0f, 0.0f), 6.0f));
        },
        desc);
    EXPECT_TRUE(is_closed(mesh));
    const double expected = 4.0 / 3.0 * kPi * (8.0 * 8.0 * 8.0 + 6.0 * 6.0 * 6.0);
    EXPECT_NEAR(enclosed_volume_mm3(mesh), expected, 0.03 * expected);
}

TEST(SurfaceNetsTest, ABoxTooSmallLeavesTheMeshOpen) {
    SurfaceDesc desc;
    desc.box.add(glm::vec3(0.0f), 12.0f);  // with the grid's spare cells, still inside a sphere of radius 20
    desc.cell_mm = 1.0f;
    const Mesh mesh = mesh_surface([](glm::vec3 p) { return sdf::sphere(p, 20.0f); }, desc);
    EXPECT_GT(mesh.triangle_count(), 0u);
    EXPECT_FALSE(is_closed(mesh));
}

TEST(SweptTubeTest, ATubeIsClosedFacesOutAndHoldsACapsule) {
    CapsuleChain chain;
    chain.radius_mm = 2.0f;
    for (int i = 0; i <= 20; ++i) {
        const float a = 0.05f * kPi * static_cast<float>(i);
        chain.points_mm.push_back(glm::vec3(40.0f * std::cos(a), 3.0f * static_cast<float>(i), 40.0f * std::sin(a)));
    }
    const Mesh mesh = sweep_tubes({chain}, 16);
    EXPECT_TRUE(is_closed(mesh));
    float length = 0.0f;
    for (std::size_t i = 1; i < chain.points_mm.size(); ++i) length += glm::distance(chain.points_mm[i - 1], chain.points_mm[i]);
    const double r = chain.radius_mm;
    const double expected = kPi * r * r * length + 4.0 / 3.0 * kPi * r * r * r;
    EXPECT_NEAR(enclosed_volume_mm3(mesh), expected, 0.06 * expected);  // a 16-gon holds 97.4 % of its circle
    EXPECT_GT(enclosed_volume_mm3(mesh), 0.0);
}

TEST(SweptTubeTest, AMirroredChainAlsoFacesOut) {
    CapsuleChain chain{.points_mm = {glm::vec3(10.0f, 0.0f, 0.0f), glm::vec3(30.0f, 5.0f, 2.0f), glm::vec3(50.0f, 0.0f, 8.0f)},
                       .radius_mm = 1.5f,
                       .mirrored = true};
    const Mesh both = sweep_tubes({chain}, 10);
    chain.mirrored = false;
    const Mesh one = sweep_tubes({chain}, 10);
    EXPECT_TRUE(is_closed(both));
    EXPECT_NEAR(enclosed_volume_mm3(both), 2.0 * enclosed_volume_mm3(one), 1e-3 * enclosed_volume_mm3(one));
    EXPECT_LT(both.bounds().lo.x, -49.0f);
}

TEST(SimplifyTest, FewerTrianglesStillClosedWithinTheError) {
    Mesh mesh = sphere_mesh(glm::vec3(0.0f), 20.0f, 0.5f);
    const std::size_t before = mesh.triangle_count();
    simplify(mesh, 0.2f);
    optimise_for_gpu(mesh);
    EXPECT_LT(mesh.triangle_count(), before / 4);
    EXPECT_TRUE(is_closed(mesh));
    for (const glm::vec3& p : mesh.positions_mm) EXPECT_NEAR(glm::length(p), 20.0f, 0.3f);
    const double expected = 4.0 / 3.0 * kPi * 8000.0;
    EXPECT_NEAR(enclosed_volume_mm3(mesh), expected, 0.03 * expected);
}

TEST(SimplifyTest, ATargetCountIsMetWhenTheErrorAllows) {
    Mesh mesh = sphere_mesh(glm::vec3(0.0f), 20.0f, 1.0f);
    simplify(mesh, 5.0f, 500);
    EXPECT_LE(mesh.triangle_count(), 500u);
    EXPECT_TRUE(is_closed(mesh));
}

// ---- the body --------------------------------------------------------------------------------
class BodyShapeTest : public ::testing::Test {
protected:
    Anatomy anatomy = build_anatomy();
    BodyShape shape{anatomy};
};

TEST_F(BodyShapeTest, EveryLandmarkLiesInsideItsStructureAndItsBounds) {
    for (const StructureInfo& s : structures()) {
        const glm::vec3 p = anatomy.landmark(s.id);
        EXPECT_LT(shape.distance(s.id, p), 0.0f) << s.key;
        EXPECT_TRUE(shape.bounds(s.id).contains(p)) << s.key;
    }
}

TEST_F(BodyShapeTest, EveryStructureLiesWithinItsBounds) {
    // On the faces of each structure's box the map is positive: nothing is cut off.
    for (const StructureInfo& s : structures()) {
        const Box3 box = shape.bounds(s.id);
        ASSERT_FALSE(box.empty()) << s.key;
        const glm::vec3 size = box.size();
        int inside = 0;
        for (int a = 0; a < 3; ++a) {
            for (const float side : {0.0f, 1.0f}) {
                for (int i = 0; i <= 24; ++i) {
                    for (int j = 0; j <= 24; ++j) {
                        glm::vec3 t(static_cast<float>(i) / 24.0f, static_cast<float>(j) / 24.0f, 0.0f);
                        glm::vec3 f;
                        f[a] = side;
                        f[(a + 1) % 3] = t.x;
                        f[(a + 2) % 3] = t.y;
                        inside += shape.distance(s.id, box.lo + f * size) < 0.0f ? 1 : 0;
                    }
                }
            }
        }
        EXPECT_EQ(inside, 0) << s.key;
    }
}

TEST_F(BodyShapeTest, ThePumpLiesUnderTheSkinAboveTheMuscle) {
    for (const int reservoir : {20, 40}) {
        AnatomyOptions options;
        options.pump_reservoir_ml = reservoir;
        const BodyShape body(build_anatomy(options));
        SurfaceDesc desc{body.bounds(Structure::pump), 1.0f, 0};
        const Mesh pump = mesh_surface([&](glm::vec3 p) { return body.distance(Structure::pump, p); }, desc);
        ASSERT_TRUE(is_closed(pump)) << reservoir;
        for (const glm::vec3& p : pump.positions_mm) {
            ASSERT_LT(body.distance(Structure::skin, p), -1.0f) << reservoir << " mL: pump surface outside the skin";
            ASSERT_GT(body.distance(Structure::muscle, p), -0.5f) << reservoir << " mL: pump surface in the muscle";
        }
    }
}

TEST_F(BodyShapeTest, TheCatheterTipLiesInTheCsfAtItsLevel) {
    for (const Level tip : {Level::C5, Level::T10, Level::L1}) {
        AnatomyOptions options;
        options.catheter_tip = tip;
        const Anatomy a = build_anatomy(options);
        const BodyShape body(a);
        const glm::vec3 p = a.catheter_path_mm.front();
        EXPECT_LT(body.distance(Structure::csf, p), 0.0f) << name_of(tip);
        EXPECT_GT(body.distance(Structure::spinal_cord, p), 0.0f) << name_of(tip);
        const int i = index_of(tip);
        EXPECT_LT(std::abs(p.y - a.levels[i].canal_centre_mm.y), 0.5f * (a.levels[i].body_height_mm + a.levels[i].disc_below_mm) + 2.0f)
            << name_of(tip);
    }
}

TEST_F(BodyShapeTest, EveryStructureMeshesClosed) {
    // Coarse cells: this checks the pipeline; the baked resolution is finer.
    for (const StructureInfo& s : structures()) {
        Mesh mesh;
        if (!shape.tubes(s.id).empty()) {
            mesh = sweep_tubes(shape.tubes(s.id), 8);
        } else {
            const float cell = s.id == Structure::skin || s.id == Structure::fat || s.id == Structure::muscle ? 6.0f : 2.0f;
            mesh = mesh_surface([&](glm::vec3 p) { return shape.mesh_distance(s.id, p); }, {shape.bounds(s.id), cell, 0});
        }
        EXPECT_GT(mesh.triangle_count(), 20u) << s.key;
        EXPECT_TRUE(is_closed(mesh)) << s.key;
        EXPECT_GT(enclosed_volume_mm3(mesh), 0.0) << s.key;
    }
}

TEST_F(BodyShapeTest, TheDuraIsMeshedAsTheOuterFaceOfItsShell) {
    // A point in the dura's shell is inside the mesh's surface, and so is the CSF it holds.
    const glm::vec3 in_dura = anatomy.landmark(Structure::dura);
    EXPECT_LT(shape.distance(Structure::dura, in_dura), 0.0f);
    EXPECT_LT(shape.mesh_distance(Structure::dura, in_dura), 0.0f);
    const glm::vec3 in_csf = anatomy.landmark(Structure::csf);
    EXPECT_GT(shape.distance(Structure::dura, in_csf), 0.0f);
    EXPECT_LT(shape.mesh_distance(Structure::dura, in_csf), 0.0f);
    // Just outside the shell, in the epidural space: outside both.
    const glm::vec3 outside = in_dura + glm::vec3(1.2f, 0.0f, 0.0f);
    EXPECT_GT(shape.mesh_distance(Structure::dura, outside), 0.0f);
}

TEST_F(BodyShapeTest, TheL3BodyHasItsTabledSize) {
    const LevelGeometry& l3 = anatomy.at(Level::L3);
    // Across the body's middle, the vertebra's surface lies at half its width each side.
    const glm::vec3 c = l3.body_centre_mm;
    const float half_w = 0.5f * l3.body_width_mm;
    EXPECT_NEAR(shape.distance(Structure::vertebrae, c + glm::vec3(half_w, 0.0f, 0.0f)), 0.0f, 0.6f);
    EXPECT_NEAR(shape.distance(Structure::vertebrae, c - glm::vec3(half_w, 0.0f, 0.0f)), 0.0f, 0.6f);
    EXPECT_LT(shape.distance(Structure::vertebrae, c), -0.4f * half_w);
}

// ---- the bones' features (docs/anatomy.md, "Bones") -----------------------------------------
// A point in level l's own frame: x lateral, y up its axis, z forward from its body's centre.
glm::vec3 at_level(const Anatomy& a, Level l, glm::vec3 local) {
    const LevelGeometry& g = a.at(l);
    return g.body_centre_mm + glm::vec3(local.x, 0.0f, 0.0f) + g.up() * local.y + g.anterior() * local.z;
}

// C1-C6: a ring of bone round a hole, the transverse foramen, each side.
TEST_F(BodyShapeTest, TheCervicalTransverseProcessesRingTheirForamina) {
    for (int i = 0; i < 6; ++i) {
        const Level l = level_at(i);
        const TransverseForamen f = transverse_foramen(anatomy.at(l));
        for (const float side : {1.0f, -1.0f}) {
            const glm::vec3 c(side * f.centre.x, f.centre.y, f.centre.z);
            EXPECT_GT(shape.distance(Structure::vertebrae, at_level(anatomy, l, c)), 1.0f) << name_of(l) << ": the hole";
            for (const glm::vec3 d : {glm::vec3(1, 0, 0), glm::vec3(-1, 0, 0), glm::vec3(0, 0, 1), glm::vec3(0, 0, -1)}) {
                EXPECT_LT(shape.distance(Structure::vertebrae, at_level(anatomy, l, c + d * f.ring_mm)), 0.0f) << name_of(l) << ": its ring";
            }
        }
    }
}

// C2-C6 fork at the back of their spinous processes; T8's ends in one tip.
TEST_F(BodyShapeTest, TheCervicalSpinousProcessesAreForked) {
    const auto tip = [&](Level l, float x) {  // a point 1 mm in from the end of the process, x off the midline
        const LevelGeometry& g = anatomy.at(l);
        const float scale = std::clamp(g.body_width_mm / 40.0f, 0.45f, 1.2f);
        const float len = 14.0f + 2.0f * static_cast<float>(index_of(l)) - 1.0f;
        const glm::vec3 start(0.0f, -0.1f * g.body_height_mm, -(0.5f * g.body_depth_mm + g.canal_depth_mm + 2.0f));
        return at_level(anatomy, l, start + glm::normalize(glm::vec3(0.0f, -0.35f, -1.0f)) * len + glm::vec3(x * (3.5f * scale + 1.5f), 0, 0));
    };
    for (const Level l : {Level::C2, Level::C3, Level::C4, Level::C5, Level::C6}) {
        EXPECT_GT(shape.distance(Structure::vertebrae, tip(l, 0.0f)), 0.0f) << name_of(l) << ": the fork's gap";
        EXPECT_LT(shape.distance(Structure::vertebrae, tip(l, 1.0f)), 0.0f) << name_of(l) << ": left tip";
        EXPECT_LT(shape.distance(Structure::vertebrae, tip(l, -1.0f)), 0.0f) << name_of(l) << ": right tip";
    }
}

// C3-C7: the uncinate processes rise from the edges of the body's top, not from its middle.
TEST_F(BodyShapeTest, TheCervicalBodiesHaveUncinateProcesses) {
    for (int i = 2; i < 7; ++i) {
        const LevelGeometry& g = anatomy.levels[i];
        const float top = 0.5f * g.body_height_mm + 1.2f;
        EXPECT_LT(shape.distance(Structure::vertebrae, at_level(anatomy, g.level, {0.5f * g.body_width_mm - 1.5f, top, 0.0f})), 0.0f)
            << name_of(g.level);
        EXPECT_GT(shape.distance(Structure::vertebrae, at_level(anatomy, g.level, {0.0f, top, 0.0f})), 0.0f) << name_of(g.level);
    }
}

// The body's outline across: lumbar bodies kidney-shaped (the back border dips in at the midline),
// thoracic ones heart-shaped (narrowing forward more than an oval does).
TEST_F(BodyShapeTest, LumbarBodiesAreKidneyShapedAndThoracicOnesHeartShaped) {
    const auto half_width_at = [&](Level l, float z) {  // the body's half width at depth z, at mid-height
        float x = 0.0f;
        while (x < 60.0f && shape.distance(Structure::vertebrae, at_level(anatomy, l, {x, 0.0f, z})) < 0.0f) x += 0.1f;
        return x;
    };
    for (const Level l : {Level::L1, Level::L3, Level::L5}) {
        const LevelGeometry& g = anatomy.at(l);
        const float half_d = 0.5f * g.body_depth_mm;
        EXPECT_GT(shape.distance(Structure::vertebrae, at_level(anatomy, l, {0.0f, 0.0f, -0.93f * half_d})), 0.0f) << name_of(l);
        EXPECT_LT(shape.distance(Structure::vertebrae, at_level(anatomy, l, {0.5f * g.body_width_mm * 0.5f, 0.0f, -0.8f * half_d})), 0.0f)
            << name_of(l);
    }
    for (const Level l : {Level::T4, Level::T6, Level::T8}) {
        const float half_d = 0.5f * anatomy.at(l).body_depth_mm;
        const float front = half_width_at(l, 0.7f * half_d), back = half_width_at(l, -0.3f * half_d);
        EXPECT_LT(front, 0.66f * back) << name_of(l) << ": an oval's would be 0.75";
    }
}

}  // namespace
}  // namespace thecaview

namespace thecaview {
namespace {
// Frustum culling: a box is outside the view only when all of it lies beyond one plane.
TEST(Box3Test, ABoxIsOutsideTheViewOnlyWhenNothingOfItCanBeSeen) {
    const glm::mat4 view_proj = glm::perspective(0.8f, 1.5f, 10.0f, 1000.0f) *
                                glm::lookAt(glm::vec3(0.0f, 0.0f, 100.0f), glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f));
    const auto box = [](glm::vec3 c, float r) {
        Box3 b;
        b.add(c, r);
        return b;
    };
    EXPECT_FALSE(box(glm::vec3(0.0f), 5.0f).outside_view(view_proj));          // in front of the eye
    EXPECT_TRUE(box(glm::vec3(0.0f, 0.0f, 200.0f), 5.0f).outside_view(view_proj));  // behind it
    EXPECT_TRUE(box(glm::vec3(500.0f, 0.0f, 0.0f), 5.0f).outside_view(view_proj));  // far to the side
    EXPECT_FALSE(box(glm::vec3(60.0f, 0.0f, 0.0f), 30.0f).outside_view(view_proj)); // across the edge
    EXPECT_TRUE(Box3{}.outside_view(view_proj));                                    // empty
}

// A box (the operating table): six faces, wound outward, holding the box's volume; the table
// lies under the body's right side.
TEST(BoxMeshTest, ABoxFacesOutAndHoldsItsVolume) {
    Box3 box;
    box.lo = glm::vec3(-10.0f, 0.0f, 5.0f);
    box.hi = glm::vec3(30.0f, 20.0f, 8.0f);
    const Mesh mesh = box_mesh(box);
    EXPECT_EQ(mesh.triangle_count(), 12u);
    EXPECT_NEAR(enclosed_volume_mm3(mesh), 40.0 * 20.0 * 3.0, 1e-3);
    for (std::size_t i = 0; i < mesh.positions_mm.size(); ++i) {
        EXPECT_GT(glm::dot(mesh.normals[i], mesh.positions_mm[i] - box.centre()), 0.0f);
    }
    const Anatomy a = build_anatomy();
    const Box3 table = operating_table(a).front();
    const BodyShape shape(a);
    EXPECT_LT(table.hi.x, -a.torso_at(a.pump.centre_mm.y).half_width_mm) << "on the right side, away from the pump";
    EXPECT_GT(shape.distance(Structure::skin, glm::vec3(table.hi.x - 1.0f, a.pump.centre_mm.y, 0.0f)), 0.0f)
        << "the table stays outside the body";
    // Each forearm, raised forward, rests on its board: the right (lower) one's and the left's.
    const auto boards = operating_table(a);
    ASSERT_EQ(boards.size(), 3u);
    const Limbs& l = a.limbs;
    for (const float side : {-1.0f, 1.0f}) {
        const glm::vec3 rest = glm::mix(l.elbow_mm, l.wrist_mm, 0.5f) * glm::vec3(side, 1.0f, 1.0f);
        const glm::vec3 p = posed_by_arms(l, kArmBoardForwardRad, rest);
        const Box3& board = boards[side < 0.0f ? 1 : 2];
        const float radius = 0.5f * (l.elbow_radius_mm + l.wrist_radius_mm);
        EXPECT_GT(p.y, board.lo.y);
        EXPECT_LT(p.y, board.hi.y);
        EXPECT_GT(p.z, board.lo.z);
        EXPECT_LT(p.z, board.hi.z);
        EXPECT_GT(p.x - board.hi.x, radius - 5.0f) << "above its board, not in it (side " << side << ")";
        EXPECT_LT(p.x - board.hi.x, radius + 15.0f) << "resting on it (side " << side << ")";
    }
}

// The fat is drawn see-through: a bone that comes up into it would show as a bare white shape on
// the belly (the hip bone's anterior superior spine did, in the pump view). Where the hip bone
// reaches the fascia, the muscles attached to it cover it; and it stays under the skin.
TEST(HipBoneTest, IsCoveredWhereTheFatIsSeeThrough) {
    const Anatomy a = build_anatomy();
    const BodyShape shape(a);
    const Box3 b = shape.bounds(Structure::pelvis);
    int inside = 0, bare = 0;
    float shallowest = 1e9f;
    for (float x = b.lo.x; x <= b.hi.x; x += 2.0f) {
        for (float y = b.lo.y; y <= b.hi.y; y += 2.0f) {
            for (float z = b.lo.z; z <= b.hi.z; z += 2.0f) {
                const glm::vec3 p(x, y, z);
                const float bone = shape.distance(Structure::pelvis, p);
                if (bone <= 0.0f) {
                    ++inside;
                    shallowest = std::min(shallowest, -shape.distance(Structure::skin, p));
                }
                // Just outside the bone's surface: fat there, with no muscle, shows the bone bare.
                if (bone > 0.5f && bone < 2.0f && shape.distance(Structure::fat, p) < -0.5f &&
                    shape.distance(Structure::muscle, p) > 0.0f) {
                    ++bare;
                }
            }
        }
    }
    ASSERT_GT(inside, 10000);
    EXPECT_EQ(bare, 0) << "points of the hip bone bare in the fat";
    EXPECT_GT(shallowest, 3.0f) << "the hip bone comes within " << shallowest << " mm of the skin";
}
}  // namespace
}  // namespace thecaview
