// Opens the real viewer in a small window (under Xvfb) and drives it with a simulated clock.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "app/viewer.hpp"
#include "render/gl_context.hpp"

namespace thecaview::testing {

// The index of a shipped step, by its id.
inline int shipped_step(const std::string& id) {
    const auto load = parse_procedure(built_in_procedure_json(), "<built-in>",
                                      {"overview", "back", "side", "pump", "tip", "spread", "cross_section"});
    for (std::size_t i = 0; i < load.content.steps.size(); ++i) {
        if (load.content.steps[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

// A touch on step `step`'s "Save the handout" or "Print a handout" button.
inline SimulatedInput ask_for_handout(const std::string& step) {
    SimulatedInput in;
    in.touch = true;
    in.actions.select_step = shipped_step(step);
    in.actions.handout = true;
    return in;
}

class ViewerFixture : public ::testing::Test {
protected:
    void TearDown() override { viewer.reset(); }

    // Opens a viewer in `mode`, windowed at w x h, one sample per pixel so frames stay quick.
    void open(Mode mode, int w = 320, int h = 200, Config config = {}, ViewerOptions options = {}) {
        config.mode = mode;
        config.samples = 1;
        options.config = config;
        options.width = w;
        options.height = h;
        options.windowed = windowed;
        options.wall_clock = [this] { return wall_clock; };
        std::string error;
        viewer = Viewer::open(options, log, error);
        ASSERT_TRUE(viewer) << error;
    }

    // Runs frames of dt seconds of simulated time; returns false if the viewer stopped.
    bool run(double seconds, double dt = 0.1, const SimulatedInput& input = {}) {
        for (double end = now + seconds; now < end;) {
            now += dt;
            if (!viewer->frame(now, &input)) return false;
        }
        return true;
    }
    bool once(const SimulatedInput& input) {
        now += 0.1;
        return viewer->frame(now, &input);
    }

    // Frames go on, in real time, while the handout is made (and printed) in child processes.
    bool wait_for_handout() {
        for (int i = 0; i < 1200 && viewer->handout().busy(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (!once({})) return false;
        }
        return !viewer->handout().busy();
    }

    bool windowed = true;  // kiosk and signage in a window; false: full screen, as deployed
    std::ostringstream log_text;
    BoundedLog log{{}, BoundedLog::kDefaultMaxBytes, &log_text};
    std::unique_ptr<Viewer> viewer;
    double now = 0.0;
    std::chrono::system_clock::time_point wall_clock = std::chrono::system_clock::now();
};

}  // namespace thecaview::testing
