// The side panel. Each section is one small function; none of them touch GL.
#include "ui/panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "core/care_contacts.hpp"
#include "core/colormap.hpp"
#include "core/handout.hpp"
#include "core/levels.hpp"
#include "core/pump.hpp"
#include "core/skin_tone.hpp"
#include "core/quiz.hpp"
#include "core/structures.hpp"
#include "ui/colour.hpp"

namespace thecaview {

namespace {

constexpr float kPanelWidthPx = 340.0f;
const ImVec4 kNoteColour(0.98f, 0.82f, 0.45f, 1.0f);
const ImVec4 kUrgentColour(1.0f, 0.45f, 0.35f, 1.0f);

// A number as people write it: three significant figures.
std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

// A drug's name in the language shown.
std::string drug_name(const ProcedureContent& c, const std::string& drug) { return c.text("drug_" + drug); }

// Touch targets: at least 48 px at 1080p, scaled with the display.
float touch_height(float scale) { return std::max(48.0f * scale, ImGui::GetFrameHeight() * 1.5f); }

void education_note(const ProcedureContent& c) {
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    ImGui::TextWrapped("%s", c.text("education_note").c_str());
    ImGui::PopStyleColor();
}

// The About box: what the app is for, the content's version and review date, and the sources.
void about_box(const ProcedureContent& c) {
    // On the level row when it fits, else on a line of its own.
    const float width = ImGui::CalcTextSize(c.text("about").c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
    else ImGui::SameLine(ImGui::GetContentRegionMax().x - width);
    if (ImGui::Button(c.text("about").c_str())) ImGui::OpenPopup("about");
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(size.x * 0.6f, size.y * 0.7f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(size.x * 0.5f, size.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("about", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextWrapped("%s", c.format("about_text", {{"version", c.version}, {"date", c.review_date}}).c_str());
    ImGui::BeginChild("sources", ImVec2(0.0f, -ImGui::GetFrameHeightWithSpacing() * 1.5f), true);
    const std::string_view refs = built_in_references_text();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(refs.data(), refs.data() + refs.size());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (ImGui::Button(c.text("ok").c_str(), ImVec2(-1.0f, 0.0f))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// A button in a row that wraps onto the next line when the next one would not fit. `used` is the
// row's width so far (0 starts a row).
bool flow_button(const std::string& label, float& used, bool active = false) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    if (used > 0.0f && used + w > width) used = 0.0f;
    else if (used > 0.0f) ImGui::SameLine();
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label.c_str());
    if (active) ImGui::PopStyleColor();
    used += w + ImGui::GetStyle().ItemSpacing.x;
    return pressed;
}

// A heading and its points, each point a bullet with its lines indented under it.
void bullet_list(const std::string& heading, const std::vector<std::string>& points, const ImVec4& colour) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", heading.c_str());
    ImGui::PopStyleColor();
    for (const auto& point : points) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", point.c_str());
    }
}

// The clinic's names and numbers first (what a reader acts on), then the step's lists, an urgent
// one in the warning colour.
void step_lists(const PanelInput& in, const ProcedureStep& step, const StepText& text) {
    if (step.contacts) {
        bullet_list(in.content.text("contact_heading"), care_contact_lines(in.contacts ? *in.contacts : CareContacts{}, in.content),
                    kNoteColour);
    }
    for (const auto& list : text.lists) bullet_list(list.heading, list.points, list.urgent ? kUrgentColour : kNoteColour);
}

// A glossary term's meaning, in a box over the panel; `key` picks the term ("" : every term).
constexpr const char* kTermPopup = "term";
void glossary_box(const ProcedureContent& c) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const int chosen = storage->GetInt(ImGui::GetID("glossary_term"), -1);
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(size.x * 0.5f, chosen < 0 ? size.y * 0.7f : 0.0f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(size.x * 0.5f, size.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kTermPopup, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    ImGui::TextUnformatted(c.text(chosen < 0 ? "glossary_title" : "glossary_term_title").c_str());
    ImGui::PopStyleColor();
    // Every term scrolls in a box; one term is shown as it is.
    if (chosen < 0) ImGui::BeginChild("terms", ImVec2(0.0f, -ImGui::GetFrameHeightWithSpacing() * 1.5f), true);
    ImGui::PushTextWrapPos(0.0f);
    for (int i = 0; i < static_cast<int>(c.glossary.size()); ++i) {
        if (chosen >= 0 && i != chosen) continue;
        const GlossaryTerm& t = c.glossary[static_cast<std::size_t>(i)];
        ImGui::TextUnformatted(t.term.c_str());
        ImGui::Indent();
        ImGui::TextUnformatted(t.definition.c_str());
        ImGui::Unindent();
        ImGui::Spacing();
    }
    ImGui::PopTextWrapPos();
    if (chosen < 0) ImGui::EndChild();
    if (ImGui::Button(c.text("ok").c_str(), ImVec2(-1.0f, 0.0f))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void open_glossary(int term) {
    ImGui::GetStateStorage()->SetInt(ImGui::GetID("glossary_term"), term);
    ImGui::OpenPopup(kTermPopup);
}

// The glossary's words that the step's text uses, as buttons: a tap shows the meaning.
void step_terms(const ProcedureContent& c, const ProcedureStep& step, const StepText& text) {
    // The words of the text and of the labels in the picture.
    std::string words = step_words(text, true);
    for (const auto& s : structures()) {
        if ((step.label_mask & bit(s.id)) == 0) continue;
        if (const StructureText* t = c.structure(s.id)) words += "\n" + t->name;
    }
    const auto terms = c.terms_in(words);
    if (terms.empty()) return;
    ImGui::Spacing();
    ImGui::TextWrapped("%s", c.text("words_in_step").c_str());
    float used = 0.0f;
    int tapped = -1;
    ImGui::PushID("terms");  // a term's button is not the drug list's entry of the same name
    for (const GlossaryTerm* t : terms) {
        if (flow_button(t->term, used)) tapped = static_cast<int>(t - c.glossary.data());
    }
    ImGui::PopID();
    if (tapped >= 0) open_glossary(tapped);  // in the panel's id scope, where the box is drawn
}

// Language and audience level: switch at any time, effective at once.
void language_and_level(const PanelInput& in, PanelActions& out) {
    const ProcedureContent& c = in.content;
    if (in.languages.size() > 1) {
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::BeginCombo("##language", c.language_name.c_str())) {
            for (const auto& [code, name] : in.languages) {
                if (ImGui::Selectable(name.c_str(), code == c.language)) out.language = code;
            }
            ImGui::EndCombo();
        }
    }
    const bool student = in.state.audience == Audience::student;
    if (ImGui::RadioButton(c.text("level_patient").c_str(), !student)) out.audience = Audience::patient;
    ImGui::SameLine();
    if (ImGui::RadioButton(c.text("level_student").c_str(), student)) out.audience = Audience::student;
}

// A step's title, larger and in the heading colour, so that it reads as the heading it is.
void step_title(const std::string& title) {
    ImGui::SetWindowFontScale(1.2f);
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0f);
}

// A button as wide as the panel whose label wraps onto as many lines as it needs (a choice of a
// question is often a sentence). `tint`: its colour once the answer is known (alpha 0: none).
bool wrapped_button(const char* id, const std::string& label, float min_height, ImVec4 tint, bool enabled) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrap = width - 2.0f * style.FramePadding.x;
    const ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    const ImVec2 size(width, std::max(min_height, text.y + 2.0f * style.FramePadding.y));
    if (tint.w > 0.0f) {
        ImGui::PushStyleColor(ImGuiCol_Button, tint);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, tint);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, tint);
    }
    ImGui::BeginDisabled(!enabled);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::Button(id, size);
    ImGui::EndDisabled();
    if (tint.w > 0.0f) ImGui::PopStyleColor(3);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                        ImVec2(at.x + style.FramePadding.x, at.y + (size.y - text.y) * 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, wrap);
    return pressed;
}

// A teach-back question in place of the step's text: the question, its choices as large buttons
// (or a hint to tap the picture), then whether the answer was right and why. Nothing is scored.
void quiz_section(const PanelInput& in, const QuizQuestion& q, PanelActions& out) {
    const ProcedureContent& c = in.content;
    const QuizState& quiz = *in.state.quiz;
    const auto count = questions_after(c, quiz.after).size();
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    ImGui::TextWrapped("%s", c.format("quiz_title", {{"n", std::to_string(quiz.question + 1)}, {"total", std::to_string(count)}}).c_str());
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(q.question.c_str());
    ImGui::PopTextWrapPos();
    const float tall = touch_height(in.scale);
    const bool answered = quiz.chosen.has_value();
    const ImVec4 right(0.16f, 0.55f, 0.30f, 1.0f), wrong(0.70f, 0.22f, 0.18f, 1.0f), none(0.0f, 0.0f, 0.0f, 0.0f);
    if (q.tap) {
        if (!answered) ImGui::TextDisabled("%s", c.text("quiz_tap_hint").c_str());
    } else {
        for (int i = 0; i < static_cast<int>(q.choices.size()); ++i) {
            const ImVec4 tint = !answered ? none : (i == q.answer ? right : (i == *quiz.chosen ? wrong : none));
            const std::string id = "##choice" + std::to_string(i);
            // Not by colour alone: the right answer and a wrong pick say so in words.
            std::string label = q.choices[static_cast<std::size_t>(i)];
            if (answered && i == q.answer) label += " " + c.text("quiz_right_answer");
            else if (answered && i == *quiz.chosen) label += " " + c.text("quiz_your_answer");
            if (wrapped_button(id.c_str(), label, tall, tint, !answered)) out.quiz_choice = i;
        }
    }
    if (answered) {
        const bool ok = answered_right(quiz, c);
        ImGui::PushStyleColor(ImGuiCol_Text, ok ? ImVec4(0.45f, 0.9f, 0.55f, 1.0f) : kUrgentColour);
        ImGui::TextUnformatted(c.text(ok ? "quiz_right" : "quiz_not_quite").c_str());
        ImGui::PopStyleColor();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(q.explanation.c_str());
        ImGui::PopTextWrapPos();
    }
    const bool last = quiz.question + 1 >= static_cast<int>(count);
    const char* next = answered ? (last ? "quiz_continue" : "quiz_next") : "quiz_skip";
    if (ImGui::Button(c.text(next).c_str(), ImVec2(-1.0f, tall))) out.quiz_next = true;
}

void steps_section(const PanelInput& in, PanelActions& out) {
    const ProcedureContent& c = in.content;
    const auto& steps = c.steps;
    if (steps.empty()) return;
    const int current = std::clamp(in.state.step, 0, static_cast<int>(steps.size()) - 1);
    const ProcedureStep& step = steps[static_cast<std::size_t>(current)];
    const StepText& text = step.text(in.state.audience);
    ImGui::TextUnformatted(c.format("step_of", {{"n", std::to_string(current + 1)}, {"total", std::to_string(steps.size())}}).c_str());
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(current + 1) / static_cast<float>(steps.size()), ImVec2(-1.0f, 0.0f), "");
    if (const QuizQuestion* q = in.state.quiz ? current_question(*in.state.quiz, c) : nullptr) {
        quiz_section(in, *q, out);
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    step_title(text.title);
    ImGui::TextWrapped("%s", text.caption.c_str());
    if (!text.more.empty()) ImGui::TextWrapped("%s", text.more.c_str());
    step_lists(in, step, text);
    if (in.state.audience == Audience::student && !text.sources.empty()) {
        std::string sources;
        for (const auto& key : text.sources) sources += (sources.empty() ? "" : " ") + key;
        ImGui::TextDisabled("%s", sources.c_str());
    }
    ImGui::PopTextWrapPos();
    step_terms(c, step, text);
    if (!in.handout_button.empty() && offers_handout(step)) {
        ImGui::Spacing();
        ImGui::BeginDisabled(in.handout_busy);
        if (ImGui::Button(in.handout_button.c_str(), ImVec2(-1.0f, touch_height(in.scale)))) out.handout = true;
        ImGui::EndDisabled();
        if (!in.handout_message.empty()) ImGui::TextWrapped("%s", in.handout_message.c_str());
    }

    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float third = (ImGui::GetContentRegionAvail().x - 2.0f * spacing) / 3.0f;
    const float tall = touch_height(in.scale);
    ImGui::BeginDisabled(current == 0);
    if (ImGui::Button(c.text("back").c_str(), ImVec2(third, tall))) out.select_step = current - 1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button((in.state.autoplay ? c.text("pause") : c.text("play")).c_str(), ImVec2(third, tall))) {
        out.autoplay = !in.state.autoplay;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(current + 1 >= static_cast<int>(steps.size()));
    if (ImGui::Button(c.text("next").c_str(), ImVec2(third, tall))) out.select_step = current + 1;
    ImGui::EndDisabled();
    const float half = (ImGui::GetContentRegionAvail().x - spacing) / 2.0f;
    if (ImGui::Button(c.text("replay").c_str(), ImVec2(half, 0.0f))) out.select_step = current;
    ImGui::SameLine();
    ImGui::BeginDisabled(c.glossary.empty());
    if (ImGui::Button(c.text("glossary").c_str(), ImVec2(half, 0.0f))) open_glossary(-1);
    ImGui::EndDisabled();
    glossary_box(c);

    if (ImGui::CollapsingHeader(c.text("all_steps").c_str())) {
        for (int i = 0; i < static_cast<int>(steps.size()); ++i) {
            const std::string label = std::to_string(i + 1) + ". " + steps[static_cast<std::size_t>(i)].text(in.state.audience).title;
            if (ImGui::Selectable(label.c_str(), i == current)) out.select_step = i;
        }
    }
}

// The figure's skin colour: six swatches from light to dark, the chosen one framed.
void skin_tone_row(const PanelInput& in, PanelActions& out) {
    ImGui::TextUnformatted(in.content.text("skin_tone").c_str());
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float side = std::min(ImGui::GetFrameHeight() * 1.2f,
                                (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(kSkinTones - 1)) / kSkinTones);
    for (int n = 1; n <= kSkinTones; ++n) {
        if (n > 1) ImGui::SameLine();
        const glm::vec3 c = skin_tone_srgb(n);
        const bool chosen = n == in.state.skin_tone;
        ImGui::PushID(n);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, chosen ? 3.0f * in.scale : 0.0f);
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
        const std::string label = in.content.text("skin_tone") + " " + std::to_string(n);
        if (ImGui::ColorButton(label.c_str(), ImVec4(c.x, c.y, c.z, 1.0f), ImGuiColorEditFlags_NoAlpha, ImVec2(side, side))) {
            out.skin_tone = n;
        }
        ImGui::PopStyleColor();
        ImGui::PopStyleVar();
        ImGui::PopID();
    }
}

// The figure's body: a woman's or a man's (the implant sits where it would in each).
void body_row(const PanelInput& in, PanelActions& out) {
    ImGui::TextUnformatted(in.content.text("body").c_str());
    for (const BodyType body : kBodyTypes) {
        ImGui::SameLine();
        const std::string label = in.content.text("body_" + std::string(name_of(body)));
        if (ImGui::RadioButton(label.c_str(), in.state.anatomy.body == body) && in.state.anatomy.body != body) {
            AnatomyOptions options = in.state.anatomy;
            options.body = body;
            out.anatomy = options;
        }
    }
}

void views_section(const PanelInput& in, PanelActions& out) {
    if (!ImGui::CollapsingHeader(in.content.text("views").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    float used = 0.0f;
    for (const auto& v : in.views) {
        if (flow_button(in.content.text("view_" + v.name), used, v.name == in.state.view_name)) out.go_to_view = v.name;
    }
    skin_tone_row(in, out);
    body_row(in, out);
}

// Sets or clears bit b of mask.
StructureMask with_bit(StructureMask mask, StructureMask b, bool on) { return on ? (mask | b) : (mask & ~b); }

// One row per structure: shown or hidden, and drawn see-through (x-ray) or solid.
void structures_section(const PanelInput& in, PanelActions& out) {
    const ProcedureContent& c = in.content;
    if (!ImGui::CollapsingHeader(c.text("show").c_str())) return;
    if (!ImGui::BeginTable("structures", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn(c.text("show").c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(c.text("see_through").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    StructureMask shown_mask = in.state.visible_mask, xray_mask = in.state.xray_mask;
    for (const auto& s : structures()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool shown = (shown_mask & bit(s.id)) != 0;
        const StructureText* t = c.structure(s.id);
        const std::string name = t ? t->name : std::string(s.plain_name);
        if (ImGui::Checkbox(name.c_str(), &shown)) {
            shown_mask = with_bit(shown_mask, bit(s.id), shown);
            out.visible_mask = shown_mask;
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s (%s)\n%s", name.c_str(), t ? t->term.c_str() : std::string(s.term).c_str(),
                              t ? t->description.c_str() : std::string(s.description).c_str());
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
    const ProcedureContent& c = in.content;
    if (!ImGui::CollapsingHeader(c.text("cut").c_str())) return;
    CutSettings cut = in.state.cut;
    const std::string names[] = {c.text("cut_none"), c.text("cut_axial"), c.text("cut_left"), c.text("cut_front")};
    const char* kinds[] = {names[0].c_str(), names[1].c_str(), names[2].c_str(), names[3].c_str()};
    int kind = static_cast<int>(cut.kind);
    if (ImGui::Combo("##cut", &kind, kinds, IM_ARRAYSIZE(kinds))) {
        cut.kind = static_cast<CutKind>(kind);
        out.cut = cut;
    }
    if (cut.kind == CutKind::axial) {
        int level = static_cast<int>(cut.level_index + 0.5f);
        if (ImGui::SliderInt(c.text("cut_level").c_str(), &level, 0, kLevelCount - 1, name_of(level_at(level)).c_str())) {
            cut.level_index = static_cast<float>(level);
            out.cut = cut;
        }
    } else if (cut.kind != CutKind::none) {
        if (ImGui::SliderFloat(c.text("cut_depth").c_str(), &cut.offset_mm, -200.0f, 200.0f, "%.0f mm")) out.cut = cut;
    }
}

// The implant as a student may vary it: catheter tip level, needle entry and pump size; level markers.
void implant_section(const PanelInput& in, PanelActions& out) {
    const ProcedureContent& c = in.content;
    if (!ImGui::CollapsingHeader(c.text("implant").c_str())) return;
    AnatomyOptions options = in.state.anatomy;
    int tip = index_of(options.catheter_tip);
    if (ImGui::SliderInt(c.text("catheter_tip").c_str(), &tip, index_of(Level::C5), index_of(Level::L2),
                         name_of(level_at(tip)).c_str())) {
        options.catheter_tip = level_at(tip);
        out.anatomy = options;
    }
    // The needle's interspace: the catheter enters the sac there (the puncture and threading show it).
    ImGui::TextUnformatted(c.text("needle_entry").c_str());
    for (const Level upper : kNeedleEntryUpper) {
        const Interspace space{upper};
        ImGui::SameLine();
        if (ImGui::RadioButton(space.name().c_str(), options.catheter_entry == space)) {
            options.catheter_entry = space;
            out.anatomy = options;
        }
    }
    int reservoir = options.pump_reservoir_ml;
    bool resized = ImGui::RadioButton(c.text("pump_20").c_str(), &reservoir, 20);
    ImGui::SameLine();
    resized |= ImGui::RadioButton(c.text("pump_40").c_str(), &reservoir, 40);
    if (resized) {
        options.pump_reservoir_ml = reservoir;
        out.anatomy = options;
    }
    bool markers = in.state.level_markers;
    if (ImGui::Checkbox(c.text("level_markers").c_str(), &markers)) out.level_markers = markers;
    bool labels = in.state.structure_labels;
    if (ImGui::Checkbox(c.text("structure_labels").c_str(), &labels)) out.structure_labels = labels;
}

// The colour scale: the same map as the 3D view, over three decades below the highest
// concentration of the run.
void colour_scale_legend(const ProcedureContent& c, bool student, float top, float scale) {
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
    if (!student) {  // patients read words and colours
        const float less = ImGui::CalcTextSize(c.text("less").c_str()).x, more = ImGui::CalcTextSize(c.text("more").c_str()).x;
        ImGui::TextUnformatted(c.text("less").c_str());
        // Both ends on one line where they fit, else "more" on the next, at the right.
        if (less + more + ImGui::GetStyle().ItemSpacing.x * 2.0f <= width) ImGui::SameLine(width - more);
        else ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - more);
        ImGui::TextUnformatted(c.text("more").c_str());
        return;
    }
    ImGui::Text("%.2g", top / 1000.0f);
    ImGui::SameLine(width * 0.5f - ImGui::CalcTextSize("µg/mL").x * 0.5f);
    ImGui::TextUnformatted("µg/mL");
    const std::string high = number(top);
    ImGui::SameLine(width - ImGui::CalcTextSize(high.c_str()).x);
    ImGui::TextUnformatted(high.c_str());
}

// A plot of one value per vertebral level (log scale), coloured as the 3D view colours it.
// With a band, each level also gets a white whisker from the lowest to the highest plausible value.
// A level's part of the back in plain words, by its name ("T10"); unknown names: the lower back.
std::string region_key(const std::string& level) {
    const auto l = parse_level(level);
    return std::string(back_region_key(l ? *l : Level::L1));
}

// The parts of the back beside the rows, each name at the middle of its rows, a line between parts:
// what a patient reads instead of C1 ... S2.
void region_labels(const SimulationResult& r, const ProcedureContent& c, ImVec2 origin, float width, float row, int count) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    int first = 0;
    for (int k = 1; k <= count; ++k) {
        const std::string key = region_key(r.levels[static_cast<std::size_t>(first) + 1]);
        if (k < count && region_key(r.levels[static_cast<std::size_t>(k) + 1]) == key) continue;
        const std::string name = c.text(key);
        const float mid = origin.y + row * 0.5f * static_cast<float>(first + k) - ImGui::GetFontSize() * 0.5f;
        draw->AddText(ImVec2(origin.x, mid), IM_COL32(200, 205, 215, 255), name.c_str());
        if (k < count) {
            const float y = origin.y + row * static_cast<float>(k);
            draw->AddLine(ImVec2(origin.x, y), ImVec2(origin.x + width, y), IM_COL32(200, 205, 215, 160), 1.0f);
        }
        first = k;
    }
}

void level_plot(const SimulationResult& r, const std::array<float, kLevelCount>& now, float top, float height,
                const LevelBand* band, const ProcedureContent& content, bool patient) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    float label_w = ImGui::CalcTextSize("T12 ").x;
    if (patient) {
        for (const char* key : {"region_neck", "region_upper_back", "region_lower_back"}) {
            label_w = std::max(label_w, ImGui::CalcTextSize((content.text(key) + " ").c_str()).x);
        }
    }
    const int count = static_cast<int>(r.levels.size()) - 1;  // C1 ... S2
    const float row = height / static_cast<float>(count);
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(20, 26, 38, 255));
    for (int k = 0; k < count; ++k) {
        const float y = origin.y + row * static_cast<float>(k);
        const float u = concentration_scale(now[static_cast<std::size_t>(k)], top);
        const glm::vec3 c = viridis(u);
        const float bar = (width - label_w) * u;
        draw->AddRectFilled(ImVec2(origin.x + label_w, y + 1.0f), ImVec2(origin.x + label_w + bar, y + row - 1.0f), to_imgui(c));
        if (band) {
            const std::size_t i = static_cast<std::size_t>(k);
            const float lo = origin.x + label_w + (width - label_w) * concentration_scale(band->low[i], top);
            const float hi = origin.x + label_w + (width - label_w) * concentration_scale(band->high[i], top);
            const float mid = y + 0.5f * row;
            const ImU32 white = IM_COL32(255, 255, 255, 230);
            draw->AddLine(ImVec2(lo, mid), ImVec2(hi, mid), white, 1.5f);
            draw->AddLine(ImVec2(lo, y + 2.0f), ImVec2(lo, y + row - 2.0f), white, 1.5f);
            draw->AddLine(ImVec2(hi, y + 2.0f), ImVec2(hi, y + row - 2.0f), white, 1.5f);
        }
        if (!patient && (k % 2 == 0 || row >= ImGui::GetFontSize())) {
            draw->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.75f, ImVec2(origin.x, y),
                          IM_COL32(200, 205, 215, 255), r.levels[static_cast<std::size_t>(k) + 1].c_str());
        }
    }
    if (patient) region_labels(r, content, origin, width, row, count);
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

// The volume a day the program gives on average (a schedule's steps weighted by their hours).
double daily_volume_ml(const DrugViewState& d) {
    if (d.schedule.empty()) return d.rate_ml_per_day;
    double total = 0.0;
    for (std::size_t i = 0; i < d.schedule.size(); ++i) {
        const double end = i + 1 < d.schedule.size() ? d.schedule[i + 1].start_h : 24.0;
        total += d.schedule[i].rate_ml_per_day * (end - d.schedule[i].start_h) / 24.0;
    }
    return total;
}

// How the drug view's amount sliders read: numbers for students, words for patients (who are
// shown no amounts of medicine at all).
struct AmountFormats {
    const char* rate;
    const char* strength;
    const char* dose;
};

// A pump rate: 0 (stopped) or within the pump's range; the slider never offers a rate it refuses.
bool rate_slider(const char* label, double& rate_ml_per_day, const char* format) {
    float rate = static_cast<float>(rate_ml_per_day);
    if (!ImGui::SliderFloat(label, &rate, 0.0f, 2.0f, format, ImGuiSliderFlags_Logarithmic)) return false;
    const float min_flow = static_cast<float>(DeviceLimits{}.min_flow_ml_per_day);
    if (rate > 0.0f && rate < min_flow) rate = rate < min_flow * 0.5f ? 0.0f : min_flow;
    rate_ml_per_day = rate;
    return true;
}

// A daily schedule of up to 12 steps, each starting on the hour, in order.
bool schedule_editor(const ProcedureContent& c, std::vector<ScheduleStep>& steps, const char* rate_format) {
    bool changed = false;
    const int count = static_cast<int>(steps.size());
    for (int i = 0; i < count; ++i) {
        ImGui::PushID(i);
        auto& step = steps[static_cast<std::size_t>(i)];
        if (i > 0) {
            // Each step starts after the one before and before the next.
            int hour = static_cast<int>(step.start_h);
            const int earliest = static_cast<int>(steps[static_cast<std::size_t>(i - 1)].start_h) + 1;
            const int latest = i + 1 < count ? static_cast<int>(steps[static_cast<std::size_t>(i + 1)].start_h) - 1 : 23;
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.35f);
            if (ImGui::SliderInt("##from", &hour, earliest, latest, (c.text("schedule_from") + " %02d:00").c_str())) {
                step.start_h = std::clamp(hour, earliest, latest);
                changed = true;
            }
        } else {
            ImGui::TextDisabled("%s 00:00", c.text("schedule_from").c_str());
        }
        ImGui::SameLine();
        changed |= rate_slider("##rate", step.rate_ml_per_day, rate_format);
        ImGui::PopID();
    }
    const int last_hour = static_cast<int>(steps.back().start_h);
    ImGui::BeginDisabled(count >= DeviceLimits{}.max_schedule_steps || last_hour >= 23);
    if (ImGui::Button(c.text("add_step").c_str())) {
        steps.push_back({static_cast<double>(std::min(last_hour + 2, 23)), steps.back().rate_ml_per_day});
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(count <= 2);
    if (ImGui::Button(c.text("remove_step").c_str())) {
        steps.pop_back();
        changed = true;
    }
    ImGui::EndDisabled();
    return changed;
}

// One extra dose: how much, over how long, and when (hours from the start), within the pump's flow.
// It starts as 0.1 mL of the solution in the pump: a volume, not a dose taken from a drug's range.
bool bolus_editor(const ProcedureContent& c, const Drug& drug, double concentration_mg_per_ml, const char* dose_format,
                  std::optional<SingleBolus>& bolus) {
    bool on = bolus.has_value();
    bool changed = false;
    if (ImGui::Checkbox(c.text("bolus").c_str(), &on)) {
        bolus = on ? std::optional<SingleBolus>(SingleBolus{0.1 * concentration_mg_per_ml, 30.0, 12.0}) : std::nullopt;
        changed = true;
    }
    if (!bolus) return changed;
    float dose = static_cast<float>(bolus->dose_mg), minutes = static_cast<float>(bolus->minutes),
          start = static_cast<float>(bolus->start_h);
    if (ImGui::SliderFloat(c.text("bolus_dose").c_str(), &dose, static_cast<float>(drug.usual_daily_dose_min_mg) * 0.1f,
                           static_cast<float>(drug.max_daily_dose_mg), dose_format, ImGuiSliderFlags_Logarithmic)) {
        bolus->dose_mg = dose;
        changed = true;
    }
    if (ImGui::SliderFloat(c.text("bolus_minutes").c_str(), &minutes, 5.0f, 240.0f, "%.0f min")) {
        bolus->minutes = minutes;
        changed = true;
    }
    if (ImGui::SliderFloat(c.text("bolus_start").c_str(), &start, 0.0f, 30.0f * 24.0f, "%.0f h")) {
        bolus->start_h = start;
        changed = true;
    }
    return changed;
}

// Load a program from a JSON file, or save the current one to a file the user names.
void program_file_row(const ProcedureContent& c, const std::string& message, PanelText& text, PanelActions& out) {
    char* path = text.program_path.data();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    ImGui::InputTextWithHint("##program", c.text("program_file").c_str(), path, text.program_path.size());
    if (ImGui::Button(c.text("load").c_str())) out.load_program = path;
    ImGui::SameLine();
    if (ImGui::Button(c.text("save").c_str())) out.save_program = path;
    if (!message.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", message.c_str());
        ImGui::PopTextWrapPos();
    }
}

// The drug view: choose the medicine and the program, move through 30 days, read the plots.
void drug_section(const PanelInput& in, PanelActions& out) {
    if (!in.drugs || in.drugs->drugs.empty()) return;
    const ProcedureContent& c = in.content;
    // Open when the medicine is first shown (the step about how it spreads opens the drug view).
    if (in.state.drug.shown) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!ImGui::CollapsingHeader(c.text("medicine_section").c_str())) return;
    DrugViewState d = in.state.drug;
    bool changed = ImGui::Checkbox(c.text("show_medicine").c_str(), &d.shown);
    const Drug* drug = in.drugs->find(d.drug);
    if (ImGui::BeginCombo(c.text("medicine").c_str(), drug_name(c, d.drug).c_str())) {
        for (const auto& option : in.drugs->drugs) {
            if (ImGui::Selectable(drug_name(c, option.name).c_str(), option.name == d.drug)) {
                d.drug = option.name;
                d.concentration_mg_per_ml = 0.0;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    drug = in.drugs->find(d.drug);
    const bool student = in.state.audience == Audience::student;
    const std::string words = c.text("amount_words");
    const AmountFormats formats = student ? AmountFormats{"%.3f mL/day", "%.3g mg/mL", "%.3g mg"}
                                          : AmountFormats{words.c_str(), words.c_str(), words.c_str()};
    bool daily = !d.schedule.empty();
    if (ImGui::Checkbox(c.text("schedule").c_str(), &daily)) {
        d.schedule = daily ? std::vector<ScheduleStep>{{0.0, d.rate_ml_per_day}, {8.0, d.rate_ml_per_day}} : std::vector<ScheduleStep>{};
        changed = true;
    }
    if (d.schedule.empty()) {
        changed |= rate_slider(c.text("rate").c_str(), d.rate_ml_per_day, formats.rate);
    } else {
        changed |= schedule_editor(c, d.schedule, formats.rate);
    }
    if (drug) {
        float conc = static_cast<float>(d.concentration_mg_per_ml > 0.0 ? d.concentration_mg_per_ml : drug->usual_concentration_mg_per_ml);
        if (ImGui::SliderFloat(c.text("strength").c_str(), &conc, drug->max_concentration_mg_per_ml / 100.0f,
                               static_cast<float>(drug->max_concentration_mg_per_ml), formats.strength, ImGuiSliderFlags_Logarithmic)) {
            d.concentration_mg_per_ml = conc;
            changed = true;
        }
        ImGui::PushTextWrapPos(0.0f);
        if (student) {
            ImGui::TextDisabled("%s", c.format("daily_amount", {{"amount", number(daily_volume_ml(d) * conc)},
                                                                {"low", number(drug->usual_daily_dose_min_mg)},
                                                                {"high", number(drug->usual_daily_dose_max_mg)}}).c_str());
            ImGui::TextDisabled("%s", c.text("illustrative_defaults").c_str());
        }
        ImGui::TextDisabled("%s", c.text("not_advice").c_str());
        ImGui::PopTextWrapPos();
        changed |= bolus_editor(c, *drug, conc, formats.dose, d.bolus);
    }
    if (in.text) program_file_row(c, in.program_message, *in.text, out);
    float day = static_cast<float>(d.time_h / 24.0);
    // Patients read whole days; students the fraction too.
    const char* day_format = in.state.audience == Audience::student ? "%.2f" : "%.0f";
    if (ImGui::SliderFloat(c.text("day").c_str(), &day, 0.0f, 30.0f, day_format)) {
        d.time_h = day * 24.0;
        changed = true;
    }
    if (ImGui::Button((d.playing ? c.text("pause") : c.text("play")).c_str())) {
        d.playing = !d.playing;
        changed = true;
    }
    ImGui::SameLine();
    int speed = static_cast<int>(d.speed_h_per_s);
    const std::string speed_names[] = {c.text("speed_1h"), c.text("speed_4h"), c.text("speed_1d")};
    const char* speeds[] = {speed_names[0].c_str(), speed_names[1].c_str(), speed_names[2].c_str()};
    int choice = speed <= 1 ? 0 : (speed <= 4 ? 1 : 2);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::Combo("##speed", &choice, speeds, IM_ARRAYSIZE(speeds))) {
        d.speed_h_per_s = choice == 0 ? 1.0 : (choice == 1 ? 4.0 : 24.0);
        changed = true;
    }
    if (ImGui::Checkbox(c.text("relief").c_str(), &d.relief)) changed = true;
    if (d.relief) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", c.text("relief_note").c_str());
        ImGui::PopTextWrapPos();
    }
    for (const auto& e : in.spread_errors) ImGui::TextColored(kNoteColour, "%s", e.message.c_str());
    if (changed) out.drug = d;
}

// The drug view's plots, in a window at the right of the 3D view while the drug is shown.
void spread_window(const PanelInput& in, const ScreenRect& place) {
    if (!in.state.drug.shown || !in.spread || in.spread->times_h.empty()) return;
    ImGui::SetNextWindowPos(ImVec2(place.x, place.y));
    ImGui::SetNextWindowSize(ImVec2(place.width, place.height));
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings;
    const std::string title = in.content.format("medicine_window", {{"drug", drug_name(in.content, in.state.drug.drug)}}) +
                              "###spread";
    ImGui::Begin(title.c_str(), nullptr, flags);
    const DrugViewState& d = in.state.drug;
    char hour[8];
    std::snprintf(hour, sizeof hour, "%02d", static_cast<int>(std::fmod(d.time_h, 24.0)));
    const bool student = in.state.audience == Audience::student;
    if (student) {
        ImGui::TextUnformatted(
            in.content.format("day_time", {{"day", std::to_string(static_cast<int>(d.time_h / 24.0))}, {"hour", hour}}).c_str());
    } else {  // "Day 1, 00:00" reads as the start: say how long the pump has run
        const bool hours = d.time_h < 48.0;
        const int n = static_cast<int>(hours ? d.time_h : d.time_h / 24.0);
        ImGui::TextUnformatted(in.content.format(hours ? "hours_since_start" : "days_since_start", {{"n", std::to_string(n)}}).c_str());
    }
    const float top = static_cast<float>(peak_concentration(*in.spread));
    const auto now = spread_at(*in.spread, d.time_h);
    colour_scale_legend(in.content, student, std::max(top, 1e-6f), in.scale);
    const Drug* drug = in.drugs ? in.drugs->find(d.drug) : nullptr;
    if (!student) {
        const bool far = drug && drug->hydrophilic;
        ImGui::TextWrapped("%s", in.content.text(far ? "spread_words_far" : "spread_words").c_str());
        ImGui::TextWrapped("%s", in.content.text("spread_model_note").c_str());
    }
    ImGui::TextWrapped("%s", in.content.text("now_along_spine").c_str());
    const LevelBand* band = student && in.spread_band ? &*in.spread_band : nullptr;
    level_plot(*in.spread, now, std::max(top, 1e-6f), 26.0f * 9.0f * in.scale, band, in.content,
               in.state.audience == Audience::patient);
    if (band) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", in.content.text("band_note").c_str());
        ImGui::PopStyleColor();
    }
    if (!student) {
        // What a patient does with the picture: nothing but the warning signs.
        ImGui::Spacing();
        ImGui::TextWrapped("%s", in.content.text("spread_action").c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, kUrgentColour);
        ImGui::TextWrapped("%s", in.content.text("spread_urgent").c_str());
        ImGui::PopStyleColor();
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s", in.content.text("all_days").c_str());
    heat_map(*in.spread, std::max(top, 1e-6f), d.time_h, 30.0 * 24.0, 26.0f * 4.0f * in.scale);
    std::vector<float> reservoir(in.spread->reservoir_ml.begin(), in.spread->reservoir_ml.end());
    const std::size_t at = std::min(reservoir.size() - 1, static_cast<std::size_t>(std::lower_bound(in.spread->times_h.begin(),
                                        in.spread->times_h.end(), d.time_h) - in.spread->times_h.begin()));
    const std::string overlay = in.content.format("reservoir", {{"ml", number(reservoir[at])}});
    ImGui::PlotLines("##reservoir", reservoir.data(), static_cast<int>(reservoir.size()), 0, overlay.c_str(), 0.0f,
                     40.0f, ImVec2(ImGui::GetContentRegionAvail().x, 60.0f * in.scale));
    {
        ImGui::TextWrapped("%s", in.content.format("totals", {{"given", number(in.spread->delivered_mg)},
                                                              {"left", number(in.spread->in_csf_mg)},
                                                              {"cleared", number(in.spread->cleared_mg)}}).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", in.content.text("spread_evidence").c_str());
        ImGui::PopStyleColor();
    }
    ImGui::End();
}

}  // namespace

float panel_width(float scale) { return kPanelWidthPx * scale; }
float spread_window_width(float scale) { return 300.0f * scale; }

ScreenLayout screen_layout(float width, float height, bool panel, float scale, bool charts) {
    ScreenLayout l;
    l.scene = {0.0f, 0.0f, width, height};
    if (!panel) return l;
    const float charts_w = charts ? spread_window_width(scale) : 0.0f;
    if (height > width) {
        l.portrait = true;
        const float band = std::round(height * kPortraitPanelFraction);
        l.scene.height = height - band;
        // The charts beside the panel while the panel keeps its usual width; else the panel's width.
        const float beside = width - charts_w >= panel_width(scale) ? charts_w : 0.0f;
        l.panel = {0.0f, height - band, width - beside, band};
        l.charts = charts ? ScreenRect{width - (beside > 0.0f ? beside : charts_w), height - band, beside > 0.0f ? beside : charts_w, band}
                          : ScreenRect{};
        return l;
    }
    const float panel_w = panel_width(scale);
    l.panel = {0.0f, 0.0f, panel_w, height};
    l.charts = charts ? ScreenRect{width - charts_w, 0.0f, charts_w, height} : ScreenRect{};
    // Keep a usable 3D view even in a narrow window: the panel (then the charts) overlap it.
    if (width - panel_w - charts_w >= width / 3.0f) {
        l.scene = {panel_w, 0.0f, width - panel_w - charts_w, height};
    } else if (width - panel_w >= width / 3.0f) {
        l.scene = {panel_w, 0.0f, width - panel_w, height};
    }
    return l;
}

PanelActions draw_panel(const PanelInput& in, const ScreenLayout& layout) {
    PanelActions out;
    ImGui::SetNextWindowPos(ImVec2(layout.panel.x, layout.panel.y));
    ImGui::SetNextWindowSize(ImVec2(layout.panel.width, layout.panel.height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("Thecaview", nullptr, flags);
    ImGui::TextUnformatted("Thecaview");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", in.content.text("app_subtitle").c_str());
    education_note(in.content);
    language_and_level(in, out);
    about_box(in.content);
    ImGui::Separator();
    steps_section(in, out);
    ImGui::Separator();
    views_section(in, out);
    // The tools for taking the body apart (what is shown, cuts, the implant's options) are the
    // student's: a patient's panel keeps to the steps, the views and the medicine.
    if (in.state.audience == Audience::student) {
        structures_section(in, out);
        cut_section(in, out);
        implant_section(in, out);
    }
    drug_section(in, out);
    ImGui::End();
    spread_window(in, layout.charts);
    return out;
}

}  // namespace thecaview
