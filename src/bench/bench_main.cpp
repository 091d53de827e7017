// thecaview-bench: the performance figures of docs/performance.md, one `name: value` per line.
// GL work is timed one pass per glFinish (llvmpipe skips tiles a later pass overwrites, so
// batched passes would read falsely fast); each figure is the median of several passes.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <glad/gl.h>

#include "app/offscreen.hpp"
#include "render/framebuffer.hpp"

using namespace thecaview;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Median time of `runs` calls of pass(), each finished with glFinish.
double median_ms(int runs, const std::function<void()>& pass) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        pass();
        glFinish();
        times.push_back(ms_since(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Process start to the first finished 1280x720 frame, as `thecaview render` does it.
double first_frame_ms(const std::string& binary, const std::filesystem::path& cache, const std::filesystem::path& out) {
    const std::string command = "MESA_SHADER_CACHE_DIR='" + cache.string() + "' '" + binary +
                                "' render --samples 1 --out '" + out.string() + "' > /dev/null 2>&1";
    const auto start = Clock::now();
    const int status = std::system(command.c_str());
    return status == 0 ? ms_since(start) : -1.0;
}

void print(const char* name, double value) { std::cout << name << ": " << value << "\n"; }

}  // namespace

int main(int argc, char** argv) {
    const int width = 1280, height = 720;
    std::string error;
    auto offscreen = OffscreenRenderer::open(error);
    if (!offscreen) {
        std::cerr << "thecaview-bench: " << error << "\n";
        return 1;
    }
    std::cout << "renderer: " << offscreen->gl().renderer << "\n";
    Session& session = offscreen->session();
    Renderer& renderer = session.renderer;
    RenderRequest request;
    request.size = {width, height};
    const auto described = offscreen->state_for(request, error);
    if (!described) {
        std::cerr << "thecaview-bench: " << error << "\n";
        return 1;
    }
    ViewerState state = *described;
    Framebuffer image;
    image.create(width, height, {{GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE}});
    image.bind_for_drawing();

    const double flat = median_ms(15, [&] { renderer.draw_flat(width, height); });
    print("flat_720p_ms", flat);

    // One full-resolution sample: nudge the camera each time so the trace is never skipped.
    int nudge = 0;
    const double trace = median_ms(5, [&] {
        ViewerState s = state;
        s.camera.yaw_rad += 1e-4f * static_cast<float>(++nudge);
        renderer.trace({scene_view(s, session.anatomy), width, height, 1.0f, 1});
    });
    print("trace_720p_ms", trace);
    print("trace_720p_vs_flat", trace / flat);

    // A frame where nothing changed: the converged image presented and the panel drawn over it.
    const Viewport vp = scene_viewport(width, height, true, offscreen->ui_scale());
    const FrameQuality still{1.0f, 1};
    while (draw_scene(session, state, vp, height, still)) {
    }
    const double idle = median_ms(15, [&] {
        image.bind_for_drawing();
        draw_scene(session, state, vp, height, still);
        offscreen->draw_ui(state, width, height);
    });
    print("idle_frame_ms", idle);
    print("idle_frame_vs_flat", idle / flat);

    // Orbiting: previews at the scale the viewer's controller settles on.
    PreviewScale preview;
    const int frames = 40;
    const auto orbit_start = Clock::now();
    for (int f = 0; f < frames; ++f) {
        const auto frame_start = Clock::now();
        state.camera.orbit(0.01f, 0.0f);
        image.bind_for_drawing();
        draw_scene(session, state, vp, height, {preview.scale, 1});
        glFinish();
        preview.update(static_cast<float>(ms_since(frame_start) / 1000.0));
    }
    print("orbit_fps_720p", frames / (ms_since(orbit_start) / 1000.0));
    print("orbit_preview_scale", preview.scale);

    const std::string binary = argc > 1 ? argv[1] : "";
    if (!binary.empty()) {
        const auto dir = std::filesystem::temp_directory_path() / "thecaview-bench-cache";
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        print("first_frame_cold_ms", first_frame_ms(binary, dir, dir / "frame.png"));
        print("first_frame_ms", first_frame_ms(binary, dir, dir / "frame.png"));
        std::filesystem::remove_all(dir);
    }
    return 0;
}
