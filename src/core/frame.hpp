// The frame a state shows, described without GL: the one function the app calls before it hands
// the description to the renderer.
#pragma once

#include "core/anatomy.hpp"
#include "core/content.hpp"
#include "core/scene_view.hpp"
#include "core/simulation.hpp"
#include "core/viewer_state.hpp"

namespace thecaview {

// The state's camera, masks and cut (scene_view), the pose of its step's animation now, the
// catheter's tip, and, when the drug view is shown and `spread` given, the drug along the spine at
// the state's moment (and the relief bands when asked for).
SceneView describe_frame(const ViewerState& state, const Anatomy& anatomy, const ProcedureContent& content,
                         const SimulationResult* spread);

}  // namespace thecaview
