// The named views: read from assets/views.json (or its built-in copy), and framed. Each one
// answers a question: where is everything (overview), what does the surgeon see (back), how deep
// is it (side), where is the pump (pump), where does the medicine come out (tip), how far does it
// spread (spread), and what lies around the cord at one level (cross-section).
#include "core/views.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <set>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

namespace thecaview {

namespace {
using nlohmann::json;

float radians(double degrees) { return static_cast<float>(degrees) * glm::pi<float>() / 180.0f; }

// One entry of "views"; false (with errors) when it cannot be used.
bool read_view(JsonReader& r, const json& e, const std::string& path, ViewSpec& v, InputErrors& unused) {
    bool ok = true;
    const auto name = r.text(e, path, "name");
    if (!name) return false;
    v.name = *name;
    v.subject = r.structure_list(e, path, "subject");
    if (v.subject == 0) {
        r.error(path + ".subject", e.contains("subject") ? e["subject"].dump() : "", "must name at least one structure");
        ok = false;
    }
    const auto level_ref = [&](const json& item, const std::string& field) -> std::optional<LevelRef> {
        const auto ref = item.is_string() ? parse_level_ref(item.get<std::string>()) : std::nullopt;
        if (!ref) r.error(field, item.dump(), "must be a level (C1 ... Co), \"tip\" or \"entry\", optionally with +N or -N");
        return ref;
    };
    if (e.contains("between")) {
        const json& b = e["between"];
        if (!b.is_array() || b.size() != 2) {
            r.error(path + ".between", b.dump(), "must be two levels, the upper first");
            ok = false;
        } else {
            v.from_level = level_ref(b[0], path + ".between[0]");
            v.to_level = level_ref(b[1], path + ".between[1]");
            ok = ok && v.from_level && v.to_level;
        }
    }
    if (!e.contains("from") || !e["from"].is_object()) {
        r.error(path + ".from", e.contains("from") ? e["from"].dump() : "", "must be an object with yaw_deg (or facing) and pitch_deg");
        ok = false;
    } else {
        const json& from = e["from"];
        report_unused(from, path + ".from", {"yaw_deg", "pitch_deg", "facing"}, r.source(), unused);
        if (from.contains("facing")) {
            if (from["facing"] != "pump") {
                r.error(path + ".from.facing", from["facing"].dump(), "must be \"pump\"");
                ok = false;
            }
            v.facing_pump = true;
        } else if (const auto yaw = r.number(from, path + ".from", "yaw_deg", -360.0, 360.0)) {
            v.yaw_rad = radians(*yaw);
        } else {
            ok = false;
        }
        if (const auto pitch = r.number(from, path + ".from", "pitch_deg", -80.0, 80.0)) v.pitch_rad = radians(*pitch);
        else ok = false;
    }
    v.margin = static_cast<float>(r.number_or(e, path, "margin", 0.0, 0.45, 0.05));
    v.fov_y_rad = radians(r.number_or(e, path, "fov_deg", 10.0, 90.0, 34.4));
    v.xray_mask = r.structure_list(e, path, "xray");
    v.hidden_mask = r.structure_list(e, path, "hidden");
    if (v.subject & v.hidden_mask) {
        r.error(path + ".hidden", e["hidden"].dump(), "hides part of the view's own subject");
        ok = false;
    }
    if (e.contains("cut")) {
        if (e["cut"] == "axial") {
            v.cut = CutKind::axial;
            const json at = e.contains("cut_at") ? e["cut_at"] : json("tip");
            if (const auto ref = level_ref(at, path + ".cut_at")) v.cut_at = *ref;
            else ok = false;
        } else if (e["cut"] == "sagittal") {
            v.cut = CutKind::sagittal;
        } else {
            r.error(path + ".cut", e["cut"].dump(), "must be \"axial\" or \"sagittal\"");
            ok = false;
        }
    }
    return ok;
}
}  // namespace

std::optional<LevelRef> parse_level_ref(std::string_view text) {
    LevelRef ref;
    std::string_view base = text;
    const std::size_t sign = text.find_first_of("+-");
    if (sign != std::string_view::npos) {
        base = text.substr(0, sign);
        const std::string_view number = text.substr(sign + 1);
        int n = 0;
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
        if (number.empty() || ec != std::errc() || end != number.data() + number.size() || n > kLevelCount) {
            return std::nullopt;
        }
        ref.offset = text[sign] == '-' ? -n : n;
    }
    if (base == "tip") {
        ref.anchor = LevelRef::Anchor::tip;
    } else if (base == "entry") {
        ref.anchor = LevelRef::Anchor::entry;
    } else if (const auto level = parse_level(base)) {
        ref.level = *level;
    } else {
        return std::nullopt;
    }
    return ref;
}

float level_index(const Anatomy& anatomy, const LevelRef& ref) {
    float at = 0.0f;
    switch (ref.anchor) {
        case LevelRef::Anchor::level: at = static_cast<float>(index_of(ref.level)); break;
        case LevelRef::Anchor::tip: at = anatomy.catheter_tip_level_index(); break;
        case LevelRef::Anchor::entry: at = static_cast<float>(index_of(anatomy.options.catheter_entry.upper)) + 0.5f; break;
    }
    return std::clamp(at + static_cast<float>(ref.offset), 0.0f, static_cast<float>(kLevelCount - 1));
}

Loaded<std::vector<ViewSpec>> parse_view_specs(std::string_view json_text, const std::string& source) {
    Loaded<std::vector<ViewSpec>> out;
    JsonReader r(json_text, source, out.errors);
    const auto doc = r.parse();
    if (!doc) return out;
    const json* views = r.top_list(*doc, "views", "must be a list with at least one view");
    if (!views) return out;
    report_unused(*doc, "", {"_note", "views"}, source, out.unused);
    std::set<std::string> names;
    const json& list = *views;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "views[" + std::to_string(i) + "]";
        const json& e = list[i];
        if (!e.is_object()) {
            r.error(path, e.dump(), "must be an object");
            continue;
        }
        report_unused(e, path, {"name", "subject", "between", "from", "margin", "fov_deg", "xray", "hidden", "cut", "cut_at"},
                      source, out.unused);
        ViewSpec v;
        if (!read_view(r, e, path, v, out.unused)) continue;
        if (!names.insert(v.name).second) {
            r.error(path + ".name", "\"" + v.name + "\"", "appears twice");
            continue;
        }
        out.value.push_back(v);
    }
    return out;
}

Loaded<std::vector<ViewSpec>> load_view_specs(const std::filesystem::path& file) {
    return load_with_fallback<std::vector<ViewSpec>>(file, parse_view_specs, built_in_views_json(), "views");
}

const std::vector<ViewSpec>& built_in_view_specs() {
    static const std::vector<ViewSpec> specs = [] {
        auto loaded = parse_view_specs(built_in_views_json(), "<built-in>");
        assert(loaded.errors.empty());
        return loaded.value;
    }();
    return specs;
}

// Perspective framing in closed form. With the camera at distance D from the target and the
// target moved by (a, b) in the picture's plane, a point q (relative to the subject's centre) fits
// when |q.right - a| <= tx (D + q.forward), and likewise up and down with ty. For each axis the
// smallest D is (A + B) / 2, reached at a = tx (A - B) / 2, where A and B are the largest
// q.right / tx - q.forward and -q.right / tx - q.forward: the subject centred, touching the margin
// on the tighter axis.
OrbitCamera frame_view(const NamedView& view, float aspect, float roll_rad, bool lying) {
    const std::vector<glm::vec3>& subject = lying && !view.subject_lying_mm.empty() ? view.subject_lying_mm : view.subject_mm;
    OrbitCamera camera = view.camera;
    camera.roll_rad = roll_rad;
    if (subject.empty() || !(aspect > 0.0f) || !std::isfinite(aspect)) return camera;
    glm::vec3 centre(0.0f);
    for (const glm::vec3& p : subject) centre += p;
    centre /= static_cast<float>(subject.size());
    camera.target_mm = centre;
    camera.distance_mm = 1000.0f;
    const glm::vec3 forward = glm::normalize(camera.target_mm - camera.eye());
    const glm::vec3 right = glm::normalize(glm::cross(forward, camera.up()));
    const glm::vec3 up = glm::cross(right, forward);  // as lookAt makes it: square to the line of sight
    const float fill = std::max(0.05f, 1.0f - 2.0f * view.margin);
    const float half = std::tan(camera.fov_y_rad * 0.5f) * fill;
    const float t[2] = {half * aspect, half};
    const glm::vec3 axes[2] = {right, up};
    // A point stands for a ball of radius pad: its silhouette reaches pad * sqrt(1 + t^2) further.
    float a_max[2] = {-1e30f, -1e30f}, b_max[2] = {-1e30f, -1e30f};
    for (const glm::vec3& p : subject) {
        const glm::vec3 q = p - centre;
        const float depth = glm::dot(q, forward);
        for (int k = 0; k < 2; ++k) {
            const float across = glm::dot(q, axes[k]);
            const float pad = view.subject_pad_mm * std::sqrt(1.0f + t[k] * t[k]);
            a_max[k] = std::max(a_max[k], (across + pad) / t[k] - depth);
            b_max[k] = std::max(b_max[k], (pad - across) / t[k] - depth);
        }
    }
    float distance = 0.0f;
    for (int k = 0; k < 2; ++k) distance = std::max(distance, 0.5f * (a_max[k] + b_max[k]));
    // At that distance, the shift across each axis that leaves as much room on both sides: on the
    // tighter axis it is 0.5 * t * (a - b); on the other the points' depths differ (an arm nearer
    // the camera than the other), so it is found by bisection of the two sides' reach.
    float shift[2];
    for (int k = 0; k < 2; ++k) {
        const float pad = view.subject_pad_mm * std::sqrt(1.0f + t[k] * t[k]);
        const auto room = [&](float s) {  // reach past the centre on the + side minus that on the - side
            float plus = -1e30f, minus = -1e30f;
            for (const glm::vec3& p : subject) {
                const glm::vec3 q = p - centre;
                const float across = glm::dot(q, axes[k]);
                const float depth = std::max(distance + glm::dot(q, forward), 1.0f);
                plus = std::max(plus, (across - s + pad) / depth);
                minus = std::max(minus, (s - across + pad) / depth);
            }
            return plus - minus;
        };
        float lo = -distance, hi = distance;
        for (int i = 0; i < 40; ++i) {
            const float mid = 0.5f * (lo + hi);
            (room(mid) > 0.0f ? lo : hi) = mid;
        }
        shift[k] = 0.5f * (lo + hi);
    }
    camera.target_mm = centre + shift[0] * right + shift[1] * up;
    camera.distance_mm = std::clamp(distance, OrbitCamera::kMinDistanceMm, OrbitCamera::kMaxDistanceMm);
    return camera;
}

const NamedView* find_view(const std::vector<NamedView>& views, std::string_view name) {
    for (const auto& v : views) {
        if (v.name == name) return &v;
    }
    return nullptr;
}

std::vector<std::string> view_names(const std::vector<NamedView>& views) {
    std::vector<std::string> names;
    for (const auto& v : views) names.push_back(v.name);
    return names;
}

std::vector<std::string> view_names(const std::vector<ViewSpec>& specs) {
    std::vector<std::string> names;
    for (const auto& v : specs) names.push_back(v.name);
    return names;
}

}  // namespace thecaview
