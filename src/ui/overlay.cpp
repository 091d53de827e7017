// Overlays on the 3D view, drawn with ImGui's background draw list so that the panel and its
// tooltips stay on top.
#include "ui/overlay.hpp"

#include <map>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include <glm/geometric.hpp>

#include "core/labels.hpp"
#include "core/procedure_pose.hpp"

namespace thecaview {

namespace {

const ImU32 kLabelText = IM_COL32(235, 240, 250, 255);
const ImU32 kLabelBox = IM_COL32(15, 22, 34, 215);
const ImU32 kLeader = IM_COL32(250, 210, 120, 230);

// Lays out a column of labels beside their anchors and draws them with leader lines; returns
// each drawn label's anchor and box, in request order of placement.
std::vector<std::pair<std::size_t, ImVec4>> draw_label_column(const std::vector<LabelRequest>& requests,
                                                              const std::vector<std::string>& texts, float column,
                                                              bool right, const OverlayInput& in) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    std::vector<std::pair<std::size_t, ImVec4>> out;
    // Clear of the note that pumps differ, along the bottom of the view.
    const float bottom = in.y + in.height - 4.0f - (in.pump_note ? ImGui::GetTextLineHeight() + 12.0f * in.scale : 0.0f);
    const auto placed = layout_label_column(requests, column, !right, in.y + 4.0f, bottom, 2.0f * in.scale);
    for (const auto& p : placed) {
        const auto& r = requests[p.index];
        const ImVec2 box_min(p.top_left_px.x, p.top_left_px.y);
        const ImVec2 box_max(box_min.x + r.size_px.x, box_min.y + r.size_px.y);
        const ImVec2 anchor(r.anchor_px.x, r.anchor_px.y);
        const ImVec2 end(right ? box_min.x : box_max.x, (box_min.y + box_max.y) * 0.5f);
        draw->AddLine(anchor, end, kLeader, 1.5f * in.scale);
        draw->AddCircleFilled(anchor, 3.0f * in.scale, kLeader);
        draw->AddRectFilled(box_min, box_max, kLabelBox, 3.0f * in.scale);
        draw->AddText(ImVec2(box_min.x + 4.0f * in.scale, box_min.y + 2.0f * in.scale), kLabelText, texts[p.index].c_str());
        out.emplace_back(p.index, ImVec4(box_min.x, box_min.y, box_max.x, box_max.y));
    }
    return out;
}

LabelRequest request_for(const std::string& text, glm::vec2 anchor, int priority, float scale) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float pad = 4.0f * scale;
    return {anchor, {size.x + 2.0f * pad, size.y + pad}, priority};
}

std::vector<DrawnLabel> level_markers(const OverlayInput& in) {
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
        requests.push_back(request_for(names.back(), {in.x + px->x, in.y + px->y}, level_label_priority(level), in.scale));
        mean_x += px->x;
        min_x = std::min(min_x, in.x + px->x);
        max_x = std::max(max_x, in.x + px->x);
    }
    if (requests.empty()) return drawn;
    mean_x /= static_cast<float>(requests.size());
    // Labels go on the roomier side of the spine, a little away from it.
    const bool right = mean_x < in.width * 0.5f;
    const float offset = 60.0f * in.scale;
    for (const auto& [index, box] : draw_label_column(requests, names, right ? max_x + offset : min_x - offset, right, in)) {
        drawn.push_back({levels[index], std::nullopt, requests[index].anchor_px, {box.x, box.y}, {box.z, box.w}});
    }
    return drawn;
}

// Structure names with leader lines, at each structure's landmark where it shows in the picture
// (read from the id target): left of the body for what lies left, right for the rest.
std::vector<DrawnLabel> structure_labels(const OverlayInput& in) {
    if (!in.mask_at) return {};
    std::vector<LabelRequest> side[2];
    std::vector<std::string> texts[2];
    std::vector<std::optional<Structure>> named[2];
    // Where each structure shows, on a coarse grid over the picture.
    constexpr int kColumns = 160, kRows = 90;  // fine enough to find a thin tube or the canal
    std::vector<StructureMask> grid(kColumns * kRows);
    for (int r = 0; r < kRows; ++r) {
        for (int c = 0; c < kColumns; ++c) {
            grid[r * kColumns + c] = in.mask_at(static_cast<int>((c + 0.5f) * in.width / kColumns),
                                                static_cast<int>((r + 0.5f) * in.height / kRows));
        }
    }
    std::vector<glm::vec2> anchors;  // taken so far
    for (const auto& s : structures()) {
        // Every structure when the labels are on; else the ones the step names.
        if (!in.state.structure_labels && (in.state.label_mask & bit(s.id)) == 0) continue;
        // The anchor: the grid point nearest the structure's landmark where the structure shows.
        const auto landmark = project_to_pixel(in.state.camera, in.anatomy.landmark(s.id), static_cast<int>(in.width),
                                               static_cast<int>(in.height));
        const bool on_screen = landmark && landmark->x >= 0.0f && landmark->y >= 0.0f && landmark->x < in.width &&
                               landmark->y < in.height;
        const glm::vec2 aim = on_screen ? *landmark : glm::vec2(in.width * 0.5f, in.height * 0.5f);
        // Layers that show in the same place (skin, fat, muscle) would all point at one spot:
        // each takes the nearest point not already taken by another label, if it has one.
        const float apart = 40.0f * in.scale;
        std::optional<glm::vec2> px, crowded;
        float best = 1e30f, best_crowded = 1e30f;
        for (int r = 0; r < kRows; ++r) {
            for (int c = 0; c < kColumns; ++c) {
                if ((grid[r * kColumns + c] & bit(s.id)) == 0) continue;
                const glm::vec2 p((c + 0.5f) * in.width / kColumns, (r + 0.5f) * in.height / kRows);
                const float d = glm::dot(p - aim, p - aim);
                const bool taken = std::any_of(anchors.begin(), anchors.end(),
                                               [&](glm::vec2 a) { return glm::dot(p - a, p - a) < apart * apart; });
                if (!taken && d < best) {
                    best = d;
                    px = p;
                } else if (taken && d < best_crowded) {
                    best_crowded = d;
                    crowded = p;
                }
            }
        }
        if (!px) px = crowded;
        if (!px) continue;
        anchors.push_back(*px);
        const StructureText* t = in.content ? in.content->structure(s.id) : nullptr;
        const int k = px->x < in.width * 0.5f ? 0 : 1;
        texts[k].push_back(t ? t->name : std::string(s.plain_name));
        named[k].push_back(s.id);
        side[k].push_back(request_for(texts[k].back(), {in.x + px->x, in.y + px->y}, 1, in.scale));
    }
    // Dressed cuts (the end of closing) are what a patient checks each day: each gets a label.
    if (in.content && !in.content->steps.empty()) {
        const ProcedureStep& step = current_step(in.state, *in.content);
        const ProcedurePose pose = pose_for(step.animation, step_animation_progress(in.state, *in.content), in.anatomy);
        if (pose.dressings > 0.5f) {
            const Incisions cut = incisions(in.anatomy);
            for (const auto& [a, b] : {std::pair{cut.back_a, cut.back_b}, std::pair{cut.belly_a, cut.belly_b}}) {
                const auto px = project_to_pixel(in.state.camera, 0.5f * (a + b), static_cast<int>(in.width), static_cast<int>(in.height));
                if (!px || px->x < 0.0f || px->y < 0.0f || px->x >= in.width || px->y >= in.height) continue;
                const int k = px->x < in.width * 0.5f ? 0 : 1;
                texts[k].push_back(in.content->text("dressed_cut"));
                named[k].push_back(std::nullopt);
                side[k].push_back(request_for(texts[k].back(), {in.x + px->x, in.y + px->y}, 2, in.scale));
            }
        }
    }
    float widest[2] = {0.0f, 0.0f};
    for (int k = 0; k < 2; ++k) {
        for (const auto& r : side[k]) widest[k] = std::max(widest[k], r.size_px.x);
    }
    std::vector<DrawnLabel> drawn;
    const float column[2] = {in.x + 10.0f * in.scale + widest[0], in.x + in.width - 10.0f * in.scale - widest[1]};
    for (int k = 0; k < 2; ++k) {
        for (const auto& [index, box] : draw_label_column(side[k], texts[k], column[k], k == 1, in)) {
            drawn.push_back({Level{}, named[k][index], side[k][index].anchor_px, {box.x, box.y}, {box.z, box.w}});
        }
    }
    return drawn;
}

void pump_note(const OverlayInput& in) {
    const std::string text = in.content ? in.content->text("pump_note") : "Pumps differ by maker and model. Yours may look different.";
    const char* note = text.c_str();
    const ImVec2 size = ImGui::CalcTextSize(note);
    const float pad = 8.0f * in.scale;
    const ImVec2 at(in.x + pad, in.y + in.height - size.y - pad);
    // On a dark box, so that it reads over skin as well as over the backdrop.
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddRectFilled(ImVec2(at.x - 0.5f * pad, at.y - 0.25f * pad), ImVec2(at.x + size.x + 0.5f * pad, at.y + size.y + 0.25f * pad),
                        IM_COL32(12, 16, 26, 210), 3.0f * in.scale);
    draw->AddText(at, IM_COL32(235, 240, 248, 255), note);
}

// While another pump's body is made: a box low in the view (clear of the tool bar and the
// captions above it) saying how far it has come.
void body_building(const OverlayInput& in) {
    if (!in.body_building) return;
    const auto [pump_ml, done] = *in.body_building;
    const std::map<std::string, std::string> values{{"pump", std::to_string(pump_ml)},
                                                    {"percent", std::to_string(static_cast<int>(done * 100.0f))}};
    const std::string text = in.content ? in.content->format("body_building", values)
                                        : "Getting the " + values.at("pump") + " mL pump ready: " + values.at("percent") + " %";
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float pad = 10.0f * in.scale;
    const ImVec2 at(in.x + 0.5f * (in.width - size.x), in.y + in.height - size.y - 5.0f * pad);
    ImDrawList* list = ImGui::GetForegroundDrawList();
    list->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad), IM_COL32(20, 28, 44, 230),
                        6.0f * in.scale);
    const float bar = (size.x + 2.0f * pad) * done;
    list->AddRectFilled(ImVec2(at.x - pad, at.y + size.y + pad - 4.0f * in.scale), ImVec2(at.x - pad + bar, at.y + size.y + pad),
                        IM_COL32(240, 190, 40, 255));
    list->AddText(at, IM_COL32(235, 240, 250, 255), text.c_str());
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
    if (in.state.structure_labels || in.state.label_mask) {
        const auto named = structure_labels(in);
        drawn.insert(drawn.end(), named.begin(), named.end());
    }
    if (in.pump_note) pump_note(in);
    body_building(in);
    hovered_name(in);
    return drawn;
}

}  // namespace thecaview
