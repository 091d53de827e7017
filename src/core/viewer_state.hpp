// The viewer's state: one plain struct that input changes and every frame reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/scene_view.hpp"
#include "core/views.hpp"
#include "core/structures.hpp"

namespace thecaview {

struct CameraFlight {
    OrbitCamera from;
    OrbitCamera to;
    float elapsed_s = 0.0f;
    float duration_s = 1.2f;
};

// The drug view: which medicine at which rate, and the moment shown.
struct DrugViewState {
    bool shown = false;
    std::string drug = "morphine";
    double rate_ml_per_day = 0.5;
    double concentration_mg_per_ml = 0.0;  // 0: the drug's usual concentration
    double time_h = 24.0;                  // the moment shown, 0 to 30 days
    bool playing = false;
    double speed_h_per_s = 4.0;
    bool operator==(const DrugViewState&) const = default;
};

struct ViewerState {
    OrbitCamera camera;
    std::string view_name = "overview";
    std::uint32_t visible_mask = all_structures_mask();
    std::uint32_t xray_mask = 0;
    CutSettings cut;
    bool level_markers = false;  // label each vertebra C1 ... Co
    DrugViewState drug;
    AnatomyOptions anatomy;  // catheter tip, entry and pump size: the anatomy is rebuilt when they change
    int step = 0;  // index of the procedure step shown
    std::optional<CameraFlight> flight;
};

// The traced frame's description for this state.
SceneView scene_view(const ViewerState& state, const Anatomy& anatomy);

// Starts an eased flight to a named view (or jumps there when animate is false) and takes its
// see-through settings.
void go_to_view(ViewerState& state, const NamedView& view, bool animate);

// Moves a flight on by dt seconds; returns true while the camera is moving.
bool advance_flight(ViewerState& state, float dt_s);

// Any direct camera input cancels a flight so the user is never fought.
void cancel_flight(ViewerState& state);

}  // namespace thecaview
