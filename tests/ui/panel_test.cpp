// The panel as it is drawn: every text it writes, captured with Dear ImGui's log (tree nodes and
// collapsing headers opened while logging), without a window or GL.
#include <cmath>
#include <map>
#include <regex>
#include <string>

#include <gtest/gtest.h>
#include <imgui.h>

#include "core/anatomy.hpp"
#include "core/content.hpp"
#include "core/drugs.hpp"
#include "core/simulation.hpp"
#include "core/viewer_state.hpp"
#include "core/views.hpp"
#include "ui/panel.hpp"

namespace thecaview {
namespace {

class PanelText : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(kWidth, kHeight);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        content = parse_procedure(built_in_procedure_json(), "<built-in>", view_names(built_in_view_specs())).content;
        drugs = parse_drugs(built_in_drugs_json(), "<built-in>").value;
        const Drug& morphine = *drugs.find("morphine");
        SimulationRequest request;
        request.program = continuous_program(morphine, 0.5, morphine.usual_concentration_mg_per_ml);
        request.hours = 48.0;
        spread = simulate(build_anatomy(), parse_csf_parameters(built_in_spread_json(), "<built-in>").value, morphine, request);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // Everything the panel and the drug's chart window write in one frame of this state.
    // The display is tall enough that nothing is clipped (clipped items are not drawn); the first
    // frame lays the windows out, the second is read back. Dear ImGui draws text as glyph quads:
    // each quad's first texture coordinate names its glyph in the font atlas, so the drawn text
    // can be read back from the draw lists (a space wherever the pen jumps).
    std::string text_of(const ViewerState& state) {
        const std::vector<NamedView> views;
        PanelInput in{state, content, views, 1.0f, &drugs, &spread, {}, {{"en", "English"}}, ""};
        for (int frame = 0; frame < 2; ++frame) {
            ImGui::NewFrame();
            draw_panel(in, screen_layout(kWidth, kHeight, true, 1.0f, true));
            ImGui::Render();
        }
        std::map<std::pair<float, float>, const ImFontGlyph*> glyphs;
        for (const ImFont* font : ImGui::GetIO().Fonts->Fonts) {
            for (const ImFontGlyph& g : font->Glyphs) {
                if (g.Visible) glyphs[{g.U0, g.V0}] = &g;
            }
        }
        std::string text;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l) {
            const ImDrawList* list = data->CmdLists[l];
            float last_x = -1e9f, last_y = -1e9f;
            for (int v = 0; v + 3 < list->VtxBuffer.Size; ++v) {
                // A glyph's quad: its corners carry (U0, V0) ... (U1, V1); other shapes are skipped.
                const ImDrawVert& a = list->VtxBuffer[v];
                const auto it = glyphs.find({a.uv.x, a.uv.y});
                if (it == glyphs.end()) continue;
                const ImDrawVert& c2 = list->VtxBuffer[v + 2];
                if (c2.uv.x != it->second->U1 || c2.uv.y != it->second->V1) continue;
                if (std::abs(a.pos.y - last_y) > 2.0f || a.pos.x < last_x || a.pos.x - last_x > 14.0f) text += ' ';
                last_x = a.pos.x;
                last_y = a.pos.y;
                v += 3;
                const unsigned c = it->second->Codepoint;
                if (c < 0x80) {
                    text += static_cast<char>(c);
                } else if (c < 0x800) {
                    text += static_cast<char>(0xC0 | (c >> 6));
                    text += static_cast<char>(0x80 | (c & 0x3F));
                } else {
                    text += static_cast<char>(0xE0 | (c >> 12));
                    text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                    text += static_cast<char>(0x80 | (c & 0x3F));
                }
            }
        }
        return text;
    }
    static constexpr float kWidth = 1280.0f, kHeight = 8000.0f;

    ProcedureContent content;
    DrugLibrary drugs;
    SimulationResult spread;
};

// A number with a unit of an amount of medicine: "0.5 mL", "12 mg", "3.1 µg/mL".
const std::regex kDoseAmount(R"((\d+([.,]\d+)?)\s*(mg|µg|ug|mcg|mL|ml)\b)");

// Issue 15: at patient level the drug view shows no amounts of medicine at all, only words; the
// student's shows them (so the capture sees the drug view's text).
TEST_F(PanelText, ThePatientsDrugViewShowsNoAmountOfMedicine) {
    ViewerState state;
    state.drug.shown = true;
    state.drug.time_h = 24.0;
    state.step = 12;  // how the medicine spreads
    state.audience = Audience::patient;
    const std::string patient = text_of(state);
    const auto drawn = [&](const std::string& key) {  // the read-back text has its spaces where the pen jumped
        std::string want, got;
        for (const char ch : content.text(key)) if (ch != ' ') want += ch;
        for (const char ch : patient) if (ch != ' ') got += ch;
        return got.find(want) != std::string::npos;
    };
    ASSERT_TRUE(drawn("show_medicine")) << "the drug section was drawn: " << patient;
    ASSERT_TRUE(drawn("spread_model_note")) << "the chart window was drawn";
    std::smatch m;
    EXPECT_FALSE(std::regex_search(patient, m, kDoseAmount)) << "patient text shows \"" << m.str() << "\"";
    state.audience = Audience::student;
    const std::string student = text_of(state);
    EXPECT_TRUE(std::regex_search(student, kDoseAmount)) << "the student's drug view shows its amounts";
}

// Issue 14: the Views section offers both bodies by name, in each language's words.
TEST_F(PanelText, TheViewsSectionOffersBothBodies) {
    const std::string text = text_of(ViewerState{});
    std::string got;
    for (const char ch : text) if (ch != ' ') got += ch;
    for (const char* key : {"body", "body_female", "body_male", "skin_tone"}) {
        std::string want;
        for (const char ch : content.text(key)) if (ch != ' ') want += ch;
        EXPECT_NE(got.find(want), std::string::npos) << key << " in: " << text;
    }
}

}  // namespace
}  // namespace thecaview
