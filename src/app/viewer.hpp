// The interactive app in its three modes, one frame at a time so tests can drive it with their
// own clock: classroom (every tool), kiosk (walk-up, resets itself) and signage (unattended loop).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/handout_job.hpp"
#include "app/session.hpp"
#include "app/window.hpp"
#include "core/config.hpp"
#include "core/kiosk.hpp"
#include "core/log.hpp"
#include "core/preferences.hpp"
#include "core/viewer_state.hpp"
#include "ui/fonts.hpp"
#include "ui/panel.hpp"

struct GLFWwindow;

namespace thecaview {

struct ViewerOptions {
    Config config;                       // after the command line's overrides
    int width = 1440;                    // the classroom window (and kiosk or signage when windowed)
    int height = 900;
    bool windowed = false;               // kiosk or signage in a window rather than full screen
    bool visible = true;
    std::filesystem::path state_file;    // classroom preferences; empty: nothing is remembered
    std::filesystem::path pictures_dir;  // where screenshots go
    std::filesystem::path documents_dir; // where the classroom saves handouts
    std::filesystem::path config_file;   // the config read (passed on to the handout); empty: none
    std::filesystem::path program;       // this executable, run to make a handout
    // The wall clock, for opening hours (tests replace it).
    std::function<std::chrono::system_clock::time_point()> wall_clock = [] { return std::chrono::system_clock::now(); };
};

// What a test does in place of a person: the same actions a touch on the panel or the start
// screen would produce, applied through the same code.
struct SimulatedInput {
    PanelActions actions;
    bool touch = false;        // counts as a person being there
    bool start_visit = false;  // "Touch to start"
    std::optional<std::string> start_language;
    bool screenshot = false;      // the classroom's Screenshot button
    bool presenter_font = false;  // the classroom's Presenter font switch
    bool operator_chord = false;  // Ctrl+Alt+Shift+E
    std::string pin_keys;         // typed on the PIN pad; '\n' is Enter
};

class Viewer {
public:
    // Opens the window and loads everything. nullptr with `error` when the app cannot run.
    static std::unique_ptr<Viewer> open(const ViewerOptions& options, BoundedLog& log, std::string& error);
    ~Viewer();
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;

    // One frame at monotonic time now_s. With `simulated`, input comes from it and the frame never
    // waits for events. Returns false once the app should stop (closed, or the operator's exit).
    bool frame(double now_s, const SimulatedInput* simulated = nullptr);

    [[nodiscard]] int exit_code() const { return exit_code_; }
    [[nodiscard]] const ViewerState& state() const { return state_; }
    [[nodiscard]] Session& session() { return *session_; }
    [[nodiscard]] GLFWwindow* window() const;
    [[nodiscard]] const HandoutJob& handout() const { return handout_; }
    [[nodiscard]] Mode mode() const { return options_.config.mode; }
    [[nodiscard]] bool on_start_screen() const { return mode() == Mode::kiosk && kiosk_.on_start_screen(); }
    [[nodiscard]] bool dark() const { return dark_; }
    [[nodiscard]] std::uint64_t frames_drawn() const { return frames_drawn_; }
    // Frames that did GL work: a frame in which neither the scene nor the UI changed draws and
    // swaps nothing.
    [[nodiscard]] std::uint64_t gl_frames() const { return gl_frames_; }
    // The caption font's height in pixels (signage and the attract loop).
    [[nodiscard]] float caption_px() const;
    // The state the mode starts from, and the one a kiosk goes back to after a visit.
    [[nodiscard]] ViewerState initial_state() const;
    // The config's language when the content has it, else English.
    [[nodiscard]] std::string usual_language() const;

private:
    Viewer(const ViewerOptions& options, BoundedLog& log);

    // ---- set-up and ImGui
    void install_window_callbacks();
    void start_imgui();
    void stop_imgui();
    void rebuild_fonts();
    [[nodiscard]] float ui_scale() const;

    // ---- input
    [[nodiscard]] bool person_input(const SimulatedInput* simulated) const;
    [[nodiscard]] PanelActions keyboard_actions() const;
    void operator_chord(const SimulatedInput* simulated);
    void submit_pin();
    void update_cursor(bool input, double dt_s);

    // ---- modes (viewer_modes.cpp)
    void kiosk_ui(const SimulatedInput* simulated);
    void forget_visitor();
    void start_visit(const std::string& language);
    void pin_pad_ui();
    void signage_ui(double now_s);
    bool sway_camera(double now_s);
    void classroom_ui(const Viewport& vp, const SimulatedInput* simulated);
    void take_screenshot(int width, int height);
    void start_handout();
    void poll_handout();
    [[nodiscard]] std::string handout_message() const;
    [[nodiscard]] std::string time_stamp() const;  // the wall clock's local time, for file names
    [[nodiscard]] ClassroomPreferences preferences_from_state() const;
    void remember_preferences();

    // ---- one frame's parts
    bool dark_frame(int fb_w, int fb_h);
    bool live_frame(double now_s, double dt, int fb_w, int fb_h, const SimulatedInput* simulated);
    void quiz_tap(const Viewport& vp);
    void scene_ui(const Viewport& vp, bool moved, bool panel, const SimulatedInput* simulated);
    bool draw(const Viewport& vp, int fb_w, int fb_h, const FrameRequest& request);
    bool must_draw(int fb_w, int fb_h, bool scene_new);

    ViewerOptions options_;
    BoundedLog& log_;
    std::unique_ptr<Window> window_;
    std::unique_ptr<Session> session_;
    ViewerState state_;
    KioskCycle kiosk_;
    PinPad pin_;
    std::string pin_message_;
    std::string start_language_;
    ClassroomPreferences preferences_;
    ClassroomPreferences saved_preferences_;
    UiFonts fonts_;
    PanelText panel_text_;
    bool imgui_running_ = false;
    bool fonts_stale_ = false;
    bool imgui_stale_ = false;   // a kiosk reset: start ImGui afresh before the next frame
    bool help_open_ = false;
    bool screenshot_wanted_ = false;
    std::string tool_message_;
    HandoutJob handout_;
    double last_now_s_ = -1.0;
    int busy_frames_ = 2;
    bool refining_ = false;
    bool dark_ = false;
    bool cursor_hidden_ = false;
    double pointer_still_s_ = 0.0;
    bool focus_lost_ = false;
    double refocus_wait_s_ = 0.0;
    int exit_code_ = 0;
    bool stop_ = false;
    std::uint64_t frames_drawn_ = 0;
    std::uint64_t gl_frames_ = 0;
    bool drew_ = false;           // this frame drew (and swaps)
    bool redraw_ = true;          // the window system lost the picture (exposed, resized)
    std::uint64_t ui_fingerprint_ = 0;  // of the UI last drawn
    int drawn_w_ = 0, drawn_h_ = 0;
    struct IdSnapshot {
        std::vector<PixelIds> ids;  // per pixel, top-down
        int width = 0;
        int height = 0;
    } labels_;
};

}  // namespace thecaview
