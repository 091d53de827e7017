// The side panel. Each section is one small function; none of them touch GL.
#include "ui/panel.hpp"

#include <algorithm>

#include <imgui.h>

#include "core/structures.hpp"

namespace thecaview {

namespace {

constexpr float kPanelWidthPx = 340.0f;
const ImVec4 kNoteColour(0.98f, 0.82f, 0.45f, 1.0f);

void education_note() {
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    ImGui::TextWrapped("For education only. Questions about your own care go to your care team.");
    ImGui::PopStyleColor();
}

void steps_section(const PanelInput& in, PanelActions& out) {
    const auto& steps = in.content.steps;
    if (steps.empty()) return;
    const int current = std::clamp(in.state.step, 0, static_cast<int>(steps.size()) - 1);
    ImGui::TextDisabled("Step %d of %d", current + 1, static_cast<int>(steps.size()));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(steps[current].title.c_str());
    ImGui::TextWrapped("%s", steps[current].caption.c_str());
    ImGui::PopTextWrapPos();

    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float tall = ImGui::GetFrameHeight() * 1.5f;
    ImGui::BeginDisabled(current == 0);
    if (ImGui::Button("< Back", ImVec2(half, tall))) out.select_step = current - 1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(current + 1 >= static_cast<int>(steps.size()));
    if (ImGui::Button("Next >", ImVec2(half, tall))) out.select_step = current + 1;
    ImGui::EndDisabled();

    if (ImGui::CollapsingHeader("All steps", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (int i = 0; i < static_cast<int>(steps.size()); ++i) {
            const std::string label = std::to_string(i + 1) + ". " + steps[i].title;
            if (ImGui::Selectable(label.c_str(), i == current)) out.select_step = i;
        }
    }
}

void views_section(const PanelInput& in, PanelActions& out) {
    if (!ImGui::CollapsingHeader("Views", ImGuiTreeNodeFlags_DefaultOpen)) return;
    const float width = ImGui::GetContentRegionAvail().x;
    float used = 0.0f;
    for (const auto& v : in.views) {
        const float w = ImGui::CalcTextSize(v.label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f;
        if (used > 0.0f && used + w > width) used = 0.0f;
        else if (used > 0.0f) ImGui::SameLine();
        const bool active = v.name == in.state.view_name;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(v.label.c_str())) out.go_to_view = v.name;
        if (active) ImGui::PopStyleColor();
        used += w + ImGui::GetStyle().ItemSpacing.x;
    }
}

// Sets or clears bit b of mask.
std::uint32_t with_bit(std::uint32_t mask, std::uint32_t b, bool on) { return on ? (mask | b) : (mask & ~b); }

// One row per structure: shown or hidden, and drawn see-through (x-ray) or solid.
void structures_section(const PanelInput& in, PanelActions& out) {
    if (!ImGui::CollapsingHeader("Show", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!ImGui::BeginTable("structures", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("Show", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("See-through", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    std::uint32_t shown_mask = in.state.visible_mask, xray_mask = in.state.xray_mask;
    for (const auto& s : structures()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool shown = (shown_mask & bit(s.id)) != 0;
        if (ImGui::Checkbox(std::string(s.plain_name).c_str(), &shown)) {
            shown_mask = with_bit(shown_mask, bit(s.id), shown);
            out.visible_mask = shown_mask;
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s (%s)\n%s", std::string(s.plain_name).c_str(), std::string(s.term).c_str(),
                              std::string(s.description).c_str());
        }
        ImGui::TableNextColumn();
        bool xray = (xray_mask & bit(s.id)) != 0;
        const std::string id = "##xray_" + std::string(s.key);
        if (ImGui::Checkbox(id.c_str(), &xray)) {
            xray_mask = with_bit(xray_mask, bit(s.id), xray);
            out.xray_mask = xray_mask;
        }
    }
    ImGui::EndTable();
}

// Cuts: across the body at a level, or a side or front cutaway plane that moves.
void cut_section(const PanelInput& in, PanelActions& out) {
    if (!ImGui::CollapsingHeader("Cut")) return;
    CutSettings cut = in.state.cut;
    const char* kinds[] = {"None", "Across at a level", "Remove the left side", "Remove the front"};
    int kind = static_cast<int>(cut.kind);
    if (ImGui::Combo("##cut", &kind, kinds, IM_ARRAYSIZE(kinds))) {
        cut.kind = static_cast<CutKind>(kind);
        out.cut = cut;
    }
    if (cut.kind == CutKind::axial) {
        int level = static_cast<int>(cut.level_index + 0.5f);
        if (ImGui::SliderInt("Level", &level, 0, kLevelCount - 1, name_of(level_at(level)).c_str())) {
            cut.level_index = static_cast<float>(level);
            out.cut = cut;
        }
    } else if (cut.kind != CutKind::none) {
        if (ImGui::SliderFloat("Depth", &cut.offset_mm, -200.0f, 200.0f, "%.0f mm")) out.cut = cut;
    }
}

// The implant as a student may vary it: catheter tip level and pump size; level markers.
void implant_section(const PanelInput& in, PanelActions& out) {
    if (!ImGui::CollapsingHeader("Implant and levels")) return;
    AnatomyOptions options = in.state.anatomy;
    int tip = index_of(options.catheter_tip);
    if (ImGui::SliderInt("Catheter tip", &tip, index_of(Level::C5), index_of(Level::L2),
                         name_of(level_at(tip)).c_str())) {
        options.catheter_tip = level_at(tip);
        out.anatomy = options;
    }
    int reservoir = options.pump_reservoir_ml;
    bool resized = ImGui::RadioButton("20 mL pump", &reservoir, 20);
    ImGui::SameLine();
    resized |= ImGui::RadioButton("40 mL pump", &reservoir, 40);
    if (resized) {
        options.pump_reservoir_ml = reservoir;
        out.anatomy = options;
    }
    bool markers = in.state.level_markers;
    if (ImGui::Checkbox("Level markers (C1 ... Co)", &markers)) out.level_markers = markers;
}

}  // namespace

float panel_width(float scale) { return kPanelWidthPx * scale; }

PanelActions draw_panel(const PanelInput& in, float display_height) {
    PanelActions out;
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(panel_width(in.scale), display_height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("Thecaview", nullptr, flags);
    ImGui::TextUnformatted("Thecaview");
    ImGui::SameLine();
    ImGui::TextDisabled("intrathecal pain pump");
    education_note();
    ImGui::Separator();
    steps_section(in, out);
    ImGui::Separator();
    views_section(in, out);
    structures_section(in, out);
    cut_section(in, out);
    implant_section(in, out);
    ImGui::End();
    return out;
}

}  // namespace thecaview
