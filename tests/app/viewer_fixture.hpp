// Opens the real viewer in a small window (under Xvfb) and drives it with a simulated clock.
#pragma once

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/viewer.hpp"
#include "render/gl_context.hpp"

namespace thecaview::testing {

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

    bool windowed = true;  // kiosk and signage in a window; false: full screen, as deployed
    std::ostringstream log_text;
    BoundedLog log{{}, BoundedLog::kDefaultMaxBytes, &log_text};
    std::unique_ptr<Viewer> viewer;
    double now = 0.0;
    std::chrono::system_clock::time_point wall_clock = std::chrono::system_clock::now();
};

}  // namespace thecaview::testing
