// Off-screen frames for `thecaview render`, the docs and the tests.
#include "app/offscreen.hpp"

#include <algorithm>
#include <iostream>
#include <limits>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "core/coverage.hpp"
#include "core/quiz.hpp"
#include "render/framebuffer.hpp"
#include "ui/fonts.hpp"
#include "ui/overlay.hpp"
#include "ui/panel.hpp"

namespace thecaview {

std::uint32_t RenderResult::id_at(int x, int y) const {
    const int lx = x - viewport.x;
    const int ly = y - viewport.y;
    if (lx < 0 || ly < 0 || lx >= viewport.width || ly >= viewport.height) return 0;
    return ids[static_cast<std::size_t>(ly) * static_cast<std::size_t>(viewport.width) + static_cast<std::size_t>(lx)].main;
}

std::unique_ptr<OffscreenRenderer> OffscreenRenderer::open(std::string& error) {
    std::unique_ptr<OffscreenRenderer> r(new OffscreenRenderer());
    auto start = start_session(error);
    if (!start) return nullptr;
    r->window_ = Window::open({64, 64, false, "Thecaview (off-screen)"}, error);
    if (!r->window_) return nullptr;
    r->session_ = open_session(std::move(*start), error);
    if (!r->session_) return nullptr;
    r->ui_scale_ = r->window_->content_scale();
    return r;
}

OffscreenRenderer::~OffscreenRenderer() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    session_.reset();  // GL objects go before the context does
}

std::vector<DrawnLabel> OffscreenRenderer::draw_ui(const ViewerState& state, int width, int height, bool panel,
                                                   std::function<StructureMask(int, int)> mask_at, bool settled) {
    std::vector<DrawnLabel> labels;
    if (!imgui_ready_) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // writes only what it is told to
        const std::string font_message = setup_fonts_and_style({ui_scale_}).message;
        if (!font_message.empty()) session_->warnings.push_back(font_message);
        ImGui_ImplGlfw_InitForOpenGL(window_->handle(), false);
        ImGui_ImplOpenGL3_Init("#version 330 core");
        imgui_ready_ = true;
    }
    // Two passes: ImGui settles some sizes on the first frame; only the second is drawn.
    for (int pass = settled ? 1 : 0; pass < 2; ++pass) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
        io.MousePos = ImVec2(-1.0f, -1.0f);
        ImGui::NewFrame();
        if (panel) {
            PanelText text;  // the file row as a new window shows it
            PanelInput in = panel_input(*session_, state, ui_scale_);
            in.text = &text;
            in.handout_button = content_for(*session_, state).text("handout_save");  // as the classroom shows it
            draw_panel(in, screen_layout(static_cast<float>(width), static_cast<float>(height), true, ui_scale_,
                                         state.drug.shown && session_->spread));
        }
        const Viewport vp = scene_viewport(width, height, panel, ui_scale_, state.drug.shown && session_->spread);
        labels = draw_overlay({state, session_->anatomy, static_cast<float>(vp.x), static_cast<float>(vp.y),
                      static_cast<float>(vp.width), static_cast<float>(vp.height), ui_scale_, std::nullopt,
                      &content_for(*session_, state), mask_at, true, std::nullopt});
        ImGui::Render();
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return labels;
}

std::unique_ptr<OffscreenRenderer> OffscreenRenderer::open_for(const char* command, const std::string& language,
                                                               int& status) {
    std::string error;
    auto renderer = open(error);
    if (!renderer) {
        std::cerr << "thecaview " << command << ": " << error << "\n";
        status = 1;
        return nullptr;
    }
    if (!content_has_language(renderer->session(), language)) {
        std::cerr << "thecaview " << command << ": unknown language '" << language << "'; available: "
                  << language_list(renderer->session()) << "\n";
        status = 2;
        return nullptr;
    }
    status = 0;
    return renderer;
}

std::optional<ViewerState> OffscreenRenderer::state_for(const RenderRequest& request, std::string& error) {
    ViewerState state;
    state.anatomy = request.anatomy;
    const auto aspect_of = [&](bool charts) {
        const Viewport vp = scene_viewport(request.size.width, request.size.height, request.ui, ui_scale_, charts);
        return static_cast<float>(vp.width) / static_cast<float>(std::max(1, vp.height));
    };
    state.view_aspect = aspect_of(false);  // views are framed for the picture they are drawn in
    sync_anatomy(*session_, state);  // the views depend on the anatomy
    const auto view = find_view(session_->views, request.view);
    if (!view) {
        error = "unknown view '" + request.view + "'";
        return std::nullopt;
    }
    go_to_view(state, *view, false);
    state.language = request.language;
    state.audience = request.audience;
    if (request.step) {
        const ProcedureContent& content = content_for(*session_, state);
        if (*request.step < 0 || *request.step >= static_cast<int>(content.steps.size())) {
            error = "there is no step " + std::to_string(*request.step + 1) + "; the steps run from 1 to " +
                    std::to_string(content.steps.size());
            return std::nullopt;
        }
        go_to_step(state, content, session_->views, *request.step, false);
        const auto& step = content.steps[static_cast<std::size_t>(*request.step)];
        const float animation_s = std::min(6.0f, 0.6f * static_cast<float>(step.duration_s));
        state.step_elapsed_s = request.step_progress >= 1.0f ? 1e6f : request.step_progress * animation_s;
    }
    if (!request.quiz.empty()) {
        const ProcedureContent& content = content_for(*session_, state);
        const auto q = std::find_if(content.quiz.begin(), content.quiz.end(), [&](const QuizQuestion& x) { return x.id == request.quiz; });
        if (q == content.quiz.end()) {
            error = "there is no question '" + request.quiz + "'";
            return std::nullopt;
        }
        const auto it = std::find_if(content.steps.begin(), content.steps.end(), [&](const ProcedureStep& s) { return s.id == q->after; });
        go_to_step(state, content, session_->views, static_cast<int>(it - content.steps.begin()), false);
        state.step_elapsed_s = 1e6f;
        const auto siblings = questions_after(content, q->after);
        state.quiz = QuizState{};
        state.quiz->after = q->after;
        state.quiz->question = static_cast<int>(std::find(siblings.begin(), siblings.end(), &*q) - siblings.begin());
        const int choices = q->tap ? 2 : static_cast<int>(q->choices.size());
        if (request.quiz_answer && (*request.quiz_answer < 0 || *request.quiz_answer >= choices)) {
            error = "question '" + request.quiz + "' has answers 0 to " + std::to_string(choices - 1);
            return std::nullopt;
        }
        state.quiz->chosen = request.quiz_answer;
    }
    if (request.camera) state.camera = *request.camera;
    if (request.cut.kind != CutKind::none) state.cut = request.cut;
    state.visible_mask &= ~request.hide_mask;
    state.xray_mask |= request.xray_mask;
    state.level_markers = request.level_markers;
    state.structure_labels = request.structure_labels;
    state.skin_tone = request.skin_tone;
    if (request.drug) {
        state.drug = *request.drug;
        state.drug.shown = true;
    }
    if (state.drug.shown) {  // asked for, or opened by the step about how the medicine spreads
        sync_anatomy(*session_, state);
        const auto problems = update_spread(*session_, state, std::numeric_limits<long>::max());
        if (!problems.empty()) {
            error = problems.front().to_string();
            return std::nullopt;
        }
    }
    set_view_aspect(state, session_->views, aspect_of(state.drug.shown && session_->spread));
    return state;
}

std::optional<RenderResult> OffscreenRenderer::render(const RenderRequest& request, std::string& error) {
    const auto described = state_for(request, error);
    if (!described) return std::nullopt;
    const ViewerState& state = *described;
    session_->contacts = request.contacts;
    const int w = request.size.width, h = request.size.height;
    Framebuffer image;
    if (!image.create(w, h, {{GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE}})) {
        error = "the GL driver cannot make a " + std::to_string(w) + "x" + std::to_string(h) + " image";
        return std::nullopt;
    }
    RenderResult result;
    result.width = w;
    result.height = h;
    result.camera = state.camera;
    result.view = state.view_name;
    result.viewport = scene_viewport(w, h, request.ui, ui_scale_, state.drug.shown && session_->spread);
    image.bind_for_drawing();
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const FrameQuality quality{false, std::max(1, request.samples)};
    while (draw_scene(*session_, state, result.viewport, h, quality)) {
    }
    result.ids = session_->renderer.read_ids();
    if (request.ui || request.level_markers || request.structure_labels || state.label_mask) {
        image.bind_for_drawing();
        const auto mask_at = [&result](int x, int y) -> StructureMask {
            return result.ids[static_cast<std::size_t>(y) * static_cast<std::size_t>(result.viewport.width) + static_cast<std::size_t>(x)].mask;
        };
        result.labels = draw_ui(state, w, h, request.ui, mask_at);
    }
    glFinish();
    if (const std::string gl_errors = drain_gl_errors(); !gl_errors.empty()) {
        error = "OpenGL reported: " + gl_errors;
        return std::nullopt;
    }
    result.rgba = image.read_rgba8(0);
    result.coverage = coverage_from_pixels(result.ids);
    return result;
}

}  // namespace thecaview
