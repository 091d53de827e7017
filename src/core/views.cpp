// The named views. Each one answers a question: where is everything (overview), what does the
// surgeon see (back), how deep is it (side), where is the pump (pump), where does the medicine
// come out (tip), and what lies around the cord at one level (cross-section).
#include "core/views.hpp"

#include <cmath>

#include <glm/gtc/constants.hpp>

namespace thecaview {

namespace {
StructureMask mask_of(std::initializer_list<Structure> list) {
    StructureMask m = 0;
    for (const Structure s : list) m |= bit(s);
    return m;
}
}  // namespace

std::vector<NamedView> named_views(const Anatomy& anatomy) {
    const float pi = glm::pi<float>();
    const glm::vec3 spine_mid = anatomy.at(Level::T12).canal_centre_mm;
    const StructureMask bones = mask_of({Structure::vertebrae, Structure::sacrum, Structure::discs, Structure::ribs,
                                         Structure::pelvis});
    const StructureMask wall = mask_of({Structure::muscle});
    std::vector<NamedView> views;

    NamedView overview{"overview", "Overview", wall | bones | mask_of({Structure::ligamentum_flavum}), 0u, {}, {}};
    overview.camera.target_mm = glm::vec3(0.0f, spine_mid.y - 60.0f, 0.0f);
    overview.camera.yaw_rad = 0.70f * pi;  // behind the patient's left side: spine, flank and pump in one look
    overview.camera.pitch_rad = 0.10f;
    overview.camera.distance_mm = 1250.0f;
    views.push_back(overview);

    NamedView back{"back", "Back", wall | mask_of({Structure::ribs, Structure::pelvis}), 0u, {}, {}};
    back.camera.target_mm = glm::vec3(0.0f, anatomy.at(Level::L1).canal_centre_mm.y, 0.0f);
    back.camera.yaw_rad = pi;
    back.camera.pitch_rad = 0.05f;
    back.camera.distance_mm = 1100.0f;
    views.push_back(back);

    NamedView side{"side", "Side", wall | bones | mask_of({Structure::ligamentum_flavum}), 0u, {}, {}};
    side.camera.target_mm = glm::vec3(0.0f, spine_mid.y, 10.0f);
    side.camera.yaw_rad = 0.5f * pi;
    side.camera.distance_mm = 1300.0f;
    views.push_back(side);

    NamedView pump{"pump", "Pump", 0u, 0u, {}, {}};
    const glm::vec3 a = anatomy.pump.axis;
    pump.camera.target_mm = anatomy.pump.centre_mm;
    pump.camera.yaw_rad = std::atan2(a.x, a.z);
    pump.camera.pitch_rad = 0.15f;
    pump.camera.distance_mm = 380.0f;
    views.push_back(pump);

    // The tip: close to the canal from behind and to the left, the bones and the dura see-through.
    NamedView tip{"tip", "Tip", bones | mask_of({Structure::dura, Structure::ligamentum_flavum}),
                  mask_of({Structure::fat, Structure::muscle, Structure::ribs}), {}, {}};
    tip.camera.target_mm = anatomy.catheter_path_mm.front();
    tip.camera.yaw_rad = 0.62f * pi;
    tip.camera.pitch_rad = 0.12f;
    tip.camera.distance_mm = 260.0f;
    tip.camera.fov_y_rad = 0.5f;
    views.push_back(tip);

    // The medicine's spread: the canal from the side and behind, from the neck to the sacrum.
    NamedView spread{"spread", "Medicine", bones | mask_of({Structure::dura, Structure::ligamentum_flavum}),
                     mask_of({Structure::fat, Structure::muscle, Structure::ribs, Structure::pelvis}), {}, {}};
    spread.camera.target_mm = anatomy.catheter_path_mm.front() + glm::vec3(0.0f, -40.0f, 0.0f);
    spread.camera.yaw_rad = 0.58f * pi;
    spread.camera.pitch_rad = 0.05f;
    spread.camera.distance_mm = 700.0f;
    views.push_back(spread);

    // An axial slice at the catheter tip, seen from above and in front.
    NamedView cross{"cross_section", "Cross-section", 0u, 0u, {}, {}};
    cross.cut.kind = CutKind::axial;
    cross.cut.level_index = anatomy.catheter_tip_level_index();
    const glm::vec3 slice = anatomy.canal_point(cross.cut.level_index);
    cross.camera.target_mm = glm::vec3(0.0f, slice.y, slice.z + 40.0f);
    cross.camera.yaw_rad = 0.15f * pi;
    cross.camera.pitch_rad = 1.0f;
    cross.camera.distance_mm = 560.0f;
    views.push_back(cross);
    return views;
}

std::optional<NamedView> find_view(const std::vector<NamedView>& views, std::string_view name) {
    for (const auto& v : views) {
        if (v.name == name) return v;
    }
    return std::nullopt;
}

std::vector<std::string> view_names(const std::vector<NamedView>& views) {
    std::vector<std::string> names;
    for (const auto& v : views) names.push_back(v.name);
    return names;
}

}  // namespace thecaview
