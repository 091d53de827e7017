// The viewer's state: one plain struct that input changes and every frame reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/camera.hpp"
#include "core/content.hpp"
#include "core/pump.hpp"
#include "core/quiz.hpp"
#include "core/scene_view.hpp"
#include "core/views.hpp"
#include "core/structures.hpp"

namespace thecaview {

struct CameraFlight {
    OrbitCamera from;
    OrbitCamera to;
    float elapsed_s = 0.0f;
    float duration_s = 1.2f;
    bool operator==(const CameraFlight&) const = default;
};

// The drug view: which medicine at which rate, and the moment shown.
struct DrugViewState {
    bool shown = false;
    std::string drug = "morphine";
    double rate_ml_per_day = 0.5;
    std::vector<ScheduleStep> schedule;    // a daily schedule; empty: the continuous rate above
    std::optional<SingleBolus> bolus;      // a single bolus
    double concentration_mg_per_ml = 0.0;  // 0: the drug's usual concentration
    double time_h = 24.0;                  // the moment shown, 0 to 30 days
    bool playing = false;
    double speed_h_per_s = 4.0;
    bool relief = false;  // shade the skin where relief may be felt
    bool operator==(const DrugViewState&) const = default;
};

struct ViewerState {
    OrbitCamera camera;
    std::string view_name = "overview";
    StructureMask visible_mask = all_structures_mask();
    StructureMask xray_mask = 0;
    CutSettings cut;
    bool level_markers = false;  // label each vertebra C1 ... Co
    bool structure_labels = false;  // name the structures in the picture with leader lines
    bool reduced_motion = false; // no camera swoops: views and steps are jumped to
    DrugViewState drug;
    AnatomyOptions anatomy;  // catheter tip, entry and pump size: the anatomy is rebuilt when they change
    int step = 0;  // index of the procedure step shown
    std::string language = "en";            // ISO 639-1 code of the content shown
    Audience audience = Audience::patient;  // plain words, or clinical terms and numbers
    bool autoplay = false;                  // move on through the steps by themselves
    bool autoplay_loops = true;             // after the last step, the first again (else autoplay stops)
    bool captions_only = false;             // the step's text is the patient captions (signage, the
                                            // attract loop), not the panel's title, caption and paragraph
    float step_elapsed_s = 0.0f;            // time on this step (its animation and autoplay)
    StructureMask highlight_mask = 0;       // structures the step points at
    StructureMask label_mask = 0;           // structures the step names with leader lines
    std::optional<QuizState> quiz;          // a teach-back question on screen
    std::vector<std::string> quizzes_asked; // steps whose questions this visit has had
    std::optional<CameraFlight> flight;
    BodyPose pose = BodyPose::upright;     // the step's: every view is seen with the body lying so
    int skin_tone = kDefaultSkinTone;       // 1 (light) to 6 (dark): the config's, the panel's
    float view_aspect = 16.0f / 9.0f;       // width / height of the 3D picture, which views are framed for
    bool operator==(const ViewerState&) const = default;
};

// The camera's roll that shows a body in this pose (0 upright; lying on its right side: -pi/2).
float pose_roll_rad(BodyPose pose);
// A view framed for a picture of this aspect with the body in this pose: rolled with it, and
// lying on the side with the arms forward on their boards.
OrbitCamera frame_view_in_pose(const NamedView& view, float aspect, BodyPose pose);

// Goes to step `index` of the content: its view (flown to when animate), what it shows, hides,
// draws see-through and highlights; its animation starts again.
void go_to_step(ViewerState& state, const ProcedureContent& content, const std::vector<NamedView>& views, int index,
                bool animate);
// The step shown (the nearest one when the index is out of range); content must have steps.
const ProcedureStep& current_step(const ViewerState& state, const ProcedureContent& content);
// Seconds of reading time a text needs: kReadingSecondsPerWord for each word (a slow reader's pace,
// 100 words a minute).
inline constexpr double kReadingSecondsPerWord = 0.6;
double reading_time_s(std::string_view text);
// How long autoplay stays on the step shown: its own duration, or the time to read the text on
// screen (title, caption and, in the panel, the paragraph and lists; when captions_only, the title
// with each of the step's cards in turn) if that is longer.
double step_dwell_s(const ViewerState& state, const ProcedureContent& content);
// Captions only (signage, the attract loop): how long each of the step's cards stays, in order:
// the reading time of the title and the card, stretched evenly to fill the step's own duration.
std::vector<double> card_times_s(const ProcedureStep& step);
// The card shown at the step's elapsed time (the last one once they have all been shown).
int current_card(const ViewerState& state, const ProcedureContent& content);
// Moves autoplay and the step's animation on by dt; returns true when it moved to another step.
bool advance_step(ViewerState& state, const ProcedureContent& content, const std::vector<NamedView>& views, float dt_s);
// How far the step's animation has got, 0 to 1 (it takes the first 60 % of the step, at most 6 s).
float step_animation_progress(const ViewerState& state, const ProcedureContent& content);
// Whether the step shown has an animation still running (the picture changes frame to frame).
bool step_animates(const ViewerState& state, const ProcedureContent& content);

// Teach-back. Moving on from a step with questions (Next, or autoplay in the panel) opens them
// first, once a visit; signage and the attract loop (captions_only) never ask. Returns whether
// a quiz opened.
bool open_quiz_after_step(ViewerState& state, const ProcedureContent& content);
// Answers the open question: a choice, or the structure id tapped in the picture (0: nothing).
void answer_quiz(ViewerState& state, const ProcedureContent& content, int choice);
void answer_quiz_tap(ViewerState& state, const ProcedureContent& content, std::uint32_t tapped_id);
// After an answer: the step's next question, or the quiz closes and the next step comes.
void next_after_quiz(ViewerState& state, const ProcedureContent& content, const std::vector<NamedView>& views,
                     bool animate);
// Whether a question is open and still within its reading time (then the kiosk is not idle).
bool quiz_being_read(const ViewerState& state, const ProcedureContent& content);

// The traced frame's description for this state.
SceneView scene_view(const ViewerState& state, const Anatomy& anatomy);

// Starts an eased flight to a named view (or jumps there when animate is false) and takes its
// see-through settings.
void go_to_view(ViewerState& state, const NamedView& view, bool animate);

// Moves a flight on by dt seconds; returns true while the camera is moving.
bool advance_flight(ViewerState& state, float dt_s);

// Any direct camera input cancels a flight so the user is never fought.
void cancel_flight(ViewerState& state);

// The 3D picture's shape (width / height) has changed (a resize, the drug's charts, a portrait
// screen): a camera still at its named view, or flying to it, is framed again; one the user has
// moved is left alone.
void set_view_aspect(ViewerState& state, const std::vector<NamedView>& views, float aspect);

}  // namespace thecaview
