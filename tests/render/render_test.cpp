// Render tests: real frames through Mesa's llvmpipe, via the same path as `thecaview render`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <glm/geometric.hpp>

#include "app/offscreen.hpp"
#include "core/procedure_pose.hpp"
#include "core/structures.hpp"

using namespace thecaview;

namespace {

class RenderTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string error;
        renderer_ = OffscreenRenderer::open(error);
        ASSERT_TRUE(renderer_) << error;
    }
    static void TearDownTestSuite() { renderer_.reset(); }

    // One sample of a view: what most tests need, and quick.
    static RenderRequest one_sample(const std::string& view, ImageSize size) {
        RenderRequest request;
        request.size = size;
        request.view = view;
        request.samples = 1;
        return request;
    }
    static RenderResult render(const std::string& view, ImageSize size = {640, 360}, bool ui = false) {
        RenderRequest request = one_sample(view, size);
        request.ui = ui;
        return render(request);
    }
    static RenderResult render(const RenderRequest& request) {
        std::string error;
        auto r = renderer_->render(request, error);
        EXPECT_TRUE(r) << error;
        return r ? *r : RenderResult{};
    }
    // The main structure where a world point lands in the image (0 when off-screen).
    static std::uint32_t id_at_point(const RenderResult& r, glm::vec3 point) {
        const auto px = project_to_pixel(r.camera, point, r.viewport.width, r.viewport.height);
        if (!px) return 0;
        return r.id_at(r.viewport.x + static_cast<int>(px->x), r.viewport.y + static_cast<int>(px->y));
    }

    // Whether the point's pixel or one of its eight neighbours shows `id` most: a rasterized edge
    // falls half a pixel either way of where a traced one did.
    static bool id_near_point(const RenderResult& r, glm::vec3 point, Structure id) {
        const auto px = project_to_pixel(r.camera, point, r.viewport.width, r.viewport.height);
        if (!px) return false;
        for (int dy = -1; dy <= 1; ++dy) {
            for (int dx = -1; dx <= 1; ++dx) {
                const int x = static_cast<int>(px->x) + dx, y = static_cast<int>(px->y) + dy;
                if (x < 0 || y < 0 || x >= r.viewport.width || y >= r.viewport.height) continue;
                if (r.id_at(r.viewport.x + x, r.viewport.y + y) == static_cast<std::uint32_t>(id)) return true;
            }
        }
        return false;
    }

    static std::unique_ptr<OffscreenRenderer> renderer_;
};
std::unique_ptr<OffscreenRenderer> RenderTest::renderer_;

double mean_abs_difference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    if (a.size() != b.size() || a.empty()) return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) sum += std::abs(static_cast<int>(a[i]) - static_cast<int>(b[i]));
    return sum / static_cast<double>(a.size());
}

}  // namespace

TEST_F(RenderTest, ImageIsNeitherBlankNorUniform) {
    const auto r = render("overview");
    ASSERT_EQ(r.rgba.size(), 640u * 360u * 4u);
    std::set<std::uint32_t> colours;
    double luminance = 0.0;
    for (std::size_t i = 0; i < r.rgba.size(); i += 4) {
        colours.insert(r.rgba[i] | (r.rgba[i + 1] << 8) | (r.rgba[i + 2] << 16));
        luminance += r.rgba[i] + r.rgba[i + 1] + r.rgba[i + 2];
    }
    EXPECT_GT(colours.size(), 500u);
    EXPECT_GT(luminance / (640.0 * 360.0 * 3.0), 20.0);
}

TEST_F(RenderTest, OverviewShowsEveryStructure) {
    const auto r = render("overview");
    for (const auto& s : structures()) {
        if (s.id == Structure::ligamentum_flavum || s.id == Structure::epidural_space) continue;  // deep and thin
        EXPECT_GT(r.coverage.at(std::string(s.key)), 0.0) << s.key;
    }
    EXPECT_GT(r.coverage.at("background"), 0.0);
    // The whole body, standing in a wide frame, fills a good part of it.
    EXPECT_GT(r.coverage.at("skin"), 0.08);
}

// The overview frames the whole body with its margin (4 %) in a wide, a 4:3 and a portrait
// picture: the skin reaches within a little of the margin on the tighter axis and never past it.
TEST_F(RenderTest, TheOverviewHoldsTheWholeBodyWithItsMarginInEveryShape) {
    for (const ImageSize size : {ImageSize{640, 360}, ImageSize{480, 360}, ImageSize{360, 640}}) {
        SCOPED_TRACE(std::to_string(size.width) + "x" + std::to_string(size.height));
        const auto r = render("overview", size);
        int x0 = size.width, x1 = -1, y0 = size.height, y1 = -1;
        for (int y = 0; y < r.viewport.height; ++y) {
            for (int x = 0; x < r.viewport.width; ++x) {
                const PixelIds& p = r.ids[static_cast<std::size_t>(y) * static_cast<std::size_t>(r.viewport.width) + static_cast<std::size_t>(x)];
                if (!(p.mask & bit(Structure::skin))) continue;
                x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
            }
        }
        const float w = static_cast<float>(r.viewport.width), h = static_cast<float>(r.viewport.height);
        EXPECT_GE(x0, 0.03f * w);
        EXPECT_LE(x1, 0.97f * w);
        EXPECT_GE(y0, 0.03f * h);
        EXPECT_LE(y1, 0.97f * h);
        const float used = std::max((x1 - x0) / (0.92f * w), (y1 - y0) / (0.92f * h));
        EXPECT_GT(used, 0.93f) << "the body fills the frame on its tighter axis";
    }
}

// The skin's tone shows in the picture: the darkest tone's figure is darker than the lightest's
// where the skin covers it, and the background is the same.
TEST_F(RenderTest, TheSkinToneDarkensTheFigure) {
    RenderRequest request;
    request.size = {320, 180};
    const auto mean_skin = [](const RenderResult& r, bool skin) {
        double sum = 0.0;
        int n = 0;
        for (int y = 0; y < r.viewport.height; ++y) {
            for (int x = 0; x < r.viewport.width; ++x) {
                const auto& id = r.ids[static_cast<std::size_t>(y * r.viewport.width + x)];
                if (((id.mask & bit(Structure::skin)) != 0) != skin) continue;
                const std::uint8_t* p = &r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) +
                                                 static_cast<std::size_t>(r.viewport.x + x)) * 4];
                sum += p[0] + p[1] + p[2];
                ++n;
            }
        }
        return n ? sum / n : 0.0;
    };
    // What is seen through the skin: the pixels where something else is seen most.
    const auto mean_inside = [](const RenderResult& r) {
        double sum = 0.0;
        int n = 0;
        for (int y = 0; y < r.viewport.height; ++y) {
            for (int x = 0; x < r.viewport.width; ++x) {
                const auto& id = r.ids[static_cast<std::size_t>(y * r.viewport.width + x)];
                if ((id.mask & bit(Structure::skin)) == 0 || id.main == 0 || id.main == static_cast<std::uint32_t>(Structure::skin)) continue;
                const std::uint8_t* p = &r.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) +
                                                 static_cast<std::size_t>(r.viewport.x + x)) * 4];
                sum += p[0] + p[1] + p[2];
                ++n;
            }
        }
        return n ? sum / n : 0.0;
    };
    request.skin_tone = 1;
    const auto light = render(request);
    request.skin_tone = 3;
    const auto usual = render(request);
    request.skin_tone = 6;
    const auto dark = render(request);
    EXPECT_LT(mean_skin(dark, true), 0.85 * mean_skin(light, true));
    EXPECT_NEAR(mean_skin(dark, false), mean_skin(light, false), 1.0);
    // The darker skin filters the light from inside too, so the whole figure reads in its tone;
    // the default tone lets it all through.
    EXPECT_LT(mean_inside(dark), 0.8 * mean_inside(usual));
    EXPECT_GT(mean_inside(light), 0.97 * mean_inside(usual));
}

TEST_F(RenderTest, MovingTheCameraChangesTheImage) {
    const auto a = render("overview");
    const auto b = render("back");
    EXPECT_GT(mean_abs_difference(a.rgba, b.rgba), 5.0);
}

TEST_F(RenderTest, ThePumpIsPickedAtItsCentreUnderTheSkin) {
    const Anatomy& anatomy = renderer_->session().anatomy;
    for (const char* view : {"overview", "pump"}) {
        const auto r = render(view);
        const auto px = project_to_pixel(r.camera, anatomy.pump.centre_mm, r.viewport.width, r.viewport.height);
        ASSERT_TRUE(px) << view;
        const int x = r.viewport.x + static_cast<int>(px->x), y = r.viewport.y + static_cast<int>(px->y);
        EXPECT_EQ(r.id_at(x, y), static_cast<std::uint32_t>(Structure::pump)) << view << " at " << x << "," << y;
        // The renderer's own single-texel pick (what a tap uses) agrees with the full read-back.
        EXPECT_EQ(renderer_->session().renderer.pick(x - r.viewport.x, y - r.viewport.y), Structure::pump) << view;
        // The skin lies over it and is counted there too, but the pump contributes most.
        const std::size_t i = static_cast<std::size_t>(y - r.viewport.y) * r.viewport.width + static_cast<std::size_t>(x - r.viewport.x);
        EXPECT_NE(r.ids[i].mask & bit(Structure::skin), 0u) << view;
    }
}

TEST_F(RenderTest, HidingAStructureRemovesIt) {
    // The same frame path with the pump switched off: its coverage must fall to zero.
    Session& s = renderer_->session();
    ViewerState state;
    go_to_view(state, *find_view(s.views, "pump"), false);
    state.visible_mask &= ~bit(Structure::pump);
    s.renderer.render({scene_view(state, s.anatomy), 320, 180, false, 1});
    ASSERT_EQ(s.renderer.samples(), 1);
    const auto ids = s.renderer.read_ids();
    std::size_t pump_pixels = 0;
    for (const PixelIds& p : ids) pump_pixels += (p.mask & bit(Structure::pump)) != 0;
    EXPECT_EQ(pump_pixels, 0u);
    EXPECT_GT(render("pump", {320, 180}).coverage.at("pump"), 0.05);
}

TEST_F(RenderTest, UiIsDrawnBesideTheSceneOnlyWhenAsked) {
    const auto plain = render("overview", {1280, 720}, false);
    const auto with_ui = render("overview", {1280, 720}, true);
    EXPECT_EQ(plain.viewport.x, 0);
    EXPECT_GT(with_ui.viewport.x, 200);
    // The panel region differs and holds text: many distinct colours.
    std::set<std::uint32_t> colours;
    double difference = 0.0;
    for (int y = 0; y < 720; ++y) {
        for (int x = 0; x < with_ui.viewport.x; ++x) {
            const std::size_t i = (static_cast<std::size_t>(y) * 1280 + x) * 4;
            colours.insert(with_ui.rgba[i] | (with_ui.rgba[i + 1] << 8) | (with_ui.rgba[i + 2] << 16));
            difference += std::abs(static_cast<int>(with_ui.rgba[i]) - static_cast<int>(plain.rgba[i]));
        }
    }
    EXPECT_GT(colours.size(), 50u);
    EXPECT_GT(difference / (720.0 * with_ui.viewport.x), 5.0);
}

TEST_F(RenderTest, EveryStructureIsPickedAtItsLandmark) {
    // For each structure, a view of its landmark from the side it is nearest to, with nothing
    // else drawn: the object-id target must name it at the landmark's pixel.
    const Anatomy& anatomy = renderer_->session().anatomy;
    for (const auto& s : structures()) {
        const glm::vec3 point = anatomy.landmark(s.id);
        RenderRequest request = one_sample("side", {320, 240});
        request.hide_mask = all_structures_mask() & ~bit(s.id);
        OrbitCamera camera;
        camera.target_mm = point;
        camera.distance_mm = 300.0f;
        camera.yaw_rad = s.id == Structure::pump || s.id == Structure::fat || s.id == Structure::skin ||
                                 s.id == Structure::muscle || s.id == Structure::pelvis
                             ? std::atan2(point.x, point.z)
                             : 1.5708f;  // deep structures: from the patient's left
        request.camera = camera;
        const auto r = render(request);
        EXPECT_TRUE(id_near_point(r, point, s.id)) << s.key;
    }
}

// Both bodies render with every structure covered: in the whole-body views, every pixel that
// shows anything under the skin's layers (a bone, the pump, the catheter) shows the skin over it
// too, and each structure is picked at its landmark in that body. (The fat, 2.3 mm under the skin,
// is left out: where the two meshes graze the silhouette their chords cross by a pixel.)
TEST_F(RenderTest, BothBodiesRenderWithEveryStructureCovered) {
    for (const BodyType body : kBodyTypes) {
        SCOPED_TRACE(std::string(name_of(body)));
        AnatomyOptions options;
        options.body = body;
        const Anatomy anatomy = build_anatomy(options);
        for (const char* view : {"overview", "side", "back", "pump"}) {
            RenderRequest request = one_sample(view, {640, 360});
            request.anatomy = options;
            const auto r = render(request);
            ASSERT_EQ(renderer_->session().anatomy.options, options);
            std::size_t inside = 0, bare = 0;
            StructureMask bare_mask = 0;
            std::string where;
            for (std::size_t i = 0; i < r.ids.size(); ++i) {
                const PixelIds& p = r.ids[i];
                if ((p.mask & ~(bit(Structure::skin) | bit(Structure::fat))) == 0) continue;
                ++inside;
                if ((p.mask & bit(Structure::skin)) == 0) {
                    ++bare;
                    bare_mask |= p.mask;
                    if (bare < 6) where += " " + std::to_string(i % r.viewport.width) + "," + std::to_string(i / r.viewport.width);
                }
            }
            for (const auto& s : structures()) {
                if (bare_mask & bit(s.id)) where += " " + std::string(s.key);
            }
            EXPECT_GT(inside, 1000u) << view;
            EXPECT_EQ(bare, 0u) << view << ": " << bare << " of " << inside << " pixels show something with no skin over it:" << where;
        }
        for (const auto& s : structures()) {
            if (s.id == Structure::skin) continue;
            RenderRequest request = one_sample("side", {320, 240});
            request.anatomy = options;
            request.hide_mask = all_structures_mask() & ~bit(s.id);
            OrbitCamera camera;
            camera.target_mm = anatomy.landmark(s.id);
            camera.distance_mm = 300.0f;
            camera.yaw_rad = std::atan2(camera.target_mm.x, camera.target_mm.z);
            request.camera = camera;
            EXPECT_TRUE(id_near_point(render(request), camera.target_mm, s.id)) << s.key;
        }
    }
}

TEST_F(RenderTest, InNamedViewsTheDeviceIsPickedWhereNothingOpaqueHidesIt) {
    const Anatomy& anatomy = renderer_->session().anatomy;
    const auto overview = render("overview");
    EXPECT_EQ(id_at_point(overview, anatomy.landmark(Structure::catheter)), static_cast<std::uint32_t>(Structure::catheter));
    // From behind, the opaque backbone shows through the see-through back muscles.
    const auto back = render("back");
    EXPECT_TRUE(id_near_point(back, anatomy.at(Level::L3).body_centre_mm, Structure::vertebrae));
}

TEST_F(RenderTest, AnAxialCutRemovesWhatLiesAboveIt) {
    RenderRequest request = one_sample("back", {480, 360});
    const auto whole = render(request);
    request.cut.kind = CutKind::axial;
    request.cut.level_index = static_cast<float>(index_of(Level::L1));
    const auto cut = render(request);
    const Anatomy& anatomy = renderer_->session().anatomy;
    // T6 is above the cut: gone. L4 is below it: still there.
    const glm::vec3 t6 = anatomy.at(Level::T6).canal_centre_mm - anatomy.at(Level::T6).anterior() * 25.0f;
    EXPECT_NE(id_at_point(whole, t6), 0u);
    EXPECT_EQ(id_at_point(cut, t6), 0u);
    EXPECT_NE(id_at_point(cut, anatomy.at(Level::L4).body_centre_mm), 0u);
    EXPECT_LT(cut.coverage.at("skin"), whole.coverage.at("skin") * 0.8);
}

TEST_F(RenderTest, TheCrossSectionShowsTheCordInsideTheCsf) {
    const auto r = render("cross_section", {480, 360});
    const Anatomy& anatomy = renderer_->session().anatomy;
    const float level = anatomy.catheter_tip_level_index();
    const glm::vec3 centre = anatomy.canal_point(level);
    EXPECT_EQ(id_at_point(r, centre), static_cast<std::uint32_t>(Structure::spinal_cord));
    EXPECT_GT(r.coverage.at("csf"), 0.0);
    EXPECT_GT(r.coverage.at("muscle"), 0.02);
}

TEST_F(RenderTest, TheCatheterTipIsDrawnAtTheChosenLevel) {
    for (const Level tip : {Level::T10, Level::C5, Level::L1}) {
        RenderRequest request = one_sample("tip", {320, 240});
        request.anatomy.catheter_tip = tip;
        request.hide_mask = bit(Structure::dura) | bit(Structure::csf) | bit(Structure::nerve_roots);
        const auto r = render(request);
        const Anatomy& anatomy = renderer_->session().anatomy;
        ASSERT_EQ(anatomy.options.catheter_tip, tip);
        EXPECT_EQ(id_at_point(r, anatomy.catheter_path_mm.front()), static_cast<std::uint32_t>(Structure::catheter))
            << name_of(tip);
    }
}

TEST_F(RenderTest, MoreSamplesSmoothTheEdges) {
    RenderRequest request = one_sample("pump", {320, 180});
    const auto one = render(request);
    request.samples = 6;
    const auto many = render(request);
    EXPECT_GT(mean_abs_difference(one.rgba, many.rgba), 0.2);
    EXPECT_EQ(renderer_->session().renderer.samples(), 6);
}

TEST_F(RenderTest, AStillViewGathersItsSamplesThenDrawsNothing) {
    Session& s = renderer_->session();
    ViewerState state;
    go_to_view(state, *find_view(s.views, "pump"), false);
    const FrameRequest still{scene_view(state, s.anatomy), 160, 90, false, 3};
    int frames = 0;
    while (s.renderer.render(still)) {
        ++frames;
        EXPECT_EQ(s.renderer.samples(), frames);
        ASSERT_LE(frames, 3);
    }
    EXPECT_EQ(frames, 3);
    EXPECT_FALSE(s.renderer.render(still));  // complete: nothing more to do
    const auto ids = s.renderer.read_ids();
    // A change starts again from one sample.
    FrameRequest moved = still;
    moved.view.camera.yaw_rad += 0.5f;
    ASSERT_TRUE(s.renderer.render(moved));
    EXPECT_EQ(s.renderer.samples(), 1);
    EXPECT_NE(s.renderer.read_ids(), ids);
}

TEST_F(RenderTest, AMovingFrameDrawsFewerTrianglesAndIsPickedAtOnce) {
    Session& s = renderer_->session();
    ViewerState state;
    go_to_view(state, *find_view(s.views, "overview"), false);
    const int w = 320, h = 180;
    ASSERT_TRUE(s.renderer.render({scene_view(state, s.anatomy), w, h, false, 1}));
    const std::size_t still_triangles = s.renderer.triangles_drawn();
    state.camera.yaw_rad += 0.01f;
    ASSERT_TRUE(s.renderer.render({scene_view(state, s.anatomy), w, h, true, 1}));
    EXPECT_EQ(s.renderer.samples(), 0);
    EXPECT_LE(s.renderer.triangles_drawn(), 50000u);  // the moving level of detail's budget
    EXPECT_LT(2 * s.renderer.triangles_drawn(), still_triangles + s.renderer.triangles_drawn());
    go_to_view(state, *find_view(s.views, "pump"), false);
    ASSERT_TRUE(s.renderer.render({scene_view(state, s.anatomy), w, h, true, 1}));
    const auto px = project_to_pixel(state.camera, s.anatomy.pump.centre_mm, w, h);
    ASSERT_TRUE(px);
    EXPECT_EQ(s.renderer.pick(static_cast<int>(px->x), static_cast<int>(px->y)), Structure::pump);
    EXPECT_FALSE(s.renderer.pick(2, 2));  // a corner: background
}

// Frustum culling: the close view of the catheter's tip leaves out what lies outside it (the pump,
// the pelvis), and still draws what it shows.
TEST_F(RenderTest, ACloseViewDrawsOnlyWhatItCanSee) {
    Session& s = renderer_->session();
    ViewerState state;
    go_to_view(state, *find_view(s.views, "overview"), false);
    ASSERT_TRUE(s.renderer.render({scene_view(state, s.anatomy), 320, 180, true, 1}));
    const std::size_t whole = s.renderer.triangles_drawn();
    go_to_view(state, *find_view(s.views, "tip"), false);
    ASSERT_TRUE(s.renderer.render({scene_view(state, s.anatomy), 320, 180, true, 1}));
    const std::size_t close = s.renderer.triangles_drawn();
    EXPECT_LT(close, whole);
    EXPECT_GT(close, 0u);
    const auto px = project_to_pixel(state.camera, s.anatomy.pump.centre_mm, 320, 180);
    EXPECT_TRUE(!px || px->x < 0.0f || px->y < 0.0f || px->x >= 320.0f || px->y >= 180.0f) << "the pump should be out of the tip view";
}

TEST_F(RenderTest, EachLevelMarkerSitsOnItsOwnVertebra) {
    RenderRequest request = one_sample("side", {960, 720});
    request.level_markers = true;
    // Only the bones: nothing lies in front of the bodies the markers point at.
    request.hide_mask = all_structures_mask() & ~(bit(Structure::vertebrae) | bit(Structure::sacrum));
    const auto r = render(request);
    const Anatomy& anatomy = renderer_->session().anatomy;
    ASSERT_GE(r.labels.size(), 20u);
    for (std::size_t k = 0; k < r.labels.size(); ++k) {
        const DrawnLabel& label = r.labels[k];
        const std::string name = name_of(label.level);
        const int x = static_cast<int>(label.anchor_px.x), y = static_cast<int>(label.anchor_px.y);
        // The leader line starts on bone of the right kind...
        const auto expected = index_of(label.level) < kMobileVertebraCount ? Structure::vertebrae : Structure::sacrum;
        EXPECT_EQ(r.id_at(x, y), static_cast<std::uint32_t>(expected)) << name;
        // ...on its own level: no other body's centre projects nearer to it.
        float best = 1e9f;
        Level nearest = Level::C1;
        for (int i = 0; i < kLevelCount; ++i) {
            const auto px = project_to_pixel(r.camera, anatomy.levels[i].body_centre_mm, r.viewport.width, r.viewport.height);
            if (!px) continue;
            const float d = glm::distance(glm::vec2(r.viewport.x + px->x, r.viewport.y + px->y), label.anchor_px);
            if (d < best) {
                best = d;
                nearest = level_at(i);
            }
        }
        EXPECT_EQ(nearest, label.level) << name;
        // Labels never overlap, and each is drawn (its box differs from the scene behind it).
        for (std::size_t j = 0; j < k; ++j) {
            const DrawnLabel& o = r.labels[j];
            const bool apart = label.box_min_px.y >= o.box_max_px.y || o.box_min_px.y >= label.box_max_px.y ||
                               label.box_min_px.x >= o.box_max_px.x || o.box_min_px.x >= label.box_max_px.x;
            EXPECT_TRUE(apart) << name << " overlaps " << name_of(o.level);
        }
        EXPECT_GE(label.box_min_px.y, 0.0f);
        EXPECT_LE(label.box_max_px.y, 720.0f);
    }
}

TEST_F(RenderTest, TheCanalsLayersShowWhereTheyShouldBeSeen) {
    // The tip view looks into the canal through see-through bone and dura: the ligamentum flavum,
    // the epidural space and the nerve roots are all in sight, as are the CSF and the cord.
    const auto tip = render("tip", {480, 360});
    for (const char* key : {"ligamentum_flavum", "epidural_space", "dura", "csf", "spinal_cord", "nerve_roots", "catheter"}) {
        EXPECT_GT(tip.coverage.at(key), 0.0) << key;
    }
    // The cross-section shows the wall's layers and the ribs cut across.
    const auto cross = render("cross_section", {480, 360});
    for (const char* key : {"skin", "fat", "muscle", "ribs", "vertebrae", "epidural_space", "csf", "spinal_cord"}) {
        EXPECT_GT(cross.coverage.at(key), 0.0) << key;
    }
}

TEST_F(RenderTest, AFrontCutawayRemovesWhatLiesInFrontOfIt) {
    RenderRequest request = one_sample("pump", {320, 240});
    const auto whole = render(request);
    const Anatomy& anatomy = renderer_->session().anatomy;
    ASSERT_EQ(id_at_point(whole, anatomy.pump.centre_mm), static_cast<std::uint32_t>(Structure::pump));
    // A coronal plane behind the pump: the pump and the belly in front of it are gone, and the
    // muscle it rested on is cut open.
    request.cut.kind = CutKind::coronal;
    request.cut.offset_mm = anatomy.pump.centre_mm.z - 40.0f;
    const auto cut = render(request);
    EXPECT_EQ(cut.coverage.at("pump"), 0.0);
    EXPECT_NE(id_at_point(cut, anatomy.pump.centre_mm), static_cast<std::uint32_t>(Structure::pump));
    // A plane in front of the pump leaves it.
    request.cut.offset_mm = anatomy.pump.centre_mm.z + 60.0f;
    EXPECT_GT(render(request).coverage.at("pump"), 0.05);
}

TEST_F(RenderTest, TheDrugGlowsInTheCsfInTheColourOfItsConcentration) {
    RenderRequest plain = one_sample("spread", {480, 360});
    RenderRequest drug = plain;
    drug.drug = DrugViewState{};
    drug.drug->drug = "morphine";
    drug.drug->time_h = 24.0;
    const auto without = render(plain);
    const auto with = render(drug);
    const Anatomy& anatomy = renderer_->session().anatomy;
    // Along the canal around the tip the picture changes, towards the top of the colour map
    // (viridis's yellow: more red and green than blue); far from the canal it does not.
    const auto colour_at = [](const RenderResult& r, glm::vec2 px) {
        const std::size_t i = (static_cast<std::size_t>(px.y) * r.width + static_cast<std::size_t>(px.x)) * 4;
        return glm::vec3(r.rgba[i], r.rgba[i + 1], r.rgba[i + 2]);
    };
    const auto tip = project_to_pixel(with.camera, anatomy.catheter_path_mm.front(), with.width, with.height);
    ASSERT_TRUE(tip);
    const glm::vec3 a = colour_at(without, *tip), b = colour_at(with, *tip);
    EXPECT_GT(glm::length(b - a), 20.0f);
    EXPECT_GT(b.y, b.z);  // yellow-green, not the blue of plain CSF
    EXPECT_EQ(colour_at(without, {5.0f, 5.0f}), colour_at(with, {5.0f, 5.0f}));
    // A program outside the limits is refused with its reason, not drawn.
    drug.drug->rate_ml_per_day = 0.01;
    std::string error;
    EXPECT_FALSE(renderer_->render(drug, error));
    EXPECT_NE(error.find("minimum flow"), std::string::npos) << error;
}

TEST_F(RenderTest, EveryStepRendersFromItsOwnView) {
    Session& s = renderer_->session();
    const ProcedureContent& content = s.content.english();
    ASSERT_EQ(content.steps.size(), 16u);
    for (int i = 0; i < static_cast<int>(content.steps.size()); ++i) {
        RenderRequest request = one_sample("overview", {320, 180});
        request.step = i;
        const auto r = render(request);
        EXPECT_EQ(r.view, content.steps[static_cast<std::size_t>(i)].view) << content.steps[static_cast<std::size_t>(i)].id;
        EXPECT_GT(r.coverage.at("skin") + r.coverage.at("vertebrae"), 0.0) << content.steps[static_cast<std::size_t>(i)].id;
    }
}

TEST_F(RenderTest, LanguageAndLevelChangeThePanelAtOnce) {
    RenderRequest request = one_sample("overview", {960, 540});
    request.ui = true;
    request.step = 4;
    const auto english = render(request);
    request.language = "es";
    const auto spanish = render(request);
    request.audience = Audience::student;
    const auto student = render(request);
    const auto panel_difference = [&](const RenderResult& a, const RenderResult& b) {
        double sum = 0.0;
        for (int y = 0; y < 540; ++y) {
            for (int x = 0; x < a.viewport.x; ++x) {
                const std::size_t i = (static_cast<std::size_t>(y) * 960 + x) * 4;
                sum += std::abs(static_cast<int>(a.rgba[i]) - static_cast<int>(b.rgba[i]));
            }
        }
        return sum / (540.0 * a.viewport.x);
    };
    EXPECT_GT(panel_difference(english, spanish), 2.0);
    EXPECT_GT(panel_difference(spanish, student), 2.0);
    std::string error;
    request.step = 40;
    EXPECT_FALSE(renderer_->render(request, error));
    EXPECT_NE(error.find("no step 41"), std::string::npos) << error;
}

TEST_F(RenderTest, TheCatheterReachesTheTipOnlyAtTheEndOfItsStep) {
    const Session& s = renderer_->session();
    int back_incision = -1;
    for (std::size_t i = 0; i < s.content.english().steps.size(); ++i) {
        if (s.content.english().steps[i].animation == StepAnimation::needle) back_incision = static_cast<int>(i);
    }
    ASSERT_GE(back_incision, 0);
    RenderRequest request = one_sample("overview", {480, 360});
    request.step = back_incision;
    request.hide_mask = all_structures_mask() & ~bit(Structure::catheter);
    request.step_progress = 0.3f;
    const auto early = render(request);
    request.step_progress = 1.0f;
    const auto done = render(request);
    const glm::vec3 tip = renderer_->session().anatomy.catheter_path_mm.front();
    EXPECT_EQ(id_at_point(early, tip), 0u);
    EXPECT_EQ(id_at_point(done, tip), static_cast<std::uint32_t>(Structure::catheter));
}

TEST_F(RenderTest, StructureLabelsAreDrawnOnlyWhenAsked) {
    RenderRequest request = one_sample("side", {640, 360});
    const auto plain = render(request);
    request.structure_labels = true;
    const auto labelled = render(request);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < plain.rgba.size(); i += 4) {
        changed += std::abs(static_cast<int>(plain.rgba[i]) - static_cast<int>(labelled.rgba[i])) > 40;
    }
    // Label boxes and leader lines: a few thousand pixels, not the whole picture.
    EXPECT_GT(changed, 2000u);
    EXPECT_LT(changed, 640u * 360u / 4u);
    EXPECT_EQ(labelled.coverage, plain.coverage);  // the picture under them is the same
}

// Issue 14's acceptance: with the labels on, every bone group is labelled and covers at least
// 0.5 % of the picture, in a landscape and a portrait picture: on the overview, the spine (the
// backbones and the tailbone area), the ribs, the hip bones, the skull and the arm bones; on the
// back view, which frames the spine from T6 down, the groups inside it (the arms lie outside it
// on a portrait screen). Each member of a group is labelled; the group's largest member covers
// the 0.5 % (coverages overlap, so they are not added).
TEST_F(RenderTest, EveryBoneGroupIsLabelledAndCoversHalfAPercent) {
    using Group = std::vector<Structure>;
    const Group spine{Structure::vertebrae, Structure::sacrum}, ribs{Structure::ribs}, pelvis{Structure::pelvis};
    const std::map<std::string, std::vector<Group>> views{
        {"overview", {spine, ribs, pelvis, {Structure::skull}, {Structure::arm_bones}}}, {"back", {spine, ribs, pelvis}}};
    for (const auto& [view, groups] : views) {
        for (const ImageSize size : {ImageSize{1280, 720}, ImageSize{720, 1280}}) {
            SCOPED_TRACE(view + " at " + std::to_string(size.width) + "x" + std::to_string(size.height));
            RenderRequest request = one_sample(view, size);
            request.structure_labels = true;
            const auto r = render(request);
            for (const Group& group : groups) {
                double largest = 0.0;
                for (const Structure bone : group) {
                    const std::string key(info(bone).key);
                    largest = std::max(largest, r.coverage.at(key));
                    EXPECT_TRUE(std::any_of(r.labels.begin(), r.labels.end(), [&](const DrawnLabel& l) { return l.structure == bone; }))
                        << key << " is not labelled";
                }
                EXPECT_GE(largest, 0.005) << info(group.front()).key;
            }
        }
    }
}

TEST_F(RenderTest, TheDrugViewRunsADailyScheduleAndABolus) {
    RenderRequest request = one_sample("spread", {320, 180});
    DrugViewState drug;
    drug.drug = "morphine";
    drug.concentration_mg_per_ml = 10.0;
    drug.schedule = {{0.0, 0.1}, {8.0, 0.2}};
    drug.bolus = SingleBolus{1.0, 30.0, 2.0};
    request.drug = drug;
    render(request);
    const Session& s = renderer_->session();
    ASSERT_TRUE(s.spread);
    // 8 h at 0.1 and 16 h at 0.2 mL a day for 30 days, at 10 mg/mL, and the 1 mg bolus.
    const double expected = (0.1 * 8.0 + 0.2 * 16.0) / 24.0 * 30.0 * 10.0 + 1.0;
    EXPECT_NEAR(s.spread->result().delivered_mg, expected, 1e-6);
    EXPECT_LT(s.spread->result().relative_error, 1e-9);
}

TEST_F(RenderTest, TheDrugViewSavesAndLoadsPrograms) {
    Session& s = renderer_->session();
    const auto file = std::filesystem::temp_directory_path() / "thecaview_program_test.json";
    std::filesystem::remove(file);
    ViewerState state;
    state.drug.drug = "baclofen";
    state.drug.concentration_mg_per_ml = 0.5;
    state.drug.schedule = {{0.0, 0.3}, {9.0, 0.5}};
    state.drug.bolus = SingleBolus{0.05, 20.0, 4.0};
    PanelActions save;
    save.save_program = file.string();
    apply_panel_actions(s, state, save, false);
    ASSERT_TRUE(std::filesystem::exists(file)) << s.program_message;
    ViewerState loaded;
    PanelActions load;
    load.load_program = file.string();
    apply_panel_actions(s, loaded, load, false);
    EXPECT_EQ(loaded.drug.drug, "baclofen");
    EXPECT_EQ(loaded.drug.schedule, state.drug.schedule);
    EXPECT_EQ(loaded.drug.bolus, state.drug.bolus);
    EXPECT_TRUE(loaded.drug.shown);
    // A program the pump refuses is not loaded, and the message says why.
    std::ofstream(file, std::ios::trunc) << R"({"drug": "baclofen", "concentration_mg_per_ml": 0.5, "rate_ml_per_day": 0.01})";
    ViewerState refused;
    apply_panel_actions(s, refused, load, false);
    EXPECT_EQ(refused.drug.drug, "morphine");
    EXPECT_NE(s.program_message.find("minimum flow"), std::string::npos) << s.program_message;
    std::filesystem::remove(file);
}

namespace {
// Pixels of the highlight's outline colour (255, 199, 64 in sRGB), give or take.
int outline_pixels(const RenderResult& r) {
    int n = 0;
    for (std::size_t i = 0; i + 3 < r.rgba.size(); i += 4) {
        n += std::abs(r.rgba[i] - 255) < 20 && std::abs(r.rgba[i + 1] - 199) < 25 && std::abs(r.rgba[i + 2] - 64) < 30;
    }
    return n;
}

// A still step points at its subject: the structures it highlights are outlined in the picture;
// the same view without the step has no outline.
TEST_F(RenderTest, AStillStepOutlinesWhatItHighlights) {
    RenderRequest step = one_sample("overview", {640, 360});
    step.step = 0;  // "What is a pain pump?": the pump, the tube, the fluid and the cord
    RenderRequest plain = one_sample("overview", {640, 360});
    plain.xray_mask = bit(Structure::skin) | bit(Structure::fat) | bit(Structure::muscle);
    const int outlined = outline_pixels(render(step)), without = outline_pixels(render(plain));
    EXPECT_GT(outlined, 400) << "no outline round the highlighted structures";
    EXPECT_LT(without, outlined / 10);
}
}  // namespace

namespace {
// CIELAB (D65) of an 8-bit sRGB colour: the space in which a distance of about 2.3 is the least a
// person notices, and 10 or more reads as another colour.
glm::vec3 lab_of(glm::vec3 srgb) {
    const auto linear = [](float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); };
    const glm::vec3 l(linear(srgb.x / 255.0f), linear(srgb.y / 255.0f), linear(srgb.z / 255.0f));
    const glm::vec3 xyz(0.4124f * l.x + 0.3576f * l.y + 0.1805f * l.z, 0.2126f * l.x + 0.7152f * l.y + 0.0722f * l.z,
                        0.0193f * l.x + 0.1192f * l.y + 0.9505f * l.z);
    const auto f = [](float t) { return t > 0.008856f ? std::cbrt(t) : 7.787f * t + 16.0f / 116.0f; };
    const glm::vec3 n(f(xyz.x / 0.95047f), f(xyz.y), f(xyz.z / 1.08883f));
    return {116.0f * n.y - 16.0f, 500.0f * (n.x - n.y), 200.0f * (n.y - n.z)};
}

// The mean CIELAB colour of the pixels at which a structure is what is seen most, and how many.
std::pair<glm::vec3, int> mean_lab(const RenderResult& r, Structure s) {
    glm::vec3 sum(0.0f);
    int n = 0;
    for (int y = 0; y < r.viewport.height; ++y) {
        for (int x = 0; x < r.viewport.width; ++x) {
            if (r.ids[static_cast<std::size_t>(y * r.viewport.width + x)].main != static_cast<std::uint32_t>(s)) continue;
            const std::uint8_t* p = &r.rgba[(static_cast<std::size_t>(r.viewport.y + y) * static_cast<std::size_t>(r.width) +
                                             static_cast<std::size_t>(r.viewport.x + x)) * 4];
            sum += lab_of(glm::vec3(p[0], p[1], p[2]));
            ++n;
        }
    }
    return {n ? sum / static_cast<float>(n) : sum, n};
}
}  // namespace

// Deliver 6: the materials read at once. In the converged still of the view that shows them side
// by side, each pair of neighbours differs by at least a clear colour step (CIELAB distance): the
// bone, disc, cord, CSF, dura and catheter in the tip view's section, the wall's layers in the
// cross-section, and the titanium against the belly in the pump view.
TEST_F(RenderTest, EachMaterialReadsAsItselfBesideItsNeighbours) {
    struct Pair {
        Structure a, b;
        float min_distance;
    };
    const std::vector<std::pair<std::string, std::vector<Pair>>> views{
        {"tip",
         {{Structure::vertebrae, Structure::discs, 15.0f},
          {Structure::vertebrae, Structure::spinal_cord, 8.0f},
          {Structure::discs, Structure::spinal_cord, 20.0f},
          {Structure::spinal_cord, Structure::csf, 20.0f},
          {Structure::dura, Structure::csf, 10.0f},
          {Structure::catheter, Structure::csf, 10.0f},
          {Structure::catheter, Structure::spinal_cord, 8.0f},
          {Structure::ligamentum_flavum, Structure::vertebrae, 10.0f}}},
        {"cross_section",
         {{Structure::fat, Structure::muscle, 15.0f}, {Structure::muscle, Structure::vertebrae, 15.0f}, {Structure::skin, Structure::muscle, 15.0f}}},
        {"pump", {{Structure::pump, Structure::skin, 6.0f}, {Structure::pump, Structure::muscle, 15.0f}}},
    };
    for (const auto& [view, pairs] : views) {
        RenderRequest request = one_sample(view, {960, 540});
        request.samples = 5;
        const auto r = render(request);
        for (const Pair& p : pairs) {
            const auto [a, na] = mean_lab(r, p.a);
            const auto [b, nb] = mean_lab(r, p.b);
            const std::string names = view + ": " + std::string(info(p.a).key) + " against " + std::string(info(p.b).key);
            ASSERT_GT(na, 100) << names;
            ASSERT_GT(nb, 100) << names;
            EXPECT_GT(glm::distance(a, b), p.min_distance)
                << names << ": L " << a.x << " a " << a.y << " b " << a.z << " against L " << b.x << " a " << b.y << " b " << b.z;
        }
    }
}

// Lying on the side (from the step where the tube is tunneled, seen from above the body), the
// arms rest forward on their boards: the forearm's bones are drawn where the pose puts them, and
// no longer beside the flank where they hang when standing.
TEST_F(RenderTest, LyingOnTheSideTheArmsRestForward) {
    const ProcedureContent& content = renderer_->session().content.english();
    const auto step = std::find_if(content.steps.begin(), content.steps.end(), [](const ProcedureStep& s) { return s.id == "tunnel"; });
    ASSERT_NE(step, content.steps.end());
    ASSERT_EQ(step->pose, BodyPose::lateral);
    RenderRequest request = one_sample("overview", {640, 360});
    request.step = static_cast<int>(step - content.steps.begin());
    request.xray_mask = bit(Structure::muscle);  // the bones show through the arm
    const auto r = render(request);
    const Limbs& l = renderer_->session().anatomy.limbs;
    const glm::vec3 rest = glm::mix(l.elbow_mm, l.wrist_mm, 0.5f);  // the left forearm's middle, nearer the camera
    const glm::vec3 posed = posed_by_arms(l, kArmBoardForwardRad, rest);
    EXPECT_TRUE(id_near_point(r, posed, Structure::arm_bones));
    EXPECT_FALSE(id_near_point(r, rest, Structure::arm_bones));
}
