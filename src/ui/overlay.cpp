// Overlays on the 3D view, drawn with ImGui's background draw list so that the panel and its
// tooltips stay on top.
#include "ui/overlay.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/labels.hpp"

namespace thecaview {

namespace {

const ImU32 kLabelText = IM_COL32(235, 240, 250, 255);
const ImU32 kLabelBox = IM_COL32(15, 22, 34, 215);
const ImU32 kLeader = IM_COL32(250, 210, 120, 230);

std::vector<DrawnLabel> level_markers(const OverlayInput& in) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const glm::vec3 eye = in.state.camera.eye();
    std::vector<LabelRequest> requests;
    std::vector<std::string> names;
    std::vector<Level> levels;
    std::vector<DrawnLabel> drawn;
    float mean_x = 0.0f, min_x = 1e9f, max_x = -1e9f;
    for (int i = 0; i < kLevelCount; ++i) {
        const Level level = level_at(i);
        const auto px = project_to_pixel(in.state.camera, level_marker_anchor(in.anatomy, level, eye),
                                         static_cast<int>(in.width), static_cast<int>(in.height));
        if (!px || px->y < 0.0f || px->y > in.height || px->x < 0.0f || px->x > in.width) continue;
        names.push_back(name_of(level));
        levels.push_back(level);
        const ImVec2 size = ImGui::CalcTextSize(names.back().c_str());
        const float pad = 4.0f * in.scale;
        requests.push_back({{in.x + px->x, in.y + px->y}, {size.x + 2.0f * pad, size.y + pad}, level_label_priority(level)});
        mean_x += px->x;
        min_x = std::min(min_x, in.x + px->x);
        max_x = std::max(max_x, in.x + px->x);
    }
    if (requests.empty()) return drawn;
    mean_x /= static_cast<float>(requests.size());
    // Labels go on the roomier side of the spine, a little away from it.
    const bool right = mean_x < in.width * 0.5f;
    const float offset = 60.0f * in.scale;
    const float column = right ? max_x + offset : min_x - offset;
    const auto placed = layout_label_column(requests, column, !right, in.y + 4.0f, in.y + in.height - 4.0f, 2.0f * in.scale);
    for (const auto& p : placed) {
        const auto& r = requests[p.index];
        const ImVec2 box_min(p.top_left_px.x, p.top_left_px.y);
        const ImVec2 box_max(box_min.x + r.size_px.x, box_min.y + r.size_px.y);
        const ImVec2 anchor(r.anchor_px.x, r.anchor_px.y);
        const ImVec2 end(right ? box_min.x : box_max.x, (box_min.y + box_max.y) * 0.5f);
        draw->AddLine(anchor, end, kLeader, 1.5f * in.scale);
        draw->AddCircleFilled(anchor, 3.0f * in.scale, kLeader);
        draw->AddRectFilled(box_min, box_max, kLabelBox, 3.0f * in.scale);
        draw->AddText(ImVec2(box_min.x + 4.0f * in.scale, box_min.y + 2.0f * in.scale), kLabelText, names[p.index].c_str());
        drawn.push_back({levels[p.index], r.anchor_px, {box_min.x, box_min.y}, {box_max.x, box_max.y}});
    }
    return drawn;
}

void pump_note(const OverlayInput& in) {
    const std::string text = in.content ? in.content->text("pump_note") : "Pumps differ by maker and model. Yours may look different.";
    const char* note = text.c_str();
    const ImVec2 size = ImGui::CalcTextSize(note);
    const float pad = 8.0f * in.scale;
    const ImVec2 at(in.x + pad, in.y + in.height - size.y - pad);
    ImGui::GetBackgroundDrawList()->AddText(at, IM_COL32(200, 210, 225, 220), note);
}

void hovered_name(const OverlayInput& in) {
    if (!in.hovered) return;
    const StructureInfo& s = info(*in.hovered);
    const StructureText* t = in.content ? in.content->structure(*in.hovered) : nullptr;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(t ? t->name.c_str() : std::string(s.plain_name).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", t ? t->term.c_str() : std::string(s.term).c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
    ImGui::TextUnformatted(t ? t->description.c_str() : std::string(s.description).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace

std::vector<DrawnLabel> draw_overlay(const OverlayInput& in) {
    if (in.width <= 0.0f || in.height <= 0.0f) return {};
    std::vector<DrawnLabel> drawn;
    if (in.state.level_markers) drawn = level_markers(in);
    pump_note(in);
    hovered_name(in);
    return drawn;
}

}  // namespace thecaview
