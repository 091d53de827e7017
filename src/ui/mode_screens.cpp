// Kiosk, signage and classroom screens. Each is one ImGui window with fixed flags; texts come
// from the content so every mode speaks the visitor's language.
#include "ui/mode_screens.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "core/care_contacts.hpp"

namespace thecaview {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoScrollbar;
const ImVec4 kNoteColour(0.98f, 0.82f, 0.45f, 1.0f);

void centred_text(const std::string& text) {
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(std::max((ImGui::GetWindowWidth() - width) * 0.5f, ImGui::GetStyle().WindowPadding.x));
    ImGui::TextUnformatted(text.c_str());
}

void wrapped_note(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// Begins a window centred on the display (above `bottom` when given), `width` of its width, sized
// to its contents.
bool begin_centred(const char* name, float width_fraction, float alpha = 0.92f, float bottom = 0.0f) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float centre_y = (bottom > 0.0f ? bottom : display.y) * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, centre_y), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(display.x * width_fraction, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(alpha);
    return ImGui::Begin(name, nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
}

}  // namespace

// ---- Kiosk start screen -------------------------------------------------------------------
StartScreenActions draw_start_screen(const StartScreenInput& in) {
    StartScreenActions out;
    const ProcedureContent& c = in.content;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Behind everything: a touch anywhere starts.
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("start_backdrop", nullptr, kFixed | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (ImGui::InvisibleButton("anywhere", ImVec2(std::max(display.x, 1.0f), std::max(display.y, 1.0f)))) out.start = true;
    ImGui::End();

    begin_centred("start_screen", 0.5f, 0.97f, in.bottom);
    ImGui::PushFont(in.large);
    centred_text("Thecaview");
    ImGui::PopFont();
    centred_text(c.text("start_title"));
    ImGui::Spacing();
    ImGui::PushFont(in.large);
    if (ImGui::Button(c.text("touch_to_start").c_str(), ImVec2(-1.0f, 2.0f * 48.0f * in.scale))) out.start = true;
    ImGui::PopFont();
    ImGui::Spacing();
    if (in.languages.size() > 1) {
        centred_text(c.text("language"));
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(in.languages.size() - 1)) /
                            static_cast<float>(in.languages.size());
        for (std::size_t i = 0; i < in.languages.size(); ++i) {
            const auto& [code, name] = in.languages[i];
            if (i > 0) ImGui::SameLine();
            const bool current = code == c.language;
            if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::Button(name.c_str(), ImVec2(width, 48.0f * in.scale))) out.language = code;
            if (current) ImGui::PopStyleColor();
        }
    }
    ImGui::End();  // the captions below carry the education note
    return out;
}

// ---- Captions of the tour ------------------------------------------------------------------
float draw_captions(const CaptionInput& in) {
    const ProcedureContent& c = in.content;
    if (c.steps.empty()) return ImGui::GetIO().DisplaySize.y;
    const int n = static_cast<int>(c.steps.size());
    const int step = std::clamp(in.step, 0, n - 1);
    const StepText& text = c.steps[static_cast<std::size_t>(step)].text(Audience::patient);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float margin = display.y * 0.03f;
    ImGui::SetNextWindowSize(ImVec2(display.x - 2.0f * margin, 0.0f), ImGuiCond_Always);
    const ImVec2 pos(margin + in.drift_px.x, (in.top ? margin : display.y - margin) + in.drift_px.y);
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always, ImVec2(0.0f, in.top ? 0.0f : 1.0f));
    ImGui::SetNextWindowBgAlpha(0.82f);
    ImGui::Begin("captions", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs);
    ImGui::PushFont(in.font);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    ImGui::TextUnformatted(text.title.c_str());
    ImGui::PopStyleColor();
    const auto cards = signage_cards(text);
    const std::size_t card = static_cast<std::size_t>(std::clamp(in.card, 0, static_cast<int>(cards.size()) - 1));
    ImGui::TextUnformatted(cards[card].c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (c.steps[static_cast<std::size_t>(step)].contacts) {  // where to call, on every card of the step
        ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
        for (const auto& line : care_contact_lines(in.contacts ? *in.contacts : CareContacts{}, c)) {
            ImGui::TextUnformatted(line.c_str());
        }
        ImGui::PopStyleColor();
    }
    if (cards.size() > 1) {  // one dot a card, the one shown filled
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float r = 0.22f * (in.font ? in.font->FontSize : ImGui::GetTextLineHeight());  // as large as the caption
        const ImVec2 at = ImGui::GetCursorScreenPos();
        for (std::size_t i = 0; i < cards.size(); ++i) {
            const ImVec2 centre(at.x + r + static_cast<float>(i) * 3.5f * r, at.y + r);
            if (i == card) draw->AddCircleFilled(centre, r, ImGui::GetColorU32(kNoteColour));
            else draw->AddCircle(centre, r, ImGui::GetColorU32(ImGuiCol_Text), 0, 1.5f);
        }
        ImGui::Dummy(ImVec2(0.0f, 2.0f * r + ImGui::GetStyle().ItemSpacing.y));
    }
    ImGui::ProgressBar(static_cast<float>(step + 1) / static_cast<float>(n), ImVec2(-1.0f, 6.0f), "");
    ImGui::TextUnformatted(c.format("step_of", {{"n", std::to_string(step + 1)}, {"total", std::to_string(n)}}).c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted("  ");
    ImGui::SameLine();
    wrapped_note(c.text("education_note"));
    ImGui::TextDisabled("%s", c.text("pump_note").c_str());
    const float top = ImGui::GetWindowPos().y;
    ImGui::End();
    return top;
}

// ---- Kiosk: the visit is about to time out -------------------------------------------------
void draw_still_there(const ProcedureContent& c, double seconds_left, ImFont* large) {
    begin_centred("still_there", 0.45f);
    ImGui::PushFont(large);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(
        c.format("still_there", {{"seconds", std::to_string(static_cast<int>(std::ceil(seconds_left)))}}).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::End();
}

// ---- Kiosk: the operator's PIN pad ---------------------------------------------------------
PinPadActions draw_pin_pad(const PinPadInput& in) {
    PinPadActions out;
    const ProcedureContent& c = in.content;
    const float key = 80.0f * in.scale;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(3.0f * key + 2.0f * gap + 2.0f * ImGui::GetStyle().WindowPadding.x, 0.0f));
    ImGui::SetNextWindowFocus();
    ImGui::Begin("pin_pad", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextUnformatted(c.text("operator_title").c_str());
    ImGui::TextUnformatted(c.text("pin_prompt").c_str());
    std::string dots;
    for (std::size_t i = 0; i < in.pad.typed_digits(); ++i) dots += "\u25CF ";
    centred_text(dots.empty() ? " " : dots);
    if (in.pad.locked()) {
        wrapped_note(c.format("pin_locked", {{"seconds", std::to_string(static_cast<int>(std::ceil(in.pad.locked_s())))}}));
    } else if (!in.message.empty()) {
        wrapped_note(in.message);
    }
    static constexpr const char* kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int i = 0; i < 9; ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        if (ImGui::Button(kKeys[i], ImVec2(key, key))) out.digit = kKeys[i][0];
    }
    if (ImGui::Button(c.text("erase").c_str(), ImVec2(key, key))) out.erase = true;
    ImGui::SameLine();
    if (ImGui::Button("0", ImVec2(key, key))) out.digit = '0';
    ImGui::SameLine();
    if (ImGui::Button(c.text("ok").c_str(), ImVec2(key, key))) out.submit = true;
    if (ImGui::Button(c.text("cancel").c_str(), ImVec2(-1.0f, 48.0f * in.scale))) out.cancel = true;
    ImGui::End();
    return out;
}

// ---- Classroom: tool bar and shortcuts -----------------------------------------------------
ToolBarActions draw_tool_bar(const ToolBarInput& in) {
    ToolBarActions out;
    const ProcedureContent& c = in.content;
    const float pad = ImGui::GetStyle().WindowPadding.x;
    ImGui::SetNextWindowPos(ImVec2(in.right - pad, in.top + pad), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::Begin("tool_bar", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
    if (ImGui::Button(c.text("screenshot").c_str())) out.screenshot = true;
    ImGui::SameLine();
    bool full = in.full_screen;
    if (ImGui::Checkbox(c.text("full_screen").c_str(), &full)) out.toggle_full_screen = true;
    ImGui::SameLine();
    bool presenter = in.presenter_font;
    if (ImGui::Checkbox(c.text("presenter").c_str(), &presenter)) out.toggle_presenter_font = true;
    ImGui::SameLine();
    if (ImGui::Button(c.text("help").c_str())) out.toggle_help = true;
    if (!in.message.empty()) ImGui::TextUnformatted(in.message.c_str());
    ImGui::End();
    return out;
}

bool draw_help(const ProcedureContent& c) {
    bool open = true;
    begin_centred("help", 0.42f, 0.96f);
    ImGui::TextUnformatted(c.text("help_title").c_str());
    ImGui::Separator();
    for (const char* key : {"key_steps", "key_play", "key_home", "key_views", "key_camera", "key_help", "key_fullscreen",
                            "key_screenshot", "key_presenter"}) {
        ImGui::BulletText("%s", c.text(key).c_str());
    }
    ImGui::Spacing();
    if (ImGui::Button(c.text("ok").c_str(), ImVec2(-1.0f, 0.0f))) open = false;
    ImGui::End();
    return open;
}

}  // namespace thecaview
