// The viewer's frame loop, shared by every mode: input, panel, camera, tracing, ImGui, and the
// window-system callbacks that keep a kiosk up. Mode-specific screens are in viewer_modes.cpp.
//
// Index: set-up and ImGui | input | one frame | run_viewer (the command)
#include "app/viewer.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/commands.hpp"
#include "core/handout.hpp"
#include "core/hash.hpp"
#include "core/signage.hpp"
#include "core/user_dirs.hpp"
#include "ui/overlay.hpp"

namespace thecaview {

namespace {
constexpr long kSpreadStepsPerFrame = 6000;  // about 3 ms of the model on one core
constexpr float kPresenterFontScale = 1.5f;
constexpr float kKioskFontScale = 1.3f;  // walk-up readers stand back from a touch screen
constexpr double kHideCursorAfterS = 3.0;

Viewer* viewer_of(GLFWwindow* w) { return static_cast<Viewer*>(glfwGetWindowUserPointer(w)); }

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

}  // namespace

// ---- set-up and ImGui --------------------------------------------------------------------

Viewer::Viewer(const ViewerOptions& options, BoundedLog& log)
    : options_(options), log_(log), kiosk_(options.config.idle_timeout_s), pin_(options.config.pin) {}

std::unique_ptr<Viewer> Viewer::open(const ViewerOptions& options, BoundedLog& log, std::string& error) {
    std::unique_ptr<Viewer> v(new Viewer(options, log));
    const Config& config = options.config;
    const bool full_screen = config.mode != Mode::classroom && !options.windowed;
    AnatomyOptions anatomy;
    anatomy.body = config.body;
    auto start = start_session(error, anatomy);
    if (!start) return nullptr;
    v->window_ = Window::open({options.width, options.height, options.visible, "Thecaview", full_screen, config.monitor}, error);
    if (!v->window_) return nullptr;
    if (!v->window_->monitor_note().empty()) log.warn(v->window_->monitor_note());
    v->session_ = open_session(std::move(*start), error);
    if (!v->session_) return nullptr;
    v->session_->bake_in_background = true;  // another pump's body: never a frozen window
    v->session_->contacts = config.contacts;
    log.info("OpenGL " + v->window_->gl().version + " on " + v->window_->gl().renderer + "; " +
             std::string(mode_name(config.mode)) + " mode");
    for (const auto& w : v->session_->warnings) log.warn(w);
    if (config.mode == Mode::classroom && !options.state_file.empty()) {
        const PreferencesLoad prefs = load_preferences(options.state_file);
        for (const auto& e : prefs.errors) log.warn("state: " + e.to_string());
        v->preferences_ = v->saved_preferences_ = prefs.preferences;
    }
    v->start_language_ = v->usual_language();
    v->install_window_callbacks();
    v->start_imgui();
    v->state_ = v->initial_state();
    v->saved_preferences_ = v->preferences_ = v->preferences_from_state();  // nothing to write yet
    return v;
}

Viewer::~Viewer() {
    if (imgui_running_) stop_imgui();
    session_.reset();  // GL objects go before the context does
}

GLFWwindow* Viewer::window() const { return window_->handle(); }

// A kiosk or a signage screen stays up: close requests are refused, a minimised window comes back
// and focus is taken back (where the window system allows; docs/deployment.md shows the locked-down
// session that stops the rest).
void Viewer::install_window_callbacks() {
    GLFWwindow* w = window_->handle();
    glfwSetWindowUserPointer(w, this);
    glfwSetWindowCloseCallback(w, [](GLFWwindow* win) {
        Viewer* v = viewer_of(win);
        if (v->mode() == Mode::classroom) return;
        glfwSetWindowShouldClose(win, GLFW_FALSE);
        v->log_.warn("refused a request to close the window (" + std::string(mode_name(v->mode())) +
                     " mode; the operator exits with Ctrl+Alt+Shift+E and the PIN)");
    });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* win) { viewer_of(win)->redraw_ = true; });
    glfwSetWindowIconifyCallback(w, [](GLFWwindow* win, int iconified) {
        if (iconified && viewer_of(win)->mode() != Mode::classroom) glfwRestoreWindow(win);
    });
    // Set before ImGui's backend, which chains to it.
    glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int focused) {
        Viewer* v = viewer_of(win);
        if (v->mode() != Mode::classroom) v->focus_lost_ = !focused;
    });
}

float Viewer::ui_scale() const {
    float mode_scale = 1.0f;
    if (mode() == Mode::classroom && preferences_.presenter_font) mode_scale = kPresenterFontScale;
    if (mode() == Mode::kiosk) mode_scale = kKioskFontScale;
    return window_->content_scale() * static_cast<float>(options_.config.font_scale) * mode_scale;
}

void Viewer::rebuild_fonts() {
    int w = 0, h = 0;
    glfwGetWindowSize(window_->handle(), &w, &h);
    const float scale = ui_scale();
    // Captions readable from 3 m: at least 4 % of the screen's height.
    const float caption_px = std::max(0.045f * static_cast<float>(h), 26.0f * scale);
    fonts_ = setup_fonts_and_style({scale, options_.config.theme == Theme::high_contrast,
                                    options_.config.mode == Mode::kiosk, caption_px});
    if (!fonts_.message.empty()) log_.warn(fonts_.message);
    if (imgui_running_) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void Viewer::start_imgui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the app writes no files of its own here
    io.LogFilename = nullptr;
    // ImGui's GLFW backend sets the cursor every frame; kiosk and signage hide it themselves.
    if (mode() != Mode::classroom) io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    rebuild_fonts();
    ImGui_ImplGlfw_InitForOpenGL(window_->handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_running_ = true;
}

void Viewer::stop_imgui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    imgui_running_ = false;
}

std::string Viewer::usual_language() const {
    return content_has_language(*session_, options_.config.language) ? options_.config.language : "en";
}

ViewerState Viewer::initial_state() const {
    ViewerState s;
    const Config& config = options_.config;
    s.reduced_motion = config.reduced_motion;
    s.skin_tone = config.skin_tone;
    s.anatomy.body = config.body;
    s.language = usual_language();
    if (mode() == Mode::classroom) {
        if (!preferences_.language.empty() && content_has_language(*session_, preferences_.language)) {
            s.language = preferences_.language;
        }
        s.audience = preferences_.audience;
        s.level_markers = preferences_.level_markers;
        s.structure_labels = preferences_.structure_labels;
    }
    if (auto v = find_view(session_->views, "overview")) go_to_view(s, *v, false);
    if (mode() != Mode::classroom) {  // the tour, from the start, as a patient sees it
        go_to_step(s, content_for(*session_, s), session_->views, 0, false);
        s.autoplay = true;
        s.captions_only = true;  // signage's captions, the kiosk's attract loop
    }
    return s;
}

// ---- input -------------------------------------------------------------------------------

bool Viewer::person_input(const SimulatedInput* simulated) const {
    if (simulated) {
        return simulated->touch || simulated->start_visit || simulated->start_language || simulated->actions.any() ||
               simulated->screenshot || simulated->presenter_font || simulated->operator_chord ||
               !simulated->pin_keys.empty();
    }
    const ImGuiIO& io = ImGui::GetIO();
    const bool moved = ImGui::IsMousePosValid() && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f);
    const bool keys = std::any_of(std::begin(io.KeysDown), std::end(io.KeysDown), [](bool down) { return down; });
    const bool buttons = std::any_of(std::begin(io.MouseDown), std::end(io.MouseDown), [](bool down) { return down; });
    return moved || keys || buttons || io.MouseWheel != 0.0f || io.MouseWheelH != 0.0f || !io.InputQueueCharacters.empty();
}

// Left and right arrows step back and on, space plays or pauses, Home goes to the start.
PanelActions Viewer::keyboard_actions() const {
    PanelActions a;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || pin_.is_open()) return a;
    const auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); };
    if (pressed(ImGuiKey_RightArrow)) a.select_step = state_.step + 1;
    if (pressed(ImGuiKey_LeftArrow)) a.select_step = std::max(state_.step - 1, 0);
    if (pressed(ImGuiKey_Home)) a.select_step = 0;
    if (pressed(ImGuiKey_Space)) a.autoplay = !state_.autoplay;
    return a;
}

// Ctrl+Alt+Shift+E opens the PIN pad (kiosk and signage); with the pad open, digits, Backspace,
// Enter and Escape work from a keyboard too.
void Viewer::operator_chord(const SimulatedInput* simulated) {
    if (mode() == Mode::classroom) return;
    const ImGuiIO& io = ImGui::GetIO();
    const bool chord = io.KeyCtrl && io.KeyAlt && io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_E, false);
    if (chord || (simulated && simulated->operator_chord)) {
        if (pin_.enabled()) {
            pin_.open();
            pin_message_.clear();
        } else {
            log_.warn("operator exit is off (no PIN in the config); stop Thecaview through its service manager");
        }
    }
    if (!pin_.is_open()) return;
    for (const ImWchar ch : io.InputQueueCharacters) pin_.type(static_cast<char>(ch));
    if (ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE)) pin_.erase();
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) pin_.close();
    if (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false)) submit_pin();
    for (const char key : simulated ? simulated->pin_keys : std::string()) {
        if (key == '\n') submit_pin();
        else pin_.type(key);
    }
}

void Viewer::submit_pin() {
    const auto result = pin_.submit();
    if (result == PinPad::Result::accepted) {
        log_.info("operator exit with the PIN");
        stop_ = true;
    } else if (result == PinPad::Result::wrong) {
        pin_message_ = content_for(*session_, state_).format("pin_wrong", {{"tries", std::to_string(pin_.tries_left())}});
    } else if (result == PinPad::Result::locked) {
        log_.warn("three wrong PINs at the operator exit; the pad is locked for a minute");
    }
}

// Kiosk: the pointer hides after a few still seconds; signage: it never shows.
void Viewer::update_cursor(bool input, double dt_s) {
    if (mode() == Mode::classroom) return;
    const ImGuiIO& io = ImGui::GetIO();
    const bool pointer_moved = io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || (input && io.MouseDown[0]);
    pointer_still_s_ = pointer_moved ? 0.0 : pointer_still_s_ + dt_s;
    const bool hide = mode() == Mode::signage || pointer_still_s_ >= kHideCursorAfterS;
    if (hide == cursor_hidden_) return;
    glfwSetInputMode(window_->handle(), GLFW_CURSOR, hide ? GLFW_CURSOR_HIDDEN : GLFW_CURSOR_NORMAL);
    cursor_hidden_ = hide;
}

// ---- one frame ---------------------------------------------------------------------------

bool Viewer::frame(double now_s, const SimulatedInput* simulated) {
    if (stop_) return false;
    GLFWwindow* w = window_->handle();
    if (imgui_stale_) {  // a kiosk reset: nothing of the last visitor's UI survives
        stop_imgui();
        start_imgui();
        imgui_stale_ = fonts_stale_ = false;
    }
    if (fonts_stale_) {
        rebuild_fonts();
        fonts_stale_ = false;
    }
    // Spin while the picture changes; wait for input otherwise, waking 30 times a second while
    // clocks run (autoplay, the kiosk's idle timer, signage's drift) and once a second when dark.
    const bool changing = busy_frames_ > 0 || state_.flight || refining_ || pin_.is_open() || session_->pending_body;
    const bool clocks = state_.autoplay || mode() != Mode::classroom;
    if (simulated || (changing && !dark_)) glfwPollEvents();
    else glfwWaitEventsTimeout(dark_ ? 1.0 : (clocks ? 1.0 / 30.0 : 0.5));
    const double dt = last_now_s_ < 0.0 ? 0.0 : std::max(now_s - last_now_s_, 0.0);
    last_now_s_ = now_s;
    if (glfwWindowShouldClose(w)) return false;
    if (focus_lost_ && (refocus_wait_s_ -= dt) <= 0.0) {
        glfwFocusWindow(w);
        refocus_wait_s_ = 2.0;
    }
    dark_ = mode() == Mode::signage &&
            screen_dark(options_.config.opening_hours, local_minute_of_day(options_.wall_clock()));
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(w, &fb_w, &fb_h);
    if (fb_w <= 0 || fb_h <= 0) {  // minimised or zero-size: nothing to draw, but the idle clock runs
        if (mode() == Mode::kiosk && kiosk_.tick(dt, false)) forget_visitor();
        return !stop_;
    }

    poll_handout();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const bool input = person_input(simulated);
    update_cursor(input, dt);
    operator_chord(simulated);  // works while dark too: the operator can always leave
    pin_.tick(dt, input);
    drew_ = false;
    const bool moved = dark_ ? dark_frame(fb_w, fb_h) : live_frame(now_s, dt, fb_w, fb_h, simulated);
    if (drew_) {
        glfwSwapBuffers(w);
        ++gl_frames_;
    }

    // Watching the tour or the medicine's days, or reading a question, is not idle; a tour waiting
    // at a question nobody answers is, once the question's reading time is up.
    const bool watched = (state_.autoplay && !state_.quiz) || state_.flight || (state_.drug.shown && state_.drug.playing) ||
                         quiz_being_read(state_, content_for(*session_, state_)) || handout_.busy();
    if (mode() == Mode::kiosk && kiosk_.tick(dt, input, watched)) forget_visitor();
    if (mode() == Mode::classroom) remember_preferences();
    const bool spreading = state_.drug.shown && session_->spread && !session_->spread->done();
    busy_frames_ = (input || moved || spreading) ? 3 : busy_frames_ - 1;
    ++frames_drawn_;
    return !stop_;
}

// Outside opening hours: a black screen, and the PIN pad when the operator asks for it.
bool Viewer::dark_frame(int fb_w, int fb_h) {
    if (pin_.is_open()) pin_pad_ui();
    ImGui::Render();
    if (!must_draw(fb_w, fb_h, false)) return false;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return false;
}

// The scene, the panel and the mode's screens; returns whether the picture moved.
bool Viewer::live_frame(double now_s, double dt, int fb_w, int fb_h, const SimulatedInput* simulated) {
    const bool panel = mode() == Mode::classroom || (mode() == Mode::kiosk && !kiosk_.on_start_screen());
    const Viewport vp = scene_viewport(fb_w, fb_h, panel, ui_scale(), state_.drug.shown && session_->spread);
    if (vp.width > 0 && vp.height > 0) {
        set_view_aspect(state_, session_->views, static_cast<float>(vp.width) / static_cast<float>(vp.height));
    }
    state_.captions_only = !panel;  // signage and the attract loop: autoplay waits for the captions' words
    // A kiosk visit's tour and drug days play once, then the idle clock runs; loops elsewhere.
    const bool visit = mode() == Mode::kiosk && panel;
    state_.autoplay_loops = !visit;
    const bool stepped = advance_step(state_, content_for(*session_, state_), session_->views, static_cast<float>(dt));
    const bool animation = step_animates(state_, content_for(*session_, state_));
    const bool playing = state_.drug.shown && state_.drug.playing;
    if (playing) {
        const double t = state_.drug.time_h + dt * state_.drug.speed_h_per_s;
        if (visit && t >= kSpreadHorizonH) {
            state_.drug.time_h = kSpreadHorizonH;
            state_.drug.playing = false;
        } else {
            state_.drug.time_h = std::fmod(t, kSpreadHorizonH);
        }
    }
    scene_ui(vp, stepped, panel, simulated);
    if (mode() == Mode::kiosk) kiosk_ui(simulated);
    if (mode() == Mode::signage) signage_ui(now_s);
    const bool gestures = panel && !pin_.is_open() && camera_input(state_, vp);
    const bool flying = advance_flight(state_, static_cast<float>(dt));
    const bool swaying = (mode() == Mode::signage || on_start_screen()) && sway_camera(now_s);
    const bool moved = gestures || flying || swaying || stepped || animation || playing;
    ImGui::Render();
    const FrameRequest request = frame_request(*session_, state_, vp, {moved, options_.config.samples});
    refining_ = false;
    if (!must_draw(fb_w, fb_h, session_->renderer.needs_frame(request))) return moved;
    refining_ = draw(vp, fb_w, fb_h, request);
    if (screenshot_wanted_) take_screenshot(fb_w, fb_h);
    return moved;
}

// The panel (classroom, kiosk visit) and the overlays over the 3D view.
void Viewer::scene_ui(const Viewport& vp, bool moved, bool panel, const SimulatedInput* simulated) {
    Session& s = *session_;
    InputErrors spread_errors;
    if (state_.drug.shown) spread_errors = update_spread(s, state_, kSpreadStepsPerFrame);
    const float scale = ui_scale();
    PanelActions actions;
    if (panel) {
        PanelInput in = panel_input(s, state_, scale, std::move(spread_errors));
        if (mode() == Mode::classroom) in.text = &panel_text_;  // a kiosk reads and writes no files
        if (mode() == Mode::classroom) in.handout_button = content_for(s, state_).text("handout_save");
        else if (!options_.config.printer_command.empty()) in.handout_button = content_for(s, state_).text("handout_print");
        // A kiosk prints one handout a visit.
        in.handout_busy = handout_.busy() || (mode() == Mode::kiosk && handout_.state() == HandoutJob::State::printed);
        in.handout_message = handout_message();
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        actions = draw_panel(in, screen_layout(display.x, display.y, true, in.scale, state_.drug.shown && s.spread));
        apply_panel_actions(s, state_, actions, true);
        apply_panel_actions(s, state_, keyboard_actions(), true);
        if (simulated) apply_panel_actions(s, state_, simulated->actions, true);
        // The button is on the steps that offer the handout (offers_handout), once a job is done.
        const bool asked = actions.handout || (simulated && simulated->actions.handout);
        const ProcedureContent& c = content_for(s, state_);
        if (asked && !in.handout_button.empty() && !in.handout_busy && !c.steps.empty() &&
            offers_handout(current_step(state_, c))) {
            start_handout();
        }
    } else if (simulated) {
        apply_panel_actions(s, state_, simulated->actions, true);
    }
    if (panel) quiz_tap(vp);
    if (mode() == Mode::classroom) classroom_ui(vp, simulated);
    if (on_start_screen()) return;  // the start screen covers the view

    const ImGuiIO& io = ImGui::GetIO();
    const float fb = io.DisplayFramebufferScale.x > 0.0f ? io.DisplayFramebufferScale.x : 1.0f;
    if ((state_.structure_labels || state_.label_mask) && (labels_.ids.empty() || refining_)) {
        labels_ = {s.renderer.read_ids(), vp.width, vp.height};
        if (labels_.ids.size() != static_cast<std::size_t>(vp.width) * static_cast<std::size_t>(vp.height)) {
            labels_ = {};  // the view was resized: read again once traced
        }
    }
    std::optional<Structure> hovered;
    if (!moved && !io.WantCaptureMouse && !io.MouseDown[0] && ImGui::IsMousePosValid() && !cursor_hidden_) {
        const int x = static_cast<int>(io.MousePos.x * fb) - vp.x;
        const int y = static_cast<int>(io.MousePos.y * fb) - vp.y;
        if (x >= 0 && y >= 0 && x < vp.width && y < vp.height) hovered = s.renderer.pick(x, y);
    }
    const IdSnapshot& snapshot = labels_;
    OverlayInput overlay{state_, s.anatomy, static_cast<float>(vp.x) / fb, static_cast<float>(vp.y) / fb,
                         static_cast<float>(vp.width) / fb, static_cast<float>(vp.height) / fb, scale, hovered,
                         &content_for(s, state_), [&snapshot, fb](int x, int y) -> StructureMask {
                             const int px = static_cast<int>(static_cast<float>(x) * fb);
                             const int py = static_cast<int>(static_cast<float>(y) * fb);
                             if (px < 0 || py < 0 || px >= snapshot.width || py >= snapshot.height) return 0;
                             return snapshot.ids[static_cast<std::size_t>(py) * static_cast<std::size_t>(snapshot.width) +
                                                 static_cast<std::size_t>(px)].mask;
                         },
                         mode() != Mode::signage, std::nullopt};
    if (const auto building = body_progress(s)) overlay.body_building = {{building->options.pump_reservoir_ml, building->done}};
    draw_overlay(overlay);
}

// A tap on the picture answers an open "tap where ..." question: a press and release that hardly
// moved (a drag turns the camera), over the 3D view.
void Viewer::quiz_tap(const Viewport& vp) {
    if (!state_.quiz || state_.quiz->chosen) return;
    const QuizQuestion* q = current_question(*state_.quiz, content_for(*session_, state_));
    const ImGuiIO& io = ImGui::GetIO();
    if (!q || !q->tap || io.WantCaptureMouse || !ImGui::IsMouseReleased(0) || io.MouseDragMaxDistanceSqr[0] > 64.0f) return;
    const float fb = io.DisplayFramebufferScale.x > 0.0f ? io.DisplayFramebufferScale.x : 1.0f;
    const int x = static_cast<int>(io.MousePos.x * fb) - vp.x;
    const int y = static_cast<int>(io.MousePos.y * fb) - vp.y;
    if (x < 0 || y < 0 || x >= vp.width || y >= vp.height) return;
    const auto hit = session_->renderer.pick(x, y);
    PanelActions a;
    a.quiz_tap = hit ? static_cast<std::uint32_t>(*hit) : 0u;
    apply_panel_actions(*session_, state_, a, true);
}

// Moving: one frame at the moving level of detail. Still: one more sample per frame until the
// configured count. Returns whether it rendered.
bool Viewer::draw(const Viewport& vp, int fb_w, int fb_h, const FrameRequest& request) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const bool traced = draw_frame(*session_, request, vp, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return traced;
}

namespace {
// A fingerprint of what ImGui is about to draw: its vertices, indices and commands.
std::uint64_t ui_fingerprint(const ImDrawData* d) {
    std::uint64_t h = kFnvOffset;
    if (!d) return h;
    h = fnv1a(&d->DisplaySize, sizeof d->DisplaySize, h);
    for (int i = 0; i < d->CmdListsCount; ++i) {
        const ImDrawList* list = d->CmdLists[i];
        h = fnv1a(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert), h);
        h = fnv1a(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx), h);
        for (const ImDrawCmd& c : list->CmdBuffer) {
            h = fnv1a(&c.ClipRect, sizeof c.ClipRect, h);
            h = fnv1a(&c.TextureId, sizeof c.TextureId, h);
            const std::uint32_t counts[] = {c.ElemCount, c.IdxOffset, c.VtxOffset};
            h = fnv1a(counts, sizeof counts, h);
        }
    }
    return h;
}
}  // namespace

// Whether this frame draws: the scene has something new, the UI draws anything else than last
// time, the size changed, a screenshot is wanted or the window system lost the picture. When not,
// the frame does no GL work and swaps nothing: the screen keeps the last picture.
bool Viewer::must_draw(int fb_w, int fb_h, bool scene_new) {
    const std::uint64_t ui = ui_fingerprint(ImGui::GetDrawData());
    drew_ = scene_new || redraw_ || screenshot_wanted_ || ui != ui_fingerprint_ || fb_w != drawn_w_ || fb_h != drawn_h_;
    ui_fingerprint_ = ui;
    drawn_w_ = fb_w;
    drawn_h_ = fb_h;
    redraw_ = false;
    return drew_;
}

// ---- run_viewer (the command) ------------------------------------------------------------

int run_viewer(const ViewerCommand& command) {
    const ConfigLoad load = load_config(command.config.empty() ? std::nullopt : std::optional<std::filesystem::path>(command.config));
    Config config = load.config;
    if (command.mode) config.mode = *command.mode;
    if (command.language) config.language = *command.language;
    if (command.monitor) config.monitor = *command.monitor;
    if (command.font_scale) config.font_scale = *command.font_scale;
    if (command.idle_timeout_s) config.idle_timeout_s = *command.idle_timeout_s;
    if (command.samples) config.samples = *command.samples;
    if (command.high_contrast) config.theme = Theme::high_contrast;
    if (command.reduced_motion) config.reduced_motion = true;

    // Unattended modes keep a bounded log file as well as standard error (the journal).
    const bool unattended = config.mode != Mode::classroom;
    BoundedLog log(unattended ? state_dir() / "thecaview.log" : std::filesystem::path(), BoundedLog::kDefaultMaxBytes, &std::cerr);
    for (const auto& e : load.errors) log.warn("config: " + e.to_string());
    if (config.mode == Mode::kiosk && config.pin_malformed) {
        log.error("kiosk mode not started: the config's pin (" + load.source +
                  ") must be 4 to 8 digits in quotes; fix it, or remove it to run with operator exit off");
        return 2;
    }
    if (config.mode == Mode::kiosk && config.pin.empty()) {
        log.warn("no PIN in the config: operator exit is off; stop the kiosk through its service manager "
                 "(systemctl --user stop thecaview-kiosk)");
    }
    ViewerOptions options;
    options.config = config;
    options.windowed = command.windowed;
    if (command.size) {
        options.width = command.size->width;
        options.height = command.size->height;
    }
    if (config.mode == Mode::classroom) options.state_file = state_dir() / "state.json";
    options.pictures_dir = pictures_dir();
    options.documents_dir = documents_dir();
    if (load.source != "<built-in defaults>") options.config_file = load.source;
    std::error_code ec;
    options.program = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::string error;
    auto viewer = Viewer::open(options, log, error);
    if (!viewer) {
        log.error(error);
        return 1;
    }
    for (int frame = 0; command.frames == 0 || frame < command.frames; ++frame) {
        if (!viewer->frame(glfwGetTime())) break;
    }
    return viewer->exit_code();
}

}  // namespace thecaview
