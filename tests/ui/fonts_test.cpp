// The UI style: touch-size controls for the kiosk at every scale, with or without the font file.
#include <cstdlib>

#include <gtest/gtest.h>
#include <imgui.h>

#include "ui/fonts.hpp"

namespace thecaview {
namespace {

// A control's height: the body font plus its padding above and below (the atlas built, as a frame would).
float frame_height_px() {
    ImGui::GetIO().Fonts->Build();
    return ImGui::GetIO().Fonts->Fonts[0]->FontSize + 2.0f * ImGui::GetStyle().FramePadding.y;
}

class StyleTest : public ::testing::Test {
protected:
    void SetUp() override { ImGui::CreateContext(); }
    void TearDown() override {
        ImGui::DestroyContext();
        ::unsetenv("THECAVIEW_FONT");
    }
};

TEST_F(StyleTest, TouchControlsAreAtLeast48PxAt1080pAndScaleWithTheDisplay) {
    for (const float scale : {1.0f, 1.3f, 2.0f}) {
        const UiFonts fonts = setup_fonts_and_style({scale, false, true});
        EXPECT_TRUE(fonts.message.empty()) << fonts.message;
        EXPECT_GE(frame_height_px(), 48.0f * scale - 0.01f) << "at scale " << scale;
    }
}

TEST_F(StyleTest, TouchSizeHoldsWithTheBuiltInFontToo) {
    ::setenv("THECAVIEW_FONT", "/nonexistent/font.ttf", 1);
    const UiFonts fonts = setup_fonts_and_style({1.0f, false, true, 40.0f});
    EXPECT_NE(fonts.message.find("/nonexistent/font.ttf"), std::string::npos) << fonts.message;
    EXPECT_GE(frame_height_px(), 48.0f - 0.01f);
    ASSERT_NE(fonts.caption, nullptr);
    EXPECT_GE(fonts.caption->FontSize, 40.0f);
}

TEST_F(StyleTest, TheClassroomKeepsCompactControls) {
    setup_fonts_and_style({1.0f, false, false});
    EXPECT_LT(frame_height_px(), 48.0f);
}

}  // namespace
}  // namespace thecaview
