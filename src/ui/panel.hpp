// The side panel: procedure steps, named views and structure toggles. Reads state, returns actions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/views.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/drugs.hpp"
#include "core/simulation.hpp"
#include "core/viewer_state.hpp"

namespace thecaview {

struct PanelActions {
    std::optional<int> select_step;
    std::optional<std::string> go_to_view;
    std::optional<StructureMask> visible_mask;
    std::optional<StructureMask> xray_mask;
    std::optional<CutSettings> cut;
    std::optional<AnatomyOptions> anatomy;
    std::optional<bool> level_markers;
    std::optional<bool> structure_labels;
    std::optional<int> skin_tone;  // 1 (light) to 6 (dark)
    std::optional<DrugViewState> drug;
    std::optional<std::string> load_program;  // a program file to load into the drug view
    std::optional<std::string> save_program;  // a file to save the drug view's program to
    std::optional<std::string> language;
    std::optional<Audience> audience;
    std::optional<bool> autoplay;
    std::optional<int> quiz_choice;          // the choice picked for the open question
    std::optional<std::uint32_t> quiz_tap;   // the structure tapped for the open question (0: nothing)
    bool quiz_next = false;                  // on from the question: the next one, or the next step
    bool handout = false;                    // save (classroom) or print (kiosk) the take-home handout

    [[nodiscard]] bool any() const {
        return select_step || go_to_view || visible_mask || xray_mask || cut || anatomy || level_markers ||
               structure_labels || skin_tone || drug || load_program || save_program ||
               language || audience || autoplay || quiz_choice || quiz_tap || quiz_next || handout;
    }
};

// What the panel's text fields hold while someone types: UI memory the app owns and passes in,
// not app state (and not a static: each viewer has its own).
struct PanelText {
    std::array<char, 512> program_path{"program.json"};
};

struct PanelInput {
    const ViewerState& state;
    const ProcedureContent& content;  // in the language shown
    const std::vector<NamedView>& views;
    float scale = 1.0f;  // UI scale (content scale of the display)
    const DrugLibrary* drugs = nullptr;        // for the drug view (none: no drug section)
    const SimulationResult* spread = nullptr;  // the drug view's simulation so far
    InputErrors spread_errors;                 // why the drug view's program cannot run
    std::vector<std::pair<std::string, std::string>> languages;  // code and name of each language
    std::string program_message;  // how the last load or save went
    PanelText* text = nullptr;    // the fields being typed; none: no file row (a kiosk reads and writes no files)
    std::optional<LevelBand> spread_band = std::nullopt;  // across plausible parameters at the time shown, once computed
    const CareContacts* contacts = nullptr;  // the clinic's names and numbers, for the steps that show them
    // On the steps that offer the handout: its button ("Save the handout", "Print a handout"; empty:
    // none, e.g. a kiosk with no printer), greyed while `handout_busy`, and how the last one went.
    std::string handout_button{};
    bool handout_busy = false;
    std::string handout_message{};
};

// The panel's width in pixels at this scale; the 3D view fills the rest of the window.
float panel_width(float scale);
// The drug's charts' window, at the right of the 3D view while the drug is shown.
float spread_window_width(float scale);

// Where the panel, the drug's charts and the 3D picture go in a window (pixels, top-left origin).
// Landscape: the panel at the left, the charts at the right, the picture between them (a window
// too narrow for that lets the panel overlap the picture). Portrait (taller than wide, such as a
// 9:16 kiosk screen): the picture on top, the panel below it across the width, the charts at the
// panel's right.
struct ScreenRect {
    float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f;
};
struct ScreenLayout {
    ScreenRect scene, panel, charts;
    bool portrait = false;
};
// The fraction of a portrait window's height the panel takes.
inline constexpr float kPortraitPanelFraction = 0.42f;
ScreenLayout screen_layout(float width, float height, bool panel, float scale, bool charts);

// Draws the panel (and the drug's charts, while they are shown) where the layout puts them and
// returns what the user asked for.
PanelActions draw_panel(const PanelInput& input, const ScreenLayout& layout);

}  // namespace thecaview
