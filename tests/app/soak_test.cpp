// The kiosk cycle for 6,000 frames of a tenth of a second (10 simulated minutes, about ten visits)
// at a small size: the attract loop, simulated visitors tapping through the tour, the drug view and
// the tools, then the idle reset, over and over. It asserts that GL never reports an error and
// that resident memory stops growing after warm-up. scripts/soak runs the same cycle for hours.
// Run with ASan's quarantine off (ASAN_OPTIONS=quarantine_size_mb=0), which would hide a leak's
// growth under its own; tests/CMakeLists.txt sets that.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <vector>

#include <malloc.h>
#include <unistd.h>

#include "viewer_fixture.hpp"

namespace thecaview::testing {
namespace {

constexpr int kDefaultFrames = 6000;  // THECAVIEW_SOAK_FRAMES sets another count (scripts/soak)
constexpr int kWarmUpResets = 2;  // two whole visits and resets: caches, pools and atlases settle
// A frame's step in time: coarser than a screen's refresh, so that the test's frames cover many
// visits (what a leak grows with); each frame still runs the whole frame path.
constexpr double kDt = 0.1;
constexpr double kMaxGrowthMb = 5.0;
constexpr int kSettledResets = 3;  // resets in each half, at least: a leak shows in all, a passing peak in one

double resident_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// What a visitor does at second `t` of a visit: a tap every two seconds, through a list of things
// a curious person tries; at 22 s they pause what plays. Nothing after 24 s: they have walked away.
SimulatedInput visitor_at(double t, int visit) {
    SimulatedInput in;
    const int tap = static_cast<int>(t / 2.0);
    if (t > 24.0 || std::fmod(t, 2.0) >= kDt) return in;
    if (tap == 11) {  // the last tap: they pause what plays, then walk away (the idle clock runs)
        in.touch = true;
        in.actions.autoplay = false;
        DrugViewState d;
        d.shown = true;
        d.playing = false;
        in.actions.drug = d;
        return in;
    }
    in.touch = true;
    PanelActions& a = in.actions;
    switch (tap % 12) {
        case 0: a.select_step = 1 + visit % 5; break;
        case 1: a.go_to_view = visit % 2 ? "tip" : "cross_section"; break;
        case 2: a.level_markers = true; break;
        case 3: a.structure_labels = true; break;
        case 4: {
            DrugViewState d;
            d.shown = true;
            d.drug = visit % 2 ? "morphine" : "bupivacaine";
            d.playing = true;
            d.speed_h_per_s = 24.0;
            a.drug = d;
            break;
        }
        case 5: a.anatomy = AnatomyOptions{visit % 2 ? Level::T8 : Level::T11, Interspace{Level::L3}, visit % 2 ? 40 : 20}; break;
        case 6: {
            CutSettings cut;
            cut.kind = CutKind::axial;
            cut.level_index = 12.0f + static_cast<float>(visit % 4);
            a.cut = cut;
            break;
        }
        case 7: a.audience = Audience::student; break;
        case 8: a.language = visit % 2 ? "es" : "en"; break;
        case 9: a.select_step = 12; break;
        case 10: a.autoplay = true; break;
        default: a.go_to_view = "overview"; break;
    }
    return in;
}

using SoakTest = ViewerFixture;

TEST_F(SoakTest, KioskCycleKeepsMemoryFlatAndGlClean) {
    Config config;
    config.idle_timeout_s = 20.0;
    const char* env = std::getenv("THECAVIEW_SOAK_FRAMES");
    const int frames = env && std::atoi(env) > 0 ? std::atoi(env) : kDefaultFrames;
    open(Mode::kiosk, 32, 20, config);  // the tracer's cost goes with the pixels; the cycle is what is tested
    int visits = 0, resets = 0, gl_error_frames = 0;
    std::string first_gl_error;
    double visit_start = 0.0;
    double start_screen_since = 0.0;
    double warm_mb = 0.0, peak_mb = 0.0;
    std::vector<double> after_warm_up;  // resident MB at each reset after warm-up
    bool was_start_screen = true;
    for (int frame = 0; frame < frames; ++frame) {
        SimulatedInput in;
        if (viewer->on_start_screen()) {
            // Some seconds of the attract loop, then someone walks up.
            if (!was_start_screen) start_screen_since = now;
            if (now - start_screen_since > 8.0) {
                in.start_language = visits % 2 ? "es" : "en";
                in.start_visit = true;
                visit_start = now;
                ++visits;
            }
        } else {
            in = visitor_at(now - visit_start, visits);
        }
        now += kDt;
        ASSERT_TRUE(viewer->frame(now, &in)) << "the kiosk stopped at frame " << frame;
        if (const std::string e = drain_gl_errors(); !e.empty()) {
            if (first_gl_error.empty()) first_gl_error = "frame " + std::to_string(frame) + ": " + e;
            ++gl_error_frames;
        }
        if (viewer->on_start_screen() && !was_start_screen) {
            // Measured at the same point of every cycle, just after a reset, with the C library's
            // free lists given back so that only memory still in use counts.
            ++resets;
            ::malloc_trim(0);
            const double mb = resident_mb();
            std::cout << "soak: reset " << resets << " at frame " << frame << ", resident " << mb << " MB\n";
            if (resets == kWarmUpResets) warm_mb = mb;
            if (resets > kWarmUpResets) {
                peak_mb = std::max(peak_mb, mb);
                after_warm_up.push_back(mb);
            }
        }
        was_start_screen = viewer->on_start_screen();
    }
    EXPECT_EQ(gl_error_frames, 0) << first_gl_error;
    EXPECT_GE(resets, 8) << "the cycle should have reset many times";
    // A leak is memory that stays, and grows with the visits: the least of the later half of the
    // resets against the least of the earlier half. One visit's passing peak (a driver pool or a
    // re-bake's buffers, given back by a later reset) is reported, not failed.
    ASSERT_GE(after_warm_up.size(), static_cast<size_t>(2 * kSettledResets));
    const auto half = after_warm_up.begin() + static_cast<std::ptrdiff_t>(after_warm_up.size() / 2);
    const double early_mb = *std::min_element(after_warm_up.begin(), half);
    const double settled_mb = *std::min_element(half, after_warm_up.end());
    EXPECT_LT(settled_mb - early_mb, kMaxGrowthMb)
        << "resident memory grew from " << early_mb << " MB (the least of the earlier resets) to " << settled_mb
        << " MB (the least of the later ones)";
    std::cout << "soak: " << frames << " frames, " << visits << " visits, " << resets << " resets, resident "
              << warm_mb << " MB after warm-up, peak " << peak_mb << " MB, last "
              << (after_warm_up.empty() ? 0.0 : after_warm_up.back()) << " MB\n";
}

}  // namespace
}  // namespace thecaview::testing
