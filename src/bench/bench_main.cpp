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
#include "core/frame.hpp"
#include "core/geometry/body_meshes.hpp"
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

// Process start to the first finished 1280x720 frame, as `thecaview render` does it, with empty
// Mesa shader and user caches (a fresh install).
double first_frame_ms(const std::string& binary, const std::filesystem::path& cache, const std::filesystem::path& out) {
    const std::string command = "MESA_SHADER_CACHE_DIR='" + cache.string() + "/mesa' XDG_CACHE_HOME='" + cache.string() +
                                "/user' '" + binary + "' render --samples 1 --out '" + out.string() + "' > /dev/null 2>&1";
    const auto start = Clock::now();
    const int status = std::system(command.c_str());
    return status == 0 ? ms_since(start) : -1.0;
}

void print(const char* name, double value) { std::cout << name << ": " << value << "\n"; }

// Where one frame's time goes: the frame drawn again with each pass finished and timed.
void print_passes(Renderer& renderer, const std::string& prefix, const std::function<void()>& frame) {
    renderer.time_passes(true);
    frame();
    renderer.time_passes(false);
    for (const Renderer::PassTime& p : renderer.pass_times()) print((prefix + "_pass_" + p.pass + "_ms").c_str(), p.ms);
}

}  // namespace

// Frames of the overview at one size: a moving frame (the flat pass timed beside each, as their
// ratio is what travels between runs), the converged still, the idle panel, an orbit.
void bench_size(OffscreenRenderer& offscreen, const ViewerState& start, int width, int height, const std::string& suffix) {
    Session& session = offscreen.session();
    Renderer& renderer = session.renderer;
    Framebuffer image;
    image.create(width, height, {{GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE}});
    image.bind_for_drawing();
    ViewerState state = start;
    int nudge = 0;
    std::vector<double> samples, flats;
    for (int i = 0; i < 9; ++i) {
        flats.push_back(median_ms(1, [&] { renderer.draw_flat(width, height); }));
        samples.push_back(median_ms(1, [&] {
            ViewerState s = state;
            s.camera.yaw_rad += 1e-4f * static_cast<float>(++nudge);
            renderer.render({describe_frame(s, session.anatomy, content_for(session, s), nullptr), width, height, true, 1});
        }));
    }
    std::sort(samples.begin(), samples.end());
    std::sort(flats.begin(), flats.end());
    const double sample = samples[4], flat = flats[4];
    print(("flat" + suffix + "_ms").c_str(), flat);
    print(("sample" + suffix + "_ms").c_str(), sample);
    print(("sample" + suffix + "_vs_flat").c_str(), sample / flat);
    print(("sample" + suffix + "_triangles").c_str(), static_cast<double>(renderer.triangles_drawn()));
    print_passes(renderer, "sample" + suffix, [&] {
        ViewerState s = state;
        s.camera.yaw_rad += 1e-4f * static_cast<float>(++nudge);
        renderer.render({describe_frame(s, session.anatomy, content_for(session, s), nullptr), width, height, true, 1});
    });

    // The converged still: every sample one pass per glFinish, the ids of the layers with the first.
    const int converged_samples = 5;  // the centre and the rotated grid of four
    std::vector<double> converged;
    for (int k = 0; k < 3; ++k) {
        ViewerState s = state;
        s.camera.yaw_rad += 1e-4f * static_cast<float>(++nudge);
        const SceneView view = describe_frame(s, session.anatomy, content_for(session, s), nullptr);
        double total = 0.0;
        for (int i = 0; i < converged_samples; ++i) total += median_ms(1, [&] { renderer.render({view, width, height, false, converged_samples}); });
        converged.push_back(total);
    }
    std::sort(converged.begin(), converged.end());
    print(("converged" + suffix + "_ms").c_str(), converged[1]);
    print(("converged" + suffix + "_samples").c_str(), converged_samples);
    {
        ViewerState s = state;
        s.camera.yaw_rad += 1e-4f * static_cast<float>(++nudge);
        const SceneView view = describe_frame(s, session.anatomy, content_for(session, s), nullptr);
        print_passes(renderer, "still_first" + suffix, [&] { renderer.render({view, width, height, false, 2}); });
        print_passes(renderer, "still_next" + suffix, [&] { renderer.render({view, width, height, false, 2}); });
    }

    // Only the panel changed: the finished image presented, the panel drawn over it.
    const Viewport vp = scene_viewport(width, height, true, offscreen.ui_scale());
    const FrameQuality still{false, converged_samples};
    while (draw_scene(session, state, vp, height, still)) {
    }
    offscreen.draw_ui(state, width, height);  // the UI's first frame settles its sizes
    const double idle = median_ms(15, [&] {
        image.bind_for_drawing();
        draw_scene(session, state, vp, height, still);
        offscreen.draw_ui(state, width, height, true, {}, true);
    });
    print(("idle_panel" + suffix + "_ms").c_str(), idle);
    print(("idle_present" + suffix + "_ms").c_str(), median_ms(15, [&] {
              image.bind_for_drawing();
              draw_scene(session, state, vp, height, still);
          }));
    print(("idle_ui" + suffix + "_ms").c_str(), median_ms(15, [&] {
              image.bind_for_drawing();
              offscreen.draw_ui(state, width, height, true, {}, true);
          }));

    // A 360-degree orbit in 120 frames at full resolution, the panel drawn.
    const int frames = 120;
    const auto orbit_start = Clock::now();
    for (int f = 0; f < frames; ++f) {
        state.camera.orbit(2.0f * 3.14159265f / static_cast<float>(frames), 0.0f);
        image.bind_for_drawing();
        draw_scene(session, state, vp, height, {true, 1});
        offscreen.draw_ui(state, width, height, true, {}, true);  // as the viewer: one layout a frame
        glFinish();
    }
    print(("orbit_fps" + suffix + "_full").c_str(), frames / (ms_since(orbit_start) / 1000.0));
    // The same orbit, each part finished and timed: the scene's frame, the panel.
    double scene_ms = 0.0, ui_ms = 0.0;
    for (int f = 0; f < frames; ++f) {
        state.camera.orbit(2.0f * 3.14159265f / static_cast<float>(frames), 0.0f);
        image.bind_for_drawing();
        scene_ms += median_ms(1, [&] { draw_scene(session, state, vp, height, {true, 1}); });
        ui_ms += median_ms(1, [&] { offscreen.draw_ui(state, width, height, true, {}, true); });
    }
    print(("orbit" + suffix + "_scene_ms").c_str(), scene_ms / frames);
    print(("orbit" + suffix + "_panel_ms").c_str(), ui_ms / frames);
}

int main(int argc, char** argv) {
    std::string error;
    auto offscreen = OffscreenRenderer::open(error);
    if (!offscreen) {
        std::cerr << "thecaview-bench: " << error << "\n";
        return 1;
    }
    std::cout << "renderer: " << offscreen->gl().renderer << "\n";
    RenderRequest request;
    request.size = {1280, 720};
    const auto described = offscreen->state_for(request, error);
    if (!described) {
        std::cerr << "thecaview-bench: " << error << "\n";
        return 1;
    }
    bench_size(*offscreen, *described, 1280, 720, "_720p");
    // `thecaview-bench BINARY --quick`: the 720p figures only, while working on the renderer.
    if (argc > 2 && std::string(argv[2]) == "--quick") return 0;
    bench_size(*offscreen, *described, 1920, 1080, "_1080p");

    // A non-default anatomy's meshes and bake (the 40 mL pump), as the viewer makes them.
    const auto bake_start = Clock::now();
    AnatomyOptions other;
    other.pump_reservoir_ml = 40;
    BodyMeshes body = mesh_body(BodyShape(build_anatomy(other)));
    bake_lighting(body);
    print("bake_ms", ms_since(bake_start));
    print("mesh_triangles", static_cast<double>(body.triangle_count()));
    print("mesh_moving_triangles", static_cast<double>(body.moving_triangle_count()));

    const std::string binary = argc > 1 ? argv[1] : "";
    if (!binary.empty()) {
        const auto dir = std::filesystem::temp_directory_path() / "thecaview-bench-cache";
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        print("first_frame_fresh_ms", first_frame_ms(binary, dir, dir / "frame.png"));
        print("first_frame_warm_ms", first_frame_ms(binary, dir, dir / "frame.png"));
        std::filesystem::remove_all(dir);
    }
    return 0;
}
