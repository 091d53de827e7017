// The CPU ray caster, the lighting it bakes and the mesh cache, without GL.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "core/anatomy.hpp"
#include "core/geometry/body_meshes.hpp"
#include "core/geometry/mesh_cache.hpp"
#include "core/geometry/ray_caster.hpp"
#include "core/geometry/sdf.hpp"

namespace thecaview {
namespace {

Mesh sphere(glm::vec3 centre, float radius) {
    SurfaceDesc desc;
    desc.box.add(centre, radius);
    desc.cell_mm = radius / 8.0f;
    return mesh_surface([=](glm::vec3 p) { return sdf::sphere(p - centre, radius); }, desc);
}

Mesh box(glm::vec3 centre, glm::vec3 half) {
    SurfaceDesc desc;
    desc.box.add(centre - half);
    desc.box.add(centre + half);
    desc.cell_mm = 1.0f;
    return mesh_surface([=](glm::vec3 p) { return sdf::round_box(p - centre, half, 0.5f); }, desc);
}

TEST(RayCasterTest, TheNearestHitIsTheSpheresFrontFromOutsideAndItsBackFromInside) {
    RayCaster caster;
    caster.add(sphere(glm::vec3(0.0f), 10.0f), 3);
    caster.build();
    const auto hit = caster.closest({glm::vec3(0.0f, 0.0f, 50.0f), glm::vec3(0.0f, 0.0f, -1.0f)});
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->t, 40.0f, 0.3f);
    EXPECT_EQ(hit->tag, 3u);
    EXPECT_TRUE(hit->front_face);
    const auto inside = caster.closest({glm::vec3(0.0f), glm::vec3(1.0f, 0.0f, 0.0f)});
    ASSERT_TRUE(inside);
    EXPECT_NEAR(inside->t, 10.0f, 0.3f);
    EXPECT_FALSE(inside->front_face);
    EXPECT_FALSE(caster.closest({glm::vec3(0.0f, 30.0f, 50.0f), glm::vec3(0.0f, 0.0f, -1.0f)}));
    EXPECT_FALSE(caster.closest({glm::vec3(0.0f, 0.0f, 50.0f), glm::vec3(0.0f, 0.0f, -1.0f), 35.0f}));  // too short
}

TEST(RayCasterTest, EveryTagAlongTheRayIsFoundAndMaskedTagsAreNot) {
    RayCaster caster;
    caster.add(sphere(glm::vec3(0.0f, 0.0f, 0.0f), 5.0f), 0);
    caster.add(sphere(glm::vec3(0.0f, 0.0f, -30.0f), 5.0f), 4);
    caster.add(sphere(glm::vec3(40.0f, 0.0f, -30.0f), 5.0f), 7);  // off the ray
    caster.build();
    const Ray ray{glm::vec3(0.0f, 0.0f, 30.0f), glm::vec3(0.0f, 0.0f, -1.0f)};
    EXPECT_EQ(caster.tags_hit(ray), (1u << 0) | (1u << 4));
    EXPECT_EQ(caster.tags_hit(ray, 1u << 4), 1u << 4);
    EXPECT_EQ(caster.tags_hit(ray, 1u << 7), 0u);
    const auto nearest_of_4 = caster.closest(ray, 1u << 4);
    ASSERT_TRUE(nearest_of_4);
    EXPECT_NEAR(nearest_of_4->t, 55.0f, 0.3f);
}

TEST(RayCasterTest, ManyTrianglesAgreeWithTheDistanceMap) {
    // Rays from random directions at a sphere of 2000+ triangles hit where the map says.
    RayCaster caster;
    const glm::vec3 c(3.0f, -2.0f, 1.0f);
    caster.add(sphere(c, 12.0f), 1);
    caster.build();
    ASSERT_GT(caster.triangle_count(), 2000u);
    for (int k = 0; k < 200; ++k) {
        const float a = 0.7f * static_cast<float>(k), b = 0.31f * static_cast<float>(k);
        const glm::vec3 from = c + 60.0f * glm::vec3(std::cos(a) * std::cos(b), std::sin(b), std::sin(a) * std::cos(b));
        const auto hit = caster.closest({from, glm::normalize(c - from)});
        ASSERT_TRUE(hit) << k;
        EXPECT_NEAR(hit->t, 48.0f, 0.3f) << k;
    }
}

// A plate above a ball: the ball's top is in the plate's shadow and its ambient light is cut;
// the plate's group alone does it, so with that group ignored the ball is fully lit.
TEST(BakeTest, APlateShadowsAndOccludesWhatLiesUnderItInItsOwnGroup) {
    BodyMeshes body;
    StructureMesh ball;
    ball.id = Structure::pump;  // group 7
    ball.mesh = sphere(glm::vec3(0.0f), 10.0f);
    StructureMesh plate;
    plate.id = Structure::ribs;  // group 1
    plate.mesh = box(glm::vec3(0.0f, 16.0f, 0.0f) + 25.0f * key_light_directions()[0], glm::vec3(30.0f, 2.0f, 30.0f));
    body.parts = {ball, plate};
    BakeDesc desc;
    desc.ambient_rays = 64;
    bake_lighting(body, desc);
    const StructureMesh& lit = body.parts[0];
    const int ribs = occluder_group(Structure::ribs), pump = occluder_group(Structure::pump);
    // The ball's vertex that faces the first key light most.
    std::size_t top = 0;
    for (std::size_t v = 0; v < lit.mesh.normals.size(); ++v) {
        if (glm::dot(lit.mesh.normals[v], key_light_directions()[0]) > glm::dot(lit.mesh.normals[top], key_light_directions()[0])) top = v;
    }
    EXPECT_LT(lit.key[0][top][ribs], 40);   // in the plate's shadow
    EXPECT_EQ(lit.key[0][top][pump], 255);  // the ball does not shadow its own lit side
    std::size_t up = 0;
    for (std::size_t v = 0; v < lit.mesh.normals.size(); ++v) {
        if (lit.mesh.normals[v].y > lit.mesh.normals[up].y) up = v;
    }
    EXPECT_LT(lit.ambient[up][ribs], 200);  // the plate hides part of the sky
    std::size_t down = 0;
    for (std::size_t v = 0; v < lit.mesh.normals.size(); ++v) {
        if (lit.mesh.normals[v].y < lit.mesh.normals[down].y) down = v;
    }
    EXPECT_EQ(lit.ambient[down][ribs], 255);  // underneath, the plate is behind the ball
}

TEST(BakeTest, KeyLightWeightsFollowTheViewAndSumToOne) {
    const auto front = key_light_weights(glm::vec3(0.0f, 0.0f, -1.0f));  // eye at +z
    EXPECT_NEAR(front[0], 1.0f, 1e-5f);
    const auto back = key_light_weights(glm::vec3(0.0f, -0.3f, 1.0f));
    EXPECT_NEAR(back[1], 1.0f, 1e-5f);
    const auto diagonal = key_light_weights(glm::normalize(glm::vec3(-1.0f, 0.0f, -1.0f)));  // eye at +x+z
    EXPECT_NEAR(diagonal[0], 0.5f, 1e-4f);
    EXPECT_NEAR(diagonal[2], 0.5f, 1e-4f);
    float sum = 0.0f;
    for (float w : key_light_weights(glm::vec3(0.3f, 0.2f, 0.7f))) sum += w;
    EXPECT_NEAR(sum, 1.0f, 1e-5f);
}

// The default body, meshed once for the tests that read it (a few seconds).
const BodyMeshes& default_body() {
    static const BodyMeshes body = mesh_body(BodyShape(build_anatomy()));
    return body;
}

TEST(BodyMeshesTest, TheMovingLevelOfDetailKeepsItsBudgetAndEveryStructure) {
    const BodyMeshes& body = default_body();
    EXPECT_EQ(body.parts.size(), kStructureCount);
    EXPECT_LE(body.moving_triangle_count(), 50000u);
    EXPECT_GT(body.triangle_count(), 2 * body.moving_triangle_count());
    for (const StructureMesh& part : body.parts) {
        EXPECT_TRUE(is_closed(part.mesh)) << info(part.id).key;
        EXPECT_GE(part.moving_indices.size(), 3u) << info(part.id).key;
        const std::size_t vertices = part.mesh.positions_mm.size();
        EXPECT_TRUE(std::all_of(part.moving_indices.begin(), part.moving_indices.end(), [&](std::uint32_t i) { return i < vertices; }));
    }
}

// A new tip makes a new catheter, baked against the body, and leaves every other part as it was.
TEST(BodyMeshesTest, ANewCatheterTipRemakesOnlyTheCatheter) {
    AnatomyOptions options;
    options.catheter_tip = Level::T6;
    const Anatomy moved = build_anatomy(options);
    const glm::vec3 old_tip = build_anatomy().catheter_path_mm.front(), new_tip = moved.catheter_path_mm.front();
    ASSERT_GT(glm::distance(old_tip, new_tip), 50.0f);
    BodyMeshes body = default_body();
    replace_catheter(body, moved);
    ASSERT_EQ(body.parts.size(), default_body().parts.size());
    for (std::size_t i = 0; i < body.parts.size(); ++i) {
        const StructureMesh &now = body.parts[i], &before = default_body().parts[i];
        ASSERT_EQ(now.id, before.id);
        if (now.id == Structure::catheter) continue;
        EXPECT_EQ(now.mesh.positions_mm, before.mesh.positions_mm) << info(now.id).key;
        EXPECT_EQ(now.mesh.indices, before.mesh.indices) << info(now.id).key;
        EXPECT_TRUE(now.ambient.empty()) << info(now.id).key << " was baked again";
    }
    const StructureMesh* catheter = body.find(Structure::catheter);
    ASSERT_TRUE(catheter);
    EXPECT_TRUE(is_closed(catheter->mesh));
    const auto near = [&](glm::vec3 point) {
        return std::any_of(catheter->mesh.positions_mm.begin(), catheter->mesh.positions_mm.end(),
                           [&](glm::vec3 p) { return glm::distance(p, point) < 2.0f; });
    };
    EXPECT_TRUE(near(new_tip));
    // It ends at the new tip: nothing of it reaches higher up the canal.
    const float top = std::max_element(catheter->mesh.positions_mm.begin(), catheter->mesh.positions_mm.end(),
                                       [](glm::vec3 a, glm::vec3 b) { return a.y < b.y; })->y;
    EXPECT_NEAR(top, new_tip.y, 2.0f);
    EXPECT_GT(top, old_tip.y + 50.0f);
    ASSERT_EQ(catheter->ambient.size(), catheter->mesh.positions_mm.size());
    // Under the skin and in the canal, the body occludes some of the sky.
    EXPECT_TRUE(std::any_of(catheter->ambient.begin(), catheter->ambient.end(), [](const GroupLight& g) {
        return std::any_of(g.begin(), g.end(), [](std::uint8_t x) { return x < 200; });
    }));
    EXPECT_FALSE(catheter->moving_indices.empty());
    // The cache keeps one body per pump size, whatever the catheter.
    EXPECT_EQ(mesh_cache_name(options), mesh_cache_name(AnatomyOptions{}));
}

TEST(BodyMeshesTest, TheThreadedCatheterEndsWhereThePoseSays) {
    const Anatomy anatomy = build_anatomy();
    const float last = static_cast<float>(anatomy.catheter_path_mm.size() - 1);
    const Mesh whole = catheter_mesh(anatomy, 0.0f, last);
    const Mesh half = catheter_mesh(anatomy, last * 0.5f, last);
    EXPECT_TRUE(is_closed(whole));
    EXPECT_LT(half.triangle_count(), whole.triangle_count());
    // The tip is in the whole tube and not in the half threaded from the pump's end.
    const glm::vec3 tip = anatomy.catheter_path_mm.front();
    const auto near_tip = [&](const Mesh& m) {
        return std::any_of(m.positions_mm.begin(), m.positions_mm.end(), [&](glm::vec3 p) { return glm::distance(p, tip) < 2.0f; });
    };
    EXPECT_TRUE(near_tip(whole));
    EXPECT_FALSE(near_tip(half));
    EXPECT_EQ(catheter_mesh(anatomy, 3.0f, 3.0f).triangle_count(), 0u);
}

}  // namespace
}  // namespace thecaview

namespace thecaview {
namespace {

// A small body for the cache: one baked sphere.
BodyMeshes small_body() {
    BodyMeshes body;
    StructureMesh part;
    part.id = Structure::pump;
    part.mesh = sphere(glm::vec3(0.0f), 6.0f);
    part.moving_indices = simplified_indices(part.mesh, 1e3f, 40);
    part.levels.assign(part.mesh.positions_mm.size(), 3.5f);
    body.parts = {part};
    bake_lighting(body);
    return body;
}

TEST(MeshCacheTest, ABodyReadsBackAsWritten) {
    const auto dir = std::filesystem::temp_directory_path() / ("thecaview-mesh-test-" + std::to_string(::getpid()));
    const BodyMeshes body = small_body();
    std::string error;
    ASSERT_TRUE(write_body_meshes(dir / "a.mesh", body, error)) << error;
    const auto back = read_body_meshes(dir / "a.mesh", error);
    ASSERT_TRUE(back) << error;
    ASSERT_EQ(back->parts.size(), 1u);
    EXPECT_EQ(back->parts[0].mesh.indices, body.parts[0].mesh.indices);
    EXPECT_EQ(back->parts[0].moving_indices, body.parts[0].moving_indices);
    EXPECT_EQ(back->parts[0].ambient, body.parts[0].ambient);
    EXPECT_EQ(back->parts[0].key[3], body.parts[0].key[3]);
    EXPECT_EQ(back->parts[0].levels, body.parts[0].levels);
    std::filesystem::remove_all(dir);
}

TEST(MeshCacheTest, ADamagedOrTruncatedFileIsRefusedWithItsName) {
    const auto dir = std::filesystem::temp_directory_path() / ("thecaview-mesh-damaged-" + std::to_string(::getpid()));
    std::string error;
    ASSERT_TRUE(write_body_meshes(dir / "a.mesh", small_body(), error)) << error;
    std::string bytes;
    {
        std::ifstream in(dir / "a.mesh", std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto write = [&](const std::string& b) { std::ofstream(dir / "b.mesh", std::ios::binary) << b; };
    std::string flipped = bytes;
    flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x5a);
    write(flipped);
    EXPECT_FALSE(read_body_meshes(dir / "b.mesh", error));
    EXPECT_NE(error.find("b.mesh"), std::string::npos) << error;
    EXPECT_NE(error.find("checksum"), std::string::npos) << error;
    write(bytes.substr(0, bytes.size() / 3));
    EXPECT_FALSE(read_body_meshes(dir / "b.mesh", error));
    write("not a mesh at all");
    EXPECT_FALSE(read_body_meshes(dir / "b.mesh", error));
    EXPECT_FALSE(read_body_meshes(dir / "missing.mesh", error));
    std::filesystem::remove_all(dir);
}

TEST(MeshCacheTest, EachAnatomyHasItsOwnNameAndOldFilesAreEvicted) {
    AnatomyOptions a, b;
    b.pump_reservoir_ml = 40;
    EXPECT_NE(mesh_cache_name(a), mesh_cache_name(b));
    EXPECT_EQ(mesh_cache_name(a), mesh_cache_name(AnatomyOptions{}));
    const auto dir = std::filesystem::temp_directory_path() / ("thecaview-mesh-evict-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    for (int i = 0; i < 5; ++i) {
        std::ofstream(dir / ("body-" + std::to_string(i) + ".mesh")) << i;
        std::filesystem::last_write_time(dir / ("body-" + std::to_string(i) + ".mesh"),
                                         std::filesystem::file_time_type::clock::now() + std::chrono::seconds(i));
    }
    std::ofstream(dir / "notes.txt") << "kept";
    evict_old_meshes(dir, 2);
    EXPECT_TRUE(std::filesystem::exists(dir / "body-4.mesh"));
    EXPECT_TRUE(std::filesystem::exists(dir / "body-3.mesh"));
    EXPECT_FALSE(std::filesystem::exists(dir / "body-0.mesh"));
    EXPECT_TRUE(std::filesystem::exists(dir / "notes.txt"));
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace thecaview
