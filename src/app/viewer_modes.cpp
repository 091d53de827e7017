// What each mode adds to the frame: the kiosk's start screen, visit timeout and PIN pad; the
// signage loop's captions, drift and camera sway; the classroom's tools, shortcuts and memory.
//
// Index: kiosk | signage | classroom
#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

#include <unistd.h>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/viewer.hpp"
#include "core/handout.hpp"
#include "core/signage.hpp"
#include "core/user_dirs.hpp"
#include "render/png.hpp"
#include "ui/mode_screens.hpp"

namespace thecaview {

namespace {
constexpr double kStillThereS = 15.0;  // warn this long before a visit times out
constexpr float kSwayMaxRad = 0.12f;

std::vector<std::pair<std::string, std::string>> languages_of(const Session& s) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& c : s.content.languages) out.emplace_back(c.language, c.language_name);
    return out;
}
}  // namespace

// ---- kiosk -------------------------------------------------------------------------------

void Viewer::kiosk_ui(const SimulatedInput* simulated) {
    const ProcedureContent& c = content_for(*session_, state_);
    const float scale = ui_scale();
    if (kiosk_.on_start_screen()) {
        const float captions_top = draw_captions({c, state_.step, current_card(state_, c), &options_.config.contacts, fonts_.caption, burn_in_offset(last_now_s_, 8.0f * scale)});
        StartScreenActions a;
        if (!pin_.is_open()) a = draw_start_screen({c, languages_of(*session_), scale, fonts_.caption, captions_top});
        if (simulated && simulated->start_language) a.language = simulated->start_language;
        if (simulated && simulated->start_visit) a.start = true;
        if (a.language && content_has_language(*session_, *a.language)) {
            start_language_ = *a.language;
            state_.language = *a.language;
        }
        if (a.start) start_visit(start_language_);
        // A language picked by someone who walked away is a choice too: it goes after the timeout.
        if (kiosk_.idle_s() >= options_.config.idle_timeout_s && start_language_ != usual_language()) {
            start_language_ = state_.language = usual_language();
        }
    } else if (kiosk_.seconds_left() < kStillThereS) {
        draw_still_there(c, kiosk_.seconds_left(), fonts_.caption);
    }
    if (pin_.is_open()) pin_pad_ui();
}

void Viewer::start_visit(const std::string& language) {
    kiosk_.start_visit();
    state_ = initial_state();
    state_.autoplay = false;
    state_.language = language;
    go_to_step(state_, content_for(*session_, state_), session_->views, 0, true);
    log_.info("kiosk: a visit started (" + language + ")");
}

// Every choice the last visitor made goes: the state, the drug simulation, the program message,
// the PIN pad, and ImGui's own memory (open sections, scroll positions), which is started afresh.
void Viewer::forget_visitor() {
    sync_anatomy(*session_, ViewerState{}, true);  // the usual anatomy (and its views) first, now
    start_language_ = usual_language();
    state_ = initial_state();
    session_->spread.reset();
    session_->spread_drug = {};
    session_->program_message.clear();
    pin_.close();
    pin_message_.clear();
    handout_.reset();
    labels_ = {};
    imgui_stale_ = true;
    log_.info("kiosk: the visit timed out; its choices are forgotten and the start screen is back");
}

void Viewer::pin_pad_ui() {
    const PinPadActions a = draw_pin_pad({content_for(*session_, state_), pin_, pin_message_, ui_scale()});
    if (a.digit) pin_.type(*a.digit);
    if (a.erase) pin_.erase();
    if (a.cancel) pin_.close();
    if (a.submit) submit_pin();
}

// ---- signage -----------------------------------------------------------------------------

void Viewer::signage_ui(double now_s) {
    const ProcedureContent& c = content_for(*session_, state_);
    draw_captions({c, state_.step, current_card(state_, c), &options_.config.contacts, fonts_.caption, burn_in_offset(now_s, 8.0f * ui_scale())});
    if (pin_.is_open()) pin_pad_ui();
}

float Viewer::caption_px() const { return fonts_.caption ? fonts_.caption->FontSize : 0.0f; }

// A slow swing about the step's view, faded in after the flight there.
bool Viewer::sway_camera(double now_s) {
    if (state_.flight || state_.reduced_motion) return false;
    const auto view = find_view(session_->views, state_.view_name);
    if (!view) return false;
    const float fade = std::clamp((state_.step_elapsed_s - 1.5f) / 3.0f, 0.0f, 1.0f);
    OrbitCamera camera = frame_view_in_pose(*view, state_.view_aspect, state_.pose);
    camera.yaw_rad += fade * camera_sway_rad(now_s, kSwayMaxRad, false);
    const bool moved = !(camera == state_.camera);
    state_.camera = camera;
    return moved;
}

// ---- classroom ---------------------------------------------------------------------------

void Viewer::classroom_ui(const Viewport& vp, const SimulatedInput* simulated) {
    const ProcedureContent& c = content_for(*session_, state_);
    const float fb = ImGui::GetIO().DisplayFramebufferScale.x > 0.0f ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    ToolBarActions a = draw_tool_bar({c, static_cast<float>(vp.x + vp.width) / fb, static_cast<float>(vp.y) / fb,
                                      window_->full_screen(), preferences_.presenter_font, tool_message_});
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput) {
        a.toggle_help |= ImGui::IsKeyPressed(GLFW_KEY_F1, false);
        a.toggle_presenter_font |= ImGui::IsKeyPressed(GLFW_KEY_F9, false);
        a.toggle_full_screen |= ImGui::IsKeyPressed(GLFW_KEY_F11, false);
        a.screenshot |= ImGui::IsKeyPressed(GLFW_KEY_F12, false);
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) help_open_ = false;
        for (int i = 0; i < 9 && i < static_cast<int>(session_->views.size()); ++i) {
            if (ImGui::IsKeyPressed(GLFW_KEY_1 + i, false)) {
                PanelActions view;
                view.go_to_view = session_->views[static_cast<std::size_t>(i)].name;
                apply_panel_actions(*session_, state_, view, true);
            }
        }
    }
    if (simulated) {
        a.screenshot |= simulated->screenshot;
        a.toggle_presenter_font |= simulated->presenter_font;
    }
    if (a.toggle_help) help_open_ = !help_open_;
    if (help_open_) help_open_ = draw_help(c);
    if (a.toggle_full_screen) window_->set_full_screen(!window_->full_screen(), options_.config.monitor);
    if (a.toggle_presenter_font) {
        preferences_.presenter_font = !preferences_.presenter_font;
        fonts_stale_ = true;
    }
    if (a.screenshot) screenshot_wanted_ = true;
}

namespace {
// A file in `dir` named `stem` + `extension`, or `stem (2)` and on when that exists: nothing a user
// saved is overwritten.
std::filesystem::path unused_file(const std::filesystem::path& dir, const std::string& stem, const std::string& extension) {
    std::error_code ec;
    std::filesystem::path file = dir / (stem + extension);
    for (int n = 2; std::filesystem::exists(file, ec); ++n) file = dir / (stem + " (" + std::to_string(n) + ")" + extension);
    return file;
}
}  // namespace

std::string Viewer::time_stamp() const {
    const std::time_t t = std::chrono::system_clock::to_time_t(options_.wall_clock());
    std::tm local{};
    localtime_r(&t, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H.%M.%S", &local);
    return stamp;
}

// The take-home handout for what the panel shows (language, level, tip, pump, the medicine when
// the drug view is open): saved to the documents folder in the classroom, printed at a kiosk.
void Viewer::start_handout() {
    HandoutOptions o;
    o.audience = state_.audience;
    o.tip = state_.anatomy.catheter_tip;
    o.pump_ml = state_.anatomy.pump_reservoir_ml;
    if (state_.drug.shown) o.drug = state_.drug.drug;
    const bool print = mode() == Mode::kiosk;
    std::filesystem::path pdf;
    if (print) {
        pdf = cache_dir() / ("handout-" + std::to_string(getpid()) + ".pdf");  // the app's own, removed once printed
    } else {
        std::error_code ec;
        std::filesystem::create_directories(options_.documents_dir, ec);
        pdf = unused_file(options_.documents_dir, "Thecaview handout " + time_stamp(), ".pdf");
    }
    const auto args = handout_arguments(options_.program.string(), pdf, state_.language, o, options_.config_file);
    std::string error;
    if (!handout_.start(args, pdf, print ? options_.config.printer_command : std::vector<std::string>{}, error)) {
        log_.warn("handout: " + error);
        return;
    }
    log_.info(std::string("handout: making ") + pdf.string() + (print ? " to print" : ""));
}

void Viewer::poll_handout() {
    if (!handout_.poll()) return;
    switch (handout_.state()) {
        case HandoutJob::State::saved: log_.info("handout: saved " + handout_.file().string()); break;
        case HandoutJob::State::printed: log_.info("handout: printed"); break;
        case HandoutJob::State::failed: log_.warn("handout: " + handout_.error()); break;
        default: break;
    }
}

std::string Viewer::handout_message() const {
    const ProcedureContent& c = content_for(*session_, state_);
    switch (handout_.state()) {
        case HandoutJob::State::making: return c.text("handout_making");
        case HandoutJob::State::printing: return c.text("handout_printing");
        case HandoutJob::State::saved: return c.format("handout_saved", {{"file", handout_.file().string()}});
        case HandoutJob::State::printed: return c.text("handout_printed");
        case HandoutJob::State::failed: return c.text("handout_failed");
        case HandoutJob::State::idle: break;
    }
    return {};
}

// The whole window, UI included, as a timestamped PNG in the pictures folder.
void Viewer::take_screenshot(int width, int height) {
    screenshot_wanted_ = false;
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height / 2; ++y) {  // GL's rows run bottom-up; PNG's top-down
        std::swap_ranges(rgba.begin() + static_cast<long>(row * static_cast<std::size_t>(y)),
                         rgba.begin() + static_cast<long>(row * static_cast<std::size_t>(y + 1)),
                         rgba.begin() + static_cast<long>(row * static_cast<std::size_t>(height - 1 - y)));
    }
    for (std::size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
    std::error_code ec;
    std::filesystem::create_directories(options_.pictures_dir, ec);
    const std::filesystem::path file = unused_file(options_.pictures_dir, "Thecaview " + time_stamp(), ".png");
    std::string error;
    if (write_png_atomically(file, width, height, rgba, error)) {
        tool_message_ = content_for(*session_, state_).format("screenshot_saved", {{"file", file.string()}});
        log_.info("screenshot: " + file.string());
    } else {
        tool_message_ = error;
        log_.warn(error);
    }
}

// Language, level, presenter font and labels are remembered in the state file when they change.
ClassroomPreferences Viewer::preferences_from_state() const {
    ClassroomPreferences p = preferences_;
    p.language = state_.language;
    p.audience = state_.audience;
    p.level_markers = state_.level_markers;
    p.structure_labels = state_.structure_labels;
    return p;
}

void Viewer::remember_preferences() {
    preferences_ = preferences_from_state();
    if (options_.state_file.empty() || preferences_ == saved_preferences_) return;
    saved_preferences_ = preferences_;
    std::string error;
    if (!save_preferences(options_.state_file, preferences_, error)) log_.warn("state: " + error);
}

}  // namespace thecaview
