// Named-view flights.
#include "core/viewer_state.hpp"

namespace thecaview {

SceneView scene_view(const ViewerState& state, const Anatomy& anatomy) {
    return {state.camera, state.visible_mask, state.xray_mask, cut_plane(anatomy, state.cut)};
}

void go_to_view(ViewerState& state, const NamedView& view, bool animate) {
    state.view_name = view.name;
    state.xray_mask = view.xray_mask;
    state.visible_mask = all_structures_mask() & ~view.hidden_mask;
    state.cut = view.cut;
    if (animate) {
        state.flight = CameraFlight{state.camera, view.camera, 0.0f, 1.2f};
    } else {
        state.flight.reset();
        state.camera = view.camera;
    }
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

}  // namespace thecaview
