// Burn-in drift, wrapped time, camera sway, opening hours; the bounded log; the user's folders.
#include "core/signage.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/log.hpp"
#include "core/user_dirs.hpp"

namespace thecaview {
namespace {

TEST(Signage, DriftStaysInsideItsAmplitudeAndMoves) {
    float min_x = 1e9f, max_x = -1e9f;
    for (int s = 0; s < 24 * 3600; s += 7) {
        const auto o = burn_in_offset(s, 6.0f);
        EXPECT_LE(std::abs(o.x), 6.0f);
        EXPECT_LE(std::abs(o.y), 6.0f);
        min_x = std::min(min_x, o.x);
        max_x = std::max(max_x, o.x);
    }
    EXPECT_GT(max_x - min_x, 10.0f);  // it really travels
}

TEST(Signage, WrappedTimeKeepsPrecisionAfterWeeks) {
    const double five_weeks = 5.0 * 7.0 * 24.0 * 3600.0;
    const double t = wrap_time(five_weeks + 12.345, 3600.0);
    EXPECT_NEAR(t, 12.345, 1e-6);
    EXPECT_NEAR(static_cast<float>(t) + 0.001f - static_cast<float>(t), 0.001f, 1e-5f);  // a ms still shows
    EXPECT_EQ(wrap_time(-1.0, 10.0), 9.0);
    EXPECT_EQ(wrap_time(NAN, 10.0), 0.0);
}

TEST(Signage, DriftIsTheSameAfterWeeksAsOnTheFirstDay) {
    // 7 and 11 minutes divide 77 minutes; the path repeats instead of losing precision.
    const double period = 77.0 * 60.0;
    const auto a = burn_in_offset(100.0, 6.0f);
    const auto b = burn_in_offset(100.0 + 500.0 * period, 6.0f);
    EXPECT_NEAR(a.x, b.x, 1e-3f);
    EXPECT_NEAR(a.y, b.y, 1e-3f);
}

TEST(Signage, SwayIsBoundedAndOffWithReducedMotion) {
    for (int s = 0; s < 200; ++s) EXPECT_LE(std::abs(camera_sway_rad(s, 0.2f, false)), 0.2f);
    EXPECT_NE(camera_sway_rad(10.0, 0.2f, false), 0.0f);
    EXPECT_EQ(camera_sway_rad(10.0, 0.2f, true), 0.0f);
}

TEST(Signage, DarkOnlyOutsideOpeningHours) {
    EXPECT_FALSE(screen_dark(std::nullopt, 3 * 60));
    const OpeningHours day{8 * 60, 18 * 60};
    EXPECT_FALSE(screen_dark(day, 12 * 60));
    EXPECT_TRUE(screen_dark(day, 18 * 60));
    EXPECT_TRUE(screen_dark(day, 7 * 60 + 59));
    const OpeningHours night{22 * 60, 6 * 60};
    EXPECT_FALSE(screen_dark(night, 23 * 60));
    EXPECT_FALSE(screen_dark(night, 60));
    EXPECT_TRUE(screen_dark(night, 12 * 60));
}

class LogTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = std::filesystem::temp_directory_path() /
              ("thecaview-log-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::remove_all(dir);
    }
    void TearDown() override { std::filesystem::remove_all(dir); }
    std::filesystem::path dir;
};

TEST_F(LogTest, TheFileNeverPassesItsSize) {
    const auto file = dir / "thecaview.log";
    {
        BoundedLog log(file, 4096);
        for (int i = 0; i < 5000; ++i) log.info("message number " + std::to_string(i));
    }
    EXPECT_LE(std::filesystem::file_size(file), 4096u);
    EXPECT_LE(std::filesystem::file_size(file.string() + ".1"), 4096u);
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("message number 4999"), std::string::npos);  // the newest is kept
}

TEST_F(LogTest, RepeatsAreCountedNotWritten) {
    std::ostringstream echo;
    {
        BoundedLog log({}, 4096, &echo);
        for (int i = 0; i < 1000; ++i) log.warn("no GL");
        log.info("done");
    }
    EXPECT_EQ(echo.str(), "thecaview: warning: no GL\nthecaview: (the line above was repeated 999 more times)\n"
                          "thecaview: done\n");
}

TEST(UserDirs, PicturesFolderFromUserDirs) {
    const std::filesystem::path home = "/home/someone";
    EXPECT_EQ(pictures_dir_from("# comment\nXDG_PICTURES_DIR=\"$HOME/Bilder\"\n", home), home / "Bilder");
    EXPECT_EQ(pictures_dir_from("XDG_PICTURES_DIR=\"/srv/shots\"\n", home), std::filesystem::path("/srv/shots"));
    EXPECT_TRUE(pictures_dir_from("XDG_MUSIC_DIR=\"$HOME/Music\"\n", home).empty());
}

}  // namespace
}  // namespace thecaview
