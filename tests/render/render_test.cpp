// Render tests: real frames through Mesa's llvmpipe, via the same path as `thecaview render`.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "app/offscreen.hpp"
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

    static RenderResult render(const std::string& view, ImageSize size = {640, 360}, bool ui = false) {
        std::string error;
        auto r = renderer_->render({size, view, ui}, error);
        EXPECT_TRUE(r) << error;
        return r ? *r : RenderResult{};
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
        EXPECT_GT(r.coverage.at(std::string(s.key)), 0.0) << s.key;
    }
    EXPECT_GT(r.coverage.at("background"), 0.0);
    // The body fills a good part of the frame.
    EXPECT_GT(r.coverage.at("skin"), 0.15);
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
        const std::size_t i = (static_cast<std::size_t>(y - r.viewport.y) * r.viewport.width + (x - r.viewport.x)) * 2;
        EXPECT_NE(r.ids[i + 1] & bit(Structure::skin), 0u) << view;
    }
}

TEST_F(RenderTest, HidingAStructureRemovesIt) {
    // The same frame path with the pump switched off: its coverage must fall to zero.
    Session& s = renderer_->session();
    ViewerState state;
    go_to_view(state, *find_view(s.views, "pump"), false);
    state.visible_mask &= ~bit(Structure::pump);
    s.renderer.trace({state.camera, state.visible_mask, state.xray_mask}, 320, 180);
    const auto ids = s.renderer.read_ids();
    std::size_t pump_pixels = 0;
    for (std::size_t i = 1; i < ids.size(); i += 2) pump_pixels += (ids[i] & bit(Structure::pump)) != 0;
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
