// The interactive viewer: a window, the panel, and orbit/pan/zoom with mouse, touch and touchpad.
#include <algorithm>
#include <cmath>
#include <iostream>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/commands.hpp"
#include "core/config.hpp"
#include "app/session.hpp"
#include "app/window.hpp"
#include "ui/fonts.hpp"
#include "ui/overlay.hpp"
#include "ui/panel.hpp"

namespace thecaview {

namespace {

constexpr long kSpreadStepsPerFrame = 6000;  // about 3 ms of the model on one core

// Camera gestures from ImGui's view of the mouse, when the panel does not want it.
// GLFW 3.3 has no touch events: a touch screen arrives as a mouse, so a one-finger drag is a
// left drag and orbits. Right or middle drag (or Shift + left) pans; the wheel and a touchpad's
// vertical scroll zoom; a touchpad's sideways scroll turns the model.
bool camera_input(ViewerState& state, const Viewport& vp) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureMouse) return false;
    const float h = static_cast<float>(std::max(vp.height, 1));
    const ImVec2 d = io.MouseDelta;
    bool moved = false;
    const bool dragging = d.x != 0.0f || d.y != 0.0f;
    if (dragging && (io.MouseDown[1] || io.MouseDown[2] || (io.MouseDown[0] && io.KeyShift))) {
        state.camera.pan(d.x / h, d.y / h);
        moved = true;
    } else if (dragging && io.MouseDown[0]) {
        state.camera.orbit(d.x / h, d.y / h);
        moved = true;
    }
    if (io.MouseWheel != 0.0f) {
        state.camera.zoom(io.MouseWheel);
        moved = true;
    }
    if (io.MouseWheelH != 0.0f) {
        state.camera.orbit(-io.MouseWheelH * 0.03f, 0.0f);
        moved = true;
    }
    if (moved) cancel_flight(state);
    return moved;
}

// The overlay's input, with the structure under a still pointer (read from the id target).
// The id target as last read back, for structure labels: one read when the image changes, not
// a read per grid point per frame.
struct IdSnapshot {
    std::vector<std::uint32_t> ids;  // R, G per pixel, top-down
    int width = 0;
    int height = 0;
    [[nodiscard]] std::uint32_t mask_at(int x, int y) const {
        if (x < 0 || y < 0 || x >= width || y >= height) return 0;
        return ids[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 2 + 1];
    }
};

OverlayInput overlay_input(Session& session, const ViewerState& state, const Viewport& vp, float scale, bool moved,
                           const IdSnapshot& snapshot) {
    const ImGuiIO& io = ImGui::GetIO();
    const float fb = io.DisplayFramebufferScale.x > 0.0f ? io.DisplayFramebufferScale.x : 1.0f;
    std::optional<Structure> hovered;
    if (!moved && !io.WantCaptureMouse && !io.MouseDown[0] && ImGui::IsMousePosValid()) {
        const int x = static_cast<int>(io.MousePos.x * fb) - vp.x;
        const int y = static_cast<int>(io.MousePos.y * fb) - vp.y;
        if (x >= 0 && y >= 0 && x < vp.width && y < vp.height) hovered = session.renderer.pick(x, y);
    }
    return {state,
            session.anatomy,
            static_cast<float>(vp.x) / fb,
            static_cast<float>(vp.y) / fb,
            static_cast<float>(vp.width) / fb,
            static_cast<float>(vp.height) / fb,
            scale,
            hovered,
            &content_for(session, state),
            [&snapshot, fb](int x, int y) {
                return snapshot.mask_at(static_cast<int>(static_cast<float>(x) * fb), static_cast<int>(static_cast<float>(y) * fb));
            }};
}

// Keyboard: left and right arrows step back and on, space plays or pauses, Home goes to the start.
PanelActions keyboard_actions(const ViewerState& state) {
    PanelActions a;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return a;
    const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    if (pressed(ImGuiKey_RightArrow)) a.select_step = state.step + 1;
    if (pressed(ImGuiKey_LeftArrow)) a.select_step = std::max(state.step - 1, 0);
    if (pressed(ImGuiKey_Home)) a.select_step = 0;
    if (pressed(ImGuiKey_Space)) a.autoplay = !state.autoplay;
    return a;
}

void report(const std::vector<std::string>& warnings) {
    for (const auto& w : warnings) std::cerr << "thecaview: warning: " << w << "\n";
}

}  // namespace

int run_viewer(const std::string& config_file, int frames) {
    const ConfigLoad config = load_config(config_file.empty() ? std::nullopt : std::optional<std::filesystem::path>(config_file));
    for (const auto& e : config.errors) std::cerr << "thecaview: config: " << e.to_string() << "\n";
    if (config.config.mode != Mode::classroom) {
        std::cerr << "thecaview: config: mode " << mode_name(config.config.mode)
                  << " is not available in this version; starting the classroom window\n";
    }
    std::string error;
    auto window = Window::open({1440, 900, true, "Thecaview"}, error);
    if (!window) {
        std::cerr << "thecaview: " << error << "\n";
        return 1;
    }
    auto session = open_session(error);
    if (!session) {
        std::cerr << "thecaview: " << error << "\n";
        return 1;
    }
    std::cerr << "thecaview: OpenGL " << window->gl().version << " on " << window->gl().renderer << "\n";

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the app writes no files of its own here
    const float scale = window->content_scale() * static_cast<float>(config.config.font_scale);
    if (auto message = setup_fonts_and_style(scale, config.config.theme == Theme::high_contrast); !message.empty()) {
        session->warnings.push_back(message);
    }
    report(session->warnings);
    ImGui_ImplGlfw_InitForOpenGL(window->handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    ViewerState state;
    if (auto v = find_view(session->views, "overview")) go_to_view(state, *v, false);
    if (content_has_language(*session, config.config.language)) state.language = config.config.language;
    state.reduced_motion = config.config.reduced_motion;
    double last = glfwGetTime();
    int busy_frames = 2;  // keep drawing briefly after any change so ImGui settles
    PreviewScale preview;
    RowBudget budget;
    IdSnapshot labels_snapshot;
    bool refining = false;  // samples are still being gathered for a still view

    for (int frame = 0; !glfwWindowShouldClose(window->handle()) && (frames == 0 || frame < frames); ++frame) {
        if (busy_frames > 0 || state.flight || refining) glfwPollEvents();
        else glfwWaitEventsTimeout(0.5);
        const double now = glfwGetTime();
        const float dt = static_cast<float>(now - last);
        last = now;

        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window->handle(), &fb_w, &fb_h);
        if (fb_w <= 0 || fb_h <= 0) continue;  // minimised: nothing to draw

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        // The drug view's model runs a few milliseconds a frame, never holding a frame up.
        InputErrors spread_errors;
        if (state.drug.shown) spread_errors = update_spread(*session, state, kSpreadStepsPerFrame);
        const bool spreading = state.drug.shown && session->spread && !session->spread->done();
        const PanelActions actions =
            draw_panel(panel_input(*session, state, scale, spread_errors), ImGui::GetIO().DisplaySize.y);
        const PanelActions keys = keyboard_actions(state);
        const bool acted = actions.any() || keys.any();
        apply_panel_actions(*session, state, actions, true);
        apply_panel_actions(*session, state, keys, true);
        const bool stepped = advance_step(state, content_for(*session, state), session->views, dt);
        const bool playing = (state.drug.shown && state.drug.playing) || stepped;
        if (playing) state.drug.time_h = std::fmod(state.drug.time_h + dt * state.drug.speed_h_per_s, kSpreadHorizonH);
        const Viewport vp = scene_viewport(fb_w, fb_h, true, scale);
        const bool moved = camera_input(state, vp) | advance_flight(state, dt) | playing;
        if (state.structure_labels && (labels_snapshot.ids.empty() || refining)) {
            labels_snapshot = {session->renderer.read_ids(), vp.width, vp.height};
            if (labels_snapshot.ids.size() != static_cast<std::size_t>(vp.width) * static_cast<std::size_t>(vp.height) * 2) {
                labels_snapshot = {};  // the view was resized: read again once traced
            }
        }
        draw_overlay(overlay_input(*session, state, vp, scale, moved, labels_snapshot));
        ImGui::Render();

        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        // Moving: one quick preview per frame. Still: one more sample per frame until clean.
        const double trace_start = glfwGetTime();
        const FrameQuality quality{moved ? preview.scale : 1.0f, 16, budget.rows};
        refining = draw_scene(*session, state, vp, fb_h, quality);
        if (refining) {
            glFinish();
            const auto frame_s = static_cast<float>(glfwGetTime() - trace_start);
            if (moved) preview.update(frame_s);
            else budget.update(frame_s, std::min(budget.rows, vp.height));
        }
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window->handle());

        const ImGuiIO& io = ImGui::GetIO();
        const bool input = io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseDown[0] ||
                           io.MouseWheel != 0.0f || !io.InputQueueCharacters.empty();
        busy_frames = (acted || moved || input || spreading) ? 3 : busy_frames - 1;
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return 0;
}

}  // namespace thecaview
