// Off-screen rendering: one frame into a framebuffer of a hidden window, UI optional.
// `thecaview render` and the render tests both go through OffscreenRenderer::render.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/session.hpp"
#include "app/window.hpp"
#include "core/skin_tone.hpp"
#include "core/image_size.hpp"
#include "ui/overlay.hpp"

namespace thecaview {

struct RenderRequest {
    ImageSize size;
    std::string view = "overview";
    bool ui = false;
    int samples = 5;                    // samples per pixel (anti-aliasing): the centre and a rotated grid
    AnatomyOptions anatomy;             // body, catheter tip and entry, pump size
    CutSettings cut;
    StructureMask hide_mask = 0;        // structures hidden on top of the view's choice
    StructureMask xray_mask = 0;        // structures drawn see-through on top of the view's choice
    std::optional<OrbitCamera> camera;  // replaces the view's camera
    bool level_markers = false;         // label each vertebra (C1 ... Co) with a leader line
    bool structure_labels = false;      // name the structures seen, with leader lines
    std::optional<DrugViewState> drug;  // show this drug spreading (simulated to the end first)
    std::optional<int> step;            // a procedure step (0-based)
    float step_progress = 1.0f;         // how far into its animation (1: the end)
    std::string language = "en";
    Audience audience = Audience::patient;
    CareContacts contacts;              // the clinic's names and numbers, for the help step
    std::string quiz;                   // a teach-back question's id: shown on its step (empty: none)
    std::optional<int> quiz_answer;     // the answer given, to show its feedback (a tap question: 0 right, 1 not)
    int skin_tone = kDefaultSkinTone;   // 1 (light) to 6 (dark)
};

struct RenderResult {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;   // the whole image, top-down
    Viewport viewport;                // where the 3D view sits in it
    std::vector<PixelIds> ids;        // per 3D-view pixel, top-down
    std::map<std::string, double> coverage;
    OrbitCamera camera;               // the camera that drew it
    std::string view;                 // the named view it was drawn from
    std::vector<DrawnLabel> labels;   // level markers, in image pixels

    // The main structure at image pixel (x, y); 0 for background or outside the 3D view.
    [[nodiscard]] std::uint32_t id_at(int x, int y) const;
};

class OffscreenRenderer {
public:
    static std::unique_ptr<OffscreenRenderer> open(std::string& error);
    // For a command (`render`, `handout`) in a language: the renderer, or nullptr after printing
    // why, with the exit status in `status` (1: it cannot render; 2: the language is unknown).
    static std::unique_ptr<OffscreenRenderer> open_for(const char* command, const std::string& language, int& status);
    ~OffscreenRenderer();
    OffscreenRenderer(const OffscreenRenderer&) = delete;
    OffscreenRenderer& operator=(const OffscreenRenderer&) = delete;

    std::optional<RenderResult> render(const RenderRequest& request, std::string& error);
    // The viewer state a request describes (its view, camera, cut, masks and anatomy options).
    std::optional<ViewerState> state_for(const RenderRequest& request, std::string& error);
    // Draws the overlays of the 3D view (level markers, the pump note) and, when `panel`, the
    // side panel over the bound framebuffer of this size. ImGui settles some sizes on its first
    // frame, so a still picture lays the UI out twice; `settled` (a UI drawn before at this size,
    // as the viewer's every frame is) lays it out once.
    std::vector<DrawnLabel> draw_ui(const ViewerState& state, int width, int height, bool panel = true,
                                    std::function<StructureMask(int, int)> mask_at = {}, bool settled = false);
    [[nodiscard]] float ui_scale() const { return ui_scale_; }
    [[nodiscard]] Session& session() { return *session_; }
    [[nodiscard]] const GlInfo& gl() const { return window_->gl(); }

private:
    OffscreenRenderer() = default;

    std::unique_ptr<Window> window_;
    std::unique_ptr<Session> session_;
    bool imgui_ready_ = false;
    float ui_scale_ = 1.0f;
};

}  // namespace thecaview
