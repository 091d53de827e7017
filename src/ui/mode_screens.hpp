// The screens of the kiosk, signage and classroom modes: the kiosk's start screen and PIN pad,
// the large captions of the tour, the "still there?" notice, the classroom's tool bar and its
// list of shortcuts. Each reads what it shows and returns what was asked for; none touch GL.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <glm/vec2.hpp>

#include "core/config.hpp"
#include "core/content.hpp"
#include "core/kiosk.hpp"

struct ImFont;

namespace thecaview {

// ---- Kiosk start screen -------------------------------------------------------------------
struct StartScreenInput {
    const ProcedureContent& content;  // in the language chosen so far
    std::vector<std::pair<std::string, std::string>> languages;  // code and name
    float scale = 1.0f;
    ImFont* large = nullptr;
    float bottom = 0.0f;  // the card is centred above this (the captions' top); 0: the display's height
};
struct StartScreenActions {
    bool start = false;
    std::optional<std::string> language;
};
StartScreenActions draw_start_screen(const StartScreenInput& input);

// ---- Captions of the tour (kiosk attract loop, signage) ----------------------------------
struct CaptionInput {
    const ProcedureContent& content;
    int step = 0;
    int card = 0;               // which of the step's short cards is shown (signage_cards)
    const CareContacts* contacts = nullptr;  // the clinic's numbers, shown on a step with contacts
    ImFont* font = nullptr;     // the caption font: at least 4 % of the screen's height
    glm::vec2 drift_px{0.0f};   // burn-in drift
    bool top = false;           // at the top of the screen (under the kiosk's start buttons)
};
// Returns the captions' top edge in display pixels.
float draw_captions(const CaptionInput& input);

// ---- Kiosk: the visit is about to time out ---------------------------------------------------
void draw_still_there(const ProcedureContent& content, double seconds_left, ImFont* large);

// ---- Kiosk: the operator's PIN pad -----------------------------------------------------------
struct PinPadActions {
    std::optional<char> digit;
    bool erase = false;
    bool submit = false;
    bool cancel = false;
};
struct PinPadInput {
    const ProcedureContent& content;
    const PinPad& pad;
    std::string message;  // after a wrong PIN
    float scale = 1.0f;
};
PinPadActions draw_pin_pad(const PinPadInput& input);

// ---- Classroom: tool bar and shortcuts -------------------------------------------------------
struct ToolBarActions {
    bool screenshot = false;
    bool toggle_full_screen = false;
    bool toggle_presenter_font = false;
    bool toggle_help = false;
};
struct ToolBarInput {
    const ProcedureContent& content;
    float right = 0.0f;  // the right edge of the 3D view, in display pixels
    float top = 0.0f;
    bool full_screen = false;
    bool presenter_font = false;
    std::string message;  // where the last screenshot went
};
ToolBarActions draw_tool_bar(const ToolBarInput& input);
// The shortcut list (F1); returns false when closed.
bool draw_help(const ProcedureContent& content);

}  // namespace thecaview
