// What every mode loads at start: data folder, anatomy, views, content and the renderer.
#pragma once

#include <atomic>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/anatomy.hpp"
#include "core/views.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/drugs.hpp"
#include "core/simulation.hpp"
#include "core/viewer_state.hpp"
#include "render/renderer.hpp"
#include "ui/panel.hpp"

namespace thecaview {

struct Session {
    std::filesystem::path data_dir;
    Anatomy anatomy;
    std::vector<ViewSpec> view_specs;  // assets/views.json
    std::vector<NamedView> views;      // made from them for this anatomy
    ContentLibrary content;  // every language; English first
    Renderer renderer;
    DrugLibrary drugs;
    CsfParameters csf;
    // The drug view's simulation (30 days) and its plausible neighbours, advanced a little each
    // frame; and what it was run for.
    std::unique_ptr<SpreadEnsemble> spread;
    DrugViewState spread_drug;
    AnatomyOptions spread_anatomy;
    std::vector<std::string> warnings;  // bad content and the like: reported, then carried on
    std::string mesh_note;              // where the meshes came from (the data, the cache, a bake)
    BodyMeshes meshes;                  // the renderer's body: a new catheter replaces only its tube
    // Another body (another pump size) meshed and baked in the background while the old one is
    // drawn; the viewer bakes so, the off-screen commands wait for it.
    struct PendingBody {
        AnatomyOptions options;
        std::future<BodyMeshes> meshes;
        std::shared_ptr<std::atomic<float>> progress;  // 0..1
        std::shared_ptr<std::string> note;
    };
    std::optional<PendingBody> pending_body;
    std::vector<std::future<BodyMeshes>> abandoned_bodies;  // bakes no longer wanted, left to finish
    bool bake_in_background = false;
    std::string program_message;        // how the last program load or save went
    CareContacts contacts;              // the clinic's names and numbers (from the config)
};

// How long the drug view's simulation runs.
inline constexpr double kSpreadHorizonH = 30.0 * 24.0;

// Keeps the drug simulation in step with the state: starts it again when the drug, rate,
// concentration or tip change, then runs at most max_steps of it. A program outside the limits
// is not simulated; its errors come back for the panel to show.
InputErrors update_spread(Session& session, const ViewerState& state, long max_steps);
// The content in the state's language (English when that language is not there).
const ProcedureContent& content_for(const Session& session, const ViewerState& state);

bool content_has_language(const Session& session, std::string_view code);
std::string language_list(const Session& session);  // "en, es"

// What the panel reads from the session.
PanelInput panel_input(const Session& session, const ViewerState& state, float scale, InputErrors spread_errors = {});

// Loads a program file into the drug view, or saves the drug view's program (atomically, to the
// file the user named); how it went is left in session.program_message.
void load_drug_program(Session& session, ViewerState& state, const std::string& file);
void save_drug_program(Session& session, const ViewerState& state, const std::string& file);

// The drug program the state describes.
PumpProgram drug_view_program(const Session& session, const DrugViewState& drug);

// A session opens in two halves, so that its data (the content, the meshes and the views, no GL)
// loads on a second core while the window opens and the shaders compile. start_session finds
// the data and starts loading it, with the anatomy of these options (nullopt with `error` when
// there is no data); open_session needs a current GL context, compiles the shaders, waits for the
// data and returns the session (nullptr with `error` when the app cannot run at all).
struct SessionStart {
    std::unique_ptr<Session> session;  // its renderer untouched until open_session
    std::future<void> loaded;          // destroyed first: waits for the loading to end
};
std::optional<SessionStart> start_session(std::string& error, const AnatomyOptions& anatomy = {});
std::unique_ptr<Session> open_session(SessionStart start, std::string& error);


// The 3D view's rectangle in framebuffer pixels (y from the top): right of the panel when the UI is shown.
struct Viewport {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};
// The 3D view: the window less the panel (when `ui`) and, while the drug's charts are shown
// beside the picture, less their window too, so that nothing the picture labels lies under them.
Viewport scene_viewport(int framebuffer_width, int framebuffer_height, bool ui, float ui_scale, bool drug_charts = false);

// Rebuilds the anatomy (and the views that depend on it) when the state asks for other options:
// a new catheter tip or entry at once (only its tube is meshed); another body in the background
// when session.bake_in_background (the old anatomy stays until it is ready) unless `wait`, else now.
void sync_anatomy(Session& session, const ViewerState& state, bool wait = false);

// How far the body being baked in the background has come (0..1), and for which options; nullopt
// when none is.
struct BodyProgress {
    AnatomyOptions options;
    float done = 0.0f;
};
std::optional<BodyProgress> body_progress(const Session& session);

// What a frame may draw: a moving frame (the moving level of detail), or samples up to a count.
struct FrameQuality {
    bool moving = false;
    int samples = 5;
};

// What the renderer is asked to draw for the state: its scene view (pose, drug), size and quality.
FrameRequest frame_request(Session& session, const ViewerState& state, const Viewport& viewport, const FrameQuality& quality);

// Renders the request (when it needs a frame) and presents the scene into the bound framebuffer's
// viewport. Returns whether it rendered.
bool draw_frame(Session& session, const FrameRequest& request, const Viewport& viewport, int framebuffer_height);

// The same for the state's frame request.
bool draw_scene(Session& session, const ViewerState& state, const Viewport& viewport, int framebuffer_height,
                const FrameQuality& quality = {});

// Applies what the panel asked for.
void apply_panel_actions(Session& session, ViewerState& state, const PanelActions& actions, bool animate);

}  // namespace thecaview
