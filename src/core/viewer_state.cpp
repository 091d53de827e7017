// Named-view flights.
#include "core/viewer_state.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <glm/gtc/constants.hpp>

namespace thecaview {

SceneView scene_view(const ViewerState& state, const Anatomy& anatomy) {
    SceneView v;
    v.camera = state.camera;
    v.visible_mask = state.visible_mask;
    v.xray_mask = state.xray_mask;
    v.cut = cut_plane(anatomy, state.cut);
    v.highlight_mask = state.highlight_mask;
    v.skin_tone = state.skin_tone;
    return v;
}

void go_to_step(ViewerState& state, const ProcedureContent& content, const std::vector<NamedView>& views, int index,
                bool animate) {
    if (content.steps.empty()) return;
    state.step = std::clamp(index, 0, static_cast<int>(content.steps.size()) - 1);
    state.quiz.reset();  // another step: an open question is left
    const ProcedureStep& step = content.steps[static_cast<std::size_t>(state.step)];
    state.pose = step.pose;
    if (auto v = find_view(views, step.view)) go_to_view(state, *v, animate);
    state.visible_mask &= ~step.hide_mask;
    state.xray_mask |= step.xray_mask;
    state.highlight_mask = step.highlight_mask;
    state.label_mask = step.label_mask;
    state.step_elapsed_s = 0.0f;
    // The step about how the medicine spreads opens the drug view.
    if (step.view == "spread") state.drug.shown = true;
}

const ProcedureStep& current_step(const ViewerState& state, const ProcedureContent& content) {
    return content.steps[static_cast<std::size_t>(std::clamp(state.step, 0, static_cast<int>(content.steps.size()) - 1))];
}

double reading_time_s(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char ch : text) {
        const bool space = ch == ' ' || ch == '\n' || ch == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return kReadingSecondsPerWord * static_cast<double>(words);
}

std::vector<double> card_times_s(const ProcedureStep& step) {
    const StepText& t = step.text(Audience::patient);
    std::vector<double> times;
    double total = 0.0;
    for (const auto& card : signage_cards(t)) {
        times.push_back(reading_time_s(t.title + " " + card));
        total += times.back();
    }
    if (total > 0.0 && total < step.duration_s) {
        for (double& time : times) time *= step.duration_s / total;
    }
    return times;
}

double step_dwell_s(const ViewerState& state, const ProcedureContent& content) {
    const ProcedureStep& step = current_step(state, content);
    if (state.captions_only) {
        const auto times = card_times_s(step);
        return std::max(step.duration_s, std::accumulate(times.begin(), times.end(), 0.0));
    }
    return std::max(step.duration_s, reading_time_s(step_words(step.text(state.audience), true)));
}

int current_card(const ViewerState& state, const ProcedureContent& content) {
    if (content.steps.empty()) return 0;
    const auto times = card_times_s(current_step(state, content));
    double end = 0.0;
    for (std::size_t i = 0; i < times.size(); ++i) {
        end += times[i];
        if (state.step_elapsed_s < end) return static_cast<int>(i);
    }
    return static_cast<int>(times.size()) - 1;
}

bool advance_step(ViewerState& state, const ProcedureContent& content, const std::vector<NamedView>& views, float dt_s) {
    if (content.steps.empty()) return false;
    if (state.quiz) {  // the tour waits for the reader's answers
        state.quiz->open_s += dt_s;
        return false;
    }
    state.step_elapsed_s += dt_s;
    if (!state.autoplay || state.step_elapsed_s < step_dwell_s(state, content)) return false;
    if (open_quiz_after_step(state, content)) return false;
    if (!state.autoplay_loops && state.step + 1 >= static_cast<int>(content.steps.size())) {
        state.autoplay = false;  // the tour is over: it stays on its last step
        return false;
    }
    go_to_step(state, content, views, (state.step + 1) % static_cast<int>(content.steps.size()), true);
    return true;
}

bool open_quiz_after_step(ViewerState& state, const ProcedureContent& content) {
    if (state.captions_only || state.quiz || content.steps.empty()) return false;
    const std::string& id = current_step(state, content).id;
    if (questions_after(content, id).empty()) return false;
    if (std::find(state.quizzes_asked.begin(), state.quizzes_asked.end(), id) != state.quizzes_asked.end()) return false;
    state.quizzes_asked.push_back(id);
    state.quiz = QuizState{};
    state.quiz->after = id;
    return true;
}

void answer_quiz(ViewerState& state, const ProcedureContent& content, int choice) {
    if (!state.quiz || state.quiz->chosen) return;
    const QuizQuestion* q = current_question(*state.quiz, content);
    if (!q || q->tap || choice < 0 || choice >= static_cast<int>(q->choices.size())) return;
    state.quiz->chosen = choice;
    state.quiz->open_s = 0.0;
}

void answer_quiz_tap(ViewerState& state, const ProcedureContent& content, std::uint32_t tapped_id) {
    if (!state.quiz || state.quiz->chosen) return;
    const QuizQuestion* q = current_question(*state.quiz, content);
    if (!q || !q->tap) return;
    state.quiz->chosen = tapped_id == static_cast<std::uint32_t>(*q->tap) ? 0 : 1;
    state.quiz->open_s = 0.0;
    state.highlight_mask |= bit(*q->tap);  // the picture points at the right answer
}

void next_after_quiz(ViewerState& state, const ProcedureContent& content, const std::vector<NamedView>& views,
                     bool animate) {
    if (!state.quiz) return;
    const auto questions = questions_after(content, state.quiz->after);
    if (state.quiz->question + 1 < static_cast<int>(questions.size())) {
        const int next = state.quiz->question + 1;
        state.quiz->chosen.reset();
        state.quiz->open_s = 0.0;
        state.quiz->question = next;
        return;
    }
    state.quiz.reset();
    if (state.step + 1 < static_cast<int>(content.steps.size())) go_to_step(state, content, views, state.step + 1, animate);
}

bool quiz_being_read(const ViewerState& state, const ProcedureContent& content) {
    return state.quiz && state.quiz->open_s < reading_time_s(quiz_words(*state.quiz, content));
}

float step_animation_progress(const ViewerState& state, const ProcedureContent& content) {
    if (content.steps.empty()) return 1.0f;
    const auto& step = current_step(state, content);
    const float length = std::min(6.0f, 0.6f * static_cast<float>(step.duration_s));
    return std::clamp(state.step_elapsed_s / length, 0.0f, 1.0f);
}

bool step_animates(const ViewerState& state, const ProcedureContent& content) {
    if (content.steps.empty()) return false;
    const auto& step = current_step(state, content);
    return step.animation != StepAnimation::none && step_animation_progress(state, content) < 1.0f;
}

void go_to_view(ViewerState& state, const NamedView& view, bool animate) {
    state.view_name = view.name;
    state.xray_mask = view.xray_mask;
    state.visible_mask = all_structures_mask() & ~view.hidden_mask;
    state.cut = view.cut;
    // Framed for the picture's shape; the body turns onto its side with the camera.
    const OrbitCamera camera = frame_view_in_pose(view, state.view_aspect, state.pose);
    if (animate && !state.reduced_motion) {
        state.flight = CameraFlight{state.camera, camera, 0.0f, 1.2f};
    } else {
        state.flight.reset();
        state.camera = camera;
    }
}

float pose_roll_rad(BodyPose pose) { return pose == BodyPose::lateral ? -0.5f * glm::pi<float>() : 0.0f; }

OrbitCamera frame_view_in_pose(const NamedView& view, float aspect, BodyPose pose) {
    return frame_view(view, aspect, pose_roll_rad(pose), pose == BodyPose::lateral);
}

bool advance_flight(ViewerState& state, float dt_s) {
    if (!state.flight) return false;
    auto& f = *state.flight;
    f.elapsed_s += dt_s;
    const float t = f.duration_s > 0.0f ? f.elapsed_s / f.duration_s : 1.0f;
    state.camera = interpolate(f.from, f.to, t);
    if (t >= 1.0f) {
        state.camera = f.to;
        state.flight.reset();
        return false;
    }
    return true;
}

void cancel_flight(ViewerState& state) { state.flight.reset(); }

void set_view_aspect(ViewerState& state, const std::vector<NamedView>& views, float aspect) {
    if (!(aspect > 0.0f) || !std::isfinite(aspect) || aspect == state.view_aspect) return;
    const float old_aspect = state.view_aspect;
    state.view_aspect = aspect;
    const auto view = find_view(views, state.view_name);
    if (!view) return;
    // A flight on its way to the view, or a camera still where the view put it, takes the new
    // framing; a camera the user has moved stays where it is.
    const OrbitCamera before = frame_view_in_pose(*view, old_aspect, state.pose);
    if (state.flight) {
        if (state.flight->to == before) state.flight->to = frame_view_in_pose(*view, aspect, state.pose);
    } else if (state.camera == before) {
        state.camera = frame_view_in_pose(*view, aspect, state.pose);
    }
}
}  // namespace thecaview
