// describe_frame: a state, the anatomy, the content and the drug simulation into one SceneView.
#include "core/frame.hpp"

#include <algorithm>

#include "core/procedure_pose.hpp"

namespace thecaview {

SceneView describe_frame(const ViewerState& state, const Anatomy& anatomy, const ProcedureContent& content,
                         const SimulationResult* spread) {
    SceneView view = scene_view(state, anatomy);
    view.catheter_tip_mm = anatomy.catheter_path_mm.front();
    if (!content.steps.empty()) {
        const ProcedureStep& step = current_step(state, content);
        view.pose = pose_for(step.animation, step_animation_progress(state, content), anatomy);
    }
    view.pose.on_table = state.pose == BodyPose::lateral;
    if (view.pose.on_table) view.pose.arms_forward_rad = kArmBoardForwardRad;  // on arm boards in front
    if (state.drug.shown && spread) {
        view.spread_on = true;
        view.spread_ug_per_ml = spread_at(*spread, state.drug.time_h);
        view.spread_max_ug_per_ml = std::max(static_cast<float>(peak_concentration(*spread)), 1e-6f);
        if (state.drug.relief) view.relief = relief_at(*spread, state.drug.time_h);
    }
    return view;
}

}  // namespace thecaview
