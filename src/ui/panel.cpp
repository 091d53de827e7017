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

void structures_section(const PanelInput& in, PanelActions& out) {
    if (!ImGui::CollapsingHeader("Show", ImGuiTreeNodeFlags_DefaultOpen)) return;
    std::uint32_t mask = in.state.visible_mask;
    for (const auto& s : structures()) {
        bool shown = (mask & bit(s.id)) != 0;
        if (ImGui::Checkbox(std::string(s.plain_name).c_str(), &shown)) {
            mask = shown ? (mask | bit(s.id)) : (mask & ~bit(s.id));
            out.visible_mask = mask;
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s (%s)\n%s", std::string(s.plain_name).c_str(), std::string(s.term).c_str(),
                              std::string(s.description).c_str());
        }
    }
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
    ImGui::End();
    return out;
}

}  // namespace thecaview
