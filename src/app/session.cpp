// Session start-up and the frame steps shared by the window and off-screen modes.
#include "app/session.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "app/data_dir.hpp"
#include "core/frame.hpp"
#include "core/geometry/mesh_cache.hpp"
#include "core/geometry/view_subjects.hpp"
#include "core/json_input.hpp"
#include "core/structure_look.hpp"
#include "core/user_dirs.hpp"
#include "render/png.hpp"

namespace thecaview {

Viewport scene_viewport(int framebuffer_width, int framebuffer_height, bool ui, float ui_scale, bool drug_charts) {
    const ScreenRect r = screen_layout(static_cast<float>(framebuffer_width), static_cast<float>(framebuffer_height), ui,
                                       ui_scale, drug_charts).scene;
    return {static_cast<int>(r.x), static_cast<int>(r.y), static_cast<int>(r.width), static_cast<int>(r.height)};
}

namespace {
// The installed data holds both bodies' meshes with the default pump, baked at build time; the
// user's cache holds the others once baked.
MeshSources mesh_sources(const Session& session) {
    MeshSources sources;
    sources.read_dirs = {session.data_dir / "meshes", cache_dir()};
    sources.write_dir = cache_dir();
    return sources;
}

// Makes an anatomy and its meshes the session's (its views follow from them), not yet the renderer's.
void adopt_anatomy(Session& session, Anatomy anatomy, BodyMeshes meshes, std::string note) {
    session.anatomy = std::move(anatomy);
    session.views = named_views(session.anatomy, session.view_specs);
    session.meshes = std::move(meshes);
    session.mesh_note = std::move(note);
}

// ... and the renderer's.
void install_anatomy(Session& session, Anatomy anatomy, BodyMeshes meshes, std::string note) {
    adopt_anatomy(session, std::move(anatomy), std::move(meshes), std::move(note));
    session.renderer.set_anatomy(session.anatomy, session.meshes);
}

// Everything of a session but its renderer, which only the thread that opens the session touches
// meanwhile: no GL here, so it runs on a second core.
void load_session_data(Session& s, const AnatomyOptions& options) {
    const std::filesystem::path& dir = s.data_dir;
    auto views = load_view_specs(dir / "assets" / "views.json");
    for (const auto& e : views.errors) s.warnings.push_back(e.to_string());
    for (const auto& e : views.unused) s.warnings.push_back(e.to_string());
    s.view_specs = std::move(views.value);  // made into views with the anatomy's meshes, below
    s.content = load_content_library(dir / "assets" / "content", view_names(s.view_specs));
    for (const auto& e : s.content.errors) s.warnings.push_back(e.to_string());
    auto drugs = load_drugs(dir / "assets" / "drugs" / "drugs.json");
    for (const auto& e : drugs.errors) s.warnings.push_back(e.to_string());
    for (const auto& e : drugs.unused) s.warnings.push_back(e.to_string());
    s.drugs = std::move(drugs.value);
    auto csf = load_csf_parameters(dir / "assets" / "spread.json");
    for (const auto& e : csf.errors) s.warnings.push_back(e.to_string());
    for (const auto& e : csf.unused) s.warnings.push_back(e.to_string());
    s.csf = csf.value;
    // How each structure looks and is meshed: before anything meshes, bakes or draws.
    auto table = load_structure_table(dir / "assets" / "structures.json");
    for (const auto& e : table.errors) s.warnings.push_back(e.to_string());
    for (const auto& e : table.unused) s.warnings.push_back(e.to_string());
    use_structure_table(table.value);
    Anatomy anatomy = build_anatomy(options);
    std::string note;
    BodyMeshes meshes = body_meshes_for(anatomy, mesh_sources(s), note);
    adopt_anatomy(s, std::move(anatomy), std::move(meshes), std::move(note));
}
}  // namespace

std::optional<SessionStart> start_session(std::string& error, const AnatomyOptions& anatomy) {
    auto dir = find_data_dir(error);
    if (!dir) return std::nullopt;
    SessionStart start;
    start.session = std::make_unique<Session>();
    start.session->data_dir = *dir;
    start.loaded = std::async(std::launch::async, load_session_data, std::ref(*start.session), anatomy);
    return start;
}

std::unique_ptr<Session> open_session(SessionStart start, std::string& error) {
    Session& s = *start.session;
    const bool compiled = s.renderer.init(s.data_dir / "shaders", error);  // while the data loads
    start.loaded.get();
    if (!compiled) return nullptr;
    s.renderer.set_anatomy(s.anatomy, s.meshes);
    return std::move(start.session);
}

std::optional<BodyProgress> body_progress(const Session& session) {
    if (!session.pending_body) return std::nullopt;
    return BodyProgress{session.pending_body->options, session.pending_body->progress->load()};
}

void sync_anatomy(Session& session, const ViewerState& state, bool wait) {
    using namespace std::chrono_literals;
    const auto ready = [](const std::future<BodyMeshes>& f) { return f.wait_for(0s) == std::future_status::ready; };
    std::erase_if(session.abandoned_bodies, ready);
    const AnatomyOptions& want = state.anatomy;
    const bool background = session.bake_in_background && !wait;
    if (auto& pending = session.pending_body) {
        if (pending->options != want) {
            // No longer wanted: it finishes on its own (and fills the cache); nothing waits for it.
            session.abandoned_bodies.push_back(std::move(pending->meshes));
            pending.reset();
        } else if (background && !ready(pending->meshes)) {
            return;  // the old body is drawn until the new one is ready
        } else {
            BodyMeshes meshes = pending->meshes.get();
            const std::string note = *pending->note;
            pending.reset();
            install_anatomy(session, build_anatomy(want), std::move(meshes), note);
            return;
        }
    }
    if (session.anatomy.options == want) return;
    Anatomy next = build_anatomy(want);
    if (same_body(session.anatomy.options, want)) {  // another tip or entry: only the catheter
        BodyMeshes meshes = session.meshes;
        replace_catheter(meshes, next);
        install_anatomy(session, std::move(next), std::move(meshes), session.mesh_note + "; the catheter meshed again");
        return;
    }
    Session::PendingBody pending{want, {}, std::make_shared<std::atomic<float>>(0.0f), std::make_shared<std::string>()};
    MeshSources sources = mesh_sources(session);
    sources.progress = [progress = pending.progress](float f) { progress->store(f); };
    pending.meshes = std::async(std::launch::async, [next = std::move(next), sources, note = pending.note] {
        return body_meshes_for(next, sources, *note);
    });
    session.pending_body = std::move(pending);
    if (!background) sync_anatomy(session, state, true);  // waits for it
}

const ProcedureContent& content_for(const Session& session, const ViewerState& state) {
    const ProcedureContent* c = session.content.find(state.language);
    return c ? *c : session.content.english();
}

bool content_has_language(const Session& session, std::string_view code) { return session.content.find(code) != nullptr; }

std::string language_list(const Session& session) {
    std::string out;
    for (const auto& c : session.content.languages) out += (out.empty() ? "" : ", ") + c.language;
    return out;
}

PanelInput panel_input(const Session& session, const ViewerState& state, float scale, InputErrors spread_errors) {
    std::vector<std::pair<std::string, std::string>> languages;
    for (const auto& c : session.content.languages) languages.emplace_back(c.language, c.language_name);
    PanelInput in{state,
                  content_for(session, state),
                  session.views,
                  scale,
                  &session.drugs,
                  session.spread ? &session.spread->result() : nullptr,
                  std::move(spread_errors),
                  std::move(languages),
                  session.program_message};
    if (session.spread) in.spread_band = session.spread->band_at(state.drug.time_h);
    in.contacts = &session.contacts;
    return in;
}

void load_drug_program(Session& session, ViewerState& state, const std::string& file) {
    const auto text = read_text_file(file);
    if (!text) {
        session.program_message = file + ": cannot read it";
        return;
    }
    ProgramLoad load = parse_program(*text, file);
    InputErrors errors = load.errors;
    if (errors.empty()) errors = check_program(load.program, session.drugs, DeviceLimits{}, file);
    if (!errors.empty()) {
        session.program_message = errors.front().to_string();
        return;
    }
    DrugViewState& d = state.drug;
    d.drug = load.program.drug;
    d.concentration_mg_per_ml = load.program.concentration_mg_per_ml;
    d.schedule = load.program.schedule.size() > 1 ? load.program.schedule : std::vector<ScheduleStep>{};
    d.rate_ml_per_day = load.program.schedule.front().rate_ml_per_day;
    d.bolus = load.program.bolus;
    d.shown = true;
    session.program_message = content_for(session, state).text("program_loaded");
}

void save_drug_program(Session& session, const ViewerState& state, const std::string& file) {
    std::string error;
    if (write_text_atomically(file, program_json(drug_view_program(session, state.drug)), error)) {
        session.program_message = content_for(session, state).text("saved") + " " + file;
    } else {
        session.program_message = error;
    }
}

PumpProgram drug_view_program(const Session& session, const DrugViewState& drug) {
    PumpProgram program;
    program.drug = drug.drug;
    program.schedule = drug.schedule.empty() ? std::vector<ScheduleStep>{{0.0, drug.rate_ml_per_day}} : drug.schedule;
    program.bolus = drug.bolus;
    const Drug* d = session.drugs.find(drug.drug);
    program.concentration_mg_per_ml =
        drug.concentration_mg_per_ml > 0.0 ? drug.concentration_mg_per_ml : (d ? d->usual_concentration_mg_per_ml : 0.0);
    return program;
}

InputErrors update_spread(Session& session, const ViewerState& state, long max_steps) {
    const DrugViewState& want = state.drug;
    const bool same = session.spread && session.spread_drug.drug == want.drug &&
                      session.spread_drug.rate_ml_per_day == want.rate_ml_per_day &&
                      session.spread_drug.schedule == want.schedule && session.spread_drug.bolus == want.bolus &&
                      session.spread_drug.concentration_mg_per_ml == want.concentration_mg_per_ml &&
                      session.spread_anatomy.catheter_tip == session.anatomy.options.catheter_tip;
    if (!same) {
        session.spread.reset();
        const PumpProgram program = drug_view_program(session, want);
        auto errors = check_program(program, session.drugs, DeviceLimits{}, "<drug view>");
        if (!errors.empty()) return errors;
        SimulationRequest request;
        request.program = program;
        request.hours = kSpreadHorizonH;
        session.spread = std::make_unique<SpreadEnsemble>(session.anatomy, session.csf, *session.drugs.find(want.drug), request);
        session.spread_drug = want;
        session.spread_anatomy = session.anatomy.options;
    }
    if (!session.spread->done()) session.spread->advance(max_steps);
    return {};
}

FrameRequest frame_request(Session& session, const ViewerState& state, const Viewport& viewport, const FrameQuality& quality) {
    sync_anatomy(session, state);
    const SimulationResult* spread = session.spread ? &session.spread->result() : nullptr;
    const SceneView view = describe_frame(state, session.anatomy, content_for(session, state), spread);
    return {view, viewport.width, viewport.height, quality.moving, quality.samples};
}

bool draw_frame(Session& session, const FrameRequest& request, const Viewport& viewport, int framebuffer_height) {
    if (viewport.width <= 0 || viewport.height <= 0) return false;
    const bool traced = session.renderer.render(request);
    session.renderer.present(viewport.x, framebuffer_height - viewport.y - viewport.height, viewport.width,
                             viewport.height);
    return traced;
}

bool draw_scene(Session& session, const ViewerState& state, const Viewport& viewport, int framebuffer_height,
                const FrameQuality& quality) {
    if (viewport.width <= 0 || viewport.height <= 0) return false;
    return draw_frame(session, frame_request(session, state, viewport, quality), viewport, framebuffer_height);
}

void apply_panel_actions(Session& session, ViewerState& state, const PanelActions& actions, bool animate) {
    if (actions.visible_mask) state.visible_mask = *actions.visible_mask;
    if (actions.xray_mask) state.xray_mask = *actions.xray_mask;
    if (actions.cut) state.cut = *actions.cut;
    if (actions.anatomy) state.anatomy = *actions.anatomy;
    if (actions.level_markers) state.level_markers = *actions.level_markers;
    if (actions.structure_labels) state.structure_labels = *actions.structure_labels;
    if (actions.skin_tone && valid_skin_tone(*actions.skin_tone)) state.skin_tone = *actions.skin_tone;
    if (actions.drug) state.drug = *actions.drug;
    if (actions.load_program) load_drug_program(session, state, *actions.load_program);
    if (actions.save_program) save_drug_program(session, state, *actions.save_program);
    if (actions.go_to_view) {
        if (auto v = find_view(session.views, *actions.go_to_view)) go_to_view(state, *v, animate);
    }
    if (actions.language && session.content.find(*actions.language)) state.language = *actions.language;
    if (actions.audience) state.audience = *actions.audience;
    if (actions.autoplay) state.autoplay = *actions.autoplay;
    const ProcedureContent& content = content_for(session, state);
    if (actions.quiz_choice) answer_quiz(state, content, *actions.quiz_choice);
    if (actions.quiz_tap) answer_quiz_tap(state, content, *actions.quiz_tap);
    if (actions.quiz_next) next_after_quiz(state, content, session.views, animate);
    if (actions.select_step) {
        // On to the next step: the step's questions come first (once a visit).
        const bool onward = *actions.select_step == state.step + 1;
        if (!(onward && open_quiz_after_step(state, content))) go_to_step(state, content, session.views, *actions.select_step, animate);
    }
}

}  // namespace thecaview
