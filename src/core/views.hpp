// The named views (overview, back, side, pump, tip, spread, cross-section) as data: each names its
// subject (structures, optionally between two levels), the direction it looks from and a margin,
// in assets/views.json; the camera is computed from the subject for the picture's aspect ratio.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "core/anatomy.hpp"
#include "core/camera.hpp"
#include "core/json_input.hpp"
#include "core/scene_view.hpp"

namespace thecaview {

// A level along the spine as a view names it: a level ("T10"), the catheter's tip ("tip") or the
// needle's interspace ("entry"), each optionally moved by whole levels ("tip-2" is two levels
// higher, towards the head; "entry+1" one lower).
struct LevelRef {
    enum class Anchor { level, tip, entry } anchor = Anchor::level;
    Level level = Level::C1;
    int offset = 0;
    bool operator==(const LevelRef&) const = default;
};
std::optional<LevelRef> parse_level_ref(std::string_view text);
// The fractional level index (0 = C1) it names in this anatomy, clamped to the spine.
float level_index(const Anatomy& anatomy, const LevelRef& ref);

// One view as assets/views.json gives it.
struct ViewSpec {
    std::string name;
    StructureMask subject = 0;            // what the picture must hold
    std::optional<LevelRef> from_level;   // only the subject's part between these two levels
    std::optional<LevelRef> to_level;
    float yaw_rad = 0.0f;                 // the direction it looks from (the camera's yaw and pitch)
    float pitch_rad = 0.0f;
    bool facing_pump = false;             // the yaw is the pump's: looking straight at its face
    float margin = 0.05f;                 // free space on each side, a fraction of the picture
    float fov_y_rad = 0.6f;
    StructureMask xray_mask = 0;
    StructureMask hidden_mask = 0;
    CutKind cut = CutKind::none;          // axial at cut_at, or sagittal through the midline
    LevelRef cut_at{LevelRef::Anchor::tip};
    bool operator==(const ViewSpec&) const = default;
};

Loaded<std::vector<ViewSpec>> parse_view_specs(std::string_view json_text, const std::string& source);
// assets/views.json, or the built-in copy (with the reasons) when it is missing or broken.
Loaded<std::vector<ViewSpec>> load_view_specs(const std::filesystem::path& file);
std::string_view built_in_views_json();
// The shipped views (the built-in copy of assets/views.json).
const std::vector<ViewSpec>& built_in_view_specs();

// A view made for one anatomy: what it shows and the points its picture must hold.
struct NamedView {
    std::string name;
    StructureMask xray_mask = 0;   // structures drawn see-through in this view
    StructureMask hidden_mask = 0; // structures hidden in this view
    CutSettings cut;
    OrbitCamera camera;            // its direction and field of view; frame_view sets the rest
    std::vector<glm::vec3> subject_mm;  // points on the subject
    std::vector<glm::vec3> subject_lying_mm;  // the same with the arms forward on their boards (the lateral
                                              // pose); empty when the arms carry nothing of the subject
    float subject_pad_mm = 0.0f;        // how far the subject's surface may lie beyond them
    float margin = 0.05f;
};

// The camera that shows the whole subject, centred, with the view's margin on the tightest side,
// in a picture of this aspect ratio (width / height), turned about the line of sight by roll;
// with the arms forward on their boards when `lying` (the lateral pose).
OrbitCamera frame_view(const NamedView& view, float aspect, float roll_rad = 0.0f, bool lying = false);

// The view of that name, or nullptr (not a copy: a view holds its subject's points).
const NamedView* find_view(const std::vector<NamedView>& views, std::string_view name);
std::vector<std::string> view_names(const std::vector<NamedView>& views);
std::vector<std::string> view_names(const std::vector<ViewSpec>& specs);

}  // namespace thecaview
