// The side panel. Each section is one small function; none of them touch GL.
#include "ui/panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "core/colormap.hpp"
#include "core/structures.hpp"
#include "ui/colour.hpp"

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

// The colour scale: the same map as the 3D view, over three decades below the highest
// concentration of the run.
void colour_scale_legend(float top, float scale) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = 14.0f * scale;
    constexpr int kSteps = 48;
    for (int k = 0; k < kSteps; ++k) {
        const float x0 = origin.x + width * static_cast<float>(k) / kSteps;
        draw->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x0 + width / kSteps + 0.5f, origin.y + height),
                            to_imgui(viridis((static_cast<float>(k) + 0.5f) / kSteps)));
    }
    ImGui::Dummy(ImVec2(width, height));
    ImGui::Text("%.2g", top / 1000.0f);
    ImGui::SameLine(width * 0.5f - ImGui::CalcTextSize("µg/mL").x * 0.5f);
    ImGui::TextUnformatted("µg/mL");
    const std::string high = [top] {
        char text[32];
        std::snprintf(text, sizeof text, "%.3g", top);
        return std::string(text);
    }();
    ImGui::SameLine(width - ImGui::CalcTextSize(high.c_str()).x);
    ImGui::TextUnformatted(high.c_str());
}

// A plot of one value per vertebral level (log scale), coloured as the 3D view colours it.
void level_plot(const SimulationResult& r, const std::array<float, kLevelCount>& now, float top, float height) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_w = ImGui::CalcTextSize("T12 ").x;
    const int count = static_cast<int>(r.levels.size()) - 1;  // C1 ... S2
    const float row = height / static_cast<float>(count);
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(20, 26, 38, 255));
    for (int k = 0; k < count; ++k) {
        const float y = origin.y + row * static_cast<float>(k);
        const float u = concentration_scale(now[static_cast<std::size_t>(k)], top);
        const glm::vec3 c = viridis(u);
        const float bar = (width - label_w) * u;
        draw->AddRectFilled(ImVec2(origin.x + label_w, y + 1.0f), ImVec2(origin.x + label_w + bar, y + row - 1.0f), to_imgui(c));
        if (k % 2 == 0 || row >= ImGui::GetFontSize()) {
            draw->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.75f, ImVec2(origin.x, y),
                          IM_COL32(200, 205, 215, 255), r.levels[static_cast<std::size_t>(k) + 1].c_str());
        }
    }
    ImGui::Dummy(ImVec2(width, height));
}

// Level (down) against time (across): the whole 30 days at a glance, with the moment shown marked.
void heat_map(const SimulationResult& r, float top, double time_h, double horizon_h, float height) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = std::max(1, static_cast<int>(width / 3.0f));
    const std::size_t levels = r.levels.size() - 1;
    const float row = height / static_cast<float>(levels);
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(20, 26, 38, 255));
    for (int col = 0; col < columns; ++col) {
        const double t = horizon_h * (col + 0.5) / columns;
        if (t > r.times_h.back()) break;
        const auto now = spread_at(r, t);
        for (std::size_t k = 0; k < levels; ++k) {
            const glm::vec3 c = viridis(concentration_scale(now[k], top));
            const ImVec2 a(origin.x + width * col / columns, origin.y + row * k);
            draw->AddRectFilled(a, ImVec2(a.x + width / columns + 0.5f, a.y + row + 0.5f), to_imgui(c));
        }
    }
    const float x = origin.x + width * static_cast<float>(time_h / horizon_h);
    draw->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + height), IM_COL32(255, 255, 255, 220), 2.0f);
    ImGui::Dummy(ImVec2(width, height));
}

// The drug view: choose the medicine and the program, move through 30 days, read the plots.
void drug_section(const PanelInput& in, PanelActions& out) {
    if (!in.drugs || in.drugs->drugs.empty()) return;
    if (!ImGui::CollapsingHeader("How the medicine spreads")) return;
    DrugViewState d = in.state.drug;
    bool changed = ImGui::Checkbox("Show the medicine in the spinal fluid", &d.shown);
    const Drug* drug = in.drugs->find(d.drug);
    if (ImGui::BeginCombo("Medicine", drug ? drug->display_name.c_str() : d.drug.c_str())) {
        for (const auto& option : in.drugs->drugs) {
            if (ImGui::Selectable(option.display_name.c_str(), option.name == d.drug)) {
                d.drug = option.name;
                d.concentration_mg_per_ml = 0.0;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    drug = in.drugs->find(d.drug);
    float rate = static_cast<float>(d.rate_ml_per_day);
    if (ImGui::SliderFloat("Rate", &rate, 0.0f, 2.0f, "%.3f mL/day", ImGuiSliderFlags_Logarithmic)) {
        d.rate_ml_per_day = rate;
        changed = true;
    }
    if (drug) {
        float conc = static_cast<float>(d.concentration_mg_per_ml > 0.0 ? d.concentration_mg_per_ml : drug->usual_concentration_mg_per_ml);
        if (ImGui::SliderFloat("Strength", &conc, drug->max_concentration_mg_per_ml / 100.0f,
                               static_cast<float>(drug->max_concentration_mg_per_ml), "%.3g mg/mL", ImGuiSliderFlags_Logarithmic)) {
            d.concentration_mg_per_ml = conc;
            changed = true;
        }
        ImGui::TextDisabled("%.3g mg a day. Published usual range: %.3g to %.3g mg a day.", rate * conc,
                            drug->usual_daily_dose_min_mg, drug->usual_daily_dose_max_mg);
        ImGui::TextDisabled("For learning only: not a dose for anyone.");
    }
    float day = static_cast<float>(d.time_h / 24.0);
    if (ImGui::SliderFloat("Day", &day, 0.0f, 30.0f, "%.2f")) {
        d.time_h = day * 24.0;
        changed = true;
    }
    if (ImGui::Button(d.playing ? "Pause" : "Play")) {
        d.playing = !d.playing;
        changed = true;
    }
    ImGui::SameLine();
    int speed = static_cast<int>(d.speed_h_per_s);
    const char* speeds[] = {"1 h/s", "4 h/s", "1 day/s"};
    int choice = speed <= 1 ? 0 : (speed <= 4 ? 1 : 2);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::Combo("##speed", &choice, speeds, IM_ARRAYSIZE(speeds))) {
        d.speed_h_per_s = choice == 0 ? 1.0 : (choice == 1 ? 4.0 : 24.0);
        changed = true;
    }
    for (const auto& e : in.spread_errors) ImGui::TextColored(kNoteColour, "%s", e.message.c_str());
    if (changed) out.drug = d;
}

// The drug view's plots, in a window at the right of the 3D view while the drug is shown.
void spread_window(const PanelInput& in, float display_width, float display_height) {
    if (!in.state.drug.shown || !in.spread || in.spread->times_h.empty()) return;
    const float width = 300.0f * in.scale;
    ImGui::SetNextWindowPos(ImVec2(display_width - width, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, display_height));
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings;
    const Drug* drug = in.drugs ? in.drugs->find(in.state.drug.drug) : nullptr;
    const std::string title = (drug ? drug->display_name : in.state.drug.drug) + " in the spinal fluid###spread";
    ImGui::Begin(title.c_str(), nullptr, flags);
    const DrugViewState& d = in.state.drug;
    ImGui::Text("Day %d, %02d:00", static_cast<int>(d.time_h / 24.0), static_cast<int>(std::fmod(d.time_h, 24.0)));
    float top = 0.0f;
    for (const auto& row : in.spread->concentration_ug_per_ml) {
        for (std::size_t k = 1; k < row.size(); ++k) top = std::max(top, static_cast<float>(row[k]));
    }
    const auto now = spread_at(*in.spread, d.time_h);
    colour_scale_legend(std::max(top, 1e-6f), in.scale);
    ImGui::TextUnformatted("Now, along the spine");
    level_plot(*in.spread, now, std::max(top, 1e-6f), 26.0f * 9.0f * in.scale);
    ImGui::TextUnformatted("All 30 days: level down, time across");
    heat_map(*in.spread, std::max(top, 1e-6f), d.time_h, 30.0 * 24.0, 26.0f * 4.0f * in.scale);
    std::vector<float> reservoir(in.spread->reservoir_ml.begin(), in.spread->reservoir_ml.end());
    ImGui::PlotLines("##reservoir", reservoir.data(), static_cast<int>(reservoir.size()), 0, "Pump reservoir (mL)", 0.0f,
                     40.0f, ImVec2(ImGui::GetContentRegionAvail().x, 60.0f * in.scale));
    ImGui::TextWrapped("Over 30 days: %.3g mg given, %.3g mg left in the fluid, %.3g mg cleared.",
                       in.spread->delivered_mg, in.spread->in_csf_mg, in.spread->cleared_mg);
    ImGui::End();
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
    drug_section(in, out);
    ImGui::End();
    spread_window(in, ImGui::GetIO().DisplaySize.x, display_height);
    return out;
}

}  // namespace thecaview
